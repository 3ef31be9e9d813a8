"""Word diffs of the fields of a record: what a reviewer reads instead of a diff of YAML lines."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Literal

Op = Literal["=", "-", "+"]


def word_diff(old: str, new: str) -> list[tuple[Op, str]]:
    """``old`` turned into ``new`` as runs of kept (``=``), removed (``-``) and added (``+``) words."""
    a, b = old.split(), new.split()
    out: list[tuple[Op, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if i1 < i2:
            out.append(("-", " ".join(a[i1:i2])))
        if j1 < j2:
            out.append(("+", " ".join(b[j1:j2])))
    return out
