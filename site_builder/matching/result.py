"""What the matcher reports about a quote."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Status = Literal["exact", "normalized", "elided", "not-found"]


@dataclass(frozen=True)
class Span:
    """Code-point offsets into ``SourceText.text``, end exclusive."""

    start: int
    end: int


@dataclass(frozen=True)
class Suggestion:
    """The passage of the source closest to a quote that was not found."""

    text: str  # as it stands in the source, from word start to word end
    start: int
    end: int
    score: float  # 0 to 100
    diff: str = ""  # word-level diff, quote → passage


@dataclass(frozen=True)
class Match:
    """Where a quote was found, and how.

    ``normalizations`` names only the rules the match needed, in canonical order.
    ``segments`` holds the separately matched parts of an elided quote.
    ``problem`` explains a ``not-found`` that is not a plain absence: an empty quote,
    or a quote found only where its prefix or suffix does not match; ``occurrences``
    then still lists where the quote itself was found.
    """

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

    located = found

    @property
    def ambiguous(self) -> bool:
        """Found in more than one place (after any prefix and suffix were applied)."""
        return self.found and len(self.occurrences) > 1
