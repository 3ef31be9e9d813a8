"""Compare a quote with a passage word by word: the diff, and where the quote first departs.

Words are white-space separated (a dash or a slash stands apart), except in scripts
written without spaces, where each character is a word. Words are compared normalized, so a curly quote against
a straight one, or a line break against a space, is no difference.
"""

from __future__ import annotations

import regex
from rapidfuzz.distance import Levenshtein

from site_builder.check.matching.elision import ELISION, INSERTION
from site_builder.text.boundaries import NO_SPACE
from site_builder.text.normalize import normalize

_DASHES = r"\-‐‑‒–—―−/"
#: A word: white-space separated, but a dash or slash (``north—mostly``, ``and/or``) stands apart,
#: and each character of a script written without spaces is a word of its own.
WORD = regex.compile(rf"[{NO_SPACE}]|[{_DASHES}]|[^\s{NO_SPACE}{_DASHES}]+", regex.V1)
_UNSPACED = regex.compile(f"[{NO_SPACE}]", regex.V1)


def _words(text: str) -> list[tuple[str, int, bool]]:
    """(word, offset, whether white space precedes it) for each word of ``text``."""
    return [(m.group(), m.start(), m.start() > 0 and text[m.start() - 1].isspace()) for m in WORD.finditer(text)]


def _blank_markup(quote: str) -> str:
    """The quote with elision markers and bracketed insertions turned into spaces, offsets kept."""
    blank = ELISION.sub(lambda m: " " * len(m.group()), quote)
    return INSERTION.sub(lambda m: " " * len(m.group()), blank)


def _opcodes(old: list[tuple[str, int, bool]], new: list[tuple[str, int, bool]]):
    return Levenshtein.opcodes([normalize(w[0]) for w in old], [normalize(w[0]) for w in new])


def word_diff(quote: str, passage: str) -> str:
    """Words only in the quote as ``[-…-]``, words only in the passage as ``{+…+}``.

    The passage's own spelling is shown for the words both have.
    """
    old, new = _words(_blank_markup(quote)), _words(passage)
    parts: list[tuple[str, bool]] = []

    def joined(words: list[tuple[str, int, bool]]) -> str:
        return "".join((" " if i and w[2] else "") + w[0] for i, w in enumerate(words))

    for op in _opcodes(old, new):
        if op.tag == "equal":
            parts.append((joined(new[op.dest_start : op.dest_end]), new[op.dest_start][2]))
            continue
        if op.src_start < op.src_end:
            parts.append(("[-" + joined(old[op.src_start : op.src_end]) + "-]", old[op.src_start][2]))
        if op.dest_start < op.dest_end:
            first = new[op.dest_start]
            after_deleted = op.src_start < op.src_end and not (
                _UNSPACED.match(first[0]) and _UNSPACED.match(old[op.src_end - 1][0][-1])
            )
            parts.append(("{+" + joined(new[op.dest_start : op.dest_end]) + "+}", first[2] or after_deleted))
    return "".join((" " if i and spaced else "") + text for i, (text, spaced) in enumerate(parts))


def departure(quote: str, passage: str) -> tuple[int, str] | None:
    """The offset in ``quote`` and the text of its first word that differs from ``passage``.

    Where the quote lacks words of the passage, that is the word after the gap. None
    when they do not differ, or when the quote only stops before the passage does.
    """
    old, new = _words(_blank_markup(quote)), _words(passage)
    for op in _opcodes(old, new):
        if op.tag == "equal":
            continue
        if op.src_start >= len(old):
            return None
        word = old[op.src_start]
        return word[1], word[0]
    return None
