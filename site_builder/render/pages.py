"""Render every page of the site as Markdown, through the package's Jinja2 templates.

Templates print user text with ``{{ … }}`` and it is escaped there by default; only values
built here as :class:`Md` (links, anchors, highlighted source text) pass through as Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

from site_builder.checker import CitationResult, Report
from site_builder.render import urls
from site_builder.render.escape import Md, attribute, finalize, inline
from site_builder.render.highlight import Passage, split
from site_builder.render.views import SiteView

STATUS_LABELS = {"exact": "verbatim", "normalized": "normalized", "elided": "elided"}


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("site_builder", "templates"),
        autoescape=False,  # the output is Markdown; ``finalize`` escapes for Markdown instead
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True)
class Linker:
    """Builds links from one page, so templates never compute paths."""

    page: str

    def __call__(self, text: str, to_page: str, anchor: str | None = None) -> Md:
        return Md(f"[{inline(text)}]({urls.href(self.page, to_page, anchor)})")

    def sheet(self, sheet) -> Md:
        return self(sheet.title, urls.sheet_page(sheet.id))

    def fact(self, fact, text: str | None = None) -> Md:
        return self(text or fact.statement, urls.sheet_page(fact.sheet), urls.fact_anchor(fact.id))

    def source(self, source) -> Md:
        return self(source.title, urls.source_page(source.id))

    def tag(self, tag: str) -> Md:
        return self(tag, urls.tag_page(tag))

    def passage(self, result: CitationResult, text: str) -> Md:
        c = result.citation
        return self(text, urls.source_page(c.source), urls.cite_anchor(result.fact.sheet, result.fact.id, c.index))


def _render(template: str, page: str, **context: Any) -> str:
    return _environment().get_template(template).render(link=Linker(page), page=page, **context)


def home_page(view: SiteView) -> str:
    project = view.project
    return _render("home.md.j2", urls.HOME, sheets=project.sheets, sources=project.sources.values(),
                   facts=len(project.facts), citations=len(view.report.citations), tags=view.tags)


def sheets_index(view: SiteView) -> str:
    return _render("sheets.md.j2", urls.SHEETS, sheets=view.project.sheets)


def sources_index(view: SiteView) -> str:
    rows = [(source, len(view.by_source.get(source.id, ()))) for source in view.project.sources.values()]
    return _render("sources.md.j2", urls.SOURCES, rows=rows)


def tags_index(view: SiteView) -> str:
    rows = [(tag, len(view.sheets_by_tag.get(tag, ())), len(view.facts_by_tag.get(tag, ()))) for tag in view.tags]
    return _render("tags.md.j2", urls.TAGS, rows=rows)


def tag_page(view: SiteView, tag: str) -> str:
    return _render("tag.md.j2", urls.tag_page(tag), tag=tag, sheets=view.sheets_by_tag.get(tag, []),
                   facts=view.facts_by_tag.get(tag, []), project=view.project)


def sheet_page(view: SiteView, sheet) -> str:
    page = urls.sheet_page(sheet.id)
    facts = []
    for fact in sheet.facts:
        link = Linker(page)
        related = []
        for ref, _ in fact.related:
            target = view.resolve(ref, sheet)
            if target is not None:
                target_sheet, target_fact = target
                related.append(link.fact(target_fact) if target_fact else link.sheet(target_sheet))
        facts.append({
            "fact": fact,
            "anchor": Md(urls.fact_anchor(fact.id)),
            "results": view.by_fact.get(fact.ref, []),
            "related": related,
            "linked_from": view.linked_from.get(fact.ref, []),
        })
    return _render("sheet.md.j2", page, sheet=sheet, facts=facts, sources=view.project.sources,
                   labels=STATUS_LABELS)


def _highlighted_paragraphs(view: SiteView, source, results: list[CitationResult]) -> list[Md]:
    page = urls.source_page(source.id)
    key_of = {}
    passages = []
    for result in results:
        key = urls.cite_anchor(result.fact.sheet, result.fact.id, result.citation.index)
        key_of[key] = result
        segments = result.match.segments or (result.match.span,)
        passages.append(Passage(key, tuple((s.start, s.end) for s in segments)))
    number = {key: i + 1 for i, key in enumerate(key_of)}
    text = source.text.text
    out: list[Md] = []
    shown: set[str] = set()
    for pieces in split(source.text.paragraphs, passages):
        parts = []
        for piece in pieces:
            words = inline(text[piece.start:piece.end])
            if not piece.covered_by:
                parts.append(words)
                continue
            ids = "".join(f'<span id="{k}" class="sb-anchor"></span>' for k in piece.opens)
            shown.update(piece.opens)
            classes = "sb-cite" + (" sb-overlap" if len(piece.covered_by) > 1 else "")
            keys = " ".join(piece.covered_by)
            first = key_of[piece.covered_by[0]]
            target = urls.href(page, urls.sheet_page(first.fact.sheet), urls.fact_anchor(first.fact.id))
            parts.append(f'{ids}[<mark class="{classes}" data-cites="{keys}">{words}</mark>]({target})')
            for key in piece.closes:
                result = key_of[key]
                back = urls.href(page, urls.sheet_page(result.fact.sheet), urls.fact_anchor(result.fact.id))
                parts.append(f'<sup class="sb-backref">[{number[key]}]({back})</sup>')
        out.append(Md("".join(parts)))
    missing = [key for key in key_of if key not in shown]
    if missing:  # passages that lie only in the white space between paragraphs
        out.append(Md("".join(f'<span id="{k}" class="sb-anchor"></span>' for k in missing)))
    return out


def source_page(view: SiteView, source) -> str:
    results = view.by_source.get(source.id, [])
    return _render("source.md.j2", urls.source_page(source.id), source=source, results=results,
                   paragraphs=_highlighted_paragraphs(view, source, results),
                   url=attribute(source.meta.url) if source.meta.url else None)


def render_site(report: Report) -> dict[str, str]:
    """Every page of the site: its path in the docs folder → its Markdown."""
    view = SiteView.of(report)
    pages = {
        urls.HOME: home_page(view),
        urls.SHEETS: sheets_index(view),
        urls.SOURCES: sources_index(view),
        urls.TAGS: tags_index(view),
    }
    for sheet in view.project.sheets:
        pages[urls.sheet_page(sheet.id)] = sheet_page(view, sheet)
    for source in view.project.sources.values():
        pages[urls.source_page(source.id)] = source_page(view, source)
    for tag in view.tags:
        pages[urls.tag_page(tag)] = tag_page(view, tag)
    return pages
