"""Extract facts from an article: numbers, dates, quotations and people.

Each kind has its own module with its own patterns; `extract_facts` runs them all
and returns the facts in text order. Every fact satisfies
`article.text[fact.start:fact.end] == fact.text`.
"""

from __future__ import annotations

import datetime as dt

from compare.extract.dates import extract_dates, infer_article_date
from compare.extract.measures import resolve_pronouns
from compare.extract.numbers import extract_numbers
from compare.extract.people import extract_people
from compare.extract.quotes import extract_quotes
from compare.records import Article, Fact, FactKind

__all__ = ["extract_facts", "infer_article_date"]

KIND_ORDER = {kind: rank for rank, kind in enumerate(FactKind)}


def extract_facts(article: Article) -> tuple[Fact, ...]:
    """Return every fact of `article`, sorted by position then kind."""
    anchor = dt.date.fromisoformat(article.date[:10]) if article.date and len(article.date) >= 10 else None
    found: list[Fact] = []
    for sentence in article.sentences:
        found.extend(resolve_pronouns(article, sentence, list(extract_numbers(article, sentence))))
        found.extend(extract_dates(article, sentence, anchor))
    found.extend(extract_quotes(article))
    found.extend(extract_people(article))
    unique = {(f.kind, f.start, f.end): f for f in found}
    return tuple(sorted(unique.values(), key=lambda f: (f.start, f.end, KIND_ORDER[f.kind])))
