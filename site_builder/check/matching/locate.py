"""Locate a quote in a source text: exact first, then normalized, then elided, else the closest passage."""

from __future__ import annotations

from site_builder.check.matching import elision, search
from site_builder.check.matching.context import context_problem, ends_before, starts_after
from site_builder.check.matching.search import Candidate
from site_builder.check.matching.suggest import closest_passage
from site_builder.model import Match, Span, Status, Suggestion
from site_builder.text.normalize import needed_rules, normalize
from site_builder.text.source_text import SourceText

__all__ = ["Match", "Span", "Status", "Suggestion", "locate"]


def locate(quote: str, source: SourceText, *, prefix: str | None = None, suffix: str | None = None) -> Match:
    """Find ``quote`` in ``source``, where ``prefix`` and ``suffix`` (if given) surround it.

    The first way that finds the quote anywhere decides: verbatim, then normalized,
    then as an elided quote. If none does, the closest passage is suggested.
    """
    if not normalize(quote):
        return Match("not-found", problem="the quote is empty")
    status: Status = "exact"
    insertions: tuple[str, ...] = ()
    candidates = search.exact(quote, source)
    if not candidates:
        candidates = search.normalized(quote, source)
        status = "normalized"
    if not candidates:
        elided = elision.parse(quote)
        if elided is not None:
            candidates = list(elision.find(elided, source))
            status = "elided" if elided.has_gap else "normalized"
            insertions = elided.insertions
    if not candidates:
        return Match("not-found", insertions=insertions, suggestion=closest_passage(quote, source))

    spans = tuple(c.span for c in candidates)
    for side, given, fits in (("prefix", prefix, ends_before), ("suffix", suffix, starts_after)):
        if given is None:
            continue
        wanted = normalize(given)
        kept = [c for c in candidates if fits(source, c.span, wanted)]
        if not kept:
            problem = context_problem(source, [c.span for c in candidates], side, given)
            return Match("not-found", occurrences=spans, insertions=insertions, problem=problem)
        candidates = kept

    first = candidates[0]
    return Match(
        status,
        first.span,
        occurrences=tuple(c.span for c in candidates),
        normalizations=_needed(first, source),
        insertions=insertions,
        segments=first.segments if status == "elided" else (),
    )


def _needed(candidate: Candidate, source: SourceText) -> tuple[str, ...]:
    pairs = [(source.text[span.start : span.end], quoted) for span, quoted in candidate.pieces]
    return needed_rules(pairs) if pairs else ()
