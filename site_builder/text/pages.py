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
