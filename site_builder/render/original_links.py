"""Links to a cited passage in the original publication, where the source names its URL."""

from __future__ import annotations

from site_builder.checker import CitationResult
from site_builder.model import Source
from site_builder.render import text_fragment


def _paragraph_around(source: Source, start: int, end: int) -> tuple[int, int]:
    for a, b in source.text.paragraphs:
        if a <= start < b or a < end <= b:
            return min(a, start), max(b, end)
    return start, end


def original_passage_url(result: CitationResult, source: Source | None) -> str | None:
    """The source's URL with a text fragment for the cited passage; ``None`` without a URL.

    The fragment is built from the source text at the located span (not from the quote, which
    may be normalized or elided), with the words around it when the quote occurs more than once.
    """
    if source is None or not source.meta.url or not result.located:
        return None
    text = source.text.text
    start, end = result.start, result.end
    before = after = ""
    if len(result.match.occurrences) > 1 or result.citation.prefix or result.citation.suffix:
        a, b = _paragraph_around(source, start, end)
        before, after = text[a:start], text[end:b]
    directive = text_fragment.directive(text[start:end], elided=result.status == "elided",
                                        before=before, after=after)
    return text_fragment.link(source.meta.url, directive) if directive else source.meta.url
