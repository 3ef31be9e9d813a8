"""Pages of a source: a line holding a form feed between two pages, every offset on one page."""

from site_builder.check.matching import SourceText, locate
from site_builder.text.pages import PAGE_BREAK, page_at, page_starts

PAGES = ["First page, first paragraph.\n\nIt ends on this", "page and goes on here.", "Third page."]
TEXT = PAGE_BREAK.join(PAGES) + "\n"


def test_every_offset_maps_to_its_page():
    starts = page_starts(TEXT)
    assert len(starts) == 3
    for number, page in enumerate(PAGES, start=1):
        at = TEXT.index(page)
        assert page_at(starts, at) == number
        assert page_at(starts, at + len(page) - 1) == number
    assert page_at(starts, TEXT.index("\f")) == 1  # the form feed ends its page
    assert page_at(page_starts("no pages"), 5) == 1


def test_a_page_break_is_a_paragraph_break_and_white_space_for_quotes():
    text = SourceText(TEXT)
    paragraphs = [TEXT[a:b] for a, b in text.paragraphs]
    assert paragraphs == ["First page, first paragraph.", "It ends on this", "page and goes on here.", "Third page."]
    match = locate("It ends on this page and goes on", text)
    assert match.found and match.normalizations == ("whitespace",)


def test_a_form_feed_does_not_count_as_a_line():
    text = SourceText(TEXT)
    assert text.line_col(TEXT.index("Third")) == (7, 1)
