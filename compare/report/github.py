"""Render a check result as GitHub Actions workflow commands: annotations on the articles' lines.

Each discrepancy becomes one annotation, `::error file=PATH,line=N,title=...::message`
(high: `error`, medium: `warning`, low: `notice`), on the first claim whose article is
under check; claims from context articles (`--against`) are named in the message, never
annotated. Unreadable inputs become `::error file=PATH::cannot read: reason`.

Article text is untrusted and the runner reads every stdout line that starts with `::`
as a command, so every line we print is one of ours (`error`, `warning`, `notice`,
`group`, `endgroup`): data and properties are escaped as `@actions/core` does
(`escapeData`, `escapeProperty`), and before that every line break the runner or a log
viewer might honour (CR, LF, VT, FF, NEL, U+2028, U+2029) becomes a space and invisible
characters are shown as `\\uXXXX`, so `\\n::set-output ...` or `\\r\\n::stop-commands::`
inside an article stays inside our line.

GitHub shows at most 10 annotations of each level per step and 50 per job and drops
the rest silently. So at most `per_level` of each level and `per_job` in all are printed,
most severe first, and one notice slot and one job slot are kept for the totals
`::notice::` that always ends the output and says how many were not shown. Unreadable inputs come first and count
towards the caps like any other error, because GitHub counts them too.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from compare.records import CheckResult, Claim, Discrepancy, Severity
from compare.report.markdown import CLASS_ORDER, SEVERITY_ORDER, defuse

LEVEL = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "notice"}
VERSION_CHARS = 120  # a quotation is cut to this many characters in a message
GROUP = "factdiff annotations"


class Annotation(NamedTuple):
    """One workflow command: `::level file=...,line=...,title=...::message` (unescaped)."""

    level: str
    file: str | None
    line: int | None
    title: str
    message: str


def escape_data(text: str) -> str:
    """Escape a command's message like `@actions/core` `escapeData` (after `defuse`)."""
    return defuse(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value like `@actions/core` `escapeProperty` (after `defuse`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(annotation: Annotation) -> str:
    """The one output line of `annotation`."""
    properties = []
    if annotation.file is not None:
        properties.append(f"file={escape_property(annotation.file)}")
    if annotation.line is not None:
        properties.append(f"line={annotation.line}")
    properties.append(f"title={escape_property(annotation.title)}")
    return f"::{annotation.level} {','.join(properties)}::{escape_data(annotation.message)}"


def _version(claim: Claim, result: CheckResult) -> str:
    text = " ".join(claim.fact.text.split())
    if len(text) > VERSION_CHARS:
        text = text[: VERSION_CHARS - 1].rstrip() + "…"
    context = "" if result.in_scope(claim.article) else ", context"
    return f"{text} ({claim.article}, line {claim.fact.line}{context})"


def annotate(d: Discrepancy, result: CheckResult) -> Annotation:
    """The annotation of one discrepancy, on its first claim from an article under check."""
    paths = {a.id: a.path for a in result.articles}
    anchor = next((c for c in d.claims if result.in_scope(c.article)), None)
    versions = " vs ".join(_version(c, result) for c in d.claims)
    return Annotation(
        level=LEVEL[d.severity],
        file=paths.get(anchor.article) if anchor else None,
        line=anchor.fact.line if anchor else None,
        title=f"factdiff: {d.cls.value} · {d.subject}",
        message=f"{d.subject}: {versions}; {d.cls.value}, {d.severity.value} [{d.id}]",
    )


def _order(d: Discrepancy) -> tuple[int, bool, str, str]:
    return (-d.severity.rank, d.story is None, d.story or "", d.id)


def _totals(result: CheckResult, hidden: int, per_level: int, per_job: int, full_report: str | None) -> str:
    by_severity = Counter(d.severity for d in result.discrepancies)
    by_class = Counter(d.cls for d in result.discrepancies)
    severities = ", ".join(f"{by_severity[s]} {s.value}" for s in SEVERITY_ORDER)
    classes = ", ".join(f"{by_class[c]} {c.value}" for c in CLASS_ORDER if by_class[c])
    parts = [f"{len(result.discrepancies)} discrepancies ({severities}{'; ' + classes if classes else ''})"]
    if result.unreadable:
        parts.append(f"{len(result.unreadable)} inputs could not be read")
    if result.accepted:
        parts.append(f"{len(result.accepted)} accepted in the baseline")
    if result.stale:
        parts.append(f"{len(result.stale)} stale baseline entries")
    summary = "; ".join(parts)
    where = f"see {full_report}" if full_report else "run factdiff check with --format markdown or json for the full report"
    if hidden:
        summary += (
            f". {hidden} annotations not shown (GitHub shows at most {per_level} per level and {per_job} per job)"
        )
    return f"{summary}; {where}."


def render_github(result: CheckResult, *, per_level: int = 10, per_job: int = 50, full_report: str | None = None) -> str:
    """Render `result` as workflow commands for GitHub Actions (deterministic, LF line ends).

    Annotations are printed inside `::group::factdiff annotations`, at most
    `per_level` errors, `per_level` warnings, `per_level - 1` notices and
    `per_job - 1` in all (the totals notice at the end takes the last notice
    and job slots, so GitHub never drops it), unreadable inputs first, then
    discrepancies by severity, story and id. `full_report` names where the
    whole report is (e.g. "the full JSON report: factdiff.json").
    """
    if per_level < 1 or per_job < 1:
        raise ValueError(f"per_level and per_job must be at least 1 (the totals line), not {per_level} and {per_job}")
    candidates = [
        Annotation("error", s.path, None, "factdiff: cannot read", f"cannot read: {s.reason}")
        for s in sorted(result.unreadable, key=lambda s: s.path)
    ]
    candidates += [annotate(d, result) for d in sorted(result.discrepancies, key=_order)]
    # The totals line is a notice and an annotation of the job: it keeps one slot of each.
    room = Counter({"error": per_level, "warning": per_level, "notice": per_level - 1})
    shown: list[Annotation] = []
    for annotation in candidates:
        if len(shown) < per_job - 1 and room[annotation.level] > 0:
            room[annotation.level] -= 1
            shown.append(annotation)
    totals = _totals(result, len(candidates) - len(shown), per_level, per_job, full_report)
    lines = [f"::group::{GROUP}", *(command(a) for a in shown), "::endgroup::"]
    lines.append(command(Annotation("notice", None, None, "factdiff totals", totals)))
    return "\n".join(lines) + "\n"
