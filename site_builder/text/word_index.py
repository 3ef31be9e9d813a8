"""An index of the words of a normalized source, to find where a wrong quote may come from.

The normalized text has single spaces between its words, so cutting it on spaces
gives its words and their offsets at C speed. A word's key is its lower-case form,
punctuation included; in scripts written without spaces each pair of characters
is a key too. Built once per source, the first time a quote is not found in it.
"""

from __future__ import annotations

from array import array
from itertools import accumulate

import regex

from site_builder.text.boundaries import NO_SPACE

MAX_HITS = 500  # a key found more often than this says little about where a quote is
MAX_VOTES = 1000  # places voted for, per quote
_NO_SPACE_RUN = regex.compile(f"[{NO_SPACE}]{{2,}}", regex.V1)


class WordIndex:
    """Where each key occurs in the normalized text (offsets of its first character)."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        chunks = text.split(" ")
        keys = text.lower().split(" ")
        starts = accumulate((len(c) + 1 for c in chunks), initial=0)
        index: dict[str, array] = {}
        for key, start in zip(keys, starts):
            if not key:
                continue
            hits = index.get(key)
            if hits is None:
                index[key] = array("q", (start,))
            else:
                hits.append(start)
        for m in _NO_SPACE_RUN.finditer(text):
            run, at = m.group(), m.start()
            for i in range(len(run) - 1):
                key = run[i : i + 2]
                hits = index.get(key)
                if hits is None:
                    index[key] = array("q", (at + i,))
                else:
                    hits.append(at + i)
        self._index = index

    def places(self, keys: list[tuple[str, int]], length: int, limit: int) -> list[tuple[int, int]]:
        """Up to ``limit`` stretches ``(start, end)`` of the text where most of ``keys`` fall
        where the quote (``length`` characters, ``keys`` at their offsets in it) would put them.

        The rarest keys vote first, and voting stops after ``MAX_VOTES``: a quote costs
        the same in a source of any size.
        """
        looked_up = []
        for key, offset in keys:
            hits = self._index.get(key)
            if hits is not None:
                looked_up.append((len(hits), key, offset, hits))
        looked_up.sort(key=lambda x: x[0])
        votes: list[tuple[int, float]] = []
        seen: set[str] = set()
        for count, key, offset, hits in looked_up:
            if seen and (len(votes) + count > MAX_VOTES or count > MAX_HITS) and key not in seen:
                break
            seen.add(key)
            weight = 1.0 / (1.0 + count / 50)
            votes.extend((at - offset, weight) for at in hits[:MAX_VOTES])
        if not votes:
            return []
        votes.sort()
        width = 16 + length // 8
        slack = 16 + length // 4
        places: list[tuple[int, int]] = []
        strongest = 0.0
        while votes and len(places) < limit:
            lo, hi, weight = _densest(votes, width)
            if weight < strongest / 3:
                break
            strongest = max(strongest, weight)
            places.append((max(lo - slack, 0), min(hi + length + slack, self.length)))
            votes = [v for v in votes if not lo - length <= v[0] <= hi + length]
        return places

    def lacks(self, query: str) -> bool:
        """Whether the normalized quote ``query`` certainly does not occur in the text.

        True when one of its inner words (one with a space on each side), or a pair of
        characters written without spaces, is nowhere in the text: whatever surrounds
        them, such words occur in the text as whole keys wherever the quote does.
        """
        chunks = query.lower().split(" ")
        if any(chunk not in self._index for chunk in chunks[1:-1] if chunk):
            return True
        for m in _NO_SPACE_RUN.finditer(query):
            run = m.group()
            if any(run[i : i + 2] not in self._index for i in range(len(run) - 1)):
                return True
        return False


def _densest(votes: list[tuple[int, float]], width: int) -> tuple[int, int, float]:
    """The stretch of ``width`` diagonals holding the most weight: (first, last, weight)."""
    best = (votes[0][0], votes[0][0], 0.0)
    total = 0.0
    j = 0
    for diagonal, weight in votes:
        total += weight
        while votes[j][0] < diagonal - width:
            total -= votes[j][1]
            j += 1
        if total > best[2]:
            best = (votes[j][0], diagonal, total)
    return best


def query_keys(query: str) -> list[tuple[str, int]]:
    """The keys of a normalized quote, with their offsets in it."""
    keys = []
    at = 0
    for chunk, lowered in zip(query.split(" "), query.lower().split(" ")):
        if lowered:
            keys.append((lowered, at))
        at += len(chunk) + 1
    for m in _NO_SPACE_RUN.finditer(query):
        run = m.group()
        keys.extend((run[i : i + 2], m.start() + i) for i in range(len(run) - 1))
    return keys
