"""Whether replacing a quote by the passage closest to it could change what the quote proves.

Safe: the two read the same once typography, spacing, punctuation and case are set aside, apart
from at most one word with a spelling slip inside it (the same first letter, an edit or two
apart, and not itself a word of the source). Never safe: any change of a number (its digits, its
sign, the symbol it carries, a number word or an ordinal), of a whole word, or of a negation; nor
a character that is not the quote's own (U+FFFD, an invisible one, a letter of another script).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import regex
from rapidfuzz.distance import OSA

from site_builder.check.number_words import is_number_word
from site_builder.check.script_family import foreign_characters

_WORD = re.compile(r"[^\W_]+")  # letters and digits; everything else is punctuation or space
# A number with its sign, the currency before it and the unit symbol after it (after _typography,
# so every dash is "-"); a dash between two numbers (1914-1918) is no sign.
_NUMBER = regex.compile(r"(?<![\p{L}\p{N}])[-+±]?\p{Sc}?[-+±]?\d(?:[\d.,:/]*\d)?(?:\s?[%‰‱°′″\p{Sc}])?", regex.V1)
_NEGATION = re.compile(
    r"^(?:not|no|never|none|nor|neither|nobody|nothing|nowhere|cannot|without|\w+n['’]t)$", re.IGNORECASE
)
_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′", "'"),
        **dict.fromkeys("“”„‟″", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        "…": "...",
        **dict.fromkeys("\u00a0\u202f\u2007", " "),
    }
)
MAX_SLIPS = 1


@dataclass(frozen=True)
class Verdict:
    safe: bool
    reason: str  # what differs, in a few words


def _typography(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, without punctuation."""
    return [w.casefold() for w in _WORD.findall(_typography(text))]


def _numbers(text: str) -> list[str]:
    return ["".join(n.split()) for n in _NUMBER.findall(_typography(text))]


def _negations(text: str) -> list[str]:
    return [
        t.casefold().replace("’", "'") for t in _typography(text).split() if _NEGATION.match(t.strip('.,;:!?"()[]'))
    ]


def _slip(typed: str, meant: str, vocabulary: frozenset[str]) -> bool:
    """Whether ``typed`` reads as ``meant`` misspelt (rather than as another word)."""
    if not (typed.isalpha() and meant.isalpha()) or typed[0] != meant[0] or min(len(typed), len(meant)) < 4:
        return False
    if typed in vocabulary:  # a word the source itself uses: a change of word, not a slip
        return False
    return OSA.distance(typed, meant) <= (2 if len(meant) >= 8 else 1)


def judge(quote: str, passage: str, vocabulary: frozenset[str] = frozenset()) -> Verdict:
    """Whether ``passage`` may replace ``quote`` without asking (``vocabulary``: the source's words)."""
    if _numbers(quote) != _numbers(passage):
        return Verdict(False, "a number differs")
    foreign = foreign_characters(quote, passage)
    if foreign:
        shown = ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in foreign)
        return Verdict(False, f"a character that is not the quote's own: {shown}")
    if _negations(quote) != _negations(passage):
        return Verdict(False, "a negation differs")
    old, new = words(quote), words(passage)
    if len(old) != len(new):
        return Verdict(False, "words are added or left out")
    slips = [(a, b) for a, b in zip(old, new) if a != b]
    if not slips:
        return Verdict(True, "only typography, spacing, punctuation or case differ")
    if any(is_number_word(a) or is_number_word(b) for a, b in slips):  # sixty for sixth: not a slip
        return Verdict(False, "a number differs")
    if len(slips) > MAX_SLIPS or not all(_slip(a, b, vocabulary) for a, b in slips):
        return Verdict(False, "a word differs")
    typed, meant = slips[0]
    return Verdict(True, f"a spelling slip: '{typed}' for '{meant}'")
