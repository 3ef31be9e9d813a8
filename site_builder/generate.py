"""Check a project and write its pages as Markdown: the whole core, with no MkDocs in it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from site_builder.changes import find_changes
from site_builder.checker import CheckOptions, Report, check_project
from site_builder.exports import export_files
from site_builder.project import load_project
from site_builder.render.pages import render_pages
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView
from site_builder.render.writer import write_docs


def check(root: Path, options: CheckOptions = CheckOptions(), *, since: str | None = None) -> Report:
    """Check the project at ``root``; with ``since`` (a git revision), only what a change touched.

    Raises :class:`site_builder.changes.RevisionError` when ``since`` cannot be compared against.
    """
    project, problems = load_project(root)
    if since is None:
        return check_project(project, problems, options)
    changes = find_changes(root, since, project)
    report = check_project(project, problems, replace(options, only_sheets=frozenset(changes.checked)))
    keep = set(changes.files)
    keep |= {sheet.path for sheet in project.sheets if sheet.id in changes.checked}
    for source_id in changes.sources:
        source = project.sources.get(source_id)
        if source is not None:
            keep |= {source.path, source.meta_path}
    report.diagnostics = [x for x in report.diagnostics if x.file in keep]
    report.changes = changes.as_json()
    return report


def generate(report: Report, docs_dir: Path, settings: SiteSettings | None = None) -> list[str]:
    """Write every page and export of a checked project into ``docs_dir``; returns the paths that changed."""
    view = SiteView.of(report, settings)
    return write_docs({**render_pages(view), **export_files(view)}, docs_dir)
