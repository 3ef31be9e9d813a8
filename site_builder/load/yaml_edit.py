"""Change one value of a YAML file and keep every other byte as it was.

The document is composed into nodes, whose marks give the span of each value in the text; only
that span is rewritten, in the value's own style (plain, single- or double-quoted, literal or
folded block), wrapped like the original when it spanned lines. Every edit is checked by parsing
the result: the value must read back as intended, or the edit is refused.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from site_builder.load import yaml_read
from site_builder.load.yaml_errors import YamlError


@dataclass(frozen=True)
class Item:
    """A step of a path: the first item of a sequence whose mapping has ``key: value``."""

    key: str
    value: str

    def __str__(self) -> str:
        return f"[{self.key}={self.value}]"


DocPath = tuple[str | int | Item, ...]

_STR = "tag:yaml.org,2002:str"
_BREAKS = ("\r\n", "\n", "\r")
_ESCAPE = re.compile(
    "[\x85\u2028\u2029\ufeff]|" + yaml.reader.Reader.NON_PRINTABLE.pattern
)  # breaks, or not allowed raw
_CUTS = re.compile(r"(?<=\S) (?=\S)")


class CannotEdit(Exception):
    """The value cannot be rewritten in place (it is missing, not a scalar, or would not read back)."""


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (code-point offsets)."""

    start: int
    end: int
    replacement: str


def compose(text: str) -> yaml.Node | None:
    """The text's nodes, read within the loader's limits; :class:`CannotEdit` if it cannot be read."""
    try:
        return yaml_read.compose(text)
    except YamlError as exc:
        raise CannotEdit(f"line {exc.line}, column {exc.column}: {exc.message}") from None


def find(root: yaml.Node | None, path: DocPath) -> tuple[yaml.Node, yaml.Node | None, yaml.Node | None]:
    """The node at ``path``, its parent collection and (in a mapping) its key node."""
    node, parent, key_node = root, None, None
    for step in path:
        if node is None:
            break
        parent = node
        if isinstance(step, int) and isinstance(node, yaml.SequenceNode) and 0 <= step < len(node.value):
            node, key_node = node.value[step], None
        elif isinstance(step, Item) and isinstance(node, yaml.SequenceNode):
            node, key_node = next((item for item in node.value if _has(item, step)), None), None
        elif isinstance(step, str) and isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step), None)
            node, key_node = (pair[1], pair[0]) if pair else (None, None)
        else:
            node = None
    if node is None:
        raise CannotEdit(f"no value at {'/'.join(map(str, path))}")
    return node, parent, key_node


def _has(node: yaml.Node, step: Item) -> bool:
    return isinstance(node, yaml.MappingNode) and any(
        isinstance(k, yaml.ScalarNode)
        and k.value == step.key
        and isinstance(v, yaml.ScalarNode)
        and v.value == step.value
        for k, v in node.value
    )


def _newline(text: str) -> str:
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


def _line_start(text: str, index: int) -> int:
    return max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1


def _flow_candidates(text: str, node: yaml.ScalarNode, value: str, flow: bool) -> list[str]:
    """Ways to write ``value`` as a flow scalar: the node's own style first."""
    start, end = node.start_mark.index, node.end_mark.index
    original = text[start:end]
    nl = _newline(original) if any(b in original for b in _BREAKS) else _newline(text)
    lines = original.splitlines()
    style = node.style or ""
    forms: list[str] = []

    def wrapped(opening: str, body: str) -> str | None:
        if len(lines) < 2:
            return None
        indent = len(lines[1]) - len(lines[1].lstrip(" "))
        width = max(node.start_mark.column + len(lines[0]), *(len(x) for x in lines[1:]))
        parts = _wrap(body, node.start_mark.column + len(opening), width, indent)
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


def _block_edit(text: str, node: yaml.ScalarNode, value: str) -> Edit | None:
    """Rewrite the content lines of a literal or folded block scalar, keeping its header and the
    blank lines after it (which its chomping indicator may count)."""
    if value != value.strip() or any(c in value for c in "\r\x85\u2028\u2029") or not _analysis(value).allow_block:
        return None
    start, end = node.start_mark.index, node.end_mark.index
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
    nl = _newline(body)
    if node.style == "|":
        new_lines = value.split("\n")
    else:
        width = max(80, *(len(x) for x in lines))
        new_lines = [] if "\n" in value else _wrap(value, indent, width, indent)
        if not new_lines:
            return None
    return Edit(header_end, content_end, nl.join(" " * indent + x if x else x for x in new_lines))


def _reads_back(text: str, edit: Edit, path: DocPath, value: str, block: bool) -> bool:
    new = text[: edit.start] + edit.replacement + text[edit.end :]
    try:
        node, _, _ = find(compose(new), path)
    except (yaml.YAMLError, CannotEdit):
        return False
    if not isinstance(node, yaml.ScalarNode) or node.tag != _STR:
        return False
    got = node.value.rstrip("\n") if block else node.value
    return got == value


def replace_value(text: str, path: DocPath, value: str) -> Edit:
    """The edit that makes the string at ``path`` read ``value``, in the style it has."""
    node, parent, _ = find(compose(text), path)
    if not isinstance(node, yaml.ScalarNode):
        raise CannotEdit(f"the value at {'/'.join(map(str, path))} is not a single text")
    flow = isinstance(parent, yaml.CollectionNode) and bool(parent.flow_style)
    if node.style in ("|", ">"):
        edit = _block_edit(text, node, value)
        if edit is not None and _reads_back(text, edit, path, value, block=True):
            return edit
    start, end = node.start_mark.index, node.end_mark.index
    if node.style in ("|", ">"):  # the line breaks after a block scalar stay
        end = start + len(text[start:end].rstrip("\r\n "))
    for form in _flow_candidates(text, node, value, flow):
        edit = Edit(start, end, form)
        if _reads_back(text, edit, path, value, block=False):
            return edit
    raise CannotEdit(f"the value at {'/'.join(map(str, path))} cannot be rewritten in place")


def scalar_text(value: str, flow: bool = False) -> str:
    """``value`` as a one-line YAML scalar: plain when it reads back as the same text, else quoted."""
    if _plain_ok(value, flow):
        return value
    return _single_quoted(value) or _double_quoted(value)


def _end_of_line(text: str, index: int) -> int:
    """The index just past the line break that ends the line holding ``index`` (or the text's end)."""
    ends = [i for i in (text.find("\n", index), text.find("\r", index)) if i != -1]
    if not ends:
        return len(text)
    at = min(ends)
    return at + (2 if text.startswith("\r\n", at) else 1)


def insert_entry(text: str, mapping_path: DocPath, key: str, value: str, beside: str) -> Edit:
    """The edit that adds ``key: value`` to the mapping at ``mapping_path``, next to its key
    ``beside`` (before it when that key starts its line, else after its value)."""
    mapping, _, _ = find(compose(text), mapping_path)
    if not isinstance(mapping, yaml.MappingNode):
        raise CannotEdit(f"{'/'.join(map(str, mapping_path))} is not a mapping")
    pair = next(((k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode) and k.value == beside), None)
    if pair is None:
        raise CannotEdit(f"{'/'.join(map(str, mapping_path))} has no key {beside!r}")
    key_node, value_node = pair
    if mapping.flow_style:
        edit = Edit(
            value_node.end_mark.index,
            value_node.end_mark.index,
            f", {scalar_text(key, True)}: {scalar_text(value, True)}",
        )
    else:
        entry = f"{scalar_text(key)}: {scalar_text(value)}"
        line_start = _line_start(text, key_node.start_mark.index)
        indent = key_node.start_mark.column
        nl = _newline(text)
        if text[line_start : key_node.start_mark.index].strip(" ") == "":
            edit = Edit(line_start, line_start, " " * indent + entry + nl)
        else:
            if isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">"):
                at = value_node.end_mark.index  # the start of the line after the block
                if at == len(text) and not text.endswith(("\n", "\r")):
                    edit = Edit(at, at, nl + " " * indent + entry)
                else:
                    edit = Edit(at, at, " " * indent + entry + nl)
            else:
                at = _end_of_line(text, value_node.end_mark.index)
                lead = "" if at > 0 and text[at - 1] in "\r\n" else nl
                edit = Edit(at, at, lead + " " * indent + entry + (nl if lead == "" else ""))
    new = apply_edits(text, [edit])
    try:
        node, _, _ = find(compose(new), mapping_path + (key,))
    except (yaml.YAMLError, CannotEdit):
        raise CannotEdit(f"cannot add {key!r} to {'/'.join(map(str, mapping_path))}") from None
    if not isinstance(node, yaml.ScalarNode) or node.value != value:
        raise CannotEdit(f"cannot add {key!r} to {'/'.join(map(str, mapping_path))}")
    return edit


def apply_edits(text: str, edits: list[Edit]) -> str:
    """``text`` with every edit made; the edits must not overlap."""
    out, at = [], 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < at:
            raise CannotEdit("two edits overlap")
        out += [text[at : edit.start], edit.replacement]
        at = edit.end
    out.append(text[at:])
    return "".join(out)
