"""Where a problem stands, as CI tools want it: a path from the working folder, and a region.

GitHub resolves paths from the root of the checked-out repository, the folder CI runs in, so a
project under a sub-folder (``--root docs``) has its paths prefixed with that folder. Columns are
counted in UTF-16 code units, as GitHub counts them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from site_builder.diagnostics import Diagnostic


def ci_path(project_root: str, file: str) -> str:
    """``file`` (relative to the project root) relative to the working folder, with forward slashes."""
    root = Path(project_root)
    if root.is_absolute():
        try:
            root = root.resolve().relative_to(Path.cwd().resolve())
        except ValueError:  # outside the working folder: the project-relative path is all there is
            return file
    joined = posixpath.normpath(posixpath.join(root.as_posix(), file))
    return file if joined.startswith("../") else joined


@dataclass(frozen=True)
class Region:
    """1-based lines; columns in UTF-16 code units, the end column exclusive."""

    start_line: int
    start_column: int
    end_line: int
    end_column: int


def _utf16(line: str, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-16 column."""
    return len(line[: column - 1].encode("utf-16-le")) // 2 + 1


class LineReader:
    """The lines of the project's files, read once each (a file that cannot be read has none)."""

    def __init__(self, root: str) -> None:
        self.root = Path(root)
        self._lines: dict[str, list[str]] = {}

    def line(self, file: str, number: int) -> str:
        if file not in self._lines:
            try:
                text = (self.root / file).read_bytes().decode("utf-8-sig", errors="replace")
                self._lines[file] = text.splitlines()
            except OSError:
                self._lines[file] = []
        lines = self._lines[file]
        return lines[number - 1] if 0 < number <= len(lines) else ""

    def region(self, x: Diagnostic) -> Region:
        """The span a problem points at: the word where a quote departs from its source when known,
        else from its column (or the line's first character) to the end of the line."""
        number = x.line or 1
        line = self.line(x.file, number)
        start = x.column or (len(line) - len(line.lstrip()) + 1)
        end = len(line.rstrip()) + 1
        difference = x.extra.get("difference") if x.line else None
        if isinstance(difference, dict) and difference.get("text"):
            # The diagnostic's column is that of the word where the quote departs, as the record writes
            # it; written with a doubled '' or an escape, it runs on to the next space, within reason.
            word = difference["text"]
            if line[start - 1 : start - 1 + len(word)] == word:
                end = start + len(word)
            else:
                end = start
                while end <= len(line) and not line[end - 1].isspace() and end - start < len(word) + 8:
                    end += 1
        if x.line is None:
            start = 1
        end = max(end, start)
        return Region(number, _utf16(line, start), number, _utf16(line, end))
