"""Locate a quote in a source text: exact first, then normalized, then elided, else the closest passage.

A passage begins and ends on word boundaries of the source: a quote found only
inside words is not found, and the passage widened to whole words is suggested.
"""

from __future__ import annotations

from site_builder.check.matching import elision, search
from site_builder.check.matching.context import context_problem, ends_before, starts_after
from site_builder.check.matching.page_break import across_page_break
from site_builder.check.matching.search import Candidate
from site_builder.check.matching.suggest import closest_passage, passage_suggestion
from site_builder.model import Match, Span, Status, Suggestion
from site_builder.text.boundaries import on_boundaries, whole_words
from site_builder.text.normalize import needed_rules, normalize
from site_builder.text.source_text import SourceText

__all__ = ["Match", "Span", "Status", "Suggestion", "found_once", "locate"]


def locate(quote: str, source: SourceText, *, prefix: str | None = None, suffix: str | None = None) -> Match:
    """Find ``quote`` in ``source``, where ``prefix`` and ``suffix`` (if given) surround it.

    Verbatim places come first, then places found once both sides are normalized:
    a quote found verbatim is ``exact`` but its normalized places are still
    occurrences (the curator may have meant one of them). Only if neither finds the
    quote is it tried as an elided quote. If nothing is found, the closest passage
    is suggested.
    """
    wanted = normalize(quote)
    if not wanted:
        return Match("not-found", problem="the quote is empty")
    if prefix is None and suffix is None and not source.certainly_lacks(wanted):
        once = found_once(quote, wanted, source)
        if once is not None:
            return once
    status: Status = "exact"
    insertions: tuple[str, ...] = ()
    verbatim: list[Candidate] = []
    cut: list[Candidate] = []
    normalized: list[Candidate] = []
    cut_normalized: list[Candidate] = []
    if not source.certainly_lacks(wanted):
        verbatim, cut = search.in_whole_words(search.exact(quote, source), source)
        # A place found verbatim is not taken twice: normalized places starting there are skipped
        # (their other parts would only matter if no place was found verbatim).
        seen = {c.span.start for c in verbatim}
        found = search.normalized(quote, source, wanted=wanted, skip=seen)
        normalized, cut_normalized = search.in_whole_words(found, source)
    # One passage is one place: a place found once normalized inside a verbatim one (the quote
    # without the white space it has at an end) is the same place.
    normalized = [c for c in normalized if not any(_nested(c.span, v.span) for v in verbatim)]
    candidates = verbatim + normalized
    if not verbatim:
        status = "normalized"
    if not candidates:
        candidates, cut_normalized = search.in_whole_words(search.hyphen_kept(quote, source), source)
    if not candidates:
        elided = elision.parse(quote)
        if elided is not None:
            candidates = list(elision.find(elided, source, suffix=normalize(suffix) if suffix else None))
            status = "elided" if elided.has_gap else "normalized"
            insertions = elided.insertions
    if not candidates:
        inside = cut or cut_normalized
        if inside:
            start, end = whole_words(source.text, inside[0].span.start, inside[0].span.end)
            suggestion = passage_suggestion(quote, source, start, end)
            return Match("not-found", insertions=insertions, suggestion=suggestion, inside_word=True)
        elided_help = across_page_break(quote, source) or closest_passage(quote, source)
        return Match("not-found", insertions=insertions, suggestion=elided_help)

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
    if status == "exact" and source.text[first.span.start : first.span.end] != quote:
        status = "normalized"  # the prefix or suffix chose a place found only once normalized
    return Match(
        status,
        first.span,
        occurrences=tuple(c.span for c in candidates),
        normalizations=_needed(first, source) if status != "exact" else (),
        insertions=insertions,
        segments=first.segments if status == "elided" else (),
    )


def found_once(quote: str, wanted: str, source: SourceText) -> Match | None:
    """The match of a quote that occurs once verbatim, in whole words, and nowhere else once
    normalized (most quotes): what the general way below finds then, found with less work.
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
    span = Span(start, end)
    return Match("exact", span, occurrences=(span,))


def _nested(a: Span, b: Span) -> bool:
    """Whether one of the spans lies within the other."""
    return (b.start <= a.start and a.end <= b.end) or (a.start <= b.start and b.end <= a.end)


def _needed(candidate: Candidate, source: SourceText) -> tuple[str, ...]:
    pairs = [(source.text[span.start : span.end], quoted) for span, quoted in candidate.pieces]
    return needed_rules(pairs) if pairs else ()
