"""A cache of loaded records, keyed by their content, so that an unchanged record is not parsed again.

What a record file yields (its sheet or metadata, and its problems) depends only on its bytes, its
path and the code that reads it. An entry is therefore kept under the file's path and the SHA-256
of its bytes, and the whole cache under a key made of the digest of the loading code and schemas
(a new release, or any change to them, starts afresh) and of the identity of the cache folder on
this machine (a cache committed to a repository, or copied from elsewhere, is never read).

The cache lives in ``.site-builder-cache/`` at the project root, which ignores itself for git; other
stages keep files of their own there the same way (:class:`CacheFile`). It is plain JSON written
by :mod:`site_builder.load.codec`: nothing in it is run, and an entry that does not decode to the
expected values is a miss. A cache that is missing, corrupt, from another version or unwritable
is ignored: loading then takes as long as without it, and gives the same result.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from site_builder.atomic import UnsafeWrite, make_folder, write_atomic
from site_builder.diagnostics import Diagnostic
from site_builder.load.codec import Codec, Invalid, codec
from site_builder.model import Sheet, SourceMeta

FOLDER = ".site-builder-cache"
FILE = "records.json"

T = TypeVar("T")

#: What each kind of record loads to (see ``load.sheets`` and ``load.sources``).
SHAPES: dict[str, Codec] = {
    "sheet": codec(tuple[Sheet | None, list[Diagnostic]]),
    "meta": codec(tuple[SourceMeta, str | None, int | None, list[Diagnostic], int | None]),
}


@cache
def code_digest() -> str:
    """The digest of everything that decides what a record loads to: the release, the loading
    code, the data model and the schemas."""
    return files_digest(["model.py", "diagnostics.py", "load", "load/schema"])


def files_digest(names: Iterable[str]) -> str:
    """The digest of the release and of the package's files ``names`` (a folder: its ``.py`` and
    ``.json`` files), each named by its path in the package."""
    from site_builder.version import __version__

    digest = hashlib.sha256(__version__.encode())
    package = resources.files("site_builder")
    for name in names:
        part = package.joinpath(*name.split("/"))
        found = sorted(part.iterdir(), key=lambda p: p.name) if part.is_dir() else [part]
        for each in found:
            if each.is_file() and each.name.endswith((".py", ".json")):
                label = f"{name}/{each.name}" if part.is_dir() else name
                digest.update(label.encode() + b"\0" + each.read_bytes() + b"\0")
    return digest.hexdigest()


class CacheFile:
    """A file of entries in the project's cache folder, trusted only under its key: the digest of
    the code that made the entries and the identity of the folder (see the module's description).

    ``old`` holds the entries read, ``new`` the entries used in this run, which are the ones saved.
    """

    FILE = ""  # the file's name in the cache folder

    def __init__(self, folder: Path | None, entries: dict[str, Any] | None = None, key: str = "") -> None:
        self.folder = folder
        self.key = key
        self.old: dict[str, Any] = entries or {}
        self.new: dict[str, Any] = {}

    @classmethod
    def digest(cls) -> str:
        """The digest of the code whose results the file holds."""
        raise NotImplementedError

    @classmethod
    def open(cls: type[C], root: Path) -> C:
        """The cache of the project at ``root``, or an empty one if it cannot be used."""
        folder = root / FOLDER
        refused = refusal(root, cls.FILE)
        if refused:
            print(f"warning: {folder}: {refused}; the cache is not used", file=sys.stderr)
            return cls(None)
        key = _key(folder, cls.digest())
        if key is None:
            return cls(folder)
        try:
            with open(folder / cls.FILE, encoding="utf-8") as stream:
                stored = json.load(stream)
            if not isinstance(stored, dict) or stored.get("key") != key or not isinstance(stored.get("entries"), dict):
                return cls(folder, key=key)
            return cls(folder, stored["entries"], key)
        except (OSError, ValueError, RecursionError):  # missing, unreadable, or not JSON
            return cls(folder, key=key)

    def start_run(self) -> None:
        """Begin another run with a cache kept open (a preview's): entries it does not use are
        dropped when it is saved."""
        self.old, self.new = {**self.old, **self.new}, {}

    def save(self, *, keep_unused: bool = False) -> None:
        """Keep the entries used in this run (and only those, unless ``keep_unused``: for a run that
        used only some), if any changed; silently give up if the folder cannot be written."""
        if keep_unused:
            self.new = {**self.old, **self.new}
        if self.folder is None or (self.new == self.old and self.key):
            return
        with contextlib.suppress(OSError, UnsafeWrite):
            root = self.folder.parent
            if refusal(root, self.FILE):
                return
            _make_folder(self.folder, root)
            key = _key(self.folder, self.digest())
            if key is None:
                return
            text = json.dumps({"key": key, "entries": self.new}, ensure_ascii=False, separators=(",", ":"))
            write_atomic(self.folder / self.FILE, text.encode("utf-8", "surrogatepass"), root)


C = TypeVar("C", bound=CacheFile)


class RecordCache(CacheFile):
    """Loaded records by kind, path and content digest; see the module's description."""

    FILE = FILE

    def __init__(self, folder: Path | None, entries: dict[str, Any] | None = None, key: str = "") -> None:
        super().__init__(folder, entries, key)
        self.loaded: dict[str, tuple[str, Any]] = {}  # name → (digest, value), for a cache kept open
        self.hits = 0
        self.misses = 0

    @classmethod
    def digest(cls) -> str:
        return code_digest()

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
        shape = SHAPES[kind]
        if isinstance(entry, list) and len(entry) == 2 and entry[0] == digest:
            try:
                value = shape.read(entry[1])
            except Invalid:
                pass
            else:
                self.hits += 1
                self.new[name] = entry
                self.loaded[name] = (digest, value)
                return value
        self.misses += 1
        value = load()
        self.new[name] = [digest, shape.encode(value)]
        self.loaded[name] = (digest, value)
        return value


def _key(folder: Path, digest: str) -> str | None:
    """The key the cache in ``folder`` must hold: the code's digest and the folder's identity."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return f"{digest}:{info.st_dev}:{info.st_ino}"


def refusal(root: Path, name: str) -> str | None:
    """Why the cache folder of ``root``, or its file ``name``, must not be used: a symbolic link
    (it could read or write elsewhere), or a file git tracks (anyone could commit it). None if fine."""
    folder = root / FOLDER
    for path in (folder, folder / name):
        if path.is_symlink():
            return f"{path.name} is a symbolic link"
    if not folder.exists():
        return None
    try:
        tracked = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--", FOLDER],
            capture_output=True,
            check=False,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None  # no git: nothing is tracked
    if tracked:
        return "git tracks files in the cache folder; remove them with `git rm -r --cached " + FOLDER + "`"
    return None


def _make_folder(folder: Path, root: Path) -> None:
    if folder.is_dir():
        return
    make_folder(folder, root)
    write_atomic(
        folder / ".gitignore", b"# Made by site-builder: a cache of loaded records and located quotes.\n*\n", root
    )
    write_atomic(
        folder / "CACHEDIR.TAG",
        b"Signature: 8a477f597d28d172789f06886806bc55\n# A cache of site-builder: it can be deleted.\n",
        root,
    )
