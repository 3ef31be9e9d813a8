"""Machine-readable files published with the site: ``facts.json``, each source's text and its
citations as Web Annotations."""

from __future__ import annotations

from functools import partial

from site_builder.model import Source
from site_builder.render import urls
from site_builder.render.exports.facts_json import render_facts_json
from site_builder.render.exports.web_annotations import render_annotations
from site_builder.render.views import SiteView
from site_builder.render.writer import Job

#: Starts each published source text. A static host serves ``.txt`` as ``text/plain`` and often
#: names no charset; browsers then decode UTF-8 as windows-1252 and mangle every curly quote,
#: unless the file starts with this mark, which the Encoding Standard's UTF-8 decoding (browsers,
#: ``fetch().text()``, ``TextDecoder``; Python's ``utf-8-sig``) reads as the encoding and drops.
#: Offsets in the exports and the JSON report count code points of the text after it.
BYTE_ORDER_MARK = "\ufeff"


def published_text(text: str) -> str:
    """A source's text as published in ``sources/<id>.txt``."""
    return BYTE_ORDER_MARK + text


def export_files(view: SiteView) -> dict[str, str]:
    """Every export: its path in the docs folder → its text."""
    return {path: render() for group in export_jobs(view) for path, render in group}


def export_jobs(view: SiteView) -> list[list[Job]]:
    """Every export: its path in the docs folder, and what renders it; in groups of alike ones."""
    sources = view.project.sources.values()
    return [
        [(urls.FACTS_JSON, partial(render_facts_json, view))],
        [(urls.annotations_file(s.id), partial(render_annotations, s, view)) for s in sources],
        [(urls.source_text(s.id), partial(published_text, s.text.text)) for s in sources],
    ]


def source_exports(view: SiteView, source: Source) -> dict[str, str]:
    """The exports of one source: its text and its citations as Web Annotations."""
    return {
        urls.source_text(source.id): published_text(source.text.text),
        urls.annotations_file(source.id): render_annotations(source, view),
    }


def source_export_paths(source_id: str) -> list[str]:
    return [urls.source_text(source_id), urls.annotations_file(source_id)]
