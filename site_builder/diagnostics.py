"""Problems found in a project, and the stable codes that name them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]

#: Every code a diagnostic can carry, with what it means. The README documents the same list
#: (a test keeps the two in step).
CODES: dict[str, str] = {
    "yaml-syntax": "A record or metadata file is not valid YAML, or uses YAML features that are refused.",
    "schema": "A record breaks the record format: missing or unknown key, wrong type, bad id.",
    "duplicate-id": "Two sheets, or two facts in one sheet, share an id.",
    "source-not-found": "A citation names a source that is not in seeds/.",
    "source-invalid": "A source file cannot be read as UTF-8 text, or lies outside seeds/.",
    "quote-not-found": "A quote does not occur in the source it cites, even after normalization.",
    "quote-partial-word": "A quote occurs in its source only where it begins or ends inside a word.",
    "quote-context-mismatch": "A quote occurs in its source, but not where its prefix or suffix says.",
    "quote-ambiguous": "A quote occurs in more than one place in its source.",
    "quote-crosses-paragraph": "A quote runs across a paragraph break of its source, joining two paragraphs "
    "as one sentence.",
    "quote-insertion": "A quote adds words of its own in brackets ([not], [1], [the President]), which the "
    "source does not say.",
    "quote-too-short": "A quote has fewer words than the minimum, so it proves little.",
    "source-changed": "A source's text no longer matches the sha256 pinned in its metadata.",
    "source-unpinned": "A source has no sha256 pin in its metadata.",
    "broken-reference": "A `related` entry names a sheet or fact that does not exist.",
}


@dataclass(frozen=True)
class Diagnostic:
    severity: Severity
    code: str
    file: str  # path relative to the project root, with forward slashes
    line: int | None
    message: str
    column: int | None = None
    notes: tuple[str, ...] = ()  # further lines shown under the message (hints, closest passage)
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # machine-readable details

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown diagnostic code {self.code!r}")

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or 0, self.code, self.message)


def error(code: str, file: str, line: int | None, message: str, **kw: Any) -> Diagnostic:
    return Diagnostic("error", code, file, line, message, **kw)


def warning(code: str, file: str, line: int | None, message: str, **kw: Any) -> Diagnostic:
    return Diagnostic("warning", code, file, line, message, **kw)
