"""How much of a source text its citations cover."""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")


def _visible_length(text: str) -> int:
    return len(_SPACE.sub("", text))


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of ``spans``, as sorted spans that neither overlap nor touch."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def cited_share(text: str, spans: Iterable[tuple[int, int]]) -> float:
    """The share of the text's characters, white space aside, that lie in a cited span."""
    total = _visible_length(text)
    if not total:
        return 0.0
    return sum(_visible_length(text[a:b]) for a, b in merged(spans)) / total


def percent(share: float) -> str:
    """A share as a whole percentage that never rounds a little to nothing, or most to all."""
    value = round(share * 100)
    if share > 0 and value == 0:
        return "<1%"
    if share < 1 and value == 100:
        return ">99%"
    return f"{value}%"
