"""A word hyphenated across a line end, as PDFs print it, matches the whole word."""

import pytest

from site_builder.check.matching import SourceText, locate

PDF_LINES = "Commenters said that an annual inspection would be dif-\nficult for small ports to arrange."


def test_a_word_split_at_a_line_end_matches_the_whole_word():
    match = locate("an annual inspection would be difficult for small ports", SourceText(PDF_LINES))
    assert match.status == "normalized"
    assert match.normalizations == ("hyphenation",)
    assert PDF_LINES[match.span.start : match.span.end].endswith("dif-\nficult for small ports")


@pytest.mark.parametrize("hyphen", ["-", "\u2010"])
@pytest.mark.parametrize("line_end", ["\n", "\r\n", " \n  ", "\n\f\n"])
def test_any_hyphen_and_any_line_end_even_a_page_break(hyphen, line_end):
    text = f"the task is dif{hyphen}{line_end}ficult in remote areas"
    match = locate("the task is difficult in remote areas", SourceText(text))
    assert match.found
    assert "hyphenation" in match.normalizations


def test_a_hyphen_inside_a_line_is_not_dropped():
    match = locate("a wellknown fact", SourceText("It is a well-known fact."))
    assert not match.found


def test_a_hyphen_before_a_number_or_a_space_is_kept():
    assert not locate("pages 1214 of the report", SourceText("pages 12-\n14 of the report")).found
    assert not locate("pre and post-war years", SourceText("pre-\n and post-war years")).found


def test_the_split_word_is_read_as_one_word():
    text = "printed on de-\nmand by an inspector"
    assert not locate("printed on de- mand by an inspector", SourceText(text)).found
    assert locate("printed on demand by an inspector", SourceText(text)).normalizations == ("hyphenation",)
