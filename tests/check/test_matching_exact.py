from site_builder.check.matching import SourceText, locate
from site_builder.model import Match, Span

TEXT = "The cat sat.\r\nThe cat ran.\rA dog\nbarked at the cat."


def test_exact_match_reports_first_span_and_all_occurrences():
    source = SourceText(TEXT)
    match = locate("The cat", source)
    assert match.status == "exact"
    assert match.span == Span(0, 7)
    assert match.occurrences == (Span(0, 7), Span(14, 21))
    assert match.normalizations == ()
    assert match.found and match.located and match.ambiguous


def test_exact_span_is_the_quote_with_crlf_and_cr_line_endings():
    source = SourceText(TEXT)
    for quote in ("cat ran.\rA dog", "sat.\r\nThe", "barked at the cat."):
        match = locate(quote, source)
        assert match.status == "exact"
        assert TEXT[match.span.start : match.span.end] == quote


def test_overlapping_occurrences_are_all_listed():
    match = locate("a b a", SourceText("a b a b a b a"))
    assert match.occurrences == (Span(0, 5), Span(4, 9), Span(8, 13))


def test_case_is_never_normalized():
    match = locate("the Cat sat", SourceText(TEXT))
    assert match.status == "not-found"


def test_empty_quote_is_not_found_with_a_problem():
    for quote in ("", "   \n", "\u200b\u00a0"):
        match = locate(quote, SourceText(TEXT))
        assert match.status == "not-found"
        assert match.problem == "the quote is empty"
        assert not match.found


def test_empty_source_finds_nothing_and_suggests_nothing():
    match = locate("some words here", SourceText(""))
    assert match.status == "not-found"
    assert match.suggestion is None


def test_results_are_frozen():
    match = locate("The cat", SourceText(TEXT))
    assert isinstance(match, Match)
    for obj in (match, match.span):
        try:
            obj.start = 3  # type: ignore[misc]
        except AttributeError:
            continue
        raise AssertionError("dataclass is not frozen")


def test_white_space_around_a_quote_does_not_make_it_ambiguous():
    source = SourceText("The quick brown fox.")
    match = locate(" quick brown ", source)
    assert match.found and not match.ambiguous
    assert len(match.occurrences) == 1
