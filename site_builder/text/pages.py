"""Pages of a text: a form feed (U+000C) ends each page but the last.

``add-source`` writes a paged document (a PDF) with a line holding only a form feed between two
pages; the form feed counts as white space wherever quotes are matched, and the line holding it
as a paragraph break. The metadata names the pages as they are printed (``page_labels``).
"""

from __future__ import annotations

from bisect import bisect_right

FORM_FEED = "\f"
#: what stands between two pages of a text written by ``add-source``
PAGE_BREAK = "\n\f\n"


def page_starts(text: str) -> tuple[int, ...]:
    """The offset where each page starts: 0, then just after each form feed."""
    starts = [0]
    at = text.find(FORM_FEED)
    while at != -1:
        starts.append(at + 1)
        at = text.find(FORM_FEED, at + 1)
    return tuple(starts)


def page_at(starts: tuple[int, ...], offset: int) -> int:
    """The 1-based page holding ``offset`` (a form feed belongs to the page it ends)."""
    return max(bisect_right(starts, offset), 1)


#: paragraphs at most this long, next to a page break, may be page furniture
FURNITURE_LENGTH = 200
#: at most this many of them on either side of a page break
FURNITURE_PARAGRAPHS = 3


def across_page_breaks(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each page break, the first and last index of the paragraphs an elision may span across it.

    A page break rarely ends a sentence: the text runs on across the page's foot, footnotes and
    page number and the next page's running head. The run reaches back and forward over at most
    ``FURNITURE_PARAGRAPHS`` short paragraphs on each side to the first longer one.
    """
    starts = [start for start, _ in paragraphs]
    runs = []
    for page_start in page_starts(text)[1:]:
        after = bisect_right(starts, page_start - 1)
        first, last = after - 1, after
        if first < 0 or last >= len(paragraphs):
            continue
        for _ in range(FURNITURE_PARAGRAPHS):
            if first > 0 and _short(paragraphs[first]):
                first -= 1
        for _ in range(FURNITURE_PARAGRAPHS):
            if last < len(paragraphs) - 1 and _short(paragraphs[last]):
                last += 1
        runs.append((first, last))
    return runs


def _short(paragraph: tuple[int, int]) -> bool:
    return paragraph[1] - paragraph[0] <= FURNITURE_LENGTH
