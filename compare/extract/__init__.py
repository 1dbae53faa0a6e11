"""Extract facts from an article: numbers, ranks, dates, quotations and people.

Each kind has its own module with its own patterns; `extract_facts` runs them all
and returns the facts in text order. Every fact satisfies
`article.text[fact.start:fact.end] == fact.text`.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Collection, Iterable

from compare.extract.dates import extract_dates, infer_article_date
from compare.extract.measures import resolve_pronouns
from compare.extract.numbers import extract_numbers
from compare.extract.people import extract_people
from compare.extract.quotes import extract_quotes
from compare.extract.ranks import extract_ranks
from compare.records import AMOUNT_KINDS, Article, Fact, FactKind

__all__ = ["extract_facts", "infer_article_date", "merge_facts"]

KIND_ORDER = {kind: rank for rank, kind in enumerate(FactKind)}


def extract_facts(article: Article, kinds: Collection[FactKind] | None = None) -> tuple[Fact, ...]:
    """Return every fact of `article` (of `kinds` only, if given), sorted by position then kind.

    With `kinds`, only the extractors that can yield one of them run (numbers,
    ranks, dates, quotations, people): each depends on the article alone, so the facts of
    a kind are the same whichever others are asked for.
    """
    wanted = frozenset(FactKind) if kinds is None else frozenset(kinds)
    anchor = dt.date.fromisoformat(article.date[:10]) if article.date and len(article.date) >= 10 else None
    found: list[Fact] = []
    numbers, ranks, dates = bool(wanted & AMOUNT_KINDS), FactKind.RANK in wanted, FactKind.DATE in wanted
    for sentence in article.sentences if numbers or ranks or dates else ():
        if numbers:
            found.extend(resolve_pronouns(article, sentence, list(extract_numbers(article, sentence))))
        if ranks:
            found.extend(extract_ranks(article, sentence))
        if dates:
            found.extend(extract_dates(article, sentence, anchor))
    if FactKind.QUOTE in wanted:
        found.extend(extract_quotes(article))
    if FactKind.PERSON in wanted:
        found.extend(extract_people(article))
    if kinds is not None:
        found = [f for f in found if f.kind in wanted]
    return merge_facts(found)


def merge_facts(*groups: Iterable[Fact]) -> tuple[Fact, ...]:
    """The facts of `groups` in `extract_facts`' order, once each: `extract_facts(a, k1)` and `(a, k2)` merge into `(a, k1 | k2)`."""
    unique = {(f.kind, f.start, f.end): f for f in itertools.chain.from_iterable(groups)}
    return tuple(sorted(unique.values(), key=lambda f: (f.start, f.end, KIND_ORDER[f.kind])))
