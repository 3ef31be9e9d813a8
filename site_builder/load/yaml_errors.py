"""A YAML text that cannot be read at all, told with the line and column where reading stopped."""

from __future__ import annotations

import yaml


class YamlError(Exception):
    """A problem that stops a file from being read at all."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None, notes: tuple[str, ...] = ()):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.notes = notes  # further lines: the fix, ready to paste


def line_and_column(node: yaml.Node | yaml.Event) -> tuple[int, int]:
    """Where a node or an event starts, 1-based."""
    mark = node.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
