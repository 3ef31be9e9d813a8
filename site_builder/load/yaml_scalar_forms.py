"""The ways a text value can be written as a YAML scalar that reads back as the same text.

Plain, single-quoted or double-quoted on one line; wrapped like an original value that spans
lines; or as the content lines of a literal (``|``) or folded (``>``) block. Which of them a
value allows is told by PyYAML's emitter, which writes YAML the same way.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

import yaml

from site_builder.load.yaml_read import end_of, start_of

_STR = "tag:yaml.org,2002:str"
_BREAKS = ("\r\n", "\n", "\r")
_ESCAPE = re.compile(
    "[\x85\u2028\u2029\ufeff]|" + yaml.reader.Reader.NON_PRINTABLE.pattern
)  # breaks, or not allowed raw
_CUTS = re.compile(r"(?<=\S) (?=\S)")


def newline_of(text: str) -> str:
    """The line break ``text`` uses (its first kind), else ``\\n``."""
    for brk in _BREAKS:
        if brk in text:
            return brk
    return "\n"


def _analysis(value: str) -> Any:
    return yaml.emitter.Emitter(io.StringIO(), allow_unicode=True).analyze_scalar(value)


def _plain_ok(value: str, flow: bool) -> bool:
    if not value or value != value.strip():
        return False
    analysis = _analysis(value)
    if analysis.multiline or not (analysis.allow_flow_plain if flow else analysis.allow_block_plain):
        return False
    return yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False)) == _STR


def _single_quoted(value: str) -> str | None:
    analysis = _analysis(value)
    if analysis.multiline or not analysis.allow_single_quoted or any(b in value for b in "\n\r\x85\u2028\u2029"):
        return None
    return "'" + value.replace("'", "''") + "'"


def _double_quoted(value: str) -> str:
    quoted = json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _wrap(value: str, first: int, width: int, indent: int = 0) -> list[str]:
    """Cut ``value`` at single spaces between words so that lines stay within ``width``; the
    first line starts at column ``first``. A run of spaces is never cut (folding would lose it)."""
    lines: list[str] = []
    line, column = "", first
    for chunk in _CUTS.split(value):
        if line and column + len(line) + 1 + len(chunk) > width:
            lines.append(line)
            line, column = chunk, indent
        else:
            line = f"{line} {chunk}" if line else chunk
    lines.append(line)
    return lines


def scalar_text(value: str, flow: bool = False) -> str:
    """``value`` as a one-line YAML scalar: plain when it reads back as the same text, else quoted."""
    if _plain_ok(value, flow):
        return value
    return _single_quoted(value) or _double_quoted(value)


def flow_forms(text: str, node: yaml.ScalarNode, value: str, flow: bool) -> list[str]:
    """Ways to write ``value`` in place of the flow scalar ``node`` of ``text``: its own style first."""
    start, end, column = start_of(node).offset, end_of(node).offset, start_of(node).column - 1
    original = text[start:end]
    nl = newline_of(original) if any(b in original for b in _BREAKS) else newline_of(text)
    lines = original.splitlines()
    style = node.style or ""
    forms: list[str] = []

    def wrapped(opening: str, body: str) -> str | None:
        if len(lines) < 2:
            return None
        indent = len(lines[1]) - len(lines[1].lstrip(" "))
        width = max(column + len(lines[0]), *(len(x) for x in lines[1:]))
        parts = _wrap(body, column + len(opening), width, indent)
        return (nl + " " * indent).join(parts)

    if style == "" and _plain_ok(value, flow):
        forms += [f for f in (wrapped("", value), value) if f]
    single = _single_quoted(value)
    if style == "'" and single:
        forms += [f for f in (wrapped("", single),) if f]
    if style == '"':
        double = _double_quoted(value)
        forms += [f for f in (wrapped("", double),) if f] + [double]
    if single:
        forms.append(single)
    forms.append(_double_quoted(value))
    return forms


def block_body(text: str, node: yaml.ScalarNode, value: str) -> tuple[int, int, str] | None:
    """The span of the content lines of the literal or folded block scalar ``node`` of ``text``
    and the lines that make it read ``value``, keeping its header and the blank lines after it
    (which its chomping indicator may count); None when ``value`` cannot be written so."""
    if value != value.strip() or any(c in value for c in "\r\x85\u2028\u2029") or not _analysis(value).allow_block:
        return None
    start, end = start_of(node).offset, end_of(node).offset
    header_end = min((i for i in (text.find("\n", start, end), text.find("\r", start, end)) if i != -1), default=-1)
    if header_end == -1:
        return None
    header_end += 2 if text.startswith("\r\n", header_end) else 1
    body = text[header_end:end]
    content = body.rstrip("\r\n ")
    content_end = header_end + len(content)
    lines = content.splitlines()
    first = next((x for x in lines if x.strip()), None)
    if first is None:
        return None
    indent = len(first) - len(first.lstrip(" "))
    nl = newline_of(body)
    if node.style == "|":
        new_lines = value.split("\n")
    else:
        width = max(80, *(len(x) for x in lines))
        new_lines = [] if "\n" in value else _wrap(value, indent, width, indent)
        if not new_lines:
            return None
    return (header_end, content_end, nl.join(" " * indent + x if x else x for x in new_lines))
