"""Read YAML as plain, JSON-shaped data that remembers where every value came from.

The document is composed by :func:`~site_builder.load.yaml_read.compose`, which refuses a text
nested too deep or blown up by aliases, and converted by hand, which is where duplicate keys and
refused tags are caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from site_builder.load.excerpt import excerpt
from site_builder.load.yaml_errors import YamlError, line_and_column
from site_builder.load.yaml_read import compose

Path = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_STR = f"{_TAG}str"
_SURROGATE = re.compile(r"[\ud800-\udfff]")

__all__ = ["Path", "Problem", "YamlDocument", "YamlError", "parse_yaml"]


@dataclass(frozen=True)
class Problem:
    """A problem in a file that could still be read (the first of two keys wins)."""

    message: str
    line: int
    column: int


@dataclass
class YamlDocument:
    data: Any
    #: path of a value → (line, column) of that value, 1-based
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    #: path of a mapping entry → (line, column) of its key
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: path of a scalar value → its start and end index in ``text``, and its style (None, ', ", |, >)
    scalars: dict[Path, tuple[int, int, str | None]] = field(default_factory=dict)
    text: str = ""

    def raw_scalar(self, path: Path) -> tuple[str, str | None]:
        """The scalar at ``path`` as written in the file, quotes and block header included, and its style."""
        if path not in self.scalars:
            return "", None
        start, end, style = self.scalars[path]
        return self.text[start:end], style

    def line_of(self, path: Path, *, key: bool = False) -> int | None:
        """Line of the value at ``path`` (or of its key), else of its nearest ancestor."""
        table = self.key_positions if key else self.positions
        while True:
            if path in table:
                return table[path][0]
            if path in self.positions:
                return self.positions[path][0]
            if not path:
                return None
            path = path[:-1]

    def column_of(self, path: Path) -> int | None:
        return self.positions[path][1] if path in self.positions else None


def _refused_tag(tag: str, where: yaml.Node) -> YamlError:
    return YamlError(f"the tag {excerpt(tag)} is not allowed; records hold plain data only", *line_and_column(where))


class _Converter:
    """Turns composed nodes into plain data, noting where each value and key stands.

    The common nodes (plain text, mappings, lists) take a short path: a project of ten
    thousand facts has a few hundred thousand of them.
    """

    def __init__(self, doc: YamlDocument, *, surrogates: bool = True) -> None:
        self.doc = doc
        self.positions = doc.positions
        self.key_positions = doc.key_positions
        self.scalars = yaml.constructor.SafeConstructor()
        self.surrogates = surrogates  # whether an escape may have written half of a UTF-16 pair

    def convert(self, node: yaml.Node, path: Path) -> Any:
        mark = node.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            self.doc.scalars[path] = (node.start_mark.index, node.end_mark.index, node.style)
            if node.tag == _STR and not self.surrogates:
                return node.value
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            self.expect_tag(node, "seq")
            convert = self.convert
            return [convert(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            self.expect_tag(node, "map")
            return self.mapping(node, path)
        raise YamlError("unsupported YAML node", *line_and_column(node))  # pragma: no cover

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        key_positions = self.key_positions
        convert = self.convert
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode or key_node.tag != _STR:
                self.check_key(key_node)
            key = self.text(key_node) if self.surrogates else key_node.value
            at = (*path, key)
            if key in result:
                first_line = key_positions[at][0]
                self.doc.problems.append(
                    Problem(
                        f"duplicate key {excerpt(key)} (first given on line {first_line}); "
                        "YAML keeps only one of them, so remove the other",
                        *line_and_column(key_node),
                    )
                )
                continue
            mark = key_node.start_mark
            key_positions[at] = (mark.line + 1, mark.column + 1)
            result[key] = convert(value_node, at)
        return result

    @staticmethod
    def check_key(key_node: yaml.Node) -> None:
        if key_node.tag == f"{_TAG}merge":
            raise YamlError("merge keys (<<) are not supported; write the keys out", *line_and_column(key_node))
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlError("a mapping key must be plain text", *line_and_column(key_node))
        if key_node.tag not in _SCALAR_TAGS:
            raise _refused_tag(key_node.tag, key_node)

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise _refused_tag(node.tag, node)
        kind = node.tag[len(_TAG) :]
        if kind in ("str", "timestamp"):  # dates stay text, as written; the schema checks their form
            return self.text(node)
        try:
            return getattr(self.scalars, f"construct_yaml_{kind}")(node)
        except (ValueError, OverflowError):  # e.g. an integer of thousands of digits
            raise YamlError(
                f"the number {excerpt(node.value)} cannot be read; quote it to make it text", *line_and_column(node)
            ) from None

    @staticmethod
    def text(node: yaml.ScalarNode) -> str:
        value = str(node.value)
        bad = _SURROGATE.search(value)
        if bad:
            raise YamlError(
                f"the escape \\u{ord(bad.group()):04x} is half of a UTF-16 pair, "
                "not a character; write the character itself",
                *line_and_column(node),
            )
        return value

    @staticmethod
    def expect_tag(node: yaml.Node, kind: str) -> None:
        if node.tag != f"{_TAG}{kind}":
            raise _refused_tag(node.tag, node)


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; raises :class:`YamlError` with a line for what cannot be read."""
    root = compose(text)
    doc = YamlDocument(data=None, text=text)
    if root is not None:
        # Only an escape (a backslash) can write half of a UTF-16 pair into the text.
        doc.data = _Converter(doc, surrogates="\\" in text).convert(root, ())
    return doc
