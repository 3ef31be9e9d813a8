"""Ways to print a check report: ``text`` for people, ``json`` for tools, ``github`` and ``sarif`` for CI."""

from __future__ import annotations

from collections.abc import Callable

from site_builder.model import Report
from site_builder.report.github import render_github
from site_builder.report.json_report import render_json
from site_builder.report.sarif import render_sarif
from site_builder.report.text import render_text

Renderer = Callable[[Report, bool], str]

FORMATS: dict[str, Renderer] = {
    "text": render_text,
    "json": lambda report, color: render_json(report),
    "github": lambda report, color: render_github(report),
    "sarif": lambda report, color: render_sarif(report),
}
