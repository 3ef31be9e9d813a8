"""The fixes a check report allows: what to write, where, and whether it is safe.

Pure planning from the check's own results (each citation's match and closest passage); writing
them into the records is :mod:`site_builder.check.fix_files`' job.

- A quote that is not found but whose closest passage reads the same apart from typography,
  spacing, punctuation, case or a spelling slip inside one word is replaced by the passage as the
  source has it (white space made single spaces): a safe fix.
- Any other closest passage at least ``MIN_UNSAFE_SCORE`` similar is an unsafe fix: it could change
  what the quote proves (a number, a word, a negation), so it is offered only on request.
- An ambiguous quote gets the shortest prefix that points at the place the check used: safe,
  unless the prefix holds a character that is not the quote's own (U+FFFD, say).

Every fix is verified before it is offered: the new quote (or prefix) must locate the passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from site_builder.check.fix_safety import judge, words
from site_builder.check.matching import locate, shortest_unique_prefix
from site_builder.check.matching.elision import ELISION, INSERTION
from site_builder.check.matching.suggest import MAX_QUERY, pasteable
from site_builder.check.script_family import foreign_characters
from site_builder.load.yaml_edit import DocPath, Item
from site_builder.model import CitationResult, Report, Source

Safety = Literal["safe", "unsafe"]
MIN_UNSAFE_SCORE = 80.0
_JOINED_HEAD = re.compile(r"^[^\s—–/-]+[—–/-]+(?=\w)")
_JOINED_TAIL = re.compile(
    r"(?<=\w)[—–/-]+[^\s—–/-]+$"
)  # a closest passage less similar than this is no fix, only a hint


@dataclass(frozen=True)
class Fix:
    """Set the text at ``span`` (a path in the YAML record ``file``) to ``replacement``.

    With ``add_key``, ``span`` is the citation's mapping and the key is added to it, beside its quote.
    """

    file: str  # relative to the project root
    span: DocPath
    replacement: str
    safety: Safety
    code: str  # the diagnostic it fixes
    line: int  # where the fixed value (or the quote beside a new key) stands
    column: int
    reason: str  # what differs, or what is added
    add_key: str | None = None

    @property
    def fact(self) -> str:
        return next(f"{s.value}" for s in self.span if isinstance(s, Item))


def _citation_path(result: CitationResult) -> DocPath:
    return ("facts", Item("id", result.fact.id), "citations", result.citation.index - 1)


def _quote_fix(result: CitationResult, source: Source, file: str, vocabulary: frozenset[str]) -> Fix | None:
    quote, match = result.citation.quote, result.match
    if match is None or match.suggestion is None or match.problem or ELISION.search(quote) or INSERTION.search(quote):
        return None  # an elided quote, or one whose prefix or suffix is at fault, is the curator's to mend
    if len(quote) > MAX_QUERY:
        return None  # the closest passage covers only the start of the quote
    whole = pasteable(match.suggestion.text)
    verdict, passage = judge(quote, whole, vocabulary), whole
    for trimmed in _trimmed(whole):  # the passage is widened to white space: try it cut at a joining dash
        if judge(quote, trimmed, vocabulary).safe:
            verdict, passage = judge(quote, trimmed, vocabulary), trimmed
            break
    if not passage or passage == quote or not (verdict.safe or match.suggestion.score >= MIN_UNSAFE_SCORE):
        return None
    found = locate(passage, source.text, prefix=result.citation.prefix, suffix=result.citation.suffix)
    if found.span is None:
        return None
    return Fix(
        file,
        _citation_path(result) + ("quote",),
        passage,
        "safe" if verdict.safe else "unsafe",
        "quote-not-found",
        result.citation.line,
        result.citation.column,
        verdict.reason,
    )


def _trimmed(passage: str) -> list[str]:
    """``passage`` without the part of its first or last word beyond a dash or slash that joins two words."""
    head = _JOINED_HEAD.sub("", passage, count=1)
    tail = _JOINED_TAIL.sub("", passage, count=1)
    both = _JOINED_TAIL.sub("", head, count=1)
    return [p for p in dict.fromkeys((head, tail, both)) if p and p != passage]


def _prefix_fix(result: CitationResult, source: Source, file: str) -> Fix | None:
    match = result.match
    if match is None or match.span is None or len(match.occurrences) < 2:
        return None
    prefix = shortest_unique_prefix(source.text, match.span, match.occurrences)
    if not prefix:
        return None
    citation = result.citation
    again = locate(citation.quote, source.text, prefix=prefix, suffix=citation.suffix)
    if again.span != match.span or len(again.occurrences) != 1:
        return None
    path = _citation_path(result)
    replaces = citation.prefix is not None  # else the key is added to the citation
    foreign = foreign_characters(citation.quote, prefix)
    return Fix(
        file,
        path + ("prefix",) if replaces else path,
        prefix,
        "unsafe" if foreign else "safe",
        "quote-ambiguous",
        citation.line,
        citation.column,
        "a prefix with a character that is not the quote's own" if foreign else "a prefix that points at one place",
        add_key=None if replaces else "prefix",
    )


def plan_fixes(report: Report) -> list[Fix]:
    """Every fix the report allows, safe and unsafe, in file and line order."""
    project = report.project
    vocabularies: dict[str, frozenset[str]] = {}
    fixes: list[Fix] = []
    for result in report.citations:
        source = project.sources.get(result.citation.source)
        sheet = project.sheet(result.fact.sheet)
        if source is None or sheet is None:
            continue
        if result.status == "not-found":
            if source.id not in vocabularies:
                vocabularies[source.id] = frozenset(words(source.text.text))
            fix = _quote_fix(result, source, sheet.path, vocabularies[source.id])
        else:
            fix = _prefix_fix(result, source, sheet.path)
        if fix is not None:
            fixes.append(fix)
    return sorted(fixes, key=lambda f: (f.file, f.line, f.column))
