"""SARIF 2.1.0, so code-scanning tools show each problem on its line."""

from __future__ import annotations

import json
from typing import Any

from site_builder import __version__
from site_builder.diagnostics import CODES
from site_builder.model import Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SEVERITY_OF = {  # the default level of each rule: what it is unless a run says otherwise
    "quote-ambiguous": "warning",
    "quote-too-short": "warning",
    "source-unpinned": "warning",
}


def report_sarif(report: Report) -> dict[str, Any]:
    rules = sorted(CODES)
    index = {code: i for i, code in enumerate(rules)}
    results = []
    for x in report.diagnostics:
        region: dict[str, int] = {}
        if x.line is not None:
            region["startLine"] = x.line
            if x.column is not None:
                region["startColumn"] = x.column
        location: dict[str, Any] = {"artifactLocation": {"uri": x.file, "uriBaseId": "%SRCROOT%"}}
        if region:
            location["region"] = region
        results.append(
            {
                "ruleId": x.code,
                "ruleIndex": index[x.code],
                "level": x.severity,
                "message": {"text": "\n".join((x.message, *x.notes))},
                "locations": [{"physicalLocation": location}],
            }
        )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "site-builder",
                        "version": __version__,
                        "rules": [
                            {
                                "id": code,
                                "name": "".join(part.title() for part in code.split("-")),
                                "shortDescription": {"text": CODES[code]},
                                "defaultConfiguration": {"level": _SEVERITY_OF.get(code, "error")},
                            }
                            for code in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render_sarif(report: Report) -> str:
    return json.dumps(report_sarif(report), ensure_ascii=False, indent=2) + "\n"
