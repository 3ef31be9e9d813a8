"""Write the pages and exports of a checked project as Markdown files: no MkDocs in it."""

from __future__ import annotations

from pathlib import Path

from site_builder.model import Report
from site_builder.render.exports import export_jobs
from site_builder.render.halves import render_in_halves
from site_builder.render.originals import original_files
from site_builder.render.pages import page_jobs
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView
from site_builder.render.writer import write_docs


def generate(report: Report, docs_dir: Path, settings: SiteSettings | None = None) -> list[str]:
    """Write every page and export of a checked project into ``docs_dir``; returns the paths that changed."""
    view = SiteView.of(report, settings)
    originals = original_files(list(report.project.sources.values()), Path(report.project.root))
    return write_docs(render_in_halves(*page_jobs(view), *export_jobs(view)), docs_dir, originals)
