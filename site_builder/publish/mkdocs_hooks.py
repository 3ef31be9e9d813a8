"""MkDocs hooks for ``site-builder serve``: regenerate the pages before every rebuild.

A thin layer: the pages come from the same core as ``site-builder build``.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from site_builder.check.run import check
from site_builder.publish.build_time import build_time
from site_builder.render.generate import generate
from site_builder.render.site_settings import NO_SITE_URL, SiteSettings

log = logging.getLogger("mkdocs.site_builder")


def on_pre_build(config) -> None:
    root = Path(config.config_file_path).parent
    report = check(root)
    for problem in report.diagnostics:
        log.warning("%s:%s: %s[%s]: %s", problem.file, problem.line, problem.severity, problem.code, problem.message)
    settings = dataclasses.replace(SiteSettings.from_config(config), generated=build_time(root))
    if not settings.site_url:
        log.warning(NO_SITE_URL.removeprefix("warning: "))
    generate(report, Path(config.docs_dir), settings)
