"""Find and read the project's files as untrusted bytes.

Two kinds of failure are told apart. What a pull request can bring (a file that is not UTF-8,
too large, not a regular file, or a link leading out of its folder) is :class:`UnreadableFile`,
which the loaders report as a diagnostic. What only the machine can cause (a permission denied,
an I/O error) is :class:`CannotRead`, a usage-level error that stops the run.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from site_builder.load.excerpt import visible


class UnreadableFile(Exception):
    """A file whose content or kind keeps it from being read; reported as a diagnostic."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class CannotRead(Exception):
    """The operating system refused to read a file or folder (permissions, I/O)."""


@dataclass(frozen=True)
class TextFile:
    path: Path
    rel: str  # relative to the project root, forward slashes
    text: str  # decoded, without a byte-order mark
    sha256: str  # of the bytes as stored


def relative(path: Path, root: Path) -> str:
    """``path`` as reports name it: relative to ``root``, forward slashes, nothing hidden."""
    full, base = str(path), str(root)
    if os.sep == "/" and full.startswith(base) and full[len(base) : len(base) + 1] == "/" and base != "/":
        rel = full[len(base) + 1 :]  # what relative_to gives, without building paths
    else:
        try:
            rel = path.relative_to(root).as_posix()
        except ValueError:
            rel = path.as_posix()
    return visible(rel)


def _os_error(exc: OSError, rel: str) -> CannotRead:
    return CannotRead(f"cannot read {rel}: {exc.strerror or exc}")


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link followed, stays inside ``folder``."""
    try:
        path.resolve().relative_to(folder.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def list_files(folder: Path, root: Path, suffixes: tuple[str, ...], *, recursive: bool = False) -> list[Path]:
    """Files of ``folder`` whose names end with one of ``suffixes``, sorted by path.

    Links are listed like files (:func:`read_text` decides whether they may be read); links to
    folders are listed too, whatever their names, so that they are reported rather than skipped.
    """
    found: list[Path] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as exc:
            raise _os_error(exc, relative(current, root) + "/") from None
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
                is_link = entry.is_symlink()
            except OSError as exc:  # pragma: no cover - scandir already read the entry
                raise _os_error(exc, relative(path, root)) from None
            if is_dir:
                if recursive:
                    pending.append(path)
            elif entry.name.endswith(suffixes) or (is_link and path.is_dir()):
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _real_path(path: Path, rel: str) -> Path:
    try:
        return path.resolve(strict=True)
    except FileNotFoundError:
        raise UnreadableFile(f"{rel} is a link to a file that does not exist", 1) from None
    except RuntimeError:  # a loop of links (Python 3.11 and 3.12)
        raise UnreadableFile(f"{rel} is a link that leads back to itself", 1) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # a loop of links (Python 3.13 and later)
            raise UnreadableFile(f"{rel} is a link that leads back to itself", 1) from None
        raise _os_error(exc, rel) from None


def _plain_file(path: Path, folder: Path) -> os.stat_result | None:
    """The status of ``path`` if it is a regular file, not a link, right inside ``folder``: then it
    is inside the folder with no link to follow, and resolving its path would only take time."""
    full, base = str(path), str(folder)
    if not (
        full.startswith(base) and full[len(base) : len(base) + 1] == os.sep and os.sep not in full[len(base) + 1 :]
    ):
        return None
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info if stat.S_ISREG(info.st_mode) else None


def read_bytes(path: Path, root: Path, folder: Path, limit: int, rel: str | None = None) -> bytes:
    """The bytes of a regular file of ``folder``, refusing links out of it, other kinds of
    files (a fifo would block the build) and files larger than ``limit`` bytes. (``rel``: the
    path as :func:`relative` names it, if known.)"""
    if rel is None:
        rel = relative(path, root)
    plain = _plain_file(path, folder)
    real = path if plain is not None else _real_path(path, rel)
    if real is not path:
        try:
            real.relative_to(folder.resolve())
        except ValueError:
            raise UnreadableFile(
                f"{rel} is a link to {'a file' if real.is_file() else 'something'} outside "
                f"{relative(folder, root)}/; only files inside it are read",
                1,
            ) from None
    try:
        info = plain if plain is not None else os.stat(real)  # a regular file that is no link: as lstat saw it
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise UnreadableFile(f"{rel} is {kind}; a {Path(rel).suffix or 'plain'} file was expected", 1)
        with open(real, "rb") as stream:
            # As much as the file holds (asking for ``limit`` bytes would first take that much memory),
            # and on to the limit if it has grown since.
            wanted = min(info.st_size, limit) + 1
            data = stream.read(wanted)
            if len(data) == wanted <= limit:
                data += stream.read(limit + 1 - wanted)
    except OSError as exc:
        raise _os_error(exc, rel) from None
    if len(data) > limit:
        raise UnreadableFile(f"{rel} is larger than {limit // 2**20} MiB; it is not read", 1)
    return data


def decode_utf8(data: bytes) -> str:
    """Decode strict UTF-8, dropping a leading byte-order mark.

    Raises :class:`UnreadableFile` naming the line, column and byte offset of the first bad byte.
    """
    shift = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[shift:].decode("utf-8")
    except UnicodeDecodeError as exc:
        body = data[shift:]
        before = body[: exc.start]
        line = before.count(b"\n") + before.count(b"\r") - before.count(b"\r\n") + 1
        line_start = max(before.rfind(b"\n"), before.rfind(b"\r")) + 1
        column = len(before[line_start:].decode("utf-8")) + 1
        raise UnreadableFile(
            f"not valid UTF-8: byte 0x{body[exc.start]:02x} at byte offset {exc.start + shift} "
            f"(line {line}, column {column}); save the file as UTF-8",
            line,
            column,
        ) from None


def read_text(path: Path, root: Path, folder: Path, limit: int) -> TextFile:
    """Read a file of ``folder`` (in ``root``) as UTF-8 text; see :func:`read_bytes`."""
    rel = relative(path, root)
    data = read_bytes(path, root, folder, limit, rel)
    return TextFile(path, rel, decode_utf8(data), hashlib.sha256(data).hexdigest())
