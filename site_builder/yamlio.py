"""Read YAML as plain, JSON-shaped data that remembers where every value came from.

The document is composed into nodes (nothing is constructed from tags, so no code can run)
and converted by hand, which is where duplicate keys, refused tags and alias bombs are caught.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml's parser when it is there: same nodes, same marks, faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path = tuple[str | int, ...]

MAX_NODES = 200_000  # a record file is small; this only stops alias bombs
MAX_DEPTH = 50

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}


class YamlError(Exception):
    """A problem that stops a file from being read at all."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


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


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Converter:
    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.count = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise YamlError(
                f"the document expands to more than {MAX_NODES} values; "
                "anchors and aliases may not be used to blow it up",
                *_mark(node),
            )
        if depth > MAX_DEPTH:
            raise YamlError(f"the document is nested more than {MAX_DEPTH} levels deep", *_mark(node))
        self.doc.positions[path] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            self.expect_tag(node, "seq")
            return [self.convert(item, path + (i,), depth + 1) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            self.expect_tag(node, "map")
            return self.mapping(node, path, depth)
        raise YamlError("unsupported YAML node", *_mark(node))  # pragma: no cover

    def mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == f"{_TAG}merge":
                raise YamlError("merge keys (<<) are not supported; write the keys out", *_mark(key_node))
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError("a mapping key must be plain text", *_mark(key_node))
            key = str(key_node.value)
            if key in result:
                first_line = self.doc.key_positions[path + (key,)][0]
                self.doc.problems.append(
                    Problem(
                        f"duplicate key '{key}' (first given on line {first_line}); "
                        "YAML keeps only one of them, so remove the other",
                        *_mark(key_node),
                    )
                )
                continue
            self.doc.key_positions[path + (key,)] = _mark(key_node)
            result[key] = self.convert(value_node, path + (key,), depth + 1)
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag not in _SCALAR_TAGS:
            raise YamlError(f"the tag '{node.tag}' is not allowed; records hold plain data only", *_mark(node))
        kind = node.tag[len(_TAG):]
        if kind in ("str", "timestamp"):  # dates stay text, as written; the schema checks their form
            return node.value
        return getattr(self.scalars, f"construct_yaml_{kind}")(node)

    @staticmethod
    def expect_tag(node: yaml.Node, kind: str) -> None:
        if node.tag != f"{_TAG}{kind}":
            raise YamlError(f"the tag '{node.tag}' is not allowed; records hold plain data only", *_mark(node))


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; raises :class:`YamlError` with a line for what cannot be read."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
        if mark is None:
            raise YamlError(message) from None
        raise YamlError(message, mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).strip() or "invalid YAML") from None
    except RecursionError:
        raise YamlError(f"the document is nested more than {MAX_DEPTH} levels deep") from None
    doc = YamlDocument(data=None)
    if root is not None:
        doc.data = _Converter(doc).convert(root, (), 0)
    return doc
