"""Ranks: ordinals that place a thing in an order, and what they rank.

"Japan's second-largest bank", "for the third time", "the 14th straight month", "she
finished second", "in third place": a rank is a fact two sources can state differently
(the third attack or the fourth), so it is kept apart from cardinals (`numbers`) as its
own kind, `rank`, whose `value` is the position (2.0 for "second") and whose `counts` is
what is ranked (`largest bank`, `time`, `straight month`; None when the text names
nothing: "the first to arrive").

An ordinal is a rank only where the words around it say so:

- after a determiner or a possessive (`the`, `a`, `its`, `Japan's`): "a second term" is
  one more term, and the second; or after a verb of placing (`finished`, `came`,
  `ranked`, `was seeded`), or `in` before `place`, `position` or `spot`;
- a hyphenated ordinal only before a superlative or `-placed`/`-ranked`/`-seeded`/`-ever`
  ("second-largest", "first-ever"): "first-time buyers", "second-hand cars", "a
  third-party app" and "first-quarter profit" rank nothing.

Not ranks: a part of a name ("the Second World War", "the Fifth Fleet", "First Minister":
a capitalised ordinal inside the sentence, or one before a capitalised word); a day of
a month ("March 3rd", "the 3rd of March", "on the 3rd"); a fraction or partitive (any
ordinal before "of": "a third of voters", "the first of its kind"); a period named by
its ordinal (`the third quarter`, `the first half`, `the fourth week`, `the 21st century`:
a date, not a position; but "the 14th straight month" is a streak, and a rank); the first
so many ("the first nine months": the number is the fact); "in the first place"; "a
second later" (a unit of time); a plural ("two-thirds").
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import regex

from compare.extract.lines import line_of
from compare.extract.numbers import MONTHS, NUMBER_WORD, ORDINAL_WORDS, parse_ordinal_words, ranked_phrase
from compare.records import Article, Fact, FactKind, Sentence

_ORDINAL_ALT = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))

RE_RANK = regex.compile(
    rf"""
    (?<![\p{{L}}\p{{N}}'’.,/-])
    (?P<ordinal>
        (?:(?:{NUMBER_WORD})\b(?:[ ]+and[ ]+|[ ]*-[ ]*|[ ]+)){{0,12}}+(?:{_ORDINAL_ALT})   # twenty-third
      | \d{{1,3}}(?:,\d{{3}})+(?i:st|nd|rd|th) | \d+(?i:st|nd|rd|th)                       # 21st, 1,000th
    )
    (?:-(?P<suffix>\p{{Ll}}+))?                                                          # -largest
    (?![\p{{L}}\p{{N}}'’-])
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# Words after which an ordinal is a position: a determiner or a possessive.
RE_DETERMINED = regex.compile(
    r"""(?:(?<![\p{L}])(?i:the|a|an|its|his|her|their|our|this|that|my|your|whose)|\p{L}['’]s?|\p{L}s['’])[ ]+\Z""",
    regex.VERBOSE | regex.REVERSE,
)
# Verbs that place a runner, a team or a country: "finished second", "was ranked 14th".
RE_PLACED = regex.compile(
    r"""(?<![\p{L}])(?i:finish(?:ed|es|ing)?|came|comes?|coming|plac(?:ed|es|ing)|rank(?:ed|s|ing)?|rated|seeded)[ ]+\Z""",
    regex.VERBOSE | regex.REVERSE,
)
RE_IN_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:in)[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
RE_ON_THE_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:on|by|until|from)[ ]+(?i:the)[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
RE_MONTH_BEFORE = regex.compile(rf"""(?<![\p{{L}}])(?:{MONTHS})\.?[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
RE_MONTH_AFTER = regex.compile(rf"""(?<![ ])[ ]+(?:(?i:of)[ ]+)?(?:{MONTHS})\b""", regex.VERBOSE)
# A number after an ordinal: "the first nine months"; not "one" alone ("the first one").
RE_NUMBER_AFTER = regex.compile(
    rf"""(?<![ ])[ ]+(?:\d|(?!(?i:one)\b(?![ -]+(?i:{NUMBER_WORD})\b))(?i:{NUMBER_WORD})\b)""", regex.VERBOSE
)
RE_A_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:an?)[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
RE_IN_THE_BEFORE = regex.compile(r"""(?<![\p{L}])(?i:in)[ ]+(?i:the)[ ]+\Z""", regex.VERBOSE | regex.REVERSE)
RE_OF_AFTER = regex.compile(r"""(?<![ ])[ ]+(?i:of)\b""", regex.VERBOSE)
RE_CAPITALISED_AFTER = regex.compile(r"""(?<![ ])[ ]+\p{Lu}\p{Ll}""", regex.VERBOSE)
RE_SENTENCE_OPENING = regex.compile(r"""[\s"“'‘(\[—–-]*\Z""", regex.VERBOSE)

# Every ordinal holds one of these: a cheap test before RE_RANK.
RE_MAY_HOLD_RANK = regex.compile(
    r"""(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|tieth|hundredth
         |thousandth|illionth)|\d(?i:st|nd|rd|th)(?![\p{L}])""",
    regex.VERBOSE,
)
# The second part of a hyphenated ordinal that makes it a position.
RANKING_SUFFIXES = frozenset("most least best worst ever placed ranked seeded".split())
PLACES = frozenset("place position spot".split())
# What an ordinal names when it names a part of a year or a game, not a position.
PERIODS = frozenset("quarter quarters half halves".split())
# A calendar period named by its ordinal alone is a date, not a position ("the fourth
# week of June", "the first year of the lease", "the 21st century"); one with a
# modifier is a streak and a rank ("the 14th straight month", "a fourth successive year").
CALENDAR = frozenset("day week weekend month year decade century season".split())
# "A second later": the unit of time.
TIME_AFTER_SECOND = frozenset("later earlier ago longer or and".split())


def extract_ranks(article: Article, sentence: Sentence) -> Iterator[Fact]:
    """Yield every rank in `sentence` (see the module docstring for what is one)."""
    for m_start, m_end, surface, value, counts in _sentence_ranks(sentence.text):
        start = sentence.start + m_start
        yield Fact(
            kind=FactKind.RANK,
            text=surface,
            value=float(value),
            start=start,
            end=sentence.start + m_end,
            line=line_of(article, start),
            sentence=sentence.index,
            counts=counts,
        )


# Sentences whose ranks are kept (`_sentence_ranks`), as numbers keep their mentions.
SENTENCE_MEMO = 1 << 14


@functools.lru_cache(maxsize=SENTENCE_MEMO)
def _sentence_ranks(text: str) -> tuple[tuple[int, int, str, int, str | None], ...]:
    """`(start, end, text, position, what it ranks)` of each rank in one sentence's text, which alone decides them."""
    if not RE_MAY_HOLD_RANK.search(text):
        return ()
    found = []
    for m in RE_RANK.finditer(text):
        rank = _rank(text, m)
        if rank is not None:
            found.append((m.start(), m.end(), m.group(), *rank))
    return tuple(found)


def _rank(text: str, m: regex.Match[str]) -> tuple[int, str | None] | None:
    """The position and what it ranks for the ordinal `m`, or None if it is no rank."""
    value = parse_ordinal_words(m.group("ordinal"))
    if value is None:
        return None
    left = text[max(0, m.start() - 40) : m.start()]  # every pattern read on it ends with the ordinal
    opening = bool(RE_SENTENCE_OPENING.fullmatch(text, 0, m.start()))
    if m.group()[:1].isupper() and not opening:
        return None  # "the Second World War", "First Minister"
    if RE_CAPITALISED_AFTER.match(text, m.end()):
        return None  # "the Fifth Fleet", "the 3rd Infantry Division"
    if RE_OF_AFTER.match(text, m.end()) or RE_MONTH_BEFORE.search(left) or RE_MONTH_AFTER.match(text, m.end()):
        return None  # "a third of voters", "March 3rd", "the 3rd of March"
    suffix = m.group("suffix")
    if suffix is not None and suffix not in RANKING_SUFFIXES and not suffix.endswith("est"):
        return None  # "first-time buyers", "a third-party app", "first-quarter profit"
    if RE_NUMBER_AFTER.match(text, m.end()):
        return None  # "the first nine months", "the first 200 mln guilders": the first so many
    placed_before, determined = bool(RE_PLACED.search(left)), bool(RE_DETERMINED.search(left))
    if not (placed_before or determined or RE_IN_BEFORE.search(left)):
        return None  # no word before it places anything: "he first said", "First, ..."
    phrase = ranked_phrase(text, m.end())
    head = phrase.split()[0].lower() if phrase else ""
    if suffix is None and (head in PERIODS or (phrase or "").lower() in CALENDAR):
        return None  # "the first half", "the third quarter", "the fourth week", "the 21st century"
    if value == 1 and head == "place" and RE_IN_THE_BEFORE.search(left):
        return None  # "in the first place"
    placed = placed_before or (bool(RE_IN_BEFORE.search(left)) and head in PLACES)
    if not placed and not determined:
        return None
    if suffix is None and m.group("ordinal").lower() == "second":
        after = text[m.end() :].split(None, 1)[0].lower() if text[m.end() :].strip() else ""
        if after in TIME_AFTER_SECOND or not (phrase or placed):
            return None  # "a second later", "for a second"
    if not phrase and not placed and (RE_ON_THE_BEFORE.search(left) or RE_A_BEFORE.search(left)):
        return None  # "on the 3rd": a day of the month; "a fifth", "a trillionth": a fraction
    superlative = suffix if suffix is not None and suffix != "ever" else None  # "first-ever loss" ranks losses
    counts = " ".join(w for w in (superlative, phrase) if w) or None
    return value, counts
