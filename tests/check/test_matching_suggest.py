import random

from site_builder.check.matching import SourceText, locate
from site_builder.check.matching.suggest import word_diff

TEXT = (
    "In these audio recordings, Russian soldiers denigrated North Korean troops, "
    "code-named “K Battalion.” One Russian soldier referred to the North Koreans "
    "using a derogatory term.\n"
    "Initially, the Kremlin denied the presence of North Korean troops, but during a "
    "summit in Kazan on the 24th, the president did not refute the reports.\n"
)


def test_suggestion_is_the_closest_passage_in_whole_words():
    match = locate("the Kremlin refused the presence of South Korean troops", SourceText(TEXT))
    assert match.status == "not-found"
    suggestion = match.suggestion
    assert suggestion.text == "the Kremlin denied the presence of North Korean troops"
    assert TEXT[suggestion.start : suggestion.end] == suggestion.text
    assert 80 < suggestion.score < 100
    assert suggestion.diff == ("the Kremlin [-refused-] {+denied+} the presence of [-South-] {+North+} Korean troops")


def test_diff_shows_changed_punctuation_and_keeps_equal_quotes():
    match = locate("troops, code-named “K Battalion”", SourceText(TEXT))
    assert match.suggestion.diff == "troops, code-named “K [-Battalion”-] {+Battalion.”+}"
    assert word_diff('said "hi" there', "said “hi” there") == "said “hi” there"


def test_suggestion_maps_back_through_normalized_text():
    text = TEXT.replace("\n", "\r\n").replace("denigrated", "denigrated\u00a0 ")
    match = locate("Russian soldiers insulted North Korean troops", SourceText(text))
    assert text[match.suggestion.start : match.suggestion.end] == match.suggestion.text
    assert match.suggestion.text.startswith("Russian soldiers denigrated")


def test_suggestion_for_a_quote_longer_than_the_source():
    source = SourceText("a short source text")
    match = locate("a short source text that goes on and on far beyond the end of it", source)
    assert match.suggestion.text == "a short source text"


def test_no_suggestion_without_anything_to_compare():
    assert locate("anything at all", SourceText("")).suggestion is None
    assert locate("anything at all", SourceText(" \r\n ")).suggestion is None
    assert locate("…", SourceText(TEXT)).suggestion is None


def test_elided_quote_not_found_gets_a_suggestion_without_markers():
    match = locate("the Kremlin denied … Korean soldiers", SourceText(TEXT))
    assert match.status == "not-found"
    assert match.suggestion.text.startswith("the Kremlin denied the presence")


def test_many_wrong_quotes_in_a_large_source_each_get_a_suggestion():
    """The bounded search answers every quote; its timings are in benchmarks/matching.py."""
    rng = random.Random(7)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9))) for _ in range(3000)]
    words = rng.choices(vocabulary, k=350_000)
    source = SourceText(" ".join(words))
    assert len(source.text) > 2_000_000
    quotes = [" ".join(rng.choices(vocabulary, k=rng.randint(3, 40))) for _ in range(100)]
    awkward = ["", "x", "a" * 5000, "[…]" * 50, "… " * 200, "ab … cd … ef"]
    for quote in quotes:
        match = locate(quote, source)
        assert match.status == "not-found" and match.suggestion is not None
    for quote in awkward:
        assert locate(quote, source).status in ("exact", "normalized", "elided", "not-found")


def test_an_inserted_word_does_not_lengthen_the_passage():
    match = locate("the Kremlin denied the actual presence of North Korean troops,", SourceText(TEXT))
    assert match.suggestion.text == "the Kremlin denied the presence of North Korean troops,"
    assert match.suggestion.departure == (23, "actual")  # the word the source lacks


def test_a_left_out_word_does_not_shorten_the_passage():
    match = locate("the Kremlin denied the of North Korean troops,", SourceText(TEXT))
    assert match.suggestion.text == "the Kremlin denied the presence of North Korean troops,"
    assert match.suggestion.departure == (23, "of")


def test_the_first_difference_is_the_changed_word_across_line_breaks_and_double_spaces():
    text = "It was said that the\r\n  harbour  opened in 1851 after years\nof delay and doubt."
    quote = "the harbour opened in 1852 after years of delay"
    match = locate(quote, SourceText(text))
    assert match.suggestion.text == "the\r\n  harbour  opened in 1851 after years\nof delay"
    assert match.suggestion.departure == (quote.index("1852"), "1852")


def test_a_chinese_quote_with_one_wrong_character_gets_its_passage_in_characters():
    text = "第一段。北京是中华人民共和国的首都，也是全国的政治中心和文化中心。上海是最大的城市。"
    quote = "北京是中华人民共和国的首府，也是全国的政治中心和文化中心"
    match = locate(quote, SourceText(text))
    assert match.suggestion.text == "北京是中华人民共和国的首都，也是全国的政治中心和文化中心"
    assert match.suggestion.score > 90
    assert match.suggestion.diff == "北京是中华人民共和国的首[-府-]{+都+}，也是全国的政治中心和文化中心"
    assert match.suggestion.departure == (quote.index("府"), "府")


def test_a_wrong_quote_in_a_large_source_finds_its_passage_through_the_index_of_words():
    rng = random.Random(3)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9))) for _ in range(5000)]
    words = rng.choices(vocabulary, k=200_000)
    source = SourceText(" ".join(words))
    for at in (1000, 150_000):
        true = " ".join(words[at : at + 12])
        wrong = " ".join(words[at : at + 5] + ["qqqzz"] + words[at + 6 : at + 12])
        match = locate(wrong, source)
        assert match.suggestion.text == true
    assert "word_index" in source.__dict__  # built once, by the first wrong quote


def test_the_last_word_stays_in_the_passage_when_only_its_comma_differs():
    source = SourceText("Before it came in pyproject toml the pdf's own results are read, calls as a, quote and more.")
    match = locate("the id own results are read, calls as a", source)
    assert match.suggestion.text == "the pdf's own results are read, calls as a"
    assert match.suggestion.diff == "the [-id-] {+pdf's+} own results are read, calls as a"


def test_a_changed_number_at_either_end_of_the_quote_stays_in_the_passage():
    source = SourceText("In the first year the council met often. The harbour opened in 1851 after years of delay.")
    assert locate("The harbour opened in 1920", source).suggestion.text == "The harbour opened in 1851"
    assert locate("1920 after years of delay", source).suggestion.text == "1851 after years of delay"
