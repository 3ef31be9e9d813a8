"""An index of the words of a normalized source, to find where a wrong quote may come from.

The normalized text has single spaces between its words, so cutting it on spaces gives its
words and their offsets at C speed. A word's key is its lower-case form without the marks at its
edges (``night,`` is ``night``); in scripts written without spaces each pair of characters is a
key too. Each pair of neighbouring words is a key of its own: in a large source most words occur
thousands of times and say little about where a quote is, but two of them side by side rarely
do. A quote with one wrong word keeps most of its pairs, while the wrong word, however rare,
brings one key: it cannot outvote the rest of the quote.

Keys are hashed (by Python's ``hash``, so an index serves only the process that built it) and kept
in one sorted array, eight bytes per word and per pair. Built once per source, the first time a
quote is not found in it.
"""

from __future__ import annotations

import math
from array import array
from itertools import accumulate
from typing import TYPE_CHECKING

import regex

from site_builder.text.boundaries import NO_SPACE

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

MAX_HITS = 5000  # a key found more often than this says little about where a quote is
MAX_VOTES = 20000  # places voted for, per quote
_NO_SPACE_RUN = regex.compile(f"[{NO_SPACE}]{{2,}}", regex.V1)
# The marks at the edges of a word, taken off its key; spaces stay, so words keep their places.
_EDGE_MARKS = regex.compile(r"(?<!\S)[^\w\s]+(?=\w)|(?<=\w)[^\w\s]+(?!\S)", regex.V1)
_SLICE = 1 << 20  # characters of the text cut into words at a time
_PAIR_MIX = 0x9E3779B97F4A7C15  # odd: multiplying by it mixes the first key's bits into the pair's


class WordIndex:
    """Where each key occurs in the normalized text (offsets of its first character).

    Each occurrence is one number: the key's hash in the high bits, the offset in the low ones,
    all of them sorted, so that the occurrences of a key are one run of the array.
    """

    def __init__(self, text: str) -> None:
        import numpy as np

        self.length = len(text)
        self._offset_bits = max(self.length.bit_length(), 1)
        hashes, starts = _word_keys(text)
        real = hashes != 0  # hash("") is 0: the empty piece before a leading space or after a trailing one
        paired = real[:-1] & real[1:]
        unspaced_keys, unspaced_starts = array("q"), array("q")  # eight bytes each, as the arrays below
        for m in _NO_SPACE_RUN.finditer(text):
            run, at = m.group(), m.start()
            unspaced_keys.extend(hash(run[i : i + 2]) for i in range(len(run) - 1))
            unspaced_starts.extend(range(at, at + len(run) - 1))
        words, pairs = int(real.sum()), int(paired.sum())
        # Filled in place, part by part: a large source's index is built in little more than its size.
        packed = np.empty(words + pairs + len(unspaced_keys), np.uint64)
        np.compress(real, hashes, out=packed[:words])
        self._pack(packed[:words], np.compress(real, starts))
        np.compress(paired, _pair_keys(hashes[:-1], hashes[1:]), out=packed[words : words + pairs])
        self._pack(packed[words : words + pairs], np.compress(paired, starts[:-1]))
        packed[words + pairs :] = np.frombuffer(unspaced_keys, np.int64).view(np.uint64)
        self._pack(packed[words + pairs :], np.frombuffer(unspaced_starts, np.int64).astype(np.uint64))
        del hashes, starts
        packed.sort()
        self._packed: NDArray[np.uint64] = packed

    def _pack(self, keys: NDArray[np.uint64], starts: NDArray[np.uint64]) -> None:
        """Put the offsets ``starts`` in the low bits of ``keys``, in place."""
        import numpy as np

        bits = np.uint64(self._offset_bits)
        keys >>= bits
        keys <<= bits
        keys |= starts

    def _runs(self, keys: NDArray[np.uint64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Where the occurrences of each key begin in the packed array, and how many there are."""
        import numpy as np

        bits = np.uint64(self._offset_bits)
        first = (keys >> bits) << bits
        low = np.searchsorted(self._packed, first, "left")
        high = np.searchsorted(self._packed, first | np.uint64((1 << self._offset_bits) - 1), "right")
        return low, high - low

    def places(self, query: str, limit: int) -> list[tuple[int, int]]:
        """Up to ``limit`` stretches ``(start, end)`` of the text where most keys of the
        normalized ``query`` fall where the quote would put them.

        Each occurrence of a key votes for the place where the quote would start. A key found
        ``n`` times in a text of ``N`` characters votes ``ln(N / (n w))``, how unlikely it is to
        fall by chance in a stretch of ``w``: a rare key counts more, but not so much more that
        one rare wrong word outweighs two common ones in their places. The rarest keys vote
        first, up to ``MAX_VOTES`` votes: a quote costs about the same in a source of any size.
        """
        import numpy as np

        wanted, offsets = _query_keys(query)
        if not wanted.size:
            return []
        low, counts = self._runs(wanted)
        mask = np.uint64((1 << self._offset_bits) - 1)
        length = len(query)
        width = 16 + length // 8
        slack = 16 + length // 4
        diagonals: list[NDArray[np.int64]] = []
        weights: list[NDArray[np.float64]] = []
        taken = 0
        for k in np.argsort(counts, kind="stable"):
            count = int(counts[k])
            if not count:
                continue
            if taken and (taken + count > MAX_VOTES or count > MAX_HITS):
                break
            hits = self._packed[low[k] : low[k] + min(count, MAX_VOTES)] & mask
            diagonals.append(hits.astype(np.int64) - int(offsets[k]))
            weights.append(np.full(len(hits), max(math.log(self.length / (count * width)), 0.5)))
            taken += len(hits)
        if not diagonals:
            return []
        votes = np.concatenate(diagonals)
        order = np.argsort(votes, kind="stable")
        votes, weight = votes[order], np.concatenate(weights)[order]
        places: list[tuple[int, int]] = []
        strongest = 0.0
        while votes.size and len(places) < limit:
            lo, hi, total = _densest(votes, weight, width)
            if total < strongest / 3:
                break
            strongest = max(strongest, total)
            places.append((max(lo - slack, 0), min(hi + length + slack, self.length)))
            keep = (votes < lo - length) | (votes > hi + length)
            votes, weight = votes[keep], weight[keep]
        return places

    def lacks(self, query: str) -> bool:
        """Whether the normalized quote ``query`` certainly does not occur in the text.

        True when one of its inner words (one with a space on each side), a pair of them side
        by side, or a pair of characters written without spaces, is nowhere in the text:
        whatever surrounds them, such words occur in the text as whole keys wherever the quote
        does. Most wrong quotes are told apart here, without a search of the whole text.
        """
        import numpy as np

        words = _EDGE_MARKS.sub("", query.lower()).split(" ")[1:-1]
        inner = [hash(w) for w in words]
        for m in _NO_SPACE_RUN.finditer(query):
            run = m.group()
            inner += [hash(run[i : i + 2]) for i in range(len(run) - 1)]
        if not inner:
            return False
        keys = np.array(inner, np.int64).view(np.uint64)
        if len(words) > 1:
            keys = np.concatenate((keys, _pair_keys(keys[: len(words) - 1], keys[1 : len(words)])))
        _, counts = self._runs(keys)
        return bool((counts == 0).any())


def _word_keys(text: str) -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """The key of each space-separated word of ``text`` (0 for an empty one) and its offset.

    The text is cut into slices at spaces, so that only a slice's words are ever held as strings.
    """
    import numpy as np

    count = text.count(" ") + 1
    hashes = np.empty(count, np.int64)
    starts = np.empty(count, np.uint64)
    at = done = 0
    while done < count:
        end = text.find(" ", at + _SLICE)
        end = len(text) if end == -1 else end
        piece = text[at:end]
        lengths = np.fromiter(map(len, piece.split(" ")), np.uint64)
        n = len(lengths)
        starts[done] = at
        np.cumsum(lengths[:-1] + np.uint64(1), out=starts[done + 1 : done + n])
        starts[done + 1 : done + n] += np.uint64(at)
        hashes[done : done + n] = np.fromiter(map(hash, _EDGE_MARKS.sub("", piece.lower()).split(" ")), np.int64, n)
        done += n
        at = end + 1
    return hashes.view(np.uint64), starts


def _pair_keys(first: NDArray[np.uint64], second: NDArray[np.uint64]) -> NDArray[np.uint64]:
    """The keys of words side by side: one number from both of theirs, unlike either."""
    import numpy as np

    keys = first * np.uint64(_PAIR_MIX)
    keys ^= second >> np.uint64(7)
    keys ^= second << np.uint64(57)
    return keys


def _query_keys(query: str) -> tuple[NDArray[np.uint64], NDArray[np.int64]]:
    """The keys of a normalized quote (words, pairs of words, pairs of characters written
    without spaces), with their offsets in it."""
    import numpy as np

    chunks = query.split(" ")
    words = _EDGE_MARKS.sub("", query.lower()).split(" ")
    starts = list(accumulate((len(c) + 1 for c in chunks), initial=0))[:-1]
    present = [(hash(w), at) for w, at in zip(words, starts) if w]
    hashes = np.array([h for h, _ in present], np.int64).view(np.uint64)
    offsets = np.array([at for _, at in present], np.int64)
    unspaced = [
        (hash(m.group()[i : i + 2]), m.start() + i)
        for m in _NO_SPACE_RUN.finditer(query)
        for i in range(len(m.group()) - 1)
    ]
    return (
        np.concatenate(
            (hashes, _pair_keys(hashes[:-1], hashes[1:]), np.array([h for h, _ in unspaced], np.int64).view(np.uint64))
        ),
        np.concatenate((offsets, offsets[:-1], np.array([at for _, at in unspaced], np.int64))),
    )


def _densest(votes: NDArray[np.int64], weight: NDArray[np.float64], width: int) -> tuple[int, int, float]:
    """The stretch of ``width`` diagonals (``votes``, sorted) holding the most weight:
    (first, last, weight)."""
    import numpy as np

    running = np.concatenate(([0.0], np.cumsum(weight)))
    first = np.searchsorted(votes, votes - width, "left")
    totals = running[1:] - running[first]
    best = int(np.argmax(totals))
    return int(votes[first[best]]), int(votes[best]), float(totals[best])
