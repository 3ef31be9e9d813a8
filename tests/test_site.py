"""End to end: build the repository's own site and follow every link in it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest

from conftest import REPO
from htmltools import Page
from site_builder.generate import check


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A copy of the repository's records and config, built with ``site-builder build``."""
    from site_builder.cli import main

    root = tmp_path_factory.mktemp("repo")
    for name in ("seeds", "factsheets"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    try:
        main(["build", "--root", str(root)])
    except SystemExit as exc:
        assert exc.code in (0, None), f"the build failed with exit code {exc.code}"
    return root


def html_of(site: Path, page_url: str) -> Page:
    return Page((site / page_url / "index.html").read_text(encoding="utf-8"))


def test_every_fact_and_citation_is_on_the_site(built_site):
    report = check(built_site)
    site = built_site / "site"
    assert report.project.facts, "the repository has facts"
    for sheet in report.project.sheets:
        page = html_of(site, f"sheets/{sheet.id}")
        for fact in sheet.facts:
            assert fact.id in page.ids, fact.ref
        for result in report.citations:
            if result.fact.sheet != sheet.id:
                continue
            anchor = f"cite--{sheet.id}--{result.fact.id}--{result.citation.index}"
            assert f"../../sources/{result.citation.source}/#{anchor}" in page.links
            source_page = html_of(site, f"sources/{result.citation.source}")
            assert anchor in source_page.ids
            assert f"../../sheets/{sheet.id}/#{result.fact.id}" in source_page.links


def test_related_facts_link_to_each_other(built_site):
    report = check(built_site)
    site = built_site / "site"
    linked = 0
    for sheet in report.project.sheets:
        page = html_of(site, f"sheets/{sheet.id}")
        for fact in sheet.facts:
            for ref, _ in fact.related:
                target_sheet, _, target_fact = ref.partition("#")
                target_sheet = target_sheet or sheet.id
                prefix = "" if target_sheet == sheet.id else f"../{target_sheet}/"
                expected = f"{prefix}#{target_fact}" if target_fact else f"../{target_sheet}/"
                assert expected in page.links, (fact.ref, ref)
                linked += 1
    assert linked > 0


def test_indexes_list_every_sheet_source_and_tag(built_site):
    report = check(built_site)
    site = built_site / "site"
    sheets = html_of(site, "sheets")
    sources = html_of(site, "sources")
    tags = html_of(site, "tags")
    for sheet in report.project.sheets:
        assert f"{sheet.id}/" in sheets.links
    for source_id in report.project.sources:
        assert f"{source_id}/" in sources.links
    every_tag = {t for s in report.project.sheets for t in s.tags} | {t for f in report.project.facts for t in f.tags}
    for tag in every_tag:
        assert f"{tag}/" in tags.links
        assert (site / "tags" / tag / "index.html").is_file()


def test_every_internal_link_and_anchor_resolves(built_site):
    site = built_site / "site"
    pages = {path: Page(path.read_text(encoding="utf-8")) for path in site.rglob("*.html")}
    checked = 0
    for path, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("mailto:"):
                continue
            target_path, fragment = urldefrag(link)
            base = site if target_path.startswith("/") else path.parent
            target = (base / unquote(target_path).lstrip("/")).resolve() if target_path else path
            if target.is_dir():
                target = target / "index.html"
            assert target.exists(), f"{path.relative_to(site)} links to missing {link}"
            if fragment and target.suffix == ".html":
                assert unquote(fragment) in pages[target].ids, f"{path.relative_to(site)}: no #{fragment} in {link}"
            checked += 1
    assert checked > 100


def test_search_finds_every_statement_and_quote_in_its_fact(built_site):
    report = check(built_site)
    index = json.loads((built_site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"]}
    for sheet in report.project.sheets:
        for fact in sheet.facts:
            doc = docs[f"sheets/{sheet.id}/#{fact.id}"]
            text = Page(doc["title"] + " " + doc["text"]).text
            for word in fact.statement.split()[:6] + fact.citations[0].quote.split()[:6]:
                assert word.strip(".,“”\"'’") in text, (fact.ref, word)


def test_navigation_stays_small(built_site):
    page = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary'):]
    nav = nav[: nav.index("</nav>")]
    assert Page(nav).links.__len__() < 20
