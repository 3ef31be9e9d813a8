"""The metadata add-source writes, read back: pages that must agree with the text, the original."""

from __future__ import annotations

from site_builder.load.project import load_project

DIGEST = "ab" * 32


def test_the_metadata_of_a_paged_source_is_read(project):
    project.source(
        "notice",
        "Page one.\n\f\nPage two.\n",
        meta=f"""\
        title: Notice
        author: Harbour Safety Commission
        retrieved: "2024-06-04"
        pages: 2
        page_labels: [iv, v]
        original: {{name: notice.pdf, media_type: application/pdf, sha256: {DIGEST}}}
        """,
    )
    (project.root / "seeds" / "originals").mkdir()
    (project.root / "seeds" / "originals" / "notice.pdf").write_bytes(b"%PDF-")
    loaded, problems = load_project(project.root)
    assert problems == []
    source = loaded.sources["notice"]
    assert source.meta.author == "Harbour Safety Commission" and source.meta.retrieved == "2024-06-04"
    assert source.meta.page_labels == ("iv", "v")
    assert source.meta.original is not None and source.meta.original.sha256 == DIGEST
    assert source.original_file == "seeds/originals/notice.pdf"
    assert source.page_of(source.text.text.index("two")) == (2, "v")


def test_pages_that_disagree_with_the_text_are_an_error_at_the_count(project):
    project.source("notice", "Page one.\n\f\nPage two.\n", meta="title: Notice\npages: 3\n")
    _, problems = load_project(project.root)
    assert [(x.code, x.file, x.line) for x in problems] == [("source-invalid", "seeds/notice.yml", 2)]
    assert "pages: 3, but the text has 2" in problems[0].message


def test_page_labels_must_name_each_page_once(project):
    project.source("notice", "Page one.\n\f\nPage two.\n", meta="pages: 2\npage_labels: [i]\n")
    _, problems = load_project(project.root)
    assert [x.code for x in problems] == ["source-invalid"]
    assert "page_labels names 1 pages, but pages is 2" in problems[0].message


def test_a_kept_original_must_be_a_file_inside_originals(project, tmp_path):
    outside = tmp_path / "elsewhere.pdf"
    outside.write_bytes(b"%PDF-")
    project.source(
        "notice", "Text.\n", meta=f"original: {{name: n.pdf, media_type: application/pdf, sha256: {DIGEST}}}\n"
    )
    (project.root / "seeds" / "originals").mkdir()
    (project.root / "seeds" / "originals" / "notice.pdf").symlink_to(outside)
    loaded, _ = load_project(project.root)
    assert loaded.sources["notice"].original_file is None
