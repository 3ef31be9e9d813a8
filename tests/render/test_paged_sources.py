"""A paged source on the site: the page next to each quote, an anchor at each page break, the
original PDF published and opened at the page; the source's language on its text and quotes."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from htmltools import Page, markdown_to_html
from site_builder.check.run import check
from site_builder.load.schema import load_schema
from site_builder.render.generate import generate
from site_builder.render.pages import render_site

PAGES = [
    "Notice of a final rule on harbour cranes.\n\nThe rule requires an annual inspection.",
    "Small ports said the inspection would be dif-\nficult to arrange.",
    "The rule takes effect in July.",
]
META = """\
title: Inspection of harbour cranes
language: en
pages: 3
page_labels: ["47698", "47699", "47700"]
original: {name: notice.pdf, media_type: application/pdf, sha256: %s}
"""


def paged(project, *, keep_pdf: bool = True, meta: str = META):
    project.source("notice", "\n\f\n".join(PAGES) + "\n", meta=meta % ("ab" * 32))
    if keep_pdf:
        (project.root / "seeds" / "originals").mkdir()
        (project.root / "seeds" / "originals" / "notice.pdf").write_bytes(b"%PDF-1.7 the original")
    project.fact_sheet(
        "cranes",
        ("notice", "The rule requires an annual inspection."),
        ("notice", "the inspection would be difficult to arrange"),
        ("notice", "The rule takes effect in July."),
    )
    return check(project.root)


def page(markdown: str) -> Page:
    built = Page(markdown_to_html(markdown))
    assert built.unbalanced == []
    return built


def test_the_report_gives_each_citation_its_page_and_label(project, run_cli):
    paged(project)
    result = run_cli("check", "--root", str(project.root), "--format", "json")
    doc = json.loads(result.out)
    Draft202012Validator(load_schema("report")).validate(doc)
    assert [(c["page"], c["page_label"]) for c in doc["citations"]] == [(1, "47698"), (2, "47699"), (3, "47700")]


def test_a_source_without_pages_has_none_in_the_report(harbour, run_cli):
    doc = json.loads(run_cli("check", "--root", str(harbour.root), "--format", "json").out)
    assert all("page" not in c for c in doc["citations"])


def test_a_fact_shows_the_page_and_links_to_it_in_the_original_pdf(project):
    sheet = page(render_site(paged(project))["sheets/cranes.md"])
    assert "p. 47698" in sheet.text and "p. 47699" in sheet.text and "p. 47700" in sheet.text
    assert "../sources/notice.pdf#page=2" in sheet.links


def test_without_a_kept_original_the_page_links_to_the_url_or_is_plain(project):
    meta = META + "url: https://rules.example.gov/2024-11873.pdf\n"
    sheet = page(render_site(paged(project, keep_pdf=False, meta=meta))["sheets/cranes.md"])
    assert "https://rules.example.gov/2024-11873.pdf#page=3" in sheet.links
    assert not [link for link in sheet.links if ":~:text=" in link]  # no text fragments into a PDF


def test_the_source_page_marks_each_page_with_an_anchor(project):
    source = page(render_site(paged(project))["sources/notice.md"])
    assert {"page-1", "page-2", "page-3"} <= source.ids
    assert "page 47698" in source.text and "page 47700" in source.text
    assert "notice.pdf" in source.links
    order = [source.text.index(s) for s in ("page 47698", "Notice of", "page 47699", "Small ports", "page 47700")]
    assert order == sorted(order)


def test_the_original_pdf_is_published_with_the_site(project, tmp_path):
    docs = tmp_path / "docs"
    generate(paged(project), docs)
    assert (docs / "sources" / "notice.pdf").read_bytes() == b"%PDF-1.7 the original"


def test_a_kept_web_page_is_never_published(project, tmp_path):
    project.source(
        "page", "A saved page.\n", meta="original: {name: a.html, media_type: text/html, sha256: %s}\n" % ("ab" * 32)
    )
    (project.root / "seeds" / "originals").mkdir()
    (project.root / "seeds" / "originals" / "page.html").write_text(
        "<script>alert(1)</script>"
    )  # the page's own script
    docs = tmp_path / "docs"
    generate(check(project.root), docs)
    assert not [p for p in docs.rglob("*") if p.is_file() and b"alert(1)" in p.read_bytes()]


def test_the_language_is_set_on_the_text_and_on_quotes(project):
    project.source("arabic", "افتتحت البلدية يوم السبت مكتبة عامة جديدة في وسط المدينة.\n", meta="language: ar\n")
    project.source("french", "La bibliothèque a rouvert samedi matin ses portes au public.\n", meta="language: fr\n")
    project.fact_sheet(
        "libraries",
        ("arabic", "افتتحت البلدية يوم السبت مكتبة عامة جديدة"),
        ("french", "La bibliothèque a rouvert samedi matin"),
    )
    pages = render_site(check(project.root))
    sheet_html = markdown_to_html(pages["sheets/libraries.md"])
    assert '<p dir="rtl" lang="ar">افتتحت البلدية يوم السبت مكتبة عامة جديدة</p>' in sheet_html
    assert '<p lang="fr">La bibliothèque a rouvert samedi matin</p>' in sheet_html
    assert '<div class="sb-source" dir="rtl" lang="ar">' in markdown_to_html(pages["sources/arabic.md"])
    assert '<div class="sb-source" lang="fr">' in markdown_to_html(pages["sources/french.md"])


def test_a_hostile_language_value_never_reaches_the_page(project):
    # The schema refuses it; a page never prints a language that is not a tag.
    project.source("x", "Some text to quote from here.\n", meta='language: "en\\" onmouseover=\\"alert(1)"\n')
    report = check(project.root)
    assert "schema" in [x.code for x in report.diagnostics if x.file == "seeds/x.yml"]
    assert "onmouseover" not in render_site(report)["sources/x.md"]
