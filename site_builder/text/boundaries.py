"""Where words begin and end, in every script.

A word boundary is a Unicode default word boundary (UAX #29, as the ``regex``
module's ``\\b`` computes it with the WORD flag), with one addition: between two
characters of scripts written without spaces (Han, Hiragana, Katakana), the
boundaries are those of the words ICU's dictionaries find there (``segments``).
"""

from __future__ import annotations

import regex

from site_builder.text.segments import is_segment_boundary

_BOUNDARY = regex.compile(r"\b", regex.WORD | regex.V1)
# Han, kana, and the marks written with them (ー, 々, 〆, 〇, iteration marks).
NO_SPACE = r"\p{Han}\p{Hiragana}\p{Katakana}\u30fc\u3005\u3006\u3007\u309d\u309e\u30fd\u30fe"
_NO_SPACE_CHAR = regex.compile(f"[{NO_SPACE}]", regex.V1)
_NO_SPACE_BEFORE = regex.compile(f"[{NO_SPACE}]{{1,32}}$", regex.V1)
_NO_SPACE_AFTER = regex.compile(f"[{NO_SPACE}]{{1,32}}", regex.V1)
# Scripts written without spaces whose letters combine into syllables.
SYLLABIC_NO_SPACE = r"\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
_WIDEN = 64  # at most this many characters added at each end to complete a word


def is_boundary(text: str, at: int) -> bool:
    """Whether a word may begin or end at offset ``at`` of ``text``."""
    if at <= 0 or at >= len(text):
        return True
    if _NO_SPACE_CHAR.match(text, at - 1) and _NO_SPACE_CHAR.match(text, at):
        return _segment_boundary(text, at)
    return _BOUNDARY.match(text, at) is not None


def on_boundaries(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins and ends on word boundaries."""
    return is_boundary(text, start) and is_boundary(text, end)


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` widened to the nearest word boundaries outside it."""
    low, high = max(start - _WIDEN, 0), min(end + _WIDEN, len(text))
    while start > low and not is_boundary(text, start):
        start -= 1
    while end < high and not is_boundary(text, end):
        end += 1
    return start, end


def _segment_boundary(text: str, at: int) -> bool:
    """Whether ``at``, between two characters of a script without spaces, is between two of
    its words; the run of such characters around it (up to 32 on each side) is segmented."""
    before = _NO_SPACE_BEFORE.search(text, max(at - 32, 0), at)
    after = _NO_SPACE_AFTER.match(text, at)
    assert before is not None and after is not None
    return is_segment_boundary(text[before.start() : after.end()], at - before.start())
