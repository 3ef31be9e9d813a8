"""What a valid id is: the patterns of the record schema, and the names the site keeps for itself."""

from __future__ import annotations

import re

from site_builder.load.schema import load_schema

_DEFS = load_schema("factsheet")["$defs"]

#: sheet, fact and tag ids: lower-case kebab-case
KEBAB = re.compile(_DEFS["id"]["pattern"])
#: source ids, the names of the files in seeds/ without ``.txt``
SOURCE_ID = re.compile(_DEFS["citation"]["properties"]["source"]["pattern"])
#: ``sheets/index.md``, ``sources/index.md`` and ``tags/index.md`` are the index pages
RESERVED = frozenset(_DEFS["tag"]["not"]["enum"])


def as_kebab(text: str) -> str:
    """``text`` made kebab-case, for a did-you-mean (empty if nothing is left)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
