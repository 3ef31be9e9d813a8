"""Characters a fix may not write into a quote: unreadable ones, and letters of another script.

A source extracted with the wrong encoding holds U+FFFD where a character was lost
(``�IA�`` for ``«IA»``), and a text may hide a letter of another script that looks like
one of the quote's (Cyrillic ``а`` for Latin ``a``). A character counts as the quote's
own if the quote has it, if it belongs to no script in particular (punctuation, digits,
spaces, combining marks), or if it shares a script family with a letter of the quote: a
family is one script, or the scripts written together (Han, kana, Hangul, Bopomofo).
"""

from __future__ import annotations

import unicodedata

import regex


def _listed(words: str) -> list[str]:
    return words.split()


_SCRIPTS = _listed(
    "Latin Greek Cyrillic Armenian Georgian Hebrew Arabic Syriac Thaana Nko Samaritan Mandaic"
    " Devanagari Bengali Gurmukhi Gujarati Oriya Tamil Telugu Kannada Malayalam Sinhala Thai Lao"
    " Tibetan Myanmar Khmer Mongolian Ethiopic Cherokee Canadian_Aboriginal Tifinagh Javanese"
    " Balinese Sundanese Tagalog Buginese Vai Yi Ol_Chiki Lisu Adlam Runic Ogham Coptic Glagolitic"
)
_EAST_ASIAN = ("Han", "Hiragana", "Katakana", "Hangul", "Bopomofo")
_FAMILIES = {name: regex.compile(rf"\p{{scx={name}}}", regex.V1) for name in _SCRIPTS} | {
    "East Asian": regex.compile("[" + "".join(rf"\p{{scx={name}}}" for name in _EAST_ASIAN) + "]", regex.V1)
}
_NO_SCRIPT = regex.compile(r"[\p{sc=Common}\p{sc=Inherited}]", regex.V1)
_UNREADABLE = ("Cc", "Cf", "Cn", "Co", "Cs")  # controls, invisible formats, unassigned, private, surrogates


def _families(char: str) -> set[str]:
    return {name for name, pattern in _FAMILIES.items() if pattern.match(char)}


def foreign_characters(quote: str, passage: str) -> list[str]:
    """The characters of ``passage`` that are not the quote's own (see the module's docstring)."""
    own = set(quote)
    new = [c for c in dict.fromkeys(passage) if c not in own and not c.isspace()]
    if not new:
        return []
    quote_families: set[str] = set()
    for char in own:
        if char.isalpha():
            quote_families |= _families(char)
    foreign = []
    for char in new:
        if char == "\ufffd" or unicodedata.category(char) in _UNREADABLE:
            foreign.append(char)
            continue
        families = _families(char)
        if families:
            if not families & quote_families:
                foreign.append(char)
        elif not _NO_SCRIPT.match(char):  # a letter of a script not listed: only the quote's own
            foreign.append(char)
    return foreign
