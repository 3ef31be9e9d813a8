"""How deeply a YAML text nests, measured from its characters before any YAML library reads it.

YAML libraries have limits of their own, which differ between releases and fail with their own
words (PyYAML 6.0.4 refuses deep flow nesting itself while scanning ahead). This scan is the
project's own, so a deeply nested record is refused with the same message on every release.

It is a linear, conservative estimate: block nesting is read from indentation (a ``- `` entry
adds a level), flow nesting from ``[`` and ``{`` outside quotes, comments and block scalars.
The exact depth is checked again on the parser's events once the text is known to be shallow.
"""

from __future__ import annotations

import re

_BLOCK_SCALAR = re.compile(r"[|>][0-9+-]*[ \t]*(?:#.*)?$")
# A line that opens a block mapping entry: a key, plain or quoted, then ": " or ":" at the end.
_KEY = re.compile(r"""(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s\[\]{}'"#,&*!|>%@`][^#]*?)[ \t]*:(?:[ \t]|$)""")
# Runs of characters that change nothing but end a place where a scalar may begin, and the
# characters that may end a quoted scalar: the scan jumps over everything else.
_PLAIN = re.compile(r"""[^\s'"#\[\]{}|>,:\\][^\r\n'"#\[\]{}|>,:\\]*""")
_SINGLE_QUOTED_STOP = re.compile("'")
_INDENT = re.compile(r"^ *", re.M)
_ENTRIES = re.compile(r"^ *((?:-(?: +|$))+)", re.M)
_DOUBLE_QUOTED_STOP = re.compile(r'["\\]')


class TooDeep(Exception):
    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line = line
        self.column = column


def _surely_shallow(text: str, limit: int) -> bool:
    """Whether the scan below could not find the text nested more than ``limit`` deep, told from
    a bound on what it counts: the enclosing block lines (at most one per indentation), the ``- ``
    entries opening one line, a key, and every ``[`` and ``{``. Most records are far below it."""
    indent = max(map(len, _INDENT.findall(text)), default=0)
    entries = max((run.count("-") for run in _ENTRIES.findall(text)), default=0)
    return indent + entries + 1 + text.count("[") + text.count("{") <= limit


def check_nesting(text: str, limit: int) -> None:
    """Raise :class:`TooDeep` at the first place the text nests more than ``limit`` deep."""
    if not _surely_shallow(text, limit):
        _scan(text, limit)


def _scan(text: str, limit: int) -> None:
    indents: list[int] = []  # indentation of the enclosing block lines
    flow = 0  # open [ and { brackets
    quote = ""  # the open quote character, if inside a quoted scalar
    block_scalar_indent: int | None = None  # inside a | or > scalar started at this indentation
    scalar_start = True  # where a quoted scalar or a flow collection may begin
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_scalar_indent is not None:
            if not stripped.strip() or indent > block_scalar_indent:
                continue
            block_scalar_indent = None
        if not quote and not flow:
            if not stripped or stripped.startswith("#") or stripped.startswith(("---", "...")):
                continue
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            depth = len(indents) - 1  # the block collections that enclose this line
            while stripped.startswith("- ") or stripped == "-":
                depth += 1
                if depth > limit:
                    raise TooDeep(number, len(line) - len(stripped) + 1)
                stripped = stripped[2:].lstrip(" ")
            if _KEY.match(stripped):
                depth += 1
            if depth > limit:
                raise TooDeep(number, len(line) - len(stripped) + 1)
        else:
            depth = max(len(indents) - 1, 0)
        if not quote and not flow:
            scalar_start = True
        at = len(line) - len(stripped)
        while at < len(line):
            char = line[at]
            if quote and char != quote and char != "\\":  # skip to where the quoted text may end
                stop = (_SINGLE_QUOTED_STOP if quote == "'" else _DOUBLE_QUOTED_STOP).search(line, at)
                if stop is None:
                    break
                at = stop.start()
                char = line[at]
            elif not quote:
                plain = _PLAIN.match(line, at)
                if plain:  # characters that neither open nor close anything
                    scalar_start = False
                    at = plain.end()
                    continue
            if quote:
                if char == quote:
                    if quote == "'" and line[at + 1 : at + 2] == "'":
                        at += 1
                    else:
                        quote = ""
                        scalar_start = False
                elif char == "\\" and quote == '"':
                    at += 1
            elif char == "#" and (at == 0 or line[at - 1] in " \t"):
                break
            elif char in " \t":
                pass
            elif char in "'\"" and scalar_start:
                quote = char
            elif char in "[{" and scalar_start:
                flow += 1
                if depth + flow > limit:
                    raise TooDeep(number, at + 1)
            elif char in "]}" and flow:
                flow -= 1
                scalar_start = False
            elif char in "|>" and scalar_start and not flow and _BLOCK_SCALAR.match(line, at):
                block_scalar_indent = indent
                break
            elif (
                (char == "," and flow)
                or (char == ":" and line[at + 1 : at + 2] in ("", " ", "\t"))
                or (char == ":" and flow)
            ):
                scalar_start = True
            else:
                scalar_start = False
            at += 1
