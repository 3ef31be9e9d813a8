"""Render and write many pages on two cores: a forked process renders and writes half of them.

Rendering a page is plain Python and holds the interpreter's lock, so threads would take turns.
A forked process shares the view for free, renders and writes every other page while this one
does the rest, and sends back which of its pages changed. Each page is written as soon as it is
rendered, so no process holds the text of every page. Anything amiss with the other process (it
cannot be forked, it fails, its answer is incomplete) and this one renders and writes its pages
again: the files are always the same as when written one after the other.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from site_builder.forked import Forked
from site_builder.forked import can_fork as _can_fork

MIN_PAGES = 600  # below this, starting a process costs more than it saves

Job = tuple[str, Callable[[], str]]  # a page's path and what renders it
Write = Callable[[str, str], bool]  # writes a page's text at its path; whether its file changed


def _written(jobs: Sequence[Job], write: Write) -> list[str]:
    return [path for path, render in jobs if write(path, render())]


def write_in_halves(*groups: Sequence[Job], write: Write) -> list[str]:
    """Render and ``write`` every page of the ``groups`` of jobs; return the paths that changed.
    When it pays, a forked process does every other page of each group (pages of a group take
    about as long as one another)."""
    jobs = [job for group in groups for job in group]
    if len(jobs) < MIN_PAGES or not _can_fork():
        return _written(jobs, write)
    mine = [job for group in groups for job in group[0::2]]
    theirs = [job for group in groups for job in group[1::2]]
    forked = Forked.start(lambda: json.dumps([write(path, render()) for path, render in theirs]).encode("utf-8"))
    if forked is None:
        return _written(jobs, write)
    changed = _written(mine, write)
    told = _received(forked.answer(), len(theirs))
    if told is None:  # written again here; what it had written may have changed, so all count
        _written(theirs, write)
        told = [True] * len(theirs)
    return changed + [path for (path, _), flag in zip(theirs, told) if flag]


def _received(data: bytes | None, count: int) -> list[bool] | None:
    if data is None:
        return None
    try:
        flags = json.loads(data)
    except ValueError:
        return None
    if not isinstance(flags, list) or len(flags) != count or not all(isinstance(f, bool) for f in flags):
        return None
    return flags
