"""A source text with the look-ups the matcher and the renderer need."""

from __future__ import annotations

import bisect
import re
from array import array
from functools import cached_property

from site_builder.text import cjk_spacing
from site_builder.text.normalize import NormalizedText, normalize_source
from site_builder.text.word_index import WordIndex

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A line break, but for one between two Chinese or Japanese characters (a CRLF taken whole).
_LINE_BREAK_OUTSIDE_CJK = re.compile(
    rf"(?<![{cjk_spacing.CHARACTERS}\r])(?:\r\n|\r(?!\n)|\n)|(?:\r\n|\r(?!\n)|\n)(?![{cjk_spacing.CHARACTERS}])"
)
# A CR must not be split from its LF, or every CRLF would count as a blank line.
# A line holding only a form feed (a page break) counts as blank.
_BLANK_LINE = re.compile(r"(?:\r\n|\r(?!\n)|\n)[ \t\f]*(?:\r\n|\r|\n)")


class SourceText:
    """Decoded source text; offsets everywhere are code-point offsets into ``text``."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset`` (CRLF, CR and LF each end a line)."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    @cached_property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        """Spans of the paragraphs, without their surrounding white space.

        A text that has blank lines is split on them; a text with none (one paragraph
        a line, as pasted from many web pages) is split on every line break, but for a break
        between two Chinese or Japanese characters: a line wrapped inside a sentence.
        """
        splitter = _BLANK_LINE if _BLANK_LINE.search(self.text) else _LINE_BREAK_OUTSIDE_CJK
        spans: list[tuple[int, int]] = []
        start = 0
        for m in splitter.finditer(self.text):
            spans.append((start, m.start()))
            start = m.end()
        spans.append((start, len(self.text)))
        result = []
        for a, b in spans:
            chunk = self.text[a:b]
            stripped = chunk.strip()
            if stripped:
                lead = len(chunk) - len(chunk.lstrip())
                result.append((a + lead, a + lead + len(stripped)))
        return tuple(result)

    def paragraph_at(self, offset: int) -> tuple[int, int] | None:
        """The paragraph that holds ``offset``, if any (white space between paragraphs holds none)."""
        index = bisect.bisect_right(self._paragraph_starts, offset) - 1
        if index >= 0 and offset < self.paragraphs[index][1]:
            return self.paragraphs[index]
        return None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [a for a, _ in self.paragraphs]

    @cached_property
    def normalized(self) -> NormalizedText:
        """The text with every normalization applied, and the map back to ``text``."""
        return normalize_source(self.text)

    @cached_property
    def normalized_paragraphs(self) -> tuple[array, array]:
        """Starts and ends of ``paragraphs`` as offsets into ``normalized.text``."""
        starts, ends = array("q"), array("q")
        for start, end in self.paragraphs:
            starts.append(self.normalized.start_to_normalized(start))
            ends.append(self.normalized.end_to_normalized(end))
        return starts, ends

    @cached_property
    def word_index(self) -> WordIndex:
        """The index of the normalized text's words, for the closest passage to a wrong quote."""
        return WordIndex(self.normalized.text)

    def certainly_lacks(self, query: str) -> bool:
        """Whether the normalized quote ``query`` is certainly not in the text, when that is
        quick to tell: once the index of words is built (by a first quote not found)."""
        return "word_index" in self.__dict__ and self.word_index.lacks(query)

    def windows(self, width: int) -> list[str]:
        """The normalized text cut into windows of ``width`` that overlap by half.

        Any passage up to half as long lies wholly inside one of them, window ``i``
        starting at ``i * (width // 2)``. Kept per width for the later quotes.
        """
        if width not in self._windows:
            text, step = self.normalized.text, width // 2
            last = max(len(text) - step, 1)
            self._windows[width] = [text[at : at + width] for at in range(0, last, step)]
        return self._windows[width]

    @cached_property
    def _windows(self) -> dict[int, list[str]]:
        return {}
