"""The ``hyphenation`` normalization: a word hyphenated across a line end is read whole.

Text taken from a PDF keeps the hyphens of its justified lines: ``dif-`` at the end of one line,
``ficult`` at the start of the next (possibly the next page). The rule drops such a hyphen with
the line break after it, when letters stand on both sides, so that the quote ``difficult``
matches. It applies only where the line breaks: ``well-known`` on one line is left alone, and a
compound split at its own hyphen (``long-`` / ``term``) is read as ``longterm``.

Its alternative, ``line-break-after-hyphen``, keeps the hyphen and drops only the break, so that
the quote ``mixed-mode`` matches ``mixed-`` / ``mode`` too. A quote is tried that way when it is
not found otherwise and has a hyphen between letters (``mixed-mode``, or ``discov- ered``, a quote
written over two lines of YAML, which folds the break into a space).
"""

from __future__ import annotations

import re

NAME = "hyphenation"
KEPT_NAME = "line-break-after-hyphen"

_LETTER = r"[^\W\d_]"
HYPHENS = "-\u2010"  # hyphen-minus, hyphen (a soft hyphen is a zero-width character of its own rule)
_LINE_BREAK = r"(?:\r\n|\r|\n)"
# A page break as add-source writes it, a line holding only a form feed, may stand between the halves.
_BREAK = rf"[ \t]*{_LINE_BREAK}(?:[ \t]*\f[ \t]*{_LINE_BREAK})?[ \t]*"

#: the hyphen and the line break to drop, between two letters
PATTERN = rf"(?<={_LETTER})[{HYPHENS}]{_BREAK}(?={_LETTER})"

# In a quote: a hyphen between letters, with the white space a folded line may leave after it.
_QUOTED_HYPHEN = re.compile(rf"(?<={_LETTER})[{HYPHENS}]\s*(?={_LETTER})")


def has_inner_hyphen(quote: str) -> bool:
    """Whether ``quote`` has a hyphen between letters (perhaps followed by white space)."""
    return _QUOTED_HYPHEN.search(quote) is not None


def joined(quote: str) -> str:
    """``quote`` with its hyphens between letters dropped, as ``hyphenation`` reads the source."""
    return _QUOTED_HYPHEN.sub("", quote)


def hyphen_kept(quote: str) -> str:
    """``quote`` with the white space after its hyphens between letters dropped (``discov- ered``
    is ``discov-ered``), as ``line-break-after-hyphen`` reads the source."""
    return _QUOTED_HYPHEN.sub(lambda m: m.group()[0], quote)
