"""GitHub Actions workflow commands, so a pull request shows each problem on its line.

GitHub shows at most ``SHOWN_PER_KIND`` annotations of each kind (errors, warnings) per step; when
a run has more, a last notice says so and points to the job summary, which lists them all.
"""

from __future__ import annotations

from collections import Counter

from site_builder.model import Report
from site_builder.report.locations import ci_path

SHOWN_PER_KIND = 10


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def beyond_annotations(report: Report) -> dict[str, int]:
    """How many problems of each kind GitHub will not show as annotations (none when all fit)."""
    counts = Counter(x.severity for x in report.diagnostics)
    return {kind: n for kind, n in sorted(counts.items()) if n > SHOWN_PER_KIND}


def render_github(report: Report) -> str:
    lines = []
    for x in report.diagnostics:
        props = [f"file={_property(ci_path(report.project.root, x.file))}"]
        if x.line is not None:
            props.append(f"line={x.line}")
        if x.column is not None:
            props.append(f"col={x.column}")
        props.append(f"title={_property(x.code)}")
        body = "\n".join((x.message, *x.notes))
        lines.append(f"::{x.severity} {','.join(props)}::{_data(body)}")
    over = beyond_annotations(report)
    if over:
        counts = ", ".join(f"{n} {kind}s" for kind, n in over.items())
        lines.append(
            f"::notice title=site-builder::{_data(counts)}: GitHub shows the first {SHOWN_PER_KIND} of each kind "
            "as annotations; the job summary lists them all"
        )
    return "".join(line + "\n" for line in lines)
