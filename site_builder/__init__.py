"""Publish fact sheets whose every claim is proven, word for word, by the source it cites.

The few calls a script needs, in the order the work flows::

    from pathlib import Path
    import site_builder

    project, problems = site_builder.load_project(Path("."))   # load: records and sources
    report = site_builder.check(Path("."))                     # load + check every citation
    site = site_builder.read_config(Path("."))                 # mkdocs.yml: docs_dir, site_dir
    site_builder.generate(report, site.docs_dir, site.settings)  # render: Markdown pages, exports
    site_builder.publish(site)                                 # publish: MkDocs build, atomic swap
"""

from __future__ import annotations

__version__ = "0.1.0"

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from site_builder.check import CheckOptions, check, check_project
from site_builder.load import load_project
from site_builder.model import Project, Report

if TYPE_CHECKING:
    from site_builder.publish.mkdocs_build import SiteConfig
    from site_builder.render.site_settings import SiteSettings

# Rendering and publishing are imported when first used, not by a run that only checks. The
# publishing package is imported now, so that importing its modules later does not set its name
# here in place of the function below.
importlib.import_module("site_builder.publish")


def read_config(root: Path) -> SiteConfig:
    """The folders and site settings that ``mkdocs.yml`` names (see :func:`site_builder.publish.mkdocs_build.read_config`)."""
    from site_builder.publish.mkdocs_build import read_config

    return read_config(root)


def generate(report: Report, docs_dir: Path, settings: SiteSettings | None = None) -> list[str]:
    """Write every page and export of a checked project into ``docs_dir`` (see :func:`site_builder.render.generate.generate`)."""
    from site_builder.render.generate import generate

    return generate(report, docs_dir, settings)


def publish(site: SiteConfig, search_pages: dict[str, str] | None = None) -> None:
    """Build the site with MkDocs and swap it in (see :func:`site_builder.publish.mkdocs_build.publish`)."""
    from site_builder.publish.mkdocs_build import publish

    publish(site, search_pages)


__all__ = [
    "CheckOptions",
    "Project",
    "Report",
    "__version__",
    "check",
    "check_project",
    "generate",
    "load_project",
    "publish",
    "read_config",
]
