"""Change one value of a YAML file and keep every other byte as it was.

The document is composed into nodes through :func:`~site_builder.load.yaml_read.compose`, within
the loader's limits, and each node's place gives the span of its value in the text; only that
span is rewritten, in the value's own style (:mod:`~site_builder.load.yaml_scalar_forms`: plain,
single- or double-quoted, literal or folded block), wrapped like the original when it spanned
lines. Every edit is checked by parsing the result: the value must read back as intended, or the
edit is refused with :class:`CannotEdit`.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from site_builder.load import yaml_read
from site_builder.load.yaml_errors import YamlError
from site_builder.load.yaml_read import end_of, start_of
from site_builder.load.yaml_scalar_forms import block_body, flow_forms, newline_of, scalar_text

__all__ = [
    "CannotEdit",
    "DocPath",
    "Edit",
    "Item",
    "apply_edits",
    "compose",
    "find",
    "insert_entry",
    "replace_value",
    "scalar_text",
]


@dataclass(frozen=True)
class Item:
    """A step of a path: the first item of a sequence whose mapping has ``key: value``."""

    key: str
    value: str

    def __str__(self) -> str:
        return f"[{self.key}={self.value}]"


DocPath = tuple[str | int | Item, ...]

_STR = "tag:yaml.org,2002:str"


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


def _line_start(text: str, index: int) -> int:
    return max(text.rfind("\n", 0, index), text.rfind("\r", 0, index)) + 1


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
        body = block_body(text, node, value)
        if body is not None and _reads_back(text, Edit(*body), path, value, block=True):
            return Edit(*body)
    start, end = start_of(node).offset, end_of(node).offset
    if node.style in ("|", ">"):  # the line breaks after a block scalar stay
        end = start + len(text[start:end].rstrip("\r\n "))
    for form in flow_forms(text, node, value, flow):
        edit = Edit(start, end, form)
        if _reads_back(text, edit, path, value, block=False):
            return edit
    raise CannotEdit(f"the value at {'/'.join(map(str, path))} cannot be rewritten in place")


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
    key_at, value_end = start_of(key_node), end_of(value_node).offset
    if mapping.flow_style:
        edit = Edit(value_end, value_end, f", {scalar_text(key, True)}: {scalar_text(value, True)}")
    else:
        entry = f"{scalar_text(key)}: {scalar_text(value)}"
        line_start = _line_start(text, key_at.offset)
        indent = key_at.column - 1
        nl = newline_of(text)
        if text[line_start : key_at.offset].strip(" ") == "":
            edit = Edit(line_start, line_start, " " * indent + entry + nl)
        else:
            if isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">"):
                at = value_end  # the start of the line after the block
                if at == len(text) and not text.endswith(("\n", "\r")):
                    edit = Edit(at, at, nl + " " * indent + entry)
                else:
                    edit = Edit(at, at, " " * indent + entry + nl)
            else:
                at = _end_of_line(text, value_end)
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
