"""Locate a quote in a source text: exact first, then normalized, else the closest passage."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from site_builder.matching.text import SourceText

Status = Literal["exact", "normalized", "elided", "not-found"]


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Suggestion:
    """The passage of the source closest to a quote that was not found."""

    text: str
    start: int
    end: int
    score: float  # 0 to 100
    diff: str = ""  # word-level diff, quote → passage


@dataclass(frozen=True)
class Match:
    status: Status
    span: Span | None = None
    occurrences: tuple[Span, ...] = ()
    normalizations: tuple[str, ...] = ()
    insertions: tuple[str, ...] = ()
    segments: tuple[Span, ...] = ()
    suggestion: Suggestion | None = None
    problem: str | None = None

    @property
    def found(self) -> bool:
        return self.span is not None


def locate(
    quote: str, source: SourceText, *, prefix: str | None = None, suffix: str | None = None
) -> Match:
    """Find ``quote`` in ``source``."""
    text = source.text
    occurrences = []
    at = text.find(quote)
    while at != -1 and quote:
        occurrences.append(Span(at, at + len(quote)))
        at = text.find(quote, at + 1)
    if occurrences:
        return Match("exact", occurrences[0], tuple(occurrences))
    return Match("not-found")
