"""Reading the project's files as untrusted text."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path


class UnreadableFile(Exception):
    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True)
class TextFile:
    path: Path
    rel: str  # relative to the project root, forward slashes
    text: str  # decoded, without a byte-order mark
    sha256: str  # of the bytes as stored


def relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link followed, stays inside ``folder``."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def decode_utf8(data: bytes) -> str:
    """Decode strict UTF-8, dropping a leading byte-order mark.

    Raises :class:`UnreadableFile` naming the line and byte offset of the first bad byte.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
        shift = len(codecs.BOM_UTF8)
    else:
        shift = 0
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + (before.count(b"\r") - before.count(b"\r\n")) + 1
        column = exc.start - max(before.rfind(b"\n"), before.rfind(b"\r"))
        raise UnreadableFile(
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {exc.start + shift} "
            f"(line {line}); save the file as UTF-8",
            line,
            column,
        ) from None


def read_text(path: Path, root: Path, folder: Path) -> TextFile:
    """Read a file of ``folder`` (in ``root``) as UTF-8 text, refusing links that leave it."""
    rel = relative(path, root)
    if not inside(path, folder):
        raise UnreadableFile(f"{rel} points outside {relative(folder, root)}/ and is not read", 1)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read {rel}: {exc.strerror or exc}", 1) from None
    return TextFile(path, rel, decode_utf8(data), hashlib.sha256(data).hexdigest())
