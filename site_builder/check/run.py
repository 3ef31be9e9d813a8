"""Load a project from disk and check it: what ``site-builder check`` does."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from site_builder.check.changes import find_changes
from site_builder.check.checker import CheckOptions, Locate, check_project
from site_builder.check.located import LOCATED, locate_citation, remembered
from site_builder.load.project import collector_paused, load_project
from site_builder.model import Citation, Located, Project, Report, Source
from site_builder.runtime.session import Session


def check(
    root: Path,
    options: CheckOptions = CheckOptions(),
    *,
    since: str | None = None,
    session: Session | None = None,
) -> Report:
    """Check the project at ``root``; with ``since`` (a git revision), only what a change touched.

    ``session`` (see :mod:`site_builder.runtime`) remembers what records load to and where quotes
    stand, in memory and, if it has a store, on disk between runs, and shares the work among
    worker processes; the report is the same with any session. Without one, nothing is kept.

    Raises :class:`site_builder.check.changes.RevisionError` when ``since`` cannot be compared against.
    """
    session = session if session is not None else Session()
    finished = False
    try:
        with collector_paused():
            report = _check(root, options, since, session)
        finished = True
    finally:
        # A run that checked only some sheets, or failed, keeps what it did not use: still true.
        session.finish(keep_unused=since is not None or not finished)
    return report


def _check(root: Path, options: CheckOptions, since: str | None, session: Session) -> Report:
    project, problems = load_project(root, session=session)
    if since is None:
        return check_project(project, problems, options, locate=_locator(project, options, session))
    changes = find_changes(root, since, project)
    options = replace(options, only_sheets=frozenset(changes.checked))
    report = check_project(project, problems, options, locate=_locator(project, options, session))
    keep = set(changes.files)
    keep |= {sheet.path for sheet in project.sheets if sheet.id in changes.checked}
    for source_id in changes.sources:
        source = project.sources.get(source_id)
        if source is not None:
            keep |= {path for path in (source.path, source.meta_path) if path}
    report.diagnostics = [x for x in report.diagnostics if x.file in keep]
    report.changes = changes.as_json()
    return report


def _locator(project: Project, options: CheckOptions, session: Session) -> Locate:
    """Where every citation to be checked stands in its source, found at once through the session."""
    wanted = []
    for sheet in project.sheets:
        if options.only_sheets is not None and sheet.id not in options.only_sheets:
            continue
        for fact in sheet.facts:
            for citation in fact.citations:
                source = project.sources.get(citation.source)
                each = remembered(citation, source) if source is not None else None
                if each is not None:
                    wanted.append(each)
    found = {each.inputs: value for each, value in zip(wanted, session.recall(LOCATED, wanted))}

    def locate(citation: Citation, source: Source) -> Located:
        value = found.get((source.digest, citation.quote, citation.prefix, citation.suffix)) if source.digest else None
        return value if value is not None else locate_citation(citation, source)

    return locate
