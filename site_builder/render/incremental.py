"""Regenerate only the pages that a change to some records or sources can alter, for a preview.

A full generation renders every page of the site, which takes seconds at ten thousand facts. A
preview that follows edits compares the new report with the one it last generated from, and
renders again only what the changed sheets and sources reach:

- a changed sheet: its page, the pages of the sheets whose facts it relates to or that relate to
  it, the pages of the sources it cites (before and after), the pages of its tags (before and after);
- a changed source (text or metadata): its page, its text and annotations, the pages of the
  sheets that cite it;
- always: the index pages, the warnings page and the pages that show a warning (warnings are
  numbered across the site), and ``facts.json``.

The result is the same as a full generation (a test compares them after each kind of edit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from site_builder.model import Report, Sheet
from site_builder.render import pages as render
from site_builder.render import urls
from site_builder.render.exports import export_files, source_export_paths, source_exports
from site_builder.render.exports.facts_json import render_facts_json
from site_builder.render.originals import original_files
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView
from site_builder.render.writer import update_docs, write_docs


@dataclass
class Generated:
    """What a generation was made from: enough to tell what a new report changes."""

    settings: SiteSettings | None
    sheets: dict[str, Sheet] = field(default_factory=dict)
    sources: dict[str, tuple] = field(default_factory=dict)  # id → what its pages show of it
    #: sources whose exports (and ``facts.json``) are still to be written, if they were put off
    exports_due: set[str] | None = None

    @classmethod
    def of(cls, report: Report, settings: SiteSettings | None) -> Generated:
        sources = {
            source.id: (source.digest, source.meta, source.meta_path, source.pin_line)
            for source in report.project.sources.values()
        }
        return cls(settings, {sheet.id: sheet for sheet in report.project.sheets}, sources)


def _cited(sheet: Sheet | None) -> set[str]:
    return {c.source for fact in sheet.facts for c in fact.citations} if sheet else set()


def _tags(sheet: Sheet | None) -> set[str]:
    return {tag for fact in sheet.facts for tag in fact.tags} | set(sheet.tags) if sheet else set()


def _related(sheet: Sheet) -> set[str]:
    return {ref.partition("#")[0] or sheet.id for fact in sheet.facts for ref, _ in fact.related}


def affected(before: Generated, after: Generated, view: SiteView) -> tuple[set[str], set[str], set[str]]:
    """The sheets, sources and tags whose pages the change from ``before`` to ``after`` may alter."""
    changed_sheets = {
        sheet_id
        for sheet_id in before.sheets.keys() | after.sheets.keys()
        if before.sheets.get(sheet_id) != after.sheets.get(sheet_id)
    }
    changed_sources = {
        source_id
        for source_id in before.sources.keys() | after.sources.keys()
        if before.sources.get(source_id) != after.sources.get(source_id)
    }
    sheets, sources, tags = set(changed_sheets), set(changed_sources), set()
    for sheet_id in changed_sheets:
        old, new = before.sheets.get(sheet_id), after.sheets.get(sheet_id)
        sources |= _cited(old) | _cited(new)
        tags |= _tags(old) | _tags(new)
        for version in (old, new):
            if version is not None:
                sheets |= _related(version)
        for fact in new.facts if new else ():
            sheets |= {f.sheet for f in view.linked_from.get(fact.ref, [])}
        for fact in old.facts if old else ():
            sheets |= {f.sheet for f in view.linked_from.get(fact.ref, [])}
    for sheet in after.sheets.values():
        if _cited(sheet) & changed_sources:
            sheets.add(sheet.id)
    for w in view.warnings:  # numbered across the site: one more or less renumbers the rest
        if w.fact is not None:
            sheets.add(w.fact.sheet)
            sources |= {c.source for c in w.fact.citations}
        elif w.diagnostic.file.startswith("seeds/"):
            sources.add(Path(w.diagnostic.file).stem)
    return sheets, sources, tags


def generate_changes(
    report: Report, docs_dir: Path, settings: SiteSettings | None, before: Generated | None, *, exports: bool = True
) -> tuple[list[str], Generated]:
    """Bring ``docs_dir`` up to date with ``report``, knowing it was generated from ``before``
    (``None``: generate everything); return the paths that changed and what they now show.

    Without ``exports``, the pages come first and the exports are left for :func:`write_exports`
    (a preview shows the pages sooner; ``facts.json`` alone takes longer than the pages).
    """
    view = SiteView.of(report, settings)
    after = Generated.of(report, settings)
    if before is None or before.settings != settings:
        originals = original_files(list(report.project.sources.values()), Path(report.project.root))
        return write_docs({**render.render_pages(view), **export_files(view)}, docs_dir, originals), after
    sheets, sources, tags = affected(before, after, view)
    files = {
        urls.HOME: render.home_page(view),
        urls.SHEETS: render.sheets_index(view),
        urls.SOURCES: render.sources_index(view),
        urls.TAGS: render.tags_index(view),
        urls.WARNINGS: render.warnings_page(view),
    }
    removed: set[str] = set()
    for sheet_id in sheets:
        sheet = report.project.sheet(sheet_id)
        if sheet is not None:
            files[urls.sheet_page(sheet_id)] = render.sheet_page(view, sheet)
        elif sheet_id in before.sheets:
            removed.add(urls.sheet_page(sheet_id))
    for source_id in sources:
        source = report.project.sources.get(source_id)
        if source is not None:
            files[urls.source_page(source_id)] = render.source_page(view, source)
        elif source_id in before.sources:
            removed.add(urls.source_page(source_id))
    for tag in tags:
        if tag in view.tags:
            files[urls.tag_page(tag)] = render.tag_page(view, tag)
        else:
            removed.add(urls.tag_page(tag))
    after.exports_due = sources | (before.exports_due or set())
    changed = update_docs(files, docs_dir, removed)
    if exports:
        changed += write_exports(report, docs_dir, after)
    return changed, after


def write_exports(report: Report, docs_dir: Path, generated: Generated) -> list[str]:
    """Write the exports that :func:`generate_changes` left due; return the paths that changed."""
    if generated.exports_due is None:
        return []
    view = SiteView.of(report, generated.settings)
    files = {urls.FACTS_JSON: render_facts_json(view)}
    removed: set[str] = set()
    for source_id in generated.exports_due:
        source = report.project.sources.get(source_id)
        if source is not None:
            files.update(source_exports(view, source))
        else:
            removed.update(source_export_paths(source_id))
    generated.exports_due = None
    return update_docs(files, docs_dir, removed)
