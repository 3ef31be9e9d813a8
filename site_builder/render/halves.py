"""Render many pages on two cores: a forked process renders half of them.

Rendering a page is plain Python and holds the interpreter's lock, so threads would take turns.
A forked process shares the view for free, renders every other page while this one renders the
rest, and sends back their text. Anything amiss with the other process (it cannot
be forked, it fails, its answer is incomplete) and this one renders them itself: the
pages are always the same as when rendered one after the other.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Sequence

MIN_PAGES = 600  # below this, starting a process costs more than it saves

Job = tuple[str, Callable[[], str]]  # a page's path and what renders it


def _can_fork() -> bool:
    # A process with threads (a preview's server) is never forked: a lock held by another thread
    # would stay held in the copy.
    return hasattr(os, "fork") and (os.cpu_count() or 1) > 1 and threading.active_count() == 1


def render_in_halves(*groups: Sequence[Job]) -> dict[str, str]:
    """Every page of the ``groups`` of jobs, path → text; when it pays, a forked process renders
    every other page of each group (pages of a group take about as long as one another)."""
    jobs = [job for group in groups for job in group]
    if len(jobs) < MIN_PAGES or not _can_fork():
        return {path: render() for path, render in jobs}
    mine = [job for group in groups for job in group[0::2]]
    theirs = [job for group in groups for job in group[1::2]]
    reading, writing = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return {path: render() for path, render in jobs}
    if pid == 0:  # the other process: render the second half, send it, and end at once
        code = 1
        try:
            os.close(reading)
            rendered = [render() for _, render in theirs]
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(json.dumps(rendered, ensure_ascii=False).encode("utf-8"))
            code = 0
        finally:
            os._exit(code)
    os.close(writing)
    pages = {path: render() for path, render in mine}
    with os.fdopen(reading, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    texts = _received(data, status, len(theirs))
    for number, (path, render) in enumerate(theirs):
        pages[path] = render() if texts is None else texts[number]
    return pages


def _received(data: bytes, status: int, count: int) -> list[str] | None:
    if status != 0:
        return None
    try:
        texts = json.loads(data)
    except ValueError:
        return None
    if not isinstance(texts, list) or len(texts) != count or not all(isinstance(t, str) for t in texts):
        return None
    return texts
