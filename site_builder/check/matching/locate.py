"""Locate a quote in a source text: exact first, then normalized, then elided, else the closest passage.

A passage begins and ends on word boundaries of the source: a quote found only
inside words is not found, and the passage widened to whole words is suggested.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from site_builder.check.matching.context import context_problem, ends_before, starts_after
from site_builder.check.matching.page_break import across_page_break
from site_builder.check.matching.places import Place, Places, find_places, verbatim_once
from site_builder.check.matching.suggest import closest_passage, passage_suggestion
from site_builder.model import Match, Span, Status, Suggestion
from site_builder.text.boundaries import whole_words
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

    Every place found is one :class:`~site_builder.check.matching.places.Place`; those in whole
    words are kept where the prefix and suffix fit, and the first one kept is the match.
    """
    return _locate(quote, source, prefix, suffix, other_case=True)


def _locate(quote: str, source: SourceText, prefix: str | None, suffix: str | None, *, other_case: bool) -> Match:
    wanted = normalize(quote)
    places = _places(quote, wanted, source, prefix, suffix) if wanted else Places([])
    whole = places.whole
    chosen, problem = _in_context(whole, source, prefix, suffix)
    if not wanted:
        problem = "the quote is empty"
    insertions = places.elided.insertions if places.elided else ()
    status: Status = "not-found"
    span = None
    occurrences: tuple[Span, ...] = ()
    normalizations: tuple[str, ...] = ()
    segments: tuple[Span, ...] = ()
    suggestion = None
    inside_word = False
    if chosen:
        first = chosen[0]
        status = _status(first, places)
        span = first.span
        occurrences = tuple(place.span for place in chosen)
        normalizations = _needed(first, source) if status != "exact" else ()
        segments = first.segments if status == "elided" else ()
    elif problem is not None:
        occurrences = tuple(place.span for place in whole)  # where the quote itself was found
        suggestion = _in_other_case(quote, source, prefix, suffix) if other_case else None
    else:
        cuts = [place for place in places.found if place.cut]
        cut = _named_by_context(cuts, source, prefix, suffix)
        inside_word = cut is not None
        if cut is not None:
            suggestion = passage_suggestion(quote, source, *whole_words(source.text, cut.span.start, cut.span.end))
        else:
            suggestion = (
                (_across_paragraphs(quote, source, prefix, suffix) if other_case and places.elided else None)
                or across_page_break(quote, source)
                or closest_passage(quote, source)
            )
    return Match(
        status,
        span,
        occurrences=occurrences,
        normalizations=normalizations,
        insertions=insertions,
        segments=segments,
        suggestion=suggestion,
        problem=problem,
        inside_word=inside_word,
    )


def found_once(quote: str, wanted: str, source: SourceText) -> Match | None:
    """The match of a quote that occurs once verbatim, in whole words, and nowhere else once
    normalized (most quotes), as :func:`locate` finds it. None for any other quote."""
    span = verbatim_once(quote, wanted, source)
    return Match("exact", span, occurrences=(span,)) if span is not None else None


def _places(quote: str, wanted: str, source: SourceText, prefix: str | None, suffix: str | None) -> Places:
    if prefix is None and suffix is None and not source.certainly_lacks(wanted):
        once = verbatim_once(quote, wanted, source)
        if once is not None:
            return Places([Place(once, "verbatim")])
    return find_places(quote, wanted, source, suffix=suffix)


def _in_context(
    places: list[Place], source: SourceText, prefix: str | None, suffix: str | None
) -> tuple[list[Place], str | None]:
    """The places that ``prefix`` ends before and ``suffix`` starts after (each if given), or
    none and the problem, told from the places kept so far."""
    if prefix is None and suffix is None:
        return places, None
    for side, given, fits in (("prefix", prefix, ends_before), ("suffix", suffix, starts_after)):
        if given is None or not places:
            continue
        wanted = normalize(given)
        kept = [place for place in places if fits(source, place.span, wanted)]
        if not kept:
            return [], context_problem(source, [place.span for place in places], side, given)
        places = kept
    return places, None


def _named_by_context(places: list[Place], source: SourceText, prefix: str | None, suffix: str | None) -> Place | None:
    """Of the places a quote stands in cut inside words, the one its prefix and suffix fit, else
    the one whose surroundings read closest to them, else the first."""
    if not places or (prefix is None and suffix is None):
        return places[0] if places else None
    fitting = _in_context(places, source, prefix, suffix)[0]
    if fitting:
        return fitting[0]
    text = source.text

    def closeness(place: Place) -> float:
        before = text[max(place.span.start - len(prefix or ""), 0) : place.span.start]
        after = text[place.span.end : place.span.end + len(suffix or "")]
        return (fuzz.ratio(before, prefix) if prefix else 0) + (fuzz.ratio(after, suffix) if suffix else 0)

    return max(places, key=closeness)


def _across_paragraphs(quote: str, source: SourceText, prefix: str | None, suffix: str | None) -> Suggestion | None:
    """The passage from an elided quote's first part to its last where they stand in different
    paragraphs (an elision stays within one): pasted whole, it is found, with a warning."""
    joined = re.sub(r"[\n\r\f]", " ", source.text)  # one line: one paragraph
    return _found_in(joined, source, quote, quote, prefix, suffix)


def _in_other_case(quote: str, source: SourceText, prefix: str | None, suffix: str | None) -> Suggestion | None:
    """Where the quote stands with other letter case and its prefix and suffix fit there: the
    passage to suggest when they fit none of the places the quote stands as written."""
    prefix, suffix = (None if x is None else x.lower() for x in (prefix, suffix))
    return _found_in(source.text.lower(), source, quote.lower(), quote, prefix, suffix)


def _found_in(
    variant: str, source: SourceText, sought: str, quote: str, prefix: str | None, suffix: str | None
) -> Suggestion | None:
    """The passage of ``source`` where ``sought`` is found in ``variant``, a copy of its text with
    the same offsets read another way, as the suggestion for ``quote``; None if not found there."""
    if len(variant) != len(source.text):  # a letter whose lower case is longer: offsets would shift
        return None
    found = _locate(sought, SourceText(variant), prefix, suffix, other_case=False)
    if found.span is None:
        return None
    return passage_suggestion(quote, source, found.span.start, found.span.end)


def _status(place: Place, places: Places) -> Status:
    if place.how == "verbatim":
        return "exact"
    if place.how == "elided" and places.elided is not None and places.elided.has_gap:
        return "elided"
    return "normalized"


def _needed(place: Place, source: SourceText) -> tuple[str, ...]:
    pairs = [(source.text[span.start : span.end], quoted) for span, quoted in place.pieces]
    return needed_rules(pairs) if pairs else ()
