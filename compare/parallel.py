"""Work spread over processes: `parallel_map` for a stage that is a map over independent items, `background_map` for one that can run beside others."""

from __future__ import annotations

import functools
import multiprocessing
from collections.abc import Callable, Sequence
from multiprocessing.pool import AsyncResult, Pool
from types import TracebackType
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")

# The items of the running `parallel_map` (or of the `background_map` being started),
# inherited by forked workers (not pickled).
_ITEMS: Sequence[object] = ()
# The running background maps with spare work: each's events `(idle, stop)` (see `Spare`).
_SPARING: list[tuple[Any, Any]] = []
# The events of the `background_map` being started, inherited by its worker (events
# cannot be pickled); and in that worker, the order of its spare work once asked for.
_SPARE_EVENTS: tuple[Any, Any] | None = None
_SPARE_ORDER: list[int] | None = None
# The number of runs of `_ITEMS` the running `parallel_map`'s processes have taken.
_CLAIMS: Any = None


class Spare(NamedTuple, Generic[T, S]):
    """Optional work for a `background_map` worker that has mapped its items: `function` of some of them.

    `order(items)` gives the indices of the items worth it, the likeliest first;
    it runs in the worker, once. The worker goes on down that list until the
    caller takes the results (`Pending.get`), and pauses while a `parallel_map`
    runs, which wants every core. Both are module-level functions, so that they
    travel to the worker by name.
    """

    order: Callable[[Sequence[T]], list[int]]
    function: Callable[[T], S]


def parallel_map(function: Callable[[T], R], items: Sequence[T], jobs: int = 1, *, pieces: int = 8) -> list[R]:
    """`[function(x) for x in items]`, over `jobs` processes when that pays.

    This process is one of them: `jobs - 1` workers are forked, so they inherit
    `items` and only their results travel back, and each process takes the next
    run of items in turn (a shared counter) until none is left. Where fork is
    unavailable, or for few items, the map runs in this process alone. Results
    are in input order, so the output never depends on `jobs`. Each process is
    handed about `pieces` runs of items: more pieces balance items of uneven
    cost better, at more messages. A background map's spare work pauses meanwhile.

    Working here, rather than waiting on `jobs` workers, spares this process's
    half of the results their pickling, and the workers' copies of the pages they
    touch (a forked worker that only reads an object still writes its reference
    count): on BBC + Reuters the join's workers took 167 k page faults, 2.4 s of
    system time.
    """
    global _ITEMS, _CLAIMS
    if not _forks(items, jobs):
        return [function(item) for item in items]
    size = _chunk(items, jobs, pieces)
    count = -(-len(items) // size)
    context = multiprocessing.get_context("fork")
    _ITEMS, _CLAIMS = items, context.Value("l", 0)
    for idle, _ in _SPARING:
        idle.clear()
    try:
        done: dict[int, list[R]] = {}
        with context.Pool(jobs - 1) as pool:  # the workers are forked here, with `items` and the counter
            theirs = pool.imap_unordered(functools.partial(_claimed_run, function, size, count), range(count))
            while (run := _claim(count)) is not None:
                done[run] = [function(item) for item in items[run * size : (run + 1) * size]]
            for claimed in theirs:
                if claimed is not None:
                    done[claimed[0]] = claimed[1]
        return [result for run in range(count) for result in done[run]]
    finally:
        _ITEMS, _CLAIMS = (), None
        for idle, _ in _SPARING:
            idle.set()


class Pending(Generic[R]):
    """The results of a `background_map`: `get()` waits for them; leaving a `with` block stops the workers."""

    def __init__(self, function: Callable[[T], R], items: Sequence[T], jobs: int, spare: Spare[T, Any] | None = None) -> None:
        global _ITEMS, _SPARE_EVENTS
        self._later: Callable[[], list[R]] | None = None
        self._pool: Pool | None = None
        self._result: AsyncResult[list[Any]] | None = None
        self._count = len(items)
        self._spared: dict[int, Any] = {}
        self._events: tuple[Any, Any] | None = None
        if not _forks(items, jobs + 1):
            self._later = lambda: [function(item) for item in items]  # and no spare work: no core is idle
            return
        context = multiprocessing.get_context("fork")
        slots = len(items) if spare is not None and jobs == 1 else 0  # one worker goes down one list
        if slots:
            self._events = (context.Event(), context.Event())
            self._events[0].set()
            _SPARING.append(self._events)
        _ITEMS, _SPARE_EVENTS = items, self._events
        try:  # the workers are forked here, with `items` and the events
            self._pool = context.Pool(jobs)
        finally:
            _ITEMS, _SPARE_EVENTS = (), None
        task = functools.partial(_apply_or_spare, function, spare, len(items))
        self._result = self._pool.map_async(task, range(len(items) + slots), chunksize=_chunk(items, jobs))
        self._pool.close()

    def get(self) -> list[R]:
        """The results in input order, once all are in; spare work stops (see `spared`)."""
        if self._later is not None:
            return self._later()
        assert self._result is not None and self._pool is not None
        self._stop_sparing()
        results = self._result.get()
        self._pool.join()
        self._spared = {index: result for index, result in results[self._count :] if index >= 0}
        return results[: self._count]

    def spared(self) -> dict[int, Any]:
        """After `get()`: the spare results done, by the index of their item."""
        return self._spared

    def _stop_sparing(self) -> None:
        if self._events is not None:
            idle, stop = self._events
            stop.set()
            idle.set()  # a paused worker wakes, to stop
            _SPARING.remove(self._events)
            self._events = None

    def __enter__(self) -> Pending[R]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self._stop_sparing()
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()


def background_map(
    function: Callable[[T], R], items: Sequence[T], jobs: int = 1, *, spare: Spare[T, Any] | None = None
) -> Pending[R]:
    """Start `[function(x) for x in items]` in `jobs - 1` processes and return at once.

    For work the caller does not need yet, to fill the cores its own serial stages
    leave idle: with `jobs` 2, one process maps `items` while this one goes on. The
    workers are forked now, so they see `items` as they are now. With `jobs` 1 (or
    where fork is unavailable) nothing starts: `get()` maps the items then, in this
    process. Either way `get()` returns the same list, in input order.

    With `spare` and `jobs` 2, the worker then does the spare work until `get()`;
    `spared()` tells what it did. With `jobs` 1 (or 3 and more) there is none.
    """
    return Pending(function, items, max(jobs - 1, 0), spare)


def _forks(items: Sequence[object], jobs: int) -> bool:
    """True if mapping `items` over `jobs` processes pays and fork is available."""
    return jobs > 1 and len(items) >= 16 * jobs and "fork" in multiprocessing.get_all_start_methods()


def _chunk(items: Sequence[object], jobs: int, pieces: int = 8) -> int:
    return max(1, len(items) // (jobs * pieces))


def _claim(count: int) -> int | None:
    """The next run of the running `parallel_map` not yet taken by any of its processes, if any."""
    with _CLAIMS.get_lock():
        run = _CLAIMS.value
        if run >= count:
            return None
        _CLAIMS.value = run + 1
    return int(run)


def _claimed_run(function: Callable[[T], R], size: int, count: int, task: int) -> tuple[int, list[R]] | None:
    """In a worker of `parallel_map`, one task: `(run, results)` for the next run not yet taken, or None."""
    run = _claim(count)
    if run is None:
        return None
    return run, [function(item) for item in _ITEMS[run * size : (run + 1) * size]]  # type: ignore[arg-type]


def _apply_or_spare(function: Callable[[T], R], spare: Spare[T, S] | None, count: int, index: int) -> R | tuple[int, S | None]:
    """Item `index` of a background map, or, past its `count` items, the spare work's next step: `(item index, result)`.

    A spare step waits while a `parallel_map` runs (`idle` clear) and does
    nothing once the caller has asked for the results (`stop`): it gives `(-1, None)`.
    """
    global _SPARE_ORDER
    if index < count:
        return function(_ITEMS[index])  # type: ignore[arg-type]
    assert spare is not None and _SPARE_EVENTS is not None
    idle, stop = _SPARE_EVENTS
    idle.wait()
    if stop.is_set():
        return -1, None
    if _SPARE_ORDER is None:
        _SPARE_ORDER = spare.order(_ITEMS)  # type: ignore[arg-type]
    step = index - count
    if step >= len(_SPARE_ORDER):
        return -1, None
    item = _SPARE_ORDER[step]
    return item, spare.function(_ITEMS[item])  # type: ignore[arg-type]
