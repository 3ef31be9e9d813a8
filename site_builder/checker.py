"""Check a loaded project: every citation located in its source, every reference resolved."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass, field
from typing import Literal

from site_builder import diagnostics as d
from site_builder.diagnostics import Diagnostic
from site_builder.matching import Match, locate, shortest_unique_prefix, word_count
from site_builder.model import Citation, Fact, Project, Sheet, Source

DEFAULT_MIN_QUOTE_WORDS = 3


@dataclass(frozen=True)
class CheckOptions:
    min_quote_words: int = DEFAULT_MIN_QUOTE_WORDS
    #: check only these sheets (``None``: all); a pull request's check narrows to what it touched
    only_sheets: frozenset[str] | None = None

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
    def start(self) -> int | None:
        return self.match.span.start if self.located else None

    @property
    def end(self) -> int | None:
        return self.match.span.end if self.located else None


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

    def results_for(self, fact: Fact) -> list[CitationResult]:
        return [r for r in self.citations if r.fact is fact]


def _quote_excerpt(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= limit else flat[: limit - 1] + '…'}”"


def _nearby_names(name: str, names: list[str]) -> list[str]:
    return difflib.get_close_matches(name, names, n=3, cutoff=0.75)


def _source_not_found(sheet: Sheet, citation: Citation, project: Project,
                      unreadable: frozenset[str] = frozenset()) -> Diagnostic:
    path = f"seeds/{citation.source}.txt"
    if path in unreadable:
        return d.error(
            "source-not-found", sheet.path, citation.source_line,
            f"source '{citation.source}' could not be read; see the error reported for {path}",
            column=citation.source_column)
    names = sorted(project.sources)
    close = _nearby_names(citation.source, names)
    if close:
        hint = "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    elif names:
        hint = f"the sources are: {', '.join(names[:10])}{', …' if len(names) > 10 else ''}"
    else:
        hint = "seeds/ holds no source yet"
    return d.error(
        "source-not-found", sheet.path, citation.source_line,
        f"source '{citation.source}' does not exist (no seeds/{citation.source}.txt); {hint}",
        column=citation.source_column)


def first_difference(quote: str, passage: str) -> tuple[int, str] | None:
    """Where ``quote`` first departs from ``passage``: the offset and text of that word of the quote."""
    same = len(os.path.commonprefix([quote, passage]))
    if same >= len(quote):
        return None
    start = max(quote.rfind(" ", 0, same), quote.rfind("\n", 0, same)) + 1
    end = min((i for i in (quote.find(" ", same), quote.find("\n", same)) if i != -1), default=len(quote))
    return start, quote[start:end]


def _not_found(sheet: Sheet, citation: Citation, source: Source, match: Match) -> Diagnostic:
    notes: list[str] = []
    extra: dict = {}
    message = f"quote not found in source '{source.id}'"
    if match.problem:
        message += f": {match.problem}"
    if match.suggestion is not None:
        s = match.suggestion
        line, column = source.text.line_col(s.start)
        notes.append(f"closest passage ({s.score:.0f}% similar), {source.path}:{line}:{column}: {_quote_excerpt(s.text, 300)}")
        if s.diff:
            notes.append(f"difference: {s.diff}")
        extra["suggestion"] = {"text": s.text, "score": round(s.score, 1), "line": line, "column": column,
                               "start": s.start, "end": s.end, "diff": s.diff}
        difference = first_difference(citation.quote, s.text)
        if difference is not None:
            extra["difference"] = {"offset": difference[0], "text": difference[1]}
    notes.append("copy the passage exactly as the source has it; sources are never edited to fit a quote")
    return d.error("quote-not-found", sheet.path, citation.line, message,
                   column=citation.column, notes=tuple(notes), extra=extra)


def _ambiguous(sheet: Sheet, citation: Citation, source: Source, match: Match) -> Diagnostic:
    places = [source.text.line_col(span.start) for span in match.occurrences]
    where = ", ".join(f"{line}:{col}" for line, col in places[:10]) + (", …" if len(places) > 10 else "")
    prefix = shortest_unique_prefix(source.text, match.span, match.occurrences)
    if prefix:
        hint = f"to cite the first, add  prefix: {_yaml_scalar(prefix)}  (the shortest text before it that is unique)"
    else:
        hint = "add a 'prefix' or 'suffix' with the words around the passage you mean, or quote more of it"
    return d.warning(
        "quote-ambiguous", sheet.path, citation.line,
        f"quote occurs {len(places)} times in source '{source.id}' (at {where}); the first is used",
        column=citation.column, notes=(hint,),
        extra={"places": [{"line": l, "column": c} for l, c in places], "suggested_prefix": prefix})


def _yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar a curator can paste."""
    if text and text == text.strip() and not any(c in text for c in ":#'\"[]{},&*!|>%@`") \
            and not text[0] in "-?":
        return text
    return "'" + text.replace("'", "''") + "'"


def _context_mismatch(sheet: Sheet, citation: Citation, source: Source, match: Match) -> Diagnostic:
    return d.error(
        "quote-context-mismatch", sheet.path, citation.line,
        f"in source '{source.id}', {match.problem}",
        column=citation.column,
        notes=("correct the prefix or suffix so that it is the text right around the passage you mean",),
        extra={"places": [dict(zip(("line", "column"), source.text.line_col(s.start))) for s in match.occurrences]})


def _too_short(sheet: Sheet, citation: Citation, words: int, minimum: int) -> Diagnostic:
    return d.warning(
        "quote-too-short", sheet.path, citation.line,
        f"the quote has {words} word{'s' if words != 1 else ''}; a quote under {minimum} words proves little",
        column=citation.column, notes=("quote the whole clause that proves the statement",))


def check_citation(sheet: Sheet, fact: Fact, citation: Citation, project: Project,
                   out: list[Diagnostic], options: CheckOptions = CheckOptions(),
                   unreadable: frozenset[str] = frozenset()) -> CitationResult:
    """Locate one citation; ``unreadable`` holds the files that failed to load, for a clear message."""
    source = project.sources.get(citation.source)
    if source is None:
        out.append(_source_not_found(sheet, citation, project, unreadable))
        return CitationResult(fact, citation, "source-not-found")
    words = word_count(citation.quote)
    if words < options.min_quote_words:
        out.append(_too_short(sheet, citation, words, options.min_quote_words))
    match = locate(citation.quote, source.text, prefix=citation.prefix, suffix=citation.suffix)
    if match.span is None:
        if match.occurrences and match.problem:
            out.append(_context_mismatch(sheet, citation, source, match))
        else:
            out.append(_not_found(sheet, citation, source, match))
        return CitationResult(fact, citation, "not-found", match)
    if len(match.occurrences) > 1:
        out.append(_ambiguous(sheet, citation, source, match))
    return CitationResult(fact, citation, match.status, match)


def _check_references(sheet: Sheet, fact: Fact, project: Project, out: list[Diagnostic]) -> None:
    for ref, line in fact.related:
        sheet_id, _, fact_id = ref.partition("#")
        target = project.sheet(sheet_id or sheet.id)
        if target is None:
            close = _nearby_names(sheet_id, [s.id for s in project.sheets])
            hint = f"; did you mean '{close[0]}'?" if close else ""
            out.append(d.error("broken-reference", sheet.path, line,
                               f"related '{ref}': there is no sheet '{sheet_id}'{hint}"))
        elif fact_id and target.fact(fact_id) is None:
            close = _nearby_names(fact_id, sorted(target.fact_ids))
            hint = f"; did you mean '{target.id}#{close[0]}'?" if close else ""
            out.append(d.error("broken-reference", sheet.path, line,
                               f"related '{ref}': sheet '{target.id}' has no fact '{fact_id}'{hint}"))


def _check_pins(report: Report) -> None:
    """Every source pinned, and every pinned source still the text that was reviewed."""
    citing: dict[str, list[CitationResult]] = {}
    for result in report.citations:
        citing.setdefault(result.citation.source, []).append(result)
    for source in report.project.sources.values():
        if source.meta.sha256 is None:
            report.diagnostics.append(d.warning(
                "source-unpinned", source.meta_path or source.path, source.pin_line or 1,
                f"source '{source.id}' has no sha256 pin, so a change to its text would go unnoticed",
                notes=(f"review the text, then run: site-builder pin {source.id}",)))
        elif source.meta.sha256 != source.digest:
            results = citing.get(source.id, [])
            notes = [f"{r.fact.ref} (citation {r.citation.index}): "
                     + ("the quote still stands" if r.located else "the quote NO LONGER stands")
                     for r in results]
            notes.append(f"if the change is right, review it, then run: site-builder pin {source.id}")
            cited = f"{len(results)} citation{'s' if len(results) != 1 else ''} rest on it" if results else "no fact cites it"
            report.diagnostics.append(d.error(
                "source-changed", source.meta_path or source.path, source.pin_line or 1,
                f"source '{source.id}' changed since it was pinned (sha256 {source.digest[:12]}…, "
                f"pinned {source.meta.sha256[:12]}…); {cited}",
                notes=tuple(notes),
                extra={"facts": [{"fact": r.fact.ref, "citation": r.citation.index, "stands": r.located}
                                 for r in results]}))


def check_project(project: Project, load_problems: list[Diagnostic] = (),
                  options: CheckOptions = CheckOptions()) -> Report:
    report = Report(project, diagnostics=list(load_problems))
    unreadable = frozenset(x.file for x in load_problems if x.severity == "error")
    for sheet in project.sheets:
        if options.only_sheets is not None and sheet.id not in options.only_sheets:
            continue
        for fact in sheet.facts:
            for citation in fact.citations:
                report.citations.append(
                    check_citation(sheet, fact, citation, project, report.diagnostics, options, unreadable))
            _check_references(sheet, fact, project, report.diagnostics)
    _check_pins(report)
    report.diagnostics.sort(key=lambda x: x.sort_key)
    return report
