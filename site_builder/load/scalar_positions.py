"""Where a character of a YAML string value stands in the file that holds it.

The value and the scalar as written (its quotes, escapes, folded line breaks and
block header included) are walked together: each character of the value is found
at the next place of the written text that spells it. A doubled ``''`` spells one
quote, an escape in a double-quoted scalar spells its character, and anything
else that spells nothing (indentation, line breaks folded away) is passed over.
"""

from __future__ import annotations

import re

_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
    "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX = {"x": 2, "u": 4, "U": 8}


def value_offsets(raw: str, style: str | None, value: str) -> list[int] | None:
    """For each character of ``value``, its index in ``raw``; None if they do not line up."""
    at = 0
    if style in ("'", '"'):
        at = 1
    elif style in ("|", ">"):
        first_break = _BREAK.search(raw)
        if first_break is None:
            return None
        at = first_break.end()
    out = []
    for char in value:
        while True:
            if at >= len(raw):
                return None
            if style == '"' and raw[at] == "\\":
                spelled, length = _escape(raw, at)
                if spelled == char:
                    out.append(at)
                    at += length
                    break
                at += length
                continue
            if raw[at] == char:
                out.append(at)
                at += 2 if style == "'" and char == "'" else 1
                break
            at += 1
    return out


def value_position(raw: str, style: str | None, value: str, offset: int, line: int, column: int) -> tuple[int, int]:
    """Line and column in the file of ``value[offset]``, given where ``raw`` starts; else its start."""
    offsets = value_offsets(raw, style, value)
    if offsets is None or not 0 <= offset < len(offsets):
        return line, column
    index = offsets[offset]
    breaks = list(_BREAK.finditer(raw, 0, index))
    if not breaks:
        return line, column + index
    return line + len(breaks), index - breaks[-1].end() + 1


def _escape(raw: str, at: int) -> tuple[str, int]:
    """What the escape at ``raw[at]`` spells, and how long it is."""
    code = raw[at + 1 : at + 2]
    if code in _HEX:
        digits = raw[at + 2 : at + 2 + _HEX[code]]
        try:
            return chr(int(digits, 16)), 2 + len(digits)
        except ValueError:
            return "", 1
    if code in _ESCAPES:
        return _ESCAPES[code], 2
    line_break = _BREAK.match(raw, at + 1)
    if line_break:  # an escaped line break spells nothing
        return "", 1 + len(line_break.group())
    return "", 1
