"""GitHub Actions workflow commands, so a pull request shows each problem on its line."""

from __future__ import annotations

from site_builder.model import Report


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    lines = []
    for x in report.diagnostics:
        props = [f"file={_property(x.file)}"]
        if x.line is not None:
            props.append(f"line={x.line}")
        if x.column is not None:
            props.append(f"col={x.column}")
        props.append(f"title={_property(x.code)}")
        body = "\n".join((x.message, *x.notes))
        lines.append(f"::{x.severity} {','.join(props)}::{_data(body)}")
    return "".join(line + "\n" for line in lines)
