"""Locate a citation in its source, and a cache of what that found, so that a second check of an
unchanged citation does not search its source again.

What locating finds (:class:`~site_builder.model.Located`) depends only on the quote, its prefix
and suffix, the source's text and the code that reads and searches it. An entry is therefore kept
under the SHA-256 of the quote, the selectors and the SHA-256 of the source file's bytes, in
``.site-builder-cache/located.json``, and the whole file under the digest of that code (the text
model, the loading code that turns bytes into text, the matching code, and this module) and the
identity of the cache folder, as the records are (:mod:`site_builder.load.cache`): a cache that is
missing, corrupt, from another version, copied from elsewhere or unwritable is ignored, and the
check then finds the same as without it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from site_builder.check.matching import locate, shortest_unique_prefix
from site_builder.check.matching.locate import found_once
from site_builder.load.cache import CacheFile, files_digest
from site_builder.load.codec import Invalid, codec
from site_builder.model import Citation, Located, Match, Source, Span
from site_builder.text.normalize import normalize

FILE = "located.json"
_LOCATED = codec(Located)


def locate_citation(citation: Citation, source: Source) -> Located:
    """Where ``citation``'s quote stands in ``source``, and, for a quote found in several places,
    the text to add as its prefix to tell the first one apart."""
    match = locate(citation.quote, source.text, prefix=citation.prefix, suffix=citation.suffix)
    unique_prefix = None
    if match.span is not None and len(match.occurrences) > 1:
        unique_prefix = shortest_unique_prefix(source.text, match.span, match.occurrences)
    return Located(match, unique_prefix)


@cache
def code_digest() -> str:
    """The digest of everything that decides what locating a citation finds, and of how it is stored."""
    return files_digest(["model.py", "text", "load", "check/matching", "check/located.py"])


#: Everything of a citation and its source that locating reads: the digest of the source's bytes,
#: the quote, its prefix and its suffix.
Key = tuple[str, str, str | None, str | None]


class LocatedCache(CacheFile):
    """What locating each citation found, by its quote, selectors and source; see the module's description."""

    FILE = FILE

    def __init__(self, folder: Path | None, entries: dict[str, Any] | None = None, key: str = "") -> None:
        super().__init__(folder, entries, key)
        #: what this process located or read, by key: (the entry's name once known, the entry, its value)
        self.known: dict[Key, tuple[str | None, Any, Located]] = {}

    @classmethod
    def digest(cls) -> str:
        return code_digest()

    def locate(self, citation: Citation, source: Source) -> Located:
        """:func:`locate_citation`, from the cache if it holds the same citation in the same source."""
        if not source.digest:  # a source made in memory, not read from a file: nothing to key it by
            return locate_citation(citation, source)
        key = (source.digest, citation.quote, citation.prefix, citation.suffix)
        known = self.known.get(key)
        if known is not None:
            name, entry, found = known
            if self.folder is not None:  # kept for the next run
                if name is None:
                    name = _name(key)
                    self.known[key] = (name, entry, found)
                self.new[name] = entry
            return found
        name = _name(key)
        entry = self.new.get(name)
        if entry is None:
            entry = self.old.get(name)
        if entry is not None:
            try:
                found = _read(entry)
            except Invalid:
                pass
            else:
                if not _still_true(found, citation, source):
                    found = locate_citation(citation, source)
                    entry = _write(found)
                self.new[name] = entry
                self.known[key] = (name, entry, found)
                return found
        found = locate_citation(citation, source)
        self.new[name] = entry = _write(found)
        self.known[key] = (name, entry, found)
        return found

    def located(self) -> list[list[Any]]:
        """What this process located or read, as JSON: each key and its entry (see :meth:`adopt`)."""
        return [[*key, entry] for key, (_, entry, _) in self.known.items()]

    def adopt(self, located: Any) -> None:
        """Take what another process :meth:`located`; what does not decode is left out (and located
        again if it is needed)."""
        if not isinstance(located, list):
            return
        for item in located:
            if not (isinstance(item, list) and len(item) == 5):
                continue
            digest, quote, prefix, suffix, entry = item
            if not (
                isinstance(digest, str)
                and isinstance(quote, str)
                and isinstance(prefix, (str, type(None)))
                and isinstance(suffix, (str, type(None)))
            ):
                continue
            try:
                found = _read(entry)
            except Invalid:
                continue
            self.known.setdefault((digest, quote, prefix, suffix), (None, entry, found))


def _still_true(found: Located, citation: Citation, source: Source) -> bool:
    """Whether a cached ``found`` is what locating finds now: the cache never decides a verdict.

    A quote found once verbatim (most) is verified against the source: the text at its place is
    the quote, on word boundaries, and it stands nowhere else, verbatim or normalized. Anything else
    is located again."""
    if citation.prefix is not None or citation.suffix is not None or found.match.status != "exact":
        return False
    wanted = normalize(citation.quote)
    return bool(wanted) and found == Located(found_once(citation.quote, wanted, source.text) or Match("not-found"))


def _name(key: Key) -> str:
    """The entry's name: the SHA-256 of everything of the citation and source that locating reads."""
    return hashlib.sha256(repr(key).encode("utf-8", "surrogatepass")).hexdigest()  # repr: unambiguous


def _write(found: Located) -> Any:
    """The entry for ``found``: most quotes are found exactly, once, and are written as the two
    ends of their place; any other result in full."""
    match = found.match
    span = match.span
    if span is not None and found == Located(Match("exact", span, (span,))):
        return [span.start, span.end]
    return _LOCATED.encode(found)


def _read(entry: Any) -> Located:
    """What :func:`_write` wrote; raises :class:`Invalid` for anything else."""
    if type(entry) is list and len(entry) == 2 and type(entry[0]) is int and type(entry[1]) is int:
        span = Span(entry[0], entry[1])
        return Located(Match("exact", span, (span,)))
    return _LOCATED.read(entry)
