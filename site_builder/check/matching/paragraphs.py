"""Whether a quote's place in its source spans more than one paragraph."""

from __future__ import annotations

from site_builder.model import Span
from site_builder.text.source_text import SourceText


def crosses_paragraph(text: SourceText, span: Span | None) -> bool:
    """Whether ``span`` begins in one paragraph of ``text`` and ends in another, as
    :attr:`SourceText.paragraphs` cuts them (on blank lines, or on every line of a text
    that has none)."""
    if span is None or span.end <= span.start:
        return False
    return text.paragraph_at(span.start) != text.paragraph_at(span.end - 1)
