"""The id of a new source: the one asked for, or one made from its title, unique in seeds/."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection

from site_builder.ingest.errors import IngestError
from site_builder.load import ids

MAX_LENGTH = 60


def from_title(title: str | None, fallback: str) -> str:
    """Lower-case kebab-case ASCII of the title (accents dropped), cut at a word near 60 characters."""
    for text in (title, fallback):
        ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
        slug = ids.as_kebab(ascii_text)
        if len(slug) > MAX_LENGTH:
            slug = slug[:MAX_LENGTH].rsplit("-", 1)[0]
        if slug:
            return slug
    return "source"


def unique(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… whichever no source has yet (case aside)."""
    folded = {t.casefold() for t in taken} | set(ids.RESERVED)
    candidate, n = base, 1
    while candidate.casefold() in folded:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def check_given(source_id: str) -> None:
    if not ids.SOURCE_ID.match(source_id) or source_id in ids.RESERVED:
        raise IngestError(
            f"--id {source_id!r} cannot name a source: use letters, digits, '_', '-' and single dots, "
            "starting with a letter or digit (such as harbour-report-2024)"
        )
