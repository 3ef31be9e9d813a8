"""Load a project from disk and check it: what ``site-builder check`` does."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from site_builder.check.changes import find_changes
from site_builder.check.checker import CheckOptions, CitationMemo, check_project
from site_builder.load.cache import RecordCache
from site_builder.load.project import load_project
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
    with ``cache``, records unchanged since the last run are not parsed again; with ``memo``
    (kept by a preview between runs), citations unchanged since the last run are not located again.

    Raises :class:`site_builder.check.changes.RevisionError` when ``since`` cannot be compared against.
    """
    project, problems = load_project(root, cache=cache)
    if since is None:
        return check_project(project, problems, options, memo=memo)
    changes = find_changes(root, since, project)
    report = check_project(project, problems, replace(options, only_sheets=frozenset(changes.checked)))
    keep = set(changes.files)
    keep |= {sheet.path for sheet in project.sheets if sheet.id in changes.checked}
    for source_id in changes.sources:
        source = project.sources.get(source_id)
        if source is not None:
            keep |= {path for path in (source.path, source.meta_path) if path}
    report.diagnostics = [x for x in report.diagnostics if x.file in keep]
    report.changes = changes.as_json()
    return report
