"""Words of the scripts written without spaces (Chinese, Japanese), as ICU's word break iterator
segments them with its dictionaries, the way the URL text fragments of browsers do.

ICU comes with the ``icu4py`` wheel, which needs Python 3.11 or later; without it every
character boundary of these scripts counts as a word boundary.
"""

from __future__ import annotations

from functools import lru_cache

try:
    from icu4py.breakers import WordBreaker
except ImportError:  # Python 3.10: no wheel
    WordBreaker = None  # type: ignore[assignment,misc,unused-ignore]

AVAILABLE = WordBreaker is not None
_CACHED_RUNS = 4096


def is_segment_boundary(run: str, at: int) -> bool:
    """Whether a word of ``run`` (text in a script without spaces) may begin or end at ``at``."""
    if WordBreaker is None or at <= 0 or at >= len(run):
        return True
    return _utf16_offset(run, at) in _boundaries(run)


@lru_cache(maxsize=_CACHED_RUNS)
def _boundaries(run: str) -> frozenset[int]:
    """The segment boundaries of ``run``, as ICU counts offsets: in UTF-16 code units."""
    assert WordBreaker is not None
    return frozenset(end for _, end in WordBreaker(run, "").segments()) | {0}


def _utf16_offset(text: str, at: int) -> int:
    """``at``, a code-point offset into ``text``, counted in UTF-16 code units (a character beyond
    the Basic Multilingual Plane, such as a rare Han character, takes two)."""
    if text.isascii():
        return at
    return at + sum(1 for char in text[:at] if ord(char) > 0xFFFF)
