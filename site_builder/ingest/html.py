"""The main text of a web page and its metadata, with trafilatura (Apache-2.0).

The page is parsed, never run: no script is executed and nothing it links to (images, styles,
frames) is fetched. Boilerplate (navigation, advertisements, comments, related links) is left
out. Each block becomes a paragraph, a blank line between two: headings and list items are
paragraphs of their own, and preformatted text keeps its line breaks.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from site_builder.ingest import language
from site_builder.ingest.document import Extracted
from site_builder.ingest.errors import IngestError
from site_builder.ingest.titles import page_title

_BLOCKS = {"p", "head", "item", "cell"}
_CONTAINERS = {"list", "table", "row", "div", "main", "body", "quote"}
_PREFORMATTED = {"code", "quote"}  # a ``<pre>`` comes out as one of these, its text holding the lines


def extract_html(data: bytes, name: str, url: str | None = None) -> Extracted:
    import trafilatura
    from trafilatura.settings import use_config
    from trafilatura.utils import load_html

    for logger in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(logger).setLevel(logging.CRITICAL)
    config = use_config()
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")  # a date in the text is not the publication date
    try:
        tree = load_html(data)
        document = (
            trafilatura.bare_extraction(
                tree,
                url=url,
                fast=True,
                favor_precision=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                include_formatting=False,
                with_metadata=True,
                config=config,
            )
            if tree is not None
            else None
        )
    except Exception as exc:  # a hostile page can break the parser in any way
        raise IngestError(f"{name} cannot be read as a web page ({type(exc).__name__})") from None
    if tree is None:
        raise IngestError(f"{name} cannot be read as a web page")
    body = getattr(document, "body", None)
    paragraphs = list(_paragraphs(body)) if body is not None else []
    if not paragraphs:
        raise IngestError(
            f"{name} has no main text to extract (only navigation, links or boilerplate); "
            "add the page of the article itself"
        )
    text = "\n\n".join(paragraphs) + "\n"
    return Extracted(
        text=text,
        title=page_title(_field(document, "title") or ""),
        author=_field(document, "author"),
        publisher=_field(document, "sitename"),
        published=_field(document, "date"),
        url=_field(document, "url") or url,
        language=_declared_language(tree) or language.detected(text),
    )


def _field(document: Any, key: str) -> str | None:
    value = getattr(document, key, None)
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _declared_language(tree: Any) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath(
        "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')='content-language']/@content"
    )
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for value in candidates:
        tag = language.declared(str(value).split(",")[0]) if value else None
        if tag:
            return tag
    return None


def _paragraphs(element: Any) -> Iterator[str]:
    """The blocks under ``element`` as paragraphs, in document order."""
    for child in element:
        tag = child.tag
        if tag in _PREFORMATTED and not any(c.tag in _BLOCKS or c.tag in _CONTAINERS for c in child):
            yield from _preformatted(_inline(child))
        elif tag in _BLOCKS:
            own = _lines(_inline(child, skip=_CONTAINERS))
            if own:
                yield own
            yield from _paragraphs(child)  # a list nested in an item
        elif tag in _CONTAINERS or tag in _PREFORMATTED:
            yield from _paragraphs(child)


def _inline(element: Any, skip: frozenset[str] | set[str] = frozenset()) -> str:
    """The text of an element with line breaks (``<lb/>``) kept, leaving out ``skip`` children."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag not in skip:
            parts.append(_inline(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _lines(text: str) -> str:
    """A paragraph: white space runs made single spaces, its line breaks kept, no empty line."""
    return "\n".join(line for line in (" ".join(part.split()) for part in text.split("\n")) if line)


def _preformatted(text: str) -> Iterator[str]:
    """Preformatted text line for line (trailing spaces dropped); a blank line starts a new paragraph."""
    block: list[str] = []
    for line in text.split("\n") + [""]:
        line = line.rstrip()
        if line:
            block.append(line)
        elif block:
            yield "\n".join(block)
            block = []
