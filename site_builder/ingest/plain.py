"""Plain text and Markdown, taken as they are: UTF-8 (a byte-order mark allowed), any line endings."""

from __future__ import annotations

import re

from site_builder.ingest import language
from site_builder.ingest.document import Extracted
from site_builder.ingest.errors import IngestError
from site_builder.load.files import UnreadableFile, decode_utf8

_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)[ \t#]*$", re.M)


def extract_plain(data: bytes, name: str, *, markdown: bool) -> Extracted:
    try:
        text = decode_utf8(data)
    except UnreadableFile as exc:
        raise IngestError(f"{name}: {exc.message}") from None
    if not text.strip():
        raise IngestError(f"{name} is empty; a source holds the text it is cited for")
    return Extracted(text=text, title=_title(text, markdown), language=language.detected(text))


def _title(text: str, markdown: bool) -> str | None:
    """A Markdown document's first heading, else the first line if it is short enough to be a title."""
    heading = _HEADING.search(text) if markdown else None
    if heading:
        return heading.group(1).strip()
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first if len(first) <= 150 else None
