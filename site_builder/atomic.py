"""Write a file of the project safely: through a fresh name in its folder, replaced atomically, and
never through a symbolic link.

A committed symlink must not let the tool write outside its file (a source named after ``.git/config``,
a cache folder linked into ``seeds/``): the destination and every folder between the project root
and it are refused if any is a link, and the bytes go to a name made with exclusive creation
(``mkstemp``) in the destination's folder, then replace the destination in one step.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class UnsafeWrite(Exception):
    """A file the tool would write goes through a symbolic link; ``path`` and ``reason`` say where."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}; remove the link (a real file or folder may take its place) and run again")
        self.path = path
        self.reason = reason


def check_no_links(path: Path, root: Path | None = None) -> None:
    """Raise :class:`UnsafeWrite` if ``path`` or a folder between ``root`` (default: ``path``'s own
    folder) and it is a symbolic link."""
    path = Path(os.path.abspath(path))
    base = Path(os.path.abspath(root)) if root is not None else path.parent
    if base != path and base not in path.parents:
        base = path.parent
    if root is None and base.is_symlink():  # a project root itself may be a link: the user's choice
        raise UnsafeWrite(path, f"the folder {base} is a symbolic link; the tool does not write through links")
    parts = path.relative_to(base).parts
    current = base
    for part in parts:
        current = current / part
        if current.is_symlink():
            what = "it" if current == path else f"the folder {current}"
            raise UnsafeWrite(path, f"{what} is a symbolic link; the tool does not write through links")


def make_folder(folder: Path, root: Path | None = None) -> None:
    """Create ``folder`` and its missing parents, refusing any that is, or lies under, a link."""
    check_no_links(folder, root)
    folder.mkdir(parents=True, exist_ok=True)
    check_no_links(folder, root)


def write_atomic(
    path: Path, data: bytes, root: Path | None = None, mode: int | None = None, *, durable: bool = True
) -> None:
    """Make ``path`` hold ``data``: written to a fresh name in its folder, flushed to disk and moved
    over ``path`` in one step, with permissions ``mode`` (default: a new file's); raises :class:`UnsafeWrite` if it would go through a link.

    ``durable=False`` skips the flush to disk, for output that is made again from the records
    (generated pages): a reader still never sees half a file, and thousands are written faster."""
    check_no_links(path, root)
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode if mode is not None else 0o666 & ~_umask())  # not mkstemp's 0o600
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        check_no_links(path, root)  # again, just before the replace
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_new(path: Path, data: bytes) -> None:
    """Create ``path`` holding ``data``; it must not exist, and is never a link followed.

    For a file of a folder this process has just made with a fresh name (see :func:`fresh_folder`):
    nobody else can have put a link in it, and no reader looks in it before it takes its real
    name in one step, so each file needs no name of its own to be replaced from, which on a busy
    disk costs more than writing it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    with os.fdopen(os.open(path, flags, 0o666), "wb") as stream:
        stream.write(data)


def fresh_folder(target: Path) -> Path:
    """A new empty folder beside ``target``, made with exclusive creation and with a new folder's
    permissions, to be renamed ``target`` once filled."""
    hidden = target.name if target.name.startswith(".") else f".{target.name}"
    folder = Path(tempfile.mkdtemp(prefix=f"{hidden}.new-", dir=target.parent))
    os.chmod(folder, 0o777 & ~_umask())  # not mkdtemp's 0o700
    return folder


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
