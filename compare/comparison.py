"""Compare facts across sources: pair the facts that are about the same thing, classify the differences.

Pairing is the heart of factdiff. Two facts from two articles of one story are
*about the same thing* when

- their sentences align (`align`) and the facts have the same kind, unit and a
  compatible subject (what they count), or
- they have the same kind and unit, the same folded subject (`lexicon.fold_counts`:
  troops = personnel = service members), their sentences name at least one
  country or organisation in common, and their values are close enough to be
  rival reports of one figure (`CompareConfig.rival_ratio`).

Two articles that are editions of a recurring report (a monthly house-price or
factory survey: shared template sentences, figures for different months; see
`reference_months`) are not compared figure by figure: their numbers and dates
differ because their periods do.

A pair is dropped as *agreement* when either article also states the other's
value about a compatible subject: `from 2% ... to at least 3%` in both outlets is
two agreeing facts, not a conflict. Pairs are joined into n-way groups (every
source's version), and a group whose values differ becomes a Discrepancy.

Quotations pair by speaker and wording; offices (who is defense minister) and
standing figures (an alliance's spending target) are compared over the whole
input, where the time between the articles decides `update` versus `conflict`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

import regex
from cydifflib import SequenceMatcher  # difflib's algorithm compiled: the same blocks, opcodes and ratio

from compare.lexicon import PLACES, RE_WORD, entities, fold_counts, fold_word, lower_words, name_words, tickers
from compare.records import (
    AMOUNT_KINDS,
    NUMERIC_KINDS,
    Alignment,
    Article,
    Claim,
    Discrepancy,
    DiscrepancyClass,
    Fact,
    FactKind,
    Severity,
    Story,
)


@dataclass(frozen=True)
class CompareConfig:
    """Thresholds of the comparer.

    - `rival_ratio`: two values pair by subject alone only if min/max >= this.
    - `quote_overlap`: share of the shorter quotation's words found in order in
      the longer one for two quotations to be versions of one.
    - `update_days`: two dated versions at least this far apart read as a change
      over time (`update`) rather than an error (`conflict`).
    """

    rival_ratio: float = 0.8
    quote_overlap: float = 0.6
    quote_min_words: int = 4
    update_days: int = 30


# Hedges and how far they let a value stretch: (direction, relative tolerance).
HEDGES = {
    "about": ("near", 0.1),
    "around": ("near", 0.1),
    "roughly": ("near", 0.1),
    "approximately": ("near", 0.1),
    "some": ("near", 0.1),
    "nearly": ("below", 0.1),
    "almost": ("below", 0.1),
    "more than": ("above", None),
    "over": ("above", None),
    "at least": ("above", None),
    "upwards of": ("above", None),
    "less than": ("below", None),
    "fewer than": ("below", None),
    "under": ("below", None),
    "up to": ("below", None),
    "at most": ("below", None),
    "as many as": ("below", None),
    "as much as": ("below", None),
}

# Offices that one person holds at a time, so two names for one is news.
SINGLE_HOLDER_TITLES = frozenset(
    """
    president|vice president|prime minister|chancellor|defense minister|defense secretary
    |foreign minister|secretary of state|finance minister|treasury secretary|interior minister
    |home secretary|foreign secretary|chief cabinet secretary|secretary general|king|queen|pope
    |attorney general|trade minister|economy minister|health minister|health secretary
    |justice minister|premier|emir|crown prince|speaker|national security adviser
    """.replace("\n", "").split("|")
)
SINGLE_HOLDER_TITLES = frozenset(t.strip() for t in SINGLE_HOLDER_TITLES)
# Of those, the offices that one person holds only in a country or a body such as the
# UN (`lexicon.PLACES`): a firm or a union has many vice presidents.
STATE_ONLY_TITLES = frozenset({"vice president"})
STATES = frozenset(PLACES.values())

# Words that mark a figure as standing (true beyond one event), compared across stories.
# In lower case only: capitalised, they are mostly names ("Standard Oil", "Standard &
# Poor's", "Standard Chartered", "Target Corp").
RE_STANDING = regex.compile(r"\b(?:target|targets|standard|benchmark|goal|guideline|threshold|ceiling|cap)\b")

# A day's and an ISO week's value, as date facts give them (`different_days`).
RE_DAY_VALUE = regex.compile(r"^\d{4}-\d{2}-\d{2}$")
RE_WEEK_VALUE = regex.compile(r"^(?P<year>\d{4})-W(?P<week>\d{2})$")

# A row of a table: two or more numbers and at most `ROW_WORDS` lower-case words of four
# letters or more other than units (`Exports 61.0 58.0`, `Net 604,000 vs 1,913,000`,
# `30-60 days 4.10 pct 4.05 pct`); a sentence of prose has more.
RE_NUMBER_RUN = regex.compile(r"\d+(?:[.,/]\d+)*")
RE_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}{4,}(?![\p{L}\p{N}])")
ROW_UNITS = frozenset("dlrs dlr cents mln billion million thousand days weeks months years tonnes tons pct percent stg marks francs yen lbs".split())
ROW_WORDS = 2

# A headline's words with its figures as one placeholder: the template of a recurring
# report's headline (`U.K. MONEY MARKET GIVEN FURTHER # MLN STG HELP`), and how alike two
# headlines' templates must be (difflib's ratio over those words) to be one report's.
RE_HEADLINE_WORD = regex.compile(rf"{RE_NUMBER_RUN.pattern}|\p{{L}}+")
HEADLINE_TEMPLATE_RATIO = 0.8

# The letter runs of a name (`Woong-Bae` is two), and how alike two spellings of one name's
# words must be (difflib's ratio over characters: `miyazwa` / `miyazawa` 0.93,
# `weinburger` / `weinberger` 0.9, `mitterand` / `mitterrand` 0.95, `kohl` / `schmidt` 0).
RE_NAME_PART = regex.compile(r"\p{L}+")
SPELLING_SIMILARITY = 0.8
# Looser, for a name in two aligned sentences that may be one source misspelt (`jupiter` /
# `juniper` 0.71); places are told apart by `entities` before (`iran` / `iraq`).
MISSPELLING_SIMILARITY = 0.7

RE_NEGATION = regex.compile(r"^(?:not|no|never|nt|cannot|neither|nor)$")
RE_ELLIPSIS = regex.compile(r"\.\s?\.\s?\.|…")


# --------------------------------------------------------------------------- helpers


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _date(value: str | None) -> dt.date | None:
    if value and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _stable_id(*parts: object) -> str:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()
    return f"D-{digest[:10]}"


def _same_value(a: Fact, b: Fact) -> bool:
    """True if two facts state one value; two dates written alike do ("on Monday" and "on Monday").

    A relative date's value is factdiff's reading of it (the tense of its clause, the
    article's date): where two versions print the same words, a difference in that
    reading is not theirs.
    """
    if a.kind == FactKind.DATE and b.kind == FactKind.DATE and a.text.lower().split() == b.text.lower().split():
        return True
    if isinstance(a.value, str) or isinstance(b.value, str):
        return a.value == b.value and a.high == b.high
    scale = max(abs(a.value), abs(b.value), 1e-9)
    same_low = abs(a.value - b.value) <= 1e-9 * scale
    return same_low and (a.high or a.value) == (b.high or b.value)


def _covers(hedged: Fact, other: Fact) -> bool:
    """True if `hedged`'s hedge or range admits `other`'s value."""
    if isinstance(hedged.value, str) or isinstance(other.value, str):
        return False
    value = float(other.value)
    if hedged.high is not None:
        return hedged.value <= value <= hedged.high
    direction, tolerance = HEDGES.get(hedge_of(hedged.qualifier) or "", (None, None))
    if direction == "near" and tolerance is not None:
        return abs(value - hedged.value) <= tolerance * abs(hedged.value)
    if direction == "above":
        return value >= hedged.value
    if direction == "below":
        lower = hedged.value * (1 - tolerance) if tolerance else float("-inf")
        return lower <= value <= hedged.value
    return False


def _subject(fact: Fact) -> str | None:
    return fold_counts(fact.counts)


def _compatible_subjects(a: Fact, b: Fact) -> bool:
    sa, sb = _subject(a), _subject(b)
    return sa is None or sb is None or sa == sb


CHANGES = frozenset({"up", "down"})


def change_of(qualifier: str | None) -> str | None:
    """The direction of change a qualifier states: `up` for `up` and for `up nearly` ("rose nearly 57%"), else None."""
    word, _, rest = (qualifier or "").partition(" ")
    return word if word in CHANGES and (not rest or rest in HEDGES) else None  # `up to` is a hedge


def hedge_of(qualifier: str | None) -> str | None:
    """The hedge a qualifier states: `nearly` for `nearly` and for `up nearly`, None for `up`."""
    if change_of(qualifier) is None:
        return qualifier
    return (qualifier or "").partition(" ")[2] or None


def _comparable(a: Fact, b: Fact) -> bool:
    """Same kind and unit, and both a change (`rose 5%`, `fell by 3`) or both a level (`5%`).

    A change and a level are different figures even in aligned sentences; two
    changes in opposite directions are comparable (`rose 5%` against `fell 5%`).
    """
    return a.kind == b.kind and a.unit == b.unit and (change_of(a.qualifier) is None) == (change_of(b.qualifier) is None)


FactRef = tuple[str, int]  # (article id, index of the fact in that article's facts)


K = TypeVar("K", str, tuple[str, int])  # what a union-find groups: article ids, (article, fact) refs


class UnionFind(Generic[K]):
    """Disjoint sets: pairs join into n-way groups (every source's version, every copy of a text)."""

    def __init__(self) -> None:
        self.parent: dict[K, K] = {}
        self._members: dict[K, list[K]] = {}  # by root, kept by `union_unless` only

    def find(self, x: K) -> K:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: K, b: K) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def union_unless(self, a: K, b: K, apart: Callable[[K, K], bool]) -> bool:
        """Join the groups of `a` and `b` unless `apart` holds for a member of each; True if joined.

        A pair refused for a reason (two days' editions of one report) must not
        join through a third member each pairs with.
        """
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        group_a, group_b = self._members.get(ra, [ra]), self._members.get(rb, [rb])
        if any(apart(x, y) for x in group_a for y in group_b):
            return False
        self.union(ra, rb)
        self._members[min(ra, rb)] = group_a + group_b
        self._members.pop(max(ra, rb), None)
        return True

    def groups(self) -> list[list[K]]:
        """Each group sorted, so output does not depend on the order of unions."""
        members: dict[K, list[K]] = defaultdict(list)
        for x in self.parent:
            members[self.find(x)].append(x)
        return sorted(sorted(m) for m in members.values())


@dataclass
class _Context:
    """What every comparison needs to look up: articles, facts, alignments."""

    articles: dict[str, Article]
    facts: dict[str, tuple[Fact, ...]]
    aligned: dict[tuple[str, str], dict[int, tuple[int, float]]]
    config: CompareConfig
    _places: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    _article_places: dict[str, frozenset[str]] = field(default_factory=dict)
    _months: dict[str, frozenset[int]] = field(default_factory=dict)
    _fact_index: dict[str, _FactIndex] = field(default_factory=dict)
    _days: dict[str, dict[int, set[tuple[str, int]]]] = field(default_factory=dict)
    _days_named: dict[str, dict[int, set[str]]] = field(default_factory=dict)
    _names: dict[tuple[str, int], frozenset[str]] = field(default_factory=dict)
    _lower: dict[str, frozenset[str]] = field(default_factory=dict)
    _article_names: dict[str, frozenset[str]] = field(default_factory=dict)
    _rows: dict[tuple[str, int], bool] = field(default_factory=dict)
    _tickers: dict[str, tuple[frozenset[str], frozenset[str]]] = field(default_factory=dict)
    _headline_places: dict[str, frozenset[str]] = field(default_factory=dict)
    _headlines: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)

    def fact(self, ref: FactRef) -> Fact:
        return self.facts[ref[0]][ref[1]]

    def sentence_text(self, article: str, fact: Fact) -> str:
        return self.articles[article].sentences[fact.sentence].text

    def places(self, article: str, fact: Fact) -> frozenset[str]:
        """The countries and organisations named in the fact's sentence, computed once per sentence."""
        key = (article, fact.sentence)
        if key not in self._places:
            self._places[key] = entities(self.sentence_text(article, fact))
        return self._places[key]

    def article_places(self, article: str) -> frozenset[str]:
        """The countries and organisations named anywhere in the article, computed once."""
        if article not in self._article_places:
            self._article_places[article] = entities(self.articles[article].text)
        return self._article_places[article]

    def sentence_names(self, article: str, sentence: int) -> frozenset[str]:
        """The name words of one sentence (`name_words`, against its article's lower-case words), computed once."""
        key = (article, sentence)
        if key not in self._names:
            self._names[key] = name_words(self.articles[article].sentences[sentence].text, self._common(article))
        return self._names[key]

    def _common(self, article: str) -> frozenset[str]:
        if article not in self._lower:
            self._lower[article] = lower_words(self.articles[article].text)
        return self._lower[article]

    def article_names(self, article: str) -> frozenset[str]:
        """The name words of an article's title and sentences, each read as its own text (`name_words`), computed once.

        A word capitalised only because it opens a sentence or a table line ("Sales
        6,150,000 vs 5,940,000", "Reuter") names no one.
        """
        if article not in self._article_names:
            found = self.articles[article]
            names = set(name_words(found.title or "", self._common(article)))
            for index in range(len(found.sentences)):
                names |= self.sentence_names(article, index)
            self._article_names[article] = frozenset(names)
        return self._article_names[article]

    def different_parties(self, a: str, b: str) -> bool:
        """True if two articles are about different parties: two firms' results tables, not one story.

        Template copy aligns line for line ("Shr 12 cts vs 9 cts", "Avg shrs
        2,480,000 vs 2,310,000") whoever it is about; the firm is named in the title or
        the first line. Two reports of one story name some party in common. Firms'
        names share words ("Apple Bank for Savings", "Elmira Savings Bank"; "Delta Air
        Lines", "American Airlines"), so where both articles tag the firm they are about
        with its stock symbol or bracketed name (`subject_tickers`), the tags decide: two
        articles are about different parties when neither mentions a tag the other is about.
        Otherwise, where both headlines name countries or organisations, two articles
        are about different parties when neither names a place the other's headline
        names (`USDA ESTIMATES CANADIAN CROPS` / `USDA ESTIMATES AUSTRALIA WHEAT CROP`,
        the estimates' sentences naming no country).
        """
        about_a, tagged_a = self.subject_tickers(a)
        about_b, tagged_b = self.subject_tickers(b)
        if about_a and about_b:
            return about_a.isdisjoint(tagged_b) and about_b.isdisjoint(tagged_a)
        places_a, places_b = self.headline_places(a), self.headline_places(b)
        if places_a and places_b and places_a.isdisjoint(self.article_places(b) | places_b):
            return places_b.isdisjoint(self.article_places(a) | places_a)
        names_a, names_b = self.article_names(a), self.article_names(b)
        return bool(names_a and names_b) and names_a.isdisjoint(names_b)

    def headline_places(self, article: str) -> frozenset[str]:
        """The countries and organisations an article's headline names (`USDA ESTIMATES CANADIAN CROPS`: Canada), computed once."""
        if article not in self._headline_places:
            self._headline_places[article] = entities(self.articles[article].title or "")
        return self._headline_places[article]

    def subject_tickers(self, article: str) -> tuple[frozenset[str], frozenset[str]]:
        """The firms' tags (`lexicon.tickers`) an article is about (its title's, else its first sentence's) and all it mentions, computed once.

        Wire copy tags the firm a story is about in its headline (`HECHINGER <HECHA>
        SELLS CONVERTIBLE DEBENTURES`) and any other firm where the text names it
        (`AMOCO <AN> SAYS DOME <DMP> BUY GOOD FOR CANADA`).
        """
        if article not in self._tickers:
            found = self.articles[article]
            lead = found.sentences[0].text if found.sentences else ""
            about = tickers(found.title or "") or tickers(lead)
            self._tickers[article] = (about, about | tickers(found.text))
        return self._tickers[article]

    def other_subjects(self, a: str, sentence_a: int, b: str, sentence_b: int) -> bool:
        """True if each of two aligned sentences names someone or something the other article never names.

        Wire copy is written from templates: "Nordic Rail Finance will sell 20 billion yen
        of notes ..." and "Harbour Capital BV will sell 10 billion yen of notes ..."
        align word for word and are about two issuers, as are two companies' dividend
        notices. Two outlets' versions of one story name the same people and firms,
        if not in the same sentence then elsewhere in the article ("Hegseth" in one,
        "the Pentagon chief" in the other, and Hegseth further down it). Only the names
        the two sentences do not share are weighed: "The Agriculture Department forecast
        Brazil's crop at ..." and "The Agriculture Department forecast Canada's crop at
        ..." share the department and are about two countries. A name the other
        sentence spells alike (`_misspelt`) is the same name: "according to Jupiter
        Research" and "according to Juniper Research" are one source, one misspelt.
        """
        names_a, names_b = self.sentence_names(a, sentence_a), self.sentence_names(b, sentence_b)
        apart_a, apart_b = names_a - names_b, names_b - names_a
        own_a = {n for n in apart_a if not any(_misspelt(n, m) for m in apart_b)}
        own_b = {m for m in apart_b if not any(_misspelt(n, m) for n in apart_a)}
        return bool(own_a and own_b) and own_a.isdisjoint(self.article_names(b)) and own_b.isdisjoint(self.article_names(a))

    def table_row(self, article: str, sentence: int) -> bool:
        """True if the sentence is a row of a table (`RE_NUMBER_RUN`, `ROW_WORDS`), computed once.

        Tables of different reports share their row labels (`Exports`, `End stocks`,
        `Net ... vs ...`), so their rows align with nothing else to tell them apart;
        `_numeric_groups` compares a row only between near-duplicate articles, the
        versions of one table.
        """
        key = (article, sentence)
        if key not in self._rows:
            text = self.articles[article].sentences[sentence].text
            prose = [w for w in RE_LOWER_WORD.findall(text) if w not in ROW_UNITS]
            self._rows[key] = len(RE_NUMBER_RUN.findall(text)) >= 2 and len(prose) <= ROW_WORDS
        return self._rows[key]

    def headline_editions(self, a: str, b: str) -> bool:
        """True if two articles of different dates carry one headline with different figures in it.

        `U.K. MONEY MARKET GIVEN FURTHER 442 MLN STG HELP` on 12 March and `... 195 MLN STG
        HELP` on 13 March, or `AGENCY REPORTS 41 SHIPS WAITING AT PANAMA CANAL` and `... 30
        SHIPS ...` two days later: a recurring report's editions, or one figure's change
        over time, as the headlines themselves say; not one story's rival versions.
        """
        day_a, day_b = _date(self.articles[a].date), _date(self.articles[b].date)
        if day_a is None or day_b is None or day_a == day_b:
            return False
        (words_a, figures_a), (words_b, figures_b) = self._headline(a), self._headline(b)
        if not figures_a or not figures_b or figures_a == figures_b:
            return False
        return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio() >= HEADLINE_TEMPLATE_RATIO

    def _headline(self, article: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A headline's folded words with its figures as `#`, and its figures, computed once."""
        if article not in self._headlines:
            tokens = RE_HEADLINE_WORD.findall(self.articles[article].title or "")
            words = tuple("#" if t[0].isdigit() else fold_word(t) for t in tokens)
            self._headlines[article] = (words, tuple(t for t in tokens if t[0].isdigit()))
        return self._headlines[article]

    def editions(self, a: str, b: str) -> bool:
        """True if articles `a` and `b` report on different months: editions of a recurring report."""
        for article in (a, b):
            if article not in self._months:
                self._months[article] = reference_months(self.facts[article])
        return bool(self._months[a] and self._months[b] and not self._months[a] & self._months[b])

    def different_days(self, a: str, sentence_a: int, b: str, sentence_b: int) -> bool:
        """True if the two sentences date their report the same way relative to articles of different dates.

        A day a sentence names lies some days before or after its article's date.
        "Overnight money averaged 4.10 pct yesterday" on 5 March and "... 4.05 pct
        yesterday" on 6 March, or "... on March 4" on 5 March and "... on March 5" on
        6 March, name a day at the same offset from different dates: two days'
        editions of one daily report, not rival figures. "Yesterday" on Monday and
        "on Sunday" on Tuesday name one day (offsets -1 and -2), so they compare.
        Between weekdays the offset counts business days too: "on Friday" on a Monday
        and "yesterday" on a Wednesday are each the session before.
        A week counts in weeks from the article's own: "versus 129,000 week ago" in the
        cattle report of 19 October and of 20 October is each day's figure a week back.
        """
        offsets_a = self._day_offsets(a).get(sentence_a)
        offsets_b = self._day_offsets(b).get(sentence_b)
        if not offsets_a or not offsets_b or _date(self.articles[a].date) == _date(self.articles[b].date):
            return False
        return not offsets_a.isdisjoint(offsets_b)

    def days_apart(self, a: str, sentence_a: int, b: str, sentence_b: int) -> bool:
        """True if the two sentences each name a day and none in common: their figures are two days' figures.

        The balance "on March 27" and the balance "on March 31" are two readings, not rival
        ones, however alike the sentences; the days themselves are still compared, as dates.
        """
        days_a, days_b = self._named_days(a).get(sentence_a, set()), self._named_days(b).get(sentence_b, set())
        return bool(days_a) and bool(days_b) and days_a.isdisjoint(days_b)

    def _named_days(self, article: str) -> dict[int, set[str]]:
        """By sentence, the days (`2025-03-30`) its date facts name."""
        if article not in self._days_named:
            found: dict[int, set[str]] = defaultdict(set)
            for fact in self.facts[article]:
                if fact.kind == FactKind.DATE and RE_DAY_VALUE.match(str(fact.value)):
                    found[fact.sentence].add(str(fact.value))
            self._days_named[article] = dict(found)
        return self._days_named[article]

    def _day_offsets(self, article: str) -> dict[int, set[tuple[str, int]]]:
        """By sentence, how far each day (`("day", -1)`, `("business day", -1)`) and week it names is from the article's date."""
        if article not in self._days:
            published = _date(self.articles[article].date)
            found: dict[int, set[tuple[str, int]]] = defaultdict(set)
            if published is not None:
                for sentence, days in self._named_days(article).items():
                    for day in map(dt.date.fromisoformat, days):
                        found[sentence].add(("day", (day - published).days))
                        if day.weekday() < 5 and published.weekday() < 5:
                            found[sentence].add(("business day", _business_days(published, day)))
                own_week = published - dt.timedelta(days=published.weekday())
                for fact in self.facts[article]:
                    if fact.kind == FactKind.DATE and (week := RE_WEEK_VALUE.match(str(fact.value))):
                        monday = dt.date.fromisocalendar(int(week["year"]), int(week["week"]), 1)
                        found[fact.sentence].add(("week", (monday - own_week).days // 7))
            self._days[article] = dict(found)
        return self._days[article]

    def fact_index(self, article: str) -> _FactIndex:
        """The article's facts indexed for pairing (`_candidate_facts`), built once."""
        if article not in self._fact_index:
            self._fact_index[article] = _index_facts(self.facts[article])
        return self._fact_index[article]

    def aligned_score(self, a: str, fa: Fact, b: str, fb: Fact) -> float | None:
        partners = self.aligned.get((a, b), {})
        hit = partners.get(fa.sentence)
        if hit is not None and hit[0] == fb.sentence:
            return hit[1]
        return None

    def claim(self, ref: FactRef) -> Claim:
        article, _ = ref
        fact = self.fact(ref)
        return Claim(article, fact, self.sentence_text(article, fact), self.articles[article].date)


# The month of a date fact's value: `2025-03-30`, `2025-03`, `--03-30`, `--03`.
RE_MONTH_OF_VALUE = regex.compile(r"^(?:\d{4}|-)-(?P<month>\d{2})(?:-\d{2})?$")
MIN_MONTH_MENTIONS = 3


def reference_months(facts: Iterable[Fact]) -> frozenset[int]:
    """The months an article mostly reports on: those named most often by its plain date facts.

    Only dates without a qualifier count (`since June 2003` is history, not the
    period reported), and only an article naming months at least
    `MIN_MONTH_MENTIONS` times has reference months: one passing mention is not
    evidence, and two outlets' versions of one event can each name a month once.
    """
    counts: dict[int, int] = defaultdict(int)
    for fact in facts:
        if fact.kind == FactKind.DATE and not fact.qualifier:
            match = RE_MONTH_OF_VALUE.match(str(fact.value))
            if match:
                counts[int(match.group("month"))] += 1
    if sum(counts.values()) < MIN_MONTH_MENTIONS:
        return frozenset()
    most = max(counts.values())
    return frozenset(month for month, count in counts.items() if count == most)


def _aligned_index(alignments: Iterable[Alignment]) -> dict[tuple[str, str], dict[int, tuple[int, float]]]:
    index: dict[tuple[str, str], dict[int, tuple[int, float]]] = defaultdict(dict)
    for alignment in alignments:
        for pair in alignment.pairs:
            index[(alignment.left, alignment.right)][pair.left] = (pair.right, pair.score)
            index[(alignment.right, alignment.left)][pair.right] = (pair.left, pair.score)
    return index


# --------------------------------------------------------------------------- numbers


def _states_value(ctx: _Context, article: str, like: Fact) -> bool:
    """True if `article` states `like`'s value about a compatible subject."""
    return any(
        _comparable(f, like) and _same_value(f, like) and _compatible_subjects(f, like)
        for f in ctx.facts[article]
    )


def _numeric_pair_reason(ctx: _Context, a: str, fa: Fact, b: str, fb: Fact) -> str | None:
    """Return why two numeric facts are about the same thing, or None if they are not."""
    if not _comparable(fa, fb) or not _compatible_subjects(fa, fb):
        return None
    places_a = ctx.places(a, fa)
    places_b = ctx.places(b, fb)
    if places_a and places_b and not places_a & places_b:
        return None  # Japan's 2% and South Korea's 3.5%: similar sentences, different subjects
    score = ctx.aligned_score(a, fa, b, fb)
    if score is not None and not ctx.other_subjects(a, fa.sentence, b, fb.sentence):
        same_kind_a = [f for f in ctx.facts[a] if f.sentence == fa.sentence and _comparable(f, fa)]
        same_kind_b = [f for f in ctx.facts[b] if f.sentence == fb.sentence and _comparable(f, fb)]
        if len(same_kind_a) == len(same_kind_b) and same_kind_a.index(fa) == same_kind_b.index(fb):
            return f"aligned sentences (similarity {score:.2f})"
    subject = _subject(fa)
    if subject is None or subject != _subject(fb) or fa.kind == FactKind.AGE:
        return None
    shared = places_a & places_b
    if not shared:
        return None
    if isinstance(fa.value, str) or isinstance(fb.value, str):
        return None
    low, high = sorted((abs(fa.value), abs(fb.value)))
    if high == 0 or low / high < ctx.config.rival_ratio:
        return None
    return f"same subject ({subject}) and places ({', '.join(sorted(shared))}), close values"


def _numeric_groups(ctx: _Context, story: Story) -> Iterator[tuple[list[FactRef], str]]:
    """Yield groups of numeric facts about one thing across a story, with the pairing reason.

    Two facts pair only through aligned sentences or a shared subject
    (`_numeric_pair_reason`), so only those pairs are visited (`_candidate_facts`),
    in the order a scan of every pair would meet them: the reasons kept are the same.
    """
    pairs: list[tuple[FactRef, FactRef, str]] = []
    apart_articles: set[tuple[str, str]] = set()  # editions, or two parties' tables
    apart_facts: set[tuple[FactRef, FactRef]] = set()  # two days' figures, two tables' rows
    duplicates = set(story.near_duplicates)
    for a, b in itertools.combinations(story.articles, 2):
        if ctx.editions(a, b) or ctx.different_parties(a, b):
            apart_articles.add((min(a, b), max(a, b)))
            continue
        versions = (a, b) in duplicates or (b, a) in duplicates
        for i, j in _candidate_facts(ctx, a, b):
            fa, fb = ctx.facts[a][i], ctx.facts[b][j]
            if not versions and (ctx.table_row(a, fa.sentence) or ctx.table_row(b, fb.sentence)):
                apart_facts.add(_ordered((a, i), (b, j)))
                continue  # rows of two tables that share their labels: one table's versions only
            if ctx.different_days(a, fa.sentence, b, fb.sentence):
                apart_facts.add(_ordered((a, i), (b, j)))
                continue  # two days' editions of one daily report
            if fa.kind == FactKind.DATE:
                score = None if ctx.other_subjects(a, fa.sentence, b, fb.sentence) else ctx.aligned_score(a, fa, b, fb)
                reason = f"aligned sentences (similarity {score:.2f})" if score else None
                if reason and len(str(fa.value)) != len(str(fb.value)):
                    reason = None  # a day and a month are not rival values
            elif ctx.days_apart(a, fa.sentence, b, fb.sentence):
                apart_facts.add(_ordered((a, i), (b, j)))
                continue  # "the balance was 12.1 billion on March 27" against "... 8.9 billion on March 31"
            else:
                reason = _numeric_pair_reason(ctx, a, fa, b, fb)
            if reason is None:
                continue
            if not _same_value(fa, fb) and (_states_value(ctx, a, fb) or _states_value(ctx, b, fa)):
                continue  # each article states the other's value too: agreement
            pairs.append(((a, i), (b, j), reason))

    def apart(x: FactRef, y: FactRef) -> bool:
        """True if `x` and `y` were refused as a pair: a third fact must not join them."""
        x, y = _ordered(x, y)
        return (x, y) in apart_facts or (x[0], y[0]) in apart_articles

    union = UnionFind[FactRef]()
    reasons: dict[FactRef, str] = {}
    for x, y, reason in pairs:
        if union.union_unless(x, y, apart):
            reasons[x] = reasons[y] = reason
    for refs in union.groups():
        if len(refs) > 1:  # a refused pair leaves its facts alone
            yield refs, reasons[refs[0]]


def _business_days(start: dt.date, end: dt.date) -> int:
    """The weekdays after `start` up to `end`, negative if `end` comes first (Monday to the Friday before: -1)."""
    sign = 1 if end >= start else -1
    low, high = min(start, end), max(start, end)
    weeks, rest = divmod((high - low).days, 7)
    extra = sum((low + dt.timedelta(days=k)).weekday() < 5 for k in range(1, rest + 1))
    return sign * (weeks * 5 + extra)


def _ordered(x: FactRef, y: FactRef) -> tuple[FactRef, FactRef]:
    return (x, y) if x <= y else (y, x)


def _candidate_facts(ctx: _Context, a: str, b: str) -> list[tuple[int, int]]:
    """The pairs `(i, j)` of numeric or date facts of one kind, in `a` and `b`, that may pair.

    Those in aligned sentences, and numeric ones with the same subject; sorted, as
    the nested scan over `a`'s facts and then `b`'s visits them.
    """
    left, right = ctx.fact_index(a), ctx.fact_index(b)
    found: set[tuple[int, int]] = set()
    for sentence, (partner, _) in ctx.aligned.get((a, b), {}).items():
        for kind, facts in left.by_sentence.get(sentence, {}).items():
            others = right.by_sentence.get(partner, {}).get(kind, ())
            found.update((i, j) for i in facts for j in others)
    for key, facts in left.by_subject.items():
        others = right.by_subject.get(key, ())
        found.update((i, j) for i in facts for j in others)
    return sorted(found)


@dataclass(frozen=True)
class _FactIndex:
    """An article's numeric and date facts by sentence and kind, and numeric ones by kind and subject."""

    by_sentence: dict[int, dict[FactKind, list[int]]]
    by_subject: dict[tuple[FactKind, str], list[int]]


def _index_facts(facts: Sequence[Fact]) -> _FactIndex:
    by_sentence: dict[int, dict[FactKind, list[int]]] = defaultdict(lambda: defaultdict(list))
    by_subject: dict[tuple[FactKind, str], list[int]] = defaultdict(list)
    for i, fact in enumerate(facts):
        if fact.kind not in NUMERIC_KINDS and fact.kind != FactKind.DATE:
            continue
        by_sentence[fact.sentence][fact.kind].append(i)
        subject = _subject(fact) if fact.kind in NUMERIC_KINDS else None
        if subject is not None:
            by_subject[(fact.kind, subject)].append(i)
    return _FactIndex({s: dict(k) for s, k in by_sentence.items()}, dict(by_subject))


def _classify_numeric(ctx: _Context, refs: list[FactRef]) -> tuple[DiscrepancyClass, Severity, str] | None:
    """Classify a group of numeric facts, or None if all versions agree."""
    facts = [ctx.fact(r) for r in refs]
    directions = {d for f in facts if (d := change_of(f.qualifier))}
    measured = [frozenset(f.measures.lower().split()) for f in facts if f.measures]
    one_thing = len(measured) == len(facts) and all(a <= b or b <= a for a, b in itertools.combinations(measured, 2))
    if len(directions) > 1 and one_thing:
        # "rose 5%" against "fell 5%" of one thing ("Acme", "Acme shares"): whatever the values, one
        # source has it backwards. Of two things ("exports rose 5%, imports fell 5%" against the same
        # in the other order), or where either's thing is unknown, the facts may be paired by their
        # places only, and only their values are compared.
        written = " against ".join(sorted({f.text for f in facts}))
        return DiscrepancyClass.CONFLICT, Severity.HIGH, f"the direction of change differs ({written}): up against down"
    distinct: list[Fact] = []
    for fact in facts:
        if not any(_same_value(fact, d) for d in distinct):
            distinct.append(fact)
    if len(distinct) < 2:
        return None
    covered = all(
        _same_value(x, y) or _covers(x, y) or _covers(y, x)
        for x, y in itertools.combinations(distinct, 2)
    )
    if covered:
        return DiscrepancyClass.CONFLICT, Severity.LOW, "the values differ, but a hedge or range covers the difference"
    values = [float(d.value) for d in distinct if not isinstance(d.value, str)]
    articles = sorted({article for article, _ in refs})
    if len(articles) > 1 and all(ctx.headline_editions(x, y) for x, y in itertools.combinations(articles, 2)):
        return (
            DiscrepancyClass.UPDATE,
            Severity.LOW,
            "the values differ, in articles of different days whose headlines are one template with "
            "different figures: a recurring report's editions or a change over time",
        )
    if facts[0].kind == FactKind.RANK:
        detail = "the positions differ: " + " against ".join(f"{v:.0f}" for v in values)
    elif values and min(values) > 0:
        spread = (max(values) - min(values)) / max(values)
        detail = f"the values differ by {spread:.1%}"
    else:
        detail = "the values differ"
    return DiscrepancyClass.CONFLICT, Severity.HIGH, detail


def _describe_subject(facts: Sequence[Fact]) -> str:
    kind = facts[0].kind
    counts = sorted({f.counts for f in facts if f.counts}, key=lambda c: (len(c), c))
    if kind == FactKind.DATE:
        return "date"
    if kind == FactKind.AGE:
        return "age"
    unstated = "what it ranks is not stated" if kind == FactKind.RANK else "what it counts is not stated"
    what = " / ".join(counts[:3]) if counts else unstated
    return f"{kind.value}: {what}"


# --------------------------------------------------------------------------- quotes


@dataclass(frozen=True)
class _Words:
    """A quotation as surface words and their folded forms."""

    surface: tuple[str, ...]
    folded: tuple[str, ...]
    elided: bool = False

    @classmethod
    def of(cls, text: str) -> _Words:
        """Split on white space; compare chunks by their folded words, show them as written."""
        surface, folded = [], []
        for chunk in text.split():
            key = "".join(fold_word(w) for w in RE_WORD.findall(chunk))
            if key:  # a chunk of punctuation alone (an em dash) is not a word
                surface.append(chunk)
                folded.append(key)
        return cls(tuple(surface), tuple(folded), bool(RE_ELLIPSIS.search(text)))


# Typographic forms of one character: which an outlet prints is its software's choice.
TYPESET = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "\u2032": "'", "\u201c": '"', "\u201d": '"',
                         "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"'})


def _typeset(surface: Sequence[str]) -> tuple[str, ...]:
    """Words as written, with curly and straight quotation marks and apostrophes made one."""
    return tuple(word.translate(TYPESET) for word in surface)


def _speaker_key(name: str | None) -> str | None:
    if not name:
        return None
    tokens = [t for t in RE_WORD.findall(name) if t[:1].isupper()]
    return fold_word(tokens[-1]) if tokens else None


def _window(short: _Words, long: _Words) -> tuple[int, int, float]:
    """Find where `short` sits in `long`: (start, end, overlap).

    The overlap is the number of matched words over the length of the shorter
    quotation or of the stretch of `long` it covers, whichever is longer, so a
    few words scattered over a long sentence do not count as a partial quotation.
    Words that an ellipsis in `short` leaves out do not count against it.
    """
    matcher = SequenceMatcher(None, short.folded, long.folded, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return 0, 0, 0.0
    # A stray "in" or "is" far down the longer quotation must not stretch the
    # window over unrelated words: runs of one or two words count only in line
    # with the longest run; longer runs count wherever they are (an elision skips).
    anchor = max(blocks, key=lambda b: (b.size, -b.a))
    slack = max(3, len(short.folded) // 5)
    blocks = [b for b in blocks if b.size >= 3 or abs((b.b - b.a) - (anchor.b - anchor.a)) <= slack]
    matched = sum(b.size for b in blocks)
    first, last = blocks[0], blocks[-1]
    start = max(0, first.b - first.a)
    end = min(len(long.folded), last.b + last.size + (len(short.folded) - last.a - last.size))
    span = len(short.folded) if short.elided else max(len(short.folded), end - start)
    return start, end, matched / max(span, 1)


def _word_diff(old: Sequence[str], new: Sequence[str], old_folded: Sequence[str], new_folded: Sequence[str]) -> str:
    """Render a word-level diff: `[-removed-]` and `{+added+}` around the changes."""
    matcher = SequenceMatcher(None, old_folded, new_folded, autojunk=False)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(new[j1:j2])
            continue
        if i2 > i1:
            out.append("[-" + " ".join(old[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(new[j1:j2]) + "+}")
    return " ".join(out)


def _elided_match(with_ellipsis: str, other: _Words) -> bool:
    """True if the pieces around an ellipsis all appear, in order, in `other`."""
    pieces = [_Words.of(p).folded for p in RE_ELLIPSIS.split(with_ellipsis)]
    pieces = [p for p in pieces if p]
    cursor = 0
    hay = other.folded
    for piece in pieces:
        found = next(
            (k for k in range(cursor, len(hay) - len(piece) + 1) if hay[k : k + len(piece)] == piece),
            None,
        )
        if found is None:
            return False
        cursor = found + len(piece)
    return True


def _compare_quotes(reference: Fact, other: Fact) -> tuple[str, str | None]:
    """Compare a quotation with the reference version: (`same`|`cosmetic`|`elision`|`reworded`, diff).

    When one version is shorter (a partial quotation), only the stretch of the
    longer one that it covers is compared; the diff reads from `reference` to `other`.
    """
    ref, oth = _Words.of(str(reference.value)), _Words.of(str(other.value))
    other_is_short = len(oth.folded) <= len(ref.folded)
    short, long = (oth, ref) if other_is_short else (ref, oth)
    start, end, _ = _window(short, long)
    window = _Words(long.surface[start:end], long.folded[start:end])
    old, new = (window, short) if other_is_short else (short, window)
    if old.folded == new.folded:
        if _typeset(old.surface) == _typeset(new.surface):
            return "same", None  # a CMS's curly or straight quotes are no difference of wording
        return "cosmetic", _word_diff(old.surface, new.surface, old.surface, new.surface)
    shorter_fact = other if other_is_short else reference
    if RE_ELLIPSIS.search(str(shorter_fact.value)) and _elided_match(str(shorter_fact.value), window):
        return "elision", None
    return "reworded", _word_diff(old.surface, new.surface, old.folded, new.folded)


def _quote_groups(ctx: _Context, story: Story) -> Iterator[list[FactRef]]:
    """Yield groups of quotations that are versions of one utterance across a story.

    Each quotation pairs with its best match in each other article (identical
    wording first), so two different sentences of one speaker never pair.
    """
    union = UnionFind[FactRef]()
    words = {
        (aid, i): _Words.of(str(f.value))
        for aid in story.articles
        for i, f in enumerate(ctx.facts[aid])
        if f.kind == FactKind.QUOTE
    }
    best: dict[tuple[FactRef, str], FactRef] = {}
    for a, b in itertools.permutations(story.articles, 2):
        for i, fa in enumerate(ctx.facts[a]):
            if fa.kind != FactKind.QUOTE or len(words[(a, i)].folded) < ctx.config.quote_min_words:
                continue
            wa = words[(a, i)]
            ranked: list[tuple[float, float, int]] = []
            for j, fb in enumerate(ctx.facts[b]):
                if fb.kind != FactKind.QUOTE:
                    continue
                wb = words[(b, j)]
                ka, kb = _speaker_key(fa.speaker), _speaker_key(fb.speaker)
                if (ka and kb and ka != kb) or len(wb.folded) < ctx.config.quote_min_words:
                    continue
                short, long = (wa, wb) if len(wa.folded) <= len(wb.folded) else (wb, wa)
                _, _, share = _window(short, long)
                if share < (ctx.config.quote_overlap if (ka and kb) else 0.9):
                    continue
                closeness = SequenceMatcher(None, wa.folded, wb.folded, autojunk=False).ratio()
                ranked.append((share, closeness, -j))
            if ranked:
                best[((a, i), b)] = (b, -max(ranked)[2])
    # Only mutual best matches pair: two quotations of one article never chain onto one.
    for (ref, _), match in sorted(best.items()):
        if best.get((match, ref[0])) == ref and ref < match:
            union.union(ref, match)
    yield from union.groups()


def _classify_quotes(ctx: _Context, refs: list[FactRef]) -> tuple[DiscrepancyClass, Severity, str, tuple[str, ...]] | None:
    """Classify a group of quotation versions; None when all read the same."""
    facts = [(r[0], ctx.fact(r)) for r in refs]
    # The reference version is the one most sources carry, then the longest.
    counts: dict[str, int] = defaultdict(int)
    for _, f in facts:
        counts[str(f.value)] += 1
    reference_text = max(counts, key=lambda t: (counts[t], len(t), t))
    reference = next((aid, f) for aid, f in facts if str(f.value) == reference_text)
    worst = "same"
    diffs = []
    rank = {"same": 0, "elision": 1, "cosmetic": 2, "reworded": 3}
    negation_or_number = False
    for aid, fact in facts:
        if str(fact.value) == reference_text:
            continue
        outcome, diff = _compare_quotes(reference[1], fact)
        if rank[outcome] > rank[worst]:
            worst = outcome
        if diff:
            diffs.append(f"{reference[0]} → {aid}: {diff}")
            changed = regex.findall(r"\[-(.*?)-\]|\{\+(.*?)\+\}", diff)
            for removed, added in changed:
                for word in (removed + " " + added).split():
                    folded = fold_word(word.strip(".,;:!?\"'“”"))
                    if RE_NEGATION.match(folded) or any(ch.isdigit() for ch in folded):
                        negation_or_number = True
        elif outcome == "elision":
            diffs.append(f"{reference[0]} → {aid}: shortened with an ellipsis; the words kept are the same")
    if worst == "same":
        return None
    if worst == "reworded":
        severity = Severity.HIGH if negation_or_number else Severity.MEDIUM
        why = "the same speaker is quoted with different words"
        if negation_or_number:
            why += ", and a number or a negation changed"
        return DiscrepancyClass.REWORDED, severity, why, tuple(diffs)
    if worst == "elision":
        return DiscrepancyClass.COSMETIC, Severity.LOW, "one version leaves words out with an ellipsis", tuple(diffs)
    return (
        DiscrepancyClass.COSMETIC,
        Severity.LOW,
        "the versions differ only in case, punctuation, hyphenation or spelling",
        tuple(diffs),
    )


# --------------------------------------------------------------------------- offices and standing figures


@dataclass(frozen=True)
class _Dated:
    """When an article was written, as far as factdiff can tell."""

    date: dt.date | None
    after: dt.date | None = None  # not dated, but known to be later than this
    evidence: str | None = None


def _office_holders(ctx: _Context) -> dict[tuple[str, str], dict[str, list[tuple[str, Fact]]]]:
    """Group current office-holder mentions by office `(title, org)`, then by holder.

    A mention's org is the one it gives; else the one the other mentions of the same
    person (same surname, and first name unless either is a bare surname) agree on;
    else the only org seen with that title in the input, if the mention's own article
    names that org and its sentence names no other (a
    company's "vice president" in an article that never names the European
    Commission is not its vice president, nor is "the US government ... Vice
    President Dick Cheney").
    Former holders ("former", "at the time") and offices with many holders are left out,
    as is a vice president of anything but a country or a body such as the UN.
    """
    mentions = [(aid, f) for aid in sorted(ctx.facts) for f in ctx.facts[aid] if f.kind == FactKind.PERSON]
    orgs_by_surname: dict[str, set[tuple[tuple[str, ...], str]]] = defaultdict(set)
    orgs_by_title: dict[str, set[str]] = defaultdict(set)
    for _, fact in mentions:
        if fact.org and fact.title:
            orgs_by_surname[_speaker_key(str(fact.value)) or ""].add((_name_words(str(fact.value)), fact.org))
            orgs_by_title[fact.title].add(fact.org)
    offices: dict[tuple[str, str], dict[str, list[tuple[str, Fact]]]] = defaultdict(lambda: defaultdict(list))
    for article, fact in mentions:
        if not fact.title or fact.former or fact.title not in SINGLE_HOLDER_TITLES:
            continue
        holder = _speaker_key(str(fact.value)) or str(fact.value)
        # A mention of the same person lends its org, if all such mentions agree on one:
        # the same surname and first name, or either name a bare surname (`President
        # Gerald Schultz` is not lent George Shultz's country).
        words = _name_words(str(fact.value))
        lent = {o for name, o in orgs_by_surname.get(holder, ()) if len(words) < 2 or len(name) < 2 or name[0] == words[0]}
        org = fact.org or (next(iter(lent)) if len(lent) == 1 else None)
        if org is None and len(orgs_by_title[fact.title]) == 1:
            only = next(iter(orgs_by_title[fact.title]))
            named_here = ctx.places(article, fact)
            if only in ctx.article_places(article) and (not named_here or only in named_here):
                org = only
        if org is not None and (fact.title not in STATE_ONLY_TITLES or org in STATES):
            offices[(fact.title, org)][holder].append((article, fact))
    return {office: _merge_holders(by_holder) for office, by_holder in offices.items()}


Holders = dict[str, list[tuple[str, Fact]]]  # holder key -> (article, person fact) mentions


def _name_words(name: str) -> tuple[str, ...]:
    """A person's name as folded words, hyphenated parts apart, initials dropped (`Rha Woong-Bae` -> rha, woong, bae)."""
    return tuple(fold_word(part) for part in RE_NAME_PART.findall(name) if len(part) > 1)


def _misspelt(a: str, b: str, similarity: float = MISSPELLING_SIMILARITY) -> bool:
    """Two folded name words that may be one name misspelt: the same first letter, `similarity` alike by difflib's ratio."""
    return a[:1] == b[:1] and SequenceMatcher(None, a, b, autojunk=False).ratio() >= similarity


def _spelled_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names of as many words, word for word alike in spelling: `Kiichi Miyazwa` / `Kiichi Miyazawa`.

    Each pair of words starts with the same letter and is at least
    `SPELLING_SIMILARITY` alike by difflib's ratio over characters; `Helmut Kohl` /
    `Helmut Schmidt` and `Ronald Reagan` / `Donald Regan` are not alike.
    """
    return len(a) == len(b) and all(_misspelt(x, y, SPELLING_SIMILARITY) for x, y in zip(a, b, strict=True))


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two forms of one name: the same words in another order or case (`Woong-Bae Rha` / `Rha Woong Bae`), or run together."""
    return sorted(a) == sorted(b) or "".join(a) == "".join(b)


def _merge_holders(by_holder: Holders) -> Holders:
    """Join the holders of one office that are one person written differently.

    Holders are keyed by surname (`_speaker_key`), so `Reagan` and `Ronald Reagan` are
    one already. Also one: the same name words in another order or form (`Chun
    Doo-hwan` / `Chun Doo Hwan`), a misspelling (`_spelled_alike`), and a name whose
    words are all in exactly one other holder's name (`Rha` / `Rha Woong Bae`). The
    joined holder keeps the key with the most mentions.
    """
    keys = sorted(by_holder, key=lambda k: (-len(by_holder[k]), k))
    names = {k: {_name_words(str(f.value)) for _, f in by_holder[k]} - {()} for k in keys}
    union = UnionFind[str]()
    for k in keys:
        union.find(k)
    for a, b in itertools.combinations(keys, 2):
        if any(_same_person(x, y) or _spelled_alike(x, y) for x in names[a] for y in names[b]):
            union.union(a, b)
    for k in keys:
        for name in names[k]:
            wider = [o for o in keys if o != k and any(set(name) < set(other) for other in names[o])]
            if len(wider) == 1:
                union.union(k, wider[0])
    merged: Holders = {}
    for group in union.groups():
        main = min(group, key=keys.index)
        merged[main] = sorted((m for k in group for m in by_holder[k]), key=lambda m: (m[0], m[1].start))
    return merged


def _spelling_discrepancies(ctx: _Context, offices: dict[tuple[str, str], Holders]) -> Iterator[Discrepancy]:
    """Yield each office holder whose name is spelled in more than one way (`Caspar Weinberger` / `Caspar Weinburger`).

    Forms of one spelling (another order, case, hyphens, initials) are not reported;
    nor is a short form (`Reagan`).
    """
    for (title, org), by_holder in sorted(offices.items()):
        for mentions in by_holder.values():
            spellings: dict[tuple[str, ...], list[tuple[str, Fact]]] = defaultdict(list)
            for article, fact in mentions:
                words = _name_words(str(fact.value))
                form = next((s for s in spellings if _same_person(s, words)), words)
                spellings[form].append((article, fact))
            variants = [s for s in spellings if any(_spelled_alike(s, o) for o in spellings if o != s)]
            if len(variants) < 2:
                continue
            written = sorted({str(spellings[form][0][1].value) for form in variants})
            yield Discrepancy(
                id=_stable_id("person-spelling", title, org, written),
                story=None,
                kind=FactKind.PERSON,
                cls=DiscrepancyClass.COSMETIC,
                severity=Severity.LOW,
                subject=f"spelling of {_possessive(org)} {title}'s name",
                claims=_holder_claims(ctx, (m for form in variants for m in spellings[form])),
                reason=f"one holder of the office, the name spelled {len(written)} ways: {' / '.join(written)}",
            )


def _holder_claims(ctx: _Context, mentions: Iterable[tuple[str, Fact]]) -> tuple[Claim, ...]:
    """The claims of office-holder mentions, one per article and name, in text order."""
    claims: dict[tuple[str, object], Claim] = {}
    for article, fact in mentions:
        if (article, fact.value) not in claims:
            claims[(article, fact.value)] = Claim(article, fact, ctx.sentence_text(article, fact), ctx.articles[article].date)
    return tuple(sorted(claims.values(), key=lambda c: (c.article, c.fact.start)))


def _place_articles(
    ctx: _Context, offices: dict[tuple[str, str], dict[str, list[tuple[str, Fact]]]]
) -> dict[str, _Dated]:
    """Date every article; place an undated one after an office change it reports.

    An undated article that names the later of two successive holders of an office
    (each attested in dated articles) was written after the earlier holder's last
    dated mention.
    """
    placed = {aid: _Dated(_date(a.date)) for aid, a in ctx.articles.items()}
    for (title, org), by_holder in sorted(offices.items()):
        spans = {}
        for holder, mentions in by_holder.items():
            dates = [d for d in (placed[a].date for a, _ in mentions) if d is not None]
            if dates:
                spans[holder] = (min(dates), max(dates))
        for holder in sorted(spans):
            earlier = [(span[1], other) for other, span in spans.items() if span[1] < spans[holder][0]]
            if not earlier:
                continue
            last_earlier, other = max(earlier)
            name = {_speaker_key(str(f.value)): str(f.value) for _, f in by_holder[holder]}
            other_name = str(by_holder[other][0][1].value)
            for aid in sorted({a for a, _ in by_holder[holder]}):
                current = placed[aid]
                if current.date is None and (current.after is None or current.after < last_earlier):
                    placed[aid] = _Dated(
                        None,
                        last_earlier,
                        f"{aid} has no date; it names {name.get(holder, holder)} as {_possessive(org)} {title}, "
                        f"who followed {other_name} (named on {last_earlier.isoformat()})",
                    )
    return placed


def _classify_over_time(
    ctx: _Context, placed: dict[str, _Dated], sides: Sequence[set[str]]
) -> tuple[DiscrepancyClass, Severity, str]:
    """Decide `update` versus `conflict` for versions held by the article sets in `sides`.

    Dated versions closer than `update_days` are a conflict. Versions that are all
    dated (or placed after a dated change) are an update. Otherwise an undated
    article leaves the question open, which the reason says.
    """
    spans = [
        ([d for d in (placed[a].date for a in side) if d], [p for p in (placed[a].after for a in side) if p])
        for side in sides
    ]
    for (dates_x, _), (dates_y, _) in itertools.combinations(spans, 2):
        if dates_x and dates_y:
            gap = min(abs((x - y).days) for x in dates_x for y in dates_y)
            if gap < ctx.config.update_days:
                return (
                    DiscrepancyClass.CONFLICT,
                    Severity.HIGH,
                    f"articles {gap} days apart give different versions: too close for a change over time",
                )
    if all(dates or afters for dates, afters in spans):
        involved = set().union(*sides)
        evidence = sorted(placed[a].evidence or "" for a in involved if placed[a].evidence)
        reason = f"the versions are dated at least {ctx.config.update_days} days apart, or in a known order: a change over time"
        return DiscrepancyClass.UPDATE, Severity.LOW, "; ".join([reason, *evidence])
    return (
        DiscrepancyClass.CONFLICT,
        Severity.MEDIUM,
        "an article has no date, so factdiff cannot tell a change over time from an error",
    )


def _office_discrepancies(
    ctx: _Context,
    offices: dict[tuple[str, str], dict[str, list[tuple[str, Fact]]]],
    placed: dict[str, _Dated],
) -> Iterator[Discrepancy]:
    """Yield offices named with different holders anywhere in the input."""
    for (title, org), by_holder in sorted(offices.items()):
        if len(by_holder) < 2:
            continue
        sides = [{a for a, _ in mentions} for mentions in by_holder.values()]
        cls, severity, reason = _classify_over_time(ctx, placed, sides)
        yield Discrepancy(
            id=_stable_id("person", title, org, sorted(by_holder)),
            story=None,
            kind=FactKind.PERSON,
            cls=cls,
            severity=severity,
            subject=f"{_possessive(org)} {title}",
            claims=_holder_claims(ctx, (m for mentions in by_holder.values() for m in mentions)),
            reason=f"one office, {len(by_holder)} holders named; {reason}",
        )


def _standing_discrepancies(
    ctx: _Context, story_of: dict[str, str], placed: dict[str, _Dated]
) -> Iterator[Discrepancy]:
    """Yield standing figures (targets, standards) that differ between stories."""
    pool = []
    for aid in sorted(ctx.facts):
        for index, fact in enumerate(ctx.facts[aid]):
            if fact.kind not in AMOUNT_KINDS or not _subject(fact):
                continue
            if RE_STANDING.search(ctx.sentence_text(aid, fact)):
                pool.append(((aid, index), fact, ctx.places(aid, fact)))
    # One group per (subject, country or organisation): NATO's target and Japan's goal
    # are different figures even when one sentence names both.
    groups: dict[tuple[str, str, str, str], list[FactRef]] = defaultdict(list)
    for ref, fact, places in pool:
        for place in places:
            groups[(str(_subject(fact)), fact.unit or "", place, fact.kind.value)].append(ref)
    reported: set[tuple[FactRef, ...]] = set()
    for (subject, _unit, place, _kind), refs in sorted(groups.items()):
        if len({story_of[r[0]] for r in refs}) < 2:
            continue
        kept = [
            r for r in refs
            if not any(
                not _same_value(ctx.fact(r), ctx.fact(o)) and _states_value(ctx, r[0], ctx.fact(o))
                for o in refs if o[0] != r[0]
            )
        ]
        facts = [ctx.fact(r) for r in kept]
        if len({r[0] for r in kept}) < 2 or all(_same_value(facts[0], f) for f in facts):
            continue
        key = tuple(sorted(kept))
        if key in reported:
            continue
        reported.add(key)
        sides: dict[str, set[str]] = defaultdict(set)
        for ref, fact in zip(kept, facts, strict=True):
            sides[str(fact.value)].add(ref[0])
        cls, severity, why = _classify_over_time(ctx, placed, list(sides.values()))
        yield Discrepancy(
            id=_stable_id("standing", subject, place, sorted((r[0], str(f.value)) for r, f in zip(kept, facts, strict=True))),
            story=None,
            kind=facts[0].kind,
            cls=cls,
            severity=severity,
            subject=f"{place}: {_describe_subject(facts)}",
            claims=tuple(sorted((ctx.claim(r) for r in kept), key=lambda c: (c.article, c.fact.start))),
            reason=f"paired as a standing figure (a target or standard) about {subject} named with {place}; {why}",
        )


# --------------------------------------------------------------------------- entry point


def lone_article_kinds(article: Article) -> frozenset[FactKind]:
    """The kinds of fact `find_discrepancies` reads from an article that is a story of its own.

    Such an article is compared only through the world facts: the persons (offices
    are compared across the whole input) and, if a sentence names a standing figure
    (`RE_STANDING`: a target, a standard), its numbers, which
    `_standing_discrepancies` pairs across stories and searches for the other
    side's value. Its dates and quotations are never read; nor are dates among
    these kinds ever: an article's dates resolve against its date, which its story
    can still supply (`pipeline.early_work` extracts these kinds before then).
    """
    if any(RE_STANDING.search(sentence.text) for sentence in article.sentences):
        return AMOUNT_KINDS | {FactKind.PERSON}
    return frozenset({FactKind.PERSON})


def find_discrepancies(
    articles: Sequence[Article],
    facts: dict[str, tuple[Fact, ...]],
    stories: Sequence[Story],
    alignments: Iterable[Alignment],
    config: CompareConfig = CompareConfig(),
    *,
    within: Collection[str] | None = None,
) -> tuple[Discrepancy, ...]:
    """Compare the facts of every story, and the world facts of the whole input.

    `within`: the ids of the stories whose facts are compared with each other (all
    by default); the world facts are compared across every story either way. A
    check that keeps only the findings about some articles passes their stories.
    """
    ctx = comparison_context(articles, facts, alignments, config)
    found = [
        d
        for story in stories
        if len(story.articles) > 1 and (within is None or story.id in within)
        for d in story_discrepancies(ctx, story)
    ]
    found.extend(world_discrepancies(ctx, stories))
    return finish_discrepancies(found)


ComparisonContext = _Context  # what the pipeline holds between `comparison_context` and the comparisons


def comparison_context(
    articles: Sequence[Article],
    facts: dict[str, tuple[Fact, ...]],
    alignments: Iterable[Alignment],
    config: CompareConfig = CompareConfig(),
) -> _Context:
    """What `story_discrepancies` and `world_discrepancies` look up, with their caches."""
    return _Context({a.id: a for a in articles}, facts, _aligned_index(alignments), config)


def story_discrepancies(ctx: _Context, story: Story) -> list[Discrepancy]:
    """The discrepancies among the facts of one story's articles (numbers, quotations), unsorted.

    Reads the facts of the story's articles only, so stories can be compared in any
    order or in other processes (`pipeline.extract_and_compare`).
    """
    found: list[Discrepancy] = []
    for refs, reason in _numeric_groups(ctx, story):
        verdict = _classify_numeric(ctx, refs)
        if verdict is None:
            continue
        cls, severity, detail = verdict
        facts_in = [ctx.fact(r) for r in refs]
        found.append(
            Discrepancy(
                id=_stable_id(facts_in[0].kind.value, sorted((r[0], str(ctx.fact(r).value), ctx.fact(r).text) for r in refs)),
                story=story.id,
                kind=facts_in[0].kind,
                cls=cls,
                severity=severity,
                subject=_describe_subject(facts_in),
                claims=tuple(sorted((ctx.claim(r) for r in refs), key=lambda c: (c.article, c.fact.start))),
                reason=f"paired by {reason}; {detail}",
            )
        )
    for refs in _quote_groups(ctx, story):
        verdict_q = _classify_quotes(ctx, refs)
        if verdict_q is None:
            continue
        cls, severity, why, diff = verdict_q
        quote_facts = [ctx.fact(r) for r in refs]
        speaker = next((f.speaker for f in quote_facts if f.speaker), None)
        found.append(
            Discrepancy(
                id=_stable_id("quote", sorted((r[0], ctx.fact(r).text) for r in refs)),
                story=story.id,
                kind=FactKind.QUOTE,
                cls=cls,
                severity=severity,
                subject=f"quotation of {speaker}" if speaker else "quotation",
                claims=tuple(sorted((ctx.claim(r) for r in refs), key=lambda c: (c.article, c.fact.start))),
                reason=why,
                diff=diff,
            )
        )
    return found


def world_discrepancies(ctx: _Context, stories: Sequence[Story]) -> list[Discrepancy]:
    """The discrepancies across the whole input: office holders, spellings of names, standing figures."""
    offices = _office_holders(ctx)
    placed = _place_articles(ctx, offices)
    found = [*_office_discrepancies(ctx, offices, placed), *_spelling_discrepancies(ctx, offices)]
    story_of = {aid: s.id for s in stories for aid in s.articles}
    found.extend(_standing_discrepancies(ctx, story_of, placed))
    return found


def finish_discrepancies(found: Iterable[Discrepancy]) -> tuple[Discrepancy, ...]:
    """`found` numbered where ids repeat (`_unique_ids`) and in report order: severity, story, kind, subject."""
    return tuple(sorted(_unique_ids(list(found)), key=lambda d: (-d.severity.rank, d.story or "~", d.kind.value, d.subject, d.id)))


def _unique_ids(found: list[Discrepancy]) -> list[Discrepancy]:
    """Number the discrepancies whose claims have the same words (`D-…-2`, `D-…-3`).

    An id is a digest of the claims' articles and words, so two findings about the
    same words written twice in one sentence (`103.30 mln tonnes, vs 103.30 mln
    tonnes`) would share it. They are numbered in the order of their claims' places,
    which edits elsewhere in the articles keep.
    """
    counts = Counter(d.id for d in found)
    if all(n == 1 for n in counts.values()):
        return found
    order = sorted(found, key=lambda d: (d.id, [(c.article, c.fact.start) for c in d.claims]))
    seen: Counter[str] = Counter()
    renamed = {}
    for d in order:
        seen[d.id] += 1
        if counts[d.id] > 1 and seen[d.id] > 1:
            renamed[id(d)] = replace(d, id=f"{d.id}-{seen[d.id]}")
    return [renamed.get(id(d), d) for d in found]
