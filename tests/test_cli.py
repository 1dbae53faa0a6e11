"""The command line: exit codes, error messages, output files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from compare.cli import main
from tests.conftest import SEEDS

SHARED = (
    "\n\nThe Pentagon will add troops to the new unit and give commanders expanded authority over the forces."
    "\n\nThe headquarters has been designed to increase military readiness for regional crises or conflicts.\n"
)
ARTICLE_A = "The United States has 54,000 US military personnel stationed in Japan, officials said on Sunday." + SHARED
ARTICLE_B = "A joint force headquarters will upgrade the 55,000 troops of the U.S. Forces Japan, officials said." + SHARED


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_check_writes_report_and_exits_zero(tmp_path: Path) -> None:
    """`check -o` writes the Markdown report and exits 0 with the default --fail-on never."""
    out = tmp_path / "out" / "report.md"
    result = CliRunner().invoke(main, ["check", str(SEEDS), "-o", str(out)])
    assert 0 == result.exit_code, result.output
    assert "" == result.output
    assert out.read_text(encoding="utf-8").startswith("# factdiff discrepancy report\n")
    assert not list(out.parent.glob(".*.tmp"))


def test_fail_on_high_exits_one(tmp_path: Path) -> None:
    """A high-severity discrepancy with --fail-on high exits 1."""
    a, b = write(tmp_path, "a.txt", ARTICLE_A), write(tmp_path, "b.txt", ARTICLE_B)
    result = CliRunner().invoke(main, ["check", str(a), str(b), "--fail-on", "high", "--format", "json"])
    assert 1 == result.exit_code, result.output
    data = json.loads(result.output)
    assert [("conflict", "high")] == [(d["class"], d["severity"]) for d in data["discrepancies"]]


def test_undecodable_file_is_named_skipped_and_exits_two(tmp_path: Path) -> None:
    """A file that is not UTF-8 is reported on stderr and in the report; the others still run."""
    good = write(tmp_path, "good.txt", ARTICLE_A)
    bad = write(tmp_path, "bad.txt", "Caf\u00e9 owners said 12 tables were full.".encode("cp1252"))
    result = CliRunner().invoke(main, ["check", str(good), str(bad), "--format", "json"])
    assert 2 == result.exit_code
    assert f"factdiff: cannot read {bad}: not valid UTF-8 at byte 3 (try --encoding cp1252)\n" == result.stderr
    data = json.loads(result.stdout)
    assert ["good"] == [a["id"] for a in data["articles"]]
    assert [{"path": str(bad), "reason": "not valid UTF-8 at byte 3 (try --encoding cp1252)"}] == data["skipped"]


def test_encoding_option_reads_legacy_file(tmp_path: Path) -> None:
    """--encoding cp1252 reads the file the default rejects."""
    bad = write(tmp_path, "legacy.txt", "Caf\u00e9 owners said 12 tables were full.".encode("cp1252"))
    result = CliRunner().invoke(main, ["check", str(bad), "--encoding", "cp1252", "--format", "json"])
    assert 0 == result.exit_code, result.output
    assert ["legacy"] == [a["id"] for a in json.loads(result.stdout)["articles"]]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    """A path that does not exist exits 2 with click's message naming it."""
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope.txt")])
    assert 2 == result.exit_code
    assert "nope.txt" in result.stderr and "does not exist" in result.stderr


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    """A folder with no articles exits 2 and says so."""
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert 2 == result.exit_code
    assert "no articles (.txt, .md) found in" in result.stderr


def test_stdin_is_read_with_dash() -> None:
    """`-` reads one article from standard input, with the id `stdin`."""
    result = CliRunner().invoke(main, ["check", "-", "--format", "json"], input=ARTICLE_A)
    assert 0 == result.exit_code, result.output
    assert [("stdin", "-")] == [(a["id"], a["path"]) for a in json.loads(result.stdout)["articles"]]


def test_facts_json_spans_reproduce_text(tmp_path: Path) -> None:
    """`facts --format json` gives facts whose offsets slice out their text."""
    a = write(tmp_path, "a.txt", ARTICLE_A)
    result = CliRunner().invoke(main, ["facts", str(a), "--format", "json"])
    assert 0 == result.exit_code, result.output
    (article,) = json.loads(result.stdout)["articles"]
    assert any(f["kind"] == "quantity" and f["value"] == 54000 for f in article["facts"])
    for f in article["facts"]:
        assert f["text"] == ARTICLE_A[f["start"] : f["end"]]


def test_align_shows_pairs(tmp_path: Path) -> None:
    """`align A B` prints the aligned sentences with their score and a coverage line."""
    a, b = write(tmp_path, "a.txt", ARTICLE_A), write(tmp_path, "b.txt", ARTICLE_B)
    result = CliRunner().invoke(main, ["align", str(a), str(b)])
    assert 0 == result.exit_code, result.output
    assert "1.00" in result.output
    assert "2 aligned sentence pairs; coverage 67% of the shorter article." in result.output


def test_help_documents_exit_codes() -> None:
    """`check --help` shows an example and the exit codes."""
    result = CliRunner().invoke(main, ["check", "--help"])
    assert "Example:" in result.output and "Exit status:" in result.output


def test_facts_table_on_seed() -> None:
    """`facts` prints a table per article with numbers as written (no re-parsing of `54,000`)."""
    result = CliRunner().invoke(main, ["facts", str(SEEDS / "001_c9e7a26a5d6843c3.txt")])
    assert 0 == result.exit_code, result.output
    assert result.output.startswith("== 001_c9e7a26a5d6843c3 (date: 2025-03-30)\n")
    assert "54,000" in result.output and "US military personnel" in result.output


def test_align_seeds_side_by_side() -> None:
    """`align` on the two versions of one copy pairs most of their sentences."""
    result = CliRunner().invoke(
        main, ["align", str(SEEDS / "002_3a1f343924c775c8.txt"), str(SEEDS / "003_0907819ffabc4b97.txt")]
    )
    assert 0 == result.exit_code, result.output
    assert "29 aligned sentence pairs; coverage 97% of the shorter article." in result.output


def test_report_file_has_ordinary_permissions(tmp_path: Path) -> None:
    """`-o` writes a file readable as the umask allows, not mkstemp's private 0600."""
    import os

    out = tmp_path / "report.md"
    result = CliRunner().invoke(main, ["check", str(SEEDS), "-o", str(out)])
    assert 0 == result.exit_code, result.output
    umask = os.umask(0)
    os.umask(umask)
    assert 0o666 & ~umask == out.stat().st_mode & 0o777
