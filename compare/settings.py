"""Project settings: defaults for `factdiff check` read from a TOML file.

factdiff looks for, in the current directory and then each parent up to the
repository root (a folder holding `.git`) or the file system root, the first of:

- `.factdiff.toml`: the settings at the top level;
- `pyproject.toml` with a `[tool.factdiff]` table (a `pyproject.toml` without one
  is passed over).

`--config FILE` names the file instead (a `.toml` file read the same two ways).
Command-line options win over the file. Keys (all optional):

    fail-on = "high"                    # high | medium | low | never
    max-bytes = 65536                   # Markdown size budget, UTF-8 bytes
    max-article-bytes = 10000000        # bigger articles are skipped (0: no limit)
    baseline = "factdiff-baseline.json" # accepted discrepancies (relative to the file)
    ignore-kinds = ["quote"]            # quantity percent money date age quote person
    ignore-classes = ["cosmetic"]       # conflict update reworded cosmetic

    [align]                             # `[tool.factdiff.align]` in pyproject.toml
    sentence-threshold = 0.5            # difflib ratio for two sentences to align
    min-tokens = 4
    story-min-pairs = 2
    story-max-days = 3
    boilerplate-articles = 50           # a sentence in more aligns with nothing

    [compare]
    rival-ratio = 0.8
    quote-overlap = 0.6
    update-days = 30

    [outlets]                           # outlet names by web domain
    "nhk.or.jp" = "NHK"
    "bbc.co.uk" = "BBC News"

A key factdiff does not know, or a value of the wrong type, is an error that
names the file and the key, never silently ignored.
"""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from compare.align import AlignConfig
from compare.comparison import CompareConfig
from compare.errors import ConfigError
from compare.records import DiscrepancyClass, FactKind

FAIL_ON = ("high", "medium", "low", "never")


@dataclass(frozen=True)
class Settings:
    """What a settings file can say; None means "not set here"."""

    path: str | None = None
    fail_on: str | None = None
    max_bytes: int | None = None
    max_article_bytes: int | None = None
    baseline: str | None = None
    ignore_kinds: frozenset[FactKind] = frozenset()
    ignore_classes: frozenset[DiscrepancyClass] = frozenset()
    align: AlignConfig = field(default_factory=AlignConfig)
    compare: CompareConfig = field(default_factory=CompareConfig)
    outlets: Mapping[str, str] = field(default_factory=dict)


def find_settings_file(start: Path) -> Path | None:
    """Return the nearest `.factdiff.toml` or `pyproject.toml` with `[tool.factdiff]`."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / ".factdiff.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "factdiff" in _read_toml(candidate).get("tool", {}):
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def load_settings(path: Path | None = None, *, start: Path | None = None) -> Settings:
    """Read the settings in `path`, or in the file found from `start` (default: cwd).

    No file found gives the defaults. Raises ConfigError naming the file and key.
    """
    if path is None:
        path = find_settings_file(start or Path.cwd())
        if path is None:
            return Settings()
    data = _read_toml(path)
    if path.name == "pyproject.toml" or "tool" in data:
        data = data.get("tool", {}).get("factdiff")
        if data is None:
            raise ConfigError(f"{path}: no [tool.factdiff] table")
    return _parse(data, path)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as error:
        raise ConfigError(f"cannot read the settings file {path}: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None


def _parse(data: dict[str, Any], path: Path) -> Settings:
    known = {"fail-on", "max-bytes", "max-article-bytes", "baseline", "ignore-kinds", "ignore-classes", "align", "compare", "outlets"}
    _reject_unknown(data, known, path, "")
    fail_on = _typed(data, "fail-on", str, path)
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigError(f"{path}: fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    max_bytes = _typed(data, "max-bytes", int, path)
    if max_bytes is not None and max_bytes <= 0:
        raise ConfigError(f"{path}: max-bytes must be a positive number of bytes, not {max_bytes}")
    max_article_bytes = _typed(data, "max-article-bytes", int, path)
    if max_article_bytes is not None and max_article_bytes < 0:
        raise ConfigError(f"{path}: max-article-bytes must be zero (no limit) or more, not {max_article_bytes}")
    baseline = _typed(data, "baseline", str, path)
    if baseline is not None:
        baseline = str(path.parent / baseline)
    outlets = _typed(data, "outlets", dict, path) or {}
    for domain, name in outlets.items():
        if not isinstance(name, str):
            raise ConfigError(f"{path}: outlets.{domain} must be a string (the outlet's name)")
    return Settings(
        path=str(path),
        fail_on=fail_on,
        max_bytes=max_bytes,
        max_article_bytes=max_article_bytes,
        baseline=baseline,
        ignore_kinds=_enum_list(data, "ignore-kinds", FactKind, path),
        ignore_classes=_enum_list(data, "ignore-classes", DiscrepancyClass, path),
        align=_thresholds(data, "align", AlignConfig(), path),
        compare=_thresholds(data, "compare", CompareConfig(), path),
        outlets={domain.lower().removeprefix("www."): name for domain, name in outlets.items()},
    )


def _reject_unknown(data: Mapping[str, Any], known: set[str], path: Path, table: str) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        where = f"[{table}] " if table else ""
        raise ConfigError(f"{path}: unknown setting {where}{unknown[0]!r} (known: {', '.join(sorted(known))})")


def _typed(data: Mapping[str, Any], key: str, kind: type, path: Path) -> Any:
    value = data.get(key)
    # bool is an int in Python; a threshold of `true` is a mistake, not 1.
    if value is not None and (not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool)):
        raise ConfigError(f"{path}: {key} must be {_type_name(kind)}, not {value!r}")
    return value


def _type_name(kind: type) -> str:
    return {str: "a string", int: "a whole number", float: "a number", dict: "a table", list: "a list"}.get(kind, kind.__name__)


def _enum_list(data: Mapping[str, Any], key: str, enum: type[FactKind] | type[DiscrepancyClass], path: Path) -> frozenset[Any]:
    values = _typed(data, key, list, path) or []
    allowed = [member.value for member in enum]
    for value in values:
        if value not in allowed:
            raise ConfigError(f"{path}: {key} has {value!r}; allowed: {', '.join(allowed)}")
    return frozenset(enum(v) for v in values)


def _thresholds(data: Mapping[str, Any], table: str, default: Any, path: Path) -> Any:
    """Read `[table]` into a copy of the dataclass `default`, keys spelled with dashes."""
    given = _typed(data, table, dict, path) or {}
    by_key = {f.name.replace("_", "-"): f for f in fields(default)}
    _reject_unknown(given, set(by_key), path, table)
    changes = {}
    for key, value in given.items():
        kind = float if isinstance(getattr(default, by_key[key].name), float) else int
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        _typed({key: value}, key, kind, path)
        if value < 0 or (kind is float and value > 1):
            bound = "between 0 and 1" if kind is float else "zero or more"
            raise ConfigError(f"{path}: [{table}] {key} must be {bound}, not {value!r}")
        changes[by_key[key].name] = value
    return dataclasses.replace(default, **changes)
