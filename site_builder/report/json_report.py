"""The JSON report: one document, the contract tools rely on."""

from __future__ import annotations

import json
from typing import Any

from site_builder.model import CitationResult, Report


def citation_json(result: CitationResult, report: Report) -> dict[str, Any]:
    out: dict[str, Any] = {
        "fact": result.fact.ref,
        "source": result.citation.source,
        "status": result.status,
        "start": result.start,
        "end": result.end,
        "file": _sheet_path(report, result),
        "line": result.citation.line,
    }
    if result.located:
        match = result.found
        source = report.project.sources[result.citation.source]
        line, column = source.text.line_col(result.span.start)
        out["source_line"], out["source_column"] = line, column
        page = source.page_of(result.span.start)
        if page is not None:
            out["page"], out["page_label"] = page
        out["normalizations"] = list(match.normalizations)
        out["occurrences"] = len(match.occurrences)
        if match.segments:
            out["segments"] = [[span.start, span.end] for span in match.segments]
        if match.insertions:
            out["insertions"] = list(match.insertions)
    return out


def _sheet_path(report: Report, result: CitationResult) -> str:
    sheet = report.project.sheet(result.fact.sheet)
    return sheet.path if sheet is not None else ""


def report_json(report: Report) -> dict[str, Any]:
    project = report.project
    summary: dict[str, Any] = {
        "sheets": len(project.sheets),
        "facts": len(project.facts),
        "citations": len(report.citations),
        "errors": report.errors,
        "warnings": report.warnings,
    }
    if report.changes is not None:
        summary["changes"] = report.changes
    return {
        "summary": summary,
        "citations": [citation_json(r, report) for r in report.citations],
        "diagnostics": [x.as_json() for x in report.diagnostics],
    }


def render_json(report: Report) -> str:
    return json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n"
