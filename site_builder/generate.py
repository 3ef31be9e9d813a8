"""Check a project and write its pages as Markdown: the whole core, with no MkDocs in it."""

from __future__ import annotations

from pathlib import Path

from site_builder.checker import Report, check_project
from site_builder.project import load_project
from site_builder.render.pages import render_site
from site_builder.render.writer import write_docs


def check(root: Path) -> Report:
    project, problems = load_project(root)
    return check_project(project, problems)


def generate(report: Report, docs_dir: Path) -> list[str]:
    """Write every page of a checked project into ``docs_dir``; returns the paths that changed."""
    return write_docs(render_site(report), docs_dir)
