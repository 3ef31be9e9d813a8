"""The one way a YAML text becomes nodes: within the project's limits, with its problems told
at a line and column in a curator's words.

Every reader of YAML (the loader of records, the editor of fixes and pins) composes through
:func:`compose`: the text is checked for characters YAML refuses, for its depth before it is
composed (:mod:`~site_builder.load.yaml_depth`) and for what its aliases add once it is
(:mod:`~site_builder.load.yaml_aliases`). Nothing is constructed from tags, so no code can run.
Every node keeps its place in the text (:func:`start_of`, :func:`end_of`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, ClassVar

import yaml

from site_builder.load.yaml_aliases import check_aliases
from site_builder.load.yaml_depth import MAX_DEPTH, check_depth, surely_within
from site_builder.load.yaml_errors import YamlError
from site_builder.load.yaml_slips import find_slip

try:  # libyaml's parser when it is there: same nodes, same marks, faster
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

_SCALAR = yaml.ScalarNode
_SHORT = 40  # characters: the plain scalars whose tag is remembered (keys, ids, numbers, dates)
_REMEMBERED = 50_000  # tags remembered at most, then forgotten all at once


class CachedTagLoader(_SafeLoader):
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


#: the loader every text is composed with (PyYAML's own where libyaml is missing)
Loader: type = CachedTagLoader


@dataclass(frozen=True)
class Position:
    """A place in a text: 1-based line and column, and the index of its character in the text."""

    line: int
    column: int
    offset: int


def start_of(node: yaml.Node) -> Position:
    mark = node.start_mark
    return Position(mark.line + 1, mark.column + 1, mark.index)


def end_of(node: yaml.Node) -> Position:
    mark = node.end_mark
    return Position(mark.line + 1, mark.column + 1, mark.index)


def compose(text: str) -> yaml.Node | None:
    """The node graph of the one document ``text`` holds (None if it holds none).

    Raises :class:`YamlError` for a character YAML refuses, a text nested more than
    ``MAX_DEPTH`` deep, aliases that would blow the document up, and any syntax problem.
    """
    _check_characters(text)
    loader = Loader
    try:
        if not surely_within(text, MAX_DEPTH):
            check_depth(text, loader)
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        raise _marked(exc, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - reader errors are caught before parsing
        raise YamlError(f"not valid YAML: {' '.join(str(exc).split())}") from None
    if root is not None and "*" in text and "&" in text:  # only an alias (``*name``) of an anchor shares a node
        check_aliases(root)
    return root


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
