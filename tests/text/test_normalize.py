import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.check.matching import NORMALIZATIONS, SourceText, locate
from site_builder.model import Span
from site_builder.text import normalize as normalize_module
from site_builder.text.normalize import normalize
from site_builder.text.offsets import OffsetMap

CASES = {
    # rule: (source passage, quote)
    "nfc": ("the cafe\u0301 opened", "the café opened"),
    "whitespace": ("the troops\r\n  were sent", "the troops were sent"),
    "quotes": ("he said “go” and didn’t stop", 'he said "go" and didn\'t stop'),
    "dashes": ("a well—known fact – maybe", "a well-known fact - maybe"),
    "ellipsis": ("and then… nothing at all", "and then... nothing at all"),
    "no-break-space": ("a sum of 10\u00a0000 francs", "a sum of 10 000 francs"),
    "zero-width": ("an extra\u00adordinary\u200b day", "an extraordinary day"),
    "guillemets": ("elle dit « boîte noire » puis", 'elle dit "boîte noire" puis'),
    "corner-brackets": ("他说「你好」然后", '他说"你好"然后'),
    "modifier-apostrophe": ("в м\u02bcясо і", "в м'ясо і"),
    "compatibility": ("the ﬁrst ﬂoor of Ｋ１ here", "the first floor of K1 here"),
    "bidi-marks": ("قال \u200fمرحبا\u200e اليوم", "قال مرحبا اليوم"),
    "variation-selectors": ("I ❤\ufe0f tea", "I ❤ tea"),
}


def test_canonical_order():
    assert NORMALIZATIONS == (
        "nfc",
        "whitespace",
        "space-in-cjk",
        "quotes",
        "dashes",
        "ellipsis",
        "no-break-space",
        "zero-width",
        "guillemets",
        "corner-brackets",
        "modifier-apostrophe",
        "compatibility",
        "bidi-marks",
        "variation-selectors",
        "hyphenation",
        "line-break-after-hyphen",
    )


@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_normalization_is_recognized_and_reported(rule):
    passage, quote = CASES[rule]
    text = f"Before this.\r\n{passage}\r\nAfter that."
    match = locate(quote, SourceText(text))
    assert match.status == "normalized"
    assert match.normalizations == (rule,)
    assert text[match.span.start : match.span.end] == passage


@pytest.mark.parametrize("rule", sorted(CASES))
def test_the_quote_side_may_be_the_unusual_one(rule):
    passage, quote = CASES[rule]
    match = locate(passage, SourceText(f"Before. {quote} After."))
    assert match.status == "normalized"
    assert match.normalizations == (rule,)


@pytest.mark.parametrize("rule", sorted(CASES))
def test_a_rule_applied_identically_on_both_sides_is_not_reported(rule):
    passage, _ = CASES[rule]
    # Same unusual characters on both sides; the only difference is a line break.
    text = f"Start: {passage} end."
    quote = f"Start:\n{passage} end."
    match = locate(quote, SourceText(text))
    assert match.status == "normalized"
    assert match.normalizations == ("whitespace",)


def test_several_rules_are_reported_in_canonical_order():
    text = "He wrote: “It’s a well—known\u00a0fact…”"
    quote = 'He wrote: "It\'s a well-known fact..."'
    match = locate(quote, SourceText(text))
    assert match.normalizations == ("quotes", "dashes", "ellipsis", "no-break-space")
    assert match.span.start == 0 and match.span.end == len(text)


def test_span_maps_back_through_crlf_and_lone_cr():
    text = "line one\r\nline two\rline three\nline four “quoted” here"
    match = locate('two line three line four "quoted"', SourceText(text))
    assert match.status == "normalized"
    assert text[match.span.start : match.span.end] == "two\rline three\nline four “quoted”"


def test_span_starts_and_ends_on_the_matched_characters():
    text = "x \u200bword one\u200b two\u200b y"
    match = locate("word one two", SourceText(text))
    assert text[match.span.start : match.span.end] == "word one\u200b two"
    assert match.normalizations == ("zero-width",)


def test_outer_white_space_of_the_quote_is_ignored():
    text = "alpha beta gamma"
    match = locate("beta gamma\n", SourceText(text))
    assert match.status == "normalized"
    assert text[match.span.start : match.span.end] == "beta gamma"


def test_case_differences_are_not_normalized():
    assert locate("THE TROOPS were sent", SourceText("the troops\nwere sent")).status == "not-found"


def test_half_of_an_ellipsis_does_not_match():
    # "then.." is a prefix of the normalized "then..." but not of the source text.
    match = locate("and then.. nothing", SourceText("and then… nothing"))
    assert match.status != "normalized"


def test_normalized_occurrences_are_all_listed():
    text = 'the “end” and the "end" and the ‘end’'
    match = locate('the "end"', SourceText(text))
    assert match.status == "exact"
    match = locate('the  "end"', SourceText(text))
    assert match.status == "normalized"
    assert len(match.occurrences) == 2


@pytest.mark.parametrize(
    ("source", "quote", "rules"),
    [
        # French sets a no-break or narrow no-break space inside guillemets.
        ("le mot « boîte\u202fnoire\u00a0» ici", 'le mot "boîte noire" ici', ("no-break-space", "guillemets")),
        ("le mot « boîte noire » ici", "le mot “boîte noire” ici", ("quotes", "guillemets")),
        # Swiss and Russian guillemets without spaces, German ones reversed, and single ones.
        ("он сказал «нет» и ушёл", 'он сказал "нет" и ушёл', ("guillemets",)),
        ("er sagte »nein« und ging", 'er sagte "nein" und ging', ("guillemets",)),
        ("il dit ‹ oui › et", "il dit 'oui' et", ("guillemets",)),
        ("彼は『はい』と言った", "彼は“はい”と言った", ("quotes", "corner-brackets")),
        ("Київ — це м\u02bcята", "Київ — це м'ята", ("modifier-apostrophe",)),
        ("Київ — це м\u02bcята", "Київ — це м’ята", ("quotes", "modifier-apostrophe")),
        ("ﾊﾟｿｺﾝを使う", "パソコンを使う", ("compatibility",)),
        ("ﺍﻟﺴﻼﻡ عليكم", "السلام عليكم", ("compatibility",)),
        ("a \u061cmark\u2066 here\u2069 now", "a mark here now", ("bidi-marks",)),
    ],
)
def test_typography_of_other_languages(source, quote, rules):
    text = f"Before. {source} After."
    match = locate(quote, SourceText(text))
    assert match.status == "normalized"
    assert match.normalizations == rules
    assert text[match.span.start : match.span.end] == source


@pytest.mark.parametrize(
    ("source", "quote"),
    [
        ("все пришли домой", "всё пришли домой"),  # е is not ё
        ("the word kırmızı here", "the word kirmizi here"),  # ı is not i
        ("The Troops were sent", "the troops were sent"),  # case
        ("x² + y² here", "x2 + y2 here"),  # a superscript is not a digit
        ("① first point", "1 first point"),  # nor is a circled number
        ("ſo it was", "so it was"),  # the long s is a letter of its own
        ("ℌello there friend", "Hello there friend"),  # nor is a font variant
        ("family 👨\u200d👩\u200d👧 here", "family 👨👩👧 here"),  # three emoji are not the family
    ],
)
def test_what_is_never_normalized(source, quote):
    assert locate(quote, SourceText(f"Before. {source} After.")).status == "not-found"


def test_a_variation_selector_may_be_left_out_but_the_joiner_is_kept():
    family = "👨\u200d👩\u200d👧"
    text = f"A {family} and a ❤\ufe0f."
    assert locate(f"A {family} and", SourceText(text)).status == "exact"
    assert locate("and a ❤.", SourceText(text)).normalizations == ("variation-selectors",)


def test_every_normalization_is_named_on_the_site_and_in_the_report_schema():
    from site_builder.load.schema import load_schema
    from site_builder.render.badges import NORMALIZATIONS as LABELS

    citation = load_schema("report")["properties"]["citations"]["items"]
    enum = citation["properties"]["normalizations"]["items"]["enum"]
    assert set(NORMALIZATIONS) == set(LABELS) == set(enum)


ASCII = ["a", "B", "7", "_", ".", "'", "-", " ", "  ", "\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1f"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(ASCII), max_size=30).map("".join))
def test_an_ascii_source_is_normalized_as_every_rule_would(text):
    """ASCII text takes a shorter way: it must give the same text and the same offset maps."""
    quick, slow = OffsetMap(), OffsetMap()
    pattern = normalize_module._pattern(normalize_module.ALL)
    quick_text = normalize_module._ascii_sub(pattern, normalize_module._recorder(normalize_module.ALL, quick), text)
    assert quick_text == pattern.sub(normalize_module._recorder(normalize_module.ALL, slow), text)
    assert [bytes(a) for a in (quick._old_starts, quick._old_ends, quick._new_starts, quick._new_ends)] == [
        bytes(a) for a in (slow._old_starts, slow._old_ends, slow._new_starts, slow._new_ends)
    ]


@pytest.mark.parametrize("source", ["東京\n都に住む", "東京\r\n  都に住む", "東京\u3000都に住む"])
def test_a_line_break_between_chinese_or_japanese_characters_is_no_space(source):
    match = locate("東京都に住む", SourceText(source))
    assert match.status == "normalized"
    assert match.normalizations == ("space-in-cjk",)
    assert match.span == Span(0, len(source))


def test_a_quote_written_over_two_lines_of_yaml_matches_chinese_without_spaces():
    # YAML folds the line break of a quote into a space.
    match = locate("中国经济 持续快速发展", SourceText("近年来，中国经济持续快速发展。"))
    assert match.found
    assert match.normalizations == ("space-in-cjk",)


def test_white_space_between_a_han_character_and_a_latin_word_stays_a_space():
    assert normalize("使用\nPython\n語言") == "使用 Python 語言"


def test_a_blank_line_between_chinese_characters_still_ends_a_paragraph():
    assert normalize("第一段。\n\n第二段") == "第一段。 第二段"
    assert normalize("第一段\n\n第二段") == "第一段 第二段"
