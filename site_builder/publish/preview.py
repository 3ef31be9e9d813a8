"""What ``site-builder serve`` keeps between two rebuilds, so that each does only what an edit needs.

MkDocs loads hook files as modules of their own, so the state lives here, in a module that the
command and the hooks both import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from site_builder.check.checker import CitationMemo
from site_builder.load.cache import RecordCache
from site_builder.model import Report
from site_builder.render.incremental import Generated


@dataclass
class Preview:
    root: Path
    records: RecordCache  # the loaded records, kept decoded in memory
    citations: CitationMemo = field(default_factory=dict)  # what locating each citation found
    generated: Generated | None = None  # what the docs folder holds
    report: Report | None = None  # the report the docs folder was last generated from


current: Preview | None = None


def for_root(root: Path) -> Preview:
    """The preview of the project at ``root``, made on first use."""
    global current
    if current is None or current.root != root:
        current = Preview(root, RecordCache.open(root))
    return current
