"""Which differences between a quote and its closest passage a fix may mend without asking."""

from __future__ import annotations

import pytest

from site_builder.check.fix_safety import judge, words

VOCABULARY = frozenset(words("the K Battalion reached the line, a group of 400 men did not go from there"))


@pytest.mark.parametrize(
    ("quote", "passage"),
    [
        ("K Batallion reached the line", "K Battalion reached the line"),  # a slip inside one word
        ("recently, multiple countries", "Recently multiple countries"),  # case and punctuation
        ("“Recently” multiple  countries", '"Recently" multiple countries'),  # typography and spacing
        ("the war of 1914-1918", "the war of 1914–1918"),  # a dash in a number is typography
        ("a well known man", "a well-known man"),
    ],
)
def test_safe(quote, passage):
    assert judge(quote, passage, VOCABULARY).safe


@pytest.mark.parametrize(
    ("quote", "passage", "reason"),
    [
        ("a group of 40 men", "a group of 400 men", "a number differs"),
        ("1,000 men", "1.000 men", "a number differs"),
        ("the men did go", "the men did not go", "a negation differs"),
        ("the men didn't go", "the men did not go", "a negation differs"),
        ("the men did go there", "the men did go from there", "words are added or left out"),
        ("the line form there", "the line from there", "a word differs"),  # 'form' and 'from': both words here
        ("prices increase", "prices decrease", "a word differs"),
        ("K Batalion reached the lyne", "K Battalion reached the line", "a word differs"),  # two slips
    ],
)
def test_never_safe(quote, passage, reason):
    verdict = judge(quote, passage, VOCABULARY | {"form"})
    assert not verdict.safe and verdict.reason == reason
