"""A source text with the look-ups the matcher and the renderer need."""

from __future__ import annotations

import bisect
import re
from functools import cached_property

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")


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
        a line, as pasted from many web pages) is split on every line break.
        """
        splitter = _BLANK_LINE if _BLANK_LINE.search(self.text) else _LINE_BREAK
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
