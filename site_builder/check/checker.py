"""Check a loaded project: every citation located in its source, every reference resolved."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from site_builder import diagnostics as d
from site_builder.check import citation_messages as messages
from site_builder.check.integrity import pin_problems
from site_builder.check.located import locate_citation
from site_builder.check.matching import elision, word_count
from site_builder.check.matching.paragraphs import crosses_paragraph
from site_builder.check.matching.words import unspaced_characters
from site_builder.check.statement_numbers import unquoted_numbers
from site_builder.diagnostics import Diagnostic
from site_builder.model import Citation, CitationResult, Fact, Located, Project, Report, Sheet, Source

DEFAULT_MIN_QUOTE_WORDS = 3

#: Where a citation's quote stands in its source: :func:`~site_builder.check.located.locate_citation`,
#: or what a run found of it already.
Locate = Callable[[Citation, Source], Located]


@dataclass(frozen=True)
class CheckOptions:
    min_quote_words: int = DEFAULT_MIN_QUOTE_WORDS
    #: check only these sheets (``None``: all); a pull request's check narrows to what it touched
    only_sheets: frozenset[str] | None = None


def check_citation(
    sheet: Sheet,
    fact: Fact,
    citation: Citation,
    project: Project,
    out: list[Diagnostic],
    options: CheckOptions = CheckOptions(),
    unreadable: frozenset[str] = frozenset(),
    locate: Locate = locate_citation,
) -> CitationResult:
    """Locate one citation; ``unreadable`` holds the files that failed to load, for a clear message."""
    source = project.sources.get(citation.source)
    if source is None:
        out.append(messages.source_not_found(sheet, citation, project, unreadable))
        return CitationResult(fact, citation, "source-not-found")
    words = word_count(citation.quote)
    if words < options.min_quote_words:
        unspaced = unspaced_characters(citation.quote)
        out.append(messages.too_short(sheet, citation, words, options.min_quote_words, unspaced))
    found = locate(citation, source)
    match = found.match
    if match.span is None:
        if match.occurrences and match.problem:
            out.append(messages.context_mismatch(sheet, citation, source, match))
        elif match.inside_word:
            out.append(messages.partial_word(sheet, citation, source, match))
        else:
            out.append(messages.quote_not_found(sheet, citation, source, match))
        return CitationResult(fact, citation, "not-found", match)
    if len(match.occurrences) > 1:
        out.append(messages.ambiguous(sheet, citation, source, match, found.unique_prefix))
    if crosses_paragraph(source.text, match.span):
        out.append(messages.crosses_paragraph(sheet, citation, source, match))
    if match.insertions:
        added = elision.added_words(citation.quote)
        if added:
            out.append(messages.insertion(sheet, citation, source, added))
    return CitationResult(fact, citation, match.status, match)


def _check_statement_numbers(sheet: Sheet, fact: Fact, out: list[Diagnostic]) -> None:
    missing = unquoted_numbers(fact.statement, [citation.quote for citation in fact.citations])
    if missing:
        texts = list(dict.fromkeys(number.text for number in missing))  # each number once
        said = ", ".join(f"'{text}'" for text in texts)
        out.append(
            d.warning(
                "statement-number-unquoted",
                sheet.path,
                fact.line,
                f"fact '{fact.id}': the statement says {said}, which none of its quotes says",
                notes=("give the statement the number its source gives, or cite the passage that gives it",),
                extra={"numbers": texts},
            )
        )


def _check_references(sheet: Sheet, fact: Fact, project: Project, out: list[Diagnostic]) -> None:
    for ref, line in fact.related:
        sheet_id, _, fact_id = ref.partition("#")
        target = project.sheet(sheet_id or sheet.id)
        if target is None:
            close = messages.nearby_names(sheet_id, [s.id for s in project.sheets])
            hint = f"; did you mean '{close[0]}'?" if close else ""
            out.append(
                d.error("broken-reference", sheet.path, line, f"related '{ref}': there is no sheet '{sheet_id}'{hint}")
            )
        elif fact_id and target.fact(fact_id) is None:
            close = messages.nearby_names(fact_id, sorted(target.fact_ids))
            hint = f"; did you mean '{target.id}#{close[0]}'?" if close else ""
            out.append(
                d.error(
                    "broken-reference",
                    sheet.path,
                    line,
                    f"related '{ref}': sheet '{target.id}' has no fact '{fact_id}'{hint}",
                )
            )


def check_project(
    project: Project,
    load_problems: Sequence[Diagnostic] = (),
    options: CheckOptions = CheckOptions(),
    *,
    locate: Locate = locate_citation,
) -> Report:
    """Check every citation and reference of a loaded project; ``locate`` may know where a quote
    stands already."""
    report = Report(project, diagnostics=list(load_problems))
    unreadable = frozenset(x.file for x in load_problems if x.severity == "error")
    for sheet in project.sheets:
        if options.only_sheets is not None and sheet.id not in options.only_sheets:
            continue
        for fact in sheet.facts:
            for citation in fact.citations:
                report.citations.append(
                    check_citation(sheet, fact, citation, project, report.diagnostics, options, unreadable, locate)
                )
            _check_references(sheet, fact, project, report.diagnostics)
            _check_statement_numbers(sheet, fact, report.diagnostics)
    report.diagnostics.extend(pin_problems(project, report.citations))
    report.diagnostics.sort(key=lambda x: x.sort_key)
    return report
