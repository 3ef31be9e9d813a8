"""Machine-readable files published with the site: ``facts.json``, each source's text and its
citations as Web Annotations."""

from __future__ import annotations

from functools import partial

from site_builder.model import Source
from site_builder.render import urls
from site_builder.render.exports.facts_json import render_facts_json
from site_builder.render.exports.web_annotations import render_annotations
from site_builder.render.halves import Job
from site_builder.render.views import SiteView


def export_files(view: SiteView) -> dict[str, str]:
    """Every export: its path in the docs folder → its text."""
    return {path: render() for group in export_jobs(view) for path, render in group}


def export_jobs(view: SiteView) -> list[list[Job]]:
    """Every export: its path in the docs folder, and what renders it; in groups of alike ones."""
    sources = view.project.sources.values()
    return [
        [(urls.FACTS_JSON, partial(render_facts_json, view))],
        [(urls.annotations_file(s.id), partial(render_annotations, s, view)) for s in sources],
        [(urls.source_text(s.id), partial(str, s.text.text)) for s in sources],
    ]


def source_exports(view: SiteView, source: Source) -> dict[str, str]:
    """The exports of one source: its text and its citations as Web Annotations."""
    return {
        urls.source_text(source.id): source.text.text,
        urls.annotations_file(source.id): render_annotations(source, view),
    }


def source_export_paths(source_id: str) -> list[str]:
    return [urls.source_text(source_id), urls.annotations_file(source_id)]
