"""Compiler-style text: ``file:line:col: error[code]: message``, the line, a caret, notes."""

from __future__ import annotations

from pathlib import Path

import click

from site_builder.check.citation_messages import COPY_EXACTLY
from site_builder.counts import counted
from site_builder.diagnostics import Diagnostic
from site_builder.model import Report

_COLORS = {"error": "red", "warning": "yellow"}
SHOWN_WIDTH = 120  # characters of a record's line shown under a diagnostic
ONE_LINE = frozenset({"source-unpinned"})  # said in one line, notes in brackets, no excerpt
QUOTE_NOT_THERE = frozenset({"quote-not-found", "quote-partial-word"})  # the advice to copy exactly follows the first
#: the codes of a file refused as a whole or in part: YAML, the record format, a source's text
REFUSED_FILE = frozenset({"yaml-syntax", "schema", "source-invalid"})


def clip(line: str, caret: int, width: int = SHOWN_WIDTH) -> tuple[str, int]:
    """A window of ``line`` around index ``caret``, and the caret's index in it.

    A record may hold a line of a megabyte; the report shows only the part that matters.
    """
    if len(line) <= width:
        return line, caret
    start = max(0, min(caret - width // 3, len(line) - width))
    shown = line[start : start + width]
    prefix = "…" if start else ""
    suffix = "…" if start + width < len(line) else ""
    return prefix + shown + suffix, caret - start + len(prefix)


def _source_line(root: Path, diagnostic: Diagnostic, cache: dict[str, list[str]]) -> str | None:
    if diagnostic.line is None:
        return None
    if diagnostic.file not in cache:
        try:
            raw = (root / diagnostic.file).read_bytes()
            cache[diagnostic.file] = raw.decode("utf-8-sig", errors="replace").splitlines()
        except OSError:
            cache[diagnostic.file] = []
    lines = cache[diagnostic.file]
    return lines[diagnostic.line - 1] if 0 < diagnostic.line <= len(lines) else None


def _caret_width(line: str, at: int, difference: dict | None) -> int:
    """How many characters the caret marks: the differing word as written on the line, else one.

    A word written with a doubled ``''`` or an escape is longer in the file than in the
    quote: the caret then runs to the end of what is written there, within reason.
    """
    if not difference or not difference.get("text"):
        return 1
    word = difference["text"]
    if line[at : at + len(word)] == word:
        return len(word)
    end = at
    while end < len(line) and not line[end].isspace() and end - at < len(word) + 8:
        end += 1
    return max(end - at, 1)


def format_diagnostic(diagnostic: Diagnostic, root: Path, color: bool, cache: dict[str, list[str]]) -> str:
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if color else text

    where = diagnostic.file
    if diagnostic.line is not None:
        where += f":{diagnostic.line}"
        if diagnostic.column is not None:
            where += f":{diagnostic.column}"
    head = (
        f"{style(where, bold=True)}: "
        f"{style(f'{diagnostic.severity}[{diagnostic.code}]', fg=_COLORS[diagnostic.severity], bold=True)}: "
        f"{diagnostic.message}"
    )
    if diagnostic.code in ONE_LINE:
        return " ".join([head, *(f"({note})" for note in diagnostic.notes)])
    out = [head]
    text = _source_line(root, diagnostic, cache)
    if text is not None and text.strip():
        gutter = str(diagnostic.line)
        caret_at = (diagnostic.column or (len(text) - len(text.lstrip()) + 1)) - 1
        width = _caret_width(text, caret_at, diagnostic.extra.get("difference"))
        text, caret_at = clip(text, caret_at)
        marker = style("^" + "~" * (width - 1), fg=_COLORS[diagnostic.severity], bold=True)
        out.append(f" {gutter} | {text}")
        out.append(f" {' ' * len(gutter)} | {' ' * caret_at}{marker}")
    for note in diagnostic.notes:
        out.append(f" {' ' * len(str(diagnostic.line or ''))} = {note}")
    return "\n".join(out)


def unread_files(report: Report) -> list[str]:
    """The files whose errors kept them out of the check: a record, a source or metadata refused as
    a whole (a metadata file with any problem is), not a record loaded with a fact or two left out."""
    project = report.project
    loaded = {sheet.path for sheet in project.sheets} | {source.path for source in project.sources.values()}
    refused = {x.file for x in report.diagnostics if x.severity == "error" and x.code in REFUSED_FILE}
    return sorted(refused - loaded)


def summary_line(report: Report) -> str:
    project = report.project
    counts = f"{counted(report.errors, 'error')}, {counted(report.warnings, 'warning')}"
    unread = len(unread_files(report))
    if unread:
        counts += f"; {counted(unread, 'file')} could not be read"
    if report.changes is None:
        return (
            f"checked {counted(len(project.sheets), 'sheet')}, {counted(len(project.facts), 'fact')}, "
            f"{counted(len(report.citations), 'citation')}: {counts}"
        )
    changes = report.changes

    def listed(items: list[str]) -> str:
        return ", ".join(items) if items else "none"

    return "\n".join(
        (
            f"changed since {changes['since']}: sources: {listed(changes['sources'])}; "
            f"sheets: {listed(changes['sheets'])}; facts: {listed(changes['facts'])}",
            f"checked {counted(len(changes['checked_sheets']), 'sheet')} that depend on them "
            f"({listed(changes['checked_sheets'])}), {counted(len(report.citations), 'citation')}: {counts}",
        )
    )


def render_text(report: Report, color: bool = False) -> str:
    root = Path(report.project.root)
    cache: dict[str, list[str]] = {}
    blocks = [format_diagnostic(x, root, color, cache) for x in report.diagnostics]
    advised = next((i for i, x in enumerate(report.diagnostics) if x.code in QUOTE_NOT_THERE), None)
    if advised is not None:
        gutter = " " * len(str(report.diagnostics[advised].line or ""))
        blocks[advised] += f"\n {gutter} = note: {COPY_EXACTLY} (said once for all such quotes)"
    blocks.append(summary_line(report))
    return "\n\n".join(blocks) + "\n"
