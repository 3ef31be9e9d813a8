"""Write the pages and exports of a checked project as Markdown files: no MkDocs in it."""

from __future__ import annotations

from pathlib import Path

from site_builder.model import Report
from site_builder.render.exports import export_files
from site_builder.render.originals import original_files
from site_builder.render.pages import render_pages
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView
from site_builder.render.writer import write_docs


def generate(report: Report, docs_dir: Path, settings: SiteSettings | None = None) -> list[str]:
    """Write every page and export of a checked project into ``docs_dir``; returns the paths that changed."""
    view = SiteView.of(report, settings)
    originals = original_files(list(report.project.sources.values()), Path(report.project.root))
    return write_docs({**render_pages(view), **export_files(view)}, docs_dir, originals)
