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
    assert locate("printed on demand by an inspector", SourceText(text)).normalizations == ("hyphenation",)


@pytest.mark.parametrize("quote", ["a mixed-mode run", "a mixedmode run", "a mixed- mode run", "a mixed-\nmode run"])
def test_a_compound_split_at_its_hyphen_matches_written_either_way(quote):
    text = "It was a mixed-\nmode run of the model."
    match = locate(quote, SourceText(text))
    assert match.found
    assert text[match.span.start : match.span.end] == "a mixed-\nmode run"


def test_a_word_hyphenated_at_a_line_end_matches_a_quote_folded_by_yaml():
    # discov-⏎ered in a YAML quote over two lines is read as "discov- ered".
    text = "The comet was discov-\nered in 1997."
    match = locate("was discov- ered in 1997", SourceText(text))
    assert match.found
    assert match.normalizations == ("line-break-after-hyphen",)


def test_the_hyphen_kept_is_named_as_its_own_rule():
    match = locate("mixed-mode", SourceText("a mixed-\nmode run"))
    assert match.normalizations == ("line-break-after-hyphen",)


def test_a_quoted_hyphen_does_not_match_a_source_without_a_line_break():
    assert not locate("a well-known fact", SourceText("It is a wellknown fact.")).found
    assert not locate("a well-known fact", SourceText("It is a well known fact.")).found
