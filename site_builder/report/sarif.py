"""SARIF 2.1.0, valid against the OASIS schema and complete for GitHub code scanning.

Each rule carries a full description and help; each result a region with start and end, and a
partial fingerprint that stays the same when lines move, so an alert is not raised twice.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any
from urllib.parse import quote

from site_builder.diagnostics import CODES, RULES, Diagnostic
from site_builder.model import Report
from site_builder.report.locations import LineReader, ci_path
from site_builder.report.rule_help import HELP, help_uri
from site_builder.version import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "siteBuilderProblem/v1"


def artifact_uri(path: str) -> str:
    """A relative path as a URI reference: every character outside RFC 3986's unreserved set and
    ``/`` percent-encoded (UTF-8), so ``bad name.yml`` becomes ``bad%20name.yml``."""
    return quote(path, safe="/")


def _rule(code: str) -> dict[str, Any]:
    advice = HELP.get(code, "See the documentation of the diagnostic codes.")
    return {
        "id": code,
        "name": "".join(part.title() for part in code.split("-")),
        "shortDescription": {"text": CODES[code]},
        "fullDescription": {"text": f"{CODES[code]} {advice}"},
        "help": {"text": advice, "markdown": f"**{code}**: {CODES[code]}\n\n{advice}"},
        "helpUri": help_uri(code),
        "defaultConfiguration": {"level": RULES[code].severity},
        "properties": {"tags": ["citations"], "problem.severity": RULES[code].severity},
    }


def _fingerprint(x: Diagnostic, uri: str, line_text: str, seen: Counter[tuple[str, ...]]) -> str:
    """The same for the same problem on the same record text wherever its line moves to."""
    key = (x.code, uri, line_text.strip())
    seen[key] += 1
    data = "\0".join((*key, str(seen[key])))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


def report_sarif(report: Report) -> dict[str, Any]:
    rules = sorted(CODES)
    index = {code: i for i, code in enumerate(rules)}
    lines = LineReader(report.project.root)
    seen: Counter[tuple[str, ...]] = Counter()
    results = []
    for x in report.diagnostics:
        uri = artifact_uri(ci_path(report.project.root, x.file))
        region = lines.region(x)
        line_text = lines.line(x.file, region.start_line)
        results.append(
            {
                "ruleId": x.code,
                "ruleIndex": index[x.code],
                "level": x.severity,
                "message": {"text": "\n".join((x.message, *x.notes))},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri},
                            "region": {
                                "startLine": region.start_line,
                                "startColumn": region.start_column,
                                "endLine": region.end_line,
                                "endColumn": region.end_column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {FINGERPRINT: _fingerprint(x, uri, line_text, seen)},
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
                        "informationUri": help_uri(None),
                        "rules": [_rule(code) for code in rules],
                    }
                },
                "columnKind": "utf16CodeUnits",
                "results": results,
            }
        ],
    }


def render_sarif(report: Report) -> str:
    return json.dumps(report_sarif(report), ensure_ascii=False, indent=2) + "\n"
