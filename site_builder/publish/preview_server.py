"""``site-builder serve``: check that the address is free, generate the pages, and let MkDocs serve
them, rebuilding as the records change (its hooks: :mod:`.mkdocs_hooks`, :mod:`.serve_hooks`)."""

from __future__ import annotations

import errno
import ipaddress
import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from site_builder.publish import mkdocs_hooks, preview, serve_hooks
from site_builder.publish.mkdocs_build import read_config

#: the hook files MkDocs runs on each build of the preview, in this order
HOOKS = (mkdocs_hooks.__file__, serve_hooks.__file__)
TRIED_PORTS = 20  # free ports looked for after a taken one, to suggest


class CannotServe(Exception):
    """The address cannot be served on; the message says which other to pass."""


class NotAnAddress(ValueError):
    """``--dev-addr`` is not ``host:port``."""


def split_address(dev_addr: str) -> tuple[str, int]:
    """``host:port`` (an IPv6 host in brackets) as a host and a port; raises :class:`NotAnAddress`."""
    host, sep, port = dev_addr.rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise NotAnAddress(f"{dev_addr!r} is not an address such as 127.0.0.1:8000")
    return host, int(port)


def _joined(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _bind_error(host: str, port: int) -> OSError | None:
    """Why MkDocs could not listen on ``host:port``, if it could not: bound as its server binds."""
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        family = socket.AF_INET  # a name, such as localhost
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            if os.name != "nt":
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as Python's HTTP servers do
            probe.bind((host, port))
    except OSError as exc:
        return exc
    return None


def check_address(host: str, port: int) -> None:
    """Raise :class:`CannotServe` if the preview could not listen on ``host:port``."""
    error = _bind_error(host, port)
    if error is None:
        return
    if error.errno != errno.EADDRINUSE:
        reason = error.strerror or "no such address"
        raise CannotServe(f"cannot serve on {_joined(host, port)}: {reason}; pass another --dev-addr")
    free = next(
        (p for p in range(port + 1, min(port + 1 + TRIED_PORTS, 65536)) if _bind_error(host, p) is None),
        None,
    )
    advice = f"pass --dev-addr {_joined(host, free)}" if free else "pass --dev-addr with a free port"
    raise CannotServe(f"port {port} on {host} is in use: {advice}")


class DirtyBuildNotice(logging.Filter):
    """Drops MkDocs' warning that a build is dirty: the preview asks for dirty builds (only the
    pages an edit changed are rendered again), so the warning is not the curator's to act on.

    Matched on the record alone, by logger name, level and the stable start of its message
    (MkDocs 1.6: "A 'dirty' build is being performed, ..."); every other record passes.
    """

    LOGGER = "mkdocs.commands.build"
    START = "A 'dirty' build"

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            record.name == self.LOGGER
            and record.levelno == logging.WARNING
            and isinstance(record.msg, str)
            and record.msg.startswith(self.START)
        )


@contextmanager
def dirty_build_notice_hidden() -> Iterator[None]:
    logger = logging.getLogger(DirtyBuildNotice.LOGGER)
    notice = DirtyBuildNotice()
    logger.addFilter(notice)
    try:
        yield
    finally:
        logger.removeFilter(notice)


def serve(root: Path, dev_addr: str) -> None:
    """Serve the preview of the project at ``root`` until interrupted.

    Raises :class:`NotAnAddress` for an address that is not one, :class:`CannotServe` when it
    cannot be listened on, and :class:`~.mkdocs_build.PublishError` for a config MkDocs refuses.
    """
    from mkdocs.commands.serve import serve as mkdocs_serve

    host, port = split_address(dev_addr)
    check_address(host, port)  # before the first build, which may take a while
    site = read_config(root)
    preview.start(root, site.settings, site.docs_dir)  # MkDocs wants the docs folder to exist
    with dirty_build_notice_hidden():
        mkdocs_serve(
            config_file=str(root / "mkdocs.yml"),
            livereload=True,
            build_type="dirty",  # MkDocs renders again only the pages whose Markdown changed
            watch=[str(root / "seeds"), str(root / "factsheets")],
            hooks=list(HOOKS),
            dev_addr=dev_addr,
        )
