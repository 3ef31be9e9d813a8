"""Generated Markdown: user text stays literal text, highlights stay valid HTML, every page shows what it should."""

from __future__ import annotations

import dataclasses
import html
import re
import shutil
import string
import unicodedata

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SOURCE_TEXT
from htmltools import Page, markdown_to_html
from site_builder.check.run import check
from site_builder.model import Match, Span
from site_builder.render.coverage import cited_share, merged, percent
from site_builder.render.edit_links import edit_url
from site_builder.render.escape import inline
from site_builder.render.generate import generate
from site_builder.render.highlight import Passage, split
from site_builder.render.pages import description, render_site
from site_builder.render.site_settings import SiteSettings

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "# not a heading",
    "*not emphasis* and _neither_",
    "[click](javascript:alert(1))",
    "| a | b |\n|---|---|",
    "---",
    "{{ config }} {% raw %}",
    "!!! note",
    "--8<-- 'secret.txt'",
    "text { .evil #id }",
    "1. not a list",
    "> not a quote",
    "`code` and \\ backslash & ampersand",
]


def test_inline_text_renders_as_the_literal_text():
    for text in HOSTILE:
        page = Page(markdown_to_html(inline(text)))
        assert page.text.strip() == " ".join(text.split("\n")).strip(), text
        assert set(page.tags) <= {"p"}, (text, page.tags)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80))
def test_any_text_renders_literally(text):
    html = markdown_to_html(f"before {inline(text)} after")
    page = Page(html)
    assert set(page.tags) <= {"p"}
    assert " ".join(page.text.split()) == " ".join(f"before {text} after".split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_inline_text_is_one_inert_line_holding_every_visible_character(text):
    out = inline(text)
    bare = re.sub(r"&#\d+;", "", out)
    assert not set(bare) & set(string.punctuation + "\r\n\x0b\x0c\x85\u2028\u2029")
    assert not any(unicodedata.category(c) == "Cc" for c in bare)
    assert not out.startswith(" ") and not out.endswith(" ")  # four would open a code block
    visible = "".join(c for c in text if unicodedata.category(c) != "Cc" and not c.isspace())
    assert "".join(html.unescape(out).split()) == visible


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_a_description_is_one_line_of_yaml_that_reads_back_as_the_escaped_text(text):
    written = description(text)
    assert "\n" not in written
    assert yaml.safe_load(f"description: {written}") == {"description": html.escape(" ".join(text.split()), quote=True)}


def test_overlapping_highlights_split_into_flat_pieces():
    paragraphs = ((0, 10), (12, 20))
    passages = [Passage("a", ((2, 15),)), Passage("b", ((4, 6), (13, 14)))]
    pieces = [[(p.start, p.end, p.covered_by, p.opens, p.closes) for p in para] for para in split(paragraphs, passages)]
    assert pieces == [
        [(0, 2, (), (), ()), (2, 4, ("a",), ("a",), ()), (4, 6, ("a", "b"), ("b",), ()), (6, 10, ("a",), (), ())],
        [
            (12, 13, ("a",), (), ()),
            (13, 14, ("a", "b"), (), ("b",)),
            (14, 15, ("a",), (), ("a",)),
            (15, 20, (), (), ()),
        ],
    ]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 30)), max_size=8))
def test_highlights_cover_exactly_the_cited_text(spans):
    paragraphs = ((0, 20), (21, 45), (47, 60))
    passages = [Passage(f"p{i}", ((s, min(s + n, 60)),)) for i, (s, n) in enumerate(spans)]
    result = split(paragraphs, passages)
    for (a, b), pieces in zip(paragraphs, result):
        assert pieces[0].start == a and pieces[-1].end == b
        assert all(x.end == y.start for x, y in zip(pieces, pieces[1:]))
        for piece in pieces:
            expected = {p.key for p in passages for s, e in p.spans if s <= piece.start and piece.end <= e}
            assert set(piece.covered_by) == expected


def test_pages_of_a_project_with_hostile_text_are_inert(project):
    evil = "<script>alert(1)</script> *x* {{ 7*7 }} [a](javascript:alert(1))"
    project.source("evil", f"Intro line.\n{evil} is the payload here.\n", meta=f"title: '{evil}'\n")
    project.sheet(
        "evil",
        f"""
        title: "{evil.replace('"', "'")}"
        summary: "{evil}"
        facts:
          - id: payload
            statement: "{evil}"
            citations:
              - source: evil
                quote: "{evil} is the payload"
    """,
    )
    report = check(project.root)
    assert report.diagnostics == []
    for path, markdown_text in render_site(report).items():
        page = Page(markdown_to_html(markdown_text))
        assert "script" not in page.tags and "img" not in page.tags, path
        assert not any(link.startswith("javascript") for link in page.links), path
        assert "49" not in page.text, path  # templates never evaluate user text
        if path in ("sheets/evil.md", "sources/evil.md"):
            assert evil in page.text, path
        assert page.unbalanced == [], path


def test_source_page_marks_every_citation_and_links_back(harbour):
    report = check(harbour.root)
    pages = render_site(report)
    page = Page(markdown_to_html(pages["sources/harbour.md"]))
    assert {
        "cite--harbour--opened--1",
        "cite--harbour--whalers--1",
        "cite--people--ann-lee--1",
        "cite--people--ann-lee--2",
    } <= page.ids
    assert "../sheets/people.md#ann-lee" in page.links
    assert page.tags.count("mark") >= 4
    assert page.unbalanced == []


# Fact sheets and source pages ------------------------------------------------------------------

EDITABLE = SiteSettings(repo_url="https://github.com/o/r", edit_uri="edit/main/")


def _with_match(report, fact_id: str, index: int, status: str, **match):
    """The report with one citation's result replaced, as the matcher would give it."""
    for i, result in enumerate(report.citations):
        if result.fact.id == fact_id and result.citation.index == index:
            span = match.pop("span", result.match.span)
            report.citations[i] = dataclasses.replace(
                result, status=status, match=Match(status, span, (span,), **match)
            )
            return report
    raise AssertionError(f"no citation {fact_id} {index}")


def _page(pages, path) -> Page:
    page = Page(markdown_to_html(pages[path]))
    assert page.unbalanced == [], path
    return page


def test_each_quote_shows_its_status_source_and_links(harbour):
    harbour.source(
        "harbour",
        SOURCE_TEXT,
        meta="""\
        title: A short history of the harbour
        publisher: Town Archive
        published: "1901-05-01"
        url: https://example.org/harbour
        """,
    )
    pages = render_site(check(harbour.root))
    page = _page(pages, "sheets/harbour.md")
    assert "matches word for word" in page.text
    assert "A short history of the harbour" in page.text and "Town Archive" in page.text and "1901-05-01" in page.text
    assert "../sources/harbour.md#cite--harbour--opened--1" in page.links
    assert (
        "https://example.org/harbour#:~:text=The%20harbour%20opened%20in%201851%20after%20%E2%80%9Cyears%20of"
        "%20delay.%E2%80%9D"
    ) in page.links


def test_no_original_link_without_a_url(harbour):
    page = _page(render_site(check(harbour.root)), "sheets/harbour.md")
    assert not [link for link in page.links if link.startswith("http")]
    assert "original" not in page.text


def test_a_normalized_quote_names_its_normalizations(harbour):
    report = _with_match(check(harbour.root), "opened", 1, "normalized", normalizations=("whitespace", "quotes"))
    page = _page(render_site(report), "sheets/harbour.md")
    assert "matches, ignoring spacing and curly quotes" in page.text


def test_an_elided_quote_highlights_only_its_kept_parts(harbour):
    text = SOURCE_TEXT
    first = text.index("The harbour opened")
    second = text.index("Its first master")
    segments = (Span(first, first + len("The harbour opened")), Span(second, second + len("Its first master")))
    report = _with_match(
        check(harbour.root), "opened", 1, "elided", span=Span(segments[0].start, segments[1].end), segments=segments
    )
    pages = render_site(report)
    assert "matches, with parts left out" in _page(pages, "sheets/harbour.md").text
    marks = re.findall(
        r'<mark( id="[^"]+")? class="[^"]+" data-cites="([^"]+)">([^<]*)</mark>', pages["sources/harbour.md"]
    )
    kept = [(mark_id, words) for mark_id, keys, words in marks if "cite--harbour--opened--1" in keys.split()]
    assert [words for _, words in kept] == ["The harbour opened", "Its first master"]
    assert kept[0][0] == ' id="cite--harbour--opened--1"'


def test_source_page_gives_coverage_and_exports(harbour):
    page = _page(render_site(check(harbour.root)), "sources/harbour.md")
    assert "of the text is cited, by 4 citations from 3 facts" in page.text
    assert "harbour.txt" in page.links and "../annotations/harbour.jsonld" in page.links


def test_source_page_without_metadata_starts_with_its_title_and_coverage(project):
    project.source("bare", "Just some words.\n")
    project.sheet(
        "s",
        """
        title: S
        facts:
          - id: f
            statement: Words.
            citations:
              - source: bare
                quote: some words
    """,
    )
    lines = render_site(check(project.root))["sources/bare.md"].splitlines()
    assert lines[0] == "# Just some words&#46;"
    assert lines[1] == "" and lines[2].startswith("**"), lines[:4]


def test_source_page_lists_citing_facts_in_text_order(harbour):
    page = _page(render_site(check(harbour.root)), "sources/harbour.md")
    cited_by = page.links[page.links.index("../sheets/harbour.md#opened") :]
    facts = [link for link in cited_by if link.startswith("../sheets/") and "sb-backref" not in link]
    assert facts.index("../sheets/people.md#ann-lee") > facts.index("../sheets/harbour.md#opened")


def test_related_facts_link_both_ways_and_each_once(harbour):
    pages = render_site(check(harbour.root))
    people = _page(pages, "sheets/people.md")
    harbour_page = _page(pages, "sheets/harbour.md")
    assert "harbour.md#opened" in people.links and "harbour.md" in people.links
    assert harbour_page.links.count("people.md#ann-lee") == 1  # related and referring: listed once
    harbour.sheet(
        "more",
        """
        title: More
        facts:
          - id: m
            statement: More on Ann Lee.
            citations:
              - source: harbour
                quote: Ann Lee wrote
            related: [people#ann-lee]
    """,
    )
    people = _page(render_site(check(harbour.root)), "sheets/people.md")
    assert "Referenced by" in people.text and "more.md#m" in people.links


def test_tags_have_pages_and_an_index(harbour):
    pages = render_site(check(harbour.root))
    assert "tags/history.md" in pages and "tags/dates.md" in pages
    index = _page(pages, "tags/index.md")
    assert {"history.md", "dates.md"} <= set(index.links)
    assert "../sheets/harbour.md#opened" in _page(pages, "tags/dates.md").links
    assert "../tags/history.md" in _page(pages, "sheets/harbour.md").links


def test_edit_links_point_at_the_record_line(harbour):
    report = check(harbour.root)
    page = _page(render_site(report, EDITABLE), "sheets/harbour.md")
    fact = report.project.sheet("harbour").fact("whalers")
    assert f"https://github.com/o/r/edit/main/factsheets/harbour.yml#L{fact.line}" in page.links
    assert "Edit this fact" in page.text
    assert "Edit this fact" not in _page(render_site(report), "sheets/harbour.md").text


def test_edit_url_joins_like_mkdocs():
    assert edit_url(EDITABLE, "factsheets/x.yml", 14) == "https://github.com/o/r/edit/main/factsheets/x.yml#L14"
    assert (
        edit_url(SiteSettings(repo_url="https://github.com/o/r/", edit_uri="blob/main"), "factsheets/x.yml", 3)
        == "https://github.com/o/r/blob/main/factsheets/x.yml#L3"
    )
    assert (
        edit_url(SiteSettings(repo_url="https://x.org/r", edit_uri="https://y.org/edit/"), "a b.yml")
        == "https://y.org/edit/a%20b.yml"
    )
    assert edit_url(SiteSettings(repo_url="https://github.com/o/r"), "x.yml", 1) is None
    assert edit_url(SiteSettings(repo_url="javascript:alert(1)", edit_uri="x/"), "x.yml", 1) is None


def test_settings_are_read_from_extra_not_from_mkdocs_own_keys():
    config = {
        "repo_url": "https://github.com/a/b",
        "edit_uri": "edit/x/",
        "site_url": "https://e.org/",
        "use_directory_urls": False,
        "extra": {"site_builder": {"repo_url": "https://github.com/o/r", "edit_uri": "edit/main/"}},
    }
    assert SiteSettings.from_config(config) == SiteSettings(
        "https://e.org/", False, "https://github.com/o/r", "edit/main/"
    )
    assert SiteSettings.from_config({"repo_url": "https://github.com/a/b", "edit_uri": "edit/x/"}) == SiteSettings()
    assert SiteSettings.from_config({"extra": {"site_builder": "nonsense"}}) == SiteSettings()


def test_coverage_counts_each_cited_character_once():
    assert merged([(5, 8), (0, 3), (2, 4), (8, 9), (7, 7)]) == [(0, 4), (5, 9)]
    assert cited_share("ab cd", [(0, 2)]) == 0.5  # white space is not counted
    assert cited_share("abcd", [(0, 2), (1, 3)]) == 0.75
    assert cited_share("   ", [(0, 2)]) == 0.0
    assert [percent(x) for x in (0, 0.001, 0.62, 0.999, 1)] == ["0%", "<1%", "62%", ">99%", "100%"]


# Accepted warnings -----------------------------------------------------------------------------


def test_warnings_page_says_when_there_are_none(harbour):
    pages = render_site(check(harbour.root))
    assert "There are none" in _page(pages, "warnings.md").text
    home = _page(pages, "index.md")
    assert "warnings.md" in home.links and "facts.json" in home.links


def test_warnings_page_lists_every_warning_with_its_fact(harbour):
    harbour.sheet(
        "twice",
        """
        title: Twice
        facts:
          - id: master
            statement: Ann Lee is named twice.
            citations:
              - source: harbour
                quote: Ann Lee
    """,
    )
    report = check(harbour.root)
    assert report.warnings == 2  # ambiguous, and too short
    pages = render_site(report, EDITABLE)
    page = _page(pages, "warnings.md")
    assert {"warning-1", "warning-2"} <= page.ids
    assert "quote-ambiguous" in page.text and "factsheets/twice.yml:7:" in page.text
    assert "quote-too-short" in page.text
    assert "sheets/twice.md#master" in page.links
    assert any(link.startswith("https://github.com/o/r/edit/main/factsheets/twice.yml#L7") for link in page.links)
    sheet = _page(pages, "sheets/twice.md")
    assert "../warnings.md#warning-1" in sheet.links


def _counts(pages) -> str:
    html = markdown_to_html(pages["index.md"])
    paragraph = re.search(r'<p class="sb-counts">(.*?)</p>', html, re.S)
    assert paragraph, "the home page shows its counts"
    return " ".join(Page(paragraph[1]).text.split())


def test_home_page_counts_read_right_in_the_singular_and_the_plural(project):
    project.source("ship", "The ship sailed at dawn with all hands.")
    project.fact_sheet("ships", ("ship", "sailed at dawn with all hands"))
    assert _counts(render_site(check(project.root))) == "1 fact sheet · 1 fact · 1 citation · 1 source · 0 tags"
    project.source("port", "The port opened in the spring of that year.")
    project.fact_sheet("ports", ("port", "opened in the spring"), ("ship", "with all hands"))
    assert _counts(render_site(check(project.root))) == "2 fact sheets · 2 facts · 3 citations · 2 sources · 0 tags"


def test_generation_never_writes_through_a_link_in_the_docs_folder(harbour, tmp_path):
    """A link committed into a generated folder cannot carry a page outside it."""
    from site_builder.atomic import UnsafeWrite

    docs = tmp_path / "docs"
    outside = tmp_path / "outside"
    outside.mkdir()
    generate(check(harbour.root), docs)
    shutil.rmtree(docs / "sheets")
    (docs / "sheets").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafeWrite, match="symbolic link"):
        generate(check(harbour.root), docs)
    assert not list(outside.iterdir())


def test_a_docs_folder_that_is_a_link_is_refused(harbour, tmp_path):
    from site_builder.atomic import UnsafeWrite

    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "docs").symlink_to(outside, target_is_directory=True)
    with pytest.raises(UnsafeWrite, match="symbolic link"):
        generate(check(harbour.root), tmp_path / "docs")
    assert not list(outside.iterdir())


def test_a_stray_link_in_a_generated_folder_is_removed_not_followed(harbour, tmp_path):
    docs = tmp_path / "docs"
    generate(check(harbour.root), docs)
    (docs / "stray.md").symlink_to(harbour.root / "seeds" / "harbour.txt")
    generate(check(harbour.root), docs)
    assert not (docs / "stray.md").is_symlink() and (harbour.root / "seeds" / "harbour.txt").is_file()
