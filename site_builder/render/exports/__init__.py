"""Machine-readable files published with the site: ``facts.json``, each source's text and its
citations as Web Annotations."""

from __future__ import annotations

from site_builder.render import urls
from site_builder.render.exports.facts_json import render_facts_json
from site_builder.render.exports.web_annotations import render_annotations
from site_builder.render.views import SiteView

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
    files = {urls.FACTS_JSON: render_facts_json(view)}
    for source in view.project.sources.values():
        files[urls.source_text(source.id)] = published_text(source.text.text)
        files[urls.annotations_file(source.id)] = render_annotations(source, view)
    return files
