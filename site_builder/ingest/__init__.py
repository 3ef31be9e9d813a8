"""Bring a real-world document in as a source: a web page, a PDF, plain text or Markdown.

``add-source`` extracts the text (never running a page), writes ``seeds/<id>.txt`` with its
metadata and pin, and keeps the original under ``seeds/originals/``.
"""

from site_builder.ingest.add import Added, AddOptions, add_source, plan_source, write_source
from site_builder.ingest.errors import IngestError

__all__ = ["AddOptions", "Added", "IngestError", "add_source", "plan_source", "write_source"]
