"""Render every page of the site as Markdown, through the package's Jinja2 templates.

Templates print user text with ``{{ … }}`` and it is escaped there by default; only values
built here as :class:`Md` (links, anchors, badges, highlighted source text) pass through as
Markdown.
"""

from __future__ import annotations

import html
from functools import cache, partial
from typing import Any

import jinja2
import yaml

from site_builder.model import CitationResult, Report
from site_builder.render import urls
from site_builder.render.badges import status_badge
from site_builder.render.coverage import percent
from site_builder.render.edit_links import edit_url
from site_builder.render.escape import Md, finalize, inline
from site_builder.render.language import attribute_list, html_attributes
from site_builder.render.links import Linker, external
from site_builder.render.original_links import original_passage_url
from site_builder.render.originals import published_original
from site_builder.render.page_links import page_reference
from site_builder.render.page_marks import with_page_marks
from site_builder.render.site_settings import SiteSettings
from site_builder.render.source_text import highlighted_paragraphs
from site_builder.render.views import SiteView
from site_builder.render.writer import Job


def plural(count: int, singular: str, plural: str | None = None) -> str:
    """The noun that goes with ``count``: "1 source", "2 sources", "0 sources"."""
    return singular if count == 1 else plural or singular + "s"


@cache
def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("site_builder.render", "templates"),
        autoescape=False,  # the output is Markdown; ``finalize`` escapes for Markdown instead
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["plural"] = plural
    return environment


def _render(template: str, page: str, **context: Any) -> str:
    return _environment().get_template(template).render(link=Linker(page), page=page, **context)


def _joined(parts: list[str | None], separator: str = " · ") -> Md:
    """Parts that are already Markdown, or user text to escape, on one line."""
    return Md(separator.join(p if isinstance(p, Md) else inline(p) for p in parts if p))


def home_page(view: SiteView) -> str:
    project = view.project
    return _render(
        "home.md.j2",
        urls.HOME,
        sheets=project.sheets,
        sources=project.sources.values(),
        facts=len(project.facts),
        citations=len(view.report.citations),
        tags=view.tags,
        warnings=len(view.warnings),
    )


def sheets_index(view: SiteView) -> str:
    return _render("sheets.md.j2", urls.SHEETS, sheets=view.project.sheets)


def sources_index(view: SiteView) -> str:
    rows = [
        (source, len(view.by_source.get(source.id, ())), percent(view.cited_share(source)))
        for source in view.project.sources.values()
    ]
    return _render("sources.md.j2", urls.SOURCES, rows=rows)


def tags_index(view: SiteView) -> str:
    rows = [(tag, len(view.sheets_by_tag.get(tag, ())), len(view.facts_by_tag.get(tag, ()))) for tag in view.tags]
    return _render("tags.md.j2", urls.TAGS, rows=rows)


def tag_page(view: SiteView, tag: str) -> str:
    return _render(
        "tag.md.j2",
        urls.tag_page(tag),
        tag=tag,
        sheets=view.sheets_by_tag.get(tag, []),
        facts=view.facts_by_tag.get(tag, []),
        project=view.project,
    )


def _attribution(view: SiteView, result: CitationResult, link: Linker) -> Md:
    """How a quote is shown to be found: its status, where it is in our copy and in the original."""
    source = view.source_of(result)
    if source is None or not result.located:
        return _joined([status_badge(result), result.citation.source])
    original = None if source.paged else original_passage_url(result, source)  # no text fragments in a PDF
    return _joined(
        [
            status_badge(result),
            link.passage(result, source.title),
            page_reference(result, source, link),
            source.meta.publisher,
            source.meta.published,
            external("original ↗", original, title="The passage in the original publication") if original else None,
        ]
    )


def _quote(view: SiteView, result: CitationResult, link: Linker) -> dict[str, Any]:
    fact, index = result.fact, result.citation.index
    source = view.source_of(result)
    return {
        "text": result.citation.quote,
        "lang": attribute_list(source.meta.language if source else None),
        "attribution": _attribution(view, result, link),
        "warnings": [
            link.warning(w.number, f"Warning: {w.diagnostic.message}") for w in view.warnings_for(fact, index)
        ],
    }


def _fact_item(view: SiteView, sheet, fact, link: Linker) -> dict[str, Any]:
    related, related_refs = [], set()
    for ref, _ in fact.related:
        target = view.resolve(ref, sheet)
        if target is not None:
            target_sheet, target_fact = target
            related_refs.add(target_fact.ref if target_fact else target_sheet.id)
            related.append(link.fact(target_fact) if target_fact else link.sheet(target_sheet))
    # Facts that this one also names as related are listed once, under "Related".
    linked_from = [link.fact(f) for f in view.linked_from.get(fact.ref, []) if f.ref not in related_refs]
    edit = edit_url(view.settings, sheet.path, fact.line)
    return {
        "fact": fact,
        "anchor": Md(urls.fact_anchor(fact.id)),
        "quotes": [_quote(view, r, link) for r in view.by_fact.get(fact.ref, [])],
        "tags": _joined([link.tag_chip(t) for t in fact.tags], " "),
        "related": related,
        "linked_from": linked_from,
        "permalink": link(fact.ref, urls.sheet_page(sheet.id), urls.fact_anchor(fact.id)),
        "edit": external("Edit this fact", edit, css="sb-edit") if edit else None,
        "warnings": [link.warning(w.number, f"Warning: {w.diagnostic.message}") for w in view.warnings_for(fact)],
    }


def description(text: str) -> Md:
    """A page's ``description`` front matter: one line of plain text, HTML-escaped, as a YAML string.

    Material (and Zensical) print it into ``<meta name="description">`` and the Open Graph tags
    without escaping it, so it is escaped here: user text never becomes markup.
    """
    plain = html.escape(" ".join(text.split()), quote=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when PyYAML has it
    return Md(yaml.dump(plain, Dumper=dumper, allow_unicode=True, default_style='"', width=1_000_000).strip())


def sheet_description(sheet) -> str:
    if sheet.summary:
        return sheet.summary
    count = len(sheet.facts)
    return f"{sheet.title}: {count} {plural(count, 'fact')}, each proven word for word by the source it cites."


def sheet_page(view: SiteView, sheet) -> str:
    page = urls.sheet_page(sheet.id)
    link = Linker(page)
    facts = [_fact_item(view, sheet, fact, link) for fact in sheet.facts]
    return _render(
        "sheet.md.j2",
        page,
        sheet=sheet,
        facts=facts,
        tags=_joined([link.tag_chip(t) for t in sheet.tags], " "),
        description=description(sheet_description(sheet)),
    )


def source_page(view: SiteView, source) -> str:
    page = urls.source_page(source.id)
    link = Linker(page)
    results = view.by_source.get(source.id, [])
    meta = source.meta
    details = _joined(
        [
            meta.publisher,
            f"published {meta.published}" if meta.published else None,
            external("original publication ↗", meta.url) if meta.url else None,
        ]
    )
    facts = {r.fact.ref for r in results}
    original = published_original(source)
    return _render(
        "source.md.j2",
        page,
        source=source,
        results=results,
        details=details,
        text_lang=html_attributes(meta.language),
        paragraphs=with_page_marks(source, highlighted_paragraphs(source, results)),
        cited=percent(view.cited_share(source)),
        facts=len(facts),
        downloads=_joined(
            [
                link("plain text", urls.source_text(source.id)),
                link("Web Annotations (JSON-LD)", urls.annotations_file(source.id)),
                link("original PDF", original) if original else None,
            ]
        ),
    )


def warnings_page(view: SiteView) -> str:
    link = Linker(urls.WARNINGS)
    rows = []
    for w in view.warnings:
        x = w.diagnostic
        where = x.file + "".join(f":{n}" for n in (x.line, x.column) if n)
        edit = edit_url(view.settings, x.file, x.line)
        rows.append(
            {
                "warning": w,
                "anchor": Md(urls.warning_anchor(w.number)),
                "where": external(where, edit) if edit else where,
                "fact": link.fact(w.fact) if w.fact else None,
            }
        )
    return _render("warnings.md.j2", urls.WARNINGS, rows=rows)


def page_jobs(view: SiteView) -> list[list[Job]]:
    """Every page of the site: its path in the docs folder, and what renders its Markdown; in
    groups of alike pages."""
    return [
        [
            (urls.HOME, partial(home_page, view)),
            (urls.SHEETS, partial(sheets_index, view)),
            (urls.SOURCES, partial(sources_index, view)),
            (urls.TAGS, partial(tags_index, view)),
            (urls.WARNINGS, partial(warnings_page, view)),
        ],
        [(urls.sheet_page(sheet.id), partial(sheet_page, view, sheet)) for sheet in view.project.sheets],
        [(urls.source_page(s.id), partial(source_page, view, s)) for s in view.project.sources.values()],
        [(urls.tag_page(tag), partial(tag_page, view, tag)) for tag in view.tags],
    ]


def render_pages(view: SiteView) -> dict[str, str]:
    """Every page of the site: its path in the docs folder → its Markdown."""
    return {path: render() for group in page_jobs(view) for path, render in group}


def render_site(report: Report, settings: SiteSettings | None = None) -> dict[str, str]:
    """Every page of the site: its path in the docs folder → its Markdown."""
    return render_pages(SiteView.of(report, settings))
