"""Where each generated page lives, and the anchors inside pages.

Ids are lower-case kebab-case (never ``--``), so ``--`` joins them without ambiguity.
"""

from __future__ import annotations

import posixpath

from site_builder.render.escape import Md

HOME = "index.md"
SHEETS = "sheets/index.md"
SOURCES = "sources/index.md"
TAGS = "tags/index.md"


def sheet_page(sheet_id: str) -> str:
    return f"sheets/{sheet_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def tag_page(tag: str) -> str:
    return f"tags/{tag}.md"


def fact_anchor(fact_id: str) -> str:
    return fact_id


def cite_anchor(sheet_id: str, fact_id: str, index: int) -> str:
    """The id of a cited passage on its source page."""
    return f"cite--{sheet_id}--{fact_id}--{index}"


def href(from_page: str, to_page: str, anchor: str | None = None) -> Md:
    """A relative link between two generated Markdown pages (MkDocs resolves and checks it)."""
    if to_page == from_page:
        path = ""
    else:
        path = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return Md(path + (f"#{anchor}" if anchor else ""))
