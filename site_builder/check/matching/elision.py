"""Quotes that leave words out (``…``, ``[...]``) or add editorial words in brackets.

The quote is cut at each elision marker and at each bracketed insertion; the parts
must then occur in order within one paragraph of the source, or across a page break and
the page furniture beside it (``text.pages.across_page_breaks``). A bracketed letter at
the start of a word (``[T]he`` for ``the``) stands for any one letter and keeps the
rest of the word attached to it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from site_builder.check.matching.search import MAX_OCCURRENCES, Candidate
from site_builder.model import Span
from site_builder.text import elision_marks
from site_builder.text.boundaries import is_boundary
from site_builder.text.normalize import normalize
from site_builder.text.pages import across_page_breaks
from site_builder.text.source_text import SourceText

ELISION = re.compile(elision_marks.PATTERN)
INSERTION = re.compile(r"\[[^\[\]]*\]")
_MARKUP = re.compile(rf"(?P<elision>{ELISION.pattern})|(?P<insertion>{INSERTION.pattern})")
_REPLACED_INITIAL = re.compile(r"\[[^\W\d_]\](?=[^\W\d_])")
_LETTER = r"[^\W\d_]"
#: How many places of an elided quote's last part are tried to find one its suffix follows.
LATER_ENDS_TRIED = 32
_BRACKET_OR_DIGIT = re.compile(r"[\[\]\d]")


@dataclass(frozen=True)
class Unit:
    """A part of the quote matched in one piece (no gap inside)."""

    pattern: re.Pattern[str]  # over the normalized source, one group per quoted piece
    quoted: tuple[str, ...]  # the quoted text of each group
    longest: str  # its longest literal piece, normalized, to find candidate paragraphs
    open_start: bool = False  # glued to a marker before it, so it may begin inside a word
    open_end: bool = False  # glued to a marker after it, so it may end inside a word


@dataclass(frozen=True)
class ElidedQuote:
    units: tuple[Unit, ...]
    insertions: tuple[str, ...]
    has_gap: bool  # parts are matched separately, with anything in between
    # For each gap (before the first unit, between two units, after the last): whether
    # only insertions stand there, so the source must not carry a bracket or a digit there.
    inserted_gaps: tuple[bool, ...] = ()


def parse(quote: str) -> ElidedQuote | None:
    """Cut ``quote`` into units, or None when it has no elision and no insertion."""
    units: list[Unit] = []
    insertions: list[str] = []
    pieces: list[str | None] = []  # text, or None for a replaced initial
    has_gap = False
    inserted_gaps: list[bool] = []
    gap_inserted = False  # the gap before the current unit holds an insertion and no elision
    gap_elided = False
    spaced_before = True  # the current unit starts the quote or follows a gap with white space
    at = 0
    for m in _MARKUP.finditer(quote):
        pieces.append(quote[at : m.start()])
        at = m.end()
        if m.lastgroup == "insertion":
            insertions.append(m.group())
            if _REPLACED_INITIAL.match(quote, m.start()) and not _ends_word(quote, m.start()):
                pieces.append(None)
                continue
        has_gap = True
        spaced_after = m.start() == 0 or quote[m.start() - 1].isspace()
        if _add_unit(units, pieces, spaced_before, spaced_after):
            inserted_gaps.append(gap_inserted and not gap_elided)
            gap_inserted = gap_elided = False
        gap_inserted = gap_inserted or m.lastgroup == "insertion"
        gap_elided = gap_elided or m.lastgroup == "elision"
        spaced_before = at == len(quote) or quote[at].isspace()
        pieces = []
    if not insertions and not has_gap:
        return None
    pieces.append(quote[at:])
    if _add_unit(units, pieces, spaced_before, True):
        inserted_gaps.append(gap_inserted and not gap_elided)
        gap_inserted = gap_elided = False
    inserted_gaps.append(gap_inserted and not gap_elided)
    return ElidedQuote(tuple(units), tuple(insertions), has_gap, tuple(inserted_gaps))


def added_words(quote: str) -> tuple[tuple[int, str], ...]:
    """Each bracketed insertion that adds words of the editor's own, with its offset in the quote.

    A bracketed letter that starts a word (``[T]he``) only changes a letter's case and is
    left out; ``[not]``, ``[1]`` or ``[the President]`` change what the quote says.
    """
    added = []
    for m in _MARKUP.finditer(quote):
        if m.lastgroup != "insertion":
            continue
        if _REPLACED_INITIAL.match(quote, m.start()) and not _ends_word(quote, m.start()):
            continue
        added.append((m.start(), m.group()))
    return tuple(added)


def find(quote: ElidedQuote, source: SourceText, suffix: str | None = None) -> Iterator[Candidate]:
    """Every match of the units in order within one paragraph, first ones first.

    Only paragraphs that contain the longest literal piece are tried, and in each
    one every unit is taken at its leftmost place after the previous one: if that
    fails, no other choice can succeed. With a ``suffix`` (normalized), a match whose
    end it does not follow tries later places of the last unit, a bounded number.
    """
    if not quote.units:
        return
    norm = source.normalized
    text = norm.text
    starts, ends = source.normalized_paragraphs
    windows = _windows(source)
    anchor = max((unit.longest for unit in quote.units), key=len)
    found = 0
    at = text.find(anchor)
    while at != -1 and found < MAX_OCCURRENCES:
        k = bisect_right(starts, at) - 1
        if k < 0 or at >= ends[k]:
            at = text.find(anchor, at + 1)
            continue
        first, last = windows.get(k, (k, k))
        for matches in _places(quote.units, text, starts[first], ends[last], suffix):
            candidate = _candidate(quote.units, matches, source)
            if not _in_whole_words(quote.units, candidate, source):
                continue
            if not _insertions_fit(quote.inserted_gaps, candidate, source):
                continue
            yield candidate
            found += 1
            if found == MAX_OCCURRENCES:
                return
        at = text.find(anchor, ends[last])


def _windows(source: SourceText) -> dict[int, tuple[int, int]]:
    """The paragraphs searched together, by each of them: those a page break runs across."""
    if "\f" not in source.text:
        return {}
    windows: dict[int, tuple[int, int]] = {}
    for first, last in across_page_breaks(source.text, list(source.paragraphs)):
        first = min((windows[k][0] for k in range(first, last + 1) if k in windows), default=first)
        for k in range(first, last + 1):
            windows[k] = (first, last)
    return windows


def _in_paragraph(units: tuple[Unit, ...], text: str, start: int, end: int) -> Iterator[list[re.Match[str]]]:
    """For each place of the first unit, the leftmost places of the others after it.

    A later unit's place from the previous round is reused while it still lies after
    the unit before it (nothing earlier can match), so a paragraph is read about once.
    """
    previous: list[re.Match[str]] = []
    m = units[0].pattern.search(text, start, end)
    while m:
        matches = [m]
        for i, unit in enumerate(units[1:], start=1):
            after = matches[-1].end()
            if previous and previous[i].start() >= after:
                matches.append(previous[i])
                continue
            n = unit.pattern.search(text, after, end)
            if n is None:
                return
            matches.append(n)
        yield matches
        previous = matches
        m = units[0].pattern.search(text, m.start() + 1, end)


def _places(
    units: tuple[Unit, ...], text: str, start: int, end: int, suffix: str | None
) -> Iterator[list[re.Match[str]]]:
    """The units' places between ``start`` and ``end``; with a ``suffix``, each end it follows."""
    for leftmost in _in_paragraph(units, text, start, end):
        if suffix:
            yield from _ends_before(suffix, units[-1], leftmost, text, end)
        else:
            yield leftmost


def _ends_before(
    suffix: str, last: Unit, matches: list[re.Match[str]], text: str, end: int
) -> list[list[re.Match[str]]]:
    """``matches`` with the last unit moved to each place, within ``LATER_ENDS_TRIED`` places,
    that ``suffix`` follows (several make the quote ambiguous there); ``[matches]`` if none is."""
    fitting = []
    m: re.Match[str] | None = matches[-1]
    for _ in range(LATER_ENDS_TRIED):
        if m is None:
            break
        if text[m.end() : m.end() + len(suffix) + 1].lstrip(" ").startswith(suffix):
            fitting.append([*matches[:-1], m])
        m = last.pattern.search(text, m.start() + 1, end)
    return fitting or [matches]


def _candidate(units: tuple[Unit, ...], matches: list[re.Match[str]], source: SourceText) -> Candidate:
    norm = source.normalized
    segments = []
    pieces = []
    for unit, m in zip(units, matches):
        segments.append(Span(norm.start_to_original(m.start()), norm.end_to_original(m.end())))
        for group, quoted in enumerate(unit.quoted, start=1):
            a, b = m.span(group)
            if a < b:
                pieces.append((Span(norm.start_to_original(a), norm.end_to_original(b)), quoted))
    span = Span(segments[0].start, segments[-1].end)
    return Candidate(span, tuple(segments), tuple(pieces))


def _in_whole_words(units: tuple[Unit, ...], candidate: Candidate, source: SourceText) -> bool:
    """Whether each part begins and ends on a word boundary, unless glued to a marker there."""
    for unit, segment in zip(units, candidate.segments):
        if not unit.open_start and not is_boundary(source.text, segment.start):
            return False
        if not unit.open_end and not is_boundary(source.text, segment.end):
            return False
    return True


def _insertions_fit(inserted_gaps: tuple[bool, ...], candidate: Candidate, source: SourceText) -> bool:
    """Whether the source carries no bracket where the quote has an insertion, and no digit
    that an insertion between two parts would replace.

    Where the source has ``[4]`` (a footnote marker, an index), the quote's own brackets
    are part of the quoted text, not an editorial insertion, so ``[5]`` must not pass.
    """
    text = source.text
    segments = candidate.segments
    if inserted_gaps[:1] == (True,) and text[: segments[0].start].rstrip()[-1:] == "]":
        return False
    if inserted_gaps[-1:] == (True,) and text[segments[-1].end :].lstrip()[:1] == "[":
        return False
    for inserted, before, after in zip(inserted_gaps[1:-1], segments, segments[1:]):
        gap = text[before.end : after.start]
        if inserted and _BRACKET_OR_DIGIT.search(gap):
            return False
    return True


def _add_unit(units: list[Unit], pieces: list[str | None], spaced_before: bool, spaced_after: bool) -> bool:
    """Compile the pieces between two gaps, trimmed at both ends, into a unit.

    ``spaced_before`` and ``spaced_after`` tell whether white space (or the quote's
    start or end) separates the unit from the marker next to it: only a unit glued
    to a marker may begin or end inside a word of the source.
    """
    if pieces and pieces[0] is not None:
        pieces[0] = pieces[0].lstrip()
    if pieces and pieces[-1] is not None:
        pieces[-1] = pieces[-1].rstrip()
    pieces = [p for p in pieces if p != ""]
    texts = [p for p in pieces if p is not None]
    if not any(normalize(p) for p in texts):
        return False
    regex = []
    for i, piece in enumerate(pieces):
        if piece is None:
            regex.append(_LETTER if i else rf"(?<!\w){_LETTER}")
            continue
        wanted = normalize(piece, strip=False)
        if i == 0:
            wanted = wanted.lstrip(" ")
            if spaced_before and wanted[:1].isalnum():
                regex.append(r"(?<!\w)")
        if i == len(pieces) - 1:
            wanted = wanted.rstrip(" ")
        regex.append(f"({re.escape(wanted)})")
        if i == len(pieces) - 1 and spaced_after and wanted[-1:].isalnum():
            regex.append(r"(?!\w)")
    longest = max((normalize(p) for p in texts), key=len)
    units.append(Unit(re.compile("".join(regex)), tuple(texts), longest, not spaced_before, not spaced_after))
    return True


def _ends_word(quote: str, at: int) -> bool:
    return at > 0 and (quote[at - 1].isalnum() or quote[at - 1] == "_")
