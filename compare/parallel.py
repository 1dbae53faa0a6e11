"""Work spread over processes: `parallel_map` for a stage that is a map over independent items, `background_map` for one that can run beside others."""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable, Sequence
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The items of the running `parallel_map` (or of the `background_map` being started),
# inherited by forked workers (not pickled).
_ITEMS: Sequence[object] = ()


def parallel_map(function: Callable[[T], R], items: Sequence[T], jobs: int = 1, *, pieces: int = 8) -> list[R]:
    """`[function(x) for x in items]`, over `jobs` processes when that pays.

    Workers are forked, so they inherit `items` and only results travel back.
    Where fork is unavailable, or for few items, the map runs in this process.
    Results are in input order, so the output never depends on `jobs`. Each
    worker is handed about `pieces` runs of items in turn: more pieces balance
    items of uneven cost better, at more messages.
    """
    global _ITEMS
    if not _forks(items, jobs):
        return [function(item) for item in items]
    _ITEMS = items
    try:
        context = multiprocessing.get_context("fork")
        with context.Pool(jobs) as pool:
            return pool.map(functools.partial(_apply, function), range(len(items)), chunksize=_chunk(items, jobs, pieces))
    finally:
        _ITEMS = ()


class Pending(Generic[R]):
    """The results of a `background_map`: `get()` waits for them; leaving a `with` block stops the workers."""

    def __init__(self, function: Callable[[T], R], items: Sequence[T], jobs: int) -> None:
        global _ITEMS
        self._later: Callable[[], list[R]] | None = None
        self._pool: Pool | None = None
        self._result: AsyncResult[list[R]] | None = None
        if not _forks(items, jobs + 1):
            self._later = lambda: [function(item) for item in items]
            return
        _ITEMS = items
        try:  # the workers are forked here, with `items`
            self._pool = multiprocessing.get_context("fork").Pool(jobs)
        finally:
            _ITEMS = ()
        self._result = self._pool.map_async(functools.partial(_apply, function), range(len(items)), chunksize=_chunk(items, jobs))
        self._pool.close()

    def get(self) -> list[R]:
        """The results in input order, once all are in."""
        if self._later is not None:
            return self._later()
        assert self._result is not None and self._pool is not None
        results = self._result.get()
        self._pool.join()
        return results

    def __enter__(self) -> Pending[R]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()


def background_map(function: Callable[[T], R], items: Sequence[T], jobs: int = 1) -> Pending[R]:
    """Start `[function(x) for x in items]` in `jobs - 1` processes and return at once.

    For work the caller does not need yet, to fill the cores its own serial stages
    leave idle: with `jobs` 2, one process maps `items` while this one goes on. The
    workers are forked now, so they see `items` as they are now. With `jobs` 1 (or
    where fork is unavailable) nothing starts: `get()` maps the items then, in this
    process. Either way `get()` returns the same list, in input order.
    """
    return Pending(function, items, max(jobs - 1, 0))


def _forks(items: Sequence[object], jobs: int) -> bool:
    """True if mapping `items` over `jobs` processes pays and fork is available."""
    return jobs > 1 and len(items) >= 16 * jobs and "fork" in multiprocessing.get_all_start_methods()


def _chunk(items: Sequence[object], jobs: int, pieces: int = 8) -> int:
    return max(1, len(items) // (jobs * pieces))


def _apply(function: Callable[[T], R], index: int) -> R:
    return function(_ITEMS[index])  # type: ignore[arg-type]
