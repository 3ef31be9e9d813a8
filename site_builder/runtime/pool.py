"""Work shared out among forked worker processes, each answering with a typed encoding.

Loading records, locating quotes and rendering pages are plain Python and hold the interpreter's
lock, so threads would take turns. A worker forked from this process shares for free all that it
has built, does its share of the items, sends the answers (msgspec's MessagePack, checked against
their type on reading) and ends. This process does a share of its own meanwhile. A worker that
cannot start, fails, or answers with anything else than one answer of the right type per item:
its items are done here, so the answers are always those of one process doing it all.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

import msgspec

T = TypeVar("T")
R = TypeVar("R")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class WorkerPool:
    """Forked workers, one per core but this process's; ``fewest``, if given, is how many items
    are worth sharing out whatever the caller says (a test's way to share out a few)."""

    def __init__(self, workers: int | None = None, *, fewest: int | None = None) -> None:
        self.workers = max(0, _cores() - 1) if workers is None else workers
        self.fewest = fewest

    def can_fork(self) -> bool:
        """Whether a worker can take a share: a fork, a core for it, and no other thread (a lock
        held by another thread, a preview's server say, would stay held in the copy)."""
        return self.workers > 0 and "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1

    def map(
        self,
        work: Callable[[T], R],
        items: Sequence[T],
        answer: Any,
        *,
        fewest: int,
        again: Callable[[T], R] | None = None,
    ) -> list[R]:
        """``work(item)`` for every item, in order. With at least ``fewest`` items (0: never), the
        workers take a share each; ``answer`` is the type of what ``work`` returns. A failed
        worker's items are done here with ``again`` (default: ``work``); an exception raised here
        has every item done again here in order, so that the first item that fails is the one told."""
        if fewest and self.fewest is not None:
            fewest = self.fewest
        if not fewest or len(items) < max(fewest, 2) or not self.can_fork():
            return [work(item) for item in items]
        count = min(self.workers + 1, len(items))
        shares = [items[i::count] for i in range(count)]  # items of a kind take about as long as one another
        started = [_Worker.start(work, share, answer) for share in shares[1:]]
        answers: list[list[Any]] = []
        try:
            answers.append([work(item) for item in shares[0]])
            for worker, share in zip(started, shares[1:]):
                got = worker.answer(len(share)) if worker is not None else None
                answers.append(got if got is not None else [(again or work)(item) for item in share])
        except BaseException as exc:
            for worker in started[len(answers) - 1 if answers else 0 :]:
                if worker is not None:
                    worker.stop()
            if not isinstance(exc, Exception):  # interrupted: no more work
                raise
            return [work(item) for item in items]
        merged: list[Any] = [None] * len(items)
        for i, share_answers in enumerate(answers):
            merged[i::count] = share_answers
        return merged


class _Worker:
    """A forked process doing one share; its answers read once."""

    def __init__(self, process: Any, pipe: Connection, decoder: msgspec.msgpack.Decoder) -> None:
        self._process, self._pipe, self._decoder = process, pipe, decoder

    @classmethod
    def start(cls, work: Callable[[Any], Any], share: Sequence[Any], answer: Any) -> _Worker | None:
        context = multiprocessing.get_context("fork")
        reading, writing = context.Pipe(duplex=False)
        process = context.Process(target=_serve, args=(work, share, writing), daemon=True)
        try:
            process.start()
        except OSError:
            reading.close()
            writing.close()
            return None
        writing.close()
        return cls(process, reading, msgspec.msgpack.Decoder(list[answer]))

    def answer(self, count: int) -> list[Any] | None:
        """The worker's answers once it has ended; None if it failed or sent anything else."""
        try:
            data = self._pipe.recv_bytes()
        except (EOFError, OSError):
            data = None
        finally:
            self._pipe.close()
        self._process.join()
        if data is None or self._process.exitcode != 0:
            return None
        try:
            answers = self._decoder.decode(data)
        except (msgspec.DecodeError, RecursionError):  # ValidationError is a DecodeError
            return None
        return answers if len(answers) == count else None

    def stop(self) -> None:
        """End the worker without its answers (if it has not ended already)."""
        with contextlib.suppress(OSError, ValueError):
            self._process.kill()
        self._pipe.close()
        with contextlib.suppress(ValueError):  # already joined and closed
            self._process.join()


def _serve(work: Callable[[Any], Any], share: Sequence[Any], pipe: Connection) -> None:
    """In the worker: do the share and send the answers; on any failure end quietly, and this
    process does the share again (and says what fails, if it fails again)."""
    try:
        pipe.send_bytes(msgspec.msgpack.encode([work(item) for item in share]))
        pipe.close()
    except BaseException:
        os._exit(1)
