"""The data model: sources, fact sheets, facts and citations, and what checking found. Plain values, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from site_builder.diagnostics import Diagnostic
from site_builder.text.pages import page_at, page_starts
from site_builder.text.source_text import SourceText

_HYPHENATED_LINE_END = re.compile(r"(?<=[^\W\d_]-)\n(?=[^\W\d_])")
_WORDS = re.compile(r"\S+")


@dataclass(frozen=True)
class Original:
    """The document a source's text was taken from (``add-source``)."""

    name: str  # its file name, or the last part of its URL
    media_type: str  # such as application/pdf
    sha256: str  # of its bytes
    publish: bool = True  # False: kept but not published (it holds scripts or launch actions)


@dataclass(frozen=True)
class SourceMeta:
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    sha256: str | None = None  # the pin: the digest the text had when a curator last reviewed it
    author: str | None = None
    retrieved: str | None = None  # YYYY-MM-DD: when the text was taken from its original
    pages: int | None = None  # a paged source: its text has a form feed between two pages
    page_labels: tuple[str, ...] = ()  # each page as printed, when the document prints its own
    original: Original | None = None


@dataclass(frozen=True)
class Source:
    id: str
    path: str  # relative to the project root, forward slashes
    text: SourceText
    meta: SourceMeta = field(default_factory=SourceMeta)
    meta_path: str | None = None
    digest: str = ""  # sha256 of the file's bytes as they are now
    pin_line: int | None = None  # line of ``sha256`` in the metadata file
    original_file: str | None = None  # the kept original (seeds/originals/...), relative to the root

    @property
    def paged(self) -> bool:
        return self.meta.pages is not None

    @cached_property
    def page_starts(self) -> tuple[int, ...]:
        return page_starts(self.text.text)

    def page_of(self, offset: int) -> tuple[int, str] | None:
        """The 1-based page holding ``offset`` and its printed label; ``None`` for a source without pages."""
        if not self.paged:
            return None
        number = page_at(self.page_starts, offset)
        labels = self.meta.page_labels
        return number, labels[number - 1] if number <= len(labels) else str(number)

    @property
    def title(self) -> str:
        """The metadata title, else the first words of the text (a word hyphenated at a line end joined)."""
        if self.meta.title:
            return self.meta.title
        words = _WORDS.findall(_HYPHENATED_LINE_END.sub("", self.text.text[:2000]))
        if not words:
            return self.id
        head = " ".join(words[:8])
        return head + ("…" if len(words) > 8 else "")


@dataclass(frozen=True)
class Citation:
    source: str
    quote: str
    line: int  # line of the quote in the record file
    column: int
    index: int  # 1-based position among the fact's citations
    source_line: int = 0  # line and column of the source id in the record file
    source_column: int = 0
    prefix: str | None = None
    suffix: str | None = None
    #: the quote as written in the record file (quotes, escapes, block header and all), and its YAML style
    quote_raw: str = ""
    quote_style: str | None = None


@dataclass(frozen=True)
class Fact:
    sheet: str
    id: str
    statement: str
    citations: tuple[Citation, ...]
    line: int  # line of the fact's id in the record file
    tags: tuple[str, ...] = ()
    related: tuple[tuple[str, int], ...] = ()  # (reference as written, its line)

    @property
    def ref(self) -> str:
        return f"{self.sheet}#{self.id}"


@dataclass(frozen=True)
class Sheet:
    id: str
    path: str  # relative to the project root, forward slashes
    title: str
    facts: tuple[Fact, ...]
    summary: str | None = None
    tags: tuple[str, ...] = ()

    def fact(self, fact_id: str) -> Fact | None:
        return self._facts_by_id.get(fact_id)

    @cached_property
    def _facts_by_id(self) -> dict[str, Fact]:
        by_id: dict[str, Fact] = {}
        for fact in self.facts:
            by_id.setdefault(fact.id, fact)  # the first of two with one id, as a search would find
        return by_id

    @property
    def fact_ids(self) -> frozenset[str]:
        return frozenset(f.id for f in self.facts)


@dataclass
class Project:
    root: str
    sheets: tuple[Sheet, ...]  # sorted by id
    sources: dict[str, Source]  # by id, sorted
    _by_id: dict[str, Sheet] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id = {}
        for sheet in self.sheets:
            self._by_id.setdefault(sheet.id, sheet)

    def sheet(self, sheet_id: str) -> Sheet | None:
        return self._by_id.get(sheet_id)

    @property
    def facts(self) -> list[Fact]:
        return [fact for sheet in self.sheets for fact in sheet.facts]


# What the matcher found for one quote.

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
    #: where the quote first departs from the passage: the offset of that word in the quote, and the word
    departure: tuple[int, str] | None = None


@dataclass(frozen=True)
class Match:
    """Where a quote was found, and how.

    ``normalizations`` names only the rules the match needed, in canonical order.
    ``segments`` holds the separately matched parts of an elided quote.
    ``problem`` explains a ``not-found`` that is not a plain absence: an empty quote,
    or a quote found only where its prefix or suffix does not match; ``occurrences``
    then still lists where the quote itself was found. ``inside_word`` marks a
    ``not-found`` quote that occurs only where it begins or ends inside a word; its
    ``suggestion`` is that place widened to whole words.
    """

    status: Status
    span: Span | None = None
    occurrences: tuple[Span, ...] = ()
    normalizations: tuple[str, ...] = ()
    insertions: tuple[str, ...] = ()
    segments: tuple[Span, ...] = ()
    suggestion: Suggestion | None = None
    problem: str | None = None
    inside_word: bool = False

    @property
    def found(self) -> bool:
        return self.span is not None

    located = found

    @property
    def ambiguous(self) -> bool:
        """Found in more than one place (after any prefix and suffix were applied)."""
        return self.found and len(self.occurrences) > 1


@dataclass(frozen=True)
class Located:
    """What locating a citation found: the match and, for a quote found in several places, the
    shortest text before the first place that no other place has (to suggest as its prefix)."""

    match: Match
    unique_prefix: str | None = None


# What checking a project found.

CitationStatus = Literal["exact", "normalized", "elided", "not-found", "source-not-found"]


@dataclass(frozen=True)
class CitationResult:
    fact: Fact
    citation: Citation
    status: CitationStatus
    match: Match | None = None

    @property
    def located(self) -> bool:
        return self.match is not None and self.match.span is not None

    @property
    def found(self) -> Match:
        """The match of a located citation; ask ``located`` first."""
        if self.match is None or self.match.span is None:
            raise ValueError(f"{self.fact.ref}: citation {self.citation.index} was not located")
        return self.match

    @property
    def span(self) -> Span:
        """Where a located citation stands in its source; ask ``located`` first."""
        span = self.found.span
        assert span is not None
        return span

    @property
    def start(self) -> int | None:
        return self.span.start if self.located else None

    @property
    def end(self) -> int | None:
        return self.span.end if self.located else None


@dataclass
class Report:
    project: Project
    citations: list[CitationResult] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: what ``check --since`` found changed and checked; ``None`` for a full check
    changes: dict | None = None

    @property
    def errors(self) -> int:
        return sum(1 for x in self.diagnostics if x.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for x in self.diagnostics if x.severity == "warning")

    def ok(self, *, strict: bool = False) -> bool:
        return self.errors == 0 and not (strict and self.warnings)
