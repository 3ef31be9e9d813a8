"""MkDocs hooks for ``site-builder serve``: before every rebuild, bring the pages up to date.

A thin layer over the same core as ``site-builder build``. Records and citations unchanged since
the last rebuild are kept in memory, only the pages an edit reaches are rewritten, and MkDocs
(serving with dirty rebuilds) renders only the pages rewritten; the exports follow once the pages
are shown. A project with errors is reported in the terminal and keeps the last good pages.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from site_builder.check.run import check
from site_builder.publish import preview
from site_builder.render.incremental import generate_changes, write_exports
from site_builder.render.site_settings import NO_SITE_URL, SiteSettings

log = logging.getLogger("mkdocs.site_builder")
SHOWN_WARNINGS = 20  # on each rebuild of a preview


def on_pre_build(config) -> None:
    began = time.perf_counter()
    state = preview.for_root(Path(config.config_file_path).parent)
    # As MkDocs serves it: ``site_url`` is the preview's own address, so the first build may differ.
    settings = state.settings(SiteSettings.from_config(config))
    if state.unchanged() and state.generated is not None and state.generated.settings == settings:
        return  # a rebuild set off by the pages or exports just written: they are up to date
    report = check(state.root, session=state.session)
    warnings = 0
    for problem in report.diagnostics:
        if problem.severity == "warning":
            warnings += 1
            if warnings > SHOWN_WARNINGS:
                continue  # every error is said; a long list of warnings would bury them
        where = ":".join(str(part) for part in (problem.file, problem.line, problem.column) if part)
        log.warning("%s: %s[%s]: %s", where, problem.severity, problem.code, problem.message)
    if warnings > SHOWN_WARNINGS:
        more = warnings - SHOWN_WARNINGS
        noun = "warning" if more == 1 else "warnings"
        log.warning("site-builder: %d more %s; run site-builder check to see them all", more, noun)
    if report.errors:
        log.warning(
            "site-builder: %d error%s; the preview keeps the last good pages until %s fixed",
            report.errors,
            "" if report.errors == 1 else "s",
            "it is" if report.errors == 1 else "they are",
        )
        return
    if not settings.site_url:
        log.warning(NO_SITE_URL.removeprefix("warning: "))
    docs = Path(config.docs_dir)
    changed, state.generated = generate_changes(report, docs, settings, state.generated, exports=False)
    state.report = report
    log.info("site-builder: %d pages regenerated in %.2f s", len(changed), time.perf_counter() - began)


def on_post_build(config) -> None:
    state = preview.current
    if state is not None and state.report is not None and state.generated is not None:
        write_exports(state.report, Path(config.docs_dir), state.generated)
