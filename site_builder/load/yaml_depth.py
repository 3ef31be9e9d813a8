"""How deeply a YAML text nests, known before it is composed into nodes.

Composing recurses once per level (libyaml's composer on the C stack), and YAML libraries have
nesting limits of their own, which differ between releases and fail with their own words. So a
text's depth is known first, in time linear in the text, and a text nested more than the limit
is refused with the project's own message at the first level too deep.

Most records are far below the limit, which :func:`surely_within` tells from a few counts of
characters. The others are measured on the parser's events, which come from a loop, not a
recursion, and are read only up to the first level too deep.
"""

from __future__ import annotations

import contextlib
import functools
import re

import yaml

from site_builder.load.yaml_errors import YamlError, line_and_column

MAX_DEPTH = 50  # a record is nested five levels deep

# The breaks YAML counts, each starting a line.
_LINE_START = "(?:^|[\n\r\x85\u2028\u2029])"


@functools.cache
def _lead_wider_than(width: int) -> re.Pattern[str]:
    """A line that starts with more than ``width`` spaces, tabs and indicators ``-``, ``?``, ``:``."""
    return re.compile(f"{_LINE_START}[ \t?:-]{{{width + 1}}}")


def surely_within(text: str, limit: int) -> bool:
    """Whether ``text`` cannot nest more than ``limit`` deep, whatever YAML it holds.

    Every block collection starts at a column that only indentation and the indicators of
    compact entries precede (``- - x``, ``? - x``, ``: - x``), and each one nested in another
    starts further right, except a sequence that is a mapping's value, which may start at the
    mapping's column: at most two block levels for each column up to the widest such lead of a
    line. Every flow collection starts with ``[`` or ``{``, and ``[a: b]`` opens a mapping of one
    pair inside the sequence: at most two levels for each ``[``. The bound is checked with one
    search for a line whose lead is too wide.
    """
    flow = 2 * text.count("[") + text.count("{")
    widest = (limit - flow) // 2 - 1  # the widest lead a line may have
    return widest >= 0 and _lead_wider_than(widest).search(text) is None


def _too_deep(limit: int, line: int, column: int) -> YamlError:
    return YamlError(f"the document is nested more than {limit} levels deep", line, column)


def check_depth(text: str, loader: type, limit: int = MAX_DEPTH) -> None:
    """Raise :class:`YamlError` at the first place ``text`` nests more than ``limit`` deep.

    The events are read from ``loader``'s parser; a parser that stops on a problem of its own
    first (libyaml refuses deep flow nesting itself, while it looks ahead) leaves the question
    to PyYAML's own parser, which has no such limit; the first parser's problem is raised when
    the text is not too deep before it.
    """
    try:
        _measure(text, loader, limit)
    except yaml.MarkedYAMLError:
        if loader is yaml.SafeLoader:
            raise
        with contextlib.suppress(yaml.YAMLError):
            _measure(text, yaml.SafeLoader, limit)
        raise


_OPENS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSES = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _measure(text: str, loader: type, limit: int) -> None:
    """Read the events one by one (each a call into the parser, which is what this costs)."""
    parser = loader(text)
    opens, closes = _OPENS, _CLOSES
    depth = 0
    try:
        next_event = parser.get_event
        while True:
            event = next_event()
            kind = event.__class__
            if kind in opens:
                depth += 1
                if depth > limit:
                    raise _too_deep(limit, *line_and_column(event)) from None
            elif kind in closes:
                depth -= 1
            elif kind is yaml.StreamEndEvent:
                return
    finally:
        parser.dispose()
