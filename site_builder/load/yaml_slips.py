"""The YAML slips a curator makes most, told in a curator's words with the line that fixes them.

A plain (unquoted) value that holds ``: `` is read by YAML as a new key, and a value that starts
with a double quote ends where the next double quote stands. Both are told apart by the line's
own text, never by the parser's message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: ``key: value`` on one line, the key perhaps behind a list dash
_KEY_VALUE = re.compile(r"^(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>\S.*?)\s*$")


@dataclass(frozen=True)
class Slip:
    line: int  # 1-based
    column: int  # 1-based, where the value starts
    message: str
    fix: str  # the line rewritten, ready to paste


def _single_quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def find_slip(text: str, line: int) -> Slip | None:
    """The slip on ``line`` (1-based) or the line before it, where YAML stopped reading."""
    lines = text.splitlines()
    for number in (line, line - 1):
        if not 1 <= number <= len(lines):
            continue
        found = _KEY_VALUE.match(lines[number - 1])
        if found is None:
            continue
        key, value = found["key"], found["value"]
        column = found.start("value") + 1
        fixed = f"{found['lead']}{key}: {_single_quoted(value)}"
        if value.startswith('"') and not (value.endswith('"') and value.count('"') - value.count('\\"') == 2):
            return Slip(
                number,
                column,
                f"the {key} starts with a double quote, so YAML reads only up to the next one; "
                "put the whole text in single quotes (doubling any ' inside) or use `|`",
                fixed,
            )
        if value[0] not in "\"'|>[{" and ": " in value:
            return Slip(
                number,
                column,
                f"the {key} holds ': ', which YAML reads as the start of a new key; "
                "put the whole text in single quotes (doubling any ' inside) or use `|`",
                fixed,
            )
    return None
