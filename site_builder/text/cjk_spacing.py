"""The ``space-in-cjk`` normalization: white space between two Chinese or Japanese characters.

Chinese and Japanese put no space between words, so a line break between two of their characters
(a source wrapped at a fixed width, or a quote written over several lines of YAML, which folds the
break into a space) stands for nothing. The rule drops such white space; between a Han or kana
character and anything else (a Latin word, a digit) it is left to the ``whitespace`` rule.
"""

from __future__ import annotations

import re

NAME = "space-in-cjk"

#: Han (with its extensions and compatibility ideographs), Hiragana, Katakana, and the marks
#: written with them (ー, 々, 〆, 〇, iteration marks), as a character class of ``re``.
CHARACTERS = (
    "\u3005-\u3007\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)


_LINE_BREAKS = "\n\x0b\x0c\r\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = rf"(?:\r\n|[{re.escape(_LINE_BREAKS)}])"


def pattern(spaces: str) -> str:
    """The white space to drop, of the characters ``spaces``: any between two Han or kana
    characters, but for a blank line (which ends a paragraph)."""
    inline = "[" + re.escape("".join(c for c in spaces if c not in _LINE_BREAKS)) + "]"
    return rf"(?<=[{CHARACTERS}])(?:{inline}+{_LINE_BREAK}?|{_LINE_BREAK}){inline}*(?=[{CHARACTERS}])"
