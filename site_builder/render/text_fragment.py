"""Links that open a web page scrolled to a passage and highlight it: URL Text Fragments.

Follows the WICG Text Fragments syntax, ``url#:~:text=[prefix-,]textStart[,textEnd][,-suffix]``.
Each term is percent-encoded, and so are ``-``, ``&`` and ``,``, which the directive uses as syntax.
A short passage is given whole; a long one, or one with parts left out, by its first and last
words, which also survives small differences between our copy and the published page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

#: Passages of at most this many words are given whole.
EXACT_MAX_WORDS = 10
#: Words taken from each end of a longer passage.
EDGE_WORDS = 4
#: Words of context taken for a prefix or a suffix.
CONTEXT_WORDS = 3

DELIMITER = ":~:"


def encode(term: str) -> str:
    """Percent-encode one term of a text directive (UTF-8; only ASCII letters, digits, ``_.~`` stay)."""
    return quote(term, safe="").replace("-", "%2D")


@dataclass(frozen=True)
class TextDirective:
    start: str
    end: str | None = None
    prefix: str | None = None
    suffix: str | None = None

    def __str__(self) -> str:
        terms = [encode(self.start)]
        if self.prefix:
            terms.insert(0, encode(self.prefix) + "-")
        if self.end:
            terms.append(encode(self.end))
        if self.suffix:
            terms.append("-" + encode(self.suffix))
        return "text=" + ",".join(terms)


def _words(text: str) -> list[str]:
    return text.split()


def directive(passage: str, *, elided: bool = False, before: str = "", after: str = "") -> TextDirective | None:
    """The directive for ``passage``; ``None`` if it has no words.

    ``elided`` asks for the start-and-end form whatever the length (the passage runs from the
    first kept part of a quote to its last). ``before`` and ``after`` are the text around the
    passage: give them to add a prefix and a suffix when the passage occurs more than once.
    """
    words = _words(passage)
    if not words:
        return None
    prefix = " ".join(_words(before)[-CONTEXT_WORDS:]) or None
    suffix = " ".join(_words(after)[:CONTEXT_WORDS]) or None
    if len(words) == 1 or (not elided and len(words) <= EXACT_MAX_WORDS):
        return TextDirective(" ".join(words), prefix=prefix, suffix=suffix)
    edge = min(EDGE_WORDS, len(words) // 2)
    return TextDirective(" ".join(words[:edge]), " ".join(words[-edge:]), prefix, suffix)


def link(url: str, text_directive: TextDirective) -> str:
    """``url`` with the directive added to its fragment (an existing fragment is kept)."""
    if DELIMITER in url:
        return f"{url}&{text_directive}"
    if "#" in url:
        return f"{url}{DELIMITER}{text_directive}"
    return f"{url}#{DELIMITER}{text_directive}"
