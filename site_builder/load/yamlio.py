"""Read YAML as plain, JSON-shaped data that remembers where every value came from.

The document is composed into nodes (nothing is constructed from tags, so no code can run)
and converted by hand, which is where duplicate keys and refused tags are caught. Two limits
are checked, each in time linear in the file: the nesting depth, estimated from the characters
before any YAML library reads the text (libyaml's composer recurses on the C stack, and its
scanner slows down with depth) and measured exactly on the nodes as they are converted (on the
parser's events, before composing, for a document with aliases); and the number of values its
aliases add, counted on the node graph before any alias is expanded (so an alias bomb is refused
without being built; a document without aliases is bounded by the size of its file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from site_builder.load.excerpt import excerpt
from site_builder.load.nesting import TooDeep, check_nesting
from site_builder.load.yaml_slips import find_slip

try:  # libyaml's parser when it is there: same nodes, same marks, faster
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

_SCALAR = yaml.ScalarNode
_SHORT = 40  # characters: the plain scalars whose tag is remembered (keys, ids, numbers, dates)
_REMEMBERED = 50_000  # tags remembered at most, then forgotten all at once


class _Loader(_SafeLoader):
    """The safe loader, which tells the tag of a short plain scalar once per value: every record
    repeats the same keys, and telling a tag tries a list of patterns, in Python."""

    _tags: ClassVar[dict[str, str]] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any, _resolve: Any = _SafeLoader.resolve) -> Any:
        if kind is _SCALAR and implicit[0] and len(value) <= _SHORT and not self.yaml_path_resolvers:
            tags = self._tags
            tag = tags.get(value)
            if tag is None:
                if len(tags) >= _REMEMBERED:
                    tags.clear()
                tag = tags[value] = _resolve(self, kind, value, implicit)
            return tag
        return _resolve(self, kind, value, implicit)


Path = tuple[str | int, ...]

MAX_ALIAS_VALUES = 100_000  # values that aliases may add to a document, all aliases together
MAX_DEPTH = 50  # a record is nested five levels deep

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_STR = f"{_TAG}str"
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class YamlError(Exception):
    """A problem that stops a file from being read at all."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None, notes: tuple[str, ...] = ()):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.notes = notes  # further lines: the fix, ready to paste


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


def _mark(node: yaml.Node | yaml.Event) -> tuple[int, int]:
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _refused_tag(tag: str, where: yaml.Node) -> YamlError:
    return YamlError(f"the tag {excerpt(tag)} is not allowed; records hold plain data only", *_mark(where))


def _too_deep(line: int, column: int) -> YamlError:
    return YamlError(f"the document is nested more than {MAX_DEPTH} levels deep", line, column)


def _check_depth(text: str) -> bool:
    """Refuse a document nested more than ``MAX_DEPTH`` deep, before it is composed;
    tell whether it uses aliases."""
    depth = 0
    aliases = False
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(*_mark(event))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases = True
    return aliases


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_expansion(root: yaml.Node) -> None:
    """Refuse aliases that add more than ``MAX_ALIAS_VALUES`` values, nest deeper than
    ``MAX_DEPTH`` once expanded, or refer to a collection that contains them.

    A depth-first walk visits each node once; reaching a node a second time is an alias, which
    adds the node's expanded size, known by then, to the document.
    """
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    on_path: set[int] = set()
    added = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            kids = _children(node)
            size[key] = 1 + sum(size[id(kid)] for kid in kids)
            height[key] = 1 + max((height[id(kid)] for kid in kids), default=0)
            if height[key] > MAX_DEPTH + 1:  # + 1: the scalars below the deepest collection
                raise YamlError(
                    f"the document is nested more than {MAX_DEPTH} levels deep once its aliases are expanded",
                    *_mark(node),
                )
        elif key in size:
            added += size[key]
            if added > MAX_ALIAS_VALUES:
                raise YamlError(
                    f"aliases add more than {MAX_ALIAS_VALUES} values to the document (the last "
                    "one repeats the value that starts here); they may not be used to blow it up",
                    *_mark(node),
                )
        elif key in on_path:
            raise YamlError(
                "an alias refers to a collection that contains it; records cannot be recursive", *_mark(node)
            )
        else:
            on_path.add(key)
            stack.append((node, True))
            stack.extend((kid, False) for kid in reversed(_children(node)))


class _Converter:
    """Turns composed nodes into plain data, noting where each value and key stands.

    A document without aliases is checked for depth here, node by node, instead of in a pass of
    its own. The common nodes (plain text, mappings, lists) take a short path: a project of ten
    thousand facts has a few hundred thousand of them.
    """

    def __init__(self, doc: YamlDocument, *, surrogates: bool = True) -> None:
        self.doc = doc
        self.positions = doc.positions
        self.key_positions = doc.key_positions
        self.scalars = yaml.constructor.SafeConstructor()
        self.surrogates = surrogates  # whether an escape may have written half of a UTF-16 pair

    def convert(self, node: yaml.Node, path: Path, depth: int = 0) -> Any:
        mark = node.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            self.doc.scalars[path] = (node.start_mark.index, node.end_mark.index, node.style)
            if node.tag == _STR and not self.surrogates:
                return node.value
            return self.scalar(node)
        depth += 1
        if depth > MAX_DEPTH:
            raise _too_deep(*_mark(node))
        if isinstance(node, yaml.SequenceNode):
            self.expect_tag(node, "seq")
            convert = self.convert
            return [convert(item, (*path, i), depth) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            self.expect_tag(node, "map")
            return self.mapping(node, path, depth)
        raise YamlError("unsupported YAML node", *_mark(node))  # pragma: no cover

    def mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
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
                        *_mark(key_node),
                    )
                )
                continue
            mark = key_node.start_mark
            key_positions[at] = (mark.line + 1, mark.column + 1)
            result[key] = convert(value_node, at, depth)
        return result

    @staticmethod
    def check_key(key_node: yaml.Node) -> None:
        if key_node.tag == f"{_TAG}merge":
            raise YamlError("merge keys (<<) are not supported; write the keys out", *_mark(key_node))
        if not isinstance(key_node, yaml.ScalarNode):
            raise YamlError("a mapping key must be plain text", *_mark(key_node))
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
                f"the number {excerpt(node.value)} cannot be read; quote it to make it text", *_mark(node)
            ) from None

    @staticmethod
    def text(node: yaml.ScalarNode) -> str:
        value = str(node.value)
        bad = _SURROGATE.search(value)
        if bad:
            raise YamlError(
                f"the escape \\u{ord(bad.group()):04x} is half of a UTF-16 pair, "
                "not a character; write the character itself",
                *_mark(node),
            )
        return value

    @staticmethod
    def expect_tag(node: yaml.Node, kind: str) -> None:
        if node.tag != f"{_TAG}{kind}":
            raise _refused_tag(node.tag, node)


_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # the line breaks YAML counts


def _line_col(text: str, index: int) -> tuple[int, int]:
    breaks = list(_BREAK.finditer(text, 0, index))
    return len(breaks) + 1, index - (breaks[-1].end() if breaks else 0) + 1


def _check_characters(text: str) -> None:
    """Name the first character that YAML does not allow (libyaml would give a byte offset)."""
    bad = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if bad:
        raise YamlError(
            f"the character U+{ord(bad.group()):04X} is not allowed in YAML; control characters must be removed",
            *_line_col(text, bad.start()),
        )


def _marked(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    mark = exc.problem_mark or exc.context_mark
    detail = " ".join(part for part in (exc.context, exc.problem) if part)
    message = f"not valid YAML: {detail}" if detail else "not valid YAML"
    if mark is None:
        return YamlError(message)
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    if "\t" in line[: len(line) - len(line.lstrip())]:
        message = "a tab cannot indent YAML; indent with spaces"
    elif line.startswith("---"):
        message = "a second YAML document starts here; a record file holds exactly one (remove the '---' line)"
    else:
        slip = find_slip(text, mark.line + 1)
        if slip is not None:
            return YamlError(
                slip.message, slip.line, slip.column, (f"help: write line {slip.line} as: {slip.fix.lstrip()}",)
            )
    return YamlError(message, mark.line + 1, mark.column + 1)


def _compose(text: str, *, exact_depth: bool) -> tuple[yaml.Node | None, bool]:
    """The document's node graph, after the character and depth checks, and whether it uses aliases.

    With ``exact_depth``, the depth is also measured on the parser's events before the document
    is composed; without it, the converter measures it on the nodes.
    """
    _check_characters(text)
    try:
        check_nesting(text, MAX_DEPTH)  # the project's own limit, before any YAML library reads the text
        aliases = _check_depth(text) if exact_depth else False
        return yaml.compose(text, Loader=_Loader), aliases
    except TooDeep as exc:
        raise _too_deep(exc.line, exc.column) from None
    except yaml.MarkedYAMLError as exc:
        if not exact_depth:  # a problem further on: the depth, if too deep, is still what is reported
            _compose(text, exact_depth=True)
        raise _marked(exc, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors are caught before parsing
        raise YamlError(f"not valid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise YamlError(f"the document is nested more than {MAX_DEPTH} levels deep") from None


def parse_yaml(text: str) -> YamlDocument:
    """Parse one YAML document; raises :class:`YamlError` with a line for what cannot be read.

    A document without aliases (no ``*``) is parsed once: its depth is measured as its nodes are
    converted. The parser's events are read first only for a document with aliases, or to tell
    which of two problems comes first.
    """
    quick = "*" not in text
    root, aliases = _compose(text, exact_depth=not quick)
    doc = YamlDocument(data=None, text=text)
    if root is not None:
        if aliases:
            _check_expansion(root)
        try:
            # Only an escape (a backslash) can write half of a UTF-16 pair into the text.
            doc.data = _Converter(doc, surrogates="\\" in text).convert(root, ())
        except YamlError:
            if quick:
                _check_depth(text)  # a document nested too deep is reported as such, first
            raise
    return doc
