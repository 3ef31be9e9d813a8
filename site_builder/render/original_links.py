"""Links to a cited passage in the original publication, where the source names its URL."""

from __future__ import annotations

from site_builder.model import CitationResult, Source
from site_builder.render import text_fragment


def _paragraph_around(source: Source, start: int, end: int) -> tuple[int, int]:
    first = source.text.paragraph_at(start) or (start, start)
    last = source.text.paragraph_at(max(start, end - 1)) or (end, end)
    return min(first[0], start), max(last[1], end)


def original_passage_url(result: CitationResult, source: Source | None) -> str | None:
    """The source's URL with a text fragment for the cited passage; ``None`` without a URL.

    The fragment is built from the source text at the located span (not from the quote, which
    may be normalized or elided), with the words around it when the quote occurs more than once.
    """
    if source is None or not source.meta.url or not result.located:
        return None
    text = source.text.text
    start, end = result.span.start, result.span.end
    before = after = ""
    if len(result.found.occurrences) > 1 or result.citation.prefix or result.citation.suffix:
        a, b = _paragraph_around(source, start, end)
        before, after = text[a:start], text[end:b]
    directive = text_fragment.directive(text[start:end], elided=result.status == "elided", before=before, after=after)
    return text_fragment.link(source.meta.url, directive) if directive else source.meta.url
