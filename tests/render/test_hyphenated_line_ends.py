"""A word a PDF hyphenated at a line end reads on the source page as the page prints it, joined up."""

from __future__ import annotations

import pytest

from htmltools import Page, markdown_to_html
from site_builder.check.run import check
from site_builder.render.pages import render_site

TEXT = "Fast infer-\nence needs opti-\nmized code.\n\nA well-\nknown trick is used,\nand a short one.\n"


@pytest.mark.parametrize(
    "quote", [None, "Fast inference needs optimized code.", "inference needs", "opti-\nmized", "A well-known trick"]
)
def test_the_hyphen_stays_and_no_space_follows_it(project, quote):
    project.source("paper", TEXT)
    if quote is not None:
        project.fact_sheet("notes", ("paper", quote))
    else:
        project.fact_sheet("notes", ("paper", "and a short one."))
    page = Page(markdown_to_html(render_site(check(project.root))["sources/paper.md"]))
    assert page.unbalanced == []
    text = " ".join(page.text.split())
    for word in ("infer-ence", "opti-mized", "well-known"):
        assert word in text
    assert "- " not in text
    assert "used, and" in text  # any other line break reads as a space
