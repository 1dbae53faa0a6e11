"""Time the sentence join (`align_all`) at a tenth of a corpus and at the whole of it.

Usage:
    python bench/align_speed.py --data ../shared/eval [--limit 24000] [--repeat 3]

Reads BBC News (`bbc-news-2225/bbc_news.jsonl`) and then, if present, Reuters-21578
(`reuters21578/reuters21578.jsonl`, items without a body skipped) from the folder given
by --data, never copied, up to --limit articles in all. The tenth is every tenth
article of those, so it mixes both corpora as the whole does. Prints one row per size:
articles, sentences, distinct sentences (of `min_tokens` or more), candidate pairs (those the join's bounds pass) per
distinct sentence, ratio() calls, aligned sentence pairs, align seconds (best of
--repeat, without the counting hooks), seconds per 1,000 articles, and peak RSS.
Figures, not assertions: speed is checked here, never in the tests.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tabulate import tabulate

import compare.align
import compare.join
from compare.align import AlignConfig, align_all, tokenize
from compare.ingest import article_from_text
from compare.records import Article

ROOT = Path(__file__).resolve().parent.parent


def load_bbc(path: Path, limit: int) -> list[Article]:
    articles: list[Article] = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if len(articles) >= limit:
                break
            record = json.loads(line)
            text = f"{record['title']}\n\n{record['text']}\n"
            articles.append(article_from_text(text, id="bbc-" + record["id"].replace("/", "-")))
    return articles


def reuters_date(stamp: str | None) -> str | None:
    """`26-FEB-1987 15:01:01.79` -> `1987-02-26`; None if it does not parse."""
    try:
        return dt.datetime.strptime((stamp or "").strip()[:11], "%d-%b-%Y").date().isoformat()
    except ValueError:
        return None


def load_reuters(path: Path, limit: int) -> list[Article]:
    articles: list[Article] = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if len(articles) >= limit:
                break
            record = json.loads(line)
            if not record.get("text"):
                continue
            text = f"{record.get('title') or ''}\n\n{record['text']}\n"
            date = reuters_date(record.get("date"))
            articles.append(article_from_text(text, id=f"reuters-{record['newid']:05d}", date=date))
    return articles


class Counters:
    """Counting hooks around the join: candidate pairs that pass the join's cheap bounds, and ratio() calls."""

    def __init__(self) -> None:
        self.candidates = 0
        self.ratios = 0

    def install(self) -> Callable[[], None]:
        candidates = compare.join.Plan.candidates
        ratio = compare.align._ratio

        def counted_candidates(plan: compare.join.Plan, block: slice) -> tuple[list[int], list[int]]:
            found = candidates(plan, block)
            self.candidates += len(found[0])
            return found

        def counted_ratio(*args: Any) -> float:
            self.ratios += 1
            return ratio(*args)

        compare.join.Plan.candidates = counted_candidates  # type: ignore[method-assign]
        compare.align._ratio = counted_ratio

        def uninstall() -> None:
            compare.join.Plan.candidates = candidates  # type: ignore[method-assign]
            compare.align._ratio = ratio

        return uninstall


def distinct_sentences(articles: Iterable[Article], config: AlignConfig) -> tuple[int, int]:
    sentences, distinct = 0, set[tuple[str, ...]]()
    for article in articles:
        tokenized = tokenize(article)
        sentences += len(tokenized.tokens)
        distinct.update(t for t in tokenized.tokens if len(t) >= config.min_tokens)
    return sentences, len(distinct)


def measure(name: str, articles: list[Article], repeat: int) -> list[str]:
    config = AlignConfig()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        alignments = align_all(articles, config)
        best = min(best, time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    counters = Counters()
    uninstall = counters.install()
    try:
        align_all(articles, config)
    finally:
        uninstall()
    sentences, distinct = distinct_sentences(articles, config)
    pairs = sum(len(a.pairs) for a in alignments)
    return [
        name, str(len(articles)), str(sentences), str(distinct), f"{counters.candidates / max(distinct, 1):.1f}",
        str(counters.ratios), str(pairs), f"{best:.2f}", f"{1000 * best / max(len(articles), 1):.2f}", f"{peak:.0f}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--limit", type=int, default=24000, help="articles to read, BBC first (2,225) then Reuters")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per size; the best is shown")
    args = parser.parse_args()
    bbc = args.data / "bbc-news-2225" / "bbc_news.jsonl"
    reuters = args.data / "reuters21578" / "reuters21578.jsonl"
    if not bbc.exists():
        parser.error(f"no {bbc}: give the evaluation folder with --data")
    articles = load_bbc(bbc, args.limit)
    if reuters.exists():
        articles += load_reuters(reuters, args.limit - len(articles))
    else:
        print(f"(no {reuters}: BBC only)")
    rows = [
        measure("1/10", articles[::10], args.repeat),
        measure("full", articles, args.repeat),
    ]
    headers = ["size", "articles", "sentences", "distinct", "candidates/sentence", "ratio() calls",
               "aligned pairs", "align s", "s per 1k articles", "peak RSS MB"]
    print(tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True))


if __name__ == "__main__":
    main()
