"""The diagnostics reference page, made from the code's own rule table.

``python -m site_builder.report.rule_docs > docs/pages/diagnostics.md`` writes it; a test keeps the
committed page equal to what this prints, so the documentation never lists a code the tool does not
have, nor misses one it has.
"""

from __future__ import annotations

from site_builder.diagnostics import RULES
from site_builder.report.rule_help import HELP

INTRO = """\
# Diagnostic codes

Every problem `site-builder check` finds is reported with its file, line and column and one of these
codes, all problems in one run. An **error** fails the check; a **warning** fails it only with
`--strict`. The same codes name the rules of the SARIF report and the annotations of a pull request.
"""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def rule_reference() -> str:
    """The page, as Markdown."""
    lines = [INTRO, "| code | severity | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{code}` | {rule.severity} | {_cell(rule.details)} |" for code, rule in RULES.items()]
    lines += ["", "## How to fix each", ""]
    for code, rule in RULES.items():
        lines += [f"### `{code}`", "", _cell(rule.summary), "", f"**Fix:** {_cell(HELP[code])}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(rule_reference(), end="")
