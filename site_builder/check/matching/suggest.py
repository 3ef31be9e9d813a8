"""The passage of a source closest to a quote that is not in it.

Three steps, each bounded:

1. Places: the words of the quote (character pairs in scripts written without
   spaces) are looked up in the source's index of words; each hit votes for the
   place where the quote would start, and the best few places are kept. A quote
   none of whose words is in the source falls back to a scan of the whole text.
2. Alignment: around each place, the quote's words are aligned with the source's
   words, and the passage is the run of whole words that differs from the quote
   in the fewest words (then: in the fewest characters).
3. The passage takes the punctuation attached to its first and last word, and is
   compared with the quote word by word for the diff and the caret.

A long quote is searched for by its first ``MAX_QUERY`` characters, and the
suggestion covers that part.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from site_builder.check.matching.elision import ELISION, INSERTION
from site_builder.check.matching.word_diff import WORD, departure, word_diff
from site_builder.check.matching.words import plain_text
from site_builder.model import Suggestion
from site_builder.text.normalize import normalize
from site_builder.text.source_text import SourceText
from site_builder.text.word_index import query_keys

MAX_QUERY = 500  # characters of the quote searched for
_PLACES = 4  # places aligned precisely
_SHORTEST_WINDOW = 256
_SHIFT = 3  # words the alignment may move each end of the passage by
_ELIDED_REACH = 2000  # characters after an elided quote's first part searched for its last part
_SIMILAR = 70  # a word this similar to another (in %) is that word with a typo


def closest_passage(quote: str, source: SourceText) -> Suggestion | None:
    """The passage most like ``quote``, in whole words, with a score, a diff and the first difference.

    An elided quote is searched for by its first part; the passage then runs on to
    the place most like its last part, if that follows within the paragraph's reach.
    """
    plain = plain_text(quote)
    if len(plain) > MAX_QUERY:
        quote = plain = _head(plain)  # the suggestion and its diff cover this part
    parts = [normalize(part) for part in ELISION.split(INSERTION.sub("", quote))]
    parts = [part for part in parts if _tokens(part)]
    query = normalize(plain)[:MAX_QUERY]
    norm = source.normalized
    if not query or not parts or not norm.text.strip():
        return None
    head = parts[0][:MAX_QUERY]
    best = None
    for low, high in _places(head, source):
        found = _align(_tokens(head), head, norm.text, low, high)
        if found is not None and (best is None or found[0] < best[0]):
            best = found
    if best is None:
        return None
    _, start, end = best
    if len(parts) > 1:
        tail = parts[-1][:MAX_QUERY]
        reach = min(end + _ELIDED_REACH + len(query), len(norm.text))
        found = _align(_tokens(tail), tail, norm.text, end, reach)
        if found is not None and found[0][0] < 1:
            end = found[2]
    start, end = _with_punctuation(norm.text, start, end)
    return passage_suggestion(quote, source, norm.start_to_original(start), norm.end_to_original(end))


def passage_suggestion(quote: str, source: SourceText, start: int, end: int) -> Suggestion:
    """The passage ``source.text[start:end]`` as the suggestion for ``quote``."""
    passage = source.text[start:end]
    compared = plain_text(quote)
    score = round(fuzz.ratio(normalize(compared), normalize(passage)), 1)
    return Suggestion(passage, start, end, score, word_diff(quote, passage), departure(quote, passage))


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` (see ``word_diff.WORD``), case-folded, with their spans."""
    return [(m.group().casefold(), m.start(), m.end()) for m in WORD.finditer(text)]


def _places(query: str, source: SourceText) -> list[tuple[int, int]]:
    """Stretches of the normalized source where the quote may be, best first."""
    index = source.word_index
    places = index.places(query_keys(query), len(query), _PLACES)
    if places:
        return places
    return _scanned_places(query, source)


def _scanned_places(query: str, source: SourceText) -> list[tuple[int, int]]:
    """When no word of the quote is in the source: windows ranked by their likeness to it."""
    width = _SHORTEST_WINDOW
    while width < 2 * len(query):
        width *= 2
    windows = source.windows(width)
    step = width // 2
    return [(i * step, i * step + width) for _, _, i in process.extract(query, windows, scorer=fuzz.ratio, limit=2)]


def _align(
    wanted: list[tuple[str, int, int]], query: str, text: str, low: int, high: int
) -> tuple[tuple[float, ...], int, int] | None:
    """The run of whole words in ``text[low:high]`` closest to the quote's words.

    Returns (cost, start, end) with offsets into ``text``. The cost orders the runs:
    fewest words that differ (a swap of two neighbours counts once) per word of the
    quote; then fewest words of the quote missing from the run (a word with a typo
    or another case is not missing); then fewest words of the run missing from the
    quote; then the fewest unlike characters.
    """
    words = [(key, low + a, low + b) for key, a, b in _tokens(text[low:high])]
    if not words:
        return None
    keys = [w[0] for w in words]
    quote_keys = [w[0] for w in wanted]
    n = len(quote_keys)
    first, last = _rough_ends(query, words, text, low, high)
    best = None
    for s in range(max(first - _SHIFT, 0), min(first + _SHIFT, len(keys) - 1) + 1):
        for e in range(max(last - _SHIFT, s + 1), min(last + _SHIFT + 1, len(keys)) + 1):
            distance = OSA.distance(quote_keys, keys[s:e])
            if best is not None and distance / n > best[0][0]:
                continue
            missing, extra = _unmatched(quote_keys, keys[s:e])
            start, end = words[s][1], words[e - 1][2]
            unlike = 100 - fuzz.ratio(query, text[start:end])
            cost = (distance / n, missing, extra, unlike)
            if best is None or cost < best[0]:
                best = (cost, start, end)
    return best


def _unmatched(quote_keys: list[str], keys: list[str]) -> tuple[int, int]:
    """How many words of the quote have no counterpart among ``keys``, and the other way round.

    A word left over on one side counts as matched by a similar one left over on the other.
    """
    left = Counter(quote_keys)
    left.subtract(keys)
    missing = [k for k, c in left.items() for _ in range(c) if c > 0]
    extra = [k for k, c in left.items() for _ in range(-c) if c < 0]
    similar = 0
    for word in missing:
        if not extra:
            break
        close = process.extractOne(word, extra, scorer=fuzz.ratio, score_cutoff=_SIMILAR)
        if close is not None:
            extra.pop(close[2])
            similar += 1
    return len(missing) - similar, len(extra)


def _rough_ends(query: str, words: list[tuple[str, int, int]], text: str, low: int, high: int) -> tuple[int, int]:
    """The first and last of ``words`` under the stretch of ``text[low:high]`` most like the quote."""
    aligned = fuzz.partial_ratio_alignment(query, text[low:high])
    if aligned is None:
        return 0, len(words) - 1
    starts = [w[1] for w in words]
    ends = [w[2] for w in words]
    first = min(bisect_right(ends, low + aligned.dest_start), len(words) - 1)
    last = max(bisect_left(starts, low + aligned.dest_end) - 1, first)
    return first, last


def _with_punctuation(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` with the punctuation attached to its first and last word.

    Before the first word only opening marks count (“, (, «, 「): a full stop there
    ends the sentence before.
    """
    while start > 0 and _attached(text[start - 1]) and _opening(text[start - 1]):
        start -= 1
    while end < len(text) and _attached(text[end]) and not _opening(text[end]):
        end += 1
    return start, end


def _attached(char: str) -> bool:
    return not char.isspace() and not char.isalnum() and char != "_"


def _opening(char: str) -> bool:
    return unicodedata.category(char) in ("Ps", "Pi") or char in "\"'¿¡"


def _head(text: str) -> str:
    """The first ``MAX_QUERY`` characters of ``text``, without a partial last word."""
    head = text[:MAX_QUERY]
    cut = head.rfind(" ")
    return head[:cut] if cut > 0 and not text[MAX_QUERY : MAX_QUERY + 1].isspace() else head
