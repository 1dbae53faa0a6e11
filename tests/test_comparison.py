"""Comparison: pairing facts about one thing, and classifying their differences.

These tests build facts by hand so that they test the comparer alone; the
end-to-end behaviour on real text is in test_pipeline.py.
"""

from __future__ import annotations

import itertools
import random
from typing import Any

import pytest
import regex

from compare import comparison
from compare.align import align_all, group_stories
from compare.comparison import CompareConfig, find_discrepancies
from compare.extract import extract_facts
from compare.ingest import article_from_text, read_article
from compare.records import NUMERIC_KINDS, Article, Discrepancy, Fact, FactKind
from tests.conftest import CASES, SEEDS


def make(id: str, sentences: list[str], date: str | None = "2025-03-30") -> Article:
    return article_from_text("\n\n".join(sentences) + "\n", id=id, date=date)


def fact(article: Article, kind: FactKind, surface: str, value: float | str, occurrence: int = 0, **fields: object) -> Fact:
    """A fact for the `occurrence`-th appearance of `surface` in the article."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.text.index(surface, start + 1)
    sentence = next(s for s in article.sentences if s.start <= start < s.end)
    return Fact(kind, surface, value, start, start + len(surface), article.line_of(start), sentence.index, **fields)  # type: ignore[arg-type]


def run(articles: list[Article], facts: dict[str, list[Fact]], config: CompareConfig = CompareConfig()) -> tuple[Discrepancy, ...]:
    alignments = align_all(articles)
    stories = group_stories(articles, alignments)
    return find_discrepancies(articles, {k: tuple(v) for k, v in facts.items()}, stories, alignments, config)


SHARED = [
    "Hegseth and Ishiba wrapped up a high-level meeting in Tokyo on Sunday with a stark warning about threats.",
    "The Pentagon will add troops to the unit and give commanders expanded authority over the forces.",
]
TROOPS_A = "The United States has 54,000 US military personnel stationed in Japan, mostly in Okinawa."
TROOPS_B = "A joint force headquarters is being established to upgrade the 55,000 troops of the U.S. Forces Japan."


def troops(value_a: float, surface_a: str, value_b: float, surface_b: str, **hedge: object) -> tuple[Discrepancy, ...]:
    a = make("a", SHARED + [TROOPS_A.replace("54,000", surface_a)])
    b = make("b", SHARED + [TROOPS_B.replace("55,000", surface_b)])
    facts = {
        "a": [fact(a, FactKind.QUANTITY, surface_a, value_a, counts="US military personnel", **hedge)],
        "b": [fact(b, FactKind.QUANTITY, surface_b, value_b, counts="troops")],
    }
    return run([a, b], facts)


def test_rival_figures_are_a_high_conflict() -> None:
    """54,000 personnel versus 55,000 troops, both in Japan, is a high-severity conflict."""
    (found,) = troops(54000, "54,000", 55000, "55,000")
    assert ("conflict", "high", ["a", "b"], ["54,000", "55,000"]) == (
        found.cls.value, found.severity.value, [c.article for c in found.claims], [c.fact.text for c in found.claims]
    )
    assert "same subject (troops)" in found.reason


@pytest.mark.parametrize(
    "surface_a, value_a, surface_b, value_b",
    [
        ("55,000", 55000, "55 000", 55000),  # separators differ, value does not
        ("55,000", 55000, "55,000", 55000),
    ],
)
def test_same_value_written_differently_is_not_flagged(surface_a: str, value_a: float, surface_b: str, value_b: float) -> None:
    """`55,000` and `55 000` are one value."""
    assert () == troops(value_a, surface_a, value_b, surface_b)


def test_hedge_that_covers_softens_to_low() -> None:
    """`about 54,000` versus 55,000 is still listed, but low: the hedge covers it."""
    (found,) = troops(54000, "54,000", 55000, "55,000", qualifier="about")
    assert ("conflict", "low") == (found.cls.value, found.severity.value)


def test_far_apart_values_do_not_pair_by_subject() -> None:
    """Two troop counts of different size (5,000 vs 55,000) are not rival reports of one figure."""
    assert () == troops(5000, "5,000", 55000, "55,000")


def test_different_countries_are_not_compared() -> None:
    """Japan's 2% of GDP and South Korea's 3.5% of GDP are different subjects."""
    a = make("a", SHARED + ["Japan plans to raise defense spending to 2% of GDP ahead of schedule."])
    b = make("b", SHARED + ["South Korea has pledged to raise defense spending to 3.5% of GDP soon."])
    facts = {
        "a": [fact(a, FactKind.PERCENT, "2%", 2.0, unit="%", counts="GDP")],
        "b": [fact(b, FactKind.PERCENT, "3.5%", 3.5, unit="%", counts="GDP")],
    }
    assert () == run([a, b], facts)


def test_two_values_stated_by_both_are_agreement() -> None:
    """`from 2% ... to at least 3%` in both outlets pairs 2% with 2% and 3% with 3%."""
    text = "The Trump administration is considering pressure on Tokyo to increase defense spending from 2% of Japan's GDP to at least 3%."
    a = make("a", SHARED + [text])
    b = make("b", SHARED + [text.replace("is considering pressure", "is said to be considering pressuring")])
    facts = {
        x.id: [
            fact(x, FactKind.PERCENT, "2%", 2.0, unit="%", counts="GDP"),
            fact(x, FactKind.PERCENT, "3%", 3.0, unit="%", counts=None, qualifier="at least"),
        ]
        for x in (a, b)
    }
    assert () == run([a, b], facts)


def quotes(text_a: str, text_b: str, speaker_b: str = "Pete Hegseth") -> tuple[Discrepancy, ...]:
    a = make("a", SHARED + [f"“{text_a},” Mr. Hegseth said."])
    b = make("b", SHARED + [f"Hegseth said he and Nakatani had \"{text_b}\" in their talks."])
    facts = {
        "a": [fact(a, FactKind.QUOTE, text_a, text_a, speaker="Pete Hegseth", cue="said")],
        "b": [fact(b, FactKind.QUOTE, text_b, text_b, speaker=speaker_b, cue="said")],
    }
    return run([a, b], facts)


BASE = "Our job now, at this moment here, with our allies, is to say we are reestablishing deterrence"


@pytest.mark.parametrize(
    "text_b, expected",
    [
        (BASE, None),
        (BASE.replace("reestablishing", "re-establishing"), ("cosmetic", "low")),
        (BASE.replace("Our job now,", "our job now"), ("cosmetic", "low")),
        ("with our allies, is to say we are reestablishing deterrence", None),  # a partial quotation
        ("Our job now … is to say we are reestablishing deterrence", ("cosmetic", "low")),  # an elision
        (BASE.replace("we are reestablishing", "we are building"), ("reworded", "medium")),
        (BASE.replace("we are reestablishing", "we are not reestablishing"), ("reworded", "high")),
    ],
)
def test_quotation_versions(text_b: str, expected: tuple[str, str] | None) -> None:
    """Quotations differing in punctuation, case or hyphens are cosmetic; changed words are reworded."""
    found = quotes(BASE, text_b)
    assert expected == ((found[0].cls.value, found[0].severity.value) if found else None)


CURLY = "We’re reestablishing deterrence with our allies, and we’ll keep the ‘peace through strength’ promise"


@pytest.mark.parametrize(
    "text_b, expected",
    [
        (CURLY.replace("’", "'").replace("‘", "'"), None),  # straight apostrophes: the CMS's choice
        (CURLY.replace("’", "ʼ"), None),  # modifier-letter apostrophe
        (CURLY.replace("We’re", "We are"), ("reworded", "medium")),  # a contraction spelled out is other words
        (CURLY.replace("We’re", "we're"), ("cosmetic", "low")),  # case still shows
    ],
)
def test_quotation_marks_and_apostrophes_are_typography(text_b: str, expected: tuple[str, str] | None) -> None:
    """Curly against straight apostrophes and quotation marks is not a finding at all."""
    found = quotes(CURLY, text_b)
    assert expected == ((found[0].cls.value, found[0].severity.value) if found else None)


def test_reworded_quote_has_word_diff() -> None:
    """A reworded quotation carries a word-level diff naming both articles."""
    (found,) = quotes(BASE, BASE.replace("we are reestablishing", "we are building"))
    assert 1 == len(found.diff)
    assert "[-reestablishing-] {+building+}" in found.diff[0]


def test_quotes_of_different_speakers_are_not_versions() -> None:
    """The same words from two different speakers are not compared."""
    assert () == quotes(BASE, BASE.replace("reestablishing", "building"), speaker_b="Gen Nakatani")


def office(date_b: str | None) -> tuple[Discrepancy, ...]:
    a = make("a", ["Japanese Defense Minister Gen Nakatani met Hegseth in Tokyo on Sunday for talks."], date="2025-03-30")
    b = make("b", ["Japanese Defense Minister Shinjiro Koizumi plans to visit the US next month for talks."], date=date_b)
    facts = {
        "a": [fact(a, FactKind.PERSON, "Japanese Defense Minister Gen Nakatani", "Gen Nakatani", title="defense minister", org="Japan")],
        "b": [fact(b, FactKind.PERSON, "Japanese Defense Minister Shinjiro Koizumi", "Shinjiro Koizumi", title="defense minister", org="Japan")],
    }
    return run([a, b], facts)


@pytest.mark.parametrize(
    "date_b, expected",
    [
        ("2025-12-06", ("update", "low")),
        ("2025-04-01", ("conflict", "high")),
        (None, ("conflict", "medium")),
    ],
)
def test_office_holders_over_time(date_b: str | None, expected: tuple[str, str]) -> None:
    """Two holders of one office: months apart is an update, days apart a conflict, undated undecided."""
    (found,) = office(date_b)
    assert expected == (found.cls.value, found.severity.value)
    assert (None, "Japan's defense minister") == (found.story, found.subject)


def holders(names: list[str], dates: list[str | None] | None = None) -> tuple[Discrepancy, ...]:
    """One article per name, each naming its finance minister of Japan, dated `dates` (a day apart by default)."""
    dates = dates or [f"2025-04-{1 + n:02d}" for n in range(len(names))]
    articles, facts = [], {}
    for n, (name, date) in enumerate(zip(names, dates, strict=True)):
        aid = f"m{n}"
        surface = f"Japanese Finance Minister {name}"
        found = make(aid, [f"{surface} spoke to reporters in Osaka about bond yields ({n})."], date=date)
        articles.append(found)
        facts[aid] = [fact(found, FactKind.PERSON, surface, name, title="finance minister", org="Japan")]
    return run(articles, facts)


@pytest.mark.parametrize(
    "names",
    [
        ["Chun Doo-hwan", "Chun Doo Hwan", "chun doo hwan"],  # hyphen and case
        ["Rha Woong-bae", "Woong-Bae Rha"],  # family name first or last
        ["Kenji T. Arai", "Kenji Arai"],  # an initial
        ["Rha", "Rha Woong Bae", "Woong Bae"],  # short forms of one name in the office
    ],
)
def test_forms_of_one_name_are_one_holder(names: list[str]) -> None:
    """The same name in another order, case, hyphenation, with an initial or shortened: no rival holders, no finding."""
    assert () == holders(names)


def test_a_misspelt_name_is_one_holder_and_a_spelling_finding() -> None:
    """`Kiichi Miyazwa` beside `Kiichi Miyazawa` is no second minister; the spelling is reported, low."""
    (found,) = holders(["Kiichi Miyazawa", "Kiichi Miyazawa", "Kiichi Miyazwa"])
    assert ("cosmetic", "low", "spelling of Japan's finance minister's name") == (found.cls.value, found.severity.value, found.subject)
    assert "Kiichi Miyazawa / Kiichi Miyazwa" in found.reason
    assert {"m0", "m1", "m2"} == {c.article for c in found.claims}


@pytest.mark.parametrize(
    "names",
    [
        ["Helmut Kohl", "Helmut Schmidt"],  # one first name, two people
        ["Ronald Reagan", "Donald Regan"],  # alike, but not word for word from the first letter
        ["Helmut", "Helmut Kohl", "Helmut Schmidt"],  # a short form that fits two holders joins neither
    ],
)
def test_different_people_stay_rival_holders(names: list[str]) -> None:
    """Names that are not one person's stay apart: days apart, that is a conflict."""
    (found,) = holders(names)
    assert ("conflict", "high") == (found.cls.value, found.severity.value)
    assert f"one office, {len(names)} holders named" in found.reason


def test_an_org_is_lent_only_by_mentions_of_the_same_person() -> None:
    """A firm's `President Tom Brandt` is not lent the country of `US Secretary of State Ada Brandt`; `President Carver` is lent Joe Carver's."""
    texts = {
        "a": "US Secretary of State Ada Brandt flew to Lima on Monday for the summit.",
        "b": "President Tom Brandt said sales at the paint maker grew 4% in the year.",
        "c": "US President Joe Carver will sign the bill on Friday, aides said.",
        "d": "President Carver met farm leaders in the Oval Office this week.",
    }
    people = {
        "a": ("US Secretary of State Ada Brandt", "Ada Brandt", "secretary of state", "United States"),
        "b": ("President Tom Brandt", "Tom Brandt", "president", None),
        "c": ("US President Joe Carver", "Joe Carver", "president", "United States"),
        "d": ("President Carver", "Carver", "president", None),
    }
    articles = [make(aid, [text], date="2025-04-01") for aid, text in texts.items()]
    facts = {
        a.id: [fact(a, FactKind.PERSON, people[a.id][0], people[a.id][1], title=people[a.id][2], org=people[a.id][3])]
        for a in articles
    }
    assert () == run(articles, facts)


@pytest.mark.parametrize("org, expected", [("IBM", 0), ("United States", 1)])
def test_a_firms_vice_presidents_are_many_a_countrys_one(org: str, expected: int) -> None:
    """Two vice presidents of a firm are colleagues; two of a country on one day are rivals."""
    names = ["Paul Low", "Ray Abu"]
    articles = [make(f"v{n}", [f"{org} Vice President {name} spoke at the conference on Monday ({n})."], date="2025-04-01") for n, name in enumerate(names)]
    facts = {
        a.id: [fact(a, FactKind.PERSON, f"{org} Vice President {name}", name, title="vice president", org=org)]
        for a, name in zip(articles, names, strict=True)
    }
    assert expected == len(run(articles, facts))


def _briefs(sentence_a: str, sentence_b: str, value_a: float, surface_a: str, value_b: float, surface_b: str) -> tuple[Discrepancy, ...]:
    """Two wire briefs of one day, a template line and a closing line alike, and one figure each."""
    tail = "The agency publishes the figures on the first working day of every month in Hamburg."
    opening = "Monthly port statistics were released by the harbour agency Portline on Monday morning."
    a = make("a", [opening, sentence_a, tail], date="2025-04-01")
    b = make("b", [opening, sentence_b, tail], date="2025-04-01")
    facts = {
        "a": [fact(a, FactKind.QUANTITY, surface_a, value_a, unit="t")],
        "b": [fact(b, FactKind.QUANTITY, surface_b, value_b, unit="t")],
    }
    return run([a, b], facts)


def test_template_lines_about_two_firms_are_not_rival_figures() -> None:
    """`Figures from Portline show Halvorsen Shipping carried ...` / `... Brightwater Freight ...`: two firms, one shared name."""
    found = _briefs(
        "Figures from Portline show Halvorsen Shipping carried 3.2 mln tonnes of grain in March, its busiest month.",
        "Figures from Portline show Brightwater Freight carried 1.4 mln tonnes of grain in March, its busiest month.",
        3.2e6, "3.2 mln tonnes", 1.4e6, "1.4 mln tonnes",
    )
    assert () == found


def test_a_misspelt_source_is_still_one_source() -> None:
    """`according to Jupiter Research` / `according to Juniper Research`: one source misspelt, so the figures are rivals."""
    (found,) = _briefs(
        "Freight in the port will be worth 1.8 billion euros by 2029, according to Jupiter Research.",
        "Freight in the port will be worth 1.6 billion euros by 2029, according to Juniper Research.",
        1.8e9, "1.8 billion euros", 1.6e9, "1.6 billion euros",
    )
    assert ("conflict", "high") == (found.cls.value, found.severity.value)


def _table(aid: str, rows: list[str], heading: str, prose: tuple[str, ...] = ()) -> Article:
    footer = "Figures are in millions of bushels and come from the board's monthly survey."
    return make(aid, [heading, *prose, *rows, footer], date="2025-04-01")


def _row_facts(article: Article, values: list[str]) -> list[Fact]:
    return [fact(article, FactKind.QUANTITY, v, float(v), occurrence=0) for v in values]


def test_rows_of_two_tables_that_share_their_labels_are_not_compared() -> None:
    """`Exports 65.0 ...` of one crop's table and `Exports 0.65 ...` of another's: two tables, not two versions."""
    prose_a = (
        "Wheat growers in the north had their best harvest in a decade after a mild spring.",
        "Millers expect lower flour prices by the autumn, traders in the capital said.",
        "Rail operators added wagons to move the grain to the ports before the winter.",
    )
    prose_b = (
        "A dry summer cut soybean yields across the southern provinces by a fifth.",
        "Crushers have closed two plants until the new season's beans arrive in May.",
        "Feed makers are buying meal abroad, according to the importers' association.",
    )
    a = _table("a", ["Exports 65.0 60.0", "End stocks 31.0 30.0"], "Supply of the winter crop was estimated by the grain board.", prose_a)
    b = _table("b", ["Exports 0.65 0.60", "End stocks 0.31 0.30"], "Supply of the summer crop was estimated by the grain board.", prose_b)
    facts = {"a": _row_facts(a, ["65.0", "60.0", "31.0", "30.0"]), "b": _row_facts(b, ["0.65", "0.60", "0.31", "0.30"])}
    alignments = align_all([a, b])
    assert alignments and not group_stories([a, b], alignments)[0].near_duplicates  # one story, two tables
    assert () == run([a, b], facts)


def test_a_changed_row_in_a_republished_table_is_a_conflict() -> None:
    """The same table twice, one figure changed: versions of one table (near-duplicates), so the row is compared."""
    rows = ["Exports 65.0 60.0", "Imports 12.5 11.0", "End stocks 31.2 30.9"]
    a = _table("a", rows, "Supply of the winter crop was estimated by the grain board.")
    b = _table("b", [rows[0], rows[1], "End stocks 33.2 30.9"], "Supply of the winter crop was estimated by the grain board.")
    facts = {"a": _row_facts(a, ["65.0", "60.0", "12.5", "11.0", "31.2", "30.9"]), "b": _row_facts(b, ["65.0", "60.0", "12.5", "11.0", "33.2", "30.9"])}
    (found,) = run([a, b], facts)
    assert ("conflict", ["31.2", "33.2"]) == (found.cls.value, [c.fact.text for c in found.claims])


def test_former_holder_is_not_compared() -> None:
    """`Fumio Kishida, Japan's prime minister at the time` is a past holder, not a rival."""
    a = make("a", ["Japanese Prime Minister Shigeru Ishiba met Hegseth on Sunday in Tokyo."])
    b = make("b", ["Fumio Kishida, Japan's prime minister at the time, announced a new era."])
    facts = {
        "a": [fact(a, FactKind.PERSON, "Japanese Prime Minister Shigeru Ishiba", "Shigeru Ishiba", title="prime minister", org="Japan")],
        "b": [fact(b, FactKind.PERSON, "Fumio Kishida, Japan's prime minister at the time", "Fumio Kishida", title="prime minister", org="Japan", former=True)],
    }
    assert () == run([a, b], facts)


def test_discrepancy_ids_are_stable_and_order_free() -> None:
    """The same inputs in another order give the same discrepancies and ids."""
    first = troops(54000, "54,000", 55000, "55,000")
    a = make("a", SHARED + [TROOPS_A])
    b = make("b", SHARED + [TROOPS_B])
    facts = {
        "a": [fact(a, FactKind.QUANTITY, "54,000", 54000, counts="US military personnel")],
        "b": [fact(b, FactKind.QUANTITY, "55,000", 55000, counts="troops")],
    }
    second = run([b, a], facts)
    assert [d.id for d in first] == [d.id for d in second]


HOUSE_JANUARY = """House prices rose 0.4% in January, the Halifax said, after a fall of 0.3% in December.

New mortgage loans in January fell to 79,000 from 82,000 in December, the bank said.

The price of an average UK property now stands at 152,879 pounds, up from January last year.

Analysts said the market would stay quiet until the spring, when more buyers usually appear.
"""

HOUSE_OCTOBER = """House prices rose 0.5% in October, the Halifax said, after a fall of 0.2% in September.

New mortgage loans in October fell to 77,000 from 85,000 in September, the bank said.

The price of an average UK property now stands at 162,086 pounds, up from October last year.

Analysts said the market would stay quiet until the spring, when more buyers usually appear.
"""


def test_editions_of_a_recurring_report_are_not_compared() -> None:
    """Two monthly reports sharing template sentences (January vs October) give no figure conflicts."""
    from compare.pipeline import check_articles

    result = check_articles([article_from_text(HOUSE_JANUARY, id="jan"), article_from_text(HOUSE_OCTOBER, id="oct")])
    assert [("jan", "oct")] == [s.articles for s in result.stories]  # still one story by wording
    assert () == result.discrepancies


def test_one_event_naming_different_months_once_is_still_a_conflict() -> None:
    """Two versions of one report, each naming a month once, still conflict on the month."""
    from compare.pipeline import check_articles

    shared = "\n\nThe ministry said the new rules would apply to every bank in the country.\n\nBanks had asked for more time to prepare their systems, the ministry said.\n"
    a = article_from_text("The new banking law takes effect in January, the finance ministry said on Tuesday." + shared, id="a", date="2025-03-30")
    b = article_from_text("The new banking law takes effect in February, the finance ministry said on Tuesday." + shared, id="b", date="2025-03-30")
    result = check_articles([a, b])
    assert [("date", "conflict")] == [(d.kind.value, d.cls.value) for d in result.discrepancies]


DAILY_MARKET = """Interbank rates

Overnight interbank money averaged {rate} pct {when}, dealers said.

The central bank is expected to add liquidity to the market this week through repurchase agreements.

Dealers said the bank would announce the size of the operation around midday.
"""


@pytest.mark.parametrize(
    "date_a, when_a, date_b, when_b, flagged",
    [
        ("1987-03-05", "yesterday", "1987-03-06", "yesterday", False),  # two days' editions of a daily report
        ("1987-03-05", "today", "1987-03-06", "today", False),
        ("1987-03-06", "yesterday", "1987-03-06", "yesterday", True),  # one day, two figures: a conflict
        ("1987-03-09", "yesterday", "1987-03-10", "on Sunday", True),  # 'yesterday' on Monday is Sunday
        ("1987-03-05", "on March 4", "1987-03-06", "on March 5", False),  # the day before each: editions again
        ("1987-03-05", "on March 10", "1987-03-06", "on March 10", True),  # one day ahead of both: one event
        ("1987-03-09", "on Friday", "1987-03-11", "yesterday", False),  # each the session before: Monday's is Friday
        ("1987-03-09", "on Friday", "1987-03-10", "on Friday", True),  # one session, one and two back: compared
    ],
)
def test_editions_of_a_daily_report_are_not_compared(date_a: str, when_a: str, date_b: str, when_b: str, flagged: bool) -> None:
    """A day named at the same offset from articles of different dates ('yesterday') is two days: not rival figures."""
    a = DAILY_MARKET.format(rate="4.10", when=when_a)
    b = DAILY_MARKET.format(rate="4.05", when=when_b)
    found = _classes_of_one_story((a, date_a), (b, date_b))
    assert ([("percent", "conflict")] if flagged else []) == [f for f in found if f[0] == "percent"]
    assert not [f for f in found if f[0] == "date"]  # the days themselves are no conflict


def _classes_of_one_story(*texts: tuple[str, str]) -> list[tuple[str, str]]:
    """Check articles `a`, `b`, ... (text, date), which must form one story; the (kind, class) of each finding."""
    from compare.pipeline import check_articles

    articles = [article_from_text(text, id=chr(ord("a") + i), date=date) for i, (text, date) in enumerate(texts)]
    result = check_articles(articles)
    assert [tuple(a.id for a in articles)] == [s.articles for s in result.stories if len(s.articles) > 1]
    return [(d.kind.value, d.cls.value) for d in result.discrepancies]


NOTICE = [
    "The central bank said it provided the money market with a further {help} mln stg of assistance in the afternoon.",
    "It bought bank bills outright in band one at 9-7/8 pct, and the shortage was revised to about {shortage} mln stg.",
]


@pytest.mark.parametrize(
    "date_b, headline_b, expected",
    [
        ("1987-03-13", "MONEY MARKET GIVEN FURTHER 195 MLN STG HELP", ("update", "low")),  # the next day's edition
        ("1987-03-12", "MONEY MARKET GIVEN FURTHER 195 MLN STG HELP", ("conflict", "high")),  # one day: rival figures
        ("1987-03-13", "MONEY MARKET GIVEN FURTHER HELP", ("conflict", "high")),  # no figure in one headline
        ("1987-03-13", "MONEY MARKET GIVEN FURTHER 442 MLN STG HELP", ("conflict", "high")),  # the same figure
    ],
)
def test_headlines_of_one_template_with_other_figures_on_other_days_are_editions(
    date_b: str, headline_b: str, expected: tuple[str, str]
) -> None:
    """`... GIVEN FURTHER 442 MLN STG HELP` on 12 March, `... 195 MLN STG HELP` on 13 March: a daily notice's editions."""
    a = article_from_text("\n\n".join(NOTICE).format(help=442, shortage=600) + "\n", id="a",
                          title="MONEY MARKET GIVEN FURTHER 442 MLN STG HELP", date="1987-03-12")
    b = article_from_text("\n\n".join(NOTICE).format(help=195, shortage=600) + "\n", id="b", title=headline_b, date=date_b)
    facts = {x.id: extract_facts(x) for x in (a, b)}
    alignments = align_all([a, b])
    found = find_discrepancies([a, b], facts, group_stories([a, b], alignments), alignments)
    assert [("money", expected)] == [(d.kind.value, (d.cls.value, d.severity.value)) for d in found]


DAILY_LIVESTOCK = """Hog slaughter estimate

Hog slaughter is estimated at 305,000 to 310,000 head versus {prev} {when} and 290,000 a year ago, the department said.

Packers said buying was slow as prices held near the levels of the previous session.

Traders expect the weekend kill to be light ahead of the holiday, dealers said.
"""


@pytest.mark.parametrize(
    "date_a, when_a, date_b, when_b, flagged",
    [
        ("1987-10-19", "week ago", "1987-10-20", "week ago", False),  # each day's figure a week back
        ("1987-10-19", "week ago", "1987-10-20", "on October 12", True),  # a week back from Monday, named by its day
        ("1987-10-20", "week ago", "1987-10-20", "week ago", True),  # one edition's two versions
    ],
)
def test_editions_name_the_week_before_each(date_a: str, when_a: str, date_b: str, when_b: str, flagged: bool) -> None:
    """"versus 298,000 week ago" in two days' livestock reports is two days' figures, dated by an ISO week."""
    a = DAILY_LIVESTOCK.format(prev="298,000", when=when_a)
    b = DAILY_LIVESTOCK.format(prev="301,000", when=when_b)
    found = _classes_of_one_story((a, date_a), (b, date_b))
    assert ([("quantity", "conflict")] if flagged else []) == [f for f in found if f[0] == "quantity"]


STRIKE = """Dockers threaten strike

{lead}

Talks between the two sides broke down last month after the authority offered a pay rise below inflation.

The port handles a third of the country's container traffic, the authority said.
"""


@pytest.mark.parametrize(
    "lead_b, flagged",
    [
        # The same words, read once as the past, once as the future: no rival dates.
        ("The dockers union has said it will strike on Thursday unless the port authority meets its pay demands.", False),
        # Hard negative: another weekday is another day.
        ("The dockers union threatened to strike on Friday unless the port authority meets its pay demands.", True),
    ],
)
def test_dates_written_alike_agree(lead_b: str, flagged: bool) -> None:
    """Two versions printing "on Thursday" agree, whatever day factdiff reads each as."""
    from compare.pipeline import check_articles

    lead_a = "The dockers union threatened to strike on Thursday unless the port authority meets its pay demands."
    a = article_from_text(STRIKE.format(lead=lead_a), id="a", date="2025-03-31")
    b = article_from_text(STRIKE.format(lead=lead_b), id="b", date="2025-03-31")
    result = check_articles([a, b])
    assert [("a", "b")] == [s.articles for s in result.stories]
    found = [sorted(c.fact.text for c in d.claims) for d in result.discrepancies if d.kind == FactKind.DATE]
    assert ([["Friday", "Thursday"]] if flagged else []) == found


MONEY_MARKET = """Money market shortage

The Bank of England said it forecast a shortage of around {value} mln stg in the money market{when}.

Among the main factors, maturing assistance and take-up of treasury bills will drain some 500 mln stg, while exchequer transactions add around 100 mln stg.

Dealers said the bank would announce the size of its operations around midday.
"""


def test_a_third_article_does_not_join_two_editions() -> None:
    """Two days' "today" figures stay apart even when an undated third version pairs with each."""
    from compare.pipeline import check_articles

    a = article_from_text(MONEY_MARKET.format(value="800", when=" today"), id="a", date="1987-03-02")
    b = article_from_text(MONEY_MARKET.format(value="350", when=" today"), id="b", date="1987-03-03")
    c = article_from_text(MONEY_MARKET.format(value="600", when=""), id="c", date="1987-03-04")
    result = check_articles([a, b, c])
    assert [("a", "b", "c")] == [s.articles for s in result.stories]
    found = [sorted((claim.article, claim.fact.text) for claim in d.claims) for d in result.discrepancies if d.kind == FactKind.MONEY]
    assert [[("a", "800 mln stg"), ("c", "600 mln stg")]] == found  # a pairs with c first; b may not join them


@pytest.mark.parametrize(
    "values, expected",
    [
        (["--01", "--01", "--12", "2025-01-05"], {1}),  # January named most
        (["--01", "--12", "--12", "--01"], {1, 12}),  # a tie keeps both
        (["--01", "--12"], set()),  # two mentions are not evidence
    ],
)
def test_reference_months(values: list[str], expected: set[int]) -> None:
    """The months an article mostly reports on; qualified dates (`since June 2003`) do not count."""
    from compare.comparison import reference_months

    facts = [Fact(FactKind.DATE, v, v, 0, 1, 1, 0) for v in values]
    facts.append(Fact(FactKind.DATE, "since June 2003", "2003-06", 0, 1, 1, 0, qualifier="since"))
    assert frozenset(expected) == reference_months(facts)


def test_office_fallback_refuses_a_mention_whose_sentence_names_another_country() -> None:
    """'the US government ... Vice President Dick Cheney' is not the European Commission's vice president."""
    from compare.pipeline import check_articles

    brussels = article_from_text(
        "Jacques Barrot, vice president of the European Commission, said the new passenger rules were necessary.\n",
        id="brussels", date="2025-01-20")
    davos = article_from_text(
        "Leaders of the European Commission and of many governments arrived in Davos on Wednesday.\n\n"
        "The US government may still make a conciliatory gesture, as it did a year ago when Vice President Dick Cheney "
        "made a surprise appearance in Davos.\n", id="davos", date="2025-01-26")
    assert () == check_articles([brussels, davos]).discrepancies


def test_a_change_is_not_compared_with_a_level() -> None:
    """'rose 5%' (a change) and '5.2%' (a level) in aligned sentences are different figures."""
    from compare.pipeline import check_articles

    shared = "\n\nThe agency said prices of food and fuel had driven the figure this month.\n\nEconomists had expected a smaller move, the agency said.\n"
    a = article_from_text("Consumer prices rose 5% in March, the statistics agency said on Tuesday." + shared, id="a", date="2025-04-01")
    b = article_from_text("Consumer prices stood at 5.2% in March, the statistics agency said on Tuesday." + shared, id="b", date="2025-04-01")
    c = article_from_text("Consumer prices rose 6% in March, the statistics agency said on Tuesday." + shared, id="c", date="2025-04-01")
    found = check_articles([a, b, c]).discrepancies
    assert [("a", "c")] == [tuple(cl.article for cl in d.claims) for d in found]


def _scan_every_pair(ctx: Any, story: Any) -> list[tuple[list[Any], str]]:
    """The numeric grouping as a scan over every pair of facts (what `_numeric_groups` must equal).

    A pair in aligned sentences or with one subject that is refused (two editions, two
    days, two tables' rows) may not join through a third fact either.
    """
    pairs, apart_articles, apart_facts = [], set(), set()
    duplicates = set(story.near_duplicates)
    for a, b in itertools.combinations(story.articles, 2):
        if ctx.editions(a, b) or ctx.different_parties(a, b):
            apart_articles.add(tuple(sorted((a, b))))
            continue
        versions = (a, b) in duplicates or (b, a) in duplicates
        aligned = ctx.aligned.get((a, b), {})
        for i, fa in enumerate(ctx.facts[a]):
            if fa.kind not in NUMERIC_KINDS and fa.kind != FactKind.DATE:
                continue
            for j, fb in enumerate(ctx.facts[b]):
                if fb.kind != fa.kind:
                    continue
                subject = comparison._subject(fa) if fa.kind in NUMERIC_KINDS else None
                candidate = aligned.get(fa.sentence, (None,))[0] == fb.sentence or (
                    subject is not None and subject == comparison._subject(fb)
                )
                refused = (not versions and (ctx.table_row(a, fa.sentence) or ctx.table_row(b, fb.sentence))) or (
                    ctx.different_days(a, fa.sentence, b, fb.sentence)
                    or (fa.kind != FactKind.DATE and ctx.days_apart(a, fa.sentence, b, fb.sentence))
                )
                if candidate and refused:
                    apart_facts.add(tuple(sorted(((a, i), (b, j)))))
                    continue
                if fa.kind == FactKind.DATE:
                    other = ctx.other_subjects(a, fa.sentence, b, fb.sentence)
                    score = None if other else ctx.aligned_score(a, fa, b, fb)
                    reason = f"aligned sentences (similarity {score:.2f})" if score else None
                    if reason and len(str(fa.value)) != len(str(fb.value)):
                        reason = None
                else:
                    reason = comparison._numeric_pair_reason(ctx, a, fa, b, fb)
                if reason is None:
                    continue
                if not comparison._same_value(fa, fb) and (
                    comparison._states_value(ctx, a, fb) or comparison._states_value(ctx, b, fa)
                ):
                    continue
                pairs.append(((a, i), (b, j), reason))

    def apart(p: Any, q: Any) -> bool:
        p, q = sorted((p, q))
        return (p, q) in apart_facts or (p[0], q[0]) in apart_articles

    union = comparison.UnionFind[comparison.FactRef]()
    reasons: dict[comparison.FactRef, str] = {}
    for x, y, reason in pairs:
        if union.union_unless(x, y, apart):
            reasons[x] = reasons[y] = reason
    return [(refs, reasons[refs[0]]) for refs in union.groups() if len(refs) > 1]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_numeric_pairing_visits_what_a_scan_of_every_pair_would_pair(seed: int) -> None:
    """Pairing only facts in aligned sentences or with a shared subject loses no group and changes no reason.

    Stories of up to 40 articles stitched from the seeds' and golden cases' sentences,
    their numbers edited at random, so that aligned sentences disagree.
    """
    sources = [read_article(p) for p in sorted([*SEEDS.glob("*.txt"), *CASES.glob("*/*.txt")])]
    pool = [s.text.replace("\n", " ") for a in sources for s in a.sentences]
    rng = random.Random(seed)
    articles = []
    for number in range(40):
        picked = [regex.sub(r"\d+", lambda m: str(int(m.group(0)) + rng.choice((0, 0, 1, 1000))), t) for t in rng.sample(pool[:60], 12)]
        articles.append(article_from_text("\n\n".join(picked) + "\n", id=f"s{number:02d}", date="2025-03-30"))
    facts = {a.id: extract_facts(a) for a in articles}
    alignments = align_all(articles)
    stories = [s for s in group_stories(articles, alignments) if len(s.articles) > 1]
    ctx = comparison._Context({a.id: a for a in articles}, facts, comparison._aligned_index(alignments), CompareConfig())
    groups = [g for story in stories for g in comparison._numeric_groups(ctx, story)]
    assert sum(len(refs) > 1 for refs, _ in groups) > 20  # the stories really share numbers
    assert groups == [g for story in stories for g in _scan_every_pair(ctx, story)]


def test_findings_about_the_same_words_twice_get_distinct_ids() -> None:
    """A figure written twice in one sentence (this year and last) differs twice: two findings, two ids."""
    line_a = "Maize output is put at 42.1 mln tonnes, vs 42.1 mln tonnes forecast last month, the ministry said."
    line_b = "Maize output is put at 39.8 mln tonnes, vs 39.8 mln tonnes forecast last month, the ministry said."
    a, b = make("a", SHARED + [line_a]), make("b", SHARED + [line_b])
    facts = {
        "a": [fact(a, FactKind.QUANTITY, "42.1 mln tonnes", 42.1e6, n, unit="t") for n in (0, 1)],
        "b": [fact(b, FactKind.QUANTITY, "39.8 mln tonnes", 39.8e6, n, unit="t") for n in (0, 1)],
    }
    found = run([a, b], facts)
    assert 2 == len(found)
    first, second = sorted(d.id for d in found)
    assert second == f"{first}-2"
    assert found == run([b, a], facts)  # stable whatever the input order


def _findings(texts: dict[str, list[str]], titles: dict[str, str] | None = None) -> list[tuple[str, list[float | str]]]:
    titles = titles or {}
    articles = [article_from_text("\n\n".join(t) + "\n", id=i, title=titles.get(i), date="1987-04-01") for i, t in texts.items()]
    facts = {a.id: extract_facts(a) for a in articles}
    alignments = align_all(articles)
    found = find_discrepancies(articles, facts, group_stories(articles, alignments), alignments)
    return [(d.kind.value, sorted(c.fact.value for c in d.claims)) for d in found]


BOND = (
    "{issuer} will sell {amount} billion yen of five-year notes paying 4.5 pct at a price of 101.25, "
    "its lead manager {manager} said on Tuesday."
)


def test_template_sentences_about_two_issuers_are_not_compared() -> None:
    """Wire copy's template: two issuers' notes align word for word, and neither article names the other's issuer."""
    texts = {
        "a": [BOND.format(issuer="Nordic Rail Finance", amount=20, manager="Kestrel Partners"),
              "The notes are to be listed in Frankfurt and sold in units of 500,000 yen."],
        "b": [BOND.format(issuer="Harbour Capital BV", amount=10, manager="Osprey Markets"),
              "The notes are to be listed in Frankfurt and sold in units of 500,000 yen."],
    }  # fmt: skip
    assert _findings(texts) == []


def test_one_story_naming_its_subject_elsewhere_is_still_compared() -> None:
    """One outlet names Hegseth in the sentence, the other calls him the Pentagon chief and names him earlier."""
    texts = {
        "a": ["Defense Secretary Pete Hegseth arrived in Tokyo on Saturday for talks with his Japanese counterpart.",
              "Hegseth said the 55,000 troops stationed in Japan would get a new joint force headquarters."],
        "b": ["Pete Hegseth, the US defense secretary, arrived in Tokyo on Saturday for talks with Japan.",
              "The Pentagon chief said the 54,000 troops stationed in Japan would get a new joint force headquarters."],
    }  # fmt: skip
    assert ("quantity", [54000.0, 55000.0]) in _findings(texts)


def test_two_firms_results_tables_are_not_compared() -> None:
    """Results tables align line for line; the firm is named only in the title, and no party is named by both."""
    table = ["Shr {shr} cts vs 9 cts", "Net {net} vs 212,000", "Sales 6,150,000 vs 5,940,000", "Avg shrs 2,480,000 vs 2,310,000"]
    articles = [
        article_from_text("\n".join(table).format(shr=shr, net=net) + "\n", id=i, title=title, date="1987-03-02")
        for i, title, shr, net in (("a", "ORBITAL MILLS 4TH QTR NET", 10, "325,000"), ("b", "PELICAN FOODS 4TH QTR NET", 12, "331,000"))
    ]
    facts = {a.id: extract_facts(a) for a in articles}
    alignments = align_all(articles)
    stories = group_stories(articles, alignments)
    assert any(len(s.articles) == 2 for s in stories)  # the tables do align: the comparer tells them apart
    assert find_discrepancies(articles, facts, stories, alignments) == ()


LOAD_FACTOR = [
    "{firm} Air Lines Inc said March load factor {moved} to {now} pct from {before} pct a year before.",
    "The company said revenue passenger miles rose to {miles} billion from 1.10 billion a year before, and "
    "the results were confirmed by Moody's Investors Service and Standard and Poor's Corp on Tuesday.",
]


def _load_factor(firm: str, moved: str, now: float, before: float, miles: float) -> list[str]:
    return [line.format(firm=firm, moved=moved, now=now, before=before, miles=miles) for line in LOAD_FACTOR]


def test_briefs_tagging_two_firms_symbols_are_not_compared() -> None:
    """Two airlines' template briefs share the name words `Air`, `Lines`, `Moody's`; their headlines' symbols differ."""
    texts = {"a": _load_factor("Kestrel", "rose", 61.2, 58.4, 1.21), "b": _load_factor("Osprey", "fell", 55.0, 59.3, 2.30)}
    titles = {"a": "KESTREL AIR <KSTR> MARCH LOAD FACTOR RISES", "b": "OSPREY AIR <OSPA> MARCH LOAD FACTOR FALLS"}
    assert _findings(texts, titles) == []


def test_briefs_about_one_symbol_or_naming_the_others_are_compared() -> None:
    """The same symbol, or a brief whose text tags the other's firm (`Kestrel <KSTR>`), is one story: figures compare."""
    texts = {"a": _load_factor("Kestrel", "rose", 61.2, 58.4, 1.21), "b": _load_factor("Kestrel", "rose", 61.2, 58.4, 1.31)}
    titles = {"a": "KESTREL AIR <KSTR> MARCH LOAD FACTOR RISES", "b": "KESTREL AIR LINES <KSTR> LOAD FACTOR UP"}
    assert ("quantity", [1.21e9, 1.31e9]) in _findings(texts, titles)
    texts["b"] = [texts["b"][0].replace("Kestrel Air Lines Inc", "Osprey Air Lines Inc, the owner of Kestrel <KSTR>,"), texts["b"][1]]
    titles["b"] = "OSPREY AIR <OSPA> UNIT LOAD FACTOR UP"
    assert ("quantity", [1.21e9, 1.31e9]) in _findings(texts, titles)


CROP = [
    "The bureau estimated 1986/87 wheat production at {crop} mln tonnes, vs {crop} mln tonnes last month.",
    "Exports were put at {exports} mln tonnes, the bureau said in its monthly supply report on Tuesday.",
]


def test_template_estimates_for_two_countries_named_only_in_their_headlines_are_not_compared() -> None:
    """`... CANADIAN WHEAT CROP` / `... AUSTRALIAN WHEAT CROP`: the sentences name no country; the headlines do, and neither text the other's."""
    texts = {"a": [line.format(crop=31.40, exports=17.50) for line in CROP], "b": [line.format(crop=16.13, exports=14.50) for line in CROP]}
    titles = {"a": "FARM BUREAU ESTIMATES CANADIAN WHEAT CROP", "b": "FARM BUREAU ESTIMATES AUSTRALIAN WHEAT CROP"}
    assert _findings(texts, titles) == []


def test_headlines_naming_other_places_of_one_story_still_compare() -> None:
    """A headline's place that the other article's text names (`Canada` in b) keeps the two one story."""
    texts = {"a": [line.format(crop=31.40, exports=17.50) for line in CROP], "b": [line.format(crop=31.40, exports=14.50) for line in CROP]}
    texts["b"].append("Canada remains the largest rival supplier in the region, traders said.")
    titles = {"a": "FARM BUREAU ESTIMATES CANADIAN WHEAT CROP", "b": "FARM BUREAU SEES LOWER AUSTRALIAN WHEAT EXPORTS"}
    assert ("quantity", [14.5e6, 17.5e6]) in _findings(texts, titles)


def test_figures_of_two_named_days_are_not_rivals_but_the_days_are_compared() -> None:
    """Two days' readings in one template sentence are not a conflict; the days, as dates, still are."""
    sentence = "The city's cash reserve stood at {} billion dlrs on March {}, its finance office reported."
    other = "Tax and loan note balances fell, officials said on Wednesday in Washington."
    texts = {"a": [sentence.format("12.131", 27), other], "b": [sentence.format("8.969", 31), other]}
    assert _findings(texts) == [("date", ["1987-03-27", "1987-03-31"])]


def test_a_hedged_change_is_compared_with_a_change() -> None:
    """`rose nearly 60%` is a change (`up nearly`): against `rose 40%` a conflict, against `rose 57%` one its hedge covers (low)."""
    base = "Shares in Kestrel Mining rose {} on Tuesday after the company found a copper seam in its Andean mine."
    assert _classes(base.format("nearly 60%"), base.format("40%")) == [("conflict", "high", [40.0, 60.0])]
    assert _classes(base.format("nearly 60%"), base.format("57%")) == [("conflict", "low", [57.0, 60.0])]


def _classes(a: str, b: str) -> list[tuple[str, str, list[float | str]]]:
    rest = "The company said drilling at the site would continue into the summer months."
    articles = [article_from_text(f"{t}\n\n{rest}\n", id=i, date="2025-04-01") for i, t in (("a", a), ("b", b))]
    alignments = align_all(articles)
    found = find_discrepancies(articles, {x.id: extract_facts(x) for x in articles}, group_stories(articles, alignments), alignments)
    return [(d.cls.value, d.severity.value, sorted(c.fact.value for c in d.claims)) for d in found]


def test_a_change_in_the_opposite_direction_is_a_conflict_even_at_the_same_value() -> None:
    """`rose 5%` against `fell 5%` of one thing (also `Kestrel Mining shares` and `Kestrel Mining`) is a conflict."""
    tail = "5% on Tuesday after the company found a copper seam in its Andean mine."
    assert _classes(f"Shares in Kestrel Mining rose {tail}", f"Shares in Kestrel Mining fell {tail}") == [
        ("conflict", "high", [5.0, 5.0])
    ]
    assert _classes(f"Kestrel Mining shares rose {tail}", f"Kestrel Mining fell {tail}") == [("conflict", "high", [5.0, 5.0])]


def test_opposite_changes_of_two_things_are_not_a_direction_conflict() -> None:
    """Exports up and imports down, told in the other order; and two markets' prices in one template: no finding."""
    assert _classes(
        "Kestrel Mining said exports rose 5% in March while imports fell 5% over the same month.",
        "Kestrel Mining said imports fell 5% in March while exports rose 5% over the same month.",
    ) == []
    assert _classes(
        "Hog prices were expected 0.50 dlr lower on estimated receipts of 2,700 head, private sources said.",
        "Cattle prices were expected 0.50 dlr higher on estimated receipts of 2,700 head, private sources said.",
    ) == []
