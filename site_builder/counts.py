"""A count with its noun in the right number: "1 source", "2 sources", "0 errors"."""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
