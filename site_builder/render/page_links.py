"""The page a quote stands on ("p. 12"), linked to that page of the original PDF (``#page=12``)."""

from __future__ import annotations

from site_builder.model import CitationResult, Source
from site_builder.render.escape import Md, inline
from site_builder.render.links import Linker, external
from site_builder.render.originals import published_original

_TITLE = "The page in the original PDF"


def page_reference(result: CitationResult, source: Source, link: Linker) -> Md | None:
    """``p. <label>``: a link to the published original at that page, else to the source's URL
    at that page, else plain text; ``None`` for a source without pages."""
    if not result.located:
        return None
    page = source.page_of(result.span.start)
    if page is None:
        return None
    number, label = page
    text = f"p. {label}"
    original = published_original(source)
    if original is not None:
        return link(text, original, f"page={number}", title=_TITLE)
    if source.meta.url:
        return external(text, f"{source.meta.url.split('#')[0]}#page={number}", title=_TITLE)
    return inline(text)
