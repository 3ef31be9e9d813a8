"""Word boundaries in every script: where a located passage may begin and end."""

import pytest

from site_builder.text import segments
from site_builder.text.boundaries import is_boundary, whole_words


def boundaries(text: str) -> list[int]:
    return [i for i in range(len(text) + 1) if is_boundary(text, i)]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("She was", [1, 2]),  # not between the letters of a word
        ("don't stop", [3, 4]),  # an apostrophe between letters joins them
        ("Russia’s army", [6, 7]),
        ("3.14 m", [1, 2]),  # a decimal point between digits
        ("нельзя", [1, 3]),  # Cyrillic
        ("한국어 문장", [1, 2]),  # Hangul, written with spaces
        ("👨\u200d👩\u200d👧 ok", [1, 2, 3, 4]),  # an emoji family is one character
        ("क्\u200dष", [1, 2, 3]),  # the joiner binds Indic letters
    ],
)
def test_no_boundary_inside_a_word(text, inside):
    for at in inside:
        assert not is_boundary(text, at), (text, at)


def test_every_character_boundary_counts_in_thai():
    assert boundaries("ภาษาไทย") == list(range(len("ภาษาไทย") + 1))


needs_icu = pytest.mark.skipif(not segments.AVAILABLE, reason="ICU's wheel needs Python 3.11")


@needs_icu
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ようこそ東京へ", ["ようこそ", "東京", "へ"]),  # Hiragana and Han
        ("東京都千代田区", ["東京", "都", "千代田", "区"]),
        ("彼はチュートリアルを読む", ["彼", "は", "チュートリアル", "を", "読む"]),  # Katakana
        ("中国经济持续发展", ["中国", "经济", "持续", "发展"]),  # Chinese
    ],
)
def test_chinese_and_japanese_are_cut_into_dictionary_words(text, words):
    ends = [sum(len(word) for word in words[:i]) for i in range(len(words) + 1)]
    assert boundaries(text) == ends


@needs_icu
def test_a_han_character_beyond_the_basic_plane_counts_as_one():
    # 𠮷 (U+20BB7) takes two UTF-16 units, the offsets ICU counts in.
    assert boundaries("𠮷ようこそ") == [0, 1, 5]


def test_boundaries_around_words_and_punctuation():
    assert boundaries("She was, “he”") == [0, 3, 4, 7, 8, 9, 10, 12, 13]


def test_whole_words_widens_a_cut_passage():
    text = "It is illegal to export them."
    start = text.index("legal")
    assert text.__getitem__(slice(*whole_words(text, start, start + len("legal to ex")))) == "illegal to export"
