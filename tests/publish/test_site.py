"""End to end: build the repository's own site and follow every link in it."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from htmltools import Page, search_records
from site_builder.check.run import check


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
    records = search_records(built_site / "site")
    for sheet in report.project.sheets:
        record = records[f"/sheets/{sheet.id}/"]
        assert record["meta"]["title"] == sheet.title
        anchors = {anchor["id"]: anchor for anchor in record["anchors"]}
        for fact in sheet.facts:
            assert anchors[fact.id]["text"] == fact.statement, fact.ref
            start = anchors[fact.id]["location"]
            words = record["content"].split()[start:]
            text = " ".join(words)
            for word in fact.citations[0].quote.split()[:6]:
                assert word.strip(".,“”\"'’") in text, (fact.ref, word)


def test_search_indexes_the_content_of_sheets_and_sources_only(built_site):
    report = check(built_site)
    records = search_records(built_site / "site")
    expected = {f"/sheets/{sheet.id}/" for sheet in report.project.sheets}
    expected |= {f"/sources/{source_id}/" for source_id in report.project.sources}
    assert set(records) == expected
    for record in records.values():
        assert "Fact sheets Sources Tags" not in record["content"]  # the navigation tabs
        assert "Skip to content" not in record["content"]
        assert "¶" not in record["content"]


def test_navigation_stays_small(built_site):
    page = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    nav = page[page.index('<nav class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert Page(nav).links.__len__() < 20


def test_every_fact_shows_the_facts_that_link_to_it(built_site):
    report = check(built_site)
    site = built_site / "site"
    checked = 0
    for sheet in report.project.sheets:
        for fact in sheet.facts:
            for ref, _ in fact.related:
                target_sheet, _, target_fact = ref.partition("#")
                if not target_fact:
                    continue
                target_sheet = target_sheet or sheet.id
                page = html_of(site, f"sheets/{target_sheet}")
                back = f"#{fact.id}" if target_sheet == sheet.id else f"../{sheet.id}/#{fact.id}"
                assert back in page.links, (ref, fact.ref)
                checked += 1
    assert checked > 0


def test_exports_are_published_and_linked(built_site):
    report = check(built_site)
    site = built_site / "site"
    doc = json.loads((site / "facts.json").read_text(encoding="utf-8"))
    assert doc["summary"]["facts"] == len(report.project.facts)
    home = html_of(site, "")
    assert {"facts.json", "warnings/"} <= set(home.links)
    for source_id, source in report.project.sources.items():
        published = (
            (site / "sources" / f"{source_id}.txt").read_bytes().decode("utf-8-sig")
        )  # the text after its byte order mark
        assert published == source.text.text
        annotations = json.loads((site / "annotations" / f"{source_id}.jsonld").read_text(encoding="utf-8"))
        for item in annotations["first"]["items"]:
            quote, position = item["target"]["selector"]
            assert published[position["start"] : position["end"]] == quote["exact"]
        page = html_of(site, f"sources/{source_id}")
        assert f"../../annotations/{source_id}.jsonld" in page.links
        assert f"../{source_id}.txt" in page.links
        assert "of the text is cited" in page.text


def test_accepted_warnings_page_is_published(built_site):
    page = html_of(built_site / "site", "warnings")
    assert "Accepted warnings" in page.text
    assert "There are none" in page.text  # the repository's records verify without warnings


def test_pages_load_nothing_from_outside_the_site(built_site):
    site = built_site / "site"
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        loaded = re.findall(r'<(?:script|img|iframe|source)\b[^>]*\bsrc="([^"]*)"', html)
        links = re.findall(r"<link\b[^>]*>", html)  # a canonical link names the page's address, loads nothing
        loaded += [m for link in links if 'rel="canonical"' not in link for m in re.findall(r'\bhref="([^"]*)"', link)]
        outside = [url for url in loaded if urlsplit(url).scheme or url.startswith("//")]
        assert outside == [], f"{path.relative_to(site)} loads {outside}"
        assert "fonts.googleapis" not in html and "api.github.com" not in html


def test_edit_links_come_from_mkdocs_yml_without_a_repository_widget(harbour, run_cli):
    config = harbour.mkdocs()
    config.write_text(
        config.read_text(encoding="utf-8")
        + textwrap.dedent("""
        extra:
          site_builder:
            repo_url: https://github.com/o/r
            edit_uri: edit/main/
        """),
        encoding="utf-8",
    )
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 0, result.err
    report = check(harbour.root)
    fact = report.project.sheet("people").fact("ann-lee")
    html = (harbour.root / "site" / "sheets" / "people" / "index.html").read_text(encoding="utf-8")
    assert f"https://github.com/o/r/edit/main/factsheets/people.yml#L{fact.line}" in Page(html).links
    assert "md-source" not in html  # Material's header widget, which fetches the repository's stars


def test_build_and_serve_read_the_same_settings(harbour):
    from mkdocs.config import load_config

    from site_builder.publish.mkdocs_build import read_config
    from site_builder.render.site_settings import SiteSettings

    config = harbour.mkdocs()
    config.write_text(
        config.read_text(encoding="utf-8")
        + textwrap.dedent("""
        site_url: https://facts.example.org/
        extra:
          site_builder:
            repo_url: https://github.com/o/r
            edit_uri: edit/main/
        """),
        encoding="utf-8",
    )
    (harbour.root / "build" / "docs" / ".theme").mkdir(parents=True)  # as generating the pages leaves them
    expected = SiteSettings(
        "https://facts.example.org/", True, "https://github.com/o/r", "edit/main/", "Verified fact sheets"
    )
    assert read_config(harbour.root).settings == expected
    assert SiteSettings.from_config(load_config(str(config))) == expected


def test_the_build_warns_that_exports_cannot_name_themselves_without_a_site_url(harbour, run_cli, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1777627800")
    config = harbour.mkdocs()
    config.write_text(re.sub(r"(?m)^site_url:.*\n", "", config.read_text("utf-8")), "utf-8")
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 0, result.err
    assert "sets no site_url" in result.err
    annotations = json.loads((harbour.root / "site" / "annotations" / "harbour.jsonld").read_text("utf-8"))
    assert annotations["id"] == "../annotations/harbour.jsonld"
    assert annotations["created"] == "2026-05-01T09:30:00Z"  # SOURCE_DATE_EPOCH, for reproducible builds

    config.write_text(config.read_text("utf-8") + "site_url: https://facts.example.org/\n", "utf-8")
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 0, result.err
    assert "site_url" not in result.err
    annotations = json.loads((harbour.root / "site" / "annotations" / "harbour.jsonld").read_text("utf-8"))
    assert annotations["id"] == "https://facts.example.org/annotations/harbour.jsonld"


def head_meta(html: str) -> dict[str, str]:
    """The page's ``<meta>`` tags: name or property → content, as a browser decodes them."""
    from html.parser import HTMLParser

    found: dict[str, str] = {}

    class Meta(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            key = attrs.get("name") or attrs.get("property")
            if tag == "meta" and key:
                found[key] = attrs.get("content") or ""

    Meta(convert_charrefs=True).feed(html)
    return found


def test_each_sheet_describes_itself_to_search_engines_and_shared_links(built_site):
    report = check(built_site)
    for sheet in report.project.sheets:
        meta = head_meta((built_site / "site" / "sheets" / sheet.id / "index.html").read_text("utf-8"))
        summary = " ".join(sheet.summary.split())
        assert meta["description"] == meta["og:description"] == summary
        assert meta["og:title"] == sheet.title and meta["og:type"] == "article"
        assert meta["og:url"] == f"https://site-builder.example.org/sheets/{sheet.id}/"  # from site_url
    home = head_meta((built_site / "site" / "index.html").read_text("utf-8"))
    assert not any(key.startswith("og:") for key in home)
    assert not (built_site / "site" / ".theme").exists()  # the theme override is not published


def test_a_sheet_summary_is_text_in_the_page_head_never_markup(harbour, run_cli):
    summary = 'Ships & "whalers" </title><script>alert(1)</script> — 1851'
    sheet = harbour.root / "factsheets" / "harbour.yml"
    text = sheet.read_text("utf-8")
    sheet.write_text(text.replace("summary: When the harbour opened and who ran it.", f"summary: '{summary}'"), "utf-8")
    config = harbour.mkdocs()
    config.write_text(
        re.sub(r"(?m)^site_url:.*$", "site_url: https://facts.example.org/", config.read_text("utf-8")), "utf-8"
    )
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 0, result.err
    html = (harbour.root / "site" / "sheets" / "harbour" / "index.html").read_text("utf-8")
    meta = head_meta(html)
    assert meta["description"] == meta["og:description"] == summary
    assert meta["og:url"] == "https://facts.example.org/sheets/harbour/"
    assert "<script>alert(1)</script>" not in html


def test_the_exports_are_dated_when_the_content_last_changed(harbour, monkeypatch):
    import os

    from site_builder.publish.build_time import build_time

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    harbour.mkdocs()
    for path in [*(harbour.root / "seeds").iterdir(), *(harbour.root / "factsheets").iterdir()]:
        os.utime(path, (1_700_000_000, 1_700_000_000))
    os.utime(harbour.root / "mkdocs.yml", (1_700_000_000, 1_700_000_000))
    assert build_time(harbour.root) == "2023-11-14T22:13:20Z"
    os.utime(harbour.root / "factsheets" / "people.yml", (1_750_000_000, 1_750_000_000))
    assert build_time(harbour.root) == "2025-06-15T15:06:40Z"
    assert build_time(harbour.root, {"SOURCE_DATE_EPOCH": "0"}) == "1970-01-01T00:00:00Z"


def test_the_built_pages_indexed_after_any_engine_give_the_same_results(built_site, tmp_path):
    """The index `build` makes while MkDocs builds matches the index of the pages MkDocs wrote:
    the same pages, titles and fact headings (what another engine's site is indexed from). A
    source's "Cited by" list is left out of the first: it repeats facts found on their sheets."""
    from site_builder.publish import index_search

    copy = tmp_path / "site"
    shutil.copytree(built_site / "site", copy)
    shutil.rmtree(copy / "pagefind")
    assert index_search.main([str(copy)]) == 0
    during, after = search_records(built_site / "site"), search_records(copy)
    assert during.keys() == after.keys()
    for url, record in during.items():
        assert record["meta"]["title"] == after[url]["meta"]["title"]
        headings = {a["id"]: a["text"] for a in record["anchors"] if a["element"] == "h2"}
        built = {a["id"]: a["text"] for a in after[url]["anchors"] if a["element"] == "h2"}
        built.pop("_cited-by", None)
        assert headings == built


def test_a_large_site_is_indexed_in_shards_that_hold_every_page_once(built_site, tmp_path, monkeypatch):
    from site_builder.publish import index_search, search_index

    whole = search_records(built_site / "site")
    copy = tmp_path / "site"
    shutil.copytree(built_site / "site", copy)
    shutil.rmtree(copy / "pagefind")
    monkeypatch.setattr(search_index, "SHARD_BYTES", 1)  # a shard for each page
    assert index_search.main([str(copy)]) == 0
    folders = json.loads((copy / "pagefind" / search_index.SHARDS).read_text("utf-8"))
    assert len(folders) == len(whole) - 1
    assert all((copy / "pagefind" / folder / "pagefind-entry.json").is_file() for folder in folders)
    assert search_records(copy).keys() == whole.keys()


def test_the_index_made_during_the_build_is_sharded_the_same_way(built_site, tmp_path, monkeypatch):
    from site_builder.publish import search_index
    from site_builder.render.search_pages import search_pages
    from site_builder.render.views import SiteView

    pages = search_pages(SiteView.of(check(built_site)))
    monkeypatch.setattr(search_index, "SHARD_BYTES", sum(map(len, pages.values())) // 3)
    with (tmp_path / "log").open("w+", encoding="utf-8") as log:
        assert search_index.start_indexing(pages, tmp_path / "pages", tmp_path / "search", log).wait() == 0
    bundle = tmp_path / "search" / search_index.BUNDLE
    assert len(json.loads((bundle / search_index.SHARDS).read_text("utf-8"))) >= 2
    assert search_records(tmp_path / "search").keys() == search_records(built_site / "site").keys()


def test_a_sheet_removed_from_the_project_leaves_the_search_index(harbour, run_cli):
    harbour.mkdocs()
    harbour.fact_sheet("ferries", ("harbour", "Ships came from the north"))
    first = run_cli("build", "--root", str(harbour.root))
    assert first.code == 0, first.err
    assert "/sheets/ferries/" in search_records(harbour.root / "site")
    (harbour.root / "factsheets" / "ferries.yml").unlink()
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 0, result.err
    records = search_records(harbour.root / "site")
    assert "/sheets/ferries/" not in records and "/sheets/people/" in records
