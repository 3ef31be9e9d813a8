"""Glyph-assembly artifacts of PDF text: accents drawn apart from their letters.

TeX's older fonts draw an accented letter as two glyphs, the accent and the base (a dotless
``ı`` under a diaeresis), so the text reads ``na¨ıve``. A spacing accent just before a letter
is joined to it (``naïve``) when Unicode has that letter as one character, and each join is
counted. What cannot be repaired (U+FFFD, an accent left alone, private-use glyphs) is reported
with its page.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: a spacing accent → the combining mark it stands for
SPACING_ACCENTS = {
    "\u00a8": "\u0308",  # ¨ diaeresis
    "\u00b4": "\u0301",  # ´ acute
    "\u02c6": "\u0302",  # ˆ circumflex
    "\u02dc": "\u0303",  # ˜ tilde
    "\u00af": "\u0304",  # ¯ macron
    "\u02d8": "\u0306",  # ˘ breve
    "\u02d9": "\u0307",  # ˙ dot above
    "\u02da": "\u030a",  # ˚ ring above
    "\u02dd": "\u030b",  # ˝ double acute
    "\u02c7": "\u030c",  # ˇ caron
    "\u00b8": "\u0327",  # ¸ cedilla
    "\u02db": "\u0328",  # ˛ ogonek
    "`": "\u0300",  # ` grave, only inside a word (it is also a quotation mark)
}
_DOTLESS = {"ı": "i", "ȷ": "j"}
_ACCENT_LETTER = re.compile(r"(?:(?<=[^\W\d_])`|[¨´ˆ˜¯˘˙˚˝ˇ¸˛])([^\W\d_])")
_LEFT_ALONE = re.compile(r"[¨ˆ˜˘˙˚˝ˇ˛](?=[^\W\d_])|(?<=[^\W\d_])[¨ˆ˜˘˙˚˝ˇ˛]|[\ue000-\uf8ff]")
REPLACEMENT = "\ufffd"


@dataclass(frozen=True)
class Repaired:
    text: str
    accents: int  # accents joined to their letter


def join_accents(text: str) -> Repaired:
    """``text`` with each spacing accent before a letter made one character with it, if Unicode has one."""
    count = 0

    def join(match: re.Match[str]) -> str:
        nonlocal count
        accent, letter = match.group()[0], match.group(1)
        base = _DOTLESS.get(letter, letter)
        composed = unicodedata.normalize("NFC", base + SPACING_ACCENTS[accent])
        if len(composed) != 1:
            return match.group()
        count += 1
        return composed

    return Repaired(_ACCENT_LETTER.sub(join, text), count)


def artifacts(text: str) -> list[str]:
    """What in ``text`` shows a glyph the PDF did not map to a letter: each kind found, said plainly."""
    found = []
    if REPLACEMENT in text:
        found.append(f"{text.count(REPLACEMENT)} replacement characters (U+FFFD)")
    left = _LEFT_ALONE.findall(text)
    if left:
        found.append(f"{len(left)} accents or glyphs not joined to a letter ({' '.join(sorted(set(left)))})")
    return found
