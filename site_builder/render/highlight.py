"""Split a source text into paragraphs of plain and highlighted pieces.

Highlights never nest: a paragraph is cut at every start and end of a cited span, and each
piece knows which citations cover it, so overlapping citations render as flat, valid markup.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    """One cited passage of the source: its key and the spans that it highlights."""

    key: str  # unique per citation, e.g. its anchor id
    spans: tuple[tuple[int, int], ...]  # one span, or the kept segments of an elided quote


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    covered_by: tuple[str, ...] = ()  # keys of the passages covering this piece, in passage order
    opens: tuple[str, ...] = ()  # passages whose first span starts here
    closes: tuple[str, ...] = ()  # passages whose last span ends here


def split(paragraphs: tuple[tuple[int, int], ...], passages: list[Passage]) -> list[list[Piece]]:
    order = {p.key: i for i, p in enumerate(passages)}
    spans = [(s, e, p.key) for p in passages for s, e in p.spans if e > s]
    spans.sort()
    out: list[list[Piece]] = []
    active: list[tuple[int, int, str]] = []  # spans that started before the current paragraph ends
    nxt = 0
    for a, b in paragraphs:
        while nxt < len(spans) and spans[nxt][0] < b:
            active.append(spans[nxt])
            nxt += 1
        active = [span for span in active if span[1] > a]
        local = [(max(s, a), min(e, b), key) for s, e, key in active]
        cuts = sorted({a, b, *(s for s, _, _ in local), *(e for _, e, _ in local)})
        pieces = []
        for x, y in zip(cuts, cuts[1:]):
            keys = sorted({k for s, e, k in local if s <= x and y <= e}, key=order.__getitem__)
            pieces.append(Piece(x, y, tuple(keys)))
        out.append(pieces)
    return _mark_ends(out)


def _mark_ends(paragraphs: list[list[Piece]]) -> list[list[Piece]]:
    """Set ``opens`` on the first piece each passage shows in, ``closes`` on its last."""
    first: dict[str, tuple[int, int]] = {}
    last: dict[str, tuple[int, int]] = {}
    for i, pieces in enumerate(paragraphs):
        for j, piece in enumerate(pieces):
            for key in piece.covered_by:
                first.setdefault(key, (i, j))
                last[key] = (i, j)
    return [
        [
            Piece(
                piece.start,
                piece.end,
                piece.covered_by,
                tuple(k for k in piece.covered_by if first[k] == (i, j)),
                tuple(k for k in piece.covered_by if last[k] == (i, j)),
            )
            for j, piece in enumerate(pieces)
        ]
        for i, pieces in enumerate(paragraphs)
    ]
