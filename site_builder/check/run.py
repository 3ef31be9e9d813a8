"""Load a project from disk and check it: what ``site-builder check`` does."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from site_builder.check.changes import find_changes
from site_builder.check.checker import CheckOptions, CitationMemo, check_project
from site_builder.check.halves import TwoCores
from site_builder.check.located import LocatedCache
from site_builder.load.cache import RecordCache
from site_builder.load.project import collector_paused, load_project
from site_builder.model import Report


def check(
    root: Path,
    options: CheckOptions = CheckOptions(),
    *,
    since: str | None = None,
    cache: bool | RecordCache = False,
    memo: CitationMemo | None = None,
) -> Report:
    """Check the project at ``root``; with ``since`` (a git revision), only what a change touched;
    with ``cache``, records unchanged since the last run are not parsed again (and, with ``True``,
    citations unchanged since the last run are not located again: see :mod:`.located`); with
    ``memo`` (kept by a preview between runs), citations unchanged since the last run are not
    located again.

    Raises :class:`site_builder.check.changes.RevisionError` when ``since`` cannot be compared against.
    """
    with collector_paused():
        return _check(root, options, since, cache, memo)


def _check(
    root: Path, options: CheckOptions, since: str | None, cache: bool | RecordCache, memo: CitationMemo | None
) -> Report:
    # On two cores, the citations are located as the records are loaded (see :mod:`.halves`).
    split = TwoCores(LocatedCache.open(root) if cache is True else None)
    project, problems = load_project(root, cache=cache, loading=split)
    located = split.located
    if since is None:
        report = check_project(project, problems, options, memo=memo, located=located)
        if located is not None:
            located.save()
        return report
    changes = find_changes(root, since, project)
    report = check_project(project, problems, replace(options, only_sheets=frozenset(changes.checked)), located=located)
    if located is not None:
        located.save(keep_unused=True)  # the citations of the sheets not checked are still what they were
    keep = set(changes.files)
    keep |= {sheet.path for sheet in project.sheets if sheet.id in changes.checked}
    for source_id in changes.sources:
        source = project.sources.get(source_id)
        if source is not None:
            keep |= {path for path in (source.path, source.meta_path) if path}
    report.diagnostics = [x for x in report.diagnostics if x.file in keep]
    report.changes = changes.as_json()
    return report
