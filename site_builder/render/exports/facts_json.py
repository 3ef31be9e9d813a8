"""``facts.json``: every sheet, fact and citation of the site, for programs.

Offsets are code-point offsets into the source text as published in ``sources/<id>.txt``, after
its byte order mark; ``end`` is exclusive, and so is the line and column given for it. Links are absolute when
``site_url`` is set, otherwise relative to the site root, where ``facts.json`` is. The format is
defined by ``load/schema/facts.schema.json``.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any

from site_builder.model import CitationResult, Fact, Sheet, Source
from site_builder.render import urls
from site_builder.render.edit_links import edit_url
from site_builder.render.original_links import original_passage_url
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView, spans_of
from site_builder.version import __version__

FORMAT_VERSION = 1


class _Links:
    def __init__(self, settings: SiteSettings) -> None:
        self.settings = settings

    def __call__(self, path: str, anchor: str | None = None) -> str:
        return urls.site_link(
            urls.FACTS_JSON,
            path,
            anchor,
            site_url=self.settings.site_url,
            directory_urls=self.settings.use_directory_urls,
        )


def _position(source: Source, offset: int) -> dict[str, int]:
    line, column = source.text.line_col(offset)
    return {"line": line, "column": column}


def _citation(result: CitationResult, view: SiteView, link: _Links, sheet: Sheet) -> dict[str, Any]:
    c = result.citation
    out: dict[str, Any] = {
        "index": c.index,
        "source": c.source,
        "quote": c.quote,
        "prefix": c.prefix,
        "suffix": c.suffix,
        "status": result.status,
        "record": {"file": sheet.path, "line": c.line, "column": c.column},
    }
    source = view.source_of(result)
    if result.located and source is not None:
        out.update(
            {
                "start": result.start,
                "end": result.end,
                "start_position": _position(source, result.span.start),
                "end_position": _position(source, result.span.end),
                "passage": source.text.text[result.span.start : result.span.end],
                "segments": [{"start": a, "end": b} for a, b in spans_of(result)],
                "occurrences": len(result.found.occurrences) or 1,
                "normalizations": list(result.found.normalizations),
                "url": link(urls.source_page(c.source), urls.cite_anchor(sheet.id, result.fact.id, c.index)),
                "original_url": original_passage_url(result, source),
            }
        )
    return out


def _fact(fact: Fact, sheet: Sheet, view: SiteView, link: _Links) -> dict[str, Any]:
    related = []
    for ref, _ in fact.related:
        target = view.resolve(ref, sheet)
        if target is not None:
            target_sheet, target_fact = target
            related.append(
                {
                    "ref": target_fact.ref if target_fact else target_sheet.id,
                    "url": link(urls.sheet_page(target_sheet.id), target_fact.id if target_fact else None),
                }
            )
    return {
        "id": fact.id,
        "ref": fact.ref,
        "statement": fact.statement,
        "tags": list(fact.tags),
        "url": link(urls.sheet_page(sheet.id), urls.fact_anchor(fact.id)),
        "record": {"file": sheet.path, "line": fact.line},
        "edit_url": edit_url(view.settings, sheet.path, fact.line),
        "related": related,
        "referenced_by": [f.ref for f in view.linked_from.get(fact.ref, [])],
        "citations": [_citation(r, view, link, sheet) for r in view.by_fact.get(fact.ref, [])],
    }


def _source(source: Source, view: SiteView, link: _Links) -> dict[str, Any]:
    meta = source.meta
    return {
        "id": source.id,
        "title": source.title,
        "publisher": meta.publisher,
        "published": meta.published,
        "url": meta.url,
        "language": meta.language,
        "file": source.path,
        "characters": len(source.text.text),
        "cited_share": round(view.cited_share(source), 4),
        "page": link(urls.source_page(source.id)),
        "text": link(urls.source_text(source.id)),
        "annotations": link(urls.annotations_file(source.id)),
    }


def _sheet(sheet: Sheet, view: SiteView, link: _Links) -> dict[str, Any]:
    return {
        "id": sheet.id,
        "title": sheet.title,
        "summary": sheet.summary,
        "tags": list(sheet.tags),
        "file": sheet.path,
        "url": link(urls.sheet_page(sheet.id)),
        "facts": [_fact(fact, sheet, view, link) for fact in sheet.facts],
    }


def facts_document(view: SiteView, *, sheets: bool = True) -> dict[str, Any]:
    """The whole document; with ``sheets=False``, its ``sheets`` left ``None`` (to be written apart)."""
    link = _Links(view.settings)
    project = view.project
    return {
        "format": FORMAT_VERSION,
        "generator": f"site-builder {__version__}",
        "site_url": view.settings.site_url,
        "summary": {
            "sheets": len(project.sheets),
            "facts": len(project.facts),
            "citations": len(view.report.citations),
            "sources": len(project.sources),
            "warnings": len(view.warnings),
        },
        "sheets": [_sheet(sheet, view, link) for sheet in project.sheets] if sheets else None,
        "sources": [_source(source, view, link) for source in project.sources.values()],
        "warnings": [
            {
                "code": w.diagnostic.code,
                "file": w.diagnostic.file,
                "line": w.diagnostic.line,
                "column": w.diagnostic.column,
                "message": w.diagnostic.message,
                "notes": list(w.diagnostic.notes),
                "fact": w.fact.ref if w.fact else None,
                "url": link(urls.WARNINGS, urls.warning_anchor(w.number)),
            }
            for w in view.warnings
        ],
    }


# Compact: the standard library encodes indented JSON in Python, ten times slower than this.
_encode = partial(json.dumps, ensure_ascii=False, separators=(",", ":"))


def render_facts_json(view: SiteView) -> str:
    """:func:`facts_document` as JSON text, each sheet encoded on its own: at 100,000 facts the
    document as Python objects would take several times the memory of its text."""
    link = _Links(view.settings)
    members = []
    for key, value in facts_document(view, sheets=False).items():
        if key == "sheets":
            text = "[" + ",".join(_encode(_sheet(sheet, view, link)) for sheet in view.project.sheets) + "]"
        else:
            text = _encode(value)
        members.append(_encode(key) + ":" + text)
    return "{" + ",".join(members) + "}\n"
