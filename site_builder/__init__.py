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

__version__ = "0.1.0"

from site_builder.check import CheckOptions, check, check_project
from site_builder.load import load_project
from site_builder.model import Project, Report
from site_builder.publish.mkdocs_build import publish, read_config
from site_builder.render.generate import generate

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
