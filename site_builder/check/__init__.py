"""Check a loaded project: every citation located in its source, every reference resolved, every pin held."""

from site_builder.check.checker import CheckOptions, check_project
from site_builder.check.run import check

__all__ = ["CheckOptions", "check", "check_project"]
