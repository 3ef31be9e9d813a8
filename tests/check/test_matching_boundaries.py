"""A quote begins and ends on word boundaries of its source."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.check.matching import SourceText, Span, locate
from site_builder.text import segments
from site_builder.text.boundaries import is_boundary


@pytest.mark.parametrize(
    ("text", "quote", "whole"),
    [
        ("She was unable to attend.", "he was unable to attend", "She was unable to attend"),
        ("It is illegal to export them.", "legal to export", "illegal to export"),
        ("The Program is free software.", "The Program is fr", "The Program is free"),
        ("The harbour’s edge was rebuilt.", "arbour's edge", "harbour’s edge"),  # found once normalized
        ("The harbour  edge was rebuilt.", "arbour edge", "harbour  edge"),
    ],
)
def test_a_quote_cut_inside_a_word_is_not_found_and_the_whole_words_are_suggested(text, quote, whole):
    match = locate(quote, SourceText(text))
    assert match.status == "not-found" and match.inside_word
    assert match.suggestion.text == whole
    assert text[match.suggestion.start : match.suggestion.end] == whole


@pytest.mark.skipif(not segments.AVAILABLE, reason="ICU's wheel needs Python 3.11")
@pytest.mark.parametrize(
    ("text", "quote", "whole"),
    [
        ("ようこそ東京へ", "ようこ", "ようこそ"),
        ("住所は東京都千代田区です", "東京都千", "東京都千代田"),
        ("彼はチュートリアルを読む", "トリアルを読", "チュートリアルを読む"),
    ],
)
def test_a_chinese_or_japanese_quote_cut_inside_a_word_is_not_found(text, quote, whole):
    match = locate(quote, SourceText(text))
    assert match.status == "not-found" and match.inside_word
    assert match.suggestion.text == whole


def test_a_japanese_quote_of_whole_words_is_found():
    assert locate("東京都千代田区", SourceText("住所は東京都千代田区です")).status == "exact"


def test_brackets_quote_part_of_a_word():
    source = SourceText("She was unable to attend. It is illegal to export them.")
    assert locate("[s]he was unable to attend", source).status == "normalized"
    assert locate("[il]legal to export", source).status == "elided"


def test_a_whole_word_elsewhere_is_found_even_when_a_cut_one_comes_first():
    match = locate("he was there", SourceText("She was there. Then he was there."))
    assert match.status == "exact"
    assert match.span == Span(20, 32)
    assert match.occurrences == (Span(20, 32),)


def test_an_emoji_of_a_family_is_not_a_word_of_its_own():
    family = "👨\u200d👩\u200d👧"
    assert locate("👨", SourceText(f"The {family} smiled.")).status == "not-found"


def test_a_quote_found_verbatim_and_elsewhere_once_normalized_is_ambiguous():
    text = 'First he said “go home” then. Later he said "go home" again.'
    match = locate('he said "go home"', SourceText(text))
    assert match.status == "exact"
    assert match.span.start == text.index('he said "go')
    assert len(match.occurrences) == 2 and match.ambiguous


WORDS = st.lists(st.text(alphabet="abcdeéжд漢字カナ", min_size=1, max_size=6), min_size=3, max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(WORDS, st.data())
def test_a_quote_cut_inside_a_word_never_passes(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    quote = text[start:end]
    match = locate(quote, SourceText(text))
    if not (is_boundary(text, start) and is_boundary(text, end)):
        assert match.span != Span(start, end)  # this cut place itself never passes
    if match.found:  # whatever passes begins and ends on word boundaries
        for span in match.occurrences:
            assert is_boundary(text, span.start) and is_boundary(text, span.end)
