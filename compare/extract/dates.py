"""Date expressions in a sentence, resolved against the article's date, and a date inferred from text.

A date fact's `value` is ISO 8601 at the precision the text gives: `2025-03-30` for a
day, `2025-06` for a month, `2025` for a year. A day or month written without a year
(`Jan. 2`, `in June`) takes its year from the anchor, the article's date: it is the
occurrence nearest to the anchor, because a news article names month-days within a
few months either side of its own date (`Jan. 2` in an article of 2026-01-20 is
2026-01-02; `December 6th` in the same article is 2025-12-06), unless the nearest is more
than three months away and the clause's tense takes the other side (`the year ended March
31`, written in November, is this year's; `the plant will open in April` next year's; a
participle's clause has its own time: `bought bills maturing through September 24`). With no anchor it is
yielded in the ISO no-year forms `--12-06` and `--06`, unless an adjacent weekday and
the years the article names pin the year (see `infer_article_date`).

Relative expressions (`Sunday`, `last Friday`, `yesterday`, `next month`, `last June`,
`this year`) need the anchor; without one they are not yielded. A bare weekday is the
most recent such day on or before the anchor (news is written in the past tense), the coming
one in a clause about the future (`will`, `would`, `planned to`, `is set to`, `as soon as`,
`postponed until`; not `Wednesday's ruling`, an event named by its day); a weekday with a day
of the month and no month (`Saturday 20th`, `Friday the 13th`) is the nearest such day, on
the side `last`/`next` or its clause's tense says;
`last Friday` written on a Friday is a week back (TempEval-3 annotates it so), except
when the article's date was itself inferred from the text; `next Monday` and `this
coming Monday` go forward; `this Tuesday` is the Tuesday of the anchor's Monday-to-Sunday
week (so on a Sunday, `this Wednesday` is four days back: a known trap).

The fact's `text` starts at a qualifier word (`by 2027`, `since March 2025`, `early
March`) and leaves plain prepositions out (`in 2027` gives `2027`); a weekday next to its
date is one fact (`last Friday (December 5th)`); a range gives its first day
(`June 12-14, 2026` is 2026-06-12).

A bare year is a date only after a preposition, a part word or `fiscal` (`in 2027`, `by 2027`,
`since 2019`, `mid-2025`, `fiscal 1989`), or after `and`/`or`/`to` and a year so licensed (`in 1997 and
1998`, `from 2003 to 2007`): `Colby's 2021 work` and `the 2025 Reagan National Defense
Forum` name a year but date nothing. `The day after tomorrow` and `the day before
yesterday` are two days off the anchor. A counted offset back (`41 years ago`, `two months
ago`, `almost four years ago`, `three weeks ago`) is the year, month, ISO week (`2025-W10`)
or day that many before the anchor's.
A numeric date with a four-digit year is read where one number is over 12 (`02/22/2016`,
`21/04/2016`), so that the order is plain; `04/05/2016` (April 5 or 4 May) is not; a year
first (`2015/08/12`) is always followed by its month. A day may be written in words (`the
fourth of July`; `on May twenty-first`, after a preposition, since `spoke to May first` is
a name) and a year may follow `of` (`26th June of 2020`). Weeks and
seasons (`last week`, `this spring`), `decades ago` and numeric dates without
their year (`3/30`, `9/11`, `24/7`) are not extracted.

CAUTION: a weekday inside a name is not a date (`Good Friday`, `Super Tuesday`, `the
Sunday Times`), nor is `Sept. 11` in `the Sept. 11 attacks`, whose year is not the
anchor's; both are screened out by name below. Other names remain traps: `Theresa
May 2019` reads as May 2019.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Iterator

import regex

from compare.extract.lines import line_of
from compare.extract.numbers import (
    DAY_WORD_UNITS,
    ONES,
    TENS,
    months_capitalised,
    parse_number_words,
    parse_ordinal_words,
)
from compare.extract.numbers import QUALIFIERS as HEDGES
from compare.lexicon import MONTHS
from compare.records import Article, Fact, FactKind, Sentence

WEEKDAYS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}

# The word as written (lower case) -> the qualifier recorded on the fact.
QUALIFIERS: dict[str, str] = {
    "by": "by",
    "since": "since",
    "until": "until",
    "till": "until",
    "before": "before",
    "after": "after",
    "early": "early",
    "late": "late",
    "mid": "mid",
}

# White space inside one date: at least one character, at most one line break (a hard
# wrap), never a paragraph break. Possessive, so it cannot backtrack.
_WS = r"(?:(?=\s)[^\S\n]*+(?:\n[^\S\n]*+)?)"

_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

# A month name or its abbreviation (`Jan.`, `Sept.`, `Dec`), capitalised: `may` and
# `march` in lower case are a verb; `Mar-a-Lago` never gets the day a date needs.
_MONTH = rf"""(?:\b(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?!\w))"""

# A day of the month, with an optional ordinal suffix; not the start of `5,000`, `5.5`,
# `5:30` or `5%`.
_DAY = r"(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|[.,:/]\d|[^\S\n]?%))"

# A day of the month in words, `fourth`, `twenty-first`, `thirty first`; not the start of
# `first-quarter`, `second-largest` or `fourth place`.
_DAY_WORD_NAME = rf"""(?i:twenty(?:[-–]|[^\S\n]+)(?:{DAY_WORD_UNITS})|thirty(?:[-–]|[^\S\n]+)first
    |tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth|{DAY_WORD_UNITS})"""
_DAY_WORD = rf"""(?:{_DAY_WORD_NAME}
    (?![\w-]|{_WS}(?i:place|time|round|half|quarter|term|day|week|month|year|anniversary)\b))"""

# A year 1900-2099; not the start of `2025-26`, `2025/26`, `2025.5` or `2025s`.
_YEAR = r"(?:(?:19|20)\d\d(?!\w|[.,/]\d|[-–]\d|[^\S\n]?%))"

# A weekday, in any case: no English word is spelt `friday`; `Sun` (the newspaper) is not one.
_WEEKDAY = r"(?:\b(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?!\w))"

# A year named relative to the anchor after a month: `June last year`, `in April next year`.
_YEAR_REL = rf"(?:{_WS}(?P<yrel>(?i:last|this|next)){_WS}(?i:year)(?!\w))"

# A month-day, with a year where one follows: `March 30, 2025`, `Jan. 2`, `December 6th`,
# `30 March 2025`, `6th of December`. Groups: m, d, y.
_MONTH_DAY = rf"""
    (?:
        (?P<m>{_MONTH}) {_WS} (?P<d>{_DAY})                  # month first: `March 30`, `Jan. 2`
        (?:[-–]{_DAY})?                                      # a range's last day: `June 12-14`
      | (?<![\w$£€¥\#/.,:-]) (?P<d>{_DAY}) {_WS}             # day first: `30 March`, `6th of December`
        (?:of {_WS})? (?P<m>{_MONTH})
      | (?<=\b(?i:on|by|until|till|since|from|before|after|through)[^\S\n]{{1,3}})
        (?P<m>{_MONTH}) {_WS} (?P<d>{_DAY_WORD})             # in words, after a preposition: `on May
                                                            # twenty-first` (`in May first sales`, `spoke to
                                                            # May first` are no day)
      | (?<![\w-]) (?P<d>{_DAY_WORD}) {_WS} of {_WS} (?P<m>{_MONTH}) (?!['’]s\b)   # `the fourth of May`,
                                                            # not `the first of May's children`
    )
    (?:
        (?:,|{_WS}of)?{_WS} (?P<y>{_YEAR})                   # the year: `, 2025`, ` 2025`, ` of 2025`
      | {_YEAR_REL}                                          # `Oct. 23 last year`
      | (?!{_WS}attacks?\b)                                  # `the Sept. 11 attacks` is not this year's
    )
"""

# Holidays with a fixed day or a rule for it, by their usual English names: (month, day)
# for a fixed one, else the name of the rule in `_holiday`. Only days whose date the name
# gives everywhere it is used (not `Independence Day`, `Election Day`, `Mother's Day`).
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14), "halloween": (10, 31),
    "bastille day": (7, 14), "st patrick's day": (3, 17), "guy fawkes night": (11, 5), "bonfire night": (11, 5),
    "armistice day": (11, 11), "veterans day": (11, 11), "fourth of july": (7, 4),
}  # fmt: skip
RULE_HOLIDAYS = frozenset(
    "thanksgiving|thanksgiving day|easter|easter sunday|easter day|good friday|easter monday|labor day|memorial day".split("|")
)
# The names as written: a `Day`, `Eve` or `Night` name stands alone; `Christmas`, `Easter`,
# `Thanksgiving` and `Halloween` alone name a season or a brand as often (`Christmas
# shopping`), so they are dates only after a preposition or `last`/`next`/`this`.
_HOLIDAY_NAMED = r"""(?:
    Christmas[^\S\n]+(?:Day|Eve) | Boxing[^\S\n]+Day | New[^\S\n]+Year['’]?s[^\S\n]+(?:Day|Eve)
  | (?:St\.?|Saint)[^\S\n]+Patrick['’]?s[^\S\n]+Day | Valentine['’]?s[^\S\n]+Day | Bastille[^\S\n]+Day
  | Guy[^\S\n]+Fawkes[^\S\n]+Night | Bonfire[^\S\n]+Night | Armistice[^\S\n]+Day | Veterans['’]?[^\S\n]+Day
  | Fourth[^\S\n]+of[^\S\n]+July | Thanksgiving[^\S\n]+Day | Easter[^\S\n]+(?:Sunday|Day|Monday)
  | Good[^\S\n]+Friday(?![^\S\n]+(?i:Agreement|accord|peace)) | Labor[^\S\n]+Day | Memorial[^\S\n]+Day )"""
_HOLIDAY_BARE = r"(?:Christmas|Easter|Thanksgiving|Halloween)"

# One date expression, with its optional qualifier words in front.
RE_DATE = regex.compile(
    rf"""
    (?:
        (?P<prep>\b(?i:by|since|until|till|before|after)) {_WS}     # qualifier, kept in the text
      | (?P<lead>\b(?i:in|from|through|throughout|during|between)) {_WS}
                                                            # plain preposition: licenses a bare
                                                            # year or month, left out of the text
      | (?<=\b(?i:in|by|since|from|during|between|until|till|before|after|through)[^\S\n]{{1,3}}(?:19|20)\d\d,?[^\S\n]{{1,3}})
        (?P<lead>\b(?i:and|or|to)) {_WS}                     # the second of two years: `in 1997 and 1998`,
                                                            # `from 1997 to 2001` (the first licensed)
    )?
    (?P<fiscal>\b(?i:fiscal)(?:{_WS}(?i:year))?{_WS}(?=(?:19|20)\d\d))?   # `fiscal 1989`, `fiscal year 2025`:
                                                            # licenses a bare year, kept in the text
    (?P<part>\b(?i:early|late|mid)(?:-|–|{_WS}))?            # `early March`, `mid-2025`
    (?P<core>
        # ISO date `2025-03-30` (a `T12:00` time may follow), not inside a path or a number;
        (?<![\w/.:-])
        (?P<iso_y>(?:19|20)\d\d)
        (?: -(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])
          | /(?P<iso_m>0?[1-9]|1[0-2])/(?P<iso_d>0?[1-9]|[12]\d|3[01]) )   # or `2015/08/12`, `2015/8/12`: a year
                                                            # first is always followed by its month
        (?!(?!T\d)[\w/-]|[.:]\d)

        # a numeric date with a four-digit year, `02/22/2016`, `21/04/2016`, `21-04-2016`:
        # a date only where one number is over 12 (`_numeric_day`), so the order is plain
      | (?<![\w/.:,-]) (?P<n1>[0-3]?\d) (?P<nsep>[/.-]) (?P<n2>[0-3]?\d) (?P=nsep) (?P<ny>(?:19|20)\d\d)
        (?![\w/-]|[.:,]\d)

        # a weekday, alone or next to its date: `last Friday`, `Sunday, March 30, 2025`,
        # `Saturday (December 6th)`; not inside a holiday's or a newspaper's name
      | (?<!\b(?:Good|Black|Cyber|Super|Bloody|Ash|Holy|Easter|Palm|Maundy|Fat|Shrove|Giving)[^\S\n]{{1,3}})
        (?<!\bMail[^\S\n]{{1,3}}on[^\S\n]{{1,3}})
        (?<!\b(?i:the[^\S\n]{{1,3}}(?:previous|following|same|next)|that|every|each|on[^\S\n]{{1,3}}a)[^\S\n]{{1,3}})
                                                            # `the previous Friday` is relative to
                                                            # another day; `every Friday` is no day
        (?P<wrel>(?i:last|next|this(?:{_WS}(?:past|coming))?) {_WS})?
        (?P<wd>{_WEEKDAY})
        (?![^\S\n]+(?i:Times|Telegraph|Express|Mirror|Herald|Post|Mail|Star|Sport|Tribune|Independent|Night[^\S\n]+Live)\b)
        (?:
            (?:,[^\S\n]*+|[^\S\n]++) {_MONTH_DAY}             # `Sunday, March 30, 2025`
          | [^\S\n]*+\([^\S\n]*+ {_MONTH_DAY} [^\S\n]*+\)    # `Saturday (December 6th)`
          | [^\S\n]++(?:the[^\S\n]++)?                          # `Saturday 20th`, `Friday the 13th`: the day
            (?P<wdd>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))     # of a month the weekday picks (`_resolve_weekday_day`)
            (?![\w-]|{_WS}(?:of{_WS})?{_MONTH}|{_WS}(?i:century|centuries|anniversary|birthday|minute|floor|place|time|round|edition|annual))
          | [^\S\n]++(?i:morning|afternoon|evening|night)(?!\w)   # `Thursday morning`: the same day
        )?

        # a month-day, with or without its year
      | {_MONTH_DAY}

        # a month of a year: `March 2025`, `March of 2025`
      | (?P<m>{_MONTH}) {_WS} (?:of {_WS})? (?P<y>{_YEAR})

        # a month or year named relative to the anchor: `last month`, `earlier this year`,
        # `last June`; `the next month`, `over the last year` are spans, not dates
      | (?<!\b(?i:the)\s)
        (?P<rel>(?i:(?:earlier|later){_WS}this|this{_WS}(?:past|coming)|last|next|this)) {_WS}
        (?P<unit>(?i:month|year)|{_MONTH_FULL})(?!\w)

        # a holiday, `last Thanksgiving`, `on Christmas Day`, `before Easter` (a one-character
        # test first: most attempts start at a digit)
      | (?=(?i:[lnt])|[BCEFGHLMNSTV])
        (?: (?:(?P<hrel>(?i:last|next|this)) {_WS})? (?P<holiday>{_HOLIDAY_NAMED}) (?!\w)
          | (?:(?P<hrel>(?i:last|next|this)) {_WS}
              | (?<=\b(?i:on|at|over|for|by|before|after|since|until|till|from|during|in|around)[^\S\n]{{1,3}}) )
            (?P<holiday>{_HOLIDAY_BARE})
            (?!\w|[^\S\n]+(?:shopping|season|holidays?|trees?|party|parties|sales|cards?|lights|markets?|dinner
                           |break|period|trading|rush|spending|weekend|week|films?|songs?|specials?|number)\b) )
                                                            # not `Christmas shopping`, `Easter holidays`

        # two days off: `the day after tomorrow`, `the day before yesterday`
      | (?P<dayword>(?i:the{_WS}day{_WS}(?:after{_WS}tomorrow|before{_WS}yesterday)))(?!\w)

        # a day named relative to the anchor; not `USA Today` or `the Today show`
      | (?<!\bUSA[^\S\n]{{1,3}})(?<!\b(?i:the)[^\S\n]{{1,3}})
        (?P<dayword>(?i:today|tonight|yesterday|tomorrow|last{_WS}night|this{_WS}(?:morning|afternoon|evening)))
        (?!\w)

        # a bare year, kept only after a preposition or a part word: `by 2027`, `mid-2025`;
        # not in `$2025`, `No.2025`, `1,2025` or the second year of `2024-2025`
      | (?<![\w$£€¥\#/.,:])(?<!\d[-–]) (?P<y>{_YEAR})

        # a bare month name, kept only after a preposition or a part word: `in June`
      | (?P<m>\b{_MONTH_FULL})(?!\w) {_YEAR_REL}?
    )
    """,
    regex.VERBOSE,
)

# A counted offset back from the anchor: `41 years ago`, `two months ago`, `almost four
# years ago`, `a year ago`, `three weeks ago` (an ISO week: `1987-W09`). Wire copy drops
# the article (`versus 129,000 week ago`), so a singular unit needs no count. Decades are
# left out (their value is no year the article's date gives).
_UNIT_WORDS = "|".join(w for w, n in ONES.items() if 1 <= n <= 9)
_COUNT_WORDS = "|".join(sorted((w for w in [*ONES, *TENS] if w != "zero"), key=len, reverse=True))
RE_AGO = regex.compile(
    rf"""
    (?<![\w$£€¥.,-])
    (?:(?P<hedge>(?i:about|around|almost|nearly|roughly|some|more[^\S\n]+than|over|just[^\S\n]+over|less[^\S\n]+than)){_WS})?
    (?:(?P<count>\d{{1,3}}(?![\d.,]\d)|(?i:an?|a[^\S\n]+hundred|hundred|{_COUNT_WORDS})(?:[-–](?i:{_UNIT_WORDS}))?){_WS})?
    (?P<unit>(?i:years?|months?|weeks?|days?)) {_WS} (?i:ago)(?!\w)
    """,
    regex.VERBOSE,
)

# A web address or a path with a domain: dates and years inside one are not facts.
RE_URL = regex.compile(
    r"""
    (?:https?://|www\.)[^\s<>"“”]+                    # with a scheme or `www.`
  | (?<![\w.-])[\w-]++(?:\.[\w-]++)++                  # `example.com/2025/03/story`: a dotted
    (?<=\.[A-Za-z]{2,63})/[^\s<>"“”]*                  # name ending in a top-level domain, a path
    """,
    regex.VERBOSE,
)

# Any year token the text names, for pinning a weekday's month-day to a year; not part
# of a longer number, an amount or a percentage.
RE_YEAR_TOKEN = regex.compile(
    r"""
    (?<![\d$£€¥]|\d[.,])          # not inside `55,2025` or after a currency sign
    (?P<year>(?:19|20)\d\d)       # 1900-2099
    (?![\d%]|[.,]\d)              # not `20250`, `2025%`, `2025.5`
    """,
    regex.VERBOSE,
)


# Where a match of RE_DATE can start, for `_date_matches`. Every match has a core, and
# every core starts with one of:
# - a digit not glued to a letter or digit (a day, a year, an ISO date);
# - a capitalised month (`Jan`...`Dec` begin every month name and abbreviation);
# - a weekday, or one of `last next this earlier later today tonight yesterday
#   tomorrow` in any case (RE_DATE puts no `\b` before these: they may start inside
#   a word).
# Before its core a match may hold a qualifier (`by`, `in`, `early`, after `\b`): at
# most two words and a hyphen, so at most QUALIFIER_CHARS characters that are not
# white space between the qualifier and the core.
# Words are looked for case-sensitively in the lower-cased text, far faster than
# `(?i:...)`: lower() keeps offsets and `\w`, and only the three characters of
# RE_FOLDS_TO_ASCII match an ASCII letter under `(?i:...)` without lower-casing to one.
CORE_WORDS = (
    "last", "next", "this", "earlier", "later", "today", "tonight", "yesterday", "tomorrow", "the day",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
RE_DIGIT_RUN = regex.compile(r"[0-9]+")
# A day in words before `of`, where `the fourth of May` starts (in the lower-cased text).
RE_DAY_WORD_OF = regex.compile(rf"(?<![a-z-]){_DAY_WORD_NAME}\s+of\b", regex.VERBOSE)
RE_MONTH_START = regex.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# A word of every holiday name of RE_DATE, and the first word of each.
HOLIDAY_WORDS = (
    "Christmas", "Boxing", "Year", "Patrick", "Valentine", "Bastille", "Fawkes", "Bonfire", "Armistice",
    "Veterans", "Fourth", "Thanksgiving", "Easter", "Good Friday", "Labor Day", "Memorial Day", "Halloween",
)  # fmt: skip
RE_HOLIDAY_START = regex.compile(
    r"\b(?:Christmas|Boxing|New|St|Saint|Valentine|Bastille|Guy|Bonfire|Armistice|Veterans|Fourth"
    r"|Thanksgiving|Easter|Good|Labor|Memorial|Halloween)\b"
)
RE_QUALIFIER_START = regex.compile(
    r"(?<![0-9a-z])(?:by|since|until|till|before|after|in|from|through|during|between|early|late|mid|and|or|to|fiscal)"
)
QUALIFIER_CHARS = len("throughout") + len("early") + len("-")
RE_MORE_THAN_QUALIFIER = regex.compile(rf"\S(?:\s*+\S){{{QUALIFIER_CHARS}}}")
ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# Anything but a digit, dropped from a day (`6th` -> 6).
RE_NON_DIGIT = regex.compile(r"\D")

# A clause that speaks of the future: a bare weekday in it is the next one, not the last
# (`schools will stay closed until Wednesday`, `the vote is due on Friday`).
RE_FUTURE = regex.compile(
    r"\b(?i:will|shall|won['’]t|would|is[^\S\n]+(?:due|set|expected|scheduled|going|to)|are[^\S\n]+(?:due|set|expected|scheduled|going|to)"
    r"|(?<!\bhad[^\S\n]{1,3})(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?)[^\S\n]+to|scheduled|set[^\S\n]+to"
    r"|as[^\S\n]+(?:soon|early)[^\S\n]+as|(?:postponed|delayed|adjourned|deferred)[^\S\n]+until)\b|['’]ll\b"
)
# A clause that speaks of the past: a month-day or month in it without a year is the last
# one, not the nearest (`the year ended March 31`, written in November, is this year's).
# Words in -ed that are adjectives or report verbs (whose object may be future) do not count.
TENSE_DAYS = 90  # nearer the anchor than this, a date is the nearest whatever the tense: deadlines and
# events of the coming weeks are reported in the past tense (`ruled that he must return by Jan. 14`)
RE_PAST = regex.compile(
    r"\b(?:(?i:was|were|had|did)|[a-z]{2,}ed|rose|fell|grew|sank|shrank|won|lost|paid|made|took|gave|came|went|saw"
    r"|met|began|left|spent|sold|bought|held|fought|brought|became|ran|flew|struck|stood|kept|led|sent|fled)\b"
)
NOT_PAST = frozenset(
    """
    need seed speed feed proceed exceed succeed indeed red bed shed hundred expected scheduled planned
    proposed intended projected forecasted anticipated based listed united limited related detailed
    combined owned advanced interested concerned supposed said reported announced stated added warned
    confirmed noted claimed predicted estimated aimed designed prepared hoped wanted asked urged
    """.split()
)
RE_PARTICIPLE = regex.compile(r"\b[a-z]{2,}ing\b")
NOT_PARTICIPLES = frozenset(
    "during morning evening spring king thing nothing something anything everything string ring wing bring sing".split()
)
# A participle after these is a present passive, not a past (`the parade is held`).
RE_PRESENT_PASSIVE = regex.compile(r"\b(?i:is|are|be|being)[^\S\n]+(?:\w+ly[^\S\n]+)?\Z", regex.REVERSE)
# The words that end a clause around a weekday.
RE_CLAUSE_END = regex.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:and|but|after|before|when|while|that|saying)\b")
# `next week on Friday`, `Friday last week`: the week is named, the tense does not decide.
RE_WEEK_NAMED = regex.compile(r"\b(?i:(?:last|next|this|previous|following)[^\S\n]+week)\b")
# A report verb with the weekday it happened on: `said on Sunday` is always past.
RE_REPORTED_ON = regex.compile(
    r"\b(?:said|says|told|announced|added|wrote|confirmed|reported|stated|declared|warned)(?:[^\S\n]+on)?[^\S\n]+\Z", regex.REVERSE
)
# `the last` before a weekday: `the last Friday of June`, a day of a month, not last week's.
RE_THE_LAST_BEFORE = regex.compile(r"\b(?i:the)[^\S\n]{1,3}(?i:last)[^\S\n]{1,3}\Z", regex.REVERSE)
# İ (lower-cases to two characters), ſ (folds to s), the Kelvin sign (folds to k).
RE_FOLDS_TO_ASCII = regex.compile("[\u0130\u017f\u212a]")


@functools.lru_cache(maxsize=64)
def _names_a_holiday(text: str) -> bool:
    """True if an article's text holds a word of a holiday's name (asked once per article, not per sentence)."""
    return any(word in text for word in HOLIDAY_WORDS)


def _date_matches(text: str, holidays: bool = True) -> Iterator[regex.Match[str]]:
    """Yield the matches of `RE_DATE.finditer(text)`, trying only where a match can start.

    A full scan tries RE_DATE's many look-behinds at every character (~0.3 ms a
    sentence); the candidate starts are none in most sentences, a few in the others.
    """
    low = text.lower()
    if len(low) != len(text) or RE_FOLDS_TO_ASCII.search(text):
        yield from RE_DATE.finditer(text)
        return
    cores = [m.start() for m in RE_MONTH_START.finditer(text)]
    if holidays and any(word in text for word in HOLIDAY_WORDS):  # a substring test first: most name none
        cores.extend(m.start() for m in RE_HOLIDAY_START.finditer(text))
    cores.extend(
        m.start() for m in RE_DIGIT_RUN.finditer(text) if m.start() == 0 or text[m.start() - 1] not in ASCII_ALNUM
    )
    if " of" in low:
        cores.extend(m.start() for m in RE_DAY_WORD_OF.finditer(low))
    for word in CORE_WORDS:
        at = low.find(word)
        while at >= 0:
            cores.append(at)
            at = low.find(word, at + 1)
    if not cores:
        return
    cores.sort()
    starts = set(cores)
    for qualifier in RE_QUALIFIER_START.finditer(low):
        at = qualifier.start()
        following = bisect.bisect_right(cores, at)
        if following < len(cores) and not RE_MORE_THAN_QUALIFIER.match(text, at, cores[following]):
            starts.add(at)
    resume = 0
    for start in sorted(starts):
        if start < resume:
            continue
        match = RE_DATE.match(text, start)
        if match is not None:
            yield match
            resume = match.end()


# Sentences whose date matches are kept (`_sentence_dates`), as numbers keep theirs.
SENTENCE_MEMO = 1 << 14


@functools.lru_cache(maxsize=SENTENCE_MEMO)
def _sentence_dates(text: str, holidays: bool) -> tuple[regex.Match[str], ...]:
    """The date expressions of one sentence's text (`_date_matches` on its months capitalised).

    They depend on the text alone: a sentence a story's articles repeat word for word
    is matched once. What a match resolves to depends on its article (`extract_dates`).
    """
    return tuple(_date_matches(months_capitalised(text), holidays))


def _url_spans(text: str) -> list[tuple[int, int]]:
    """The spans of RE_URL in `text` (every match has a `/` or `www.`)."""
    if "/" not in text and "www." not in text:
        return []
    return [m.span() for m in RE_URL.finditer(text)]


def extract_dates(article: Article, sentence: Sentence, anchor: dt.date | None) -> Iterator[Fact]:
    """Yield every date expression in `sentence`, resolved against `anchor` (the article's date)."""
    urls = _url_spans(sentence.text)
    # An anchor inferred from the text is only the earliest possible date: `last Friday`
    # may then be the anchor's own day.
    lower_bound = article.date_source == "text"
    taken: list[tuple[int, int]] = []
    for match in _sentence_dates(sentence.text, _names_a_holiday(article.text)):
        # The span starts at a qualifier word (`by 2027`, `early March`), not at `in`/`on`.
        start = next(match.start(g) for g in ("prep", "fiscal", "part", "core") if match.group(g))
        if any(s < match.end() and start < e for s, e in urls):
            continue
        if match.group("wd") and RE_THE_LAST_BEFORE.search(sentence.text, 0, match.start("wd")):
            continue  # `the last Friday of June` is no last Friday
        value = _resolve(match, anchor, article, lower_bound)
        if value is None:
            continue
        if (
            anchor is not None
            and _bare_weekday(match)
            and not sentence.text.startswith(("'s", "’s"), match.end("wd"))  # `will appeal Wednesday's ruling`: an event's day
            and _future_clause(sentence.text, match.start("wd"), match.end("wd"))
        ):
            # The coming one, or the anchor's own day: `will vote on Thursday` written on a Thursday.
            ahead = (WEEKDAYS[match.group("wd").lower()] - anchor.weekday()) % 7
            value = (anchor + dt.timedelta(days=ahead)).isoformat()
        offset = sentence.start + start
        taken.append((start, match.end()))
        yield Fact(
            kind=FactKind.DATE,
            text=sentence.text[start : match.end()],
            value=value,
            start=offset,
            end=sentence.start + match.end(),
            line=line_of(article, offset),
            sentence=sentence.index,
            qualifier=_qualifier(match),
        )
    if anchor is None or "ago" not in sentence.text.lower():
        return
    for match in RE_AGO.finditer(sentence.text):
        if any(s < match.end() and match.start() < e for s, e in [*taken, *urls]):
            continue
        value = _resolve_ago(match, anchor)
        if value is None:
            continue
        offset = sentence.start + match.start()
        hedge = match.group("hedge")
        yield Fact(
            kind=FactKind.DATE,
            text=match.group(0),
            value=value,
            start=offset,
            end=sentence.start + match.end(),
            line=line_of(article, offset),
            sentence=sentence.index,
            qualifier=HEDGES[" ".join(hedge.lower().split())] if hedge else None,
        )


def _resolve_ago(match: regex.Match[str], anchor: dt.date) -> str | None:
    """`41 years ago` is the anchor's year less 41; months give a month, weeks an ISO week, days a day.

    A unit without a count (`week ago`) is one of it if singular; `years ago` is no date.
    """
    unit = match.group("unit").lower()
    word = " ".join((match.group("count") or "a").lower().split())
    if match.group("count") is None and unit.endswith("s"):
        return None
    count = int(word) if word.isdigit() else 1 if word in ("a", "an") else parse_number_words(word.replace("–", "-"))
    if count is None or count < 1 or count != int(count):
        return None
    count = int(count)
    unit = unit.rstrip("s")
    if unit == "year":
        return f"{anchor.year - count:04d}" if anchor.year - count >= 1 else None
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 - count
        return f"{months // 12:04d}-{months % 12 + 1:02d}" if months >= 12 else None
    if unit == "week":
        if count >= 530:
            return None
        year, week, _ = (anchor - dt.timedelta(weeks=count)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    return (anchor - dt.timedelta(days=count)).isoformat() if count < 3660 else None


def _day_number(day: str) -> int:
    """The day of the month a `_DAY` or `_DAY_WORD` gives: `6th` 6, `twenty-first` 21."""
    if day[0].isdigit():
        return int(RE_NON_DIGIT.sub("", day))
    number = parse_ordinal_words(" ".join(day.replace("–", "-").split()))
    assert number is not None
    return number


def _bare_weekday(match: regex.Match[str]) -> bool:
    """True for a weekday with no date and no `last`/`next`/`this` of its own."""
    return bool(match.group("wd")) and not match.group("wrel") and not match.group("d") and not match.group("wdd")


def _future_clause(text: str, start: int, end: int) -> bool:
    """True if the clause holding `text[start:end]` speaks of the future and no report verb dates it.

    `Schools will stay closed until Wednesday` is future; `officials said on
    Sunday that troops will arrive`, `Hegseth, who will visit Manila, said
    Sunday` and `a statement Friday saying the entry will ...` are not (the
    weekday dates the report, or the future is in another clause or after it).
    A named week (`next week on Friday`) is left to the weekday's own reading.
    """
    if RE_REPORTED_ON.search(text, max(0, start - 30), start):
        return False
    if RE_WEEK_NAMED.search(text, max(0, start - 20), min(len(text), end + 20)):
        return False
    # The future must come before the weekday in its clause (`will arrive on Sunday`):
    # `issued a statement Friday saying ... will` is a past report of a future.
    return RE_FUTURE.search(_clause_before(text, start)) is not None


def _clause_before(text: str, start: int) -> str:
    """The words of `text`'s clause before `start` (from the last `RE_CLAUSE_END`)."""
    before = [m.end() for m in RE_CLAUSE_END.finditer(text, 0, start)]
    return text[before[-1] if before else 0 : start]


def _clause_tense(text: str, start: int) -> str | None:
    """`future` or `past` if the clause before `text[start:]` says which (`RE_FUTURE` first), else None."""
    clause = _clause_before(text, start)
    if RE_FUTURE.search(clause):
        return "future"
    # A participle opens a clause of its own, whose time the verb before it does not give
    # (`bought bills maturing through September 24`).
    participles = [m.end() for m in RE_PARTICIPLE.finditer(clause) if m.group().lower() not in NOT_PARTICIPLES]
    own = participles[-1] if participles else 0
    if any(
        m.group().lower() not in NOT_PAST and not RE_PRESENT_PASSIVE.search(clause, 0, m.start())
        for m in RE_PAST.finditer(clause, own)
    ):
        return "past"
    return None


def infer_article_date(article: Article) -> tuple[str, str] | None:
    """Return (ISO date, evidence text) for the latest day the text pins down, or None."""
    text = article.text
    years = _years_named(text)
    urls = _url_spans(text)
    best: tuple[dt.date, str] | None = None
    for match in _date_matches(text):
        if any(s < match.end() and match.start() < e for s, e in urls):
            continue
        found = _pinned_day(match, years)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return None if best is None else (best[0].isoformat(), best[1])


def _qualifier(match: regex.Match[str]) -> str | None:
    """The qualifier of a match: its preposition (`by`), else its part word (`early`)."""
    word = match.group("prep") or match.group("part")
    if not word:
        return None
    return QUALIFIERS[word.lower().rstrip("-– \t\n\u00a0")]


def _resolve(
    match: regex.Match[str], anchor: dt.date | None, article: Article, lower_bound: bool
) -> str | None:
    """The ISO value of a date match, or None when it is not a date or cannot be resolved."""
    if match.group("iso_y"):
        day = _day(int(match.group("iso_y")), int(match.group("iso_m")), int(match.group("iso_d")))
        return day.isoformat() if day else None
    if match.group("ny"):
        day = _numeric_day(match)
        return day.isoformat() if day else None
    if match.group("dayword"):
        return _resolve_dayword(match.group("dayword"), anchor)
    if match.group("wdd"):
        rel = " ".join((match.group("wrel") or "").lower().split())
        side = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}.get(rel)
        return _resolve_weekday_day(
            match.group("wd"), _day_number(match.group("wdd")), anchor, side or _clause_tense(match.string, match.start())
        )
    if match.group("holiday"):
        return _resolve_holiday(match.group("holiday"), match.group("hrel"), anchor)
    if match.group("rel"):
        return _resolve_relative(match.group("rel"), match.group("unit"), anchor)
    month = MONTHS.get(match.group("m").lower().rstrip(".")) if match.group("m") else None
    year = int(match.group("y")) if match.group("y") else None
    if match.group("yrel"):
        if anchor is None:
            return None
        year = anchor.year + {"last": -1, "this": 0, "next": 1}[match.group("yrel").lower()]
    if match.group("d"):
        assert month is not None
        return _resolve_month_day(month, _day_number(match.group("d")), year,
                                  match.group("wd"), anchor, article, _tense(match, year))
    if match.group("wd"):
        return _resolve_weekday(match.group("wd"), match.group("wrel"), anchor, lower_bound)
    if month is not None and year is not None:
        return f"{year:04d}-{month:02d}"
    licensed = bool(match.group("prep") or match.group("lead") or match.group("part") or match.group("fiscal"))
    if not licensed:
        return None
    if year is not None:
        return f"{year:04d}"
    assert month is not None
    if anchor is None:
        return f"--{month:02d}"
    y, m = _nearest_month(month, anchor, _tense(match, year))
    return f"{y:04d}-{m:02d}"


def _tense(match: regex.Match[str], year: int | None) -> Callable[[], str | None] | None:
    """For a date without a year, how to read its clause's tense (`_clause_tense`), asked only for a far date."""
    return None if year is not None else functools.partial(_clause_tense, match.string, match.start())


def _holiday_key(name: str) -> str:
    """The key of a holiday name in FIXED_HOLIDAYS or RULE_HOLIDAYS: `New Year’s Eve` -> `new year's eve`."""
    key = " ".join(name.lower().replace("’", "'").replace("saint", "st").replace("st.", "st").split())
    return key.replace("veterans' day", "veterans day")


def _holiday(key: str, year: int) -> dt.date:
    """The day of holiday `key` in `year`."""
    if key in FIXED_HOLIDAYS:
        return dt.date(year, *FIXED_HOLIDAYS[key])
    if key.startswith("thanksgiving"):  # the fourth Thursday of November (the US holiday)
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if key == "labor day":  # the first Monday of September
        first = dt.date(year, 9, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7)
    if key == "memorial day":  # the last Monday of May
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    easter = _easter(year)
    offsets = {"good friday": -2, "easter monday": 1}
    return easter + dt.timedelta(days=offsets.get(key, 0))


def _easter(year: int) -> dt.date:
    """Western Easter Sunday of `year` (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's name
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return dt.date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def _resolve_holiday(name: str, relation: str | None, anchor: dt.date | None) -> str | None:
    """A holiday: `last` the one before the anchor, `next` the one after, `this` the anchor year's,
    else the nearest (at equal distance the past one); without an anchor a fixed one's month-day."""
    key = _holiday_key(name)
    if key not in FIXED_HOLIDAYS and key not in RULE_HOLIDAYS:
        return None
    if anchor is None:
        return f"--{FIXED_HOLIDAYS[key][0]:02d}-{FIXED_HOLIDAYS[key][1]:02d}" if key in FIXED_HOLIDAYS else None
    days = [_holiday(key, year) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    rel = (relation or "").lower()
    if rel == "last":
        return max(d for d in days if d < anchor).isoformat()
    if rel == "next":
        return min(d for d in days if d > anchor).isoformat()
    if rel == "this":
        return days[1].isoformat()
    return min(days, key=lambda d: (abs((d - anchor).days), d > anchor)).isoformat()


def _numeric_day(match: regex.Match[str]) -> dt.date | None:
    """`02/22/2016` (month first) or `21/04/2016` (day first); None when both numbers could be
    the month (`04/05/2016` is April 5 in Washington and 4 May in London) or neither can."""
    first, second, year = int(match.group("n1")), int(match.group("n2")), int(match.group("ny"))
    if first > 12 >= second:
        return _day(year, second, first)
    if second > 12 >= first:
        return _day(year, first, second)
    return None


def _day(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None if it does not exist (`February 30`)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve_month_day(
    month: int,
    day: int,
    year: int | None,
    weekday: str | None,
    anchor: dt.date | None,
    article: Article,
    tense: Callable[[], str | None] | None = None,
) -> str | None:
    """A month-day: with its year; else pinned by its weekday; else nearest the anchor, on its side if a far one's `tense()` says."""
    if year is not None:
        found = _day(year, month, day)
        return found.isoformat() if found else None
    if _day(2024, month, day) is None:  # 2024 is a leap year: every real month-day exists
        return None
    if anchor is None:
        if weekday is not None:
            pinned = _pin_year(month, day, WEEKDAYS[weekday.lower()], _years_named(article.text))
            if pinned is not None:
                return pinned[0].isoformat()
        return f"--{month:02d}-{day:02d}"
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _day(y, month, day))]
    if weekday is not None:
        fitting = [d for d in candidates if d.weekday() == WEEKDAYS[weekday.lower()]]
        candidates = fitting or candidates
    nearest = _nearest_day(candidates, anchor)
    if weekday is None and tense is not None and abs((nearest - anchor).days) > TENSE_DAYS:
        nearest = _nearest_day(candidates, anchor, tense())
    return nearest.isoformat()


def _nearest_day(days: list[dt.date], anchor: dt.date, side: str | None = None) -> dt.date:
    """The day nearest the anchor, at equal distance the past one (news reports what happened); with
    `side` (`past` or `future`) the nearest on that side, if there is one."""
    if side is not None:
        days = [d for d in days if (d >= anchor if side == "future" else d <= anchor)] or days
    return min(days, key=lambda d: (abs((d - anchor).days), d > anchor))


def _resolve_weekday(name: str, relation: str | None, anchor: dt.date | None, lower_bound: bool) -> str | None:
    """A weekday alone: the most recent one on or before the anchor, unless `next`/`this`."""
    if anchor is None:
        return None
    weekday = WEEKDAYS[name.lower()]
    rel = " ".join(relation.lower().split()) if relation else ""
    if rel in ("next", "this coming"):
        ahead = (weekday - anchor.weekday()) % 7 or 7
        return (anchor + dt.timedelta(days=ahead)).isoformat()
    if rel == "this":
        return (anchor + dt.timedelta(days=weekday - anchor.weekday())).isoformat()
    back = (anchor.weekday() - weekday) % 7
    if rel in ("last", "this past") and back == 0 and not lower_bound:
        back = 7  # `last Friday` written on a Friday is a week ago
    return (anchor - dt.timedelta(days=back)).isoformat()


def _resolve_weekday_day(name: str, day: int, anchor: dt.date | None, side: str | None = None) -> str | None:
    """`Saturday 20th`: the day of that number nearest the anchor (within a year either side) that is that weekday.

    `side` (`past` or `future`: `last Friday the 13th`, `is due on Saturday 20th`) keeps to that side of the anchor.
    """
    if anchor is None:
        return None
    weekday = WEEKDAYS[name.lower()]
    here = anchor.year * 12 + anchor.month - 1
    fitting = [
        d
        for i in range(here - 12, here + 13)
        if (d := _day(i // 12, i % 12 + 1, day)) is not None and d.weekday() == weekday
    ]
    return _nearest_day(fitting, anchor, side).isoformat() if fitting else None


def _resolve_dayword(word: str, anchor: dt.date | None) -> str | None:
    """`today`, `yesterday`, `tomorrow`, `last night`, `this morning`, `the day after tomorrow`, against the anchor."""
    if anchor is None:
        return None
    word = " ".join(word.lower().split())
    if word.startswith("the day"):
        shift = 2 if word.endswith("tomorrow") else -2
    else:
        shift = -1 if word.startswith(("yesterday", "last")) else 1 if word == "tomorrow" else 0
    return (anchor + dt.timedelta(days=shift)).isoformat()


def _resolve_relative(relation: str, unit: str, anchor: dt.date | None) -> str | None:
    """`last month`, `this year`, `earlier this month`, `last June`, against the anchor."""
    if anchor is None:
        return None
    rel = relation.lower().split()[-1]  # `earlier this` -> this, `this past` -> past
    step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[rel]
    unit_lower = unit.lower()
    if unit_lower == "year":
        return f"{anchor.year + step:04d}"
    if unit_lower == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    month = MONTHS[unit_lower]
    year = anchor.year
    if step < 0 and month >= anchor.month:
        year -= 1  # `last June`: the most recent June before the anchor's month
    elif step > 0 and month <= anchor.month:
        year += 1  # `next June`: the first June after the anchor's month
    return f"{year:04d}-{month:02d}"


def _nearest_month(month: int, anchor: dt.date, tense: Callable[[], str | None] | None = None) -> tuple[int, int]:
    """The (year, month) of `month` nearest the anchor's month, on its side if a far one's `tense()` says; at equal distance the past one."""
    here = anchor.year * 12 + anchor.month - 1
    options = [y * 12 + month - 1 for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    best = min(options, key=lambda i: (abs(i - here), i > here))
    if tense is not None and abs(best - here) > TENSE_DAYS // 30 and (side := tense()) is not None:
        best = min([i for i in options if (i >= here if side == "future" else i <= here)] or options,
                   key=lambda i: (abs(i - here), i > here))  # fmt: skip
    return best // 12, best % 12 + 1


def _years_named(text: str) -> list[int]:
    """Every distinct year token in `text`, sorted."""
    return sorted({int(m.group("year")) for m in RE_YEAR_TOKEN.finditer(text)})


def _pin_year(month: int, day: int, weekday: int, years: list[int]) -> tuple[dt.date, int] | None:
    """The day whose weekday fits, in a year the text names (±1), and the named year used.

    Where several years fit, the one closest to the latest year named wins.
    """
    if not years:
        return None
    latest = years[-1]
    fits: list[tuple[dt.date, int]] = []
    for year in sorted({y + delta for y in years for delta in (-1, 0, 1)}):
        found = _day(year, month, day)
        if found is not None and found.weekday() == weekday:
            named = min(years, key=lambda y: (abs(y - year), -y))
            fits.append((found, named))
    if not fits:
        return None
    return min(fits, key=lambda fit: (abs(fit[0].year - latest), -fit[0].year))


def _pinned_day(match: regex.Match[str], years: list[int]) -> tuple[dt.date, str] | None:
    """The fully specified day a match gives, with the evidence, or None."""
    if match.group("iso_y"):
        day = _day(int(match.group("iso_y")), int(match.group("iso_m")), int(match.group("iso_d")))
        return None if day is None else (day, match.group("core"))
    if match.group("ny"):
        day = _numeric_day(match)
        return None if day is None else (day, match.group("core"))
    if not match.group("d"):
        return None
    month = MONTHS[match.group("m").lower().rstrip(".")]
    day_number = _day_number(match.group("d"))
    surface = match.group("core")
    if match.group("wrel"):
        surface = surface[len(match.group("wrel")) :]
    if match.group("y"):
        day = _day(int(match.group("y")), month, day_number)
        return None if day is None else (day, surface)
    if not match.group("wd"):
        return None
    pinned = _pin_year(month, day_number, WEEKDAYS[match.group("wd").lower()], years)
    if pinned is None:
        return None
    day, named = pinned
    if day.year == named:
        return day, f"{surface}; year {day.year} named in the text"
    return day, f"{surface}; year {day.year} fits the weekday, next to {named} named in the text"
