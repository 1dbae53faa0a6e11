"""The command line: exit codes, error messages, output files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import regex
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
    assert "no articles (.txt, .md, .html, .htm, .jsonl) found in" in result.stderr


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


ARTICLE_C = "A joint force headquarters will command the 56,000 troops of the U.S. Forces Japan, officials said." + SHARED


def test_against_reports_only_discrepancies_of_the_new_article(tmp_path: Path) -> None:
    """`check NEW --against OLD` reports NEW's disagreements, not those among the old articles."""
    old = tmp_path / "archive"
    old.mkdir()
    write(old, "a.txt", ARTICLE_A)
    write(old, "b.txt", ARTICLE_B)
    new = write(tmp_path, "c.txt", ARTICLE_C)
    full = CliRunner().invoke(main, ["check", str(old), str(new), "--format", "json"])
    scoped = CliRunner().invoke(main, ["check", str(new), "--against", str(old), "--format", "json"])
    assert (0, 0) == (full.exit_code, scoped.exit_code), scoped.output
    involving_c = [d for d in json.loads(full.stdout)["discrepancies"] if any(c["article"] == "c" for c in d["claims"])]
    data = json.loads(scoped.stdout)
    assert involving_c and [d["id"] for d in involving_c] == [d["id"] for d in data["discrepancies"]]
    assert {"a": False, "b": False, "c": True} == {a["id"]: a["in_scope"] for a in data["articles"]}


ARTICLE_OTHER = (
    "Flood barriers held on the river overnight, the environment agency said on Monday.\n\n"
    "Repairs to the town's waterfront will cost 2 million pounds, the council said.\n"
)


def test_against_report_lists_the_context_that_bears_on_the_new_article(tmp_path: Path) -> None:
    """Markdown with --against: context of other stories is counted, not listed; many skipped files are grouped.

    An archive holds many unrelated articles and some files it could not read;
    the report of one new article must still show its findings.
    """
    old = tmp_path / "archive"
    old.mkdir()
    write(old, "a.txt", ARTICLE_A)
    write(old, "b.txt", ARTICLE_B)
    write(old, "flood.txt", ARTICLE_OTHER)
    for number in range(30):
        write(old, f"bad{number:02d}.txt", b"caf\xe9 au lait, 12 cups\n")
    new = write(tmp_path, "c.txt", ARTICLE_C)
    result = CliRunner().invoke(main, ["check", str(new), "--against", str(old), "--max-bytes", "9000"])
    assert 2 == result.exit_code, result.output  # the unreadable context still makes the run exit 2
    report = result.stdout
    assert "| flood " not in report and "## Story S2: flood" not in report
    assert "Not listed: 1 context article in no story with an article under check (--against)" in report
    assert "Not listed: 1 story of context articles only (--against)" in report
    assert "- Stories: 2 (1 with more than one article; 1 with an article under check)" in report
    assert "Skipped (could not be read):" in report and "and 10 more (listed in the JSON report)" in report
    assert "#### HIGH · conflict" in report  # the finding of the new article fits
    data = json.loads(CliRunner().invoke(main, ["check", str(new), "--against", str(old), "--format", "json"]).stdout)
    # The JSON lists what the Markdown lists, counts the rest alike, and names every skipped input.
    assert {"a", "b", "c"} == {a["id"] for a in data["articles"]}
    assert {"articles": 1, "stories": 1} == data["not_listed"]
    assert 4 == data["summary"]["articles"]["processed"]
    assert 30 == len(data["skipped"])


def test_against_report_lists_every_article_a_finding_cites() -> None:
    """A finding across stories cites context of another story: that article is in the sources table."""
    new = SEEDS / "004_1df7e43d1ca862d2.txt"
    result = CliRunner().invoke(main, ["check", str(new), "--against", str(SEEDS)])
    report = result.stdout
    cited = set(regex.findall(r"(?m)^\| (\d{3}\\_\w+) +\| (?:\d{4}-\d\d-\d\d|unknown)", report.split("## Across stories")[1]))
    assert "001\\_c9e7a26a5d6843c3" in cited
    sources = report.split("## Sources")[1].split("\n\n")[1]
    assert cited <= set(regex.findall(r"(?m)^\| (\S+) ", sources))
    assert "Not listed" not in report  # here every context article is cited by a finding


def test_baseline_command_then_check_is_clean(tmp_path: Path) -> None:
    """`factdiff baseline` accepts today's discrepancies: `check --baseline` then passes --fail-on low."""
    a, b = write(tmp_path, "a.txt", ARTICLE_A), write(tmp_path, "b.txt", ARTICLE_B)
    accepted = tmp_path / "baseline.json"
    made = CliRunner().invoke(main, ["baseline", str(a), str(b), "-o", str(accepted)])
    assert 0 == made.exit_code, made.output
    assert f"factdiff: 1 discrepancy accepted in {accepted}\n" == made.stderr
    checked = CliRunner().invoke(main, ["check", str(a), str(b), "--baseline", str(accepted), "--fail-on", "low"])
    assert 0 == checked.exit_code, checked.output
    assert "- Discrepancies: 0; 1 more accepted in the baseline, not shown\n" in checked.stdout


def test_bad_baseline_exits_two_with_one_line(tmp_path: Path) -> None:
    """A baseline that is not one is a one-line error naming it, exit 2."""
    a = write(tmp_path, "a.txt", ARTICLE_A)
    bad = write(tmp_path, "baseline.json", "[]")
    result = CliRunner().invoke(main, ["check", str(a), "--baseline", str(bad)])
    assert 2 == result.exit_code
    assert f'factdiff: the baseline {bad} is not a factdiff baseline (expected "schema": "factdiff-baseline/1")\n' == result.stderr


def test_settings_file_sets_fail_on_and_bad_key_exits_two(tmp_path: Path) -> None:
    """--config's fail-on applies; an unknown key is a one-line error naming file and key, exit 2."""
    a, b = write(tmp_path, "a.txt", ARTICLE_A), write(tmp_path, "b.txt", ARTICLE_B)
    good = write(tmp_path, "good.toml", 'fail-on = "high"\n')
    assert 1 == CliRunner().invoke(main, ["check", str(a), str(b), "--config", str(good)]).exit_code
    assert 0 == CliRunner().invoke(main, ["check", str(a), str(b), "--config", str(good), "--fail-on", "never"]).exit_code
    bad = write(tmp_path, "bad.toml", 'fail_on = "high"\n')
    result = CliRunner().invoke(main, ["check", str(a), "--config", str(bad)])
    assert 2 == result.exit_code
    assert result.stderr.startswith(f"factdiff: {bad}: unknown setting 'fail_on'") and 1 == result.stderr.count("\n")


def test_settings_ignore_classes_and_outlets(tmp_path: Path) -> None:
    """ignore-classes drops a class from the findings; [outlets] names an outlet by its URL's domain."""
    a = write(tmp_path, "a.txt", "---\nurl: https://www.example-news.test/x\n---\n" + ARTICLE_A)
    b = write(tmp_path, "b.txt", ARTICLE_B)
    conf = write(tmp_path, "f.toml", 'ignore-classes = ["conflict"]\n[outlets]\n"example-news.test" = "Example News"\n')
    result = CliRunner().invoke(main, ["check", str(a), str(b), "--config", str(conf), "--format", "json"])
    assert 0 == result.exit_code, result.output
    data = json.loads(result.stdout)
    assert [] == data["discrepancies"]
    assert {"a": "Example News", "b": None} == {x["id"]: x["outlet"] for x in data["articles"]}


def test_json_and_markdown_side_outputs(tmp_path: Path) -> None:
    """--json and --markdown write the other formats next to the main one, from one run."""
    a, b = write(tmp_path, "a.txt", ARTICLE_A), write(tmp_path, "b.txt", ARTICLE_B)
    js, md = tmp_path / "r.json", tmp_path / "r.md"
    result = CliRunner().invoke(main, ["check", str(a), str(b), "--format", "github", "--json", str(js), "--markdown", str(md)])
    assert 0 == result.exit_code, result.output
    assert result.stdout.startswith("::")
    assert 1 == len(json.loads(js.read_text(encoding="utf-8"))["discrepancies"])
    assert md.read_text(encoding="utf-8").startswith("# factdiff discrepancy report\n")


def test_max_bytes_below_minimum_is_a_usage_error(tmp_path: Path) -> None:
    """A --max-bytes too small for any report is refused before the run, exit 2."""
    a = write(tmp_path, "a.txt", ARTICLE_A)
    result = CliRunner().invoke(main, ["check", str(a), "--max-bytes", "10"])
    assert 2 == result.exit_code
    assert "--max-bytes" in result.stderr and "below the smallest report" in result.stderr


def test_interrupt_exits_130_and_keeps_previous_report(tmp_path: Path, monkeypatch) -> None:
    """Ctrl-C during a run exits 130 with one line; the -o file keeps its old content."""
    import compare.cli

    a = write(tmp_path, "a.txt", ARTICLE_A)
    out = write(tmp_path, "report.md", "previous report\n")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(compare.cli, "check_articles", interrupted)
    result = CliRunner().invoke(main, ["check", str(a), "-o", str(out)])
    assert 130 == result.exit_code
    assert "factdiff: interrupted\n" == result.stderr
    assert "previous report\n" == out.read_text(encoding="utf-8")


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    """Progress lines appear only on a terminal: a captured run's stderr is empty."""
    a, b = write(tmp_path, "a.txt", ARTICLE_A), write(tmp_path, "b.txt", ARTICLE_B)
    result = CliRunner().invoke(main, ["check", str(a), str(b)])
    assert 0 == result.exit_code and "" == result.stderr


def test_help_lists_every_exit_status() -> None:
    """`check --help` documents 0, 1, 2 and 130."""
    text = CliRunner().invoke(main, ["check", "--help"]).output
    for status in ("0 ", "1 ", "2 ", "130"):
        assert f"\n    {status}" in text


def _stderr_on_a_terminal(tmp_path: Path, env: dict[str, str]) -> str:
    """Run `factdiff check` with stderr on a pseudo-terminal and return what it wrote there."""
    import pty
    import subprocess
    import sys

    a, b = write(tmp_path, "a.txt", ARTICLE_A), write(tmp_path, "b.txt", ARTICLE_B)
    leader, follower = pty.openpty()
    try:
        subprocess.run([sys.executable, "-m", "compare.cli", "check", str(a), str(b), "-o", str(tmp_path / "r.md")],
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower, env=env, timeout=120, check=True)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal is closed and drained
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_on_a_terminal_is_dim_unless_no_color(tmp_path: Path) -> None:
    """On a terminal, progress lines are dimmed with ANSI escapes; NO_COLOR (any value) drops the
    escapes but keeps the lines (https://no-color.org)."""
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")} | {"TERM": "xterm"}
    colored = _stderr_on_a_terminal(tmp_path, base)
    plain = _stderr_on_a_terminal(tmp_path, base | {"NO_COLOR": ""})
    assert "factdiff: " in colored and "\x1b[" in colored
    assert "factdiff: " in plain and "\x1b[" not in plain
