"""Word boundaries in every script: where a located passage may begin and end."""

import pytest

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


@pytest.mark.parametrize(
    "text",
    [
        "漢字です",  # Han and Hiragana
        "チュートリアル",  # Katakana, one word under UAX #29, but written without spaces
        "ソフトウェア開発",  # Katakana then Han
        "ภาษาไทย",  # Thai
    ],
)
def test_every_character_boundary_counts_in_scripts_without_spaces(text):
    assert boundaries(text) == list(range(len(text) + 1))


def test_boundaries_around_words_and_punctuation():
    assert boundaries("She was, “he”") == [0, 3, 4, 7, 8, 9, 10, 12, 13]


def test_whole_words_widens_a_cut_passage():
    text = "It is illegal to export them."
    start = text.index("legal")
    assert text.__getitem__(slice(*whole_words(text, start, start + len("legal to ex")))) == "illegal to export"
