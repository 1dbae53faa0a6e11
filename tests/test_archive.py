"""The archive: `check --against ARCHIVE` finds exactly what `check --against FOLDER` finds."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import compare.align
from compare.archive import index_articles, is_archive
from compare.cli import main
from compare.pipeline import Config, read_inputs
from tests.conftest import CASES, SEEDS


def _index(archive: Path, *paths: Path) -> str:
    result = CliRunner().invoke(main, ["index", str(archive), *map(str, paths)])
    assert 0 == result.exit_code, result.output
    return result.output


def _check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"])
    return result.exit_code, result.stdout


def _folders() -> list[Path]:
    return [SEEDS, *sorted(p for p in CASES.iterdir() if p.is_dir())]


@pytest.mark.parametrize("folder", _folders(), ids=lambda p: p.name)
def test_archive_check_equals_folder_check(tmp_path: Path, folder: Path) -> None:
    """For every article of a folder, checking it --against the archive gives the folder run's JSON report."""
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("*.md"))
    archive = tmp_path / "archive.factdiff"
    _index(archive, copy)
    for article in sorted(copy.glob("*.txt")):
        expected = _check(str(article), "--against", str(copy))
        assert expected == _check(str(article), "--against", str(archive)), article.name


@pytest.mark.parametrize("folder", _folders(), ids=lambda p: p.name)
def test_archive_check_of_edited_articles_equals_folder_check(tmp_path: Path, folder: Path) -> None:
    """Edited versions of articles, as new files and edited in place, give the folder run's report."""
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy, ignore=shutil.ignore_patterns("*.md"))
    archive = tmp_path / "archive.factdiff"
    _index(archive, copy)
    new = tmp_path / "new"
    new.mkdir()
    for article in sorted(copy.glob("*.txt")):
        text = article.read_text(encoding="utf-8")
        edited = text.replace("1", "7").replace("said", "told reporters")
        (new / article.name).write_text(edited, encoding="utf-8")
        (new / f"other-{article.name}").write_text(edited.replace("2", "3"), encoding="utf-8")
    assert _check(str(new), "--against", str(copy)) == _check(str(new), "--against", str(archive))
    # Edited inside the indexed folder: the archive's copy is stale, the file wins, as with the folder.
    first = sorted(copy.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("0", "9"), encoding="utf-8")
    assert _check(str(first), "--against", str(copy)) == _check(str(first), "--against", str(archive))


# Results tables as wire copy carries them: one row shape in many articles, its numbers changed.
TEMPLATE = (
    "{name} RESULTS\n\n"
    "Shr {a} cts vs {b} cts\n\n"
    "Net {c},000 vs {d},000 dlrs\n\n"
    "Revs {e} mln dlrs vs {f} mln dlrs\n\n"
    "{name} said results for the quarter were in line with expectations of its board.\n"
)


def _with_boilerplate(tmp_path: Path, threshold: int) -> tuple[Path, Path]:
    """The seeds, the golden cases and six results briefs in one folder; settings with a low boilerplate threshold."""
    folder = tmp_path / "all"
    folder.mkdir()
    for path in [*SEEDS.glob("*.txt"), *CASES.glob("*/*.txt")]:
        shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
    for n, name in enumerate(["ACME CORP", "BETA INC", "GAMMA CO", "DELTA LTD", "EPSILON PLC", "ZETA AG"]):
        text = TEMPLATE.format(name=name, a=10 + n, b=20 + n, c=300 + n, d=400 + n, e=5 + n, f=6 + n)
        (folder / f"brief-{n}.txt").write_text(text, encoding="utf-8")
    settings = tmp_path / "factdiff.toml"
    settings.write_text(f"[align]\nboilerplate-articles = {threshold}\n", encoding="utf-8")
    return folder, settings


@pytest.mark.parametrize("threshold", [1, 2, 3])
def test_archive_check_with_boilerplate_equals_folder_check(tmp_path: Path, threshold: int) -> None:
    """Boilerplate shapes and widely paired sentences change as articles come and go; the archive keeps up.

    The archive is built in two steps (a shape becomes boilerplate on the second);
    each article is then checked as it is (it replaces its stored copy: counts
    fall) and edited as a new file (counts rise), and every report equals the folder run's.
    """
    folder, settings = _with_boilerplate(tmp_path, threshold)
    archive = tmp_path / "archive.factdiff"
    config = ["--config", str(settings)]
    for paths in (sorted(folder.glob("*.txt"))[::2], [folder]):
        result = CliRunner().invoke(main, ["index", str(archive), *map(str, paths), *config])
        assert 0 == result.exit_code, result.output
    new = tmp_path / "new"
    new.mkdir()
    reports = []
    for article in sorted(folder.glob("*.txt")):
        edited = new / f"edited-{article.name}"
        edited.write_text(article.read_text(encoding="utf-8").replace("1", "7"), encoding="utf-8")
        for probe in (article, edited):
            expected = _check(str(probe), "--against", str(folder), *config)
            assert expected == _check(str(probe), "--against", str(archive), *config), probe.name
            reports.append(json.loads(expected[1]))
    assert any(r["boilerplate"] for r in reports)  # the case is exercised
    assert any(b["kind"] == "paired" for r in reports for b in r["boilerplate"]) or threshold > 2


def test_reindexing_unchanged_does_nothing_and_changed_replaces(tmp_path: Path) -> None:
    """Re-indexing leaves unchanged articles alone and replaces a changed one; the archive keeps removed files until --prune."""
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    archive = tmp_path / "a.factdiff"
    assert "factdiff: 5 added, 0 replaced, 0 unchanged, 0 removed, 0 skipped in" in _index(archive, copy)
    assert "factdiff: 0 added, 0 replaced, 5 unchanged, 0 removed, 0 skipped in" in _index(archive, copy)
    first, second = copy / "001_c9e7a26a5d6843c3.txt", copy / "002_3a1f343924c775c8.txt"
    first.write_text(first.read_text(encoding="utf-8").replace("54,000", "53,000"), encoding="utf-8")
    assert "factdiff: 0 added, 1 replaced, 4 unchanged, 0 removed, 0 skipped in" in _index(archive, copy)
    fresh = tmp_path / "fresh.factdiff"
    _index(fresh, copy)
    probe = tmp_path / "probe.txt"
    probe.write_text(second.read_text(encoding="utf-8").replace("Tokyo", "Osaka"), encoding="utf-8")
    assert _check(str(probe), "--against", str(fresh)) == _check(str(probe), "--against", str(archive))
    second.unlink()
    assert "factdiff: 0 added, 0 replaced, 4 unchanged, 0 removed, 0 skipped in" in _index(archive, copy)
    assert 5 == _rows(archive)
    assert "factdiff: 0 added, 0 replaced, 4 unchanged, 1 removed, 0 skipped in" in CliRunner().invoke(
        main, ["index", str(archive), str(copy), "--prune"]
    ).output
    assert 4 == _rows(archive)
    assert _check(str(probe), "--against", str(copy)) == _check(str(probe), "--against", str(archive))


def test_ids_unique_over_several_index_runs(tmp_path: Path) -> None:
    """Two folders indexed one after the other get the ids one run over both gives, and the same findings."""
    for name, count in (("one", "12"), ("two", "14")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(
            f"The storm killed {count} people in the north of the island on Monday, officials said.\n"
            "Rescue teams searched the flooded villages of the north of the island on Tuesday.\n",
            encoding="utf-8",
        )
    archive = tmp_path / "a.factdiff"
    _index(archive, tmp_path / "one")
    _index(archive, tmp_path / "two")
    probe = tmp_path / "a.txt"
    probe.write_text(
        "The storm killed 13 people in the north of the island on Monday, officials said.\n"
        "Rescue teams searched the flooded villages of the north of the island on Tuesday.\n",
        encoding="utf-8",
    )
    expected = _check(str(probe), "--against", str(tmp_path / "one"), "--against", str(tmp_path / "two"))
    assert '"id": "one/a"' in expected[1]
    assert expected == _check(str(probe), "--against", str(archive))


def test_unreadable_inputs_are_kept_as_skipped(tmp_path: Path) -> None:
    """An input that could not be read at index time is reported as skipped, as with the folder; exit 2."""
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    (copy / "bad.txt").write_bytes(b"caf\xe9 au lait, 12 cups\n")
    archive = tmp_path / "a.factdiff"
    result = CliRunner().invoke(main, ["index", str(archive), str(copy)])
    assert 2 == result.exit_code
    assert "1 skipped" in result.output
    first = sorted(copy.glob("0*.txt"))[0]
    expected = _check(str(first), "--against", str(copy))
    assert 2 == expected[0]
    assert expected == _check(str(first), "--against", str(archive))


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"just some text\n", "not a factdiff archive (not an SQLite database)"),
        (b"", "not a factdiff archive (not an SQLite database)"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "not a factdiff archive (file is not a database)"),
    ],
)
def test_foreign_or_corrupt_archive_is_one_line_exit_2(tmp_path: Path, content: bytes, reason: str) -> None:
    """A file named like an archive that is not one: one line naming the file, exit 2."""
    bad = tmp_path / "bad.factdiff"
    bad.write_bytes(content)
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--against", str(bad)])
    assert 2 == result.exit_code
    assert f"factdiff: cannot read {bad}: {reason}\n" == result.stderr


def test_sqlite_file_of_another_program_is_refused(tmp_path: Path) -> None:
    """An SQLite database that is not a factdiff archive is refused by check and by index."""
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t(x)")
    connection.close()
    assert is_archive(str(other))
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--against", str(other)])
    assert (2, f"factdiff: cannot read {other}: not a factdiff archive (no such table: meta)\n") == (
        result.exit_code, result.stderr)
    result = CliRunner().invoke(main, ["index", str(other), str(SEEDS)])
    assert (2, f"factdiff: cannot read {other}: not a factdiff archive (no such table: meta)\n") == (
        result.exit_code, result.stderr)


def test_archive_of_other_settings_is_refused(tmp_path: Path) -> None:
    """An archive built with other align settings is refused, with the fix."""
    archive = tmp_path / "a.factdiff"
    articles, skipped = read_inputs([str(SEEDS)], unique=False)
    index_articles(archive, articles, skipped, Config())
    (tmp_path / ".factdiff.toml").write_text("[align]\nsentence-threshold = 0.6\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["check", str(SEEDS), "--against", str(archive), "--config", str(tmp_path / ".factdiff.toml")]
    )
    assert 2 == result.exit_code, result.output
    assert "run `factdiff index` into a new archive" in result.stderr


def test_archive_of_an_older_schema_is_refused_with_the_fix(tmp_path: Path) -> None:
    archive = tmp_path / "a.factdiff"
    articles, skipped = read_inputs([str(SEEDS)], unique=False)
    index_articles(archive, articles, skipped, Config())
    with sqlite3.connect(archive) as connection:
        connection.execute("UPDATE meta SET value = 'factdiff-archive/3' WHERE key = 'schema'")
    connection.close()
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--against", str(archive)])
    assert (2, f"factdiff: cannot read {archive}: an archive of schema 'factdiff-archive/3', not "
            f"'factdiff-archive/4' (run `factdiff index` into a new archive)\n") == (result.exit_code, result.stderr)


@pytest.mark.parametrize("bits", [8, 1])
def test_archive_check_with_crowded_signatures_equals_folder_check(
    tmp_path: Path, bits: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored signatures of a few bits (most elements share one) bound the probe's partners without losing any."""
    monkeypatch.setattr(compare.align, "SIGNATURE_BITS", bits)
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy, ignore=shutil.ignore_patterns("*.md"))
    archive = tmp_path / "archive.factdiff"
    _index(archive, copy)
    for article in sorted(copy.glob("*.txt")):
        assert _check(str(article), "--against", str(copy)) == _check(str(article), "--against", str(archive)), article.name


def test_archive_must_be_given_alone() -> None:
    """--against ARCHIVE cannot be mixed with other --against paths."""
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--against", "x.factdiff", "--against", str(SEEDS)])
    assert 2 == result.exit_code


def _rows(archive: Path) -> int:
    with sqlite3.connect(archive) as connection:
        (count,) = connection.execute("SELECT count(*) FROM article").fetchone()
    connection.close()
    return int(count)
