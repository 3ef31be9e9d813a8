"""Which kind of document some bytes are: by their first bytes, their media type, their name."""

from __future__ import annotations

from pathlib import PurePosixPath

from site_builder.ingest.errors import IngestError

HTML, PDF, TEXT, MARKDOWN = "html", "pdf", "text", "markdown"
MEDIA_TYPES = {HTML: "text/html", PDF: "application/pdf", TEXT: "text/plain", MARKDOWN: "text/markdown"}
_BY_MEDIA_TYPE = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "application/pdf": PDF,
    "application/x-pdf": PDF,
    "text/plain": TEXT,
    "text/markdown": MARKDOWN,
    "text/x-markdown": MARKDOWN,
}
_BY_SUFFIX = {
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".pdf": PDF,
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
}
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body")
_SUPPORTED = "add-source reads web pages (HTML), PDFs, plain text and Markdown"


def format_of(data: bytes, name: str, media_type: str | None = None) -> str:
    """``html``, ``pdf``, ``text`` or ``markdown``; anything else is refused.

    The bytes decide first (a PDF named ``.html`` is still a PDF), then the media type a server
    gave, then the file name's suffix.
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"%PDF-"):
        return PDF
    if head.startswith(_HTML_STARTS):
        return HTML
    kind = _BY_MEDIA_TYPE.get(media_type or "") or _BY_SUFFIX.get(PurePosixPath(name).suffix.lower())
    if kind == PDF:
        raise IngestError(f"{name} is named or served as a PDF but is not one (it does not start with %PDF-)")
    if kind is None:
        what = f"its type is {media_type}" if media_type else f"'{PurePosixPath(name).suffix or name}' files"
        raise IngestError(f"{name}: unsupported type ({what}); {_SUPPORTED}")
    if b"\x00" in data[:8192] and kind in (TEXT, MARKDOWN):
        raise IngestError(f"{name}: unsupported type (binary data, not text); {_SUPPORTED}")
    return kind
