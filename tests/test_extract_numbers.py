"""Numeric facts: quantities, percents, money, ages, hedges, ranges and the numbers that are not facts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.extract.numbers import extract_numbers, parse_number_words
from compare.records import Article, Fact, Sentence

Row = tuple[str, str, float, str | None, str | None, str | None]


def article_of(*sentences: str, sep: str = "\n\n") -> Article:
    """Build an article whose sentences are `sentences`, one paragraph each."""
    parts: list[Sentence] = []
    text = ""
    for index, sentence in enumerate(sentences):
        if index:
            text += sep
        start = len(text)
        text += sentence
        parts.append(Sentence(index, sentence, start, len(text), text.count("\n", 0, start) + 1, index))
    return Article(id="t", path="t.txt", text=text, sentences=tuple(parts))


def facts(sentence: str) -> list[Fact]:
    article = article_of(sentence)
    return list(extract_numbers(article, article.sentences[0]))


def rows(sentence: str) -> list[Row]:
    """Return (kind, text, value, unit, counts, qualifier) for every fact in `sentence`."""
    return [(f.kind.value, f.text, f.value, f.unit, f.counts, f.qualifier) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # The seed sentences.
        (
            "The United States has 54,000 US military personnel stationed in Japan, mostly in Okinawa, east of Taiwan.",
            [("quantity", "54,000", 54000.0, None, "US military personnel", None)],
        ),
        (
            "A joint force headquarters is being established to upgrade the 55,000 troops of the U.S. Forces Japan.",
            [("quantity", "55,000", 55000.0, None, "troops", None)],
        ),
        (
            "The Trump administration is reportedly considering pressure on Tokyo to increase defense spending "
            "from 2% of Japan’s gross domestic product to at least 3%.",
            [("percent", "2%", 2.0, "%", "GDP", None), ("percent", "3%", 3.0, "%", None, "at least")],
        ),
        (
            "Tokyo and Washington are currently discussing targets for the $550 billion (about ¥87 trillion) "
            "Japan has said it will invest",
            [
                ("money", "$550 billion", 550e9, "USD", None, None),
                ("money", "¥87 trillion", 87e12, "JPY", None, "about"),
            ],
        ),
        (
            "Hegseth, 44, a former infantryman and Fox News personality, hailed the alliance.",
            [("age", "44", 44.0, None, None, None)],
        ),
        (
            "Japan's government has also been reeling from Trump's decision to impose a 25 percent tariff "
            "on auto imports from April 3.",
            [("percent", "25 percent", 25.0, "%", "tariff", None)],
        ),
        (
            "Asked about a Chinese order to his military to be ready to annex Taiwan militarily by 2027, "
            "Mr. Hegseth said deterrence of China was weakened.",
            [],
        ),
        ("Related Posts 1 of 94", []),
        ("Photo 3 of 12", []),
        # Quantities: separators, decimals, words, scales.
        ("Some 55 000 troops were there.", [("quantity", "55 000", 55000.0, None, "troops", "about")]),
        ("About 55\u00a0000 troops were there.", [("quantity", "55\u00a0000", 55000.0, None, "troops", "about")]),
        ("The base holds 55\u202f000 troops.", [("quantity", "55\u202f000", 55000.0, None, "troops", None)]),
        ("The city has 1.2 million residents.", [("quantity", "1.2 million", 1.2e6, None, "residents", None)]),
        ("The app has 5m users and 10k followers.", [
            ("quantity", "5m", 5e6, None, "users", None),
            ("quantity", "10k", 1e4, None, "followers", None),
        ]),
        (
            "Hegseth also previewed four key priorities in the upcoming strategy.",
            [("quantity", "four", 4.0, None, "key priorities", None)],
        ),
        (
            "Mr. Nakatani said the two defense chiefs discussed the situation.",
            [("quantity", "two", 2.0, None, "defense chiefs", None)],
        ),
        (
            "Twenty-three thousand four hundred fifty-one people signed the petition.",
            [("quantity", "Twenty-three thousand four hundred fifty-one", 23451.0, None, "people", None)],
        ),
        ("A dozen soldiers were hurt.", [("quantity", "A dozen", 12.0, None, "soldiers", None)]),
        ("One soldier was killed.", [("quantity", "One", 1.0, None, "soldier", None)]),
        ("The US sent troops numbering 55,000.", [("quantity", "55,000", 55000.0, None, "troops", None)]),
        ("Japan hosts a force of 55,000.", [("quantity", "55,000", 55000.0, None, "force", None)]),
        ("The population of 125 million is shrinking.", [("quantity", "125 million", 125e6, None, "population", None)]),
        # Units of measure.
        (
            "The plane flew 1,200 miles (1,930 km) carrying 20 tons of cargo.",
            [
                ("quantity", "1,200 miles", 1200.0, "mi", None, None),
                ("quantity", "1,930 km", 1930.0, "km", None, None),
                ("quantity", "20 tons", 20.0, "t", "cargo", None),
            ],
        ),
        ("Workers built a 5m-high wall.", [("quantity", "5m", 5.0, "m", None, None)]),
        ("It was minus-5 degrees.", [("quantity", "minus-5 degrees", -5.0, "°", None, None)]),
        ("He made a two-day visit to Tokyo.", [("quantity", "two-day", 2.0, "day", "visit", None)]),
        # Percents.
        ("Japan pledged two percent of GDP.", [("percent", "two percent", 2.0, "%", "GDP", None)]),
        (
            "Seoul pledged to raise defense spending to 3.5% of their Gross Domestic Product (GDP).",
            [("percent", "3.5%", 3.5, "%", "GDP", None)],
        ),
        (
            "The Pentagon urged the “global standard” of 5%, with 3.5% dedicated to core military expenditures.",
            [
                ("percent", "5%", 5.0, "%", "global standard", None),
                ("percent", "3.5%", 3.5, "%", "core military expenditures", None),
            ],
        ),
        ("Growth was 3.5 per cent last year.", [("percent", "3.5 per cent", 3.5, "%", None, None)]),
        (
            "The party's lead in the poll narrowed by 4 percentage points.",
            [("percent", "4 percentage points", 4.0, "percentage points", None, None)],
        ),
        ("His approval rating slipped 3 points.", [("percent", "3 points", 3.0, "percentage points", None, "down")]),
        ("He scored 30 points.", [("quantity", "30", 30.0, None, "points", None)]),
        ("The Fed raised rates by 25 basis points.", [("percent", "25 basis points", 25.0, "basis points", None, "up")]),
        ("Sales rose 5% while profits fell 3%.", [
            ("percent", "5%", 5.0, "%", None, "up"),
            ("percent", "3%", 3.0, "%", None, "down"),
        ]),
        ("There was an increase of 2% and a 10% rise.", [
            ("percent", "2%", 2.0, "%", None, "up"),
            ("percent", "10%", 10.0, "%", None, "up"),
        ]),
        # Money.
        ("The deal is worth US$3bn.", [("money", "US$3bn", 3e9, "USD", None, None)]),
        ("It paid €5m and £2.5 million.", [
            ("money", "€5m", 5e6, "EUR", None, None),
            ("money", "£2.5 million", 2.5e6, "GBP", None, None),
        ]),
        ("The fine was 10 million yen.", [("money", "10 million yen", 1e7, "JPY", None, None)]),
        ("A ticket costs 5 dollars or USD 40.", [
            ("money", "5 dollars", 5.0, "USD", None, None),
            ("money", "USD 40", 40.0, "USD", None, None),
        ]),
        ("Washington sent $5 million in aid.", [("money", "$5 million", 5e6, "USD", "aid", None)]),
        ("They signed a $1.2 billion contract.", [("money", "$1.2 billion", 1.2e9, "USD", "contract", None)]),
        ("Japan's defense budget of $55 billion is a record.", [("money", "$55 billion", 55e9, "USD", "defense budget", None)]),
        ("Shares fell to 22 euro cents.", [("money", "22 euro cents", 0.22, "EUR", None, None)]),
        ("The house sold for $US55,931,000 and a yacht for USD10m.", [
            ("money", "$US55,931,000", 55931000.0, "USD", None, None),
            ("money", "USD10m", 1e7, "USD", None, None),
        ]),
        ("Turnover hit RM23.50 and Rs 500.", [
            ("money", "RM23.50", 23.5, "MYR", None, None),
            ("money", "Rs 500", 500.0, "INR", None, None),
        ]),
        # A money amount or percent used as a modifier counts its noun only after a determiner.
        ("Japan's $50bn plan was approved, and 48% use two phones.", [
            ("money", "$50bn", 5e10, "USD", "plan", None),
            ("percent", "48%", 48.0, "%", None, None),
            ("quantity", "two", 2.0, None, "phones", None),
        ]),
        ("The shares closed at $84, down 19 cents.", [
            ("money", "$84", 84.0, "USD", None, None),
            ("money", "19 cents", 0.19, "USD", None, "down"),
        ]),
        # Ages.
        ("The 33-year-old actress won.", [("age", "33-year-old", 33.0, None, None, None)]),
        ("He retired aged 60 and died at age 71.", [
            ("age", "60", 60.0, None, None, None),
            ("age", "71", 71.0, None, None, None),
        ]),
        ("Smith, 52, and Jones, 47, were arrested.", [
            ("age", "52", 52.0, None, None, None),
            ("age", "47", 47.0, None, None, None),
        ]),
        ("The senator is 44 years old.", [("age", "44 years old", 44.0, None, None, None)]),
        # Hedges.
        (
            "More than 1,000 people were killed, nearly 3,500 injured and up to 50 detained.",
            [
                ("quantity", "1,000", 1000.0, None, "people", "more than"),
                ("quantity", "3,500", 3500.0, None, "injured", "nearly"),
                ("quantity", "50", 50.0, None, "detained", "up to"),
            ],
        ),
        ("Roughly 300 sailors and approximately 40 pilots, at most 5 ships.", [
            ("quantity", "300", 300.0, None, "sailors", "about"),
            ("quantity", "40", 40.0, None, "pilots", "about"),
            ("quantity", "5", 5.0, None, "ships", "up to"),
        ]),
        ("Fewer than 20 vessels and over 100 jets.", [
            ("quantity", "20", 20.0, None, "vessels", "less than"),
            ("quantity", "100", 100.0, None, "jets", "more than"),
        ]),
        # A hedged four-digit number is a count, not a year.
        ("More than 2000 troops came in 2019.", [("quantity", "2000", 2000.0, None, "troops", "more than")]),
        # "about" as a preposition is no hedge; "over" a period is no hedge.
        ("Trump spoke with Takaichi about four key priorities.", [("quantity", "four", 4.0, None, "key priorities", None)]),
        # Without a month beside it, `twenty second` may be a duration.
        ("The race lasted twenty seconds.", [("quantity", "twenty seconds", 20.0, "s", None, None)]),
        ("Japan will spend ¥43 trillion over five years.", [
            ("money", "¥43 trillion", 43e12, "JPY", None, None),
            ("quantity", "five years", 5.0, "year", None, None),
        ]),
    ],
)
def test_extract_numbers(sentence: str, expected: list[Row]) -> None:
    """Each number yields its kind, surface, value, unit, what it counts and its hedge."""
    assert expected == rows(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "During the 2025 Reagan National Defense Forum, he cited Colby’s 2021 work.",
        "On Saturday (December 6th), Hegseth spoke in Simi Valley.",
        "On Jan. 2, Trump spoke on the phone with Takaichi.",
        "The talks on March 30, 2025, began at 3:30 p.m. and ended at 10 a.m. on 31 March.",
        "He was the second speaker and came 1st in the vote.",
        "Call 555-123-4567 or +81 3 1234 5678 for details.",
        "Britain's No. 10, the F-35, the G7, COVID-19 and section 230 were discussed.",
        "Boeing 737 jets, Windows 10 and the Big 12 were mentioned.",
        "The Lakers won 110-102 after a 3-2 win on Sunday.",
        "See https://example.com/2025/03/30/story-123 or write to desk2025@example.com.",
        "One of the allies, no one else, and one another agreed on a one-way deal.",
        "In the 1990s and the '80s, 5G and 3D were new; the 2020-21 season was odd.",
        "The 24/7 coverage of 9/11 continued.",
        "On the one hand, he said, one day it will end.",
        "Bondarenko lost 6-4 5-7 6-3, and from 0-2 down the hosts drew 1-1 after extra time.",
        "England's 18-17 defeat was shown on BBC Two after Deep Space Nine and the Six Nations.",
        "The report 2004 results beat the year 2003 figures.",
        "The carrier took delivery of its own 787 Dreamliner on Friday.",
        "Reviewers compared the 15 Pro and the 15 Pro Max with last year's phones.",
        # A day of the month in words beside its month: not twenty seconds.
        "The summit opens on June twenty second, officials said.",
        "The festival opens on the twenty second of June.",
        "the vote is on june twenty second, in lower-cased copy.",
        "THE VOTE IS ON JUNE 22, IN COPY SET IN CAPITALS.",
    ],
)
def test_non_facts(sentence: str) -> None:
    """Years, dates, times, ordinals, phones, codes, scores, URLs and pronoun "one" are no facts."""
    assert [] == rows(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Support fell to 40-50% in the poll.", [("percent", "40-50%", 40.0, 50.0, "%")]),
        ("Between 40 and 50 troops arrived.", [("quantity", "40 and 50", 40.0, 50.0, None)]),
        ("From 40 to 50 troops arrived.", [("quantity", "40 to 50", 40.0, 50.0, None)]),
        ("The plan needs 1-2 million workers.", [("quantity", "1-2 million", 1e6, 2e6, None)]),
        ("The bill will cost $3-5 billion.", [("money", "$3-5 billion", 3e9, 5e9, "USD")]),
        ("Homes sell for $370,000 to $5.5 million.", [("money", "$370,000 to $5.5 million", 370000.0, 5.5e6, "USD")]),
        ("Guidance was US $89 to $93 billion.", [("money", "US $89 to $93 billion", 89e9, 93e9, "USD")]),
        ("Temperatures dropped by 1 to 1.5 degrees Celsius.", [("quantity", "1 to 1.5 degrees Celsius", 1.0, 1.5, "°C")]),
        # A range of ages is one age: it was dropped as an unpaired hyphen, or split in two.
        ("Most of the victims were 40-50 years old.", [("age", "40-50 years old", 40.0, 50.0, None)]),
        ("The workers are 30 to 40 years old.", [("age", "30 to 40 years old", 30.0, 40.0, None)]),
        ("Patients aged 18-25 were excluded.", [("age", "18-25", 18.0, 25.0, None)]),
        # Hard negatives: two ages in a list, and a score after an age.
        ("Smith, 45, and Jones, 50, were charged.", [("age", "45", 45.0, None, None), ("age", "50", 50.0, None, None)]),
        ("The 24-year-old scored in a 3-2 win.", [("age", "24-year-old", 24.0, None, None)]),
        # A change from one value to another is two facts, not a range.
        ("Spending will increase from 2% to 3%.", [("percent", "2%", 2.0, None, "%"), ("percent", "3%", 3.0, None, "%")]),
        (
            "The deficit increased by $43.6 billion to $419.2 billion.",
            [("money", "$43.6 billion", 43.6e9, None, "USD"), ("money", "$419.2 billion", 419.2e9, None, "USD")],
        ),
    ],
)
def test_ranges(sentence: str, expected: list[tuple[str, str, float, float | None, str | None]]) -> None:
    """A range keeps its low end as `value` and its high end as `high`; a change stays two facts."""
    assert expected == [(f.kind.value, f.text, f.value, f.high, f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("twenty-three thousand four hundred fifty-one", 23451.0),
        ("Twenty-three thousand four hundred fifty-one", 23451.0),
        ("a dozen", 12.0),
        ("one septillion", 1e24),
        ("three hundred and two dozen", 324.0),
        ("two hundred dozen", 2400.0),
        ("zero", 0.0),
        ("two dozen", 24.0),
        ("half", 0.5),
        ("half a million", 500000.0),
        ("a half million", 500000.0),
        ("a quarter million", 250000.0),
        ("one million and a half", 1500000.0),
        ("two and a half million", 2500000.0),
        ("one and a half", 1.5),
        ("one hundred and five", 105.0),
        ("a thousand and one", 1001.0),
        ("a million", 1e6),
        ("three hundred thousand", 300000.0),
        ("zero", 0.0),
        ("ninety-nine", 99.0),
        ("Seven billion eight hundred ninety million one hundred twenty-three thousand four hundred fifty-six", 7890123456.0),
        ("1.2 million", 1.2e6),
        # Not numbers: wrong order, bare scales, stray words.
        ("two three", None),
        ("twenty eleven", None),
        ("three twenty", None),
        ("hundred", None),
        ("dozen", None),
        ("thousand million", None),
        ("and", None),
        ("", None),
        ("second", None),
        ("two apples", None),
    ],
)
def test_parse_number_words(text: str, expected: float | None) -> None:
    """Number words parse to their value; malformed sequences parse to None."""
    assert expected == parse_number_words(text)


def test_offsets_lines_and_sentence_index() -> None:
    """Facts carry article offsets, the line of their start and their sentence's index."""
    article = article_of("Japan has 54,000 troops.", "Hegseth, 44, spoke.\nIt cost $5 million.", sep="\n\n")
    found = [f for s in article.sentences for f in extract_numbers(article, s)]
    assert [("54,000", 1, 0), ("44", 3, 1), ("$5 million", 4, 1)] == [(f.text, f.line, f.sentence) for f in found]
    assert all(article.text[f.start : f.end] == f.text for f in found)


POOL = [
    "The United States has 54,000 US military personnel stationed in Japan.",
    "Tokyo plans to invest $550 billion (about ¥87 trillion) by 2029.",
    "Hegseth, 44, said about 55 000 troops would stay.",
    "Spending will rise from 2% of GDP to at least 3% by 2027.",
    "Between 40 and 50 ships sailed on March 30 at 3:30 p.m.",
    "The 33-year-old pilot flew 1,200 miles in two days.",
    "No one saw the F-35 land, a 3-2 win for the hosts.",
    "Twenty-three thousand four hundred fifty-one people voted.",
]


@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=6), st.sampled_from([" ", "\n", "\n\n"]))
def test_fact_invariants(sentences: list[str], sep: str) -> None:
    """Every fact's span reproduces its text, its line is its start's line, its sentence holds it,
    and what it measures is words of its sentence as written (spaces collapsed)."""
    article = article_of(*sentences, sep=sep)
    for sentence in article.sentences:
        for fact in extract_numbers(article, sentence):
            assert fact.measures is None or fact.measures in " ".join(sentence.text.split())
            assert fact.text == article.text[fact.start : fact.end]
            assert fact.line == article.line_of(fact.start)
            assert sentence.start <= fact.start < fact.end <= sentence.end
            assert fact.sentence == sentence.index
            assert isinstance(fact.value, float)
            assert fact.high is None or fact.high > fact.value


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Crude rose to US $58.24 per barrel on Monday.", [("money", "US $58.24 per barrel", 58.24, "USD/bbl")]),
        ("They pay a $3,500 a month mortgage.", [("money", "$3,500 a month", 3500.0, "USD/month")]),
        ("Homes sell for about $1,100 per square foot.", [("money", "$1,100 per square foot", 1100.0, "USD/sq ft")]),
        ("The car reached 100km/hr in tests.", [("quantity", "100km/hr", 100.0, "km/h")]),
        ("The convoy covered 30 miles a day.", [("quantity", "30 miles a day", 30.0, "mi/day")]),
        # Hard negatives: a time after the amount is not a rate; a bare count has no unit to divide.
        ("Petrol cost $2 a year ago.", [("money", "$2", 2.0, "USD")]),
        ("The firm hired 40 people a month.", [("quantity", "40", 40.0, None)]),
    ],
)
def test_rates_per_unit(sentence: str, expected: list[tuple[str, str, float, str | None]]) -> None:
    """`per`/`a`/`/` after a currency or unit makes a rate unit (`USD/bbl`); `a year ago` does not."""
    assert expected == [(f.kind.value, f.text, f.value, f.unit) for f in facts(sentence)]


def test_range_takes_the_rate_of_its_high_end() -> None:
    """`$62 to $68 a share` is one range priced per share."""
    assert [("$62 to $68 a share", 62.0, 68.0, "USD/share")] == [
        (f.text, f.value, f.high, f.unit) for f in facts("The shares were priced at $62 to $68 a share.")
    ]


def test_index_points_are_not_percentage_points() -> None:
    """'closed at 1,478 points' next to a percentage is an index level; '2 points' there is a change in points."""
    sentence = "The TA-35 index gained 1% to close at 1,478 points, while bond yields rose 2 points."
    assert [("percent", "1%", "%"), ("quantity", "1,478", None), ("percent", "2 points", "percentage points")] == [
        (f.kind.value, f.text, f.unit) for f in facts(sentence)
    ]


@pytest.mark.parametrize(
    "sentence, unit",
    [
        ("The sensor has a 352 μm pixel pitch.", "μm"),
        ("Tests found lead at 15 ppb in the water.", "ppb"),
        ("The material reached 113 gigapascals on the test.", "GPa"),
        ("The boot now holds 24.5 cubic feet of luggage.", "cu ft"),
        ("The engine makes 300 PS at full power.", "PS"),
    ],
)
def test_science_and_engineering_units(sentence: str, unit: str) -> None:
    """Units of science and motoring copy are read with their number."""
    assert [unit] == [f.unit for f in facts(sentence)]


def test_unit_letters_inside_a_name_are_no_unit() -> None:
    """`12 PS5 consoles`: the letters run into a digit, so they are a product name, not a unit."""
    assert [None] == [f.unit for f in facts("He sent 12 PS5 consoles to the school.")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Nvidia advanced 8% on Monday.", [("8%", "up")]),
        ("Bonia climbed 11 sen in early trade.", [("11", "up")]),
        ("Temperatures dropped by 1.5 degrees Celsius.", [("1.5 degrees Celsius", "down")]),
        ("Tesla shares plummeted 65% during the rout.", [("65%", "down")]),
        ("Rents were cut by 12% last spring.", [("12%", "down")]),
        ("Output shrank by 2.1% in the quarter.", [("2.1%", "down")]),
        # Hard negatives: a verb of change with an object or an agent, without `by`.
        ("The firm cut 30 jobs at the plant.", [("30", None)]),
        ("Women make up 30 pct of the workforce.", [("30 pct", None)]),
        ("Acme snapped up 12 pct of the shares.", [("12 pct", None)]),
        ("He was lifted by 20 supporters.", [("20", None)]),
        ("On Wall St: Dow +0.2% by the close.", [("0.2%", "up")]),
        # Hard negatives: phrasal verbs, and the level a change ends at.
        ("The defense gave up 517 rushing yards.", [("517", None)]),
        ("Exports dropped 7% to $2.3 billion.", [("7%", "down"), ("$2.3 billion", None)]),
        # A hedged change keeps both: the direction first, then the hedge.
        ("Tesla shares rose nearly 57% this year.", [("57%", "up nearly")]),
        ("Shares in Acme fell more than 5% on Monday.", [("5%", "down more than")]),
        ("Prices were almost 5% higher than a year ago.", [("5%", "up nearly")]),
        # Hard negatives: `up to` is a ceiling, not a rise; a hedge alone is no change.
        ("The budget could grow up to 5% next year.", [("5%", "up to")]),
        ("About 300 people attended the vigil.", [("300", "about")]),
    ],
)
def test_direction_of_change(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    """A change word right before a number gives its direction; `gave up` and a target level do not."""
    assert expected == [(f.text, f.qualifier) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The baby was only ten months old.", [("age", "ten months old", 10.0, "month")]),
        ("Most cases are found at around 3 years of age.", [("age", "3 years of age", 3.0, None)]),
        ("The patient is a 87 yo man with hypertension.", [("age", "87 yo", 87.0, None)]),
        ("The puppy is 6 weeks old.", [("age", "6 weeks old", 6.0, "week")]),
        # A year-old age and a month-old age are different units, never compared.
        ("The yogurt costs 5 yen.", [("money", "5 yen", 5.0, "JPY")]),
    ],
)
def test_ages_in_months_weeks_and_of_age(sentence: str, expected: list[tuple[str, str, float, str | None]]) -> None:
    """Ages in months or weeks keep their unit; `of age` and `yo` are ages too."""
    assert expected == [(f.kind.value, f.text, f.value, f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Two-thirds of voters backed the plan.", [("Two-thirds", 2 / 3, "fraction")]),
        ("Three fifths of the budget went to defence.", [("Three fifths", 0.6, "fraction")]),
        ("He served five and a half years in prison.", [("five and a half years", 5.5, "year")]),
        ("Three quarters of the budget went on salaries.", [("Three quarters", 0.75, "fraction")]),
        ("One fifth of the homes were empty.", [("One fifth", 0.2, "fraction")]),
        ("He sold one-eighth of the company.", [("one-eighth", 0.125, "fraction")]),
        ("The plot is five - eighths of an acre.", [("five - eighths", 0.625, "fraction")]),
        ("A third of voters stayed home.", [("A third", 1 / 3, "fraction")]),
        ("Nearly half of the members left.", [("half", 0.5, "fraction")]),
        ("A quarter of the staff were cut.", [("A quarter", 0.25, "fraction")]),
        # Mixed and improper numbers.
        ("The race is five and a quarter miles long.", [("five and a quarter miles", 5.25, "mi")]),
        ("The answer was twenty and three fifths.", [("twenty and three fifths", 20.6, None)]),
        ("It weighs forty two and a third tonnes.", [("forty two and a third tonnes", 42 + 1 / 3, "t")]),
        ("He paid one hundred and three quarters.", [("one hundred and three quarters", 100.75, None)]),
        ("The recipe needs three halves of a cup.", [("three halves", 1.5, "fraction")]),
        # Hard negatives: quarters as periods; an ordinal place; "a third" as an ordinal;
        # "half of" as a part of a game or a year.
        ("Profits fell in the last two quarters of the year.", [("two", 2.0, None)]),
        ("Sales rose for three quarters in a row.", [("three", 3.0, None)]),
        ("He finished third in the race.", []),
        ("She is seeking a third term in office.", []),
        ("He scored in the second half of the match.", []),
        ("The first half of the year was quiet.", []),
    ],
)
def test_fractions(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """Fractions are values with the unit `fraction`; `and a quarter` adds 0.25; quarters as periods are no fraction."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The economy shrank, with growth of -0.3% in the quarter.", [("-0.3%", -0.3)]),
        ("Overnight lows reached -12 degrees in the valley.", [("-12 degrees", -12.0)]),
        ("Net migration was revised (-4,500) in the update.", [("-4,500", -4500.0)]),
        ("The trade balance fell to $-50.8bn in April.", [("$-50.8bn", -50.8e9)]),
        # Hard negatives: codes, ranges and dashes keep their hyphen as a joiner.
        ("The F-35 order was cut.", []),
        ("Between 40 -50 people were hurt.", [("40 -50", 40.0)]),
        ("Police said 10 - 12 people were hurt.", [("10 - 12", 10.0)]),
        ("Key points:\n-5 people were hurt in the crash.", [("5", 5.0)]),
    ],
)
def test_minus_sign(sentence: str, expected: list[tuple[str, float]]) -> None:
    """A hyphen glued to a number after a space, `(` or a currency sign is a minus; a hyphen after a number or opening a line is not."""
    assert expected == [(f.text, f.value) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The bidder offered 470 pence a share.", [("470 pence a share", 4.7, "GBP/share")]),
        ("The shares closed one penny lower.", [("one penny", 0.01, "GBP")]),
        ("The board declared a 12-cent-a-share dividend.", [("12-cent-a-share", 0.12, "USD/share")]),
        ("The firm withdrew its one-yen bid for the contract.", [("one-yen", 1.0, "JPY")]),
        ("He was fined 10,000 Swiss francs by the league.", [("10,000 Swiss francs", 10000.0, "CHF")]),
        ("the bonds raised 125 million australian dollars", [("125 million australian dollars", 125e6, "AUD")]),
        ("The deal was worth 6.65 billion pesetas.", [("6.65 billion pesetas", 6.65e9, "ESP")]),
        ("Fees apply above 7.5 million Danish crowns.", [("7.5 million Danish crowns", 7.5e6, "DKK")]),
        ("The stall sold 3.23 shekels worth of bread.", [("3.23 shekels", 3.23, "ILS")]),
        ("Cab fares rose to 200 pesos.", [("200 pesos", 200.0, "peso")]),
        ("A laptop costs 1,200€ in Berlin.", [("1,200€", 1200.0, "EUR")]),
        ("Bus tickets cost 50¢ each.", [("50¢", 0.5, "USD")]),
        ("A coffee costs 100 ₡ in San José.", [("100 ₡", 100.0, "CRC")]),
        ("The fare is ₺100 now.", [("₺100", 100.0, "TRY")]),
        # Wire copy's abbreviations: dlrs, stg, cts, and dlrs with a nationality.
        ("Net profit rose to 5.3 mln dlrs from 4.1 mln dlrs.", [("5.3 mln dlrs", 5.3e6, "USD"), ("4.1 mln dlrs", 4.1e6, "USD")]),
        ("Shr 27 cts vs 1.42 dlrs.", [("27 cts", 0.27, "USD"), ("1.42 dlrs", 1.42, "USD")]),
        ("It raised 10 mln stg and 30 mln Canadian dlrs.", [("10 mln stg", 1e7, "GBP"), ("30 mln Canadian dlrs", 3e7, "CAD")]),
        ("A one dlr rise takes it to 3 U.S. Dlrs.", [("one dlr", 1.0, "USD"), ("3 U.S. Dlrs", 3.0, "USD")]),
        # Hard negatives: crowns without a nationality, a weight in pounds, a sign before
        # another number, "one" as a pronoun before "point".
        ("The king owned 12 crowns.", [("12", 12.0, None)]),
        ("She lost 10-pound weights at the gym.", [("10-pound", 10.0, "lb")]),
        ("It traded at more than 180 at one point last year.", [("180", 180.0, None)]),
    ],
)
def test_currency_words_and_signs(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """Pence, hyphenated amounts, national currencies, old wire-copy currencies and signs after the amount are money."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The state approved a Rs 35 lakh grant.", [("Rs 35 lakh", 3.5e6, "INR")]),
        ("The scheme will cost ₹1.5 lakh crore over five years.", [("₹1.5 lakh crore", 1.5e12, "INR"), ("five years", 5.0, "year")]),
        ("The company reported a loss of ₹2,000 crore.", [("₹2,000 crore", 2e10, "INR")]),
        ("He repaid 12,34,567 rupees to the bank.", [("12,34,567 rupees", 1234567.0, "INR")]),
        ("Nearly 13 lakh students sat the exam.", [("13 lakh", 1.3e6, None)]),
        ("The total came to three lakh crore.", [("three lakh crore", 3e12, None)]),
        ("The war cost two thousand million pounds.", [("two thousand million pounds", 2e9, "GBP")]),
        # Hard negatives: Western grouping stays one number; a list of numbers is no number.
        ("The city has 1,234,567 residents.", [("1,234,567", 1234567.0, None)]),
        ("Read exercises 22,24,26 and 31.", [("22", 22.0, None), ("31", 31.0, None)]),
        # A slip of the pen chains no scales: "bn trillion" stays billions.
        ("It may need up to $4.5bn trillion of loans.", [("$4.5bn", 4.5e9, "USD")]),
    ],
)
def test_indian_scales_and_grouping(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """Lakh (100,000) and crore (10 million) scale a number, chain upwards, and 12,34,567 is one number."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Turnout reached 30 percentage in the north.", [("30 percentage", 30.0, "%")]),
        ("Support stood at one hundred percents.", [("one hundred percents", 100.0, "%")]),
        # Hard negatives: percentage points stay points.
        ("The rate rose 3 percentage points.", [("3 percentage points", 3.0, "percentage points")]),
        ("It was a 2 percentage-point rise.", [("2 percentage-point", 2.0, "percentage points")]),
    ],
)
def test_percent_spellings(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    """`percents` and a bare `percentage` after a number are percent; `percentage points` are points."""
    assert expected == [(f.text, f.value, f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The fund holds six million and two thirds.", [("six million and two thirds", 6e6 + 2e6 / 3)]),
        ("The deficit is five billion and three quarters.", [("five billion and three quarters", 5.75e9)]),
        ("The budget was one billion and a quarter million.", [("one billion and a quarter million", 1.00025e9)]),
        ("The city has 3 million and a half residents.", [("3 million and a half", 3.5e6)]),
        ("She bought 3 dozen eggs.", [("3 dozen", 36.0)]),
        ("They sold three dozens.", [("three dozens", 36.0)]),
        # Hard negatives: "dozens" alone is no number ("dozens of" is the vague amount 12-120,
        # see test_numbers_news.py); a fraction after a plain number adds to it.
        ("They sold dozens.", []),
        ("Dozens of people were hurt.", [("Dozens", 12.0)]),
        ("The race is five and a quarter miles.", [("five and a quarter miles", 5.25)]),
    ],
)
def test_fractions_of_scales_and_dozens(sentence: str, expected: list[tuple[str, float]]) -> None:
    """A fraction after `million and` is of a million; `dozen`/`dozens` after a number multiply by 12."""
    assert expected == [(f.text, pytest.approx(f.value)) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("One in five Americans owns a gun.", [("One in five", 0.2, "fraction", "Americans")]),
        ("Nine out of 10 doctors agreed.", [("Nine out of 10", 0.9, "fraction", "doctors")]),
        ("The odds are one in a million.", [("one in a million", 1e-6, "fraction", None)]),
        ("The slope is one over three.", [("one over three", 1 / 3, "fraction", None)]),
        # Hard negatives: a time span, a year, a larger count first, a "one" pronoun.
        ("He scored 2 in 10 minutes.", [("2", 2.0, None, None), ("10 minutes", 10.0, "min", None)]),
        ("The plant closed 3 in 2019.", [("3", 3.0, None, None)]),
        ("Gunmen killed 3 in 2 attacks.", [("3", 3.0, None, None), ("2", 2.0, None, "attacks")]),
        ("The two in charge resigned.", [("two", 2.0, None, None)]),
    ],
)
def test_proportions(sentence: str, expected: list[tuple[str, float, str | None, str | None]]) -> None:
    """`one in five`, `9 out of 10` and `1 over 3` are fractions of plain counts, counting the noun after."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit, f.counts) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("He served 2 1/2 years for the theft.", [("2 1/2 years", 2.5, "year")]),
        ("She was jailed for 2½ years.", [("2½ years", 2.5, "year")]),
        ("The crack was a 1/4 inch wide.", [("1/4 inch", 0.25, "in")]),
        ("Stir in ½ cup of milk.", [("½", 0.5, "fraction")]),
        ("The probe covered 1/40 of the distance.", [("1/40", 0.025, "fraction")]),
        ("A fluid ounce is 1⁄32 of a quart.", [("1⁄32", 0.03125, "fraction")]),
        # Hard negatives: dates, "24/7", a time span after a date.
        ("The vote is on 3/4 this year.", []),
        ("The shop is open 24/7.", []),
        ("Since 9/11 years of war followed.", []),
        ("They met on 5/17/2018 in Ohio.", []),
    ],
)
def test_fractions_in_digits(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """`2 1/2`, `2½`, `½` and `a/b` before a unit or `of the` are fractions; other slashes stay dates."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A ticket cost 3 dollars 50 cents.", [("3 dollars 50 cents", 3.5, "USD")]),
        ("It sold for thirteen dollars and forty-five cents.", [("thirteen dollars and forty-five cents", 13.45, "USD")]),
        ("the fund paid 50 dollars and 40 rmb", [("50 dollars", 50.0, "USD"), ("40 rmb", 40.0, "CNY")]),
        ("A pint costs three pounds fifty.", [("three pounds fifty", 3.5, "GBP")]),
        # Hard negatives: two prices, an amount with a sign, a count after an amount.
        ("Prices were $1.50 and 99 cents.", [("$1.50", 1.5, "USD"), ("99 cents", 0.99, "USD")]),
        ("He paid 5 dollars 20 times.", [("5 dollars", 5.0, "USD"), ("20", 20.0, None)]),
        ("They paid $5 and 20 cents in tax.", [("$5", 5.0, "USD"), ("20 cents", 0.2, "USD")]),
        ("Fares ranged between 5 dollars and 50 cents.", [("5 dollars", 5.0, "USD"), ("50 cents", 0.5, "USD")]),
    ],
)
def test_dollars_and_cents(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    """A whole amount in a currency word takes the cents (or a bare number, said aloud) after it; lower-cased codes are codes."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Growth slowed to two point five percent.", [("two point five percent", 2.5)]),
        ("The index stood at nine point nought four.", [("nine point nought four", 9.04)]),
        ("The rate is nought point seventy-one.", [("nought point seventy-one", 0.71)]),
        ("The firm owes two point five million.", [("two point five million", 2.5e6)]),
        # Hard negatives: "at one point" is an idiom of time; "came to naught" an idiom of nothing.
        ("At one point five people were held.", [("five", 5.0)]),
        ("All their work came to naught.", []),
    ],
)
def test_spoken_decimals(sentence: str, expected: list[tuple[str, float]]) -> None:
    """`two point five` is 2.5 and the digits after `point` are read one by one; `at one point` is no number."""
    assert expected == [(f.text, pytest.approx(f.value)) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The star lies 1.3e6 light years away.", [("1.3e6", 1.3e6)]),
        ("The sun's mass is about 1.99×10^30 kilograms.", [("1.99×10^30 kilograms", 1.99e30)]),
        ("The ratio was 2.48×10−5 in the test.", [("2.48×10−5", 2.48e-5)]),
        ("The dose was 5×10⁻⁵ kg.", [("5×10⁻⁵ kg", 5e-5)]),
        ("The lender set a US$ 1MM target.", [("US$ 1MM", 1e6)]),
        ("The budget is 10 tln roubles.", [("10 tln roubles", 1e13)]),
        # Hard negatives: a relay, a room's size, a model name, millimetres in lower case.
        ("She won the 4x100m relay.", []),
        ("The Galaxy S20e sold well.", []),
        ("The bolt is 5mm wide.", [("5mm", 5.0)]),
    ],
)
def test_scientific_notation_and_finance_scales(sentence: str, expected: list[tuple[str, float]]) -> None:
    """`1.3e6` and `× 10^n` (with a power sign or a minus) are one number; `MM` and `tln` are scales."""
    assert expected == [(f.text, pytest.approx(f.value)) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("He faces a 10- to 15-year sentence.", [("10- to 15-year", 10.0, 15.0, "year")]),
        ("The mirror is 8- to 16-meter wide.", [("8- to 16-meter", 8.0, 16.0, "m")]),
        ("Lows ranged from -18 °C to -34 °C overnight.", [("-18 °C to -34 °C", -34.0, -18.0, "°C")]),
        ("The company is worth $2.1T on paper.", [("$2.1T", 2.1e12, None, "USD")]),
        # Hard negatives: a hanging hyphen before a number word, a fall between two levels,
        # and a capital T after a number without a currency sign.
        ("It was a one- or two-day delay.", [("two-day", 2.0, None, "day")]),
        ("Readings fell from -5 °C to -10 °C.", [("-5 °C", -5.0, None, "°C"), ("-10 °C", -10.0, None, "°C")]),
        ("The firm sold a 5T truck.", []),
    ],
)
def test_suspended_and_negative_ranges(
    sentence: str, expected: list[tuple[str, float, float | None, str | None]]
) -> None:
    """`10- to 15-year` is one range; a range of negative values runs from the colder end; `$2.1T` is trillions."""
    assert expected == [(f.text, pytest.approx(f.value), f.high, f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Nearly half the country voted.", [("half", 0.5, "country", "nearly")]),
        ("Half the staff quit on Monday.", [("Half", 0.5, "staff", None)]),
        ("More than half came from abroad.", [("half", 0.5, None, "more than")]),
        # Hard negatives: a duration, and halves of a game or season.
        ("The meeting lasted about half an hour.", []),
        ("He scored early in the second half.", []),
        ("The first half the season was poor.", []),
    ],
)
def test_half_without_of(sentence: str, expected: list[tuple[str, float, str | None, str | None]]) -> None:
    """`half the ...` and a hedged `half` are a share; `half an hour` and `the second half` are not."""
    assert expected == [(f.text, f.value, f.counts, f.qualifier) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("He won by one hundredth of a second.", [("one hundredth", 0.01, "fraction")]),
        ("The tax takes two thousandths of each trade.", [("two thousandths", 0.002, "fraction")]),
        ("Each heir received three twenty-fifths of the estate.", [("three twenty-fifths", 0.12, "fraction")]),
        ("A dose of one twenty-fifth.", [("one twenty-fifth", 0.04, "fraction")]),
        ("The grain weighs a millionth of a gram.", [("a millionth", 1e-6, "fraction")]),
        ("The shares split one hundred thirty-fifths.", [("one hundred thirty-fifths", 100 / 35, "fraction")]),
        ("The shares split one hundred and thirty fifths.", [("one hundred and thirty fifths", 26.0, "fraction")]),
        ("The record was one one hundred and fifth of the old one.", [("one one hundred and fifth", 1 / 105, "fraction")]),
        ("The plank is one hundred forty-one and a twentieth long.", [("one hundred forty-one and a twentieth", 141 + 1 / 20, None)]),
        ("A one-fifth stake was sold.", [("one-fifth", 0.2, "fraction")]),
        # Hard negatives: ordinals after a determiner or before a noun, and a plain "first".
        ("The town marked its two hundredth anniversary.", []),
        ("Fans watched the one hundredth episode.", []),
        ("She celebrated a hundredth birthday.", []),
        ("We were confident for those two first games.", [("two", 2.0, None)]),
    ],
)
def test_fractions_with_ordinal_denominators(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """A number in words and an ordinal is a fraction ("three twenty-fifths"); an ordinal after "the" or before a noun is none."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A third of a million people fled.", [("A third of a million", 1e6 / 3)]),
        ("The fund holds two million and one half.", [("two million and one half", 2.5e6)]),
        ("Debt reached two billion and one quarter million.", [("two billion and one quarter million", 2.00025e9)]),
        ("The bakery sold three hundred and two dozen rolls.", [("three hundred and two dozen", 324.0)]),
        ("Buy 3 doz eggs and five dozs rolls.", [("3 doz", 36.0), ("five dozs", 60.0)]),
        ("The fine was 2 hundred and 15 yuan.", [("2 hundred and 15 yuan", 215.0)]),
        ("It cost 4 thousand 3 hundred dollars.", [("4 thousand 3 hundred dollars", 4300.0)]),
        ("The score was fifty - two.", [("fifty - two", 52.0)]),
        # Hard negatives: a count after "and" is its own count; "3-2" is a score.
        ("They raised 5 million and 20 schools joined.", [("5 million", 5e6), ("20", 20.0)]),
        ("Leeds won 3-2 on Saturday.", []),
    ],
)
def test_number_words_joined_with_digits_and_fractions(sentence: str, expected: list[tuple[str, float]]) -> None:
    """Digits and scale words join ("2 hundred and 15"), a fraction of a scale multiplies it, dozens count the last group."""
    assert expected == [(f.text, pytest.approx(f.value)) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The growth rate was 1.1^23 over the period.", [("1.1^23", 1.1**23)]),
        ("A factor of 10^6 separates them.", [("10^6", 1e6)]),
        ("The ratio fell to 2.5^-1.", [("2.5^-1", 0.4)]),
        ("Sales reached 2.33 k.", [("2.33 k", 2330.0)]),
        ("The reading was negative three over 40.", [("negative three over 40", -0.075)]),
        ("Temperatures fell to negative 12 degrees.", [("negative 12 degrees", -12.0)]),
        ("Growth in the third quarter was zero.", [("zero", 0.0)]),
        ("The chance is nought.", [("nought", 0.0)]),
        # Hard negatives: idioms, a spaced letter after a whole number, a race distance, a network.
        ("Police have zero tolerance for drugs.", []),
        ("Crowds gathered at ground zero.", []),
        ("He ran a 10 k race.", [("10", 10.0)]),
        ("The phone has 5G.", []),
    ],
)
def test_powers_scale_letters_signs_and_zero(sentence: str, expected: list[tuple[str, float]]) -> None:
    """A caret is a power, a spaced scale letter ends a precise amount, "negative" is a sign, zero is a value but in idioms."""
    assert expected == [(f.text, pytest.approx(f.value)) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Per cent of twenty.", [("Per cent of twenty", 20.0)]),
        ("The answer: percent of 10.", [("percent of 10", 10.0)]),
        # Hard negatives: the percent before "of" and a count after it.
        ("Some 40 percent of 10 people agreed.", [("40 percent", 40.0)]),
        ("A large percent of 30 countries voted.", []),
    ],
)
def test_percent_said_before_its_number(sentence: str, expected: list[tuple[str, float]]) -> None:
    """"per cent of twenty" is 20% when the percent word opens the clause and the number ends it."""
    assert expected == [(f.text, pytest.approx(f.value)) for f in facts(sentence) if f.kind.value == "percent"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Kestrel fell, down 41 p at 873 p, in London.", [("41 p", 0.41, "GBP"), ("873 p", 8.73, "GBP")]),
        ("The pill holds 150 micrograms of iodine.", [("150 micrograms", 150.0, "μg")]),
        ("The dose was 120 μg a day.", [("120 μg a day", 120.0, "μg/day")]),
        ("The car reached 90kmph.", [("90kmph", 90.0, "km/h")]),
        ("The load was 20 (kg) per crate.", [("20 (kg)", 20.0, "kg")]),
        ("The score was 20 (Smith 3).", [("20", 20.0, None)]),
        ("She has raised 350 million of the 2.4 billion shekels.", [("350 million", 3.5e8, "ILS"), ("2.4 billion shekels", 2.4e9, "ILS")]),
        # Hard negatives: a time, a count of banknotes, an exponent of a unit.
        ("The vote is at 5 p.m. on Friday.", []),
        ("Two of the $20 bills were fake.", [("Two", 2.0, None), ("$20", 20.0, "USD")]),
        ("The lake covers 4 km^2.", [("4 km", 4.0, "km")]),
    ],
)
def test_spaced_pence_micrograms_and_parts_of_a_whole(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """Pence set apart in a price list, micrograms, "350 million of the 2.4 billion shekels"; an exponent is no number."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Temperatures hit 30C (86F) on Monday.", [("30C", 30.0, "°C", None), ("86F", 86.0, "°F", None)]),
        ("The wind chill takes it down to minus 20C.", [("minus 20C", -20.0, "°C", None)]),
        ("Chipmakers will produce sub-7 nanometer chips.", [("7 nanometer", 7.0, "nm", "less than")]),
        ("Costs were cut by a half.", [("a half", 0.5, "fraction", "down")]),
        ("She held the now-18-month-old boy.", [("18-month-old", 18.0, "month", None)]),
        ("He kept one hand on the railing.", [("one", 1.0, None, None)]),
        ("On one hand, the plan is cheap.", []),
        # Hard negatives: a seat, a code after a word and a hyphen, a duration, a game's half.
        ("He sat in seat 12C on the flight.", []),
        ("The F-35 flew over the base.", []),
        ("It took a year and a half.", []),
        ("He scored in the second half.", []),
    ],
)
def test_temperature_letters_sub_and_a_half(sentence: str, expected: list[tuple[str, float, str | None, str | None]]) -> None:
    """"30C" is Celsius in a sentence about temperatures, "sub-7" is under 7, "a half" ending a clause is 0.5."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit, f.qualifier) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Temperatures reached 100 degrees F in Phoenix.", [("100 degrees F", 100.0, "°F")]),
        ("The oven reached 250 deg C.", [("250 deg C", 250.0, "°C")]),
        ("The lava was 1,100 degrees centigrade.", [("1,100 degrees centigrade", 1100.0, "°C")]),
        ("It fell to minus 12 degree Fahrenheit.", [("minus 12 degree Fahrenheit", -12.0, "°F")]),
        ("It was 38.5 celcius at noon.", [("38.5 celcius", 38.5, "°C")]),
        ("The kiln hit 900° Celsius.", [("900° Celsius", 900.0, "°C")]),
        ("The dial was turned to 72°.", [("72°", 72.0, "°")]),
        ("Highs of 32C and lows of 18C are forecast.", [("32C", 32.0, "°C"), ("18C", 18.0, "°C")]),
        # Hard negatives: a word after "degrees", coordinates, a seat.
        ("The plane turned 180 degrees for the approach.", [("180 degrees", 180.0, "°")]),
        ("The epicentre was at 35.7°N, 139.7°E.", []),
        ("He sat in seat 12C, the forecast said.", []),
    ],
)
def test_temperature_scales_after_degrees(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """The scale after "degrees" as a letter or a word (also misspelt), a bare degree sign; coordinates are no amount."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A 12-member jury heard the case.", [("12-member", 12.0, "member")]),
        ("He got a five-match ban.", [("five-match", 5.0, "match")]),
        ("A 5,000-strong crowd gathered.", [("5,000-strong", 5000.0, "crowd")]),
        ("It has four-, five- and six-cylinder engines.", [("four-", 4.0, "cylinder"), ("five-", 5.0, "cylinder"), ("six-cylinder", 6.0, "cylinder")]),
        ("He signed a two-and-a-half-year deal.", [("two-and-a-half-year", 2.5, "deal")]),
        ("The index took a 2.5-point drop.", [("2.5-point", 2.5, "point")]),
        # Hard negatives: idioms, an adjective, a rough count, a score.
        ("It was a one-off payment.", []),
        ("The vote is a two-horse race.", []),
        ("He was paid a seven-figure sum.", []),
        ("They planned a three-pronged attack.", []),
        ("England's 18-17 defeat hurt.", []),
        ("It was an Apollo 13-style rescue.", []),
        ("They adopted a 2012-style rule.", []),
        ("Call 0800-555-0199 now.", []),
    ],
)
def test_counts_compounded_with_their_noun(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """"a 12-member jury" counts members, a suspended list shares the last noun; "one-off", "two-horse" are idioms."""
    assert expected == [(f.text, pytest.approx(f.value), f.counts) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The label shipped 2.1M vinyl and digital albums last year.", [("2.1M", "vinyl and digital albums")]),
        ("The clinic treated 75 new or returning patients.", [("75", "new or returning patients")]),
        ("Rescuers found 30 dead or injured seals on the beach.", [("30", "dead or injured seals")]),
        # Hard negatives: a plural or collective head ends the phrase before the "and"; no head after it.
        ("The stall sold 40 pears and apples.", [("40", "pears")]),
        ("The charity has 25 staff and 90 volunteers.", [("25", "staff"), ("90", "volunteers")]),
        ("Output reached 300 units and then it fell.", [("300", "units")]),
        ("They hired 300 new and it paid off.", [("300", "new")]),
    ],
)
def test_counted_noun_after_coordinated_modifiers(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    """"2.1M vinyl and digital albums" counts albums: "and"/"or" joins modifiers only when a head noun follows."""
    assert expected == [(f.text, f.counts) for f in facts(sentence) if f.kind.value == "quantity"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("It will cut costs by $1bn (£530m) a year.", [("$1bn", "USD/year"), ("£530m", "GBP/year")]),
        ("Fraud cost it 900 rupees ($20; £10) per tonne.", [("900 rupees", "INR/t"), ("$20", "USD/t"), ("£10", "GBP/t")]),
        ("Tax cuts worth 6.8bn rand ($1.2bn) a year.", [("6.8bn rand", "ZAR/year"), ("$1.2bn", "USD/year")]),
        ("Graft cost it 1bn CFA francs a month.", [("1bn CFA francs a month", "CFA/month")]),
        # Hard negatives: a remark in parentheses, a time after the amount.
        ("The plan costs $5m (see page 4) a year.", [("$5m", "USD")]),
        ("He paid £20 ($38) for it a year ago.", [("£20", "GBP"), ("$38", "USD")]),
    ],
)
def test_rate_after_a_conversion_in_parentheses(sentence: str, expected: list[tuple[str, str]]) -> None:
    """"$1bn (£530m) a year": the amount and its conversion are both a year's."""
    assert expected == [(f.text, f.unit) for f in facts(sentence) if f.kind.value == "money"]


def test_scaled_values_are_the_numbers_written() -> None:
    """4.1 mln is 4,100,000.0 exactly, not the binary neighbour 4.1 * 1e6 gives (4099999.9999999995)."""
    found = facts("Sales were 4.1 mln dlrs, 0.1 billion euros and 1.15 million tonnes, up 0.3 pct.")
    assert [f.value for f in found] == [4100000.0, 100000000.0, 1150000.0, 0.3]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # Wire copy's new level first: the old value's unit and scale are lent back.
        ("Sales rose to 5.3 from 4.1 mln dlrs.", [("5.3", 5.3e6, "USD"), ("4.1 mln dlrs", 4.1e6, "USD")]),
        ("The rate fell to 5.5 from 7 pct.", [("5.5", 5.5, "%"), ("7 pct", 7.0, "%")]),
        ("Production eased to 12,480 from 13,105 ounces.", [("12,480", 12480.0, "oz"), ("13,105 ounces", 13105.0, "oz")]),
        # A value with its own scale takes the unit alone.
        ("Net profit rose to 5.3 mln from 4.1 mln dlrs.", [("5.3 mln", 5.3e6, "USD"), ("4.1 mln dlrs", 4.1e6, "USD")]),
        ("Revenue grew from 3 mln to 4.2 mln dlrs.", [("3 mln", 3e6, "USD"), ("4.2 mln dlrs", 4.2e6, "USD")]),
        # Hard negatives: cents are not lent; two amounts joined by "and" keep their own.
        ("The dividend was cut to 50 cents from 75.", [("50 cents", 0.5, "USD"), ("75", 75.0, None)]),
        ("It has 3 mln people and 4 mln dlrs.", [("3 mln", 3e6, None), ("4 mln dlrs", 4e6, "USD")]),
    ],
)
def test_the_other_value_of_a_change_lends_its_unit(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The field pumps 180,000 barrels of oil a day.", [("180,000 barrels", "bbl/day")]),
        ("The plant refines 180,000 barrels per day of crude.", [("180,000 barrels per day", "bbl/day")]),
        ("Output rose to 12,000 metric tons of nickel a year.", [("12,000 metric tons", "t/year")]),
        ("It spends $1bn of its budget a year.", [("$1bn", "USD/year")]),
        # A hard wrap inside the rate, as wire copy has it.
        ("The mine yields 0.42 ounces\nof silver per ton.", [("0.42 ounces", "oz/t")]),
        ("The vein holds 0.8 ounces of silver per short ton.", [("0.8 ounces", "oz/t")]),
        # A rate per a unit before "after" is still a rate; per a time, "a week ago" is a date.
        ("Diesel sold at 61.10 cts a gallon\nafter the open.", [("61.10 cts a gallon", "USD/gal")]),
        # Hard negatives: a time ago, a time after, a possessive: no rate.
        ("They shipped 300 tonnes of rice a week ago.", [("300 tonnes", "t")]),
        ("He lost 10 kg of weight a month after the surgery.", [("10 kg", "kg")]),
        ("It has 5 km of road a day's walk from town.", [("5 km", "km")]),
    ],
)
def test_rate_after_what_the_amount_is_of(sentence: str, expected: list[tuple[str, str]]) -> None:
    """"180,000 barrels of oil a day" is the rate "180,000 barrels per day of oil" states, so the two compare."""
    assert expected == [(f.text, f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # Wire copy drops the article of "a week ago": the time word dates the number.
        ("Hog slaughter was 310,000 head versus 298,000 week ago.", [
            ("310,000", None, "head"), ("298,000", None, None),
        ]),
        ("Stocks fell to 41,500 month earlier and 39,000 year before.", [("41,500", None, None), ("39,000", None, None)]),
        ("The index stood at 2.4 pct versus 2.1 pct year ago.", [("2.4 pct", "%", None), ("2.1 pct", "%", None)]),
        # Hard negatives: one week ago, a plural, a compound: the time is what the number counts.
        ("The strike began 1 week ago.", [("1 week", "week", None)]),
        ("The strike began 3 weeks ago.", [("3 weeks", "week", None)]),
        ("They called a 5 week-long strike.", [("5 week", "week", None)]),
    ],
)
def test_singular_time_before_ago_dates_the_number(sentence: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    """"298,000 week ago" is 298,000 [head] a week ago, not 298,000 weeks."""
    assert expected == [(f.text, f.unit, f.counts) for f in facts(sentence) if f.kind.value in ("quantity", "percent")]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The trust began an offering of two mln shares at 9.50 dlrs each.", [
            ("quantity", "two mln", 2e6, None), ("money", "9.50 dlrs", 9.5, "USD"),
        ]),
        ("Creditors are owed three bln dlrs.", [("money", "three bln dlrs", 3e9, "USD")]),
        ("The board sold twenty-five mln stg of gilts.", [("money", "twenty-five mln stg", 25e6, "GBP")]),
        # Hard negatives: a spelt-out scale is a number word already, and takes no second scale.
        ("They sold five million shares.", [("quantity", "five million", 5e6, None)]),
        ("They sold five million mln shares.", [("quantity", "five million", 5e6, None)]),
    ],
)
def test_number_words_take_wire_scales(sentence: str, expected: list[tuple[str, str, float, str | None]]) -> None:
    """"two mln shares" is two million shares, as "2 mln shares" is."""
    assert expected == [(f.kind.value, f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # Wire copy wraps lines at a fixed width, between an amount and its scale or currency.
        ("Reserves at the central bank rose to 41.270\nbillion dlrs in the week.", [("money", "41.270\nbillion dlrs", 41.27e9, "USD")]),
        ("The utility is raising 85 mln\ndlrs through a bond issue.", [("money", "85 mln\ndlrs", 85e6, "USD")]),
        ("Dealers put the deficit at 620\nmln stg for the day.", [("money", "620\nmln stg", 620e6, "GBP")]),
        # A capitalised word on the next line starts something else: a table row, a name.
        ("Net 604,000 vs 1,913,000\nDollar Stores Corp 5,000", [
            ("quantity", "604,000", 604e3, None), ("quantity", "1,913,000", 1913e3, None), ("quantity", "5,000", 5e3, None),
        ]),
    ],
)
def test_scale_and_currency_across_a_hard_wrap(sentence: str, expected: list[tuple[str, str, float, str | None]]) -> None:
    """`41.270` + newline + `billion dlrs` is 41.27 billion dollars, as on one line."""
    assert expected == [(f.kind.value, f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Sales reached MSEK 120 in the quarter.", [("MSEK 120", 120e6, "SEK")]),
        ("Net profit was 36.2 MEUR, up from 31 MEUR.", [("36.2 MEUR", 36.2e6, "EUR"), ("31 MEUR", 31e6, "EUR")]),
        ("Operating costs were TEUR 500.", [("TEUR 500", 500e3, "EUR")]),
        ("It raised NOK 300 million and DKK 2bn.", [("NOK 300 million", 300e6, "NOK"), ("DKK 2bn", 2e9, "DKK")]),
        ("Tickets cost AUD$15 and CAD$ 20.", [("AUD$15", 15.0, "AUD"), ("CAD$ 20", 20.0, "CAD")]),
        ("The fund sold Mex$ 25 million of bonds.", [("Mex$ 25 million", 25e6, "MXN")]),
        ("The wallet held 3.5 BTC.", [("3.5 BTC", 3.5, "BTC")]),
        ("Roses cost 80 cents a dozen at the market.", [("80 cents a dozen", 0.8, "USD/dozen")]),
        # Hard negatives: an article before a dollar sign, a code inside a name.
        ("A $5 bill was found.", [("$5", 5.0, "USD")]),
        ("The MTV 100 list is out.", []),
    ],
)
def test_currency_codes_scaled_and_signed(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """ISO codes before or after the amount, with a prefix of scale (M, T, k) as company reports write them."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


def test_money_in_a_time_phrase_counts_nothing() -> None:
    """"$1 billion in gains" counts gains; "$120 million in the quarter" does not count the quarter."""
    assert [f.counts for f in facts("The bank took $1 billion in gains.")] == ["gains"]
    assert [f.counts for f in facts("Sales reached $120 million in the quarter.")] == [None]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("She will be 52 by the time the term ends.", [("age", "52")]),
        ("She turned 40 last week.", [("age", "40")]),
        ("The senator, who turns 80 in November, is running again.", [("age", "80")]),
        ('"I\'m 29," she said.', [("age", "29")]),
        ("Biden turned 82 on Wednesday.", [("age", "82")]),
        # Hard negatives: a score, a margin, a batting line, a temperature.
        ("He was 3 under par.", [("quantity", "3")]),
        ("She is 5 points ahead.", [("quantity", "5")]),
        ("He was 2 for 4 at the plate.", [("quantity", "2"), ("quantity", "4")]),
        ("It was 35 in the shade.", [("quantity", "35")]),
    ],
)
def test_age_as_a_predicate_of_a_person(sentence: str, expected: list[tuple[str, str]]) -> None:
    """"she turned 40", "she will be 52 by": an age after a person and a verb of being or turning."""
    assert expected == [(f.kind.value, f.text) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("The navy sent 300 Marines to the base.", 300.0),  # a count names a plural
        ("The array stored 50 Wh on a cloudy day.", 50.0),  # a unit's symbol, not a name
        ("Rescuers saved 12 When the river rose, others fled.", 12.0),  # a function word opens no name
    ],
)
def test_a_capitalised_word_after_a_number_is_a_model_name_only_when_it_could_be_one(sentence: str, value: float) -> None:
    assert [value] == [f.value for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Sales fell by a third last year.", [("a third", 1 / 3, "fraction", "down")]),
        ("Costs were cut by half in 2020.", [("half", 0.5, "fraction", "down")]),
        ("The crowd was down by half, and the mood grim.", [("half", 0.5, "fraction", "down")]),
        ("Profits rose by a quarter to 5 mln dlrs.", [("a quarter", 0.25, "fraction", "up"), ("5 mln dlrs", 5e6, "USD", None)]),
        # A share, then the level it reached: two facts, not a range from 2/3 of a million.
        ("Sales fell by two-thirds to 5 mln dlrs.", [("two-thirds", 2 / 3, "fraction", "down"), ("5 mln dlrs", 5e6, "USD", None)]),
        # Hard negatives: an ordinal before a noun, a part of a game, no word of change.
        ("The deal was signed by a third party.", []),
        ("The home side led by half-time.", []),
        ("The vote was won by a third, he said.", []),
    ],
)
def test_a_fraction_after_by_is_the_size_of_a_change(sentence: str, expected: list[tuple[str, float, str, str | None]]) -> None:
    """"fell by a third", "cut by half": the share a thing changed by, where the clause goes on without a noun."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit, f.qualifier) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The Fed cut rates by half a percentage point.", [("half a percentage point", 0.5, "percentage points", "down")]),
        ("The bank raised its rate by a quarter point to 5.25 pct.",
         [("a quarter point", 0.25, "percentage points", "up"), ("5.25 pct", 5.25, "%", None)]),
        ("It cut the rate by a quarter of a percentage point.", [("a quarter of a percentage point", 0.25, "percentage points", "down")]),
        ("Acme raised its stake in the bank by 5 pct.", [("5 pct", 5.0, "%", "up")]),
        ("Exports fell by half a percent.", [("half a percent", 0.5, "%", "down")]),
        ("Inflation rose half of one per cent.", [("half of one per cent", 0.5, "%", "up")]),
        ("Rates rose three quarters of a percentage point.", [("three quarters of a percentage point", 0.75, "percentage points", "up")]),
        # Hard negative: an agent after a passive verb.
        ("He was lifted by 20 supporters.", [("20", 20.0, None, None)]),
    ],
)
def test_a_fraction_of_a_point_and_a_change_with_its_object(
    sentence: str, expected: list[tuple[str, float, str | None, str | None]]
) -> None:
    """Rate moves in fractions of a point are percentage points; "cut rates by", "raised its stake by" are changes."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit, f.qualifier) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Between a third and a half of voters agreed.", [("a third and a half", 1 / 3, 0.5, "voters")]),
        ("From half to two-thirds of the staff left.", [("half to two-thirds", 0.5, 2 / 3, "staff")]),
        ("A quarter to a third of households are in debt.", [("A quarter to a third", 0.25, 1 / 3, "households")]),
        # Hard negative: without "between", "and" joins two shares, not the ends of a range.
        ("He won a third and a half of the votes.", [("a third", 1 / 3, None, None), ("a half", 0.5, None, "votes")]),
    ],
)
def test_a_range_of_shares(sentence: str, expected: list[tuple[str, float, float | None, str | None]]) -> None:
    """"between a third and a half of", "half to two-thirds of": the low end is a share too, though "of" follows only the high one."""
    assert expected == [(f.text, pytest.approx(f.value), f.high and pytest.approx(f.high), f.counts) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("50 or more people came to the hall.", [("50", "people", "at least")]),
        ("Some 100 or so protesters gathered.", [("100", "protesters", "about")]),
        ("A third or more of voters agreed.", [("A third", "voters", "at least")]),
        ("Prices rose 5% or more this year.", [("5%", None, "up at least")]),
        # Hard negatives: "or" joins the ends of a range, or a second amount with its own hedge.
        ("Two or three people came.", [("Two or three", "people", None)]),
        ("It was 50 or more than 60.", [("50", None, None), ("60", None, "more than")]),
    ],
)
def test_a_hedge_after_the_amount(sentence: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    """"50 or more people" is at least 50 people, "100 or so" about 100: the hedge after the number, the noun after the hedge."""
    assert expected == [(f.text, f.counts, f.qualifier) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The bank trades at 6.5 times earnings and 1.4 times book value.", [("6.5 times", 6.5, "×"), ("1.4 times", 1.4, "×")]),
        ("Smokers are three times more likely to fall ill.", [("three times", 3.0, "×")]),
        ("The new plant is five times the size of the old one.", [("five times", 5.0, "×")]),
        ("The disc holds six times as much data.", [("six times", 6.0, "×")]),
        ("Costs were two to three times higher than forecast.", [("two to three times", 2.0, "×")]),
        ("The shares trade at 12x forward earnings.", [("12x", 12.0, "×")]),
        ("Cases showed a 10-fold rise in a month.", [("10-fold", 10.0, "×")]),
        # Hard negatives: `times` counts occasions; `-fold` before a colon names parts.
        ("He has been arrested three times since 2019.", [("three", 3.0, None)]),
        ("She called him three times the following day.", [("three", 3.0, None)]),
        ("The board meets four times a year.", [("four", 4.0, None)]),
        ("He won the Cup four times as a player.", [("four", 4.0, None)]),
        ("The wall was breached four times as Ulster struggled.", [("four", 4.0, None)]),
        ("Our aim is two-fold: to cut costs and to grow.", []),
        ("Buy the 4x4 model.", []),
    ],
)
def test_a_multiplier(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """"6.5 times earnings" and "three times more likely" are multipliers (unit ×); "three times since 2019" counts occasions."""
    assert expected == [(f.text, f.value, f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The airline grounded two new 737 Max jets.", [("two", "new 737 Max jets")]),
        ("The carrier flies 12 A320 Neo jets.", [("12", "A320 Neo jets")]),
        ("The lab bought 5 iPhone 11 Pro handsets.", [("5", "iPhone 11 Pro handsets")]),
        # Hard negatives: with no count before it, an integer before a name and a plural counts them;
        # a table's all-capital units and a weekday are no model's name.
        ("Regulators fined 12 Wall Street firms.", [("12", "Wall Street firms")]),
        ("NORTHWIND  44.0  885 MLN  615 MLN", [("44.0", None), ("885", "MLN")]),
        ("She hosts one half of the Radio 1 Thursday show.", [("one half", None)]),
    ],
)
def test_a_model_number_after_a_count_is_part_of_what_it_counts(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    """"two new 737 Max jets" counts the jets; 737 names their model and is no amount."""
    assert expected == [(f.text, f.counts) for f in facts(sentence)]
