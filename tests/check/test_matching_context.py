from site_builder.check.matching import SourceText, locate, shortest_unique_prefix

TEXT = (
    "In the north, the army advanced.\r\n"
    "In the south, the army advanced\u00a0slowly.\r\n"
    "Later, “the army advanced” again."
)


def test_prefix_resolves_an_ambiguous_quote():
    source = SourceText(TEXT)
    assert len(locate("the army advanced", source).occurrences) == 3
    match = locate("the army advanced", source, prefix="In the south,")
    assert match.status == "exact"
    assert match.occurrences == (match.span,)
    assert match.span.start == TEXT.index("the army advanced\u00a0slowly")


def test_prefix_is_compared_normalized_and_tolerates_white_space_at_the_junction():
    source = SourceText(TEXT)
    match = locate("the army advanced", source, prefix='Later, "')
    assert match.span.start == TEXT.index("the army advanced”")
    match = locate("the army advanced", source, prefix="north, ")
    assert match.span.start == TEXT.index("the army advanced")


def test_suffix_resolves_an_ambiguous_quote():
    match = locate("the army advanced", SourceText(TEXT), suffix="slowly")
    assert match.span.start == TEXT.index("the army advanced\u00a0slowly")


def test_prefix_and_suffix_together():
    source = SourceText(TEXT)
    assert len(locate("the army advanced", source, prefix=",").occurrences) == 2
    match = locate("the army advanced", source, prefix=",", suffix="slowly.")
    assert match.span.start == TEXT.index("the army advanced\u00a0slowly")
    assert len(match.occurrences) == 1
    match = locate("the army advanced", source, prefix="“", suffix="slowly.")
    assert match.status == "not-found"
    assert match.problem.startswith("the quote occurs at 3:9 but the suffix does not match")


def test_prefix_mismatch_is_not_found_with_a_clear_problem():
    source = SourceText(TEXT)
    match = locate("army advanced slowly", source, prefix="In the north,")
    assert match.status == "not-found"
    assert match.span is None
    assert len(match.occurrences) == 1
    assert match.problem == (
        "the quote occurs at 2:19 but the prefix does not match there "
        "(the text before it is “advanced. In the south, the”)"
    )


def test_prefix_mismatch_with_several_occurrences():
    match = locate("the army advanced", SourceText(TEXT), prefix="In the west,")
    assert match.status == "not-found"
    assert len(match.occurrences) == 3
    assert match.problem.startswith("the quote occurs at 1:15, 2:15 and 3:9 but the prefix matches at none")


def test_suffix_mismatch_is_not_found_with_a_clear_problem():
    match = locate("In the north,", SourceText(TEXT), suffix="the navy")
    assert match.status == "not-found"
    assert match.problem == (
        "the quote occurs at 1:1 but the suffix does not match there (the text after it is “the army advanced.”)"
    )


def test_context_applies_to_normalized_and_elided_matches():
    source = SourceText(TEXT)
    match = locate("the  army advanced", source, suffix='" again')
    assert match.status == "normalized"
    assert match.span.start == TEXT.index("the army advanced”")
    match = locate("the … advanced", source, prefix="south,")
    assert match.status == "elided"
    assert match.span.start == TEXT.index("the army advanced\u00a0slowly")


def test_shortest_unique_prefix_grows_word_by_word():
    source = SourceText(TEXT)
    match = locate("the army advanced", source)
    first, second, third = match.occurrences
    assert shortest_unique_prefix(source, first, match.occurrences) == "north,"
    assert shortest_unique_prefix(source, second, match.occurrences) == "south,"
    assert shortest_unique_prefix(source, third, match.occurrences) == "“"
    # The prefixes it returns resolve the quote.
    for span in match.occurrences:
        prefix = shortest_unique_prefix(source, span, match.occurrences)
        assert locate("the army advanced", source, prefix=prefix).occurrences == (span,)


def test_shortest_unique_prefix_needs_more_words_when_the_last_one_is_shared():
    text = "one red fox. two red fox. one red fox again"
    source = SourceText(text)
    spans = locate("fox", source).occurrences
    assert shortest_unique_prefix(source, spans[0], spans) is None  # "one red" again later
    assert shortest_unique_prefix(source, spans[1], spans) == "two red"
    assert shortest_unique_prefix(source, spans[2], spans) == "fox. one red"


def test_shortest_unique_prefix_without_any_text_before():
    source = SourceText("fox and fox")
    spans = locate("fox", source).occurrences
    assert shortest_unique_prefix(source, spans[0], spans) is None
    assert shortest_unique_prefix(source, spans[1], spans) == "and"


def test_a_prefix_starts_on_a_word_boundary():
    source = SourceText("An unknown quick fox met a known quick cat.")
    match = locate("quick", source, prefix="known")
    assert match.span.start == source.text.index("quick cat")
    assert match.occurrences == (match.span,)


def test_a_suffix_ends_on_a_word_boundary():
    source = SourceText("A quick foxes ran; a quick fox sat.")
    match = locate("quick", source, suffix="fox")
    assert match.span.start == source.text.index("quick fox sat")
    assert match.occurrences == (match.span,)


def test_a_prefix_that_is_only_the_end_of_a_word_matches_nowhere():
    match = locate("quick", SourceText("An unknown quick fox."), prefix="known")
    assert not match.found


def test_a_quote_cut_inside_words_is_suggested_where_its_prefix_names():
    match = locate("agon", SourceText("Pentagons, Hexagons, Heptagons"), prefix="Hex")
    assert match.status == "not-found" and match.inside_word
    assert match.suggestion is not None and match.suggestion.text == "Hexagons"


def test_where_the_context_fits_only_a_place_in_other_letter_case_that_place_is_suggested():
    match = locate("a list", SourceText("This is a test. A list item. Not a list."), prefix="test.")
    assert match.status == "not-found" and match.problem is not None
    assert match.suggestion is not None and match.suggestion.start == 16 and match.suggestion.text == "A list"
