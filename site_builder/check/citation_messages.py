"""What the checker says about a citation: where, what is wrong, and how to fix it."""

from __future__ import annotations

import difflib
import os

from site_builder import diagnostics as d
from site_builder.check.matching import shortest_unique_prefix
from site_builder.diagnostics import Diagnostic
from site_builder.model import Citation, Match, Project, Sheet, Source


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
    same = len(os.path.commonprefix([quote, passage]))  # noqa: RUF071 - characters, not paths
    if same >= len(quote):
        return None
    start = max(quote.rfind(" ", 0, same), quote.rfind("\n", 0, same)) + 1
    end = min((i for i in (quote.find(" ", same), quote.find("\n", same)) if i != -1), default=len(quote))
    return start, quote[start:end]


def quote_not_found(sheet: Sheet, citation: Citation, source: Source, match: Match) -> Diagnostic:
    notes: list[str] = []
    extra: dict = {}
    message = f"quote not found in source '{source.id}'"
    if match.problem:
        message += f": {match.problem}"
    if match.suggestion is not None:
        s = match.suggestion
        line, column = source.text.line_col(s.start)
        notes.append(
            f"closest passage ({s.score:.0f}% similar), {source.path}:{line}:{column}: {quote_excerpt(s.text, 300)}"
        )
        if s.diff:
            notes.append(f"difference: {s.diff}")
        extra["suggestion"] = {
            "text": s.text,
            "score": round(s.score, 1),
            "line": line,
            "column": column,
            "start": s.start,
            "end": s.end,
            "diff": s.diff,
        }
        difference = first_difference(citation.quote, s.text)
        if difference is not None:
            extra["difference"] = {"offset": difference[0], "text": difference[1]}
    notes.append("copy the passage exactly as the source has it; sources are never edited to fit a quote")
    return d.error(
        "quote-not-found", sheet.path, citation.line, message, column=citation.column, notes=tuple(notes), extra=extra
    )


def ambiguous(sheet: Sheet, citation: Citation, source: Source, match: Match) -> Diagnostic:
    places = [source.text.line_col(span.start) for span in match.occurrences]
    where = ", ".join(f"{line}:{col}" for line, col in places[:10]) + (", …" if len(places) > 10 else "")
    prefix = shortest_unique_prefix(source.text, match.span, match.occurrences) if match.span else None
    if prefix:
        hint = f"to cite the first place, add `prefix: {yaml_scalar(prefix)}` (the shortest text before it that no other place has)"
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


def yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar a curator can paste."""
    if text and text == text.strip() and not any(c in text for c in ":#'\"[]{},&*!|>%@`") and text[0] not in "-?":
        return text
    return "'" + text.replace("'", "''") + "'"


def context_mismatch(sheet: Sheet, citation: Citation, source: Source, match: Match) -> Diagnostic:
    return d.error(
        "quote-context-mismatch",
        sheet.path,
        citation.line,
        f"in source '{source.id}', {match.problem}",
        column=citation.column,
        notes=("correct the prefix or suffix so that it is the text right around the passage you mean",),
        extra={"places": [dict(zip(("line", "column"), source.text.line_col(s.start))) for s in match.occurrences]},
    )


def too_short(sheet: Sheet, citation: Citation, words: int, minimum: int) -> Diagnostic:
    return d.warning(
        "quote-too-short",
        sheet.path,
        citation.line,
        f"the quote has {words} word{'s' if words != 1 else ''}; a quote under {minimum} words proves little",
        column=citation.column,
        notes=("quote the whole clause that proves the statement",),
    )
