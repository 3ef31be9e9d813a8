"""``mkdocs build`` on two cores: the site MkDocs writes, byte for byte, in a little over half the time.

MkDocs converts and writes its pages one after another, on one core; at 10,000 facts that is
3,000 pages and nearly all of a build's time. Once MkDocs knows every file and the navigation,
the runner forks: each process converts and writes every other page (both read the few pages of
the navigation, whose titles every page shows), they trade the anchors of the pages they
converted (MkDocs checks each link to an anchor against the page it points to), and the first
process writes the theme's files and its own pages, adds the other's warnings to its count
(``--strict`` fails on them as on its own), and ends the build as MkDocs does.

Only a build that nothing else can observe page by page is split: no plugin and no hook (a
plugin may gather what every page says, and would see only half), not a preview (``serve``),
not ``--dirty``, and a process with no thread. Any other build is MkDocs' own, untouched.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import threading
from collections.abc import Callable
from typing import Any

from mkdocs import utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import Abort
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import Files

_original_build = mkdocs_build.build
try:  # what the split stands in for: a MkDocs without them builds on one core, as it always did
    _original_populate = mkdocs_build._populate_page
    _original_build_page = mkdocs_build._build_page
    _original_on_env = PluginCollection.on_env
    _original_on_post_build = PluginCollection.on_post_build
    _SPLITS = all(hasattr(mkdocs_build, name) for name in ("_build_theme_template", "_build_extra_template"))
    _SPLITS = _SPLITS and hasattr(Files, "copy_static_files")
except AttributeError:
    _SPLITS = False

log = logging.getLogger("mkdocs.site_builder")


class OtherHalfFailed(Exception):
    """The process building the other half of the pages ended without finishing them."""


class Split:
    """The state of one build on two cores, as each of its two processes sees it."""

    def __init__(self) -> None:
        self.child_pid = 0  # in the first process, once forked: the other's pid
        self.in_child = False
        self.owner: dict[str, int] = {}  # a page's source → the process (0, 1) that writes it
        self.to_child = self.from_child = -1  # pipes, each process keeps its ends

    @property
    def forked(self) -> bool:
        return self.in_child or self.child_pid > 0

    @property
    def me(self) -> int:
        return 1 if self.in_child else 0

    def fork(self, files: Files) -> None:
        """Share the pages out and start the other process (on the first page MkDocs reads)."""
        pages = files.documentation_pages()
        self.owner = {file.src_uri: number % 2 for number, file in enumerate(pages)}
        child_reads, parent_writes = os.pipe()
        parent_reads, child_writes = os.pipe()
        log.info(f"Building {len(pages)} pages on two cores")
        pid = os.fork()
        if pid == 0:
            self.in_child = True
            os.close(parent_writes)
            os.close(parent_reads)
            self.to_child, self.from_child = child_reads, child_writes
            Files.copy_static_files = lambda self, *args, **kwargs: None  # type: ignore[method-assign]
            mkdocs_build._build_theme_template = lambda *args, **kwargs: None
            mkdocs_build._build_extra_template = lambda *args, **kwargs: None
        else:
            self.child_pid = pid
            os.close(child_reads)
            os.close(child_writes)
            self.to_child, self.from_child = parent_writes, parent_reads

    def reads(self, page: Any) -> bool:
        """Whether this process converts the page: its own, and the pages of the navigation."""
        file = page.file
        return self.owner.get(file.src_uri, 0) == self.me or not file.inclusion.is_not_in_nav()

    def writes(self, page: Any) -> bool:
        return self.owner.get(page.file.src_uri, 0) == self.me

    def trade_anchors(self, files: Files) -> None:
        """Send the anchors of the pages this process converted; take the other's."""
        mine = {
            file.src_uri: sorted(file.page.present_anchor_ids)
            for file in files.documentation_pages()
            if file.page is not None and self.writes(file.page) and file.page.present_anchor_ids is not None
        }
        if self.in_child:  # the child sends first, the first process answers: no pipe fills both ways
            _send(self.from_child, mine)
            theirs = _receive(self.to_child)
        else:
            theirs = _receive(self.from_child)
            _send(self.to_child, mine)
        if not isinstance(theirs, dict):
            raise OtherHalfFailed
        for file in files.documentation_pages():
            if file.page is not None and file.src_uri in theirs:
                file.page.present_anchor_ids = set(theirs[file.src_uri])

    def counts_from_child(self) -> dict[int, int]:
        """Wait for the other process; the warnings and errors it logged, by level."""
        counts = _receive(self.from_child)
        _, status = os.waitpid(self.child_pid, 0)
        self.child_pid = 0
        self.close()
        if status != 0 or not isinstance(counts, dict):
            raise OtherHalfFailed
        return {int(level): int(number) for level, number in counts.items()}

    def abandon(self) -> None:
        """The first process failed: stop the other one."""
        if self.child_pid > 0:
            try:
                os.kill(self.child_pid, signal.SIGTERM)
                os.waitpid(self.child_pid, 0)
            except OSError:
                pass
            self.child_pid = 0
            self.close()

    def close(self) -> None:
        for fd in (self.to_child, self.from_child):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.to_child = self.from_child = -1


def _send(fd: int, value: object) -> None:
    """One message: its length in 8 bytes, then its JSON."""
    data = json.dumps(value).encode("utf-8")
    view = memoryview(len(data).to_bytes(8, "big") + data)
    while view:
        view = view[os.write(fd, view) :]


def _read_exactly(fd: int, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None  # the other process ended
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _receive(fd: int) -> object:
    """The next message, or None if the other process ended before sending it whole."""
    header = _read_exactly(fd, 8)
    data = _read_exactly(fd, int.from_bytes(header, "big")) if header is not None else None
    if data is None:
        return None
    try:
        return json.loads(data)
    except ValueError:
        return None


def _counter() -> utils.CountHandler | None:
    """The handler by which ``mkdocs build --strict`` counts warnings, if it counts them."""
    for handler in logging.getLogger("mkdocs").handlers:
        if isinstance(handler, utils.CountHandler):
            return handler
    return None


def _end_child(code: int, counts: dict[int, int] | None = None) -> None:
    for handler in logging.getLogger("mkdocs").handlers:
        handler.flush()
    try:
        if counts is not None:
            _send(_active.from_child, counts)
    finally:
        os._exit(code)


_active = Split()


def _populate_page(page: Any, config: Any, files: Files, dirty: bool = False) -> None:
    if not _active.forked:
        _active.fork(files)
    if _active.reads(page):
        _original_populate(page, config, files, dirty)


def _build_page(
    page: Any, config: Any, doc_files: Any, nav: Any, env: Any, dirty: bool = False, excluded: bool = False
) -> None:
    if not _active.writes(page):
        return
    _original_build_page(page, config, doc_files, nav, env, dirty, excluded)
    if page.file.inclusion.is_not_in_nav():
        # Written, and no other page shows its title: nothing reads its text again (no plugin).
        page.content = None


def _on_env(self: PluginCollection, env: Any, *, config: Any, files: Files) -> Any:
    if _active.forked:
        _active.trade_anchors(files)
    return _original_on_env(self, env, config=config, files=files)


def _on_post_build(self: PluginCollection, *, config: Any) -> None:
    if _active.in_child:
        counter = _counter()
        _end_child(0, dict(counter.counts) if counter is not None else {})
    if _active.forked:
        counts = _active.counts_from_child()
        counter = _counter()
        if counter is not None:
            for level, number in counts.items():
                counter.counts[level] += number
    _original_on_post_build(self, config=config)


def _splittable(config: Any, serve_url: str | None, dirty: bool) -> bool:
    return (
        serve_url is None
        and not dirty
        and not config.plugins
        and not config.hooks
        and hasattr(os, "fork")
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
    )


def build(config: Any, *, serve_url: str | None = None, dirty: bool = False) -> None:
    """MkDocs' ``build``, on two cores when nothing can tell the difference."""
    if not _splittable(config, serve_url, dirty):
        _original_build(config, serve_url=serve_url, dirty=dirty)
        return
    global _active
    _active = Split()
    patches: list[tuple[Any, str, Callable[..., Any]]] = [
        (mkdocs_build, "_populate_page", _populate_page),
        (mkdocs_build, "_build_page", _build_page),
        (PluginCollection, "on_env", _on_env),
        (PluginCollection, "on_post_build", _on_post_build),
    ]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    for owner, name, replacement in patches:
        setattr(owner, name, replacement)
    try:
        _original_build(config, serve_url=serve_url, dirty=dirty)
    except OtherHalfFailed:
        if _active.in_child:
            _end_child(1)
        _active.abandon()
        raise Abort("Aborted: the process building half of the pages failed (see above)") from None
    except BaseException:
        if _active.in_child:  # MkDocs logged what went wrong
            _end_child(1)
        _active.abandon()
        raise
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def install() -> None:
    """Let ``mkdocs build`` run in this process build on two cores (with a MkDocs this knows)."""
    if _SPLITS:
        mkdocs_build.build = build
