"""``site-builder init``: a new fact-sheet project that checks and builds at once.

The files are shipped in ``project/`` beside this module; a path part ``dot-x`` is written as
``.x``, and ``__SITE_NAME__``, ``__REQUIREMENT__`` and ``__DOCUMENTATION__`` are filled in.
"""

from __future__ import annotations

import hashlib
import sys
from importlib import resources
from pathlib import Path

from site_builder.atomic import make_folder, write_atomic

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

PINNED = ("seeds/lighthouse",)  # the example sources, pinned once written


class NotEmpty(Exception):
    """The target folder holds files already; a project is made only in an empty or new folder."""


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name == "__pycache__":
            continue
        name = "." + entry.name[4:] if entry.name.startswith("dot-") else entry.name
        if entry.is_dir():
            out += _files(entry, f"{prefix}{name}/")
        else:
            out.append((prefix + name, entry))
    return out


def create(target: Path, *, site_name: str, requirement: str, documentation: str) -> list[str]:
    """Write a new project into ``target`` (made if missing); returns the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NotEmpty(f"{target} is not an empty folder; init makes a project in a new or empty folder")
    fill = {"__SITE_NAME__": site_name, "__REQUIREMENT__": requirement, "__DOCUMENTATION__": documentation}
    written = []
    for rel, entry in _files(resources.files(__name__).joinpath("project")):
        text = entry.read_text(encoding="utf-8")
        for token, value in fill.items():
            text = text.replace(token, value)
        path = target / rel
        make_folder(path.parent, target)
        write_atomic(path, text.encode("utf-8"), target)
        written.append(rel)
    for stem in PINNED:  # reviewed as shipped: record the digest so that a change to the text is noticed
        digest = hashlib.sha256((target / f"{stem}.txt").read_bytes()).hexdigest()
        meta = target / f"{stem}.yml"
        write_atomic(meta, meta.read_bytes() + f"sha256: {digest}\n".encode(), target)
    return written
