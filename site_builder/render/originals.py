"""Original PDFs published with the site, so a quote's page opens in the document itself."""

from __future__ import annotations

from pathlib import Path

from site_builder.model import Source
from site_builder.render import urls

#: only PDFs are published: a saved web page would run its scripts on the site's own origin
PUBLISHED_TYPES = frozenset({"application/pdf"})


def published_original(source: Source) -> str | None:
    """Where the source's original is in the docs folder, if it is published."""
    original = source.meta.original
    if source.original_file is None or original is None or original.media_type not in PUBLISHED_TYPES:
        return None
    if not original.publish:
        return None
    return urls.original_file(source.id)


def original_files(sources: list[Source], root: Path) -> dict[str, bytes]:
    """The published originals: their path in the docs folder → their bytes."""
    files = {}
    for source in sources:
        target = published_original(source)
        if target is not None and source.original_file is not None:
            files[target] = (root / source.original_file).read_bytes()
    return files
