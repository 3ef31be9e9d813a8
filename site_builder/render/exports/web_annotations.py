"""Each source's citations as W3C Web Annotations (JSON-LD): ``annotations/<source-id>.jsonld``.

One AnnotationCollection per source, its annotations in one embedded AnnotationPage. Each
annotation targets the cited passage of the source text published beside its page
(``sources/<id>.txt``) with a TextQuoteSelector and a TextPositionSelector (code points of the
text after its byte order mark, end exclusive), and its body is the fact: its statement, and a
link to it on the site.

Every MUST of the Web Annotation Data Model holds when ``site_url`` is set: the collection, its
page, each annotation and each resource they name is identified by an absolute IRI. Without
``site_url`` the links are relative to the annotation file, and the build warns.
"""

from __future__ import annotations

import json
from typing import Any

from site_builder.model import CitationResult, Source
from site_builder.render import urls
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_CHARS = 32
FIRST_PAGE = "page-1"  # the fragment that names the collection's one, embedded page


def text_quote_selector(text: str, start: int, end: int) -> dict[str, str]:
    return {
        "type": "TextQuoteSelector",
        "exact": text[start:end],
        "prefix": text[max(0, start - CONTEXT_CHARS) : start],
        "suffix": text[end : end + CONTEXT_CHARS],
    }


def text_position_selector(start: int, end: int) -> dict[str, Any]:
    return {"type": "TextPositionSelector", "start": start, "end": end}


def language_tag(tag: str) -> str:
    """A BCP 47 tag with its language subtag in lower case, as the model's examples write it."""
    first, _, rest = tag.partition("-")
    return first.lower() + (f"-{rest}" if rest else "")


def provenance(settings: SiteSettings) -> dict[str, Any]:
    """``created``/``modified`` (the build) and ``creator`` (the site), as far as they are known."""
    out: dict[str, Any] = {}
    if settings.generated:
        out["created"] = out["modified"] = settings.generated
    creator = {"type": "Organization", "name": settings.site_name, "homepage": settings.site_url}
    creator = {key: value for key, value in creator.items() if value}
    if len(creator) > 1:
        out["creator"] = creator
    return out


def text_resource(source: Source, settings: SiteSettings, link: str) -> dict[str, Any]:
    """The published plain text of a source, as the resource a target's selectors apply to."""
    resource: dict[str, Any] = {"id": link, "type": "Text", "format": "text/plain"}
    if source.meta.language:
        resource["language"] = language_tag(source.meta.language)
    return resource


def annotation(result: CitationResult, source: Source, view: SiteView) -> dict[str, Any]:
    file = urls.annotations_file(source.id)
    fact, c = result.fact, result.citation
    settings = view.settings

    def link(path: str, anchor: str | None = None) -> str:
        return urls.site_link(
            file, path, anchor, site_url=settings.site_url, directory_urls=settings.use_directory_urls
        )

    return {
        "@context": CONTEXT,
        "id": link(file, urls.cite_anchor(fact.sheet, fact.id, c.index)),
        "type": "Annotation",
        "motivation": "linking",
        **provenance(settings),
        "body": [
            {"id": link(urls.sheet_page(fact.sheet), urls.fact_anchor(fact.id)), "type": "Text", "format": "text/html"},
            {"type": "TextualBody", "value": fact.statement, "format": "text/plain", "purpose": "describing"},
        ],
        "target": {
            "source": text_resource(source, settings, link(urls.source_text(source.id))),
            "selector": [
                text_quote_selector(source.text.text, result.span.start, result.span.end),
                text_position_selector(result.span.start, result.span.end),
            ],
        },
    }


def annotation_collection(source: Source, view: SiteView) -> dict[str, Any]:
    file = urls.annotations_file(source.id)
    collection_id = urls.site_link(file, file, site_url=view.settings.site_url)
    items = [annotation(r, source, view) for r in view.by_source.get(source.id, []) if r.located]
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": f"Passages of “{source.title}” cited as evidence",
        **provenance(view.settings),
        "total": len(items),
        "first": {
            "id": f"{collection_id}#{FIRST_PAGE}",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        },
    }


def render_annotations(source: Source, view: SiteView) -> str:
    # Compact: the standard library encodes indented JSON in Python, ten times slower than this.
    return json.dumps(annotation_collection(source, view), ensure_ascii=False, separators=(",", ":")) + "\n"
