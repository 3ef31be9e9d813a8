"""What the checker says about a citation: where, what is wrong, and how to fix it."""

from __future__ import annotations

import difflib

import yaml

from site_builder import diagnostics as d
from site_builder.check.matching.suggest import pasteable
from site_builder.check.matching.word_diff import departure
from site_builder.diagnostics import Diagnostic
from site_builder.load.scalar_positions import value_position
from site_builder.model import Citation, Match, Project, Sheet, Source

#: Said once per run (the text report adds it under the first quote not found).
COPY_EXACTLY = "copy each passage exactly as the source has it; sources are never edited to fit a quote"
PART_OF_A_WORD = "a quote begins and ends with whole words; to quote part of a word, bracket the rest: [s]he, [il]legal"


def quote_excerpt(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return f"“{flat if len(flat) <= limit else flat[: limit - 1] + '…'}”"


def nearby_names(name: str, names: list[str]) -> list[str]:
    return difflib.get_close_matches(name, names, n=3, cutoff=0.75)


def source_not_found(
    sheet: Sheet, citation: Citation, project: Project, unreadable: frozenset[str] = frozenset()
) -> Diagnostic:
    path = f"seeds/{citation.source}.txt"
    if path in unreadable:
        return d.error(
            "source-not-found",
            sheet.path,
            citation.source_line,
            f"source '{citation.source}' could not be read; see the error reported for {path}",
            column=citation.source_column,
        )
    names = sorted(project.sources)
    close = nearby_names(citation.source, names)
    if close:
        hint = "did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    elif names:
        hint = f"the sources are: {', '.join(names[:10])}{', …' if len(names) > 10 else ''}"
    else:
        hint = "seeds/ holds no source yet"
    return d.error(
        "source-not-found",
        sheet.path,
        citation.source_line,
        f"source '{citation.source}' does not exist (no seeds/{citation.source}.txt); {hint}",
        column=citation.source_column,
    )


def first_difference(quote: str, passage: str) -> tuple[int, str] | None:
    """Where ``quote`` first departs from ``passage``: the offset and text of that word of the quote."""
    return departure(quote, passage)


def paste_line(passage: str, key: str = "quote") -> str:
    """``passage`` as a ``key:`` line of YAML, ready to paste: on one line (see ``pasteable``),
    quoted and escaped as YAML needs it (text that would read as a number or a date is quoted)."""
    value = pasteable(passage)
    return yaml.safe_dump({key: value}, allow_unicode=True, width=1_000_000, sort_keys=False).rstrip("\n")


def _suggestion_notes(citation: Citation, source: Source, match: Match) -> tuple[list[str], dict]:
    """The closest passage, the diff and a line to paste; and the same for machines."""
    s = match.suggestion
    if s is None:
        return [], {}
    line, column = source.text.line_col(s.start)
    notes = [f"closest passage ({s.score:.0f}% similar) at {source.path}:{line}:{column}"]
    if s.diff:
        notes.append(f"difference: {s.diff}")
    pasted = paste_line(s.text)
    notes.append(f"help: {pasted}")
    extra: dict = {
        "suggestion": {
            "text": s.text,
            "score": round(s.score, 1),
            "line": line,
            "column": column,
            "start": s.start,
            "end": s.end,
            "diff": s.diff,
            "yaml": pasted,
        }
    }
    if s.departure is not None:
        extra["difference"] = {"offset": s.departure[0], "text": s.departure[1]}
    return notes, extra


def quote_position(citation: Citation, offset: int) -> tuple[int, int]:
    """Line and column in the record file of the quote's character at ``offset``."""
    return value_position(
        citation.quote_raw, citation.quote_style, citation.quote, offset, citation.line, citation.column
    )


def quote_not_found(sheet: Sheet, citation: Citation, source: Source, match: Match) -> Diagnostic:
    message = f"quote not found in source '{source.id}'"
    if match.problem:
        message += f": {match.problem}"
    notes, extra = _suggestion_notes(citation, source, match)
    line, column = citation.line, citation.column
    if "difference" in extra:
        line, column = quote_position(citation, extra["difference"]["offset"])
    return d.error("quote-not-found", sheet.path, line, message, column=column, notes=tuple(notes), extra=extra)


def partial_word(sheet: Sheet, citation: Citation, source: Source, match: Match) -> Diagnostic:
    """The quote occurs only where it begins or ends inside a word of the source."""
    notes, extra = _suggestion_notes(citation, source, match)
    where = ""
    if match.suggestion is not None:
        line, column = source.text.line_col(match.suggestion.start)
        where = f" (at {line}:{column}, inside “{' '.join(match.suggestion.text.split())}”)"
    message = f"the quote begins or ends inside a word of source '{source.id}'{where}"
    notes = notes[1:] + [PART_OF_A_WORD]
    line, column = citation.line, citation.column
    if "difference" in extra:
        line, column = quote_position(citation, extra["difference"]["offset"])
    return d.error("quote-partial-word", sheet.path, line, message, column=column, notes=tuple(notes), extra=extra)


def ambiguous(sheet: Sheet, citation: Citation, source: Source, match: Match, prefix: str | None) -> Diagnostic:
    """The quote occurs in several places; ``prefix`` is the shortest text before the first that no
    other place has (see :func:`~site_builder.check.located.locate_citation`), if there is one."""
    places = [source.text.line_col(span.start) for span in match.occurrences]
    verbatim = [source.text.text[span.start : span.end] == citation.quote for span in match.occurrences]
    mixed = any(verbatim) and not all(verbatim)
    how = [(" verbatim" if same else " once normalized") if mixed else "" for same in verbatim]
    shown = [f"{line}:{col}{kind}" for (line, col), kind in zip(places, how)]
    where = ", ".join(shown[:10]) + (", …" if len(places) > 10 else "")
    if prefix:
        hint = f"to cite the first place, add `{paste_line(prefix, 'prefix')}` (the shortest text before it that no other place has)"
    else:
        hint = "add a 'prefix' or 'suffix' with the words around the passage you mean, or quote more of it"
    return d.warning(
        "quote-ambiguous",
        sheet.path,
        citation.line,
        f"quote occurs {len(places)} times in source '{source.id}' (at {where}); the first is used",
        column=citation.column,
        notes=(hint,),
        extra={"places": [{"line": line, "column": column} for line, column in places], "suggested_prefix": prefix},
    )


def crosses_paragraph(sheet: Sheet, citation: Citation, source: Source, match: Match) -> Diagnostic:
    """The quote's place begins in one paragraph of the source and ends in another."""
    assert match.span is not None
    first = source.text.line_col(match.span.start)
    last = source.text.line_col(match.span.end - 1)
    return d.warning(
        "quote-crosses-paragraph",
        sheet.path,
        citation.line,
        f"the quote runs across a paragraph break of source '{source.id}' (from {first[0]}:{first[1]} "
        f"to {last[0]}:{last[1]}), joining two paragraphs as one",
        column=citation.column,
        notes=("quote each paragraph in a citation of its own, or end the quote where the paragraph ends",),
    )


def insertion(sheet: Sheet, citation: Citation, source: Source, added: tuple[tuple[int, str], ...]) -> Diagnostic:
    """The quote passes, but adds words in brackets that the source does not have (``added``:
    offset in the quote and bracketed text of each)."""
    words = ", ".join(text for _, text in added)
    line, column = quote_position(citation, added[0][0])
    return d.warning(
        "quote-insertion",
        sheet.path,
        line,
        f"the quote adds {words} to what source '{source.id}' says",
        column=column,
        notes=(
            "check that the insertion only clarifies the source (a name for 'he'); quote the source's own words "
            "rather than add a negation, a number or a claim",
        ),
        extra={"insertions": [text for _, text in added]},
    )


def context_mismatch(sheet: Sheet, citation: Citation, source: Source, match: Match) -> Diagnostic:
    notes = ["correct the prefix or suffix so that it is the text right around the passage you mean"]
    if match.suggestion is not None:  # the context fits where the quote stands in other letter case
        line, column = source.text.line_col(match.suggestion.start)
        written = " ".join(match.suggestion.text.split())
        notes.append(f"the context fits at {source.path}:{line}:{column}, where the source writes “{written}”")
        notes.append("help: " + paste_line(match.suggestion.text))
    return d.error(
        "quote-context-mismatch",
        sheet.path,
        citation.line,
        f"in source '{source.id}', {match.problem}",
        column=citation.column,
        notes=tuple(notes),
        extra={"places": [dict(zip(("line", "column"), source.text.line_col(s.start))) for s in match.occurrences]},
    )


def too_short(sheet: Sheet, citation: Citation, words: int, minimum: int, unspaced: int = 0) -> Diagnostic:
    """``unspaced`` characters of scripts written without spaces are counted into ``words``."""
    counted = f"the quote has {words} word{'s' if words != 1 else ''}"
    if unspaced:
        counted = (
            f"the quote counts as {words} word{'s' if words != 1 else ''} "
            f"({unspaced} character{'s' if unspaced != 1 else ''} written without spaces, two to a word)"
        )
    return d.warning(
        "quote-too-short",
        sheet.path,
        citation.line,
        f"{counted}; a quote under {minimum} words proves little",
        column=citation.column,
        notes=("quote the whole clause that proves the statement",),
    )
