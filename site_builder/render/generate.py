"""Write the pages and exports of a checked project as Markdown files: no MkDocs in it."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from site_builder.model import Report
from site_builder.render.exports import export_jobs
from site_builder.render.originals import original_files
from site_builder.render.pages import page_jobs
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView
from site_builder.render.writer import Docs, Job, abandon_docs, finish_docs, open_docs, write_page
from site_builder.runtime.pool import WorkerPool

MIN_PAGES = 600  # below this, starting a worker costs more than it saves


def generate(
    report: Report, docs_dir: Path, settings: SiteSettings | None = None, *, pool: WorkerPool | None = None
) -> list[str]:
    """Write every page and export of a checked project into ``docs_dir``; returns the paths that changed."""
    return write_site(SiteView.of(report, settings), docs_dir, pool=pool)


def write_site(view: SiteView, docs_dir: Path, *, pool: WorkerPool | None = None) -> list[str]:
    """:func:`generate` for a view already made (``build`` also indexes it for search). Pages are
    rendered and written by ``pool``'s workers too when there are many: each as soon as it is
    rendered, so that no process holds the text of every page."""
    report = view.report
    originals = original_files(list(report.project.sources.values()), Path(report.project.root))
    docs = open_docs(docs_dir)
    groups = (*page_jobs(view), *export_jobs(view))
    jobs = [job for group in groups for job in group]
    write = partial(_write, docs)
    try:
        # A page of a worker that failed is written here, and counts as changed: the worker may have
        # written it before it failed.
        flags = (pool or WorkerPool()).map(write, jobs, bool, fewest=MIN_PAGES, again=partial(_write_again, docs))
        changed = [path for (path, _), flag in zip(jobs, flags) if flag]
        return sorted(changed + finish_docs(docs, {path for path, _ in jobs}, originals))
    except BaseException:
        abandon_docs(docs)
        raise


def _write(docs: Docs, job: Job) -> bool:
    path, render = job
    return write_page(docs, path, render())


def _write_again(docs: Docs, job: Job) -> bool:
    _write(docs, job)
    return True
