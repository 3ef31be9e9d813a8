"""Read a project from disk: files, YAML, schema validation, records, sheets and sources."""

from site_builder.load.project import load_project

__all__ = ["load_project"]
