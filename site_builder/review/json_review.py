"""The review as JSON for tools: the contract is ``load/schema/review.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from site_builder.diagnostics import Diagnostic
from site_builder.review.compare import FieldChange, Review
from site_builder.review.words import word_diff


def _field(change: FieldChange) -> dict[str, Any]:
    return {
        "name": change.name,
        "old": change.old,
        "new": change.new,
        "words": [{"op": op, "text": text} for op, text in word_diff(change.old, change.new)],
    }


def _problem(x: Diagnostic) -> dict[str, Any]:
    out = x.as_json(details=False)
    if "insertions" in x.extra:  # quote-insertion: the bracketed words the quote adds
        out["insertions"] = list(x.extra["insertions"])
    return out


def review_json(review: Review) -> dict[str, Any]:
    return {
        "since": review.since,
        "summary": {
            "sheets": len(review.sheets),
            "facts": len(review.facts),
            "sources": len(review.sources),
            "errors": review.errors,
            "warnings": review.warnings,
        },
        "sheets": [
            {
                "id": sheet.id,
                "status": sheet.status,
                "file": sheet.file,
                "fields": [_field(f) for f in sheet.fields],
                "facts": [
                    {
                        "ref": fact.ref,
                        "status": fact.status,
                        "line": fact.line,
                        "result": fact.result,
                        "fields": [_field(f) for f in fact.fields],
                        "problems": [_problem(x) for x in fact.problems],
                    }
                    for fact in sheet.facts
                ],
            }
            for sheet in review.sheets
        ],
        "sources": [
            {
                "id": source.id,
                "status": source.status,
                "file": source.file,
                "text_changed": source.text_changed,
                "fields": [_field(f) for f in source.fields],
                "facts": list(source.facts),
                "passages": [
                    {
                        "line": p.line,
                        "old": p.old,
                        "new": p.new,
                        "words": _field(FieldChange("text", p.old, p.new))["words"],
                    }
                    for p in source.passages
                ],
                "more_passages": source.more_passages,
                "broken": [{"ref": b.ref, "quote": b.quote, "closest": b.closest} for b in source.broken],
            }
            for source in review.sources
        ],
        "problems": [_problem(x) for x in review.problems],
    }


def render_json(review: Review) -> str:
    return json.dumps(review_json(review), ensure_ascii=False, indent=2) + "\n"
