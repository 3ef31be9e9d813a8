"""The passage of a source closest to a quote that is not in it.

The normalized source is cut into overlapping windows at least twice as long as
the quote; a cheap score ranks them all, and only the best few are aligned
precisely. The work is linear in the source for any quote: a long quote is
searched for by its first ``MAX_QUERY`` characters, and the suggestion covers
that part.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from rapidfuzz import fuzz, process

from site_builder.check.matching.words import plain_text
from site_builder.model import Suggestion
from site_builder.text.normalize import normalize
from site_builder.text.source_text import SourceText

MAX_QUERY = 500  # characters of the quote searched for
_SHORTEST_WINDOW = 256
_ALIGNED = 3  # windows aligned precisely
_WIDEN = 40  # at most this many characters added at each end to complete a word


def closest_passage(quote: str, source: SourceText) -> Suggestion | None:
    """The passage most like ``quote``, widened to whole words, with a score and a diff."""
    plain = plain_text(quote)
    if len(plain) > MAX_QUERY:
        quote = plain = _head(plain)  # the suggestion and its diff cover this part
    query = normalize(plain)[:MAX_QUERY]
    norm = source.normalized
    if not query or not norm.text.strip():
        return None
    width = _SHORTEST_WINDOW
    while width < 2 * len(query):
        width *= 2
    windows = source.windows(width)
    best = None
    for _, _, i in process.extract(query, windows, scorer=fuzz.ratio, limit=_ALIGNED):
        aligned = fuzz.partial_ratio_alignment(query, windows[i])
        if aligned is None:
            continue
        at = i * (width // 2)
        if best is None or aligned.score > best[0]:
            best = (aligned.score, at + aligned.dest_start, at + aligned.dest_end)
    if best is None:
        return None
    start, end = _whole_words(norm.text, best[1], best[2])
    if start >= end:
        return None
    a, b = norm.start_to_original(start), norm.end_to_original(end)
    passage = source.text[a:b]
    score = round(fuzz.ratio(query, norm.text[start:end]), 1)
    return Suggestion(passage, a, b, score, word_diff(quote, passage))


def word_diff(quote: str, passage: str) -> str:
    """Words only in the quote as ``[-…-]``, words only in the passage as ``{+…+}``.

    Words are compared normalized, so a curly quote against a straight one is no
    difference; the passage's own spelling is shown.
    """
    old, new = quote.split(), passage.split()
    matcher = SequenceMatcher(None, [normalize(w) for w in old], [normalize(w) for w in new], autojunk=False)
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(" ".join(new[j1:j2]))
            continue
        if i1 < i2:
            parts.append("[-" + " ".join(old[i1:i2]) + "-]")
        if j1 < j2:
            parts.append("{+" + " ".join(new[j1:j2]) + "+}")
    return " ".join(parts)


def _head(text: str) -> str:
    """The first ``MAX_QUERY`` characters of ``text``, without a partial last word."""
    head = text[:MAX_QUERY]
    cut = head.rfind(" ")
    return head[:cut] if cut > 0 and not text[MAX_QUERY : MAX_QUERY + 1].isspace() else head


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim white space off the ends of ``text[start:end]``, then complete its end words."""
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    low, high = max(start - _WIDEN, 0), min(end + _WIDEN, len(text))
    while start > low and text[start - 1] != " ":
        start -= 1
    while end < high and text[end] != " ":
        end += 1
    return start, end
