"""Translate offsets between a text and a rewritten copy of it."""

from __future__ import annotations

from array import array
from bisect import bisect_right


class OffsetMap:
    """The replaced pieces of a rewritten text, to map offsets in both directions.

    Only replacements are stored; the text between two of them was copied verbatim,
    so an offset there is shifted by the same amount as the end of the replacement
    before it. Memory grows with the number of replacements, not with the text.
    An offset that falls inside a replacement maps to the start of its counterpart
    when it starts a span and to the end when it ends one.
    """

    def __init__(self) -> None:
        self._old_starts = array("q")
        self._old_ends = array("q")
        self._new_starts = array("q")
        self._new_ends = array("q")

    def __len__(self) -> int:
        return len(self._old_starts)

    def add(self, old_start: int, old_end: int, new_start: int, new_end: int) -> None:
        """Record a replacement; they must be added from left to right."""
        self._old_starts.append(old_start)
        self._old_ends.append(old_end)
        self._new_starts.append(new_start)
        self._new_ends.append(new_end)

    def start_to_old(self, offset: int) -> int:
        return _start(offset, self._new_starts, self._new_ends, self._old_starts, self._old_ends)

    def end_to_old(self, offset: int) -> int:
        return _end(offset, self._new_starts, self._new_ends, self._old_starts, self._old_ends)

    def start_to_new(self, offset: int) -> int:
        return _start(offset, self._old_starts, self._old_ends, self._new_starts, self._new_ends)

    def end_to_new(self, offset: int) -> int:
        return _end(offset, self._old_starts, self._old_ends, self._new_starts, self._new_ends)


def _start(offset: int, starts: array, ends: array, other_starts: array, other_ends: array) -> int:
    # With several pieces starting at ``offset`` (an empty one, then a real one), the
    # last is the one whose first character is at ``offset``.
    k = bisect_right(starts, offset) - 1
    if k < 0:
        return offset
    if offset < ends[k]:
        return other_starts[k]
    return other_ends[k] + offset - ends[k]


def _end(offset: int, starts: array, ends: array, other_starts: array, other_ends: array) -> int:
    # An end offset is placed by the last character it covers, at ``offset - 1``.
    if offset <= 0:
        return offset
    k = bisect_right(starts, offset - 1) - 1
    if k < 0:
        return offset
    if offset - 1 < ends[k]:
        return other_ends[k]
    return other_ends[k] + offset - ends[k]
