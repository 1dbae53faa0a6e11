"""Numeric facts in news copy: hedges of conversions, ASCII-folded currency signs, pence, and their hard negatives."""

from __future__ import annotations

import pytest

from compare.extract.numbers import extract_numbers
from compare.records import Article, Fact, Sentence


def facts(sentence: str) -> list[Fact]:
    article = Article(id="t", path="t.txt", text=sentence, sentences=(Sentence(0, sentence, 0, len(sentence), 1, 0),))
    return list(extract_numbers(article, article.sentences[0]))


def hedged(sentence: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.qualifier) for f in facts(sentence)]


def money(sentence: str) -> list[tuple[str, float, str | None]]:
    return [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence) if f.kind.value == "money"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The tank holds ~40 litres and weighs ~12kg.", [("40 litres", "about"), ("12kg", "about")]),
        ("The plot measures ≈ 300 m2.", [("300 m2", "about")]),
        # A conversion in parentheses is as hedged as the amount it converts.
        (
            "The engine makes more than 250 hp (186 kW / 253 PS) at 6,000 rpm.",
            [("250 hp", "more than"), ("186 kW", "more than"), ("253 PS", "more than"), ("6,000 rpm", None)],
        ),
        ("The ridge runs for about nine miles (14 km) inland.", [("nine miles", "about"), ("14 km", "about")]),
        ("Sea levels fell by 2 metres (6.6 feet) in the period.", [("2 metres", "down"), ("6.6 feet", "down")]),
        # A future or infinitive change verb gives a direction too.
        ("Profits could fall 4% and sales are set to climb 2%.", [("4%", "down"), ("2%", "up")]),
        ("Guidance was revised upward by $40 million.", [("$40 million", "up")]),
        # Hard negatives: a tilde glued to an id is no hedge, counts in parentheses that convert nothing,
        # an unhedged amount before a hedged conversion, and a change noun.
        ("Ticket ref~42 was closed.", [("42", None)]),
        ("About 300 sailors (40 pilots) were aboard.", [("300", "about"), ("40", None)]),
        ("The bridge is 1,200 metres (about 3,900 feet) long.", [("1,200 metres", None), ("3,900 feet", "about")]),
        ("A drop 10 times larger was feared.", [("10", None)]),
    ],
)
def test_hedges_and_directions(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    """`~` and `≈` are `about`; a conversion in parentheses inherits the hedge; `to fall 4%` is down."""
    assert expected == hedged(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # Copy folded to ASCII writes £ as "PS" and ¥ as "Y=".
        ("The bid valued the group at PS8.1bn; fees were PS21,700.", [("PS8.1bn", 8.1e9, "GBP"), ("PS21,700", 21700.0, "GBP")]),
        ("Shares closed at Y=28,030 after a Y=50 billion buyback.", [("Y=28,030", 28030.0, "JPY"), ("Y=50 billion", 50e9, "JPY")]),
        # Pence glued to the amount.
        ("Shares rose 4p to 118.5p, below the 200p target.", [("4p", 0.04, "GBP"), ("118.5p", 1.185, "GBP"), ("200p", 2.0, "GBP")]),
        # Hard negatives: consoles, schools, video resolutions, times.
        ("Sony sold the PS5 and the PS4 Pro; PS 118 in Queens reopened.", []),
        ("The 1080p and 720p streams start at 4pm and 9 p.m.", []),
    ],
)
def test_currency_in_ascii_copy_and_pence(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """`PS2.7m` is pounds and `Y=590 billion` yen; `118.5p` is pence; `PS5`, `1080p` and `4pm` are no money."""
    assert expected == money(sentence)


def test_ascii_folded_signs_leave_other_numbers_alone() -> None:
    """A console name is no amount, but the count after it still is."""
    assert [("5 million", 5e6, None)] == [(f.text, f.value, f.unit) for f in facts("The PS5 sold 5 million units.")]
