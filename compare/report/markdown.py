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

So the only invisible characters factdiff adds to a report are its own U+200B.
The output depends only on the result: no clock, no paths from the machine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import regex
from tabulate import tabulate

from compare.records import (
    Article,
    CheckResult,
    Claim,
    Discrepancy,
    DiscrepancyClass,
    Severity,
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

# Where GitHub would make a link or a notification out of plain text: the
# position that gets a zero-width space. `@` pings users and teams and starts
# mail autolinks; `#123` (also `org/repo#123`) links an issue; `://` and `www.`
# start URL autolinks (cmark-gfm's autolink extension checks for exactly these).
RE_LINKING = regex.compile(r"(?<=@)|(?<=\#)(?=\w)|(?<=:)(?=//)|(?<=\bwww)(?=\.)", regex.IGNORECASE)

ZWSP = "\u200b"


def _visible(match: regex.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _defuse(text: str) -> str:
    """Line breaks to spaces, invisible characters to visible escapes."""
    return RE_INVISIBLE.sub(_visible, RE_BREAK.sub(" ", text))


def cell(text: str | None) -> str:
    """Escape untrusted text for one Markdown table cell (or one line of prose).

    The result is one line that renders as the text itself, with invisible and
    control characters shown as `\\uXXXX` and a U+200B where GitHub would link.
    """
    if not text:
        return ""
    return RE_LINKING.sub(ZWSP, _defuse(text).translate(_ESCAPES))


def code_block(lines: Iterable[str]) -> list[str]:
    """Wrap untrusted lines in a fence longer than any backtick run inside them.

    Inside the fence nothing is markup and GitHub links nothing, so only line
    breaks (each given line stays one line) and invisible characters are treated.
    """
    body = [_defuse(line) for line in lines]
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
    """The claim's sentence with the fact's words in bold."""
    sentence = article.sentences[claim.fact.sentence]
    start = claim.fact.start - sentence.start
    end = claim.fact.end - sentence.start
    text = sentence.text
    if not 0 <= start <= end <= len(text):
        return cell(text)
    return f"{cell(text[:start])}**{cell(text[start:end])}**{cell(text[end:])}"


def _summary(result: CheckResult) -> list[str]:
    by_class = Counter(d.cls for d in result.discrepancies)
    by_cell = Counter((d.cls, d.severity) for d in result.discrepancies)
    lines = [
        f"- Articles: {len(result.articles)} processed, {len(result.skipped)} skipped",
        f"- Stories: {len(result.stories)} "
        f"({sum(1 for s in result.stories if len(s.articles) > 1)} with more than one article)",
        f"- Discrepancies: {len(result.discrepancies)}",
        "",
    ]
    rows = [
        [cls.value, *(str(by_cell[(cls, sev)]) for sev in SEVERITY_ORDER), str(by_class[cls])]
        for cls in CLASS_ORDER
    ]
    return lines + _table(rows, ["class", *(s.value for s in SEVERITY_ORDER), "total"])


def _sources(result: CheckResult) -> list[str]:
    story_of = {aid: s.id for s in result.stories for aid in s.articles}
    rows = [
        [
            cell(a.id),
            cell(a.title),
            cell(a.outlet),
            cell(_date_label(a)),
            story_of.get(a.id, ""),
            str(len(a.sentences)),
            str(len(a.furniture)),
            "processed",
        ]
        for a in result.articles
    ]
    rows += [[cell(s.path), "", "", "", "", "", "", f"skipped: {cell(s.reason)}"] for s in result.skipped]
    headers = ["id", "title", "outlet", "date", "story", "sentences", "furniture lines removed", "status"]
    lines = _table(rows, headers)
    noted = [a for a in result.articles if a.notes]
    if noted:
        lines += ["", "Notes on reading the inputs:"]
        lines += [f"- {cell(a.id)}: {cell(note)}" for a in noted for note in a.notes]
    inferred = [a for a in result.articles if a.date_source in ("text", "story")]
    undated = [a for a in result.articles if not a.date]
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


def _section(discrepancies: list[Discrepancy], articles: dict[str, Article]) -> Iterator[str]:
    for severity in SEVERITY_ORDER:
        chosen = [d for d in discrepancies if d.severity == severity]
        if not chosen:
            continue
        yield f"### {severity.value.capitalize()} severity ({len(chosen)})"
        yield ""
        for d in chosen:
            yield from _discrepancy(d, articles)


def render_markdown(result: CheckResult) -> str:
    """Render `result` as a Markdown report (deterministic, LF line ends)."""
    articles = {a.id: a for a in result.articles}
    lines = ["# factdiff discrepancy report", "", "## Summary", ""]
    lines += _summary(result)
    lines += ["", "## Sources", ""]
    lines += _sources(result)
    for story in result.stories:
        lines += ["", f"## Story {story.id}: {', '.join(cell(a) for a in story.articles)}", ""]
        if len(story.articles) == 1:
            lines += ["Only one article covers this story; its facts are compared only across stories."]
            continue
        for left, right in story.near_duplicates:
            lines += [
                f"Near-duplicates: {cell(left)} and {cell(right)} are versions of one copy; "
                "they do not confirm each other independently.",
                "",
            ]
        found = [d for d in result.discrepancies if d.story == story.id]
        if not found:
            lines += ["No discrepancies."]
            continue
        lines += list(_section(found, articles))
    across = [d for d in result.discrepancies if d.story is None]
    lines += ["", "## Across stories", ""]
    lines += ["Facts about the world rather than one event: who holds an office, standing figures.", ""]
    if across:
        lines += list(_section(across, articles))
    else:
        lines += ["No discrepancies."]
    return "\n".join(lines).rstrip("\n") + "\n"
