"""The ``hyphenation`` normalization: a word hyphenated across a line end is read whole.

Text taken from a PDF keeps the hyphens of its justified lines: ``dif-`` at the end of one line,
``ficult`` at the start of the next (possibly the next page). The rule drops such a hyphen with
the line break after it, when letters stand on both sides, so that the quote ``difficult``
matches. It applies only where the line breaks: ``well-known`` on one line is left alone, and a
compound split at its own hyphen (``long-`` / ``term``) is read as ``longterm``.
"""

from __future__ import annotations

NAME = "hyphenation"

_LETTER = r"[^\W\d_]"
HYPHENS = "-\u2010"  # hyphen-minus, hyphen (a soft hyphen is a zero-width character of its own rule)
_LINE_BREAK = r"(?:\r\n|\r|\n)"
# A page break as add-source writes it, a line holding only a form feed, may stand between the halves.
_BREAK = rf"[ \t]*{_LINE_BREAK}(?:[ \t]*\f[ \t]*{_LINE_BREAK})?[ \t]*"

#: the hyphen and the line break to drop, between two letters
PATTERN = rf"(?<={_LETTER})[{HYPHENS}]{_BREAK}(?={_LETTER})"
