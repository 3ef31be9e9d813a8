from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.check.matching import word_count
from site_builder.check.matching.words import _counted
from site_builder.check.run import check


def test_word_count_ignores_elisions_and_insertions():
    assert word_count("The army … marched [sic] north [...] at dawn") == 6
    assert word_count("[The troops] were sent") == 2
    assert word_count("[T]hey were sent") == 3


def test_word_count_ignores_lone_punctuation():
    assert word_count("well-known — “fact”") == 2
    assert word_count("") == 0
    assert word_count(" … ") == 0


def test_scripts_without_spaces_count_two_characters_a_word():
    assert word_count("中华人民共和国成立于一九四九年十月一日") == 10  # a 20-character clause is 10 words
    assert word_count("東京都") == 2
    assert word_count("Vimはとても強力なエディターです") == 1 + 7  # "Vim", then 14 characters
    assert word_count("ภาษาไทยเป็นภาษา") == 4  # Thai: four letters a word (15 letters)


def test_a_chinese_clause_is_not_too_short_but_two_characters_are(project):
    project.source("zh", "中华人民共和国成立于一九四九年十月一日。北京是首都。")
    project.fact_sheet("china", ("zh", "中华人民共和国成立于一九四九年十月一日"), ("zh", "北京"))
    report = check(project.root)
    short = [x for x in report.diagnostics if x.code == "quote-too-short"]
    assert len(short) == 1
    assert "2 characters written without spaces" in short[0].message


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "B", "7", " ", "\t", "\n", ".", "..", "[", "]", "-", "_", "'", "é", "…", "中", "ภา", "\x1c"]
        ),
        max_size=12,
    ).map("".join)
)
def test_the_short_count_of_plain_ascii_quotes_is_the_full_count(quote):
    assert word_count(quote) == _counted(quote)
