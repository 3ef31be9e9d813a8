"""The marks that stand for words left out of a quote.

``[...]`` and ``[…]`` (the bracketed forms), ``…`` and three or more dots, and ``……``, the
Chinese and Japanese ellipsis (two ``…`` set solid, as wide as two of their characters), which is
one mark, not two.
"""

from __future__ import annotations

import re

#: a regular expression (of ``re``) for one elision mark
PATTERN = r"\[\s*(?:…|\.\.\.)\s*\]|……|…|\.{3,}"
_MARK = re.compile(PATTERN)


def elision_marks(quote: str) -> list[tuple[int, int]]:
    """The spans of the elision marks of ``quote``, from left to right."""
    return [m.span() for m in _MARK.finditer(quote)]


def is_elision_mark(text: str) -> bool:
    """Whether ``text`` is one elision mark, whole."""
    return _MARK.fullmatch(text) is not None
