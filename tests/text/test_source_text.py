import pytest

from site_builder.check.matching import SourceText


def test_line_col_counts_crlf_cr_and_lf_as_one_line_break_each():
    source = SourceText("one\r\ntwo\rthree\nfour")
    assert source.line_col(0) == (1, 1)
    assert source.line_col(source.text.index("two")) == (2, 1)
    assert source.line_col(source.text.index("three")) == (3, 1)
    assert source.line_col(source.text.index("four") + 2) == (4, 3)


def test_paragraphs_split_on_blank_lines():
    text = "First para\nstill first.\n\n  Second para.  \n \nThird."
    source = SourceText(text)
    assert [text[a:b] for a, b in source.paragraphs] == [
        "First para\nstill first.",
        "Second para.",
        "Third.",
    ]


def test_single_crlf_is_not_a_blank_line():
    text = "First para\r\nstill first.\r\n\r\nSecond para."
    source = SourceText(text)
    assert [text[a:b] for a, b in source.paragraphs] == ["First para\r\nstill first.", "Second para."]


def test_without_blank_lines_every_line_is_a_paragraph():
    text = "One.\r\nTwo.\rThree."
    assert [text[a:b] for a, b in SourceText(text).paragraphs] == ["One.", "Two.", "Three."]


def test_normalized_view_maps_back_to_original_offsets():
    text = "a\r\n\r\nb  “c” e\u0301\u200b x—y…z"
    norm = SourceText(text).normalized
    assert norm.text == 'a b "c" é x-y...z'
    at = norm.text.index("é")
    assert text[norm.start_to_original(at) : norm.end_to_original(at + 1)] == "e\u0301"
    at = norm.text.index("...")
    assert text[norm.start_to_original(at) : norm.end_to_original(at + 3)] == "…"
    at = norm.text.index("x")
    assert norm.start_to_original(at) == text.index("x")
    assert norm.start_to_normalized(text.index("x")) == at


def test_normalized_view_is_cached():
    source = SourceText("some  text")
    assert source.normalized is source.normalized


def test_windows_overlap_by_half_and_cover_the_text():
    source = SourceText("word " * 300)
    windows = source.windows(256)
    text = source.normalized.text
    for i, window in enumerate(windows):
        assert window == text[i * 128 : i * 128 + 256]
    assert (len(windows) - 1) * 128 + 256 >= len(text)


def test_paragraph_at_finds_the_paragraph_holding_an_offset():
    source = SourceText("First one.\n\n  Second one.  \n\nThird.")
    first, second, third = source.paragraphs
    assert source.paragraph_at(0) == first and source.paragraph_at(first[1] - 1) == first
    assert source.paragraph_at(source.text.index("Second") + 3) == second
    assert source.paragraph_at(first[1]) is None  # the blank line between them
    assert source.paragraph_at(len(source.text) - 1) == third


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_a_line_wrapped_between_chinese_characters_does_not_end_a_paragraph(line_end):
    text = f"近年来，中国经济{line_end}持续快速发展。{line_end}人民生活水平不断提高。"
    assert [text[a:b] for a, b in SourceText(text).paragraphs] == [
        f"近年来，中国经济{line_end}持续快速发展。",
        "人民生活水平不断提高。",
    ]
