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
        ("it fell to -5 degrees", "it fell to −5 degrees"),  # a minus sign written as a hyphen
        ("a rise of 5 %", "a rise of 5\u202f%"),
        ("les outils «IA» sont", "les outils « IA » sont"),
        ("он жил в «Москве»", 'Он жил в "Москве"'),
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
        ("it fell to 5 degrees", "it fell to −5 degrees", "a number differs"),  # a sign
        ("it rose by +5 points", "it rose by 5 points", "a number differs"),
        ("a rise of 5% a year", "a rise of 5‰ a year", "a number differs"),  # the symbol a number carries
        ("it cost $5 then", "it cost €5 then", "a number differs"),
        ("the sixty battalion", "the sixth battalion", "a number differs"),  # a number word for an ordinal
        ("the thirteen men", "the thirteenth men", "a number differs"),
        ("in the fourty days", "in the forty days", "a number differs"),  # even a slip inside a number word
        ("die zwanzigste Armee", "die zwanzigsten Armee", "a number differs"),
        ("Louis XVII died", "Louis XVIII died", "a number differs"),  # a Roman numeral
    ],
)
def test_never_safe(quote, passage, reason):
    verdict = judge(quote, passage, VOCABULARY | {"form"})
    assert not verdict.safe and verdict.reason == reason


@pytest.mark.parametrize(
    ("quote", "passage", "character"),
    [
        ("les outils (IA) sont", "les outils \ufffdIA\ufffd sont", "U+FFFD"),  # lost in a wrong encoding
        ("a cat sat", "a \u0441at sat", "U+0441"),  # a Cyrillic letter that looks Latin
        ("a zero-width space", "a zero\u200b-width space", "U+200B"),  # an invisible character
        ("東京は日本の首都", "東京は日本の首都\ue000", "U+E000"),  # a private-use character
    ],
)
def test_a_character_that_is_not_the_quotes_own_is_never_safe(quote, passage, character):
    verdict = judge(quote, passage, VOCABULARY)
    assert not verdict.safe and character in verdict.reason
