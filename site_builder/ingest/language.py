"""The language of a document: the tag it declares, else one detected from its text (py3langid)."""

from __future__ import annotations

import re

# A BCP 47 tag as source metadata accepts it (language, then subtags).
_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
# Enough text to tell the language apart; detection reads no more than this.
_SAMPLE = 20_000


def declared(value: str | None) -> str | None:
    """A declared language (``lang``, ``og:locale``, a PDF's ``/Lang``) as a tag, if it is one."""
    if not value:
        return None
    tag = value.strip().replace("_", "-")
    if not _TAG.match(tag):
        return None
    language, *rest = tag.split("-")
    return "-".join([language.lower(), *(part.upper() if len(part) == 2 else part for part in rest)])


def detected(text: str) -> str | None:
    """The language the text is written in, as a two- or three-letter code; ``None`` without letters."""
    sample = text[:_SAMPLE]
    if not any(c.isalpha() for c in sample):
        return None
    import py3langid  # loads its model on first use: only when a document declares no language

    return str(py3langid.classify(sample)[0])
