"""The whole pipeline on the seed articles and on golden cases; properties over input order and copies."""

from __future__ import annotations

import difflib
import random
import shutil
from pathlib import Path

import pytest

from compare.pipeline import run_check
from compare.records import CheckResult, Discrepancy
from compare.report import render_json, render_markdown
from tests.conftest import CASES, ROOT, SEEDS

TOKYO = ("001_c9e7a26a5d6843c3", "002_3a1f343924c775c8", "003_0907819ffabc4b97")


@pytest.fixture(scope="module")
def seeds() -> CheckResult:
    return run_check([str(SEEDS)])


def short(ids: object) -> list[str]:
    return sorted(i[:3] for i in ids)  # type: ignore[attr-defined]


def find(result: CheckResult, kind: str, needle: str) -> list[Discrepancy]:
    return [
        d for d in result.discrepancies
        if d.kind.value == kind and any(needle in c.fact.text or needle in c.sentence for c in d.claims)
    ]


def test_seed_stories(seeds: CheckResult) -> None:
    """The three Tokyo articles form one story, and 002/003 are near-duplicates."""
    multi = [s for s in seeds.stories if len(s.articles) > 1]
    assert [TOKYO] == [s.articles for s in multi]
    assert ((TOKYO[1], TOKYO[2]),) == multi[0].near_duplicates


def test_seed_troops_conflict_lists_all_three(seeds: CheckResult) -> None:
    """54,000 versus 55,000 is a high-severity conflict listing all three Tokyo sources."""
    (found,) = find(seeds, "quantity", "54,000")
    assert ("conflict", "high") == (found.cls.value, found.severity.value)
    assert ["001", "002", "003"] == short(c.article for c in found.claims)
    assert ["54,000", "55,000", "55,000"] == [c.fact.text for c in found.claims]


def test_seed_offices_changed_over_time(seeds: CheckResult) -> None:
    """Japan's defense minister and prime minister changed between March and December/January: updates."""
    offices = {d.subject: d for d in seeds.discrepancies if d.kind.value == "person"}
    minister = offices["Japan's defense minister"]
    premier = offices["Japan's prime minister"]
    assert ("update", "update") == (minister.cls.value, premier.cls.value)
    assert {"Gen Nakatani", "Shinjiro Koizumi"} == {c.fact.value for c in minister.claims}
    assert {"Shigeru Ishiba", "Sanae Takaichi"} == {c.fact.value for c in premier.claims}
    assert not any("Kishida" in str(c.fact.value) for c in premier.claims)


def test_seed_quotations(seeds: CheckResult) -> None:
    """The outlets' versions of Hegseth's words are reworded or cosmetic as they deserve."""
    rewording = find(seeds, "quote", "Our job now")
    assert ["reworded"] == [d.cls.value for d in rewording]
    assert ["001", "002", "003"] == short(c.article for c in rewording[0].claims)
    cosmetic = find(seeds, "quote", "Therefore")
    assert ["cosmetic"] == [d.cls.value for d in cosmetic]


def test_seed_hard_negatives(seeds: CheckResult) -> None:
    """2% vs two percent, Japan's 2% vs South Korea's 3.5%, and `at least 3%` are not flagged."""
    for d in seeds.discrepancies:
        if d.kind.value == "percent" and d.story is not None:
            pytest.fail(f"unexpected percent discrepancy: {d}")
    flagged = {c.fact.text for d in seeds.discrepancies for c in d.claims}
    assert not {"3.5%", "at least 3%", "3%"} & flagged


def test_every_article_appears_in_report(seeds: CheckResult) -> None:
    """Each input article appears in the sources table."""
    report = render_markdown(seeds)
    for path in SEEDS.glob("*.txt"):
        assert f"| {path.stem.replace('_', chr(92) + '_')}" in report


def test_committed_seed_report_is_current(seeds: CheckResult) -> None:
    """reports/seeds.md is what the current code writes for seeds/."""
    expected = (ROOT / "reports" / "seeds.md").read_text(encoding="utf-8")
    actual = render_markdown(seeds)
    assert expected == actual, "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "committed", "current"))


def test_input_order_does_not_change_report(tmp_path: Path) -> None:
    """The same articles given in another order give byte-identical reports."""
    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    shuffled = paths[:]
    random.Random(7).shuffle(shuffled)
    assert paths != shuffled
    first, second = run_check(paths), run_check(shuffled)
    assert render_markdown(first) == render_markdown(second)
    assert render_json(first) == render_json(second)


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_article_against_its_copy_has_no_discrepancy(tmp_path: Path, seed: str) -> None:
    """An article compared with its exact copy yields no discrepancy within their story."""
    shutil.copy(SEEDS / seed, tmp_path / "original.txt")
    shutil.copy(SEEDS / seed, tmp_path / "copy.txt")
    result = run_check([str(tmp_path)])
    assert [("copy", "original")] == [s.articles for s in result.stories]
    assert () == tuple(d for d in result.discrepancies if d.story is not None)


def test_fact_spans_reproduce_text(seeds: CheckResult) -> None:
    """Every fact's offsets slice its text out of the article, on the line it names."""
    for article in seeds.articles:
        for fact in seeds.facts[article.id]:
            assert fact.text == article.text[fact.start : fact.end]
            assert fact.line == article.line_of(fact.start)


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_golden_case(case: str, update_golden: bool) -> None:
    """Each case folder's articles give exactly its expected.md."""
    folder = CASES / case
    actual = render_markdown(run_check(sorted(str(p) for p in folder.glob("*.txt"))))
    expected_path = folder / "expected.md"
    if update_golden:
        expected_path.write_text(actual, encoding="utf-8")
    if not expected_path.exists():
        pytest.fail(f"{expected_path} is missing: review the output and write it with --update-golden")
    expected = expected_path.read_text(encoding="utf-8")
    assert expected == actual, "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "expected", "actual"))
