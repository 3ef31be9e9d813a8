"""Load the records and locate their citations on two cores: a forked process does every other one.

Parsing a record and locating a quote are plain Python and hold the interpreter's lock, so threads
would take turns. Before the sources are loaded, a forked process reads the source texts (their
metadata is not needed to locate a quote), loads every other record, locates their citations
and sends back what the caches keep of them: the entries of
:class:`~site_builder.load.cache.RecordCache` and :class:`~site_builder.check.located.LocatedCache`,
as JSON. Meanwhile this process loads the sources and the rest of the records, and locates their
citations. The other process's records are then taken through the cache as usual, and its
citations are found in the cache when the project is checked (an entry is named by the quote and
the digest of the source read, so one made from another text is never used). Anything amiss (no
fork, a failure, an answer that is incomplete or does not decode) and this process loads and
locates what is missing itself: the results are always those of one process doing it all.

It only pays where the records are parsed: with a cache to read them from, loading is quick.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from site_builder.check.located import LocatedCache
from site_builder.forked import Forked
from site_builder.forked import can_fork as _can_fork
from site_builder.load.cache import RecordCache
from site_builder.load.files import CannotRead, list_files, relative
from site_builder.load.sheets import SHEET_SUFFIXES, Loaded, SheetLoader, load_sheet
from site_builder.load.sources import load_sources
from site_builder.model import Sheet, Source

MIN_RECORDS = 400  # below this, starting a process costs more than it saves


class TwoCores:
    """A way to load the records for :func:`~site_builder.load.project.load_project`; then
    ``located`` holds what locating the citations found (the cache given, or one in memory if the
    records were loaded on two cores; None if neither)."""

    def __init__(self, located: LocatedCache | None) -> None:
        self.located = located
        self._root = Path()
        self._records: RecordCache | None = None
        self._theirs: set[Path] = set()
        self._forked: Forked | None = None

    def start(self, root: Path, cache: RecordCache | None) -> None:
        self._root, self._records = root, cache
        if cache is not None and cache.old:
            return  # records from the cache: quick to load, and the citations likely located before
        if not _can_fork():
            return
        folder = root / "factsheets"
        try:
            paths = [
                p for p in list_files(folder, root, SHEET_SUFFIXES, recursive=True) if p.name.endswith(SHEET_SUFFIXES)
            ]
        except CannotRead:
            return  # said again, as it should be, when the records are loaded
        if len(paths) < MIN_RECORDS:
            return
        theirs = paths[1::2]  # this process also loads the sources' metadata, the other sends its share
        forked = Forked.start(lambda: _load_and_locate(root, theirs))
        if forked is None:
            return
        self._forked, self._theirs = forked, set(theirs)
        if self.located is None:
            self.located = LocatedCache(None)

    def loader(self, sources: dict[str, Source]) -> SheetLoader | None:
        if self._forked is None:
            return None

        def load(paths: list[Path]) -> list[Loaded]:
            return self._load(paths, sources)

        return load

    def stop(self) -> None:
        """End the other process if it is still there (loading failed before its answer was read)."""
        forked, self._forked = self._forked, None
        if forked is not None:
            forked.stop()

    def _answer(self) -> tuple[dict[str, Any], Any] | None:
        """What the other process sent, once it has ended; None if it failed or sent something else."""
        forked, self._forked = self._forked, None
        return _received(forked.answer()) if forked is not None else None

    def _load(self, paths: list[Path], sources: dict[str, Source]) -> list[Loaded]:
        root, records, located = self._root, self._records, self.located
        assert located is not None
        mine: dict[Path, Loaded] = {}
        try:
            for path in paths:
                if path not in self._theirs:
                    mine[path] = loaded = load_sheet(path, root, records)
                    _locate(loaded[0], sources, located)
        except CannotRead:
            mine = {}  # all loaded again below in order, so that the same file is named as by one process
        answer = self._answer()
        if answer is None or not mine:
            return [mine[path] if path in mine else load_sheet(path, root, records) for path in paths]
        # The other share through the cache, as the other process read it: a record whose entry
        # is missing or does not decode is read and loaded here.
        through = records if records is not None else RecordCache(None)
        through.old.update(answer[0])
        located.adopt(answer[1])
        return [mine[path] if path in mine else _through(path, root, through) for path in paths]


def _load_and_locate(root: Path, paths: list[Path]) -> bytes:
    """The record entries of the records at ``paths`` and the located entries of their citations, as JSON."""
    sources, _ = load_sources(root, metadata=False)
    kept, found = RecordCache(None), LocatedCache(None)
    for path in paths:
        sheet, _ = load_sheet(path, root, kept)
        _locate(sheet, sources, found)
    answer = {"records": kept.new, "located": found.located()}
    return json.dumps(answer, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _through(path: Path, root: Path, cache: RecordCache) -> Loaded:
    rel = relative(path, root)
    entry = cache.old.get(f"sheet:{rel}")
    if not (isinstance(entry, list) and entry and isinstance(entry[0], str)):
        return load_sheet(path, root, cache)
    return cache.remember("sheet", rel, entry[0], lambda: load_sheet(path, root, None))


def _locate(sheet: Sheet | None, sources: dict[str, Source], located: LocatedCache) -> None:
    for fact in sheet.facts if sheet is not None else ():
        for citation in fact.citations:
            source = sources.get(citation.source)
            if source is not None:
                located.locate(citation, source)


def _received(data: bytes | None) -> tuple[dict[str, Any], Any] | None:
    """The other process's record and located entries; None if it failed or sent something else.
    (An entry that does not decode is a cache miss, as any cache entry.)"""
    if data is None:
        return None
    try:
        received = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if not isinstance(received, dict) or not isinstance(received.get("records"), dict):
        return None
    kept = received["records"]
    return {name: entry for name, entry in kept.items() if name.startswith("sheet:")}, received.get("located")
