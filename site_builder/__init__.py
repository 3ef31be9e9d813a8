"""Publish fact sheets whose every claim is proven, word for word, by the source it cites.

The few calls a script needs, in the order the work flows::

    from pathlib import Path
    import site_builder

    project, problems = site_builder.load_project(Path("."))   # load: records and sources
    report = site_builder.check_path(Path("."))                # load + check every citation
    site = site_builder.read_config(Path("."))                 # mkdocs.yml: docs_dir, site_dir
    site_builder.generate(report, site.docs_dir, site.settings)  # render: Markdown pages, exports
    site_builder.publish_site(site)                            # publish: MkDocs build, atomic swap
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from site_builder.version import __version__

if TYPE_CHECKING:
    from site_builder.check import CheckOptions, check_project
    from site_builder.check import check as check_path
    from site_builder.load import load_project
    from site_builder.model import Project, Report
    from site_builder.publish.mkdocs_build import SiteConfig
    from site_builder.render.site_settings import SiteSettings

# Every stage is imported when first named here, so that importing one stage (``site_builder.load``)
# never imports the others through the package root.
_LAZY = {
    "CheckOptions": "site_builder.check",
    "check_path": "site_builder.check.run",
    "check_project": "site_builder.check",
    "load_project": "site_builder.load",
    "Project": "site_builder.model",
    "Report": "site_builder.model",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), "check" if name == "check_path" else name)
    raise AttributeError(f"module 'site_builder' has no attribute {name!r}")


def read_config(root: Path) -> SiteConfig:
    """The folders and site settings that ``mkdocs.yml`` names (see :func:`site_builder.publish.mkdocs_build.read_config`)."""
    from site_builder.publish.mkdocs_build import read_config

    return read_config(root)


def generate(report: Report, docs_dir: Path, settings: SiteSettings | None = None) -> list[str]:
    """Write every page and export of a checked project into ``docs_dir`` (see :func:`site_builder.render.generate.generate`)."""
    from site_builder.render.generate import generate

    return generate(report, docs_dir, settings)


def publish_site(site: SiteConfig, search_pages: dict[str, str] | None = None) -> None:
    """Build the site with MkDocs and swap it in (see :func:`site_builder.publish.mkdocs_build.publish`)."""
    from site_builder.publish.mkdocs_build import publish

    publish(site, search_pages)


__all__ = [
    "CheckOptions",
    "Project",
    "Report",
    "__version__",
    "check_path",
    "check_project",
    "generate",
    "load_project",
    "publish_site",
    "read_config",
]
