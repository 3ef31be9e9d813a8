"""The text around a quote: prefix and suffix selectors, and what to say when they fail."""

from __future__ import annotations

import re
from collections.abc import Sequence

from site_builder.model import Span
from site_builder.text.boundaries import is_boundary
from site_builder.text.normalize import normalize
from site_builder.text.source_text import SourceText

# How far back shortest_unique_prefix looks before giving up.
MAX_PREFIX_WORDS = 40
_SHOWN_PLACES = 5
_SHOWN_CHARS = 20
_SPACES = re.compile(r"\s+")


def ends_before(source: SourceText, span: Span, wanted: str) -> bool:
    """Whether the normalized text before ``span``, give or take a space, ends with ``wanted``,
    which begins there on a word boundary (``known`` is not the end of ``unknown``)."""
    norm = source.normalized
    end = norm.start_to_normalized(span.start)
    low = max(end - len(wanted) - 1, 0)
    before = norm.text[low:end].rstrip(" ")
    return before.endswith(wanted) and is_boundary(norm.text, low + len(before) - len(wanted))


def starts_after(source: SourceText, span: Span, wanted: str) -> bool:
    """Whether the normalized text after ``span``, give or take a space, starts with ``wanted``,
    which ends there on a word boundary."""
    norm = source.normalized
    start = norm.end_to_normalized(span.end)
    after = norm.text[start : start + len(wanted) + 1]
    skipped = len(after) - len(after.lstrip(" "))
    return after[skipped:].startswith(wanted) and is_boundary(norm.text, start + skipped + len(wanted))


def context_problem(source: SourceText, spans: Sequence[Span], side: str, given: str) -> str:
    """Say where the quote is and what surrounds it there, when its ``side`` selector fails."""
    places = [_place(source, span) for span in spans[:_SHOWN_PLACES]]
    if len(spans) > _SHOWN_PLACES:
        more = len(spans) - _SHOWN_PLACES
        places.append(f"{more} more place" + ("s" if more > 1 else ""))
    where = places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1]
    if side == "prefix":
        relation, seen = "before", _words_before(source, spans[0].start, len(given))
    else:
        relation, seen = "after", _words_after(source, spans[0].end, len(given))
    it = "it" if len(spans) == 1 else "the first"
    shown = f"the text {relation} {it} is “{seen}”" if seen else f"there is no text {relation} {it}"
    if len(spans) == 1:
        return f"the quote occurs at {where} but the {side} does not match there ({shown})"
    return f"the quote occurs at {where} but the {side} matches at none of them ({shown})"


def shortest_unique_prefix(source: SourceText, span: Span, others: Sequence[Span]) -> str | None:
    """The fewest words right before ``span`` that no other occurrence has before it.

    Meant for the message about an ambiguous quote: the returned text works as its
    ``prefix``. None when even ``MAX_PREFIX_WORDS`` words do not tell them apart.
    """
    others = [other for other in others if other != span]
    text = source.text
    start = span.start
    for _ in range(MAX_PREFIX_WORDS):
        while start > 0 and text[start - 1].isspace():
            start -= 1
        if start == 0:
            return None
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        prefix = _SPACES.sub(" ", text[start : span.start]).strip()
        wanted = normalize(prefix)
        if not any(ends_before(source, other, wanted) for other in others):
            return prefix
    return None


def _place(source: SourceText, span: Span) -> str:
    line, column = source.line_col(span.start)
    return f"{line}:{column}"


def _words_before(source: SourceText, end: int, length: int) -> str:
    """About ``length`` characters before ``end``, from the start of a word."""
    text = source.text
    start = max(end - max(length, _SHOWN_CHARS), 0)
    stop = max(start - _SHOWN_CHARS, 0)
    while start > stop and not text[start - 1].isspace():
        start -= 1
    return _SPACES.sub(" ", text[start:end]).strip()


def _words_after(source: SourceText, start: int, length: int) -> str:
    """About ``length`` characters after ``start``, to the end of a word."""
    text = source.text
    end = min(start + max(length, _SHOWN_CHARS), len(text))
    stop = min(end + _SHOWN_CHARS, len(text))
    while end < stop and not text[end].isspace():
        end += 1
    return _SPACES.sub(" ", text[start:end]).strip()
