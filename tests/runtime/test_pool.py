"""The worker pool: answers in the items' order, as one process gives them, whatever the workers do."""

from __future__ import annotations

import os

import pytest

from site_builder.runtime import pool as pool_module
from site_builder.runtime.pool import WorkerPool

ITEMS = list(range(50))


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
    assert done_again == ITEMS[1::2]
    assert len(forks) == 1


def test_answers_of_another_type_are_not_taken(forks):
    answers = WorkerPool(workers=1).map(str, ITEMS, int, fewest=1)  # "0" is not an int: done here
    assert answers == [str(n) for n in ITEMS]


def test_what_fails_here_fails_as_in_one_process_and_the_workers_are_ended(forks):
    def failing(n: int) -> int:
        if n in (7, 12):  # one of each process's share: 7 is a worker's, 12 this one's
            raise ValueError(f"item {n}")
        return n

    with pytest.raises(ValueError, match="item 7"):
        WorkerPool(workers=1).map(failing, ITEMS, int, fewest=1)
    assert len(forks) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forks[0], os.WNOHANG)  # ended and collected


def test_an_interruption_here_ends_the_workers_and_no_more_work_is_done(forks):
    done: list[int] = []

    def interrupted(n: int) -> int:
        done.append(n)
        if n == 4:
            raise KeyboardInterrupt
        return n

    with pytest.raises(KeyboardInterrupt):
        WorkerPool(workers=1).map(interrupted, ITEMS, int, fewest=1)
    assert done == [0, 2, 4]  # this process's share, up to the interruption
    with pytest.raises(ChildProcessError):
        os.waitpid(forks[0], os.WNOHANG)
