"""What the search index reads of each sheet and source page: its words, without the page around them.

Pagefind indexes HTML. Rather than wait for the engine's pages (and read their navigation,
badges and link labels along with the content), the index is made from these minimal pages,
written from the same view as the Markdown pages, at the address the engine gives each page and
with the same anchors: a sheet's title, summary and tags, each fact's statement (its heading,
anchored by the fact's id) with its quotes, the titles of the sources they cite and its tags; a
source's title, publisher, date and text (under the anchor of its "Text" heading). Every piece of
user text is escaped: the index holds it as the literal text it is.
"""

from __future__ import annotations

from html import escape

from site_builder.render import urls
from site_builder.render.views import SiteView

SOURCE_TEXT_ANCHOR = "_text"  # the anchor of the "Text" heading of a source page (source.md.j2)


def _page(language: str, body: list[str]) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8"></head>'
        f"<body><article>{''.join(body)}</article></body></html>\n"
    )


def _p(text: str | None) -> str:
    return f"<p>{escape(text)}</p>" if text else ""


def search_pages(view: SiteView, language: str = "en") -> dict[str, str]:
    """The page of every sheet and source as the search index reads it, by its address in the site."""
    address = view.settings.use_directory_urls
    out: dict[str, str] = {}
    for sheet in view.project.sheets:
        body = [f"<h1>{escape(sheet.title)}</h1>", _p(sheet.summary), _p(" ".join(sheet.tags))]
        for fact in sheet.facts:
            body.append(f'<h2 id="{escape(urls.fact_anchor(fact.id))}">{escape(fact.statement)}</h2>')
            for result in view.by_fact.get(fact.ref, []):
                body.append(f"<blockquote>{escape(result.citation.quote)}</blockquote>")
                source = view.project.sources.get(result.citation.source)
                body.append(_p(source.title if source else result.citation.source))
            body.append(_p(" ".join(fact.tags)))
        out[_file(urls.sheet_page(sheet.id), address)] = _page(language, body)
    for source in view.project.sources.values():
        body = [
            f"<h1>{escape(source.title)}</h1>",
            _p(" ".join(filter(None, (source.meta.publisher, source.meta.published)))),
        ]
        body.append(f'<h2 id="{SOURCE_TEXT_ANCHOR}">Text</h2>')
        text = source.text.text
        body += [_p(text[start:end]) for start, end in source.text.paragraphs]
        out[_file(urls.source_page(source.id), address)] = _page(language, body)
    return out


def _file(page: str, directory_urls: bool) -> str:
    """The HTML file an engine writes for the Markdown page ``page``."""
    published = urls.published(page, directory_urls)
    return published + "index.html" if published.endswith("/") else published
