"""One content-addressed store of values on disk: ``.site-builder-cache/store.msgpack``.

An entry's key is a keyed BLAKE2b digest of everything the value is made from: the kind of value,
the digest of the code that makes it (a new release, or any change to that code, starts afresh),
and its inputs (a record's path and the SHA-256 of its bytes, a quote and the digest of its
source...). The digest is keyed with the user's secret (:mod:`.secret`), so an entry that anyone
else wrote never matches. A value is stored in msgspec's MessagePack and read back only as the
type it was (nothing in it names a type, so nothing read can choose what gets made); an entry that
does not decode is a miss.

The folder ignores itself for git. A folder or file that is a symbolic link, or a folder git tracks
files in, is refused with a warning; a store that is missing, corrupt or unwritable is ignored:
the run then takes as long as without it, and finds the same.
"""

from __future__ import annotations

import contextlib
import hashlib
import subprocess
import sys
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import msgspec

from site_builder.atomic import UnsafeWrite, make_folder, write_atomic
from site_builder.runtime.secret import NoSecret, user_secret

FOLDER = ".site-builder-cache"
FILE = "store.msgpack"

_ENTRIES = msgspec.msgpack.Decoder(dict[str, bytes])
_ENCODER = msgspec.msgpack.Encoder()


@cache
def code_digest(names: tuple[str, ...]) -> str:
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


def entry_key(secret: bytes, kind: str, code: str, inputs: tuple[Any, ...]) -> str:
    """The name of the entry for a value of ``kind`` made by ``code`` from ``inputs``."""
    data = _ENCODER.encode((kind, code, inputs))  # MessagePack: every part delimited, nothing ambiguous
    return hashlib.blake2b(data, key=secret, digest_size=20).hexdigest()


@cache
def _decoder(shape: Any) -> msgspec.msgpack.Decoder:
    return msgspec.msgpack.Decoder(shape)


class Store:
    """The entries read from the project's store, and those of this run; see the module's description."""

    def __init__(self, folder: Path, secret: bytes, entries: dict[str, bytes] | None = None) -> None:
        self.folder = folder
        self.secret = secret
        self.entries: dict[str, bytes] = entries or {}
        self.changed = False

    @classmethod
    def open(cls, root: Path) -> Store | None:
        """The store of the project at ``root``; None, with a warning, if it must not be used."""
        folder = root / FOLDER
        refused = refusal(root)
        if refused is None:
            try:
                secret = user_secret(root)
            except NoSecret as exc:
                refused = str(exc)
        if refused is not None:
            print(f"warning: {folder}: {refused}; the cache is not used", file=sys.stderr)
            return None
        try:
            with open(folder / FILE, "rb") as stream:
                entries = _ENTRIES.decode(stream.read())
        except (OSError, msgspec.DecodeError, RecursionError):  # missing, unreadable, or not a store
            entries = {}
        return cls(folder, secret, entries)

    def get(self, key: str, shape: Any) -> Any:
        """The value of type ``shape`` stored under ``key``; :data:`MISSING` if none decodes."""
        data = self.entries.get(key)
        if data is None:
            return MISSING
        try:
            return _decoder(shape).decode(data)
        except (msgspec.DecodeError, RecursionError):  # ValidationError, a model's own check, is one
            del self.entries[key]
            self.changed = True
            return MISSING

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = _ENCODER.encode(value)
        self.changed = True

    def save(self, used: Iterable[str] | None = None) -> None:
        """Keep the entries ``used`` (None: all) if any changed; silently give up if the folder
        cannot be written."""
        kept = self.entries if used is None else {key: self.entries[key] for key in used if key in self.entries}
        if not self.changed and len(kept) == len(self.entries):
            return
        self.entries, self.changed = kept, False
        root = self.folder.parent
        with contextlib.suppress(OSError, UnsafeWrite):
            if refusal(root):
                return
            _make_folder(self.folder, root)
            # Not flushed to disk: a store lost or torn by a crash does not decode, reads as empty,
            # and is made again; waiting for the disk would only delay every check.
            write_atomic(self.folder / FILE, _ENCODER.encode(kept), root, durable=False)


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def refusal(root: Path) -> str | None:
    """Why the store of ``root`` must not be used: its folder or file is a symbolic link (it could
    read or write elsewhere), or git tracks files in its folder (anyone could commit them). None if fine."""
    folder = root / FOLDER
    for path in (folder, folder / FILE):
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
        folder / ".gitignore",
        b"# Made by site-builder: a cache of loaded records and located quotes.\n*\n",
        root,
        durable=False,
    )
    write_atomic(
        folder / "CACHEDIR.TAG",
        b"Signature: 8a477f597d28d172789f06886806bc55\n# A cache of site-builder: it can be deleted.\n",
        root,
        durable=False,
    )
