"""Compiler-style text: ``file:line:col: error[code]: message``, the line, a caret, notes."""

from __future__ import annotations

from pathlib import Path

import click

from site_builder.diagnostics import Diagnostic
from site_builder.model import Report

_COLORS = {"error": "red", "warning": "yellow"}
SHOWN_WIDTH = 120  # characters of a record's line shown under a diagnostic


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


def _difference_in_line(line: str, value_at: int, difference: dict | None) -> tuple[int, int]:
    """Where to put the caret, and how wide: under the quote's first differing word when the
    record's line shows it as written (a plain or quoted scalar on one line), else at the value."""
    if not difference or not difference.get("text"):
        return value_at, 1
    start = value_at + (1 if line[value_at : value_at + 1] in ("'", '"') else 0)
    at = start + difference["offset"]
    if line[at : at + len(difference["text"])] == difference["text"]:
        return at, len(difference["text"])
    return value_at, 1


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
    out = [head]
    text = _source_line(root, diagnostic, cache)
    if text is not None:
        gutter = str(diagnostic.line)
        caret_at = (diagnostic.column or (len(text) - len(text.lstrip()) + 1)) - 1
        caret_at, width = _difference_in_line(text, caret_at, diagnostic.extra.get("difference"))
        text, caret_at = clip(text, caret_at)
        marker = style("^" + "~" * (width - 1), fg=_COLORS[diagnostic.severity], bold=True)
        out.append(f" {gutter} | {text}")
        out.append(f" {' ' * len(gutter)} | {' ' * caret_at}{marker}")
    for note in diagnostic.notes:
        out.append(f" {' ' * len(str(diagnostic.line or ''))} = {note}")
    return "\n".join(out)


def summary_line(report: Report) -> str:
    project = report.project
    counts = f"{report.errors} errors, {report.warnings} warnings"
    if report.changes is None:
        return (
            f"checked {len(project.sheets)} sheets, {len(project.facts)} facts, "
            f"{len(report.citations)} citations: {counts}"
        )
    changes = report.changes

    def listed(items: list[str]) -> str:
        return ", ".join(items) if items else "none"

    return "\n".join(
        (
            f"changed since {changes['since']}: sources: {listed(changes['sources'])}; "
            f"sheets: {listed(changes['sheets'])}; facts: {listed(changes['facts'])}",
            f"checked {len(changes['checked_sheets'])} sheets that depend on them "
            f"({listed(changes['checked_sheets'])}), {len(report.citations)} citations: {counts}",
        )
    )


def render_text(report: Report, color: bool = False) -> str:
    root = Path(report.project.root)
    cache: dict[str, list[str]] = {}
    blocks = [format_diagnostic(x, root, color, cache) for x in report.diagnostics]
    blocks.append(summary_line(report))
    return "\n\n".join(blocks) + "\n"
