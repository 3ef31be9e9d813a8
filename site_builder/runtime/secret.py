"""The user's secret: 32 random bytes that key every entry of the store, so that a store file
written by anyone else (committed to a repository, copied with a project, planted by another user)
never matches an entry of this user's.

It lives outside every project, in ``$XDG_CACHE_HOME/site-builder/secret`` (by default
``~/.cache/site-builder/secret``), made once with exclusive creation and mode 0600, and is used
only while it is a regular file of this user that no one else may read or write.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import tempfile
from pathlib import Path

SIZE = 32
NAME = "secret"


class NoSecret(Exception):
    """The secret cannot be read or made; the message says why."""


def secret_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    folder = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return folder / "site-builder" / NAME


def user_secret(project: Path) -> bytes:
    """The user's secret, made on first use; raises :class:`NoSecret` if it cannot be had safely,
    or would be inside the ``project`` folder."""
    path = secret_path()
    if _inside(path, project):
        raise NoSecret(f"the cache key {path} would be inside the project; set XDG_CACHE_HOME to a folder outside it")
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise NoSecret(f"the cache key {path} cannot be read ({exc.strerror or exc})") from None
    try:
        _make(path)
        return _read(path)
    except OSError as exc:
        raise NoSecret(f"the cache key {path} cannot be made ({exc.strerror or exc})") from None


def _inside(path: Path, project: Path) -> bool:
    try:
        path.resolve().relative_to(project.resolve())
    except ValueError:
        return False
    return True


def _read(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size != SIZE:
            raise NoSecret(f"the cache key {path} is not a file of {SIZE} bytes; remove it and a new one is made")
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
            raise NoSecret(f"the cache key {path} is not yours alone (mode 0600); remove it and a new one is made")
        data = stream.read(SIZE + 1)
    if len(data) != SIZE:
        raise NoSecret(f"the cache key {path} is not a file of {SIZE} bytes; remove it and a new one is made")
    return data


def _make(path: Path) -> None:
    """Write the secret to a fresh name, then link it to its place, which fails if another process
    made it first (and then that one is read): no process ever reads half a secret."""
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.is_symlink():
        raise NoSecret(f"{folder} is a symbolic link; the cache key is not made through links")
    fd, temporary = tempfile.mkstemp(prefix=f".{NAME}.", dir=folder)  # mode 0600
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(secrets.token_bytes(SIZE))
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
