"""A source text as Markdown paragraphs, every cited passage highlighted and linked to its fact.

Each highlighted piece is a ``<mark>`` inside a link to the first fact citing it; the first
piece of a passage carries the passage's id (further passages that start at the same place get
an empty anchor just before it), and a numbered back-link follows each passage's last piece.

A word hyphenated at a line end (``infer-`` then ``ence`` on the next line) is shown joined,
``infer-ence``, its hyphen kept as the page prints it, never as ``infer- ence``.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from site_builder.model import CitationResult
from site_builder.render import urls
from site_builder.render.escape import Md, attribute, inline
from site_builder.render.highlight import Passage, split
from site_builder.render.views import spans_of

#: a line break after a hyphen that ends a word part and before the letter that goes on
_HYPHENATED_LINE_END = re.compile(r"(?<=[^\W\d_][-\u00ad\u2010])\n(?=[^\W\d_])")


def _words(text: str, start: int, end: int, joins: list[int]) -> str:
    """``text[start:end]`` as inert Markdown, a word hyphenated at a line end joined up again,
    its hyphen shown in a lighter tone (``sb-hyphen``) as the page's own line-end mark."""
    inside = joins[bisect_left(joins, start) : bisect_left(joins, end)]
    if not inside:
        return inline(text[start:end])
    parts: list[str] = []
    at = start
    for join in inside:
        if join - 1 >= at:  # the hyphen is in this piece
            parts.append(inline(text[at : join - 1]))
            parts.append(f'<span class="sb-hyphen">{inline(text[join - 1])}</span>')
        at = join + 1
    parts.append(inline(text[at:end]))
    return "".join(parts)


def _anchor(key: str) -> str:
    return f'<span id="{attribute(key)}" class="sb-anchor"></span>'


def highlighted_paragraphs(source, results: list[CitationResult]) -> list[Md]:
    """The paragraphs of ``source``; ``results`` are its located citations, numbered in this order."""
    page = urls.source_page(source.id)
    by_key: dict[str, CitationResult] = {}
    for result in results:
        by_key[urls.cite_anchor(result.fact.sheet, result.fact.id, result.citation.index)] = result
    number = {key: i + 1 for i, key in enumerate(by_key)}
    passages = [Passage(key, spans_of(result)) for key, result in by_key.items()]

    def fact_href(key: str) -> str:
        fact = by_key[key].fact
        return urls.href(page, urls.sheet_page(fact.sheet), urls.fact_anchor(fact.id))

    text = source.text.text
    joins = [m.start() for m in _HYPHENATED_LINE_END.finditer(text)]
    out: list[Md] = []
    shown: set[str] = set()
    for pieces in split(source.text.paragraphs, passages):
        parts: list[str] = []
        for piece in pieces:
            words = _words(text, piece.start, piece.end, joins)
            if not piece.covered_by:
                parts.append(words)
                continue
            first, *others = piece.opens or ("",)
            parts.extend(_anchor(key) for key in others)
            shown.update(piece.opens)
            classes = "sb-cite" + (" sb-overlap" if len(piece.covered_by) > 1 else "")
            mark_id = f' id="{attribute(first)}"' if first else ""
            keys = attribute(" ".join(piece.covered_by))
            parts.append(
                f'[<mark{mark_id} class="{classes}" data-cites="{keys}">{words}</mark>]'
                f"({fact_href(piece.covered_by[0])})"
            )
            for key in piece.closes:
                parts.append(f'<sup class="sb-backref">[{number[key]}]({fact_href(key)})</sup>')
        out.append(Md("".join(parts)))
    missing = [key for key in by_key if key not in shown]
    if missing:  # passages that lie only in the white space between paragraphs
        out.append(Md("".join(_anchor(key) for key in missing)))
    return out
