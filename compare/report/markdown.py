r"""Render a check result as a Markdown discrepancy report for editors and CI.

The report shows its evidence: every discrepancy lists each source's sentence as
written, with the disputed words in bold, and the line it stands on. Article text
is untrusted, so every piece of it goes through `cell` or `code_block`, which
guarantee, for GitHub's renderer (cmark-gfm with its extensions, raw HTML on or off):

- it cannot change the structure: `|` and line breaks cannot add cells or rows,
  backticks cannot close a fence;
- it cannot become markup: `< > &` are entities, Markdown punctuation
  (`` \ ` * _ ~ [ ] # ``) is backslash-escaped, so no element, link or image;
- it cannot link or notify: a zero-width space (U+200B) goes after every `@`
  (`@org/team` pings nobody, `a@b.com` is no mail link), between `#` and a
  following letter or digit (`#123` links no issue), after `:` before `//`
  (`https://x` is no autolink) and after `www` before `.`;
- it cannot hide or reorder itself: control characters (category Cc: C0, DEL,
  C1) and invisible format characters (category Cf: bidirectional overrides and
  isolates U+202A-U+202E, U+2066-U+2069, marks U+200E/U+200F, zero-width space
  U+200B, word joiner U+2060, BOM U+FEFF, tag characters...) are made visible as
  escapes such as `\u202e`, so an editor sees that they were there. Tabs and line
  breaks (also U+2028/U+2029) become spaces. Three Cf characters are kept because
  scripts and emoji need them and they cannot reorder text: U+200C ZERO WIDTH
  NON-JOINER, U+200D ZERO WIDTH JOINER and U+00AD SOFT HYPHEN.

- it cannot become a GitHub-only feature that cmark-gfm does not know: a `$` is
  backslash-escaped (no inline or display math: "$55 billion ... $60 billion"),
  a U+200B goes after the opening colon of `:word:` (no emoji shortcode), and
  every sixth character of a 7-40 character run of hex digits with at least
  one digit and one letter (a commit SHA that GitHub links in comments; `org/repo@sha`
  and `user@sha` are already broken at the `@`).

So the only invisible characters factdiff adds to a report are its own U+200B.
The output depends only on the result and the arguments: no clock, no paths
from the machine.

A report can be given a size budget (`max_bytes`): it is then built from whole
blocks (sections, tables, code blocks, list items), dropping the least severe
detail first, so it is always well-formed Markdown; see `render_markdown`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import regex
from tabulate import tabulate

from compare.comparison import UnionFind
from compare.records import (
    Article,
    BaselineEntry,
    Boilerplate,
    CheckResult,
    Claim,
    Discrepancy,
    DiscrepancyClass,
    Severity,
    Skipped,
)

SEVERITY_ORDER = (Severity.HIGH, Severity.MEDIUM, Severity.LOW)
CLASS_ORDER = (DiscrepancyClass.CONFLICT, DiscrepancyClass.UPDATE, DiscrepancyClass.REWORDED, DiscrepancyClass.COSMETIC)

# Characters that Markdown or HTML would read as syntax inside a table cell.
_ESCAPES = str.maketrans(
    {
        "|": "\\|",
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "~": "\\~",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
        "[": "\\[",
        "]": "\\]",
        "#": "\\#",
    }
)

# Line breaks and tabs: a cell is one line, a code line stays one line.
RE_BREAK = regex.compile(r"\r\n|[\r\n\t\v\f\x85\u2028\u2029]")

# Characters that control the terminal or hide or reorder text: made visible.
# Kept: U+200C/U+200D (joiners that Indic and Persian words and emoji sequences
# need) and U+00AD (soft hyphen, common in text copied from web pages).
RE_INVISIBLE = regex.compile(r"[\p{Cc}\p{Cf}--[\u200c\u200d\u00ad]]", regex.V1)

# Where GitHub would make a link, a notification or an emoji out of plain text:
# the position that gets a zero-width space. `@` pings users and teams and starts
# mail autolinks; `#123` (also `org/repo#123`) links an issue; `://` and `www.`
# start URL autolinks (cmark-gfm's autolink extension checks for exactly these);
# `:name:` is an emoji shortcode, matched after the Markdown escapes are applied
# (`:thumbs\_up:` still renders as `:thumbs_up:`, hence the `\\`).
RE_LINKING = regex.compile(
    r"(?<=@)|(?<=\#)(?=\w)|(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=:)(?=[\w+\-\\]+:)", regex.IGNORECASE
)

# A commit SHA as GitHub links it in comments: 7 to 40 hex digits standing alone.
# Only runs with a digit and a letter are broken: `1234567` is a number and
# `defaced` a word (GitHub links a SHA only if the commit exists, so these are
# left as written rather than sprinkled with invisible characters).
RE_SHA = regex.compile(r"(?<!\w)(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}(?!\w)", regex.IGNORECASE)
SHA_CHUNK = 6  # a U+200B after every 6 hex digits leaves no run GitHub would link

ZWSP = "\u200b"


def _visible(match: regex.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def defuse(text: str) -> str:
    """Line breaks to spaces, invisible characters to visible escapes (`\\u202e`)."""
    return RE_INVISIBLE.sub(_visible, RE_BREAK.sub(" ", text))


def _break_sha(match: regex.Match[str]) -> str:
    run = match.group()
    return ZWSP.join(run[i : i + SHA_CHUNK] for i in range(0, len(run), SHA_CHUNK))


def _escape(text: str, *, dollars: bool) -> str:
    escaped = defuse(text).translate(_ESCAPES)
    if dollars:
        escaped = escaped.replace("$", "\\$")
    return RE_SHA.sub(_break_sha, RE_LINKING.sub(ZWSP, escaped))


def cell(text: str | None) -> str:
    """Escape untrusted text for one Markdown table cell (or one line of prose).

    The result is one line that renders as the text itself, with invisible and
    control characters shown as `\\uXXXX`, every `$` escaped, and a U+200B where
    GitHub would link or show an emoji.
    """
    if not text:
        return ""
    return _escape(text, dollars=True)


def code_block(lines: Iterable[str]) -> list[str]:
    """Wrap untrusted lines in a fence longer than any backtick run inside them.

    Inside the fence nothing is markup and GitHub links nothing, so only line
    breaks (each given line stays one line) and invisible characters are treated.
    """
    body = [defuse(line) for line in lines]
    fence = "`" * max(3, _longest_backticks(body) + 1)
    return [fence + "text", *body, fence]


def _longest_backticks(lines: Iterable[str]) -> int:
    longest = 0
    for line in lines:
        run = 0
        for ch in line:
            run = run + 1 if ch == "`" else 0
            longest = max(longest, run)
    return longest


def _table(rows: list[list[str]], headers: list[str]) -> list[str]:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True).splitlines()


def _date_label(article: Article | None) -> str:
    if article is None or not article.date:
        return "unknown"
    if article.date_source in ("text", "story"):
        return f"{article.date} (inferred)"
    return article.date


def _highlight(claim: Claim, article: Article) -> str:
    """The claim's sentence with the fact's words in bold.

    The sentence is the whole cell, so its `$` are escaped only when it has two:
    a lone `$` cannot open math, and "$25 million" stays as written in the source.
    """
    sentence = article.sentences[claim.fact.sentence]
    start = claim.fact.start - sentence.start
    end = claim.fact.end - sentence.start
    text = sentence.text
    if not 0 <= start <= end <= len(text):
        return cell(text)
    dollars = text.count("$") > 1
    parts = (_escape(part, dollars=dollars) if part else "" for part in (text[:start], text[start:end], text[end:]))
    return "{}**{}**{}".format(*parts)


def _counts(discrepancies: Sequence[Discrepancy]) -> list[str]:
    """A table of `discrepancies` counted by class and severity."""
    by_class = Counter(d.cls for d in discrepancies)
    by_cell = Counter((d.cls, d.severity) for d in discrepancies)
    rows = [
        [cls.value, *(str(by_cell[(cls, sev)]) for sev in SEVERITY_ORDER), str(by_class[cls])]
        for cls in CLASS_ORDER
    ]
    return _table(rows, ["class", *(s.value for s in SEVERITY_ORDER), "total"])


def _summary(result: CheckResult) -> list[str]:
    articles = f"{len(result.articles)} processed"
    if result.scope is not None:
        under = sum(1 for a in result.articles if result.in_scope(a.id))
        articles += f" ({under} under check, {len(result.articles) - under} given as context with --against)"
    discrepancies = str(len(result.discrepancies))
    if result.accepted:
        discrepancies += f"; {len(result.accepted)} more accepted in the baseline, not shown"
    lines = [
        f"- Articles: {articles}, {len(result.unreadable)} skipped"
        + (f"; {len(result.ignored)} other paths in the folders not read" if result.ignored else ""),
        f"- Stories: {len(result.stories)} "
        f"({sum(1 for s in result.stories if len(s.articles) > 1)} with more than one article"
        + (
            f"; {sum(1 for s in result.stories if set(s.articles).intersection(result.scope))} "
            "with an article under check)"
            if result.scope is not None
            else ")"
        ),
        f"- Discrepancies: {discrepancies}",
    ]
    if result.stale:
        lines += [f"- Stale baseline entries: {len(result.stale)} (they match no discrepancy any more)"]
    return lines + [""] + _counts(result.discrepancies)


def _sources(result: CheckResult, shown: frozenset[str], only: frozenset[str] | None = None) -> list[str]:
    """The sources table of the `shown` articles and its notes; with `only`, just those articles.

    Every skipped input is listed, or with `only` and more than `LISTED_PER_REASON`
    of them, grouped by reason.
    """
    story_of = {aid: s.id for s in result.stories for aid in s.articles}
    listed = [a for a in result.articles if (only is None or a.id in only) and a.id in shown]
    rows = [
        [
            cell(a.id),
            cell(a.title),
            cell(a.outlet),
            cell(_date_label(a)),
            story_of.get(a.id, ""),
            str(len(a.sentences)),
            str(len(a.furniture)),
            "processed" if result.in_scope(a.id) else "context (--against)",
        ]
        for a in listed
    ]
    many = only is not None and len(result.unreadable) > LISTED_PER_REASON
    if not many:
        rows += [[cell(s.path), "", "", "", "", "", "", f"skipped: {cell(s.reason)}"] for s in result.unreadable]
    headers = ["id", "title", "outlet", "date", "story", "sentences", "furniture lines removed", "status"]
    lines = _table(rows, headers)
    if many:
        lines += _by_reason(result.unreadable, "Skipped (could not be read):")
    lines += _by_reason(result.ignored, "Not read (not articles; no error):")
    lines += _not_listed(len(result.articles) - len(shown), "context article", "in no story with an article under check")
    if len(listed) < len(shown):
        lines += ["", f"{len(shown) - len(listed):,} more articles were read and are in no discrepancy shown here."]
    lines += _boilerplate(result.boilerplate)
    noted = [a for a in listed if a.notes]
    if noted:
        lines += ["", "Notes on reading the inputs:"]
        lines += [f"- {cell(a.id)}: {cell(note)}" for a in noted for note in a.notes]
    inferred = [a for a in listed if a.date_source in ("text", "story")]
    undated = [a for a in listed if not a.date]
    if inferred:
        lines += ["", "Dates marked *inferred* come from the text or the story, not from the article's metadata:"]
        lines += [f"- {cell(a.id)}: {cell(a.date_evidence)}" for a in inferred]
    if undated:
        lines += [
            "",
            "Articles with no date: "
            + ", ".join(cell(a.id) for a in undated)
            + ". Checks that need a date (update or conflict over time) say so where they apply.",
        ]
    return lines


def _discrepancy(d: Discrepancy, articles: dict[str, Article]) -> list[str]:
    lines = [
        f"#### {d.severity.value.upper()} · {d.cls.value} · {cell(d.subject)} `{d.id}`",
        "",
        f"Why: {cell(d.reason)}.",
        "",
    ]
    rows = [
        [cell(c.article), cell(_date_label(articles.get(c.article))), _highlight(c, articles[c.article]), str(c.fact.line)]
        for c in d.claims
    ]
    lines += _table(rows, ["source", "date", "text as written", "line"])
    if d.diff:
        lines += ["", "Word-level diff (`[-removed-]`, `{+added+}`):", ""]
        lines += code_block(d.diff)
    return lines + [""]


def report_order(result: CheckResult) -> list[Discrepancy]:
    """The discrepancies in the order the report shows them: by story, then severity."""
    groups = [s.id for s in result.stories if len(s.articles) > 1] + [None]
    return [
        d
        for story in groups
        for severity in SEVERITY_ORDER
        for d in result.discrepancies
        if d.story == story and d.severity == severity
    ]


def _story_label(d: Discrepancy) -> str:
    return f"story {d.story}" if d.story is not None else "across stories"


def _id(text: str) -> str:
    """An id as a code span when it is plain (copyable as is), else escaped as a cell."""
    return f"`{text}`" if RE_PLAIN_ID.fullmatch(text) else cell(text)


RE_PLAIN_ID = regex.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]*")


def _accepted(accepted: Sequence[Discrepancy]) -> list[str]:
    rows = [
        [_id(d.id), d.severity.value, d.cls.value, _story_label(d), cell(d.subject)]
        for d in sorted(accepted, key=lambda d: d.id)
    ]
    return [
        "",
        "## Accepted in the baseline",
        "",
        f"Found but accepted in the baseline ({len(accepted)}), so not reported as findings:",
        "",
        *_table(rows, ["id", "severity", "class", "where", "subject"]),
    ]


def _stale(stale: Sequence[BaselineEntry]) -> list[str]:
    rows = [
        [_id(e.id), cell(e.kind), cell(e.cls), cell(e.subject), cell(", ".join(e.sources))]
        for e in sorted(stale, key=lambda e: e.id)
    ]
    return [
        "",
        "## Stale baseline entries",
        "",
        f"No discrepancy of this run matches these baseline entries ({len(stale)}), so they can be removed "
        "(`factdiff baseline` rewrites the file from the current articles, keeping the notes of entries it keeps):",
        "",
        *_table(rows, ["id", "kind", "class", "subject", "sources"]),
    ]


# ------------------------------------------------------------------ size budget

MIN_BYTES = 2_000
"""The smallest budget `render_markdown` accepts: the summary with its note always fits in it."""


@dataclass(frozen=True)
class _Plan:
    """What one rendering shows: which discrepancies in detail, and which optional parts."""

    detail: frozenset[str]  # ids of the discrepancies shown in full; the others are counted
    lists: bool = True  # list the ids and subjects of the discrepancies not shown in detail
    baseline: bool = True  # list the accepted and stale baseline entries
    stories: bool = True  # the story sections at all
    quiet: bool = True  # the sections of stories without a discrepancy (else one count line)
    sources: bool = True  # the sources table and its notes
    all_sources: bool = True  # every article in the sources table (else those in discrepancies)
    pointer: bool = True  # name `full_report` (else: run with --format json)


@dataclass
class _Report:
    """Renders one result under different plans, formatting each block once."""

    result: CheckResult
    max_bytes: int | None = None
    full_report: str | None = None
    articles: dict[str, Article] = field(init=False)
    order: list[Discrepancy] = field(init=False)
    sources: list[str] = field(init=False)
    involved_sources: list[str] = field(init=False)
    shown: frozenset[str] = field(init=False)
    blocks: dict[str, list[str]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.articles = {a.id: a for a in self.result.articles}
        self.order = report_order(self.result)
        self.shown = shown = self.result.listed_articles()
        self.sources = _sources(self.result, shown)
        involved = frozenset(c.article for d in self.result.discrepancies for c in d.claims)
        self.involved_sources = _sources(self.result, shown, involved)

    def everything(self) -> _Plan:
        return _Plan(frozenset(d.id for d in self.result.discrepancies))

    def render(self, plan: _Plan) -> str:
        result = self.result
        lines = ["# factdiff discrepancy report", "", "## Summary", ""]
        lines += _summary(result)
        shortened = plan != self.everything()
        if shortened:
            lines += ["", self._note(plan)]
        if plan.sources:
            lines += ["", "## Sources", ""]
            lines += self.sources if plan.all_sources else self.involved_sources
        if plan.stories:
            lines += self._stories(plan)
            hidden = [d for d in self.order if d.id not in plan.detail]
            if hidden:
                lines += self._hidden(hidden, plan)
        if plan.baseline and result.accepted:
            lines += _accepted(result.accepted)
        if plan.baseline and result.stale:
            lines += _stale(result.stale)
        return "\n".join(lines).rstrip("\n") + "\n"

    def _stories(self, plan: _Plan) -> list[str]:
        result = self.result
        lines: list[str] = []
        noisy = {d.story for d in result.discrepancies}
        stories = result.listed_stories()
        quiet = [s for s in stories if s.id not in noisy]
        quiet_ids = {s.id for s in quiet}
        for story in stories:
            if not plan.quiet and story.id in quiet_ids:
                continue
            lines += ["", f"## Story {story.id}: {', '.join(cell(a) for a in story.articles)}", ""]
            if len(story.articles) == 1:
                lines += ["Only one article covers this story; its facts are compared only across stories."]
                continue
            for group in copy_groups(story.near_duplicates):
                names = ", ".join(cell(a) for a in group[:-1]) + f" and {cell(group[-1])}"
                size = f" ({len(group):,} articles)" if len(group) > 2 else ""
                lines += [
                    f"Near-duplicates: {names} are versions of one copy{size}; "
                    "they do not confirm each other independently.",
                    "",
                ]
            found = [d for d in result.discrepancies if d.story == story.id]
            if not found:
                lines += ["No discrepancies."]
                continue
            lines += list(self._section(found, plan))
        if not plan.quiet and quiet:
            single = sum(1 for s in quiet if len(s.articles) == 1)
            lines += [
                "",
                f"## Other stories ({len(quiet):,})",
                "",
                f"{len(quiet):,} stories have no discrepancy ({single:,} of them covered by one article only); "
                f"they are not listed here; {self._pointer(plan)}.",
            ]
        lines += _not_listed(len(result.stories) - len(stories), "story", "of context articles only", "stories")
        across = [d for d in result.discrepancies if d.story is None]
        lines += ["", "## Across stories", ""]
        lines += ["Facts about the world rather than one event: who holds an office, standing figures.", ""]
        if across:
            lines += list(self._section(across, plan))
        else:
            lines += ["No discrepancies."]
        return lines

    def _section(self, discrepancies: list[Discrepancy], plan: _Plan) -> Iterator[str]:
        for severity in SEVERITY_ORDER:
            chosen = [d for d in discrepancies if d.severity == severity]
            if not chosen:
                continue
            yield f"### {severity.value.capitalize()} severity ({len(chosen)})"
            yield ""
            shown = [d for d in chosen if d.id in plan.detail]
            for d in shown:
                if d.id not in self.blocks:
                    self.blocks[d.id] = _discrepancy(d, self.articles)
                yield from self.blocks[d.id]
            if len(shown) < len(chosen):
                more = "more " if shown else ""
                yield f"{len(chosen) - len(shown)} {more}not shown in detail: counted under *Not shown in detail* below."
                yield ""

    def _hidden(self, hidden: list[Discrepancy], plan: _Plan) -> list[str]:
        lines = [
            "",
            "## Not shown in detail",
            "",
            f"To keep this report within {self.max_bytes or 0:,} bytes, the discrepancies below ({len(hidden)}) "
            f"are counted rather than shown; {self._pointer(plan)}.",
            "",
            *_counts(hidden),
        ]
        if plan.lists:
            lines += [""]
            lines += [
                f"- `{d.id}` {d.severity.value} · {d.cls.value} · {_story_label(d)} · {cell(d.subject)}" for d in hidden
            ]
        return lines

    def _pointer(self, plan: _Plan) -> str:
        if plan.pointer and self.full_report:
            return f"for everything, see {cell(self.full_report)}"
        return "run with `--format json` for the full report"

    def _note(self, plan: _Plan) -> str:
        if not plan.sources:
            what = "only the summary fits; the sources and the discrepancies are left out"
        elif not plan.stories:
            what = "the discrepancies are left out"
        else:
            hidden = len(self.result.discrepancies) - len(plan.detail)
            parts = [f"{hidden} of {len(self.result.discrepancies)} discrepancies are counted, not shown in detail"]
            if not plan.baseline and (self.result.accepted or self.result.stale):
                parts.append("the accepted and stale baseline entries are not listed")
            if not plan.quiet:
                parts.append("stories without a discrepancy are counted, not listed")
            if not plan.all_sources:
                parts.append("the sources table lists only the articles in discrepancies")
            what = "; ".join(parts if hidden else parts[1:])
        return f"**Shortened to fit {self.max_bytes or 0:,} bytes (UTF-8):** {what}; {self._pointer(plan)}."

    def plans(self) -> Iterator[_Plan]:
        """Ever shorter plans, in the order they are tried; see `render_markdown`."""
        highs = [d.id for d in self.order if d.severity is Severity.HIGH]
        mediums = [d.id for d in self.order if d.severity is Severity.MEDIUM]
        short = {"baseline": False, "quiet": False, "all_sources": False}
        yield _Plan(self.everything().detail, baseline=False)
        yield _Plan(self.everything().detail, baseline=False, quiet=False)
        yield _Plan(self.everything().detail, **short)
        for detail in (frozenset(highs + mediums), frozenset(highs)):
            yield _Plan(detail, **short)
            yield _Plan(detail, lists=False, **short)
        yield _Plan(frozenset(), stories=False, **short)
        yield _Plan(frozenset(), sources=False, stories=False, **short)
        yield _Plan(frozenset(), sources=False, stories=False, pointer=False, **short)

    def fits(self, text: str) -> bool:
        return self.max_bytes is None or len(text.encode("utf-8")) <= self.max_bytes

    def shortest_prefix(self, lists: bool) -> str | None:
        """The report with the longest prefix of high-severity detail that fits, or None."""
        highs = [d.id for d in self.order if d.severity is Severity.HIGH]
        best = None
        low, high = 0, len(highs)  # search the largest k in [low, high) that fits
        while low < high:
            k = (low + high) // 2
            text = self.render(_Plan(frozenset(highs[:k]), lists=lists, baseline=False, quiet=False, all_sources=False))
            if self.fits(text):
                best, low = text, k + 1
            else:
                high = k
        return best


def render_markdown(result: CheckResult, *, max_bytes: int | None = None, full_report: str | None = None) -> str:
    """Render `result` as a Markdown report (deterministic, LF line ends).

    With `max_bytes`, the report is at most that many bytes of UTF-8 (stricter
    than GitHub's limits, which count characters: 65,536 for a comment, 1 MiB
    for a job summary). A report that fits is the same as without a budget.
    Otherwise it is built from whole blocks, never cut inside a table or a code
    block, trying in turn:

    1. everything but the lists of accepted and stale baseline entries (their
       counts stay in the summary);
    2. stories without a discrepancy counted in one line instead of listed;
    3. the sources table cut to the articles that are in a discrepancy (and
       every skipped input), the others counted;
    4. low-severity detail collapsed: counted by class and severity under
       *Not shown in detail*, with a list of their ids and subjects, then without it;
    5. medium and low collapsed the same way;
    6. as much high-severity detail as fits, in report order (then without the list);
    7. the summary and the short sources; then the summary alone.

    Whenever something is left out, a note under the summary says what and
    where the whole report is: `full_report` (e.g. "the full JSON report:
    factdiff-report.json"), else "run with `--format json`".

    Raises ValueError if `max_bytes` is below `MIN_BYTES` (2,000), the
    budget under which even the summary is not guaranteed to fit.
    """
    if max_bytes is not None and max_bytes < MIN_BYTES:
        raise ValueError(f"a report needs at least {MIN_BYTES:,} bytes, not {max_bytes:,}")
    report = _Report(result, max_bytes, full_report)
    text = report.render(report.everything())
    if report.fits(text):
        return text
    tried: set[_Plan] = set()
    plans = list(report.plans())
    for plan in plans[:7]:
        if plan in tried:
            continue
        tried.add(plan)
        text = report.render(plan)
        if report.fits(text):
            return text
    for lists in (True, False):
        best = report.shortest_prefix(lists)
        if best is not None:
            return best
    for plan in plans[7:]:
        text = report.render(plan)
        if report.fits(text):
            return text
    raise ValueError(f"even the summary of this report does not fit in {max_bytes:,} bytes")




LISTED_PER_REASON = 20  # paths named per reason when many are grouped; the JSON report lists them all


def _by_reason(items: Sequence[Skipped], heading: str) -> list[str]:
    """`items` grouped by reason under `heading`, `LISTED_PER_REASON` paths named each: nothing vanishes unseen."""
    by_reason: dict[str, list[str]] = {}
    for item in items:
        by_reason.setdefault(item.reason, []).append(item.path)
    lines = ["", heading] if by_reason else []
    for reason, paths in sorted(by_reason.items()):
        named = ", ".join(cell(p) for p in paths[:LISTED_PER_REASON])
        more = f" and {len(paths) - LISTED_PER_REASON:,} more (listed in the JSON report)" if len(paths) > LISTED_PER_REASON else ""
        lines.append(f"- {cell(reason)}: {named}{more}")
    return lines


BOILERPLATE_SHOWN = 5  # boilerplate patterns named in the report; the JSON report lists them all


def _boilerplate(records: Sequence[Boilerplate]) -> list[str]:
    """The most widespread boilerplate patterns, each with its first sentence."""
    if not records:
        return []
    lines = ["", "Boilerplate, aligned with nothing (too widespread to tell a story; `boilerplate-articles` in the settings):"]
    for b in records[:BOILERPLATE_SHOWN]:
        where = f"{cell(b.article)}, line {b.line}"
        if b.paired:
            spread = (
                f"{_count(b.sentences, 'sentence')} of this pattern in {_count(b.articles, 'article')}, "
                "each aligned with sentences of too many articles"
            )
        else:
            spread = f"this pattern is in {_count(b.articles, 'article')}"
        lines.append(f"- “{cell(' '.join(b.text.split()))}” ({where}): {spread}")
    if len(records) > BOILERPLATE_SHOWN:
        lines.append(f"- and {_count(len(records) - BOILERPLATE_SHOWN, 'more pattern')} (listed in the JSON report)")
    return lines


def _not_listed(number: int, noun: str, which: str, plural: str | None = None) -> list[str]:
    """The line that counts what an `--against` report leaves out, if anything."""
    if not number:
        return []
    return ["", f"Not listed: {_count(number, noun, plural)} {which} (--against)."]


def _count(number: int, noun: str, plural: str | None = None) -> str:
    """`1 story`, `2 stories`, `1,204 context articles`."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


def copy_groups(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Join near-duplicate pairs into groups of copies, each sorted.

    Forty copies of one wire story are one line of the report, not 780 pairs.
    """
    union = UnionFind[str]()
    for left, right in pairs:
        union.union(left, right)
    return union.groups()
