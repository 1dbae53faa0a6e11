"""Time fact extraction alone, per extractor, on BBC News articles.

Usage:
    python bench/extract_speed.py --data ../shared/eval [--limit 2225] [--repeat 3]

Reads the BBC articles the way bench/pipeline.py does, dates them as the pipeline
does (`date_articles`), then times `extract_facts` over all of them and each
extractor on its own: numbers and dates (run per sentence), quotes (which also
finds the people it resolves speakers with), people, and date inference
(`infer_article_date`, run by the pipeline's `date` stage). Each figure is the best
of `--repeat` runs, since the machine is shared. Prints one table: articles, MB,
extraction seconds, MB/s, ms per article, then seconds per extractor.
Figures, not assertions: speed is checked here, never in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from pipeline import load_bbc
from tabulate import tabulate

from compare.extract import extract_facts, infer_article_date
from compare.extract.dates import extract_dates
from compare.extract.numbers import extract_numbers
from compare.extract.people import extract_people
from compare.extract.quotes import extract_quotes
from compare.pipeline import date_articles
from compare.records import Article

ROOT = Path(__file__).resolve().parent.parent


def best_of(repeat: int, work: Callable[[], object]) -> float:
    """The shortest wall time of `repeat` runs of `work`."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def run_numbers(articles: list[Article]) -> None:
    for article in articles:
        for sentence in article.sentences:
            for _ in extract_numbers(article, sentence):
                pass


def run_dates(articles: list[Article]) -> None:
    for article in articles:
        anchor = dt.date.fromisoformat(article.date[:10]) if article.date and len(article.date) >= 10 else None
        for sentence in article.sentences:
            for _ in extract_dates(article, sentence, anchor):
                pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=2225, help="BBC articles to read (2,225 in all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure; the best is shown")
    args = parser.parse_args()
    bbc = args.data / "bbc-news-2225" / "bbc_news.jsonl"
    raw = load_bbc(bbc, args.limit)
    articles = date_articles(raw)
    megabytes = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    total = best_of(args.repeat, lambda: [extract_facts(a) for a in articles])
    parts = {
        "numbers s": best_of(args.repeat, lambda: run_numbers(articles)),
        "dates s": best_of(args.repeat, lambda: run_dates(articles)),
        "quotes s": best_of(args.repeat, lambda: [list(extract_quotes(a)) for a in articles]),
        "people s": best_of(args.repeat, lambda: [list(extract_people(a)) for a in articles]),
        "date inference s": best_of(args.repeat, lambda: [infer_article_date(a) for a in raw]),
    }
    row = [
        f"bbc-{len(articles)}", str(len(articles)), f"{megabytes:.2f}", f"{total:.2f}",
        f"{megabytes / total:.2f}", f"{1000 * total / len(articles):.2f}",
        *(f"{seconds:.2f}" for seconds in parts.values()),
    ]  # fmt: skip
    headers = ["corpus", "articles", "MB", "extract s", "MB/s", "ms/article", *parts]
    print(tabulate([row], headers=headers, tablefmt="github", disable_numparse=True))
    print(f"(best of {args.repeat}; quotes s includes the people pass quotes runs to resolve speakers)")


if __name__ == "__main__":
    main()
