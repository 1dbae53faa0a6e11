"""Settings files: where they are found, what they may say, and errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.align import AlignConfig
from compare.errors import ConfigError
from compare.records import DiscrepancyClass, FactKind
from compare.settings import Settings, find_settings_file, load_settings

FULL = """\
fail-on = "high"
max-bytes = 100000
baseline = "accepted.json"
ignore-kinds = ["quote"]
ignore-classes = ["cosmetic"]

[align]
sentence-threshold = 0.6
story-max-days = 5

[compare]
update-days = 60
rival-ratio = 1

[outlets]
"www.nhk.or.jp" = "NHK"
"""


def test_factdiff_toml_is_read_with_every_key(tmp_path: Path) -> None:
    """Every documented key of .factdiff.toml reaches the settings, paths relative to the file."""
    (tmp_path / ".factdiff.toml").write_text(FULL, encoding="utf-8")
    settings = load_settings(start=tmp_path)
    assert "high" == settings.fail_on
    assert 100_000 == settings.max_bytes
    assert str(tmp_path / "accepted.json") == settings.baseline
    assert frozenset({FactKind.QUOTE}) == settings.ignore_kinds
    assert frozenset({DiscrepancyClass.COSMETIC}) == settings.ignore_classes
    assert AlignConfig(sentence_threshold=0.6, story_max_days=5) == settings.align
    assert (60, 1.0) == (settings.compare.update_days, settings.compare.rival_ratio)
    assert {"nhk.or.jp": "NHK"} == settings.outlets


def test_pyproject_tool_table_is_found_from_a_subfolder(tmp_path: Path) -> None:
    """[tool.factdiff] in a parent's pyproject.toml applies to a run from a subfolder."""
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factdiff]\nfail-on = "medium"\n', encoding="utf-8")
    sub = tmp_path / "stories" / "2025"
    sub.mkdir(parents=True)
    assert tmp_path / "pyproject.toml" == find_settings_file(sub)
    assert "medium" == load_settings(start=sub).fail_on


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    """A pyproject.toml with no [tool.factdiff] does not stop the search or set anything."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert Settings() == load_settings(start=tmp_path)


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    """A settings file above the repository (a folder with .git) is not used."""
    (tmp_path / ".factdiff.toml").write_text('fail-on = "high"\n', encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert None is find_settings_file(repo)


@pytest.mark.parametrize(
    "text, message",
    [
        ('fail-on = "severe"\n', "fail-on must be one of high, medium, low, never, not 'severe'"),
        ("max-bytes = \"64k\"\n", "max-bytes must be a whole number, not '64k'"),
        ("max-bytes = 0\n", "max-bytes must be a positive number of bytes, not 0"),
        ("fail_on = \"high\"\n", "unknown setting 'fail_on'"),
        ('ignore-kinds = ["quotes"]\n', "ignore-kinds has 'quotes'; allowed: quantity, percent, money, date, age, rank, quote, person"),
        ("[align]\nthreshold = 0.5\n", "unknown setting [align] 'threshold'"),
        ("[align]\nsentence-threshold = 1.5\n", "[align] sentence-threshold must be between 0 and 1, not 1.5"),
        ("[compare]\nupdate-days = true\n", "update-days must be a whole number, not True"),
        ("[outlets]\n\"bbc.co.uk\" = 1\n", "outlets.bbc.co.uk must be a string"),
        ("fail-on = \n", "not valid TOML"),
    ],
)
def test_bad_settings_name_the_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    """A wrong key or value is an error naming the file and the key, never ignored."""
    path = tmp_path / ".factdiff.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_explicit_pyproject_without_table_is_an_error(tmp_path: Path) -> None:
    """--config naming a pyproject.toml that has no [tool.factdiff] says so."""
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"no \[tool.factdiff\] table"):
        load_settings(path)
