"""Write the pages and exports of a checked project as Markdown files: no MkDocs in it."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from site_builder.model import Report
from site_builder.render.exports import export_jobs
from site_builder.render.halves import write_in_halves
from site_builder.render.originals import original_files
from site_builder.render.pages import page_jobs
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView
from site_builder.render.writer import finish_docs, open_docs, write_page


def generate(report: Report, docs_dir: Path, settings: SiteSettings | None = None) -> list[str]:
    """Write every page and export of a checked project into ``docs_dir``; returns the paths that changed."""
    return write_site(SiteView.of(report, settings), docs_dir)


def write_site(view: SiteView, docs_dir: Path) -> list[str]:
    """:func:`generate` for a view already made (``build`` also indexes it for search)."""
    report = view.report
    originals = original_files(list(report.project.sources.values()), Path(report.project.root))
    open_docs(docs_dir)
    groups = (*page_jobs(view), *export_jobs(view))
    changed = write_in_halves(*groups, write=partial(write_page, docs_dir))
    written = {path for group in groups for path, _ in group}
    return sorted(changed + finish_docs(docs_dir, written, originals))
