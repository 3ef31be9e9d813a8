"""Problems found in a project, and the stable codes that name them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    """What a diagnostic code means: its severity, a one-line summary, and the details a curator reads."""

    severity: Severity
    summary: str
    details: str


#: Every code a diagnostic can carry. The diagnostics reference (``docs/pages/diagnostics.md``) is
#: made from this table and ``report.rule_help.HELP`` (a test keeps the page in step).
RULES: dict[str, Rule] = {
    "yaml-syntax": Rule(
        "error",
        "A record or metadata file is not valid YAML, or uses YAML features that are refused.",
        "A record or metadata file cannot be read as YAML: not UTF-8 (the byte offset is named), a link out of its folder, not valid YAML, or using YAML features that are refused (tags, merge keys, duplicate keys, alias bombs, several documents).",
    ),
    "schema": Rule(
        "error",
        "A record breaks the record format: missing or unknown key, wrong type, bad id.",
        "A record breaks the record format: missing or unknown key (with a did-you-mean), wrong type, empty text, an id that is not kebab-case.",
    ),
    "duplicate-id": Rule(
        "error",
        "Two sheets, or two facts in one sheet, share an id.",
        "Two sheets, or two facts in one sheet, share an id; or two source ids differ only in case.",
    ),
    "source-not-found": Rule(
        "error",
        "A citation names a source that is not in seeds/.",
        "A citation names a source that is not in `seeds/`.",
    ),
    "source-invalid": Rule(
        "error",
        "A source file cannot be read as UTF-8 text, or lies outside seeds/.",
        "A source or its metadata is not UTF-8 text (the byte offset is named), is empty or too large, is a link that leaves `seeds/`, or has a file name that cannot be an id.",
    ),
    "quote-not-found": Rule(
        "error",
        "A quote does not occur in the source it cites, even after normalization.",
        "A quote does not occur in its source, even after normalization; the header points at the quote's first word that differs, and the closest passage, a word diff and a `help:` line with the passage as YAML ready to paste are shown.",
    ),
    "quote-partial-word": Rule(
        "error",
        "A quote occurs in its source only where it begins or ends inside a word.",
        "A quote occurs in its source only where it begins or ends inside a word (`he was` in “She was”); the passage widened to whole words is suggested. Brackets quote part of a word: `[s]he`.",
    ),
    "quote-context-mismatch": Rule(
        "error",
        "A quote occurs in its source, but not where its prefix or suffix says.",
        "The quote occurs in its source, but its `prefix` or `suffix` fits none of those places.",
    ),
    "quote-ambiguous": Rule(
        "warning",
        "A quote occurs in more than one place in its source.",
        "A quote occurs in more than one place in its source, counting places where it occurs only once normalized (each place is marked verbatim or normalized then); the first is used, and a prefix is suggested.",
    ),
    "quote-crosses-paragraph": Rule(
        "warning",
        "A quote runs across a paragraph break of its source, joining two paragraphs as one sentence.",
        "A quote runs across a blank line of its source, so it reads two paragraphs as one sentence; quote one paragraph, or cite the two as two citations.",
    ),
    "quote-insertion": Rule(
        "warning",
        "A quote adds words of its own in brackets ([not], [1], [the President]), which the source does not say.",
        "A quote adds words of its own in brackets (`[not]`, `[1]`, `[the President]`) that the source does not say; the warning names the inserted words and their column, and `diff` shows them. A bracket that only changes a letter's case (`[T]he`) is not reported. Where the source itself has brackets at that place, the quote's brackets are compared as text, and an insertion never stands for a digit of the source.",
    ),
    "quote-too-short": Rule(
        "warning",
        "A quote has fewer words than the minimum, so it proves little.",
        "A quote has fewer words than the minimum (3 unless `--min-quote-words` says otherwise); in scripts written without spaces, characters are counted as words (see Checking).",
    ),
    "source-changed": Rule(
        "error",
        "A source's text no longer matches the sha256 pinned in its metadata.",
        "A source's file no longer matches the `sha256` pinned in its metadata.",
    ),
    "source-unpinned": Rule(
        "warning",
        "A source has no sha256 pin in its metadata.",
        "A source has no `sha256` pin in its metadata.",
    ),
    "broken-reference": Rule(
        "error",
        "A `related` entry names a sheet or fact that does not exist.",
        "A `related` entry names a sheet or fact that does not exist.",
    ),
    "statement-number-unquoted": Rule(
        "warning",
        "A statement gives a number or date that none of its quotes gives.",
        "A statement gives a number or date that none of its quotes gives (`160 million` and `160,000,000`, `25th` and `25`, `October 25` and `25 October` count as the same).",
    ),
}

#: Every code with its one-line summary.
CODES: dict[str, str] = {code: rule.summary for code, rule in RULES.items()}


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
        rule = RULES.get(self.code)
        if rule is None:
            raise ValueError(f"unknown diagnostic code {self.code!r}")
        if rule.severity != self.severity:
            raise ValueError(f"{self.code!r} is reported as {rule.severity}, not {self.severity}")

    def as_json(self, *, details: bool = True) -> dict[str, Any]:
        """The diagnostic as the JSON report and review carry it; ``details`` adds notes and extras."""
        out: dict[str, Any] = {
            "severity": self.severity,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }
        if details:
            out["notes"] = list(self.notes)
            out.update(self.extra)
        return out

    @property
    def sort_key(self) -> tuple:
        return (self.file, self.line or 0, self.column or 0, self.code, self.message)


def error(code: str, file: str, line: int | None, message: str, **kw: Any) -> Diagnostic:
    return Diagnostic("error", code, file, line, message, **kw)


def warning(code: str, file: str, line: int | None, message: str, **kw: Any) -> Diagnostic:
    return Diagnostic("warning", code, file, line, message, **kw)
