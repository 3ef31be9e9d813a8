"""Put a freshly built folder in the place of the old one, so that no reader sees a mix.

On Linux the two folders are exchanged in one atomic step (``renameat2`` with
``RENAME_EXCHANGE``): whenever the process is stopped, the old folder or the new one is in
place, complete. Elsewhere two renames are needed; if the process dies between them the old
folder is left under its temporary name, and :func:`recover` puts it back.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two existing paths; ``False`` if the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):  # pragma: no cover - a C library without renameat2
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # pragma: no cover - not on this file system
        return False
    raise OSError(error, os.strerror(error), str(a))  # pragma: no cover


def replace_folder(target: Path, fresh: Path, old: Path) -> None:
    """Make ``fresh`` the new ``target``; the previous ``target`` (if any) ends up at ``old``."""
    if target.exists() and _exchange(fresh, target):
        fresh.rename(old)
        return
    if target.exists():
        target.rename(old)
    fresh.rename(target)


def recover(target: Path, old_folders: list[Path]) -> None:
    """If a swap was cut between its two renames, put the previous folder back."""
    if not target.exists() and old_folders:
        newest = max(old_folders, key=lambda p: p.stat().st_mtime)
        newest.rename(target)
