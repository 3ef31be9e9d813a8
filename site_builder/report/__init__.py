"""Ways to print a check report: ``text`` for people, ``json`` for tools, ``github`` and ``sarif`` for CI."""

from __future__ import annotations

from collections.abc import Callable

from site_builder.model import Report

Renderer = Callable[[Report, bool], str]


# Each format's module is imported when a report is printed in it.
def _text(report: Report, color: bool) -> str:
    from site_builder.report.text import render_text

    return render_text(report, color)


def _json(report: Report, color: bool) -> str:
    from site_builder.report.json_report import render_json

    return render_json(report)


def _github(report: Report, color: bool) -> str:
    from site_builder.report.github import render_github

    return render_github(report)


def _sarif(report: Report, color: bool) -> str:
    from site_builder.report.sarif import render_sarif

    return render_sarif(report)


FORMATS: dict[str, Renderer] = {"text": _text, "json": _json, "github": _github, "sarif": _sarif}
