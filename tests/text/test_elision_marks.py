"""The marks that stand for words left out of a quote."""

import pytest

from site_builder.text.elision_marks import elision_marks, is_elision_mark


@pytest.mark.parametrize("mark", ["…", "...", "....", "[...]", "[ … ]", "……"])
def test_every_elision_mark_is_recognised(mark):
    assert is_elision_mark(mark)


def test_the_chinese_ellipsis_is_one_mark():
    assert elision_marks("他说……我们走吧") == [(2, 4)]
    assert elision_marks("one … two … three") == [(4, 5), (10, 11)]


@pytest.mark.parametrize("text", ["..", "[..]", "…a", "[word]"])
def test_other_text_is_no_elision_mark(text):
    assert not is_elision_mark(text)
