"""Time each pipeline stage on the seeds and on a sample of real BBC News articles.

Usage:
    python bench/pipeline.py --data ../shared/eval [--limit 500]

Prints one row per corpus: articles, MB, seconds per stage, articles/s and peak RSS.
The BBC texts are read from the evaluation folder given by --data, never copied.
Figures, not assertions: speed is checked here, never in the tests.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tabulate import tabulate

from compare.align import align_all, group_stories
from compare.comparison import find_discrepancies
from compare.extract import extract_facts
from compare.ingest import article_from_text, read_article
from compare.pipeline import date_articles, date_from_stories
from compare.records import Article

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent


def timed(clock: dict[str, float], stage: str, work: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = work()
    clock[stage] = time.perf_counter() - start
    return result


def measure(name: str, load: Callable[[], list[Article]]) -> list[str]:
    clock: dict[str, float] = {}
    articles = timed(clock, "ingest", load)
    articles = timed(clock, "date", lambda: sorted(date_articles(articles), key=lambda a: a.id))
    alignments = timed(clock, "align", lambda: align_all(articles))
    stories = timed(clock, "stories", lambda: group_stories(articles, alignments))
    articles = date_from_stories(articles, stories)
    facts = timed(clock, "extract", lambda: {a.id: extract_facts(a) for a in articles})
    found = timed(clock, "compare", lambda: find_discrepancies(articles, facts, stories, alignments))
    total = sum(clock.values())
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return [
        name, str(len(articles)), f"{megabytes:.2f}",
        *(f"{clock[s]:.2f}" for s in ("ingest", "date", "align", "stories", "extract", "compare")),
        f"{total:.2f}", f"{len(articles) / total:.0f}", str(len(found)), f"{peak:.0f}",
    ]


def load_bbc(path: Path, limit: int) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            if number >= limit:
                break
            record = json.loads(line)
            text = f"{record['title']}\n\n{record['text']}\n"
            articles.append(article_from_text(text, id=record["id"].replace("/", "-")))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=500, help="BBC articles to read (2,225 in all)")
    args = parser.parse_args()
    rows = [measure("seeds", lambda: [read_article(p) for p in sorted((ROOT / "seeds").glob("*.txt"))])]
    bbc = args.data / "bbc-news-2225" / "bbc_news.jsonl"
    if bbc.exists():
        rows.append(measure(f"bbc-{args.limit}", lambda: load_bbc(bbc, args.limit)))
    else:
        print(f"(no {bbc}: BBC row skipped)")
    headers = ["corpus", "articles", "MB", "ingest s", "date s", "align s", "stories s", "extract s",
               "compare s", "total s", "articles/s", "discrepancies", "peak RSS MB"]
    print(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True))


if __name__ == "__main__":
    main()
