"""The passage of a source closest to a quote that is not in it.

Three steps, each bounded:

1. Places: the words of the quote (character pairs in scripts written without
   spaces) are looked up in the source's index of words; each hit votes for the
   place where the quote would start, and the best few places are kept. A quote
   none of whose words is in the source falls back to a scan of the whole text.
2. Alignment: around each place, the quote's words are aligned with the source's
   words, and the passage is the run of whole words that differs from the quote
   in the fewest words (then: in the fewest characters).
3. The passage takes the punctuation attached to its first and last word where
   the quote has punctuation there too (a mark the quote rightly leaves out, the
   comma after its last word, is no difference), and is compared with the quote
   word by word for the diff and the caret.

The passage is offered as the source has it; ``pasteable`` gives it as a quote to
paste, which the check then finds.

A long quote is searched for by its first ``MAX_QUERY`` characters, and the
suggestion covers that part.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter

import regex
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from site_builder.check.matching.elision import ELISION, INSERTION
from site_builder.check.matching.word_diff import WORD, departure, word_diff
from site_builder.check.matching.words import plain_text
from site_builder.model import Suggestion
from site_builder.text import hyphenation
from site_builder.text.normalize import normalize
from site_builder.text.source_text import SourceText

MAX_QUERY = 500  # characters of the quote searched for
_PLACES = 4  # places aligned precisely
_SHORTEST_WINDOW = 256
_SHIFT = 3  # words the alignment may move each end of the passage by
_ELIDED_REACH = 2000  # characters after an elided quote's first part searched for its last part
_EDGES = regex.compile(r"^[^\w]+|[^\w]+$", regex.V1)
_STOPS = "\"',.;:!?…，。、；：！？｡､"
_SIMILAR = 70  # a word this similar to another (in %) is that word with a typo
#: The normalizations that change no visible character of a passage: white space made single
#: spaces; invisible characters dropped; a word hyphenated across a line end read as the matcher
#: reads it. A passage with these applied reads as the source does and is found where it stands.
_PASTE_RULES = frozenset(
    ("whitespace", "no-break-space", "zero-width", "bidi-marks", "variation-selectors", hyphenation.NAME)
)


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
    start, end = _with_punctuation(norm.text, start, end, query)
    return passage_suggestion(quote, source, norm.start_to_original(start), norm.end_to_original(end))


def passage_suggestion(quote: str, source: SourceText, start: int, end: int) -> Suggestion:
    """The passage ``source.text[start:end]`` as the suggestion for ``quote``."""
    passage = source.text[start:end]
    compared = plain_text(quote)
    score = round(fuzz.ratio(normalize(compared), normalize(passage)), 1)
    shown = pasteable(passage)  # as the help line offers it
    return Suggestion(passage, start, end, score, word_diff(quote, shown), departure(quote, shown))


def pasteable(passage: str) -> str:
    """``passage`` as a quote to paste: on one line, without invisible characters, and with a word
    hyphenated across a line end read the way the check reads it, so that the check finds it."""
    return normalize(passage, _PASTE_RULES)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text`` (see ``word_diff.WORD``), case-folded, with their spans."""
    return [(m.group().casefold(), m.start(), m.end()) for m in WORD.finditer(text)]


def _places(query: str, source: SourceText) -> list[tuple[int, int]]:
    """Stretches of the normalized source where the quote may be, best first."""
    index = source.word_index
    places = index.places(query, _PLACES)
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
    keys = [_bare(w[0]) for w in words]
    quote_keys = [_bare(w[0]) for w in wanted]
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


def _bare(word: str) -> str:
    """``word`` without the marks at its edges (``a,`` is ``a``), unless it is nothing but marks:
    a word is the same word with another comma, which the finer comparisons then weigh."""
    return _EDGES.sub("", word) or word


def _unmatched(quote_keys: list[str], keys: list[str]) -> tuple[int, int]:
    """How many words of the quote have no counterpart among ``keys``, and the other way round.

    A word left over on one side counts as matched by a similar one left over on the other, and
    a number by another number: a number changed is a word changed, not one left out.
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
        if close is None and word.isdigit():
            close = next(((w, 0, i) for i, w in enumerate(extra) if w.isdigit()), None)
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


def _with_punctuation(text: str, start: int, end: int, query: str) -> tuple[int, int]:
    """``text[start:end]`` (whole words) with the punctuation at its edges that the quote has.

    Before the first word, the opening marks (“, (, «, 「; not a full stop, which ends the
    sentence before) or none, and the marks of the first word itself or not; after the last
    word, its marks and those attached to it, only the closing marks of what the passage
    opened, or none. Of these, the passage whose words differ least from the quote's (``query``,
    normalized), so that a mark the quote rightly leaves out (the comma after its last word)
    shows as no difference; then the one that begins and ends with as many marks as the quote;
    then the shorter. But first, a passage that leaves no more brackets or quotations open (or
    closed) than the quote does: “(see above)” rather than “see above)”.
    """
    widened = start
    while widened > 0 and _attached(text[widened - 1]) and _opening(text[widened - 1]):
        widened -= 1
    bare = start
    while bare < end and _edge_mark(text[bare]):
        bare += 1
    starts = [start, widened] + ([bare] if bare < end and not text[bare].isspace() else [])
    attached = end
    while attached < len(text) and _attached(text[attached]) and not _opening(text[attached]):
        attached += 1
    bare = end
    while bare > start and _edge_mark(text[bare - 1]):
        bare -= 1
    ends = [end, attached]
    if bare > start and not text[bare - 1].isspace():
        ends += [bare, *(i + 1 for i in range(bare, attached) if _closing(text[i]))]
    wanted = [key for key, _, _ in _tokens(query)]
    edges = _marks(query)
    allowed = _unbalanced(query)
    best: tuple[tuple[bool, int, int, int], int, int] | None = None
    for s in dict.fromkeys(starts):
        for e in dict.fromkeys(ends):
            passage = text[s:e]
            cost = (
                _unbalanced(passage) > allowed,
                OSA.distance(wanted, [key for key, _, _ in _tokens(passage)]),
                sum(abs(a - b) for a, b in zip(_marks(passage), edges)),
                e - s,
            )
            if best is None or cost < best[0]:
                best = (cost, s, e)
    assert best is not None
    return best[1], best[2]


def _marks(text: str) -> tuple[int, int]:
    """How many marks ``text`` begins with, and ends with."""
    head = next((i for i, c in enumerate(text) if not _attached(c)), len(text))
    tail = next((i for i, c in enumerate(reversed(text)) if not _attached(c)), 0)
    return head, tail


def _unbalanced(passage: str) -> int:
    """How many brackets and quotations ``passage`` opens and does not close, or the other way."""
    opened = sum(1 for c in passage if _opening(c) and c not in "\"'")
    closed = sum(1 for c in passage if _closing(c) and c not in "\"'")
    return abs(opened - closed) + passage.count('"') % 2


def _edge_mark(char: str) -> bool:
    """A mark a quote may begin or end without: a quotation mark, a bracket, a dash, a stop."""
    return unicodedata.category(char) in ("Ps", "Pe", "Pi", "Pf", "Pd") or char in _STOPS


def _closing(char: str) -> bool:
    return unicodedata.category(char) in ("Pe", "Pf") or char in "\"'"


def _attached(char: str) -> bool:
    return not char.isspace() and not char.isalnum() and char != "_"


def _opening(char: str) -> bool:
    return unicodedata.category(char) in ("Ps", "Pi") or char in "\"'¿¡"


def _head(text: str) -> str:
    """The first ``MAX_QUERY`` characters of ``text``, without a partial last word."""
    head = text[:MAX_QUERY]
    cut = head.rfind(" ")
    return head[:cut] if cut > 0 and not text[MAX_QUERY : MAX_QUERY + 1].isspace() else head
