"""Lexicon: folding of spelling variants, counted nouns and places."""

from __future__ import annotations

import pytest

import compare.lexicon
from compare.lexicon import entities, fold_counts, fold_word, lower_words, name_words, tickers, words


@pytest.mark.parametrize(
    "a, b",
    [("defence", "defense"), ("re-establishing", "reestablishing"), ("Communist", "communist"),
     ("recognise", "recognize"), ("organisation", "organization"), ("tyres", "tires"), ("don’t", "don't")],
)
def test_variants_fold_together(a: str, b: str) -> None:
    """Spelling, case, hyphen and apostrophe variants fold to one word."""
    assert fold_word(a) == fold_word(b)


@pytest.mark.parametrize("a, b", [("promise", "promize"), ("tire", "tires"), ("defense", "offense")])
def test_different_words_stay_apart(a: str, b: str) -> None:
    """Words that only look alike do not fold together."""
    assert fold_word(a) != fold_word(b)


@pytest.mark.parametrize(
    "counts, expected",
    [("US military personnel", "troops"), ("troops", "troops"), ("soldiers", "troops"), ("service members", "troops"),
     ("gross domestic product", "gdp"), ("key priorities", "priority"), (None, None)],
)
def test_fold_counts(counts: str | None, expected: str | None) -> None:
    """What a number counts folds through synonyms and plurals."""
    assert expected == fold_counts(counts)


@pytest.mark.parametrize(
    "text, expected",
    [("the 55,000 troops of the U.S. Forces Japan", {"United States", "Japan"}),
     ("Seoul and Tokyo agreed", {"South Korea", "Japan"}),
     ("he told us the plan", set()),
     ("Diageo North America reported sales", {"North America"}),
     ("USDA ESTIMATES SOVIET WHEAT; the USSR and the European Community", {"Soviet Union", "European Union"}),
     ("Moroccan leaders met Peruvian and Sri Lankan envoys in Hong Kong", {"Morocco", "Peru", "Sri Lanka", "Hong Kong"}),
     ("Michael Jordan and Chad Smith toured Georgia", set())],  # names of people and of a US state
)
def test_entities(text: str, expected: set[str]) -> None:
    """Places fold to one name; the pronoun `us` and regions named America are not the US."""
    assert expected == set(entities(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nordic Rail Finance will sell notes, said Kestrel Partners.", {"nordic", "rail", "kestrel"}),
        ("Sales rose 5 pct in March, Mr Hegseth said on Monday.", {"hegseth"}),  # first word, title, calendar
        ("The dollar fell.", set()),
        ("Shr 27 cts vs 1.42 dlrs", set()),
    ],
)
def test_name_words(text: str, expected: set[str]) -> None:
    assert name_words(text) == expected


def test_name_words_of_an_all_capitals_headline_are_those_its_article_never_writes_in_lower_case() -> None:
    """In "ORBITAL MILLS <ORB> TO REDEEM PREFERRED STOCK" every word is a capital; the body says "redeem its preferred stock"."""
    body = "Orbital Mills Inc plans to redeem its preferred stock in May, it said."
    assert name_words("ORBITAL MILLS <ORB> TO REDEEM PREFERRED STOCK", lower_words(body)) == {"orbital", "mills", "orb"}
    assert name_words("(Note: Firm expects output to hold steady") == frozenset()  # "Firm" opens a clause


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Governor's 2,500-strong guard", ["the", "governors", "2", "500strong", "guard"]),
        ("Café owners in Zürich_West said", ["café", "owners", "in", "zürich", "west", "said"]),
        ("Ⅻ ½ ٣٤ 東京", ["xii", "1⁄2", "٣٤", "東京"]),  # NFKC folds the numeral and the fraction
        ("-- well-known -- 'quoted'", ["wellknown", "quoted"]),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_words_fold_alike_when_met_again_and_after_the_cache_is_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    """`words` keeps the folded forms it met; met again, or once the cache was cleared, a word folds as `fold_word` does."""
    monkeypatch.setattr(compare.lexicon, "FOLDED_LIMIT", 3)
    monkeypatch.setattr(compare.lexicon, "_FOLDED", {})
    sentences = ["The Organisation's re-elected chair", "the organisation RE-ELECTED its Chair", "Tyres, tyres and TYRES"]
    for sentence in sentences * 2:
        assert [fold_word(w) for w in compare.lexicon.RE_WORD.findall(sentence)] == words(sentence)
    assert len(compare.lexicon._FOLDED) <= 3 + 6  # cleared before it grew past the limit by a sentence's words


@pytest.mark.parametrize(
    "text, expected",
    [
        ("HECHINGER <HECHA> SELLS CONVERTIBLE DEBENTURES", {"HECHA"}),
        ("AMOCO <AN> SAYS DOME <DMP> BUY GOOD FOR CANADA", {"AN", "DMP"}),
        ("MANUFACTURERS<MHC> SELLS NOTES; MCRAE <MRI-A> INCREASES PAYOUT", {"MHC", "MRI-A"}),
        ("Apple Inc (AAPL.O) said on Monday", {"AAPL.O"}),
        ("Witco Corp (NYSE: WIT) and Elmira Savings (Nasdaq:ESBK) said", {"WIT", "ESBK"}),
        ("<SAMSUNG CO> CALENDAR 1986; said its <Prudential-Bache Securities> unit", {"SAMSUNG CO", "PRUDENTIAL-BACHE SECURITIES"}),
        # hard negatives: an abbreviation in brackets, markup, an address
        ("the United States (U.S.) and <b>bold</b>, write to <desk@example.com>", set()),
    ],
)
def test_tickers(text: str, expected: set[str]) -> None:
    assert expected == tickers(text)
