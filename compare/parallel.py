"""Work spread over processes: `parallel_map`, for the stages that are a map over independent items."""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The items of the running `parallel_map`, inherited by forked workers (not pickled).
_ITEMS: Sequence[object] = ()


def parallel_map(function: Callable[[T], R], items: Sequence[T], jobs: int = 1) -> list[R]:
    """`[function(x) for x in items]`, over `jobs` processes when that pays.

    Workers are forked, so they inherit `items` and only results travel back.
    Where fork is unavailable, or for few items, the map runs in this process.
    Results are in input order, so the output never depends on `jobs`.
    """
    global _ITEMS
    if jobs <= 1 or len(items) < 16 * jobs or "fork" not in multiprocessing.get_all_start_methods():
        return [function(item) for item in items]
    _ITEMS = items
    try:
        context = multiprocessing.get_context("fork")
        chunk = max(1, len(items) // (jobs * 8))
        with context.Pool(jobs) as pool:
            return pool.map(functools.partial(_apply, function), range(len(items)), chunksize=chunk)
    finally:
        _ITEMS = ()


def _apply(function: Callable[[T], R], index: int) -> R:
    return function(_ITEMS[index])  # type: ignore[arg-type]
