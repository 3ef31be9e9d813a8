"""Work done by a forked process while this one does the rest: the second core of the machine.

Loading records, locating quotes and rendering pages are plain Python and hold the interpreter's
lock, so threads would take turns. A forked process shares for free all that this one has built,
does its part, writes its answer (bytes) to a pipe and ends at once. Its caller reads the answer
when it needs it, and does the part itself if there is none: the fork failed, the process failed,
or (the caller judges) its answer is incomplete.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable


def can_fork() -> bool:
    """Whether a second process can take part of the work: a fork, a second core, no thread (a
    lock held by another thread, a preview's server say, would stay held in the copy)."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


class Forked:
    """A forked process computing an answer."""

    def __init__(self, pid: int, pipe: int) -> None:
        self._pid, self._pipe = pid, pipe

    @classmethod
    def start(cls, work: Callable[[], bytes]) -> Forked | None:
        """Fork a process that runs ``work`` and sends what it returns; None if it cannot be forked."""
        reading, writing = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(reading)
            os.close(writing)
            return None
        if pid == 0:  # the other process: work, answer, and end at once (no cleanup of this one's state)
            code = 1
            try:
                os.close(reading)
                answer = work()
                with os.fdopen(writing, "wb") as pipe:
                    pipe.write(answer)
                code = 0
            finally:
                os._exit(code)
        os.close(writing)
        return cls(pid, reading)

    def answer(self) -> bytes | None:
        """What the process sent, once it has ended; None if it failed. Read once."""
        with os.fdopen(self._pipe, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self._pid, 0)
        return data if status == 0 else None

    def stop(self) -> None:
        """End the process without its answer."""
        with contextlib.suppress(OSError):
            os.kill(self._pid, signal.SIGKILL)
        self.answer()
