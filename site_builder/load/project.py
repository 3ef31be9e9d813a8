"""Load a whole project: every source and every fact sheet under a root folder."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from site_builder.diagnostics import Diagnostic
from site_builder.load.files import inside
from site_builder.load.recall import Recall
from site_builder.load.sheets import load_sheets
from site_builder.load.sources import load_sources
from site_builder.model import Project


class NotAProject(Exception):
    """The root folder is not a project (a usage error, not a problem of the records)."""


FOLDERS = ("seeds", "factsheets")


def require_project(root: Path) -> Path:
    """``root`` if it holds ``seeds/`` and ``factsheets/``, real folders inside it."""
    if not root.is_dir():
        raise NotAProject(f"the project root {root} does not exist or is not a folder")
    missing = [name for name in FOLDERS if not (root / name).is_dir()]
    if missing:
        raise NotAProject(f"{root} is not a project: it has no {' and no '.join(f'{m}/' for m in missing)} folder")
    for name in FOLDERS:
        if not inside(root / name, root) or (root / name).resolve() == root.resolve():
            raise NotAProject(f"{root / name} is a link to a folder outside the project; it is not read")
    return root


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector: loading and checking make a great many small objects and no
    cycles among them, which it would walk again and again while they are made, to find nothing."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def load_project(root: Path, *, session: Recall | None = None) -> tuple[Project, list[Diagnostic]]:
    """Every source and sheet of the project at ``root``, and every problem found in them.

    ``session`` (see :mod:`site_builder.load.recall`) may hold what a record whose bytes have not
    changed loaded to, and may parse records on other cores; the result is the same.
    """
    root = require_project(root)
    with collector_paused():
        sources, source_problems = load_sources(root, session)
        sheets, sheet_problems = load_sheets(root, session)
    return Project(str(root), tuple(sheets), sources), source_problems + sheet_problems
