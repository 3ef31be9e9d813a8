"""A cache of loaded records, keyed by their content, so that an unchanged record is not parsed again.

What a record file yields (its sheet or metadata, and its problems) depends only on its bytes, its
path and the code that reads it. An entry is therefore kept under the file's path and the SHA-256
of its bytes, and the whole cache under a key made of the digest of the loading code and schemas
(a new release, or any change to them, starts afresh) and of the identity of the cache folder on
this machine (a cache committed to a repository, or copied from elsewhere, is never read).

The cache lives in ``.site-builder-cache/`` at the project root, which ignores itself for git. It
is plain JSON: nothing in it is run, and an entry that does not decode to the expected values is
a miss. A cache that is missing, corrupt, from another version or unwritable is ignored: loading
then takes as long as without it, and gives the same result.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from site_builder.diagnostics import Diagnostic
from site_builder.model import Citation, Fact, Original, Sheet, SourceMeta

FOLDER = ".site-builder-cache"
FILE = "records.json"
_TYPES = {cls.__name__: cls for cls in (Sheet, Fact, Citation, Diagnostic, SourceMeta, Original)}

T = TypeVar("T")


class _Invalid(Exception):
    """A cached value that does not decode to what the loader makes."""


_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _TYPES.values()}
_PLAIN = (str, int, float, bool, type(None))


def encode(value: Any) -> Any:
    """``value`` as JSON: the model's values tagged with their type, tuples told from lists."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple:
        return ["T", [encode(item) for item in value]]
    if kind is list:
        return ["L", [encode(item) for item in value]]
    if kind is dict:
        return ["M", {str(key): encode(item) for key, item in value.items()}]
    names = _FIELDS.get(kind)
    if names is None:
        raise TypeError(f"cannot cache a {kind.__name__}")
    return ["D", kind.__name__, {name: encode(getattr(value, name)) for name in names}]


def decode(data: Any) -> Any:
    """The value that :func:`encode` wrote; raises :class:`_Invalid` for anything else."""
    if data is None or isinstance(data, (str, int, float, bool)):
        return data
    try:
        kind = data[0]
        if kind == "T":
            return tuple(decode(item) for item in data[1])
        if kind == "L":
            return [decode(item) for item in data[1]]
        if kind == "M":
            return {key: decode(item) for key, item in data[1].items()}
        if kind == "D":
            return _TYPES[data[1]](**{key: decode(item) for key, item in data[2].items()})
    except (KeyError, IndexError, TypeError, AttributeError, ValueError) as exc:
        raise _Invalid(exc) from None
    raise _Invalid(kind)


@cache
def code_digest() -> str:
    """The digest of everything that decides what a record loads to: the release, the loading
    code, the data model and the schemas."""
    from site_builder import __version__

    digest = hashlib.sha256(__version__.encode())
    package = resources.files("site_builder")
    parts = [package / "model.py", package / "diagnostics.py"]
    parts += sorted((package / "load").iterdir(), key=lambda p: p.name)
    parts += sorted((package / "load" / "schema").iterdir(), key=lambda p: p.name)
    for part in parts:
        if part.is_file() and part.name.endswith((".py", ".json")):
            digest.update(part.name.encode() + b"\0" + part.read_bytes() + b"\0")
    return digest.hexdigest()


class RecordCache:
    """Loaded records by kind, path and content digest; see the module's description."""

    def __init__(self, folder: Path | None, entries: dict[str, Any] | None = None, key: str = "") -> None:
        self.folder = folder
        self.key = key
        self.old: dict[str, Any] = entries or {}
        self.new: dict[str, Any] = {}
        self.loaded: dict[str, tuple[str, Any]] = {}  # name → (digest, value), for a cache kept open
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, root: Path) -> RecordCache:
        """The cache of the project at ``root``, or an empty one if it cannot be used."""
        folder = root / FOLDER
        key = _key(folder)
        if key is None:
            return cls(folder)
        try:
            with open(folder / FILE, encoding="utf-8") as stream:
                stored = json.load(stream)
            if not isinstance(stored, dict) or stored.get("key") != key or not isinstance(stored.get("entries"), dict):
                return cls(folder, key=key)
            return cls(folder, stored["entries"], key)
        except (OSError, ValueError):  # missing, unreadable, or not JSON
            return cls(folder, key=key)

    def remember(self, kind: str, rel: str, digest: str, load: Callable[[], T]) -> T:
        """What ``load()`` returns for the file ``rel`` whose bytes have ``digest``: from the cache
        if it holds it, else loaded and kept."""
        name = f"{kind}:{rel}"
        kept = self.loaded.get(name)
        stored = self.new.get(name) or self.old.get(name)
        if kept is not None and kept[0] == digest and stored is not None:
            self.hits += 1
            self.new[name] = stored
            return kept[1]
        entry = stored
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == digest:
            try:
                value = decode(entry[1])
            except _Invalid:
                pass
            else:
                self.hits += 1
                self.new[name] = entry
                self.loaded[name] = (digest, value)
                return value
        self.misses += 1
        value = load()
        self.new[name] = [digest, encode(value)]
        self.loaded[name] = (digest, value)
        return value

    def start_run(self) -> None:
        """Begin another run with a cache kept open (a preview's): entries it does not use are
        dropped when it is saved."""
        self.old, self.new = {**self.old, **self.new}, {}

    def save(self) -> None:
        """Keep the entries used in this run (and only those), if any changed; silently give up
        if the folder cannot be written."""
        if self.folder is None or (self.new == self.old and self.key):
            return
        with contextlib.suppress(OSError):
            _make_folder(self.folder)
            key = _key(self.folder)
            if key is None:
                return
            temporary = self.folder / f".{FILE}.{os.getpid()}.tmp"
            try:
                text = json.dumps({"key": key, "entries": self.new}, ensure_ascii=False, separators=(",", ":"))
                temporary.write_text(text, encoding="utf-8")
                os.replace(temporary, self.folder / FILE)
            finally:
                with contextlib.suppress(OSError):
                    temporary.unlink()


def _key(folder: Path) -> str | None:
    """The key the cache in ``folder`` must hold: the code's digest and the folder's identity."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return f"{code_digest()}:{info.st_dev}:{info.st_ino}"


def _make_folder(folder: Path) -> None:
    if folder.is_dir():
        return
    folder.mkdir()
    (folder / ".gitignore").write_text("# Made by site-builder: a cache of loaded records.\n*\n", encoding="utf-8")
    (folder / "CACHEDIR.TAG").write_text(
        "Signature: 8a477f597d28d172789f06886806bc55\n# A cache of site-builder: it can be deleted.\n",
        encoding="utf-8",
    )
