"""The worker pool: answers in the items' order, as one process gives them, whatever the workers do."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder.runtime import pool as pool_module
from site_builder.runtime.pool import WorkerPool, deal

ITEMS = list(range(50))
MINE, THEIRS = deal(len(ITEMS), 2)  # this process's share of ITEMS, and its one worker's


def square(n: int) -> int:
    return n * n


def test_workers_answer_in_order(forks):
    assert WorkerPool(workers=2).map(square, ITEMS, int, fewest=10) == [square(n) for n in ITEMS]
    assert len(forks) == 2


def test_too_few_items_or_no_worker_are_done_here(forks):
    assert WorkerPool(workers=2).map(square, ITEMS, int, fewest=51) == [square(n) for n in ITEMS]
    assert WorkerPool(workers=2).map(square, ITEMS, int, fewest=0) == [square(n) for n in ITEMS]
    assert WorkerPool(workers=0).map(square, ITEMS, int, fewest=1) == [square(n) for n in ITEMS]
    assert forks == []


def test_no_worker_while_another_thread_runs(forks, monkeypatch):
    """A lock held by another thread would stay held in the copy."""
    monkeypatch.setattr(pool_module.threading, "active_count", lambda: 2)
    assert WorkerPool(workers=1).map(square, ITEMS, int, fewest=1) == [square(n) for n in ITEMS]
    assert forks == []


def test_the_items_of_a_failed_worker_are_done_here_again(monkeypatch, forks):
    monkeypatch.setattr(pool_module, "_serve", lambda work, share, pipe: os._exit(1))
    done_again: list[int] = []

    def again(n: int) -> int:
        done_again.append(n)
        return square(n)

    assert WorkerPool(workers=1).map(square, ITEMS, int, fewest=1, again=again) == [square(n) for n in ITEMS]
    assert done_again == [ITEMS[i] for i in THEIRS]
    assert len(forks) == 1


def test_answers_of_another_type_are_not_taken(forks):
    answers = WorkerPool(workers=1).map(str, ITEMS, int, fewest=1)  # "0" is not an int: done here
    assert answers == [str(n) for n in ITEMS]


def test_what_fails_here_fails_as_in_one_process_and_the_workers_are_ended(forks):
    first, later = ITEMS[THEIRS[3]], ITEMS[MINE[5]]  # one of each process's share
    assert first < later

    def failing(n: int) -> int:
        if n in (first, later):
            raise ValueError(f"item {n}")
        return n

    with pytest.raises(ValueError, match=f"item {first}$"):
        WorkerPool(workers=1).map(failing, ITEMS, int, fewest=1)
    assert len(forks) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forks[0], os.WNOHANG)  # ended and collected


def test_an_interruption_here_ends_the_workers_and_no_more_work_is_done(forks):
    done: list[int] = []

    def interrupted(n: int) -> int:
        done.append(n)
        if n == ITEMS[MINE[2]]:
            raise KeyboardInterrupt
        return n

    with pytest.raises(KeyboardInterrupt):
        WorkerPool(workers=1).map(interrupted, ITEMS, int, fewest=1)
    assert done == [ITEMS[i] for i in MINE[:3]]  # this process's share, up to the interruption
    with pytest.raises(ChildProcessError):
        os.waitpid(forks[0], os.WNOHANG)


@given(total=st.integers(0, 3000), count=st.integers(1, 5))
def test_every_item_is_dealt_once_in_order_and_this_process_takes_more(total, count):
    shares = deal(total, count)
    assert len(shares) == count
    assert sorted(i for share in shares for i in share) == list(range(total))
    assert all(share == sorted(share) for share in shares)
    if count > 1 and total >= 100:
        workers = [len(share) for share in shares[1:]]
        assert max(workers) - min(workers) <= 1  # the workers alike
        assert len(shares[0]) > max(workers)  # this process pays for no copy of its memory
