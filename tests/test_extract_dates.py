"""Dates: absolute and relative expressions resolved against the article's date, and dates inferred from text."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.extract.dates import extract_dates, infer_article_date
from compare.ingest import article_from_text
from compare.records import Article, Fact, FactKind

Found = list[tuple[str, str, str | None]]


def dates(text: str, anchor: str | None = "2025-03-30", *, source: str | None = None) -> Found:
    """(text, value, qualifier) of every date fact in `text`, anchored at `anchor`."""
    article = article_from_text(text, id="t", date=anchor)
    if source is not None:
        article = replace(article, date_source=source)
    day = None if anchor is None else dt.date.fromisoformat(anchor)
    return [
        (f.text, str(f.value), f.qualifier)
        for sentence in article.sentences
        for f in extract_dates(article, sentence, day)
    ]


def bare(text: str) -> Article:
    """An article with no date metadata, for inference."""
    return article_from_text(text, id="t")


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        ("Hegseth arrived in Tokyo on March 30, 2025.", "2025-03-30", [("March 30, 2025", "2025-03-30", None)]),
        ("The talks opened on 30 March 2025 in Tokyo.", "2025-03-30", [("30 March 2025", "2025-03-30", None)]),
        (
            "The meeting was held Sunday, March 30, 2025, at the Defense Ministry.",
            "2025-03-30",
            [("Sunday, March 30, 2025", "2025-03-30", None)],
        ),
        ("The order is dated 2025-03-28 and was signed in Tokyo.", "2025-03-30", [("2025-03-28", "2025-03-28", None)]),
        ("Auto tariffs were announced in March 2025.", "2025-04-10", [("March 2025", "2025-03", None)]),
        ("The plan dates from March of 2024.", "2025-03-30", [("March of 2024", "2024-03", None)]),
        ("The attacks of Sept. 11, 2001, reshaped the Pentagon.", "2025-03-30", [("Sept. 11, 2001", "2001-09-11", None)]),
        ("Officials met on Sept. 11 to review the plan.", "2025-10-01", [("Sept. 11", "2025-09-11", None)]),
        ("The summit runs June 12-14, 2026 in Brussels.", "2026-03-01", [("June 12-14, 2026", "2026-06-12", None)]),
        ("The tariff applies to auto imports from April 3.", "2025-03-30", [("April 3", "2025-04-03", None)]),
        ("Koizumi landed on the 6th of December.", "2026-01-20", [("6th of December", "2025-12-06", None)]),
        ("Hegseth met Nakatani on 30 March.", "2025-03-30", [("30 March", "2025-03-30", None)]),
        # Copy without capitals or set in capitals: a month name is a month.
        ("the talks opened on june 12 in brussels.", "2025-03-30", [("june 12", "2025-06-12", None)]),
        ("TALKS OPEN ON JUNE 12, 2025 IN BRUSSELS", "2025-03-30", [("JUNE 12, 2025", "2025-06-12", None)]),
        ("ACME SEES PROFIT RISE IN MAY", "2025-03-30", [("MAY", "2025-05", None)]),
        ("ACME MAY RAISE ITS DIVIDEND BY 5 PCT", "2025-03-30", []),
    ],
)
def test_absolute_dates(text: str, anchor: str, expected: Found) -> None:
    """Written and ISO dates give a day or a month; the surface keeps its own spelling."""
    assert expected == dates(text, anchor)


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        # The month-day nearest the anchor: within about six months either side.
        ("On Jan. 2, Trump spoke with Takaichi by phone.", "2026-01-20", [("Jan. 2", "2026-01-02", None)]),
        ("The strategy was released on December 6th.", "2026-01-20", [("December 6th", "2025-12-06", None)]),
        ("Upper house elections are due on July 20.", "2025-03-30", [("July 20", "2025-07-20", None)]),
        ("The fleet left Yokosuka on Oct. 23.", "2026-03-01", [("Oct. 23", "2025-10-23", None)]),
        # A month alone, after a preposition: nearest; six months either way goes back.
        ("The fleet arrived in September.", "2025-03-15", [("September", "2024-09", None)]),
        ("The defense budget passes in May.", "2025-03-30", [("May", "2025-05", None)]),
        # A month with a relative year.
        ("Sales fell in June last year.", "2025-03-30", [("June last year", "2024-06", None)]),
        (
            "Ratification began in early October this year.",
            "2025-11-02",
            [("early October this year", "2025-10", "early")],
        ),
        ("The carrier returned on Oct. 23 last year.", "2025-03-30", [("Oct. 23 last year", "2024-10-23", None)]),
    ],
)
def test_year_from_anchor(text: str, anchor: str, expected: Found) -> None:
    """A month-day or month without a year takes the year that puts it nearest the anchor."""
    assert expected == dates(text, anchor)


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        # Anchor 2025-03-30 is a Sunday.
        ("Hegseth said Sunday that deterrence was back.", "2025-03-30", [("Sunday", "2025-03-30", None)]),
        ("He landed in Tokyo on Saturday.", "2025-03-30", [("Saturday", "2025-03-29", None)]),
        ("Officials met in Manila last Friday.", "2025-03-30", [("last Friday", "2025-03-28", None)]),
        ("The minister met him last Sunday.", "2025-03-30", [("last Sunday", "2025-03-23", None)]),
        ("He met the envoy this past Sunday.", "2025-03-30", [("this past Sunday", "2025-03-23", None)]),
        ("Talks resume next Monday.", "2025-03-30", [("next Monday", "2025-03-31", None)]),
        ("He flies to Manila this coming Tuesday.", "2025-03-30", [("this coming Tuesday", "2025-04-01", None)]),
        ("The report is due by next Friday.", "2025-03-30", [("by next Friday", "2025-04-04", "by")]),
        # `this Tuesday` is the Tuesday of the anchor's Monday-Sunday week; 2025-03-27 is a Thursday.
        ("The committee met this Tuesday.", "2025-03-27", [("this Tuesday", "2025-03-25", None)]),
        ("The vote is this Saturday.", "2025-03-27", [("this Saturday", "2025-03-29", None)]),
        ("Officials gathered on friday.", "2025-03-30", [("friday", "2025-03-28", None)]),
        # A weekday next to its date is one fact; the explicit date wins.
        (
            "On Saturday (December 6th), Hegseth spoke in Simi Valley.",
            "2025-12-08",
            [("Saturday (December 6th)", "2025-12-06", None)],
        ),
        (
            "Motegi spoke at a press conference last Friday (December 5th).",
            "2025-12-08",
            [("last Friday (December 5th)", "2025-12-05", None)],
        ),
        ("He spoke Friday, Jan. 2, from Mar-a-Lago.", "2026-01-20", [("Friday, Jan. 2", "2026-01-02", None)]),
        # The weekday picks the year when the nearest December 6th falls on a Sunday.
        ("On Saturday (December 6th), Hegseth spoke.", "2026-07-01", [("Saturday (December 6th)", "2025-12-06", None)]),
    ],
)
def test_weekdays(text: str, anchor: str, expected: Found) -> None:
    """A bare weekday is the latest on or before the anchor; `next` goes forward; a date next to it wins."""
    assert expected == dates(text, anchor)


@pytest.mark.parametrize(
    "text, expected",
    [
        # 2026-03-14 is a Saturday. A future clause reads a bare weekday forward.
        ("Schools will stay closed until Wednesday.", [("until Wednesday", "2026-03-18", "until")]),
        ("Troops will arrive on Sunday, officials said.", [("Sunday", "2026-03-15", None)]),
        ("The vote is due on Friday.", [("Friday", "2026-03-20", None)]),
        ("The council will meet on Saturday to decide.", [("Saturday", "2026-03-14", None)]),  # the anchor's own day
        # Hard negatives: the weekday dates a report, or the future is elsewhere.
        ("Officials said on Sunday that troops will arrive.", [("Sunday", "2026-03-08", None)]),
        ("Hegseth, who will visit Manila, said Sunday that the alliance was strong.", [("Sunday", "2026-03-08", None)]),
        ("The ministers issued a statement Friday saying the deal will hold.", [("Friday", "2026-03-13", None)]),
        ("The minister resigned on Tuesday and will leave office soon.", [("Tuesday", "2026-03-10", None)]),
        ("They will decide, as they did last week on Friday.", [("Friday", "2026-03-13", None)]),
        # Plans, schedules and conditionals speak of the future too.
        ("The team planned to leave Nairobi on Thursday.", [("Thursday", "2026-03-19", None)]),
        ("Talks are set to resume Monday in Belfast.", [("Monday", "2026-03-16", None)]),
        ("Trading is to resume in Paris on Tuesday.", [("Tuesday", "2026-03-17", None)]),
        ("His father could arrive as early as Tuesday.", [("Tuesday", "2026-03-17", None)]),
        ("Officials postponed until Tuesday any action on the visa.", [("until Tuesday", "2026-03-17", "until")]),
        ("The lawyer said the family would travel on Wednesday.", [("Wednesday", "2026-03-18", None)]),
        # Hard negatives: a plan given up, and an event named by its day.
        ("He had planned to leave on Friday but stayed.", [("Friday", "2026-03-13", None)]),
        ("The relatives said they would appeal Wednesday's ruling.", [("Wednesday", "2026-03-11", None)]),
    ],
)
def test_weekday_in_a_future_clause_is_the_coming_one(text: str, expected: Found) -> None:
    """`will ... Wednesday` is the coming Wednesday; a report verb or a named week keeps the past reading."""
    assert expected == dates(text, "2026-03-14")


def test_last_weekday_with_an_inferred_anchor() -> None:
    """With an anchor inferred from the text (a lower bound), `last Saturday` may be the anchor's day."""
    text = "The forum was held in Simi Valley last Saturday."
    assert [("last Saturday", "2025-12-06", None)] == dates(text, "2025-12-06", source="text")
    assert [("last Saturday", "2025-11-29", None)] == dates(text, "2025-12-06", source="given")


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        ("Trump said this month that the deal was unfair.", "2025-03-30", [("this month", "2025-03", None)]),
        ("Tariffs rose earlier this month.", "2025-03-30", [("earlier this month", "2025-03", None)]),
        ("Koizumi plans to visit next month.", "2025-12-08", [("next month", "2026-01", None)]),
        ("Spending rose last month.", "2026-01-20", [("last month", "2025-12", None)]),
        ("The leaders met at a summit last year.", "2025-03-30", [("last year", "2024", None)]),
        ("Japan will reach 2% of GDP next year.", "2025-12-08", [("next year", "2026", None)]),
        ("A decision is expected later this year.", "2025-03-30", [("later this year", "2025", None)]),
        ("Last June, NATO set a new target.", "2026-01-20", [("Last June", "2025-06", None)]),
        ("NATO set a target last June.", "2026-07-10", [("last June", "2026-06", None)]),
        ("NATO set a target last June.", "2026-06-15", [("last June", "2025-06", None)]),
        ("The summit is next June.", "2026-01-20", [("next June", "2026-06", None)]),
        ("The summit is this June.", "2026-01-20", [("this June", "2026-06", None)]),
        ("In a speech last December, Hegseth named allies.", "2026-01-20", [("last December", "2025-12", None)]),
        ("The ministry confirmed the visit today.", "2025-03-30", [("today", "2025-03-30", None)]),
        ("Yesterday, the Pentagon said more.", "2025-03-30", [("Yesterday", "2025-03-29", None)]),
        ("The ministers meet tomorrow.", "2025-03-30", [("tomorrow", "2025-03-31", None)]),
        ("Officials spoke late last night.", "2025-03-30", [("late last night", "2025-03-29", "late")]),
        ("Growth slowed since last year.", "2025-03-30", [("since last year", "2024", "since")]),
    ],
)
def test_relative_dates(text: str, anchor: str, expected: Found) -> None:
    """Relative days, months and years resolve against the anchor, at their own precision."""
    assert expected == dates(text, anchor)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Xi ordered the military to be ready to annex Taiwan by 2027.",
            [("by 2027", "2027", "by")],
        ),
        ("Spending has doubled since 2019.", [("since 2019", "2019", "since")]),
        ("The base stays open until 2030.", [("until 2030", "2030", "until")]),
        ("The base stays open till 2030.", [("till 2030", "2030", "until")]),
        ("The treaty was signed before 1960.", [("before 1960", "1960", "before")]),
        ("Tensions grew after 2020.", [("after 2020", "2020", "after")]),
        ("The headquarters opens in 2027.", [("2027", "2027", None)]),
        ("Deliveries start in early 2026.", [("early 2026", "2026", "early")]),
        ("The upgrade was planned for mid-2025.", [("mid-2025", "2025", "mid")]),
        ("Ships arrived in late 2024.", [("late 2024", "2024", "late")]),
        ("Japan must act by early 2027.", [("by early 2027", "2027", "by")]),
        ("Exports fell since March 2025.", [("since March 2025", "2025-03", "since")]),
        ("The freeze lasts until mid-March.", [("until mid-March", "2025-03", "until")]),
        ("Defense spending rose throughout 2024.", [("2024", "2024", None)]),
    ],
)
def test_qualified_years_and_months(text: str, expected: Found) -> None:
    """A bare year is a date only after a preposition or part word; by/since/until/... become the qualifier."""
    assert expected == dates(text, "2025-03-30")


@pytest.mark.parametrize(
    "text",
    [
        "Japan clinched a 3-2 win over South Korea.",
        "Officials may decide to delay the vote.",
        "May I ask a question, Mr. Secretary?",
        "The March on Washington drew 250,000 people.",
        "Protesters will march to the embassy.",
        "The Sun reported the story first.",
        "Japan faces a 25 percent tariff on auto imports.",
        "The headquarters will upgrade the 55,000 troops of U.S. Forces Japan.",
        "The transcript is at https://www.defense.gov/News/2025-03-30/remarks-in-2025/ for readers.",
        "The story ran at example.com/2025/03/30/hegseth-japan for readers.",
        "He referenced Colby's 2021 work on deterrence.",
        "During the 2025 Reagan National Defense Forum, Hegseth spoke.",
        "Image 1 of 94 shows the delegation.",
        "Call the desk at 202-555-0143 for details.",
        "The command center operates 24/7.",
        "The 9/11 attacks reshaped the Pentagon.",
        "The Sept. 11 attacks reshaped the Pentagon.",
        "The Good Friday Agreement still holds.",
        "Super Tuesday results surprised Democrats.",
        "The Sunday Times reported the deal.",
        "USA Today reported the deal.",
        "The alliance has grown over the last year.",
        "Growth should pick up in the next month.",
        "Defense budgets shrank in the 1990s.",
        "The fiscal 2025-26 budget is the largest yet.",
        "Trump hosted Ishiba at Mar-a-Lago.",
        "He had met Nakatani the previous Friday.",
        "The base holds drills every Monday.",
        "The unit spent $2025 per soldier.",
        "Readiness rose 2025% in the model, in 2025.5 terms.",
        "Theresa met Koizumi in the spring.",
        "He met officials last week.",
        "The May first-quarter figures were revised.",
        "Analysts who spoke to May first raised the issue.",
        "She was the first of May's children to marry.",
        "The fourth of five ships sank in the storm.",
        "The archive is at example.com/2015/08/12/story for readers.",
        "The grid reads 2015/8/40 in the table.",
    ],
)
def test_hard_negatives(text: str) -> None:
    """Scores, modal `may`, `march`, newspapers, percentages, counts, URLs, bare years and names are not dates."""
    assert [] == dates(text, "2025-03-30")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("On Saturday (December 6th), Hegseth spoke.", [("Saturday (December 6th)", "--12-06", None)]),
        ("On Jan. 2, Trump spoke with Takaichi.", [("Jan. 2", "--01-02", None)]),
        ("The fleet sailed in June.", [("June", "--06", None)]),
        ("Hegseth spoke Sunday about last year and next month.", []),
        ("Troops will be ready by 2027.", [("by 2027", "2027", "by")]),
        ("The treaty was signed March 30, 2025.", [("March 30, 2025", "2025-03-30", None)]),
        ("Sales fell in June last year.", []),
        (
            "At the 2025 Reagan forum on Saturday (December 6th), Hegseth spoke.",
            [("Saturday (December 6th)", "2025-12-06", None)],
        ),
    ],
)
def test_without_anchor(text: str, expected: Found) -> None:
    """With no anchor, relative dates are dropped and year-less ones use `--MM-DD` unless a weekday pins them."""
    assert expected == dates(text, None)


def test_fact_fields_and_offsets() -> None:
    """Each fact carries kind, value, exact span, line and sentence index into the article."""
    text = "Hegseth in Tokyo\n\nHegseth spoke on Sunday. He said\nTaiwan is at risk by 2027."
    article = article_from_text(text, id="t", date="2025-03-30")
    facts = [f for s in article.sentences for f in extract_dates(article, s, dt.date(2025, 3, 30))]
    sunday, by_2027 = text.index("Sunday"), text.index("by 2027")
    assert [
        Fact(kind=FactKind.DATE, text="Sunday", value="2025-03-30", start=sunday, end=sunday + 6, line=3, sentence=0),
        Fact(
            kind=FactKind.DATE, text="by 2027", value="2027", start=by_2027, end=by_2027 + 7, line=4,
            sentence=1, qualifier="by",
        ),
    ] == facts


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # Modelled on seed 000: a weekday with its month-day, and the year named elsewhere.
            (
                "Hegseth warns allies\n\n"
                "On Saturday (December 6th), Hegseth warned allies about spending.\n\n"
                "During the 2025 Reagan National Defense Forum held in Simi Valley last Saturday, he spoke.\n\n"
                "He cited Colby's 2021 work. Motegi spoke last Friday (December 5th)."
            ),
            ("2025-12-06", "Saturday (December 6th); year 2025 named in the text"),
        ),
        (
            # Modelled on seed 004: weekdays and month-days, but no year anywhere.
            (
                "Defense Secretary Pete Hegseth welcomed Koizumi on Thursday.\n\n"
                "Last June, NATO set a new target. On Jan. 2, Trump spoke with Takaichi."
            ),
            None,
        ),
        (
            "The pact was signed on March 30, 2025. Talks resumed on 2 April 2025 in Tokyo.",
            ("2025-04-02", "2 April 2025"),
        ),
        ("The order dated 2025-03-28 took effect at once.", ("2025-03-28", "2025-03-28")),
        (
            "Hegseth spoke on Sunday, March 30, in Tokyo. The 2025 budget was not discussed.",
            ("2025-03-30", "Sunday, March 30; year 2025 named in the text"),
        ),
        (
            # 2026-01-02 is a Friday: the year after the one named fits.
            "The 2025 strategy was followed by a call on Friday (Jan. 2) between the leaders.",
            ("2026-01-02", "Friday (Jan. 2); year 2026 fits the weekday, next to 2025 named in the text"),
        ),
        (
            # December 6th fell on a Saturday in 2014 and 2025: the one nearest the latest year named.
            "The 2014 accord was revised in 2025. On Saturday (December 6th) the ministers met.",
            ("2025-12-06", "Saturday (December 6th); year 2025 named in the text"),
        ),
        (
            # December 6th was a Monday in no year near 2025: no inference from that pair.
            "The 2025 forum opened on Monday (December 6th).",
            None,
        ),
        (
            "The forum opened on March 30, 2025. On Saturday (December 6th) it closed.",
            ("2025-12-06", "Saturday (December 6th); year 2025 named in the text"),
        ),
        ("Tariffs rose in March 2025 and again by 2027.", None),
        ("See https://example.com/2025-03-30/story for the 2024 figures.", None),
    ],
)
def test_infer_article_date(text: str, expected: tuple[str, str] | None) -> None:
    """The latest fully specified day: a written date, or a weekday's month-day in a year the text names."""
    assert expected == infer_article_date(bare(text))


SENTENCES = [
    "Hegseth said Sunday that deterrence was back.",
    "On Saturday (December 6th), Hegseth spoke in Simi Valley.",
    "Xi ordered the military to be ready by 2027.",
    "Officials may decide in May.",
    "The March on Washington drew 250,000 people.",
    "Trump spoke on Jan. 2 and again last June.",
    "A 3-2 win, a 25 percent tariff and 55,000 troops.",
    "The treaty was signed March 30, 2025, in Tokyo.",
    "He spoke yesterday about next month and mid-2025.",
    "See https://example.com/2025/03/30/story for more.",
]


@settings(max_examples=60, deadline=None)
@given(
    picks=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6),
    breaks=st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=6, max_size=6),
    anchor=st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))),
)
def test_spans_reproduce_text(picks: list[str], breaks: list[str], anchor: dt.date | None) -> None:
    """Every fact's span reproduces its text, its line and its sentence, whatever the anchor."""
    text = "".join(sentence + gap for sentence, gap in zip(picks, breaks, strict=False))
    article = article_from_text(text, id="t")
    for sentence in article.sentences:
        for fact in extract_dates(article, sentence, anchor):
            assert fact.text == article.text[fact.start : fact.end]
            assert fact.line == article.line_of(fact.start)
            assert sentence.start <= fact.start < fact.end <= sentence.end
            assert fact.kind is FactKind.DATE


@settings(max_examples=100, deadline=None)
@given(text=st.text(alphabet="0123456789 -,./()%\nMaySundayJan.thlst", max_size=200))
def test_arbitrary_text_keeps_the_invariant(text: str) -> None:
    """On arbitrary date-like noise, facts still reproduce their spans and inference does not fail."""
    article = article_from_text(text or "x", id="t")
    for sentence in article.sentences:
        for fact in extract_dates(article, sentence, dt.date(2025, 3, 30)):
            assert fact.text == article.text[fact.start : fact.end]
    infer_article_date(article)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Exports fell in 1997 and 1998.", [("1997", "1997", None), ("1998", "1998", None)]),
        ("The scheme ran from 2003 to 2007.", [("2003", "2003", None), ("2007", "2007", None)]),
        ("Losses rose between 2019 and 2021.", [("2019", "2019", None), ("2021", "2021", None)]),
        ("The vote comes in 2026 or 2027.", [("2026", "2026", None), ("2027", "2027", None)]),
        # Hard negatives: the first year is not a date, so neither is the second.
        ("The 2021 and 2022 budgets were cut.", []),
        ("She scored 25 and 2019 was her best season.", []),
        ("Flights 2019 and 2020 were cancelled.", []),
    ],
)
def test_the_second_of_two_years(text: str, expected: Found) -> None:
    """A year joined by `and`/`or`/`to` to a year that a preposition makes a date is a date too."""
    assert expected == dates(text, "2025-03-30")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ministers meet the day after tomorrow.", [("the day after tomorrow", "2025-04-01", None)]),
        ("He left Tokyo the day before yesterday.", [("the day before yesterday", "2025-03-28", None)]),
        ("It follows the vote after tomorrow's session.", [("after tomorrow", "2025-03-31", "after")]),
    ],
)
def test_two_days_off(text: str, expected: Found) -> None:
    """`the day after tomorrow` is two days on, not `after` tomorrow."""
    assert expected == dates(text, "2025-03-30")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The plant opened 41 years ago.", [("41 years ago", "1984", None)]),
        ("Two months ago the bank cut rates.", [("Two months ago", "2025-01", None)]),
        ("The clinic closed almost four years ago.", [("almost four years ago", "2021", "nearly")]),
        ("A year ago prices were lower.", [("A year ago", "2024", None)]),
        ("It opened twenty-five years ago.", [("twenty-five years ago", "2000", None)]),
        ("She arrived in Tokyo 3 days ago.", [("3 days ago", "2025-03-27", None)]),
        ("Fourteen months ago the mine flooded.", [("Fourteen months ago", "2024-01", None)]),
        # Weeks give the ISO week (TempEval-3's `1999-W47` for "six weeks ago" on 6 January 2000).
        ("The rule changed five weeks ago.", [("five weeks ago", "2025-W08", None)]),
        ("Exports rose from 41,000 tonnes a week ago.", [("a week ago", "2025-W12", None)]),
        ("The mill ground 3,300 tonnes versus 3,100 week ago.", [("week ago", "2025-W12", None)]),
        ("Hog kill was 310,000 against 298,000 year ago.", [("year ago", "2024", None)]),
        # Hard negatives: no count to a plural, a fraction, decades or a vague few are no date.
        ("Weeks ago nobody knew.", []),
        ("Decades ago it was a farm.", []),
        ("That was 2.5 years ago.", []),
        ("He left the party a few years ago.", []),
        ("The year-ago quarter was weaker.", []),
    ],
)
def test_counted_offsets_back_from_the_article_date(text: str, expected: Found) -> None:
    """`N years/months/weeks/days ago` is that many before the article's date, at that precision."""
    assert expected == dates(text, "2025-03-30")


def test_counted_offsets_need_the_article_date() -> None:
    """With no article date, `41 years ago` dates nothing (it is not guessed)."""
    assert [] == dates("The plant opened 41 years ago.", None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The treaty was signed on 02/22/2016 in Paris.", [("02/22/2016", "2016-02-22", None)]),
        ("The claim was filed on 21/04/2016.", [("21/04/2016", "2016-04-21", None)]),
        ("Bids close 21-04-2016 at noon.", [("21-04-2016", "2016-04-21", None)]),
        ("The ledger closed 31.12.2019.", [("31.12.2019", "2019-12-31", None)]),
        # Hard negatives: an order that is not plain, no year, no such day, or part of a longer code.
        ("Payment is due 04/05/2016.", []),
        ("The 9/11 attacks and a 24/7 hotline.", []),
        ("The ruling of 2/29/2021 stands.", []),
        ("Call 10-23-2015-0042 for tickets.", []),
        ("Release 1.22.2016b is out.", []),
    ],
)
def test_numeric_dates_with_their_year(text: str, expected: Found) -> None:
    """A numeric date with a four-digit year is a day where one number is over 12."""
    assert expected == dates(text, "2025-03-30")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Troops crossed the river Thursday morning.", [("Thursday morning", "2025-03-27", None)]),
        ("The vote ran until late Sunday night.", [("until late Sunday night", "2025-03-30", "until")]),
        ("Last Friday evening the rally began.", [("Last Friday evening", "2025-03-28", None)]),
        ("He hosted Saturday Night Live in 2019.", [("2019", "2019", None)]),  # a show, not a night
    ],
)
def test_part_of_a_day_is_in_its_span(text: str, expected: Found) -> None:
    """`Thursday morning` is one date fact, the same day as `Thursday`."""
    assert expected == dates(text, "2025-03-30")


@pytest.mark.parametrize(
    "text, cased",
    [
        ("on may 7, the port began turning ships away.", "on May 7, the port began turning ships away."),
        ("the notes mature nov. 30, 2031.", "the notes mature Nov. 30, 2031."),
        ("the talks resume in march.", "the talks resume in March."),
    ],
)
def test_month_names_in_lower_cased_copy(text: str, cased: str) -> None:
    """Lower-cased copy reads as its capitalised form would: the month names are months."""
    found = dates(text)
    assert len(found) == 1 and [value for _, value, _ in found] == [value for _, value, _ in dates(cased)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Hard negatives: with a capital in the sentence, `may` and `march` are words.
        ("Prices may 5 times rise, she said.", []),
        ("They march 5 miles, Reuters said.", []),
    ],
)
def test_lower_case_month_words_in_cased_copy_are_words(text: str, expected: Found) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He resigned last Friday.", [("last Friday", "2025-03-28", None)]),
        # `the last Friday of June` is no last Friday.
        ("The fair opens on the last Friday of August.", []),
        ("On the last Friday the committee met.", []),
    ],
)
def test_the_last_weekday_of_a_period_is_not_last_week(text: str, expected: Found) -> None:
    assert dates(text, "2025-03-30") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The store closed on Christmas Day.", [("Christmas Day", "2024-12-25", None)]),
        ("He resigned last Thanksgiving.", [("last Thanksgiving", "2024-11-28", None)]),
        ("Parades will be held on the Fourth of July.", [("Fourth of July", "2025-07-04", None)]),
        ("They met on Good Friday.", [("Good Friday", "2025-04-18", None)]),
        ("Lawmakers return after Easter.", [("after Easter", "2025-04-20", "after")]),
        ("Next Christmas will be quieter.", [("Next Christmas", "2025-12-25", None)]),
        ("Congress will leave before Labor Day.", [("before Labor Day", "2025-09-01", "before")]),
        # Hard negatives: a season's trade, an accord's name, a name for no fixed day.
        ("Christmas shopping began early.", []),
        ("The Good Friday Agreement holds.", []),
        ("Voters went to the polls on Election Day.", []),
    ],
)
def test_holidays(text: str, expected: Found) -> None:
    """Holidays with a fixed day or a rule (Thanksgiving, Easter by the computus), nearest the article's date."""
    assert dates(text, "2025-03-30") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The parade is held on the fourth of July.", [("fourth of July", "2025-07-04", None)]),
        ("The talks ended on the twenty-first of March.", [("twenty-first of March", "2025-03-21", None)]),
        ("The deal closes on May twenty-first.", [("May twenty-first", "2025-05-21", None)]),
        ("Voting began on March first in most states.", [("March first", "2025-03-01", None)]),
        ("He left Tokyo on 26th June of 2020.", [("26th June of 2020", "2020-06-26", None)]),
        ("The ban took effect on 2015/08/12.", [("2015/08/12", "2015-08-12", None)]),
        ("The ban took effect on 2015/8/2.", [("2015/8/2", "2015-08-02", None)]),
        ("Profit rose 12% in fiscal 1989.", [("fiscal 1989", "1989", None)]),
        ("Acme expects a loss by fiscal year 2027.", [("by fiscal year 2027", "2027", "by")]),
        ("The board kept its fiscal 10 percent rule.", []),
    ],
)
def test_days_in_words_years_after_of_and_year_first_dates(text: str, expected: Found) -> None:
    """A day in words (after a preposition when the month comes first), `of 2020`, `2015/08/12`, and `fiscal 1989`."""
    assert expected == dates(text, "2025-03-30")


@pytest.mark.parametrize(
    "text, expected",
    [
        # 2025-11-01: the nearest March 31 is 2026's, but the clause is in the past tense.
        ("The company's fiscal year ended March 31.", [("March 31", "2025-03-31", None)]),
        ("Shares fell sharply in April, the exchange said.", [("April", "2025-04", None)]),
        ("The plant will open in April.", [("April", "2026-04", None)]),
        ("Profit is expected to double by March 31.", [("by March 31", "2026-03-31", "by")]),
        # Hard negatives: near the anchor, the nearest whatever the tense.
        ("A judge ruled that the boy must leave by Dec. 14.", [("by Dec. 14", "2025-12-14", "by")]),
        ("The report said sales rose in December.", [("December", "2025-12", None)]),
        # A participle's clause keeps the nearest: the bills mature, they were not bought, in September.
        ("The Fed bought bills maturing through March 24.", [("March 24", "2026-03-24", None)]),
        # A participle after `is` is no past.
        ("The parade is held on the twentieth of April.", [("twentieth of April", "2026-04-20", None)]),
    ],
)
def test_tense_decides_the_year_of_a_far_month_day(text: str, expected: Found) -> None:
    """A month-day or month more than three months from the anchor takes its clause's tense: past back, future ahead."""
    assert expected == dates(text, "2025-11-01")


@pytest.mark.parametrize(
    "text, expected",
    [
        # 2026-09-23 is a Wednesday; 2026-06-20 the nearest Saturday that is a 20th.
        ("The match is on Saturday 20th at the stadium.", [("Saturday 20th", "2026-06-20", None)]),
        ("Results are due on Saturday 20th, officials said.", [("Saturday 20th", "2027-02-20", None)]),
        ("Last Friday the 13th was quiet.", [("Last Friday the 13th", "2026-03-13", None)]),
        ("Police were called on Sunday 14th June.", [("Sunday 14th June", "2026-06-14", None)]),
        # Hard negatives: the ordinal names something else, so the weekday stands alone.
        ("On Friday 20th century furniture sold well.", [("Friday", "2026-09-18", None)]),
        ("On Monday 3rd place went to Acme.", [("Monday", "2026-09-21", None)]),
    ],
)
def test_weekday_with_a_day_of_the_month(text: str, expected: Found) -> None:
    """`Saturday 20th`: the nearest 20th that is a Saturday, on the side its clause or `last`/`next` says."""
    assert expected == dates(text, "2026-09-23")
