"""A quote that runs on across a page break, where the page's number, running head or footnotes
stand between its words: the help suggests the quote with ``[…]`` at the break, never the
page furniture pasted into it."""

from __future__ import annotations

import re

from site_builder.check.matching import elision
from site_builder.check.matching.word_diff import WORD
from site_builder.model import Suggestion
from site_builder.text.pages import FORM_FEED
from site_builder.text.source_text import SourceText

_WORD = re.compile(r"\S+")
MAX_WORDS = 200  # a longer quote is not tried at each of its word breaks


def across_page_break(quote: str, source: SourceText) -> Suggestion | None:
    """The quote with ``[…]`` where it crosses a page break of ``source``, if all its words stand
    there in order with only the page break and its furniture between them."""
    if FORM_FEED not in source.text or elision.ELISION.search(quote) or elision.INSERTION.search(quote):
        return None
    words = list(_WORD.finditer(quote))
    if len(words) < 2 or len(words) > MAX_WORDS:
        return None
    for cut in range(1, len(words)):
        before, after = quote[: words[cut - 1].end()], quote[words[cut].start() :]
        elided = f"{before} […] {after}"
        parsed = elision.parse(elided)
        if parsed is None:
            continue
        for candidate in elision.find(parsed, source):
            gap = source.text[candidate.segments[0].end : candidate.segments[-1].start]
            if FORM_FEED in gap:
                first = WORD.search(after)
                departure = (words[cut].start(), first.group() if first else after)
                diff = f"{before} {{+[…]+}} {after}"
                return Suggestion(elided, candidate.span.start, candidate.span.end, 100.0, diff, departure)
    return None
