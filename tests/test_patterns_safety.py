"""Every compiled `RE_*` pattern of the package stays linear on adversarial text.

Patterns are meant to run per sentence and never backtrack catastrophically. This
feeds each one long runs of the characters that make patterns backtrack (digits,
commas, periods, quotes, spaces, capitalised words, `1,1,1,...`) under the `regex`
module's own `timeout`, which raises TimeoutError; no wall-clock assertion.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
import regex

import compare

# Longer than any sentence (ingest cuts sentences at 5,000 characters): a pattern
# that is quadratic here takes seconds, one that is exponential never finishes.
SIZE = 20_000
BUDGET = 2.0  # seconds per call, enforced by regex itself


def _patterns() -> list[tuple[str, regex.Pattern[str]]]:
    found: dict[str, regex.Pattern[str]] = {}
    for info in pkgutil.walk_packages(compare.__path__, prefix="compare."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if name.startswith("RE_") and isinstance(value, regex.Pattern):
                found[f"{info.name}.{name}"] = value
    return sorted(found.items())


def _repeat(unit: str, size: int = SIZE) -> str:
    return (unit * (size // len(unit) + 1))[:size]


ADVERSARIAL = {
    "digits": _repeat("7"),
    "digits-then-letter": _repeat("7") + "x",
    "commas": _repeat(","),
    "thousands": _repeat("1,"),
    "thousands-groups": _repeat("1,000,"),
    "decimals": _repeat("1.1."),
    "periods": _repeat("."),
    "ellipses": _repeat(". "),
    "spaces": "a" + _repeat(" ") + "a",
    "spaces-and-nbsp": _repeat(" \u00a0\u2009"),
    "tabs-newlines": _repeat(" \t\n"),
    "straight-quotes": _repeat('"'),
    "curly-quotes": _repeat("“”‘’"),
    "quoted-words": _repeat('"a" '),
    "capitalised": _repeat("Foo "),
    "capitalised-names": _repeat("Mr. John F. Smith Jr. "),
    "titles": _repeat("Defense Minister Prime Minister "),
    "hyphens": _repeat("-"),
    "dashes": _repeat("— "),
    "numbers-words": _repeat("twenty-three thousand and "),
    "money": _repeat("$1.2 billion "),
    "percent": _repeat("5% "),
    "dates": _repeat("March 30, 2025 "),
    "url-like": _repeat("www.a"),
    "email-like": _repeat("a@b."),
    "parentheses": _repeat("(("),
    "apostrophes": _repeat("'s "),
    "letters": _repeat("a"),
    "mixed": _repeat("1 a, B. \"c\" 2,3 "),
}


PATTERNS = _patterns()


def test_no_module_compiles_with_the_stdlib_re() -> None:
    """Every pattern goes through `regex`, so `_patterns` sees it and its timeout applies."""
    package = Path(compare.__file__).parent
    users = [p.relative_to(package).as_posix() for p in sorted(package.rglob("*.py"))
             if regex.search(r"^(?:import re\b|from re import)", p.read_text(encoding="utf-8"), regex.MULTILINE)]
    assert [] == users


def test_patterns_were_collected() -> None:
    """The scan finds the patterns of every stage (ingest, sentences, extractors, comparison)."""
    modules = {name.rsplit(".", 1)[0] for name, _ in PATTERNS}
    assert {"compare.ingest", "compare.sentences", "compare.extract.numbers", "compare.extract.dates",
            "compare.extract.quotes", "compare.extract.people"} <= modules
    assert len(PATTERNS) >= 50


@pytest.mark.parametrize("name, pattern", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_pattern_is_safe_on_adversarial_text(name: str, pattern: regex.Pattern[str]) -> None:
    """search, match and a full finditer finish within the budget on every adversarial string."""
    slow = []
    for label, text in ADVERSARIAL.items():
        if isinstance(pattern.pattern, bytes):  # patterns over raw bytes (an HTML page's head)
            text = text.encode("utf-8")  # type: ignore[assignment]
        try:
            pattern.search(text, timeout=BUDGET)
            pattern.match(text, timeout=BUDGET)
            for _ in pattern.finditer(text, timeout=BUDGET):
                pass
        except TimeoutError:
            slow.append(label)
    assert [] == slow, f"{name} timed out on {slow}"
