"""Each source's citations as W3C Web Annotations (JSON-LD): ``annotations/<source-id>.jsonld``.

One AnnotationCollection per source, its annotations in one embedded AnnotationPage. Each
annotation targets the cited passage of the source text published beside its page
(``sources/<id>.txt``) with a TextQuoteSelector and a TextPositionSelector (code points, end
exclusive), and its body is the fact: its statement, and a link to it on the site. Links are
absolute when ``site_url`` is set, otherwise relative to the annotation file.
"""

from __future__ import annotations

import json
from typing import Any

from site_builder.model import CitationResult, Source
from site_builder.render import urls
from site_builder.render.views import SiteView

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32


def text_quote_selector(text: str, start: int, end: int) -> dict[str, str]:
    return {
        "type": "TextQuoteSelector",
        "exact": text[start:end],
        "prefix": text[max(0, start - CONTEXT_CHARS) : start],
        "suffix": text[end : end + CONTEXT_CHARS],
    }


def text_position_selector(start: int, end: int) -> dict[str, Any]:
    return {"type": "TextPositionSelector", "start": start, "end": end}


def annotation(result: CitationResult, source: Source, view: SiteView) -> dict[str, Any]:
    file = urls.annotations_file(source.id)
    fact, c = result.fact, result.citation

    def link(path: str, anchor: str | None = None) -> str:
        return urls.site_link(
            file, path, anchor, site_url=view.settings.site_url, directory_urls=view.settings.use_directory_urls
        )

    return {
        "id": link(file, urls.cite_anchor(fact.sheet, fact.id, c.index)),
        "type": "Annotation",
        "motivation": "linking",
        "body": [
            {"id": link(urls.sheet_page(fact.sheet), urls.fact_anchor(fact.id)), "type": "Text", "format": "text/html"},
            {"type": "TextualBody", "value": fact.statement, "format": "text/plain", "purpose": "describing"},
        ],
        "target": {
            "source": link(urls.source_text(source.id)),
            "selector": [
                text_quote_selector(source.text.text, result.span.start, result.span.end),
                text_position_selector(result.span.start, result.span.end),
            ],
        },
    }


def annotation_collection(source: Source, view: SiteView) -> dict[str, Any]:
    file = urls.annotations_file(source.id)
    items = [annotation(r, source, view) for r in view.by_source.get(source.id, []) if r.located]
    return {
        "@context": CONTEXT,
        "id": urls.site_link(file, file, site_url=view.settings.site_url),
        "type": "AnnotationCollection",
        "label": f"Passages of “{source.title}” cited as evidence",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def render_annotations(source: Source, view: SiteView) -> str:
    # Compact: the standard library encodes indented JSON in Python, ten times slower than this.
    return json.dumps(annotation_collection(source, view), ensure_ascii=False, separators=(",", ":")) + "\n"
