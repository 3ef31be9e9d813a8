"""Source metadata as the model holds it, and what add-source records beside the text:
the pages of a paged source and the original document, kept under ``seeds/originals/``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_builder import diagnostics as d
from site_builder.diagnostics import Diagnostic
from site_builder.load.files import inside, relative
from site_builder.model import Original, SourceMeta
from site_builder.text.pages import FORM_FEED

ORIGINALS = "originals"
#: the suffix of a kept original, by media type; any other type is kept without one
SUFFIXES = {
    "application/pdf": ".pdf",
    "text/html": ".html",
    "application/xhtml+xml": ".xhtml",
    "text/plain": ".txt",
    "text/markdown": ".md",
}
_TEXT_FIELDS = ("title", "publisher", "url", "published", "language", "sha256", "author", "retrieved")


def meta_from(data: dict[str, Any]) -> SourceMeta:
    """The metadata of a record that passed the schema."""
    original = data.get("original")
    return SourceMeta(
        **{key: data[key] for key in _TEXT_FIELDS if isinstance(data.get(key), str)},
        pages=data.get("pages") if isinstance(data.get("pages"), int) else None,
        page_labels=tuple(data.get("page_labels") or ()),
        original=Original(
            original["name"], original["media_type"], original["sha256"], original.get("publish") is not False
        )
        if isinstance(original, dict)
        else None,
    )


def original_name(source_id: str, media_type: str) -> str:
    """The path, under ``seeds/``, of the kept original of a source."""
    return f"{ORIGINALS}/{source_id}{SUFFIXES.get(media_type, '')}"


def kept_original(seeds: Path, root: Path, source_id: str, meta: SourceMeta) -> str | None:
    """The kept original of a source, relative to the root, if it is a file inside ``seeds/originals/``."""
    if meta.original is None:
        return None
    path = seeds / original_name(source_id, meta.original.media_type)
    if not path.is_file() or not inside(path, seeds / ORIGINALS):
        return None
    return relative(path, root)


def page_problems(text: str, meta: SourceMeta, meta_rel: str | None, line: int | None) -> list[Diagnostic]:
    """Whether the pages the metadata counts are the pages of the text."""
    if meta.pages is None or meta_rel is None:
        return []
    found = text.count(FORM_FEED) + 1
    problems = []
    if found != meta.pages:
        problems.append(
            d.error(
                "source-invalid",
                meta_rel,
                line,
                f"pages: {meta.pages}, but the text has {found} (a line holding only a form feed ends each page "
                f"but the last); correct the count or add the document again with add-source --replace",
            )
        )
    if meta.page_labels and len(meta.page_labels) != meta.pages:
        problems.append(
            d.error(
                "source-invalid",
                meta_rel,
                line,
                f"page_labels names {len(meta.page_labels)} pages, but pages is {meta.pages}; name each page once",
            )
        )
    return problems
