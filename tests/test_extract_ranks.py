"""Ranks: ordinals that place a thing in an order, kept apart from cardinals and dates."""

from __future__ import annotations

import pytest

from compare.align import align_all, group_stories
from compare.comparison import find_discrepancies
from compare.extract import extract_facts
from compare.extract.numbers import parse_number_words, parse_ordinal_words
from compare.ingest import article_from_text
from compare.records import DiscrepancyClass, FactKind


def ranks(text: str) -> list[tuple[str, float | str, str | None]]:
    article = article_from_text(text, id="t", date="2025-03-30")
    return [(f.text, f.value, f.counts) for f in extract_facts(article) if f.kind is FactKind.RANK]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("first", 1),
        ("second", 2),
        ("twelfth", 12),
        ("twenty-third", 23),
        ("one hundred and first", 101),
        ("one hundred twenty fifth", 125),
        ("hundredth", 100),
        ("two hundredth", 200),
        ("forty-six thousand three hundred twenty-second", 46322),
        ("three trillionth", 3_000_000_000_000),
        ("21st", 21),
        ("112th", 112),
        ("1,000th", 1000),
        ("21th", None),  # the suffix must agree with the number
        ("3st", None),
        ("thirds", None),  # a plural ordinal is a fraction
        ("second half", None),
        ("one hundred and thousandth", None),
    ],
)
def test_parse_ordinal_words(text: str, expected: int | None) -> None:
    assert parse_ordinal_words(text) == expected


def test_ordinals_are_not_cardinals() -> None:
    assert parse_number_words("twenty-third") is None
    assert parse_ordinal_words("twenty-three") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mizuho, Japan's second-largest bank, cut 1,000 jobs.", [("second-largest", 2.0, "largest bank")]),
        ("The company is the world's fifth-biggest carmaker.", [("fifth-biggest", 5.0, "biggest carmaker")]),
        ("Kanto Mutual is Japan's eighth largest life insurer.", [("eighth", 8.0, "largest life insurer")]),
        ("It was the third time this year that the bank raised rates.", [("third", 3.0, "time")]),
        ("Unemployment fell for the 14th straight month in March.", [("14th", 14.0, "straight month")]),
        ("She finished second in the 100 metres.", [("second", 2.0, None)]),
        ("Liverpool are in third place, two points behind.", [("third", 3.0, "place")]),
        ("He won a second term in 2004.", [("second", 2.0, "term")]),
        ("He scored in the 90th minute, his twenty-third goal.", [("90th", 90.0, "minute"), ("twenty-third", 23.0, "goal")]),
        ("Toyota posted its first-ever loss.", [("first-ever", 1.0, "loss")]),
        ("It was the one hundredth episode.", [("one hundredth", 100.0, "episode")]),
        ("The chancellor's ninth is due in March.", [("ninth", 9.0, None)]),
    ],
)
def test_ranks_and_what_they_rank(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert ranks(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Second World War ended in 1945, and the First Minister spoke.",  # names
        "The Fifth Fleet is based in Bahrain; the 3rd Infantry Division left.",
        "The meeting is on March 3rd, or on the 3rd of March, or on the 3rd.",  # days of a month
        "A third of voters backed the plan, and two-thirds opposed it.",  # fractions
        "Officials want a fifth.",
        "First-time buyers, a third-party app and second-hand cars.",  # compounds that rank nothing
        "First-quarter profit rose, and sales in the third quarter and the first half fell.",  # periods
        "Deposits dipped during the second week of June, in the lease's first year.",
        "It was not needed in the first place.",
        "For the first two weeks, and then for the first nine months, imports shrank.",  # the first so many
        "A second later, the crowd cheered; he paused for a second.",  # a unit of time
        "First, the committee met; he first said no, then it came second-hand.",  # adverbs
        "Every third household owns a car.",
    ],
)
def test_not_ranks(text: str) -> None:
    assert ranks(text) == []


BUDGET = [
    "The chancellor has fixed a date in mid-March for his statement, officials confirmed on Monday.",
    "In March the chancellor will present his {} budget, a record for the office.",
    "Economists expect him to keep to his fiscal rules and to announce help for pensioners.",
]


def check(texts: dict[str, list[str]]) -> list[tuple[str, str, list[float | str]]]:
    articles = [article_from_text("\n\n".join(t) + "\n", id=i, date="2005-02-14") for i, t in texts.items()]
    facts = {a.id: extract_facts(a) for a in articles}
    alignments = align_all(articles)
    found = find_discrepancies(articles, facts, group_stories(articles, alignments), alignments)
    return [(d.kind.value, d.cls.value, sorted(c.fact.value for c in d.claims)) for d in found]


def test_a_different_position_in_aligned_sentences_is_a_conflict() -> None:
    texts = {"a": [s.format("eighth") for s in BUDGET], "b": [s.format("ninth") for s in BUDGET]}
    assert check(texts) == [("rank", DiscrepancyClass.CONFLICT.value, [8.0, 9.0])]


def test_periods_and_fractions_are_not_compared_as_ranks() -> None:
    template = [
        "Acme Corp posted {} profit of 12 mln dlrs, up from a loss, it said.",
        "Europe gave a third of the company's sales, according to its filing.",
    ]
    texts = {"a": [s.format("first-quarter") for s in template], "b": [s.format("second-quarter") for s in template]}
    assert [d for d in check(texts) if d[0] == "rank"] == []
