"""Counting the words of a quote, in scripts written with spaces and without.

In Han and kana, two characters count as one word: a Chinese word averages about
1.7 characters, and a clause of twenty characters says about as much as an
English clause of ten words. In Thai, Lao, Khmer and Myanmar, four letters (marks
not counted) count as one word.
"""

from __future__ import annotations

import math
import re

import regex

from site_builder.check.matching.elision import ELISION, INSERTION
from site_builder.text.boundaries import NO_SPACE, SYLLABIC_NO_SPACE

CHARACTERS_PER_WORD = 2  # Han, Hiragana, Katakana
LETTERS_PER_WORD = 4  # Thai, Lao, Khmer, Myanmar
_IDEOGRAPHIC = regex.compile(f"[{NO_SPACE}]", regex.V1)
_SYLLABIC = regex.compile(f"[[{SYLLABIC_NO_SPACE}]--\\p{{M}}]", regex.V1)
_SYLLABIC_RUN = regex.compile(f"[{SYLLABIC_NO_SPACE}]+", regex.V1)
_TOKEN_WITH_ALNUM = re.compile(r"\S*[^\W_]\S*")  # for ASCII text: \s is what str.split() splits at


def plain_text(quote: str) -> str:
    """The quote without elision markers and bracketed insertions, word gaps kept.

    An insertion glued to a word (``[T]he``) leaves the rest of that word.
    """
    return INSERTION.sub("", ELISION.sub(" ", quote))


def unspaced_characters(quote: str) -> int:
    """How many characters of the quote are in scripts written without spaces."""
    plain = plain_text(quote)
    return len(_IDEOGRAPHIC.findall(plain)) + len(_SYLLABIC.findall(plain))


def word_count(quote: str) -> int:
    """How many words the quote itself contributes, for a too-short-quote warning.

    Words are white-space separated; characters of scripts written without spaces
    count at ``CHARACTERS_PER_WORD`` or ``LETTERS_PER_WORD`` a word, rounded up.
    """
    if quote.isascii() and "[" not in quote and ".." not in quote:
        # No elision, no insertion, no script written without spaces: what _counted does, in short
        # (the white-space separated tokens that hold a letter or a digit).
        return len(_TOKEN_WITH_ALNUM.findall(quote))
    return _counted(quote)


def _counted(quote: str) -> int:
    plain = plain_text(quote)
    ideographic = len(_IDEOGRAPHIC.findall(plain))
    syllabic = len(_SYLLABIC.findall(plain))
    spaced = _SYLLABIC_RUN.sub(" ", _IDEOGRAPHIC.sub(" ", plain))
    words = sum(1 for token in spaced.split() if any(c.isalnum() for c in token))
    return words + math.ceil(ideographic / CHARACTERS_PER_WORD) + math.ceil(syllabic / LETTERS_PER_WORD)
