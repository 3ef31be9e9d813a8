"""The data model: sources, fact sheets, facts and citations. Plain values, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from site_builder.matching import SourceText

_WORDS = re.compile(r"\S+")


@dataclass(frozen=True)
class SourceMeta:
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    sha256: str | None = None  # the pin: the digest the text had when a curator last reviewed it


@dataclass(frozen=True)
class Source:
    id: str
    path: str  # relative to the project root, forward slashes
    text: SourceText
    meta: SourceMeta = field(default_factory=SourceMeta)
    meta_path: str | None = None
    digest: str = ""  # sha256 of the file's bytes as they are now
    pin_line: int | None = None  # line of ``sha256`` in the metadata file

    @property
    def title(self) -> str:
        """The metadata title, else the first words of the text."""
        if self.meta.title:
            return self.meta.title
        words = _WORDS.findall(self.text.text[:2000])
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
        return next((f for f in self.facts if f.id == fact_id), None)

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
