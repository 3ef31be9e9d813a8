"""Why a document cannot be added as a source: one line, said to the curator as it is."""

from __future__ import annotations


class IngestError(Exception):
    """A document that cannot become a source; nothing has been written when it is raised."""
