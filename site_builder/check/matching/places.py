"""Every place a quote stands in a source, each found one way, tried in turn: verbatim, once both
sides are normalized, across a hyphen that ends a line, and as an elided quote.

A way is tried only while the ones before it found no place in whole words. A place that begins
or ends inside a word of the source is kept, marked as cut: it is never the quote's place, but
the first one is widened to whole words and suggested when nothing else is found.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, NamedTuple

from site_builder.check.matching import elision, search
from site_builder.check.matching.elision import ElidedQuote
from site_builder.check.matching.search import Candidate
from site_builder.model import Span
from site_builder.text.boundaries import on_boundaries
from site_builder.text.normalize import normalize
from site_builder.text.source_text import SourceText

How = Literal["verbatim", "normalized", "hyphen", "elided"]


class Place(NamedTuple):
    """One place a quote was found, how, and whether it is cut inside a word.

    ``segments`` holds the separately matched parts of an elided quote; ``pieces`` pairs each
    matched source span with the quoted text it stands for, to tell which normalizations the
    place needed.
    """

    span: Span
    how: How
    cut: bool = False
    segments: tuple[Span, ...] = ()
    pieces: tuple[tuple[Span, str], ...] = ()


class Places(NamedTuple):
    """The places of a quote, in the order found, and the quote read as an elided one, if it was."""

    found: list[Place]
    elided: ElidedQuote | None = None

    @property
    def whole(self) -> list[Place]:
        return [place for place in self.found if not place.cut]


def find_places(quote: str, wanted: str, source: SourceText, *, suffix: str | None = None) -> Places:
    """The places of ``quote`` (``wanted``: the quote normalized) in ``source``; ``suffix``, if
    given, lets an elided quote try later places of its last part to end where the suffix follows."""
    found: list[Place] = []
    if not source.certainly_lacks(wanted):
        verbatim = _placed(search.exact(quote, source), "verbatim", source)
        whole = [place.span for place in verbatim if not place.cut]
        # A place found verbatim is not taken twice: normalized places starting there are skipped,
        # and one found once normalized inside a verbatim one (the quote without the white space
        # it has at an end) is the same passage.
        normalized = _placed(
            search.normalized(quote, source, wanted=wanted, skip={span.start for span in whole}), "normalized", source
        )
        found = verbatim + [p for p in normalized if p.cut or not any(_nested(p.span, span) for span in whole)]
    if not _any_whole(found):
        found += _placed(search.hyphen_kept(quote, source), "hyphen", source)
    elided = None
    if not _any_whole(found):
        elided = elision.parse(quote)
        if elided is not None:
            # Each part of an elided quote is held to word boundaries as it is found (a part glued
            # to an elision mark may begin or end inside a word), so none of its places is cut.
            ends_before = normalize(suffix) if suffix else None
            found += [
                Place(c.span, "elided", False, c.segments, c.pieces)
                for c in elision.find(elided, source, suffix=ends_before)
            ]
    return Places(found, elided)


def verbatim_once(quote: str, wanted: str, source: SourceText) -> Span | None:
    """The place of a quote that occurs once verbatim, in whole words, and nowhere else once
    normalized (most quotes): what :func:`find_places` finds then, found with less work.
    None for any other quote."""
    text = source.text
    start = text.find(quote)
    if start == -1 or text.find(quote, start + 1) != -1:
        return None
    end = start + len(quote)
    if not on_boundaries(text, start, end):
        return None
    norm = source.normalized
    at = norm.text.find(wanted)
    while at != -1:
        if norm.start_to_original(at) != start:
            return None  # another place, once normalized
        at = norm.text.find(wanted, at + 1)
    return Span(start, end)


def _placed(candidates: Iterable[Candidate], how: How, source: SourceText) -> list[Place]:
    text = source.text
    return [
        Place(c.span, how, not on_boundaries(text, c.span.start, c.span.end), c.segments, c.pieces) for c in candidates
    ]


def _any_whole(places: list[Place]) -> bool:
    return any(not place.cut for place in places)


def _nested(a: Span, b: Span) -> bool:
    """Whether one of the spans lies within the other."""
    return (b.start <= a.start and a.end <= b.end) or (a.start <= b.start and b.end <= a.end)
