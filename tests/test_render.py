"""Generated Markdown: user text stays literal text, highlights stay valid HTML."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from htmltools import Page, markdown_to_html
from site_builder.generate import check
from site_builder.render.escape import inline
from site_builder.render.highlight import Passage, split
from site_builder.render.pages import render_site

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


def test_overlapping_highlights_split_into_flat_pieces():
    paragraphs = ((0, 10), (12, 20))
    passages = [Passage("a", ((2, 15),)), Passage("b", ((4, 6), (13, 14)))]
    pieces = [[(p.start, p.end, p.covered_by, p.opens, p.closes) for p in para] for para in split(paragraphs, passages)]
    assert pieces == [
        [(0, 2, (), (), ()), (2, 4, ("a",), ("a",), ()), (4, 6, ("a", "b"), ("b",), ()), (6, 10, ("a",), (), ())],
        [(12, 13, ("a",), (), ()), (13, 14, ("a", "b"), (), ("b",)), (14, 15, ("a",), (), ("a",)),
         (15, 20, (), (), ())],
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
    project.sheet("evil", f"""
        title: "{evil.replace('"', "'")}"
        summary: "{evil}"
        facts:
          - id: payload
            statement: "{evil}"
            citations:
              - source: evil
                quote: "{evil} is the payload"
    """)
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
    assert {"cite--harbour--opened--1", "cite--harbour--whalers--1",
            "cite--people--ann-lee--1", "cite--people--ann-lee--2"} <= page.ids
    assert "../sheets/people.md#ann-lee" in page.links
    assert page.tags.count("mark") >= 4
    assert page.unbalanced == []
