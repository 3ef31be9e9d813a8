"""User text shown inside a diagnostic message: short, on one line, nothing invisible.

Keys, ids and values come from untrusted files; a message prints them in quotes, cut to a few
dozen characters, with control, format and line-separator characters written as ``\\uXXXX`` so
that they can neither break a report's lines nor hide or reorder text in a terminal.
"""

from __future__ import annotations

import unicodedata

_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def _visible(ch: str) -> str:
    if unicodedata.category(ch) not in _HIDDEN:
        return ch
    return f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}"


def visible(text: str) -> str:
    """``text`` with every hidden character written as ``\\uXXXX``."""
    if text.isprintable():  # no control, format, separator, private or unassigned character
        return text
    return "".join(_visible(ch) for ch in text)


def excerpt(value: object, limit: int = 60) -> str:
    """``value`` quoted for a message, e.g. ``'Not_Kebab'``; cut to ``limit`` characters."""
    text = str(value)
    cut = len(text) > limit
    text = text[: limit - 1] if cut else text
    return "'" + visible(text) + ("…'" if cut else "'")
