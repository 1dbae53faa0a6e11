"""Patterns searched from the end of a window (`regex.REVERSE`) find what a forward search finds.

The extractors look in the window before a number, a date or an ordinal for a pattern
that ends where the window does (`rose `, `more than `, `the `); such a pattern is
compiled with `regex.REVERSE`, so the search starts at the end instead of trying every
start. That is only a speed-up if the match is the same: here every such pattern is
compared with its forward twin on the window before every word of the seeds and the
golden cases, and on invented windows that hold several candidate matches.
"""

from __future__ import annotations

import pytest
import regex

from compare.ingest import read_article
from tests.conftest import CASES, SEEDS
from tests.test_patterns_safety import _patterns

REVERSED = [(name, pattern) for name, pattern in _patterns() if pattern.flags & regex.REVERSE]
WINDOW = 80  # characters, as the extractors' windows

INVENTED = [
    "Shares in Acme, which rose by ",
    "The index fell 2% and then rose about ",
    "It has risen from about ",
    "He said on Sunday that the rate would fall by more than ",
    "They won by a ",
    "Women make up ",
    "It picked up ",
    "Since the start of the year, the first ",
    "It was aged ",
    "the last ",
    "between ",
    "nearly 20, then just under ",
]


def _windows() -> list[str]:
    texts = [read_article(p).text for p in sorted([*SEEDS.glob("*.txt"), *CASES.glob("*/*.txt")])]
    windows = [*INVENTED]
    for text in texts:
        for word in regex.finditer(r"\b\w", text):
            windows.append(text[max(0, word.start() - WINDOW) : word.start()])
    return windows


def test_some_patterns_are_reversed() -> None:
    assert len(REVERSED) >= 40


@pytest.mark.parametrize("name, pattern", REVERSED, ids=[name for name, _ in REVERSED])
def test_a_reversed_search_finds_the_forward_match(name: str, pattern: regex.Pattern[str]) -> None:
    forward = regex.compile(pattern.pattern, pattern.flags & ~regex.REVERSE)
    for window in _windows():
        ahead, back = forward.search(window), pattern.search(window)
        assert (ahead and (ahead.span(), ahead.groupdict())) == (back and (back.span(), back.groupdict())), (name, window)
