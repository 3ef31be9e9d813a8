from site_builder.check.matching import SourceText, locate
from site_builder.model import Span

TEXT = (
    "The regiment left the city at dawn. They were sent north\r\n"
    "along the river, where the bridges had been destroyed.\r\n"
    "\r\n"
    "The second paragraph tells how they crossed the river at night.\r\n"
)


def segment_texts(match):
    return [TEXT[s.start : s.end] for s in match.segments]


def test_elided_segments_in_order_pass():
    source = SourceText(TEXT)
    for marker in ("…", "...", "[…]", "[...]"):
        match = locate(f"The regiment left the city {marker} sent north along the river", source)
        assert match.status == "elided", marker
        assert segment_texts(match) == ["The regiment left the city", "sent north\r\nalong the river"]
        assert match.span == Span(0, TEXT.index("along the river") + len("along the river"))
        assert match.normalizations == ("whitespace",)
        assert match.insertions == ()


def test_elided_segments_out_of_order_fail():
    match = locate("sent north … The regiment left", SourceText(TEXT))
    assert match.status == "not-found"


def test_elided_segments_across_paragraphs_fail():
    match = locate("the bridges had been destroyed … The second paragraph", SourceText(TEXT))
    assert match.status == "not-found"


def test_elision_needs_no_normalization_when_segments_are_verbatim():
    match = locate("left the city … They were sent", SourceText(TEXT))
    assert match.status == "elided"
    assert match.normalizations == ()


def test_an_ellipsis_in_the_source_is_not_an_elision():
    text = "He paused... and then spoke. He paused and then spoke."
    match = locate("He paused... and then spoke.", SourceText(text))
    assert match.status == "exact"
    match = locate("He paused… and then spoke.", SourceText(text))
    assert match.status == "normalized"
    assert match.normalizations == ("ellipsis",)
    assert match.span.start == 0


def test_elided_segments_start_and_end_on_words_next_to_spaced_markers():
    # "he" must not match inside "where" or "the".
    match = locate("The regiment … he", SourceText(TEXT))
    assert match.status == "not-found"


def test_marker_glued_to_a_word_allows_a_partial_word():
    match = locate("The regiment left the ci…", SourceText(TEXT))
    assert match.status == "elided"
    assert segment_texts(match) == ["The regiment left the ci"]


def test_bracketed_insertion_replacing_words():
    match = locate("[The soldiers] were sent north", SourceText(TEXT))
    assert match.status == "elided"
    assert match.insertions == ("[The soldiers]",)
    assert segment_texts(match) == ["were sent north"]


def test_bracketed_sic_and_elision_together():
    match = locate("the city at dawn [sic] … where the bridges", SourceText(TEXT))
    assert match.status == "elided"
    assert match.insertions == ("[sic]",)
    assert segment_texts(match) == ["the city at dawn", "where the bridges"]


def test_replaced_initial_letter_must_match_the_rest_of_the_word():
    source = SourceText(TEXT)
    match = locate("[t]hey were sent north", source)
    assert match.status == "normalized"
    assert match.insertions == ("[t]",)
    assert TEXT[match.span.start : match.span.end] == "They were sent north"
    assert locate("[t]hem were sent north", source).status == "not-found"


def test_replaced_initial_inside_a_quote():
    match = locate("at dawn. [t]hey were sent … destroyed", SourceText(TEXT))
    assert match.status == "elided"
    assert match.insertions == ("[t]",)
    assert segment_texts(match) == ["at dawn. They were sent", "destroyed"]


def test_insertion_is_rejected_where_the_rest_does_not_match():
    match = locate("[The soldiers] were sent south", SourceText(TEXT))
    assert match.status == "not-found"
    assert match.insertions == ("[The soldiers]",)


def test_a_quote_of_only_markers_is_not_found():
    assert locate("… […]", SourceText(TEXT)).status == "not-found"


def test_elided_quote_with_normalized_segment():
    match = locate("they crossed the river … night.", SourceText(TEXT.replace("river at", "river at\u00a0")))
    assert match.status == "elided"


def test_a_bracketed_index_is_compared_where_the_source_has_brackets():
    source = SourceText("On compare (der[0]..der[ans len-1]) avec la table.")
    assert locate("On compare (der[3]..der[ans len-1]) avec", source).status == "not-found"
    assert locate("On compare (der[0]..der[ans len-1]) avec", source).status == "exact"


def test_a_leading_footnote_marker_is_compared_where_the_source_has_one():
    source = SourceText("[4] accèdent très peu aux revues savantes.")
    assert locate("[5] accèdent très peu aux revues", source).status == "not-found"
    assert locate("[4] accèdent très peu aux revues", source).status == "exact"


def test_a_footnote_marker_inside_a_quote_is_compared_where_the_source_has_one():
    source = SourceText("Le travail « scientifique » [1]. Plus tard, il revint.")
    assert locate("« scientifique » [4]. Plus tard", source).status == "not-found"


def test_an_insertion_never_stands_for_a_digit_of_the_source():
    source = SourceText("The fire was first lit on 2 March by the guards.")
    assert locate("lit on [1] March by", source).status == "not-found"
    assert locate("The fire was [not] first lit on", source).status == "elided"


def test_a_suffix_chooses_a_later_end_of_an_elided_quote():
    text = "The report was sent on Monday, revised on Tuesday, and revised again on Friday."
    match = locate("The report was sent … revised", SourceText(text), suffix="again on Friday")
    assert match.status == "elided"
    assert match.span == Span(0, text.index(" again on Friday"))


def test_the_chinese_ellipsis_leaves_words_out_of_a_wrapped_chinese_source():
    text = "近年来，中国经济\n持续快速发展，人民生活水平\n不断提高。\n\n下一段。"
    match = locate("中国经济……人民生活水平不断提高", SourceText(text))
    assert match.status == "elided"
    assert [text[s.start : s.end] for s in match.segments] == ["中国经济", "人民生活水平\n不断提高"]


def test_the_chinese_ellipsis_spans_a_line_wrapped_inside_a_sentence():
    text = "近年来，中国经济\n持续快速发展，人民生活水平\n不断提高。"
    match = locate("中国经济……人民生活水平不断提高", SourceText(text))
    assert match.status == "elided"


def test_an_elided_quote_whose_last_part_ends_at_two_places_its_suffix_fits_is_ambiguous():
    text = "prefix1 target suffix1 prefix2 target suffix2 prefix1 target suffix2"
    match = locate("target [...] target", SourceText(text), prefix="prefix1", suffix="suffix2")
    assert match.status == "elided" and match.span == Span(8, 37)
    assert len(match.occurrences) == 2 and match.occurrences[1] == Span(8, 60)


def test_an_elided_quote_whose_parts_stand_in_different_paragraphs_is_offered_the_whole_passage():
    source = SourceText("This is a test.\n\nA list item.\n\nAnd another one.\n")
    match = locate("is a test […] And another one", source)
    assert match.status == "not-found" and match.suggestion is not None
    assert match.suggestion.text == "is a test.\n\nA list item.\n\nAnd another one"
    pasted = locate(" ".join(match.suggestion.text.split()), source)
    assert pasted.status == "normalized"
