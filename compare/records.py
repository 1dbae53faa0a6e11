"""Immutable records passed between the pipeline stages.

Every offset is a character offset into `Article.text`, the file's decoded text
(after a byte-order mark is dropped), so `article.text[x.start:x.end] == x.text`
holds for every sentence and every fact. Lines are 1-based lines of that text.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple


class Span(NamedTuple):
    """A half-open character range `[start, end)` of an article's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article body.

    Invariant: `article.text[start:end] == text`; `line` is the line of `start`.
    A direct quotation that runs over several sentences stays inside one sentence.
    """

    index: int
    text: str
    start: int
    end: int
    line: int
    paragraph: int


@dataclass(frozen=True)
class Article:
    """A decoded input article with its metadata and its body split into sentences.

    `date` is an ISO date (`2025-03-30`) or None; `date_source` says where it came
    from (`front matter`, `header`, `html metadata` (a web page's meta tags), `json field`,
    `given`, `text`, `story`); for `text` and `story` `date_evidence` gives
    the words it was inferred from. `furniture` lists the 1-based lines removed as
    page furniture (advertising, copyright, navigation) before alignment.

    `path` names the input: a file, `-` for standard input, or `export.jsonl:17`
    (line 17) / `export.json[3]` (item 3) for one article of a JSON export.

    `source_lines` says which line of the input file each part of `text` was
    written on, when `text` is not the file itself (the article extracted from an
    HTML page): `(offset, line)` pairs sorted by offset, the first at offset 0;
    `text[offset:next_offset]` came from 1-based `line` of the file. Empty: the
    lines of `text` are the file's lines. Either way `line_of` gives the line a
    report should show, and every `Sentence.line` and `Fact.line` is one.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    date_source: str | None = None
    date_evidence: str | None = None
    url: str | None = None
    author: str | None = None
    sentences: tuple[Sentence, ...] = ()
    furniture: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    source_lines: tuple[tuple[int, int], ...] = ()

    def line_of(self, offset: int) -> int:
        """Return the 1-based line of the input file that character `offset` came from."""
        if self.source_lines:
            index = bisect.bisect_right(self.source_lines, offset, key=lambda anchor: anchor[0])
            return self.source_lines[max(index - 1, 0)][1]
        return self.text.count("\n", 0, offset) + 1


@dataclass(frozen=True)
class Skipped:
    """An input that could not be processed, with the reason, kept for the report.

    `ignored` marks a path found in a folder that is not an article file (a PDF,
    an image, a hidden file, a linked folder): listed in the report so nothing
    vanishes unseen, but not an error of the run.
    """

    path: str
    reason: str
    ignored: bool = False


def unreadable(skipped: Iterable[Skipped]) -> tuple[Skipped, ...]:
    """The inputs that could not be read (each one makes the exit status 2)."""
    return tuple(s for s in skipped if not s.ignored)


def ignored(skipped: Iterable[Skipped]) -> tuple[Skipped, ...]:
    """The paths in the input folders that are not article files, with why."""
    return tuple(s for s in skipped if s.ignored)


class FactKind(enum.StrEnum):
    """The closed set of fact kinds, in report order."""

    QUANTITY = "quantity"
    PERCENT = "percent"
    MONEY = "money"
    DATE = "date"
    AGE = "age"
    RANK = "rank"
    QUOTE = "quote"
    PERSON = "person"


# Amounts: what `extract.numbers` finds. Ranks (positions: "the second-largest") are
# numeric too, compared like amounts within a story, but never a target or standard.
AMOUNT_KINDS = frozenset({FactKind.QUANTITY, FactKind.PERCENT, FactKind.MONEY, FactKind.AGE})
NUMERIC_KINDS = AMOUNT_KINDS | {FactKind.RANK}


@dataclass(frozen=True)
class Fact:
    """One extracted fact.

    Invariant: `article.text[start:end] == text`.

    - `value`: a float for quantity/percent/money/age (the lower bound of a range) and
      for a rank (the position: 2.0 for "second-largest"),
      an ISO date (`2025-03-30`, `2025-06` for a month, `2025` for a year) for dates,
      the quotation's words for quotes, the full name for persons.
    - `high`: the upper bound of a range (`40-50%` -> value 40, high 50), else None.
    - `unit`: unit of measure or currency code (`USD`, `JPY`, `%`,
      `percentage points`, `km`), else None.
    - `counts`: what a number counts or measures (`troops`, `US military personnel`,
      `GDP`); for a person, None.
    - `qualifier`: hedge or direction (`about`, `more than`, `at least`, `up to`,
      `up`, `down`), or both for a hedged change, direction first (`up nearly` for
      "rose nearly 57%", `down more than`; see `comparison.change_of`, `hedge_of`), else None.
    - `speaker`, `cue`: for quotes, who said it (a full name where it could be
      resolved) and the verb (`said`, `told`).
    - `title`: for persons, the normalised title (`defense minister`); `org` the
      country or organisation the title belongs to (`Japan`), where known.
    - `former`: the text marks the title as no longer held ("former", "at the time").
    - `measures`: for a numeric fact, the thing the amount is a value of, or its owner,
      as written in its sentence with whitespace collapsed (`driving range` for "the
      driving range rose by 35 miles", `Ford` for "Ford, which has 13000 workers"), or,
      for a pronoun subject, as written in an earlier sentence of its paragraph (`Acme`
      for "It has 20 shops" after "Acme employs 300 people."), else None. Kept apart from `counts`, on which facts are paired (see
      `compare.extract.measures`).
    """

    kind: FactKind
    text: str
    value: float | str
    start: int
    end: int
    line: int
    sentence: int
    high: float | None = None
    unit: str | None = None
    counts: str | None = None
    qualifier: str | None = None
    speaker: str | None = None
    cue: str | None = None
    title: str | None = None
    org: str | None = None
    former: bool = False
    measures: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class SentencePair:
    """Two sentences from two articles that report the same thing, with their score."""

    left: int
    right: int
    score: float


@dataclass(frozen=True)
class Alignment:
    """The aligned sentences of two articles (`left` < `right` by id)."""

    left: str
    right: str
    pairs: tuple[SentencePair, ...]
    coverage: float

    @property
    def key(self) -> tuple[str, str]:
        return (self.left, self.right)


@dataclass(frozen=True)
class Story:
    """Articles that cover the same story; `near_duplicates` are copies of one text."""

    id: str
    articles: tuple[str, ...]
    near_duplicates: tuple[tuple[str, str], ...] = ()


Shape = tuple[str, ...]  # a sentence's folded tokens with numbers masked (`align.sentence_shape`)


@dataclass(frozen=True)
class Boilerplate:
    """Sentences of one shape that align with nothing, being too widespread: one record, not pairs.

    Either the shape itself is in more than `AlignConfig.boilerplate_articles`
    articles (`paired` False: a disclaimer, `Terms were not disclosed.`, the rows of
    a results table), or each of these sentences aligns with sentences of more
    than that many other articles (`paired` True: the variants of a template line).
    Such sentences would pair every article that carries them and link unrelated
    articles into one story. `articles` and `sentences` count them; `article`,
    `line` and `text` are those of the first, in article id order, shown as the
    example; `ids` are the articles that carry them.
    """

    shape: Shape
    paired: bool
    articles: int
    sentences: int
    article: str
    line: int
    text: str
    ids: frozenset[str] = field(default=frozenset(), repr=False)


class DiscrepancyClass(enum.StrEnum):
    """How two versions of a fact differ."""

    CONFLICT = "conflict"
    REWORDED = "reworded"
    COSMETIC = "cosmetic"
    UPDATE = "update"


class Severity(enum.StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        return {"high": 3, "medium": 2, "low": 1}[self.value]


@dataclass(frozen=True)
class Claim:
    """One source's version of a disputed fact."""

    article: str
    fact: Fact
    sentence: str
    date: str | None = None


@dataclass(frozen=True)
class Discrepancy:
    """A fact on which the sources disagree, with every source's version.

    `story` is None for a fact compared across stories (who holds an office).
    `reason` explains to an editor why the claims were paired and how they were
    classified; `diff` holds a word-level diff for quotations.
    """

    id: str
    story: str | None
    kind: FactKind
    cls: DiscrepancyClass
    severity: Severity
    subject: str
    claims: tuple[Claim, ...]
    reason: str
    diff: tuple[str, ...] = ()


@dataclass(frozen=True)
class BaselineEntry:
    """A discrepancy an editor has accepted: matched by `id`, described for people."""

    id: str
    kind: str
    cls: str
    subject: str
    sources: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one run of the pipeline over a set of inputs.

    `scope` holds the ids of the articles under check when others were given only
    as context (`--against`); None means every article is under check, and only
    discrepancies with a claim from an article in scope are kept. `accepted` are
    discrepancies found but listed in the baseline, so not reported as findings;
    `stale` are baseline entries that no discrepancy of this run matched.
    `facts` are those the comparison read: every fact of an article that shares its
    story, and only the kinds compared across stories (persons; numbers, where a
    sentence names a target or standard) of an article alone in its story
    (`pipeline.extract_and_compare`); `factdiff facts` gives an article's every fact.
    """

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]
    facts: dict[str, tuple[Fact, ...]] = field(hash=False, compare=False)
    stories: tuple[Story, ...]
    alignments: tuple[Alignment, ...]
    discrepancies: tuple[Discrepancy, ...]
    scope: tuple[str, ...] | None = None
    accepted: tuple[Discrepancy, ...] = ()
    stale: tuple[BaselineEntry, ...] = ()
    boilerplate: tuple[Boilerplate, ...] = ()

    @property
    def unreadable(self) -> tuple[Skipped, ...]:
        """The inputs that could not be read (each one makes the exit status 2)."""
        return unreadable(self.skipped)

    @property
    def ignored(self) -> tuple[Skipped, ...]:
        """The paths in the input folders that are not article files, with why."""
        return ignored(self.skipped)

    def in_scope(self, article_id: str) -> bool:
        """True if `article_id` is under check, not context given with `--against`."""
        return self.scope is None or article_id in self.scope

    def listed_articles(self) -> frozenset[str]:
        """The articles a report lists: all, or with `--against` those under check, the context in
        their stories and every article a discrepancy cites (one across stories, too).

        The other context articles bear on no finding of the run; reports count
        them instead of listing them (the archive has them all).
        """
        if self.scope is None:
            return frozenset(a.id for a in self.articles)
        ids = set(self.scope)
        for story in self.stories:
            if ids.intersection(story.articles):
                ids.update(story.articles)
        ids.update(c.article for d in (*self.discrepancies, *self.accepted) for c in d.claims)
        return frozenset(ids)

    def listed_stories(self) -> tuple[Story, ...]:
        """The stories a report lists: those of the `listed_articles`."""
        listed = self.listed_articles()
        return tuple(s for s in self.stories if listed.intersection(s.articles))

    def return_code(self, fail_on: Severity | None) -> int:
        """The exit status of a run: 2 if an input was skipped, 1 if a discrepancy
        is at or above `fail_on` (None: never fail on discrepancies), else 0."""
        if self.unreadable:
            return 2
        if fail_on is not None and any(d.severity.rank >= fail_on.rank for d in self.discrepancies):
            return 1
        return 0
