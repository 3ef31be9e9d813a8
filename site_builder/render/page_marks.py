"""Page breaks on a source page: an anchor for each page of a paged source (``#page-12``),
showing the page as the document prints it, before the first paragraph of the page."""

from __future__ import annotations

from site_builder.model import Source
from site_builder.render.escape import Md, inline


def page_anchor(number: int) -> str:
    return f"page-{number}"


def page_mark(number: int, label: str) -> Md:
    anchor = page_anchor(number)
    return Md(f'<a class="sb-page" id="{anchor}" href="#{anchor}">page {inline(label)}</a>')


def with_page_marks(source: Source, paragraphs: list[Md]) -> list[Md]:
    """``paragraphs`` (one per paragraph of the source, in order, maybe more after) with page marks."""
    if not source.paged:
        return paragraphs
    spans = source.text.paragraphs
    labels = source.meta.page_labels
    count = len(source.page_starts)
    out: list[Md] = []
    shown = 0
    for index, paragraph in enumerate(paragraphs):
        page = source.page_of(spans[index][0]) if index < len(spans) else None
        if page is not None:
            while shown < page[0]:
                shown += 1
                out.append(page_mark(shown, labels[shown - 1] if shown <= len(labels) else str(shown)))
        out.append(paragraph)
    for number in range(shown + 1, count + 1):  # pages with no text at the end
        out.append(page_mark(number, labels[number - 1] if number <= len(labels) else str(number)))
    return out
