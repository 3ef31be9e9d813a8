"""Find every place where a quote occurs verbatim, or once both sides are normalized."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass

from site_builder.model import Span
from site_builder.text import hyphenation
from site_builder.text.boundaries import on_boundaries
from site_builder.text.normalize import HYPHEN_KEPT, normalize
from site_builder.text.source_text import SourceText

# Bounds the work on a quote that occurs everywhere (a single letter, say).
MAX_OCCURRENCES = 1000


@dataclass(frozen=True)
class Candidate:
    """One place a quote matched, before prefix and suffix are checked.

    ``pieces`` pairs each matched source span with the quoted text it stands for,
    to tell which normalizations the match needed.
    """

    span: Span
    segments: tuple[Span, ...] = ()
    pieces: tuple[tuple[Span, str], ...] = ()


def exact(quote: str, source: SourceText) -> list[Candidate]:
    return [Candidate(Span(at, at + len(quote))) for at in find_all(source.text, quote)]


def normalized(
    quote: str, source: SourceText, *, wanted: str | None = None, skip: Collection[int] = ()
) -> list[Candidate]:
    """The places of ``quote`` once both sides are normalized (``wanted``: the quote normalized,
    if already known), but for those starting at an offset in ``skip``."""
    if wanted is None:
        wanted = normalize(quote)
    norm = source.normalized
    text = source.text
    found = []
    for at in find_all(norm.text, wanted):
        start = norm.start_to_original(at)
        if start in skip:
            continue
        end = norm.end_to_original(at + len(wanted))
        # A match that ends inside a replaced piece ("..." against half of an "…"
        # followed by more) maps to the whole piece and is not a match of the quote.
        passage = text[start:end]
        if passage == quote or normalize(passage) == wanted:
            span = Span(start, end)
            found.append(Candidate(span, pieces=((span, quote),)))
    return found


def hyphen_kept(quote: str, source: SourceText) -> list[Candidate]:
    """The places of a quote with a hyphen between letters (``mixed-mode``) where the source breaks
    the line after that hyphen (``mixed-`` / ``mode``), found as ``hyphenation`` reads the source
    (``mixedmode``) and kept where the passage, its hyphens kept, reads as the quote."""
    if not hyphenation.has_inner_hyphen(quote):
        return []
    norm = source.normalized
    text = source.text
    joined = normalize(hyphenation.joined(quote))
    quoted = hyphenation.hyphen_kept(quote)
    wanted = normalize(quoted, HYPHEN_KEPT)
    found = []
    for at in find_all(norm.text, joined):
        start = norm.start_to_original(at)
        end = norm.end_to_original(at + len(joined))
        if normalize(text[start:end], HYPHEN_KEPT) == wanted:
            span = Span(start, end)
            found.append(Candidate(span, pieces=((span, quoted),)))
    return found


def find_all(text: str, wanted: str) -> Iterator[int]:
    """Offsets of ``wanted`` in ``text``, overlapping ones included, at most ``MAX_OCCURRENCES``."""
    if not wanted:
        return
    at = text.find(wanted)
    for _ in range(MAX_OCCURRENCES):
        if at == -1:
            return
        yield at
        at = text.find(wanted, at + 1)


def in_whole_words(candidates: list[Candidate], source: SourceText) -> tuple[list[Candidate], list[Candidate]]:
    """The candidates that begin and end on word boundaries of the source, and the others."""
    whole: list[Candidate] = []
    cut: list[Candidate] = []
    for candidate in candidates:
        fits = on_boundaries(source.text, candidate.span.start, candidate.span.end)
        (whole if fits else cut).append(candidate)
    return whole, cut
