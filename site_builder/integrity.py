"""Source pins: the sha256 a curator reviewed, kept in the source's metadata.

A pull request that edits a source so that a false quote passes changes the source's digest,
and the check then names every fact that rests on it until a curator pins the new text.
"""

from __future__ import annotations

import re
from pathlib import Path

from site_builder.model import Source

PIN_KEY = "sha256"
_PIN_LINE = re.compile(rf"^{PIN_KEY}[ \t]*:[^\r\n]*", re.MULTILINE)


def with_pin(metadata: str, digest: str) -> str:
    """The metadata text with its top-level ``sha256`` set to ``digest``, all else kept as written."""
    line = f"{PIN_KEY}: {digest}"
    if _PIN_LINE.search(metadata):
        return _PIN_LINE.sub(line, metadata, count=1)
    if metadata and not metadata.endswith(("\n", "\r")):
        metadata += "\n"
    return metadata + line + "\n"


def pin_source(source: Source, root: Path) -> bool:
    """Write the source's current digest into its metadata file; return whether anything changed."""
    if source.meta.sha256 == source.digest:
        return False
    meta_path = root / (source.meta_path or f"{Path(source.path).with_suffix('.yml').as_posix()}")
    current = meta_path.read_text(encoding="utf-8-sig") if meta_path.exists() else ""
    with meta_path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(with_pin(current, source.digest))
    return True
