"""parallel: maps over forked workers give what a map in this process gives."""

from __future__ import annotations

import os
import time

import pytest

from compare.parallel import Spare, background_map, parallel_map


def _square(n: int) -> int:
    return n * n


def _fail_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_maps_over_processes_keep_input_order(jobs: int) -> None:
    """Results come back in input order whatever the number of processes."""
    items = list(range(200, 0, -1))
    expected = [n * n for n in items]
    assert expected == parallel_map(_square, items, jobs)
    with background_map(_square, items, jobs) as pending:
        assert expected == pending.get()


def _pid_after_a_while(n: int) -> tuple[int, int]:
    time.sleep(0.01)
    return n, os.getpid()


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_map_works_in_this_process_too(jobs: int) -> None:
    """The caller takes runs of items like its workers do; every item is mapped once, in input order.

    A run of 4 items takes 40 ms: the workers cannot take all 16 runs before this
    process takes its first.
    """
    items = list(range(64))
    results = parallel_map(_pid_after_a_while, items, jobs)
    assert items == [n for n, _ in results]
    pids = {pid for _, pid in results}
    assert os.getpid() in pids
    assert 1 < len(pids) <= jobs


@pytest.mark.parametrize("items", [list(range(200)), list(range(199, -1, -1))])
def test_parallel_map_raises_an_items_error_wherever_it_ran(items: list[int]) -> None:
    """Item 7 fails in the first run (this process's, most likely) or in the last (a worker's)."""
    with pytest.raises(ValueError, match="seven"):
        parallel_map(_fail_on_seven, items, 2)


def test_background_map_sees_items_as_they_were_when_started() -> None:
    """Workers are forked at the start: a change to the items afterwards is not seen (with jobs 2)."""
    items = list(range(100))
    with background_map(_square, items, 2) as pending:
        items[0] = 1000
        assert 0 == pending.get()[0]


def test_background_map_raises_the_workers_error_on_get() -> None:
    """A worker's exception reaches the caller when it asks for the results."""
    for jobs in (1, 2):
        with background_map(_fail_on_seven, list(range(100)), jobs) as pending, pytest.raises(ValueError, match="seven"):
            pending.get()


def test_leaving_unfinished_background_map_stops_it() -> None:
    """Leaving the `with` block without `get()` (as on an error in the caller) stops the workers."""
    with pytest.raises(RuntimeError), background_map(_square, list(range(10_000)), 2):
        raise RuntimeError("the caller failed")


def _cube(n: int) -> int:
    return n * n * n


def _some_items(items: list[int]) -> list[int]:
    return [len(items) - 1, 3, 50]


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_spare_work_gives_its_function_of_the_items_it_chose(jobs: int) -> None:
    """With `jobs` 2 the worker goes on to the spare work's items, in its order; with 1 or 3 there is none.

    The items' own results never change; each spare result is the spare function of
    the item whose index it carries.
    """
    items = list(range(200))
    with background_map(_square, items, jobs, spare=Spare(_some_items, _cube)) as pending:
        time.sleep(1.0)  # the worker needs a few milliseconds for all of it
        assert [n * n for n in items] == pending.get()
    assert ({199: 199**3, 3: 27, 50: 50**3} if jobs == 2 else {}) == pending.spared()


def test_spare_work_stops_when_the_results_are_taken() -> None:
    """`get()` does not wait for spare work: what was not done by then is left out, nothing is wrong."""
    items = list(range(100))
    with background_map(_square, items, 2, spare=Spare(_every_item_slowly, _cube)) as pending:
        assert [n * n for n in items] == pending.get()
    spared = pending.spared()
    assert len(spared) < len(items)
    assert all(value == index**3 for index, value in spared.items())


def _every_item_slowly(items: list[int]) -> list[int]:
    time.sleep(0.5)
    return list(range(len(items)))
