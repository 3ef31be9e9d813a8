"""Page furniture: running heads and feet, bare page numbers and footnotes, set apart from the text.

They stay in the text, each a paragraph of its own, so a quote never has to include them: a
running head or foot is a line at the top or bottom edge of a page whose text (its digits
aside) is at that edge on at least half the pages; a page number is a bare number, or ``n/N``,
at an edge; a footnote is a block of lines in a smaller type at the foot of a column, starting
with its mark, and is moved to the end of its page so the sentence it interrupted runs on.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass


@dataclass
class Line:
    text: str
    x: float
    y: float
    size: float


_ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER = re.compile(
    rf"^(?:[Pp]age\s+)?(?:\d{{1,4}}|{_ROMAN}|{_ROMAN.upper()})"
    r"(?:\s*(?:/|of)\s*\d{1,4})?$"
)
_FOOTNOTE_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§¶])\s?\S")
_EDGE = 1.0  # points: how close to the highest or lowest line a line must be to be at the edge
SMALLER = 0.88  # a footnote's type is at most this share of the text's


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


def _edges(lines: list[Line]) -> set[int]:
    """The lines at the top and bottom edge of a page."""
    if not lines:
        return set()
    top, bottom = max(ln.y for ln in lines), min(ln.y for ln in lines)
    return {i for i, ln in enumerate(lines) if ln.y >= top - _EDGE or ln.y <= bottom + _EDGE}


def furniture(pages: list[list[Line]]) -> list[set[int]]:
    """For each page, the lines that are running heads or feet, or page numbers."""
    edges = [_edges(lines) for lines in pages]
    seen: Counter[str] = Counter()
    for lines, at in zip(pages, edges):
        seen.update({_shape(lines[i].text) for i in at})
    repeated = {shape for shape, n in seen.items() if n >= 2 and n >= len(pages) / 2}
    return [
        {i for i in at if _shape(lines[i].text) in repeated or _PAGE_NUMBER.match(lines[i].text)}
        for lines, at in zip(pages, edges)
    ]


def footnotes(lines: list[Line], furniture: set[int]) -> set[int]:
    """The lines of footnotes: smaller type at the foot of a column, the first starting with a mark."""
    body = [ln.size for i, ln in enumerate(lines) if i not in furniture]
    if len(body) < 4:
        return set()
    usual = statistics.median(body)
    found: set[int] = set()
    i = 0
    while i < len(lines):
        if i in furniture or lines[i].size > SMALLER * usual or not _FOOTNOTE_MARK.match(lines[i].text):
            i += 1
            continue
        j = i + 1
        while (
            j < len(lines) and j not in furniture and lines[j].size <= SMALLER * usual and lines[j].y < lines[j - 1].y
        ):
            j += 1
        at_foot = j == len(lines) or j in furniture or lines[j].y > lines[j - 1].y + lines[j].size
        if at_foot:
            found.update(range(i, j))
        i = j
    return found
