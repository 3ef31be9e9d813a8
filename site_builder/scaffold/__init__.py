"""``site-builder init``: a new fact-sheet project that checks and builds at once.

The files are shipped in ``project/`` beside this module; a path part ``dot-x`` is written as
``.x``, and ``__SITE_NAME__``, ``__SITE_URL__``, ``__REQUIREMENT__`` and ``__DOCUMENTATION__`` are
filled in. Values go into YAML as scalars written by the YAML editor, and a value holding a line
break or a control character is refused, so that no value can add a line (a MkDocs hook, a pip
option) to the files it fills.
"""

from __future__ import annotations

import hashlib
import re
import sys
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from site_builder.atomic import make_folder, write_atomic

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable

from site_builder.load.yaml_edit import scalar_text
from site_builder.scaffold.requirement import checked_requirement

_TOKEN = re.compile(r"__[A-Z_]+__")
PINNED = ("seeds/lighthouse",)  # the example sources, pinned once written


class NotEmpty(Exception):
    """The target folder holds files already; a project is made only in an empty or new folder."""


class BadValue(Exception):
    """A value given to init cannot be written safely (a line break, a control character, a bad URL)."""


def _one_line(what: str, value: str) -> str:
    if not value.strip() or any(not ch.isprintable() for ch in value):
        raise BadValue(f"{what} must be one line of printable text, got {value!r}")
    return value


def _site_url(value: str | None) -> str:
    """The ``site_url`` line of mkdocs.yml: the address given, else a commented example."""
    if value is None:
        return "# site_url: https://OWNER.github.io/REPOSITORY/  # the published address: set it before publishing"
    parts = urlsplit(_one_line("--site-url", value))
    if parts.scheme not in ("http", "https") or not parts.netloc or any(ch.isspace() for ch in value):
        raise BadValue(f"--site-url must be an http(s) address such as https://owner.github.io/repo/, got {value!r}")
    return f"site_url: {scalar_text(value)}"


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


def create(
    target: Path, *, site_name: str, requirement: str, documentation: str, site_url: str | None = None
) -> list[str]:
    """Write a new project into ``target`` (made if missing); returns the files written.

    Raises ``BadValue`` (before writing anything) for a value that cannot be written safely, and
    ``NoRequirement`` for a requirement that is not a single requirement of site-builder.
    """
    fill = {
        "__SITE_NAME_YAML__": scalar_text(_one_line("--name", site_name)),
        "__SITE_NAME__": site_name,
        "__SITE_URL_LINE__": _site_url(site_url),
        "__REQUIREMENT__": checked_requirement(requirement),
        "__DOCUMENTATION__": _one_line("the documentation address", documentation),
    }
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NotEmpty(f"{target} is not an empty folder; init makes a project in a new or empty folder")
    written = []
    for rel, entry in _files(resources.files(__name__).joinpath("project")):
        text = entry.read_text(encoding="utf-8")
        text = _TOKEN.sub(lambda m: fill.get(m.group(), m.group()), text)  # one pass: no value is read again
        path = target / rel
        make_folder(path.parent, target)
        write_atomic(path, text.encode("utf-8"), target)
        written.append(rel)
    for stem in PINNED:  # reviewed as shipped: record the digest so that a change to the text is noticed
        digest = hashlib.sha256((target / f"{stem}.txt").read_bytes()).hexdigest()
        meta = target / f"{stem}.yml"
        write_atomic(meta, meta.read_bytes() + f"sha256: {digest}\n".encode(), target)
    return written
