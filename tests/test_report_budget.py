"""The Markdown report within a size budget: whole blocks dropped, least severe first, always well-formed."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest
import regex

from compare.pipeline import run_check
from compare.records import (
    Article,
    CheckResult,
    Claim,
    Discrepancy,
    DiscrepancyClass,
    Fact,
    FactKind,
    Sentence,
    Severity,
    Story,
)
from compare.report import render_markdown
from compare.report.markdown import MIN_BYTES

cmarkgfm = pytest.importorskip("cmarkgfm")
from test_report_safety import Rendered, assert_nothing_injected, render  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BIG = 180  # discrepancies per severity: over 1 MiB in full
CLASSES = list(DiscrepancyClass)
RE_DETAIL = regex.compile(r"^#### (?P<severity>[A-Z]+) · .* `(?P<id>D-[0-9a-f]+)`$", regex.MULTILINE)
FILLER = ("Officials at the ministry said on Tuesday that {n} troops had arrived at the base near the border, "
          "adding that more would follow & that the \u00abfigure\u00bb | could change as units report in. ")


def make_article(aid: str, sentences: list[str]) -> Article:
    spans, start = [], 0
    for i, text in enumerate(sentences):
        spans.append(Sentence(i, text, start, start + len(text), i + 1, i))
        start += len(text) + 1
    return Article(id=aid, path=f"{aid}.txt", text="\n".join(sentences) + "\n", title=f"Troops {aid}",
                   date="2025-03-30", date_source="front matter", sentences=tuple(spans))


def claim(article: Article, index: int, surface: str) -> Claim:
    sentence = article.sentences[index]
    start = sentence.start + sentence.text.index(surface)
    fact = Fact(FactKind.QUANTITY, surface, 1.0, start, start + len(surface), sentence.line, index, counts="troops")
    return Claim(article.id, fact, sentence.text, article.date)


@cache
def big(per_severity: int, repeat: int = 2, stories: int = 7) -> CheckResult:
    """Three articles disagreeing `3 * per_severity` times, interleaved severities, over `stories` stories."""
    severities = [Severity.HIGH, Severity.MEDIUM, Severity.LOW] * per_severity
    articles = [
        make_article(aid, [(FILLER * repeat).format(n=f"{base + i:,}") for i in range(len(severities))])
        for aid, base in (("a", 10_000), ("b", 20_000), ("c", 30_000))
    ]
    found = tuple(
        Discrepancy(
            id=f"D-{i:010x}", story=f"S{i % stories}" if i % 11 else None, kind=FactKind.QUANTITY,
            cls=CLASSES[i % len(CLASSES)], severity=severity, subject=f"quantity: troops #{i}",
            reason="paired by same subject (troops), close values",
            claims=tuple(claim(a, i, f"{base + i:,}") for a, base in zip(articles, (10_000, 20_000, 30_000), strict=True)),
            diff=(f"a → b: [-{i}-] {{+{i + 1}+}}",) if i % 5 == 0 else (),
        )
        for i, severity in enumerate(severities)
    )
    return CheckResult(
        articles=tuple(articles), skipped=(), facts={}, alignments=(), discrepancies=found,
        stories=tuple(Story(f"S{k}", ("a", "b", "c")) for k in range(stories)),
    )


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def detailed(markdown: str) -> list[tuple[str, str]]:
    """(severity, id) of every discrepancy shown in detail, in report order."""
    return [(m["severity"].lower(), m["id"]) for m in RE_DETAIL.finditer(markdown)]


def assert_well_formed(markdown: str) -> None:
    """Fences pair up and GitHub's renderer sees every table row with its header's cell count."""
    fences = [line for line in markdown.splitlines() if line.startswith("```")]
    assert len(fences) % 2 == 0
    assert all(opening == "```text" and closing == "```" for opening, closing in zip(fences[::2], fences[1::2], strict=True))
    page = Rendered(render(markdown, unsafe=False))
    assert all(len(row) == len(table[0]) for table in page.tables for row in table)
    assert not any("####" in text or "## " in text for text in page.code)  # no fence swallowed a heading
    assert_nothing_injected(page)


def test_the_big_result_is_bigger_than_a_mebibyte() -> None:
    """The synthetic result needs every step of the budget (it is over 1 MiB in full)."""
    assert size(render_markdown(big(BIG))) > 1 << 20


@pytest.mark.parametrize("budget", [1 << 20, 500_000, 200_000, 65_536, 20_000, 8_000, 4_000, MIN_BYTES])
def test_report_fits_its_budget_and_stays_well_formed(budget: int) -> None:
    """Every budget is met in UTF-8 bytes, with well-formed tables and fences."""
    markdown = render_markdown(big(BIG), max_bytes=budget)
    assert size(markdown) <= budget
    assert markdown.endswith("\n") and not markdown.endswith("\n\n")
    assert_well_formed(markdown)
    assert f"**Shortened to fit {budget:,} bytes (UTF-8):**" in markdown


@pytest.mark.parametrize("budget", [1 << 20, 500_000, 200_000, 65_536, 20_000])
def test_high_detail_is_kept_before_medium_and_medium_before_low(budget: int) -> None:
    """Severities collapse from the lowest: a severity in detail means every higher one is complete."""
    result = big(BIG)
    markdown = render_markdown(result, max_bytes=budget)
    shown = detailed(markdown)
    total = {s.value: sum(1 for d in result.discrepancies if d.severity is s) for s in Severity}
    count = {s: sum(1 for sev, _ in shown if sev == s) for s in total}
    if count["low"]:
        assert (total["high"], total["medium"]) == (count["high"], count["medium"])
    if count["medium"]:
        assert total["high"] == count["high"]
    assert count["high"] > 0


def test_collapsed_discrepancies_are_counted_and_listed() -> None:
    """Not shown in detail: a count table (whose total matches) and one list item per id and subject."""
    result = big(BIG)
    markdown = render_markdown(result, max_bytes=600_000, full_report="the full JSON report: out.json")
    shown = {i for _, i in detailed(markdown)}
    hidden = [d for d in result.discrepancies if d.id not in shown]
    assert hidden and {d.severity for d in hidden} <= {Severity.LOW, Severity.MEDIUM}
    section = markdown.split("## Not shown in detail\n", 1)[1]
    page = Rendered(render(section, unsafe=False))
    assert str(len(hidden)) == str(sum(int(row[-1]) for row in page.tables[0][1:]))
    listed = regex.findall(r"^- `(D-[0-9a-f]+)` ", section, flags=regex.MULTILINE)
    assert sorted(d.id for d in hidden) == sorted(listed)
    assert "see the full JSON report: out.json" in markdown


def test_partial_high_detail_is_a_prefix_in_report_order() -> None:
    """When not even all high-severity detail fits, the first ones in report order are shown."""
    result = big(BIG)
    full = detailed(render_markdown(result))
    markdown = render_markdown(result, max_bytes=20_000)
    shown = detailed(markdown)
    highs = [x for x in full if x[0] == "high"]
    assert 0 < len(shown) < len(highs)
    assert highs[: len(shown)] == shown
    assert "run with `--format json` for the full report" in markdown


def test_smallest_budget_keeps_the_summary() -> None:
    """At the minimum, the summary and a note remain; below it, ValueError."""
    markdown = render_markdown(big(BIG), max_bytes=MIN_BYTES, full_report="the full JSON report: " + "x" * 3000)
    assert size(markdown) <= MIN_BYTES
    assert "## Summary" in markdown and "## Sources" not in markdown
    assert "only the summary fits" in markdown
    with pytest.raises(ValueError, match="at least 2,000 bytes"):
        render_markdown(big(BIG), max_bytes=MIN_BYTES - 1)


def test_budget_counts_bytes_not_characters() -> None:
    """A report of multi-byte text is measured in UTF-8 bytes, stricter than GitHub's character count."""
    result = big(40)
    wide = replace(result, articles=tuple(replace(a, title="\u4e2d" * 400) for a in result.articles))
    markdown = render_markdown(wide, max_bytes=30_000)
    assert len(markdown) < size(markdown) <= 30_000


def test_report_that_fits_is_unchanged() -> None:
    """Under its budget the report is byte-identical to the unbudgeted one (seeds: reports/seeds.md)."""
    result = run_check([str(ROOT / "seeds")])
    expected = (ROOT / "reports" / "seeds.md").read_text(encoding="utf-8")
    assert expected == render_markdown(result, max_bytes=65_536)
    assert expected == render_markdown(result, max_bytes=size(expected))
    assert render_markdown(big(10)) == render_markdown(big(10), max_bytes=1 << 20)


def test_just_under_the_full_size_drops_only_the_baseline_lists() -> None:
    """The first thing to go is the list of accepted and stale entries; every finding stays in detail."""
    result = big(10)
    accepted = replace(result, discrepancies=result.discrepancies[1:], accepted=result.discrepancies[:1])
    full = render_markdown(accepted)
    markdown = render_markdown(accepted, max_bytes=size(full) - 1)
    assert "## Accepted in the baseline" in full and "## Accepted in the baseline" not in markdown
    assert detailed(full) == detailed(markdown)
    assert "the accepted and stale baseline entries are not listed" in markdown


def test_many_quiet_articles_give_way_before_findings() -> None:
    """With 3,000 articles of which two disagree, the findings stay; quiet stories and sources are counted."""
    result = big(1, stories=1)
    quiet = tuple(make_article(f"q{i:04d}", [f"Nothing happened in town number {i} on Tuesday."]) for i in range(3000))
    result = replace(
        result,
        articles=result.articles + quiet,
        stories=result.stories + tuple(Story(f"Q{i}", (a.id,)) for i, a in enumerate(quiet)),
    )
    assert size(render_markdown(result)) > 65_536
    text = render_markdown(result, max_bytes=65_536, full_report="the full JSON report: r.json")
    assert size(text) <= 65_536
    assert {d.id for d in result.discrepancies} == {m.group("id") for m in RE_DETAIL.finditer(text)}
    assert "stories without a discrepancy are counted, not listed" in text
    assert "## Other stories (3,000)" in text
    assert "3,000 more articles were read and are in no discrepancy shown here." in text
    assert "| q0001 " not in text and "| a " in text
    assert_well_formed(text)


def test_copies_of_one_text_are_one_line_and_leave_room_for_findings(tmp_path: Path) -> None:
    """Forty copies of a wire story and one outlet's changed figure: the copies are one
    near-duplicate line (not 820 pairs), and the conflict is in a report of the default budget."""
    body = (
        "TOKYO -- Japan sent {n} troops to the northern border region on Monday, the defence ministry said.\n\n"
        "The deployment follows weeks of tension along the frontier, officials told reporters in Tokyo.\n\n"
        "Defence Minister Gen Nakatani said the troops would stay until the end of the year.\n"
    )
    for number in range(40):
        (tmp_path / f"copy{number:02d}.txt").write_text("---\ndate: 2024-09-17\n---\n" + body.format(n="55,000"))
    (tmp_path / "rival.txt").write_text("---\ndate: 2024-09-17\n---\n" + body.format(n="54,000"))
    result = run_check([str(tmp_path)])
    (conflict,) = result.discrepancies
    report = render_markdown(result)
    lines = [line for line in report.splitlines() if line.startswith("Near-duplicates:")]
    # The rival differs by one number, so it is a version of the same copy too.
    assert ["Near-duplicates: " + ", ".join(f"copy{n:02d}" for n in range(40)) + " and rival are versions of one copy "
            "(41 articles); they do not confirm each other independently."] == lines
    assert conflict.id in report
    assert len(report.encode()) < 65_536
