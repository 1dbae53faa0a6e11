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
        # A list that leaves out its change verb keeps the direction of the item before.
        ("Ross was down 2.3%, Burlington by 2.6% and Gap was flat.", [("2.3%", "down"), ("2.6%", "down")]),
        # Hard negatives: a tilde glued to an id is no hedge, counts in parentheses that convert nothing,
        # an unhedged amount before a hedged conversion, and a change noun.
        ("Ticket ref~42 was closed.", [("42", None)]),
        ("About 300 sailors (40 pilots) were aboard.", [("300", "about"), ("40", None)]),
        ("The bridge is 1,200 metres (about 3,900 feet) long.", [("1,200 metres", None), ("3,900 feet", "about")]),
        ("A drop 10 times larger was feared.", [("10 times", None)]),
        ("Revenue rose 3%, driven by 2% price growth.", [("3%", "up"), ("2%", None)]),
        ("Their trade added up to $214bn, and fees could reach up to $5m.", [("$214bn", None), ("$5m", "up to")]),
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


def values(sentence: str) -> list[tuple[str, str, float, float | None, str | None]]:
    return [(f.kind.value, f.text, pytest.approx(f.value), f.high, f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # A change keeps two values; a bare end takes the unit of the other.
        ("Inflation is forecast to ease from 3.9 to 3.2 percent next year.", [
            ("percent", "3.9", 3.9, None, "%"), ("percent", "3.2 percent", 3.2, None, "%"),
        ]),
        ("The champion cut his weight from 96 kilograms to 88 in a month.", [
            ("quantity", "96 kilograms", 96.0, None, "kg"), ("quantity", "88", 88.0, None, "kg"),
        ]),
        # The change starts from a range: "from 5 to 7 per cent to 3 to 5 per cent".
        ("The airline revised its growth forecast from 4 to 6 per cent to 2 to 3 per cent.", [
            ("percent", "4 to 6 per cent", 4.0, 6.0, "%"), ("percent", "2 to 3 per cent", 2.0, 3.0, "%"),
        ]),
        # "two or three" is a range; "$5 or $10" two prices; "3 or more" one number.
        ("The works will take two or three years.", [("quantity", "two or three years", 2.0, 3.0, "year")]),
        ("Only six or seven million had been spent.", [("quantity", "six or seven million", 6e6, 7e6, None)]),
        # A change restated in another unit is no range: "up 5%, or 14p, to 290p".
        ("Shares were up more than 5%, or 14 pence to 290p.", [
            ("percent", "5%", 5.0, None, "%"), ("money", "14 pence", 0.14, None, "GBP"), ("money", "290p", 2.9, None, "GBP"),
        ]),
        ("Seats cost $40 or $60 and 3 or more fans shared one.", [
            ("money", "$40", 40.0, None, "USD"), ("money", "$60", 60.0, None, "USD"), ("quantity", "3", 3.0, None, None),
        ]),
        # Hard negatives: cents are not lent, and a bare count lends nothing.
        ("Fares rose from 50 cents to 75.", [("money", "50 cents", 0.5, None, "USD"), ("quantity", "75", 75.0, None, None)]),
        ("Membership grew from 240 to 273.", [("quantity", "240", 240.0, None, None), ("quantity", "273", 273.0, None, None)]),
    ],
)
def test_changes_ranges_and_borrowed_units(
    sentence: str, expected: list[tuple[str, str, float, float | None, str | None]]
) -> None:
    """`from 3.9 to 3.2 percent` is two percents; `two or three years` a range; `$40 or $60` two prices."""
    assert expected == values(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A span of years: both ends are years, whatever their century.
        "Between 1550 and 1850 the glaciers advanced.",
        "From 1750 to 1800 the port grew.",
        "Forecasts run until 2150, and seas may be higher by 2120.",
        # Street addresses.
        "The sale included 12 E 68th St and 431 Harbour View Road, Mosman.",
        "The unit at 22-24 Station Avenue was leased.",
        "The embassy moved to 18 Avenue Kléber and 8 Rue de Rivoli.",
        "The prime minister returned to 10 Downing Street.",
        # Stock indexes named by a number, also in headline case and lower-cased copy.
        "Dow +0.4% S&P 500 +0.6% Nasdaq +1.1% FTSE 100 -0.2%",
        "the sp 500 and the Nikkei 225 were closed.",
    ],
)
def test_years_addresses_and_index_names(sentence: str) -> None:
    """Years paired with years, house numbers and index names (`S&P 500`) are no quantities."""
    assert [] == [f for f in facts(sentence) if f.kind.value == "quantity"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # Hard negatives: counts next to these shapes stay counts.
        ("About 500 St Helens fans travelled and 12 Wall Street firms paid.", [500.0, 12.0]),
        ("The FTSE 100 fell 20 points as 250 firms reported.", [20.0, 250.0]),
        ("The 2100 workers struck; 2150 votes were cast.", [2100.0, 2150.0]),
        ("Between 1500 and 2500 troops may stay.", [1500.0]),
    ],
)
def test_counts_beside_years_addresses_and_indexes(sentence: str, expected: list[float]) -> None:
    """A count before a capitalised name, after an index or with four digits is still a count."""
    assert expected == [f.value for f in facts(sentence)]


def vague(sentence: str) -> list[tuple[str, str, float, float | None, str | None, str | None]]:
    return [(f.kind.value, f.text, f.value, f.high, f.unit, f.counts) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # A plural scale word and "of": one to ten of the scale.
        ("Thousands of residents were evacuated.", [("quantity", "Thousands", 1e3, 1e4, None, "residents")]),
        ("Dozens of flights were cancelled.", [("quantity", "Dozens", 12.0, 120.0, None, "flights")]),
        ("Tens of thousands of fans marched.", [("quantity", "Tens of thousands", 1e4, 1e5, None, "fans")]),
        ("Hundreds of thousands fled the region.", [("quantity", "Hundreds of thousands", 1e5, 1e6, None, None)]),
        ("The scheme lost tens of millions of dollars.", [("money", "tens of millions of dollars", 1e7, 1e8, "USD", None)]),
        ("The storm travelled hundreds of miles.", [("quantity", "hundreds of miles", 100.0, 1000.0, "mi", None)]),
        ("The repairs cost thousands of pounds.", [("money", "thousands of pounds", 1e3, 1e4, "GBP", None)]),
        # Hard negatives: weight, not money; "tens of" without a scale; a scale word with no "of".
        ("Police seized hundreds of pounds of explosives.", [("quantity", "hundreds of pounds", 100.0, 1000.0, "lb", "explosives")]),
        ("Tens of people and the thousands separator.", []),
        ("Millions watched; billions were spent.", []),
    ],
)
def test_vague_amounts(sentence: str, expected: list[tuple[str, str, float, float | None, str | None, str | None]]) -> None:
    """`thousands of residents` is 1,000-10,000 residents; `tens of millions of dollars` money; `millions watched` nothing."""
    assert expected == vague(sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The engine makes 310 pound-feet of torque.", [("310 pound-feet", 310.0, "lb-ft")]),
        ("The guitar has a 24.75″ scale.", [("24.75″", 24.75, "in")]),
        ("Offices let at $95 per sq m and beef sells at $12 per kg.", [("$95 per sq m", 95.0, "USD/m2"), ("$12 per kg", 12.0, "USD/kg")]),
        ("The port handles a 40,000 barrel-a-day pipeline.", [("40,000 barrel-a-day", 40000.0, "bbl/day")]),
        ("Mileage rose from about 18-22 mpg to 27 in a decade.", [("18-22 mpg", 18.0, "mpg"), ("27", 27.0, "mpg")]),
        ("Valuations grew from 1.5 to 2-3 billion euros.", [("1.5", 1.5e9, "EUR"), ("2-3 billion euros", 2e9, "EUR")]),
        # Hard negatives: "per cent" is a percent, not a rate; a bare "pound" is weight only with a unit word.
        ("Rates rose 5 per cent and he lost 6 pounds.", [("5 per cent", 5.0, "%"), ("6 pounds", 6.0, "lb")]),
        ("Tickets rose from 30 to 45 at the gate.", [("30", 30.0, None), ("45", 45.0, None)]),
    ],
)
def test_units_and_rates(sentence: str, expected: list[tuple[str, float, str | None]]) -> None:
    """`pound-feet`, `″`, `per sq m`, `barrel-a-day` are units; a hedged or ranged start of a change lends its unit."""
    assert expected == [(f.text, pytest.approx(f.value), f.unit) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # A player's points are no percentage points, even beside a percentage.
        ("She averaged 21.4 points while shooting 48% from the field.", [("21.4", None, "points"), ("48%", "%", None)]),
        ("Leeds won by 12 points; attendance was 85% of capacity.", [("12", None, "points"), ("85%", "%", "capacity")]),
        # Hard negatives: poll leads stay percentage points; a ZIP code is no number.
        ("Labour leads by 7 points in a poll putting it at 41%.", [("7 points", "percentage points", None), ("41%", "%", None)]),
        ("Homes in the 10027 ZIP code sold for 12% more.", [("12%", "%", None)]),
        ("In the 60614 ZIP Code, 41 homes sold.", [("41", None, "homes")]),
    ],
)
def test_game_points_and_zip_codes(sentence: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    """`averaged 21.4 points` counts points; `leads by 7 points` in a poll is percentage points; ZIP codes are codes."""
    assert expected == [(f.text, f.unit, f.counts) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # A range in cents is in cents at both ends.
        ("The dividend will be 5-10 cents a share.", [("5-10 cents a share", 0.05, 0.1, "USD/share", None)]),
        ("Bus fares rise by 20 to 30p.", [("20 to 30p", 0.2, 0.3, "GBP", "up")]),
        # A hard-wrapped line after the change verb; a change in pence, then the level it reached.
        ("Royal Mail dropped\n18p to 966 in late trade.", [("18p", 0.18, None, "GBP", "down"), ("966", 966.0, None, None, None)]),
        # Hard negatives: scores stay out.
        ("City won 3-2 and then lost 18-17.", []),
    ],
)
def test_ranges_in_cents_and_wrapped_changes(
    sentence: str, expected: list[tuple[str, float, float | None, str | None, str | None]]
) -> None:
    """`5-10 cents` is 0.05-0.10; `dropped\\n18p to 966` is a fall of 18p and a level, not a range."""
    assert expected == [(f.text, pytest.approx(f.value), f.high, f.unit, f.qualifier) for f in facts(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Output rose 2.7 pct after\na 1985 rise of 4.4 pct.", [("2.7 pct", "%", "up"), ("4.4 pct", "%", "up")]),
        ("Inflation may reach 2.6 or 2.7 per\ncent this year.", [("2.6 or 2.7 per\ncent", "%", None)]),
        # Hard negative: a hedged four-digit number is still a count.
        ("Nearly 2000 staff joined in 2019.", [("2000", None, "nearly")]),
    ],
)
def test_years_with_change_words_and_wrapped_percents(sentence: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    """`a 1985 rise` is a year, not a change of 1985; `per\\ncent` across a line break is a percent."""
    assert expected == [(f.text, f.unit, f.qualifier) for f in facts(sentence)]
