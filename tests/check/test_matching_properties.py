"""Properties of ``locate`` over generated texts.

Texts are words over a small alphabet (so phrases repeat), decorated with curly and
straight quotes, dashes and ellipses, separated by spaces, no-break spaces and line
breaks of every convention, in paragraphs split by blank lines.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from importlib import import_module

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from site_builder.check.matching import SourceText, locate, search
from site_builder.model import Span
from site_builder.text.normalize import normalize

locate_module = import_module("site_builder.check.matching.locate")  # the package names the function alike

FAST = settings(max_examples=60, deadline=None, database=None)

LETTERS = ["a", "b", "c", "d", "e", "A", "é", "e\u0301"]
OPENERS = ["", "", "", "“", "‘", '"', "'"]
JOINERS = ["", "", "-", "—", "–"]
CLOSERS = ["", "", "", ",", ".", ";", "”", "’", '"', "…", "..."]
SEPARATORS = [" ", " ", " ", " ", "  ", "\n", "\r\n", "\r", "\u00a0", " \u200b"]
BLANK_LINES = ["\n\n", "\r\n\r\n", "\r\r", "\n \n"]
ABSENT_WORD = "xyzzy"  # letters no generated text contains

# What a quote may change, each an equivalent under one rule.
VARIANTS = {
    "“": ['"', "„"],
    "”": ['"', "‟"],
    "‘": ["'", "‚"],
    "’": ["'", "‛"],
    '"': ["“", "”"],
    "'": ["’"],
    "-": ["‐", "‑", "−"],
    "—": ["-", "–", "―"],
    "–": ["-", "—"],
    "…": ["..."],
    " ": ["\n", "\r\n", "  ", "\u00a0", "\u202f", "\t"],
    "\n": [" ", "\r\n"],
    "\r\n": [" ", "\n"],
    "\r": [" "],
    "\u00a0": [" ", "\u2007"],
}
# Not the joiner U+200D: it binds emoji and Indic letters, and is never dropped.
ZERO_WIDTH = ["\u200b", "\u200c", "\u2060", "\ufeff", "\u00ad"]

letters = st.lists(st.sampled_from(LETTERS), min_size=1, max_size=4).map("".join)
words = st.builds(
    lambda o, a, j, b, c: o + a + (j + b if j else "") + c,
    st.sampled_from(OPENERS),
    letters,
    st.sampled_from(JOINERS),
    letters,
    st.sampled_from(CLOSERS),
)


@dataclass
class Generated:
    text: str
    spans: list[tuple[int, int]]  # of every word
    paragraph: list[int]  # paragraph number of every word


@st.composite
def texts(draw, min_paragraphs=1, min_words=3, numbered=False):
    """Paragraphs of words; ``numbered`` words each end in their own number, so none repeats."""
    paragraphs = draw(st.lists(st.lists(words, min_size=min_words, max_size=25), min_size=min_paragraphs, max_size=4))
    if numbered:
        count = iter(range(10_000))
        paragraphs = [[f"{word}{next(count):04d}" for word in para] for para in paragraphs]
    text, spans, paragraph = "", [], []
    for number, para in enumerate(paragraphs):
        if number:
            text += draw(st.sampled_from(BLANK_LINES))
        for i, word in enumerate(para):
            if i:
                text += draw(st.sampled_from(SEPARATORS))
            spans.append((len(text), len(text) + len(word)))
            paragraph.append(number)
            text += word
    return Generated(text, spans, paragraph)


@st.composite
def passages(draw, min_words=3):
    """A text, and the span of a run of whole words in it."""
    generated = draw(texts())
    n = len(generated.spans)
    assume(n >= min_words)
    first = draw(st.integers(0, n - min_words))
    last = draw(st.integers(first + min_words - 1, min(n - 1, first + 12)))
    return generated, Span(generated.spans[first][0], generated.spans[last][1]), first, last


def vary(draw, passage: str) -> str:
    """The passage with any mix of allowed normalizations applied to it."""
    out = []
    i = 0
    while i < len(passage):
        piece = passage[i : i + 2] if passage[i : i + 2] in VARIANTS else passage[i]
        i += len(piece)
        if piece in VARIANTS and draw(st.booleans()):
            piece = draw(st.sampled_from(VARIANTS[piece]))
        out.append(piece)
        # Not between a letter and its accent: that would be a different text.
        if not unicodedata.combining(passage[i : i + 1] or " ") and draw(st.integers(0, 9)) == 0:
            out.append(draw(st.sampled_from(ZERO_WIDTH)))
    varied = "".join(out)
    form = draw(st.sampled_from(["NFC", "NFD", None]))
    return unicodedata.normalize(form, varied) if form else varied


@FAST
@given(passages())
def test_every_passage_is_found_exactly_at_its_offsets(case):
    generated, span, _, _ = case
    quote = generated.text[span.start : span.end]
    match = locate(quote, SourceText(generated.text))
    assert match.status == "exact"
    assert span in match.occurrences
    assert match.span == Span(generated.text.find(quote), generated.text.find(quote) + len(quote))
    if len(match.occurrences) == 1:
        assert match.span == span


@FAST
@given(passages(), st.data())
def test_every_normalized_passage_maps_back_to_its_offsets(case, data):
    generated, span, _, _ = case
    quote = vary(data.draw, generated.text[span.start : span.end])
    match = locate(quote, SourceText(generated.text))
    assert match.status in ("exact", "normalized")
    assert span in match.occurrences
    for found in match.occurrences:
        assert normalize(generated.text[found.start : found.end]) == normalize(quote)


@FAST
@given(passages(), st.data())
def test_every_normalized_passage_is_found_once_the_index_of_words_is_built(case, data):
    """The index then turns away a quote early when a word, or a pair of words, is not in the
    source: never one that is."""
    generated, span, _, _ = case
    source = SourceText(generated.text)
    locate(ABSENT_WORD, source)
    assert "word_index" in source.__dict__
    match = locate(vary(data.draw, generated.text[span.start : span.end]), source)
    assert match.status in ("exact", "normalized")
    assert span in match.occurrences


@FAST
@given(passages(), st.data())
def test_a_changed_word_never_passes(case, data):
    generated, span, first, last = case
    changed = data.draw(st.integers(first, last))
    a, b = generated.spans[changed]
    quote = generated.text[span.start : a] + ABSENT_WORD + generated.text[b : span.end]
    match = locate(vary(data.draw, quote), SourceText(generated.text))
    assert match.status == "not-found"
    assert match.suggestion is not None


@st.composite
def two_passages(draw, numbered=False):
    """A text and two runs of words, the first before the second in one paragraph."""
    generated = draw(texts(min_paragraphs=2, min_words=5, numbered=numbered))
    number = draw(st.sampled_from(sorted(set(generated.paragraph))))
    indexes = [i for i, p in enumerate(generated.paragraph) if p == number]
    a = draw(st.sampled_from(indexes[:-4]))
    b = draw(st.integers(a, indexes[-1] - 3))
    c = draw(st.integers(b + 2, indexes[-1]))
    d = draw(st.integers(c, indexes[-1]))
    span = generated.spans
    return generated, Span(span[a][0], span[b][1]), Span(span[c][0], span[d][1]), number


def _elision_marker(draw) -> str:
    return draw(st.sampled_from([" … ", " ... ", " […] ", " [...] "]))


@FAST
@given(two_passages(), st.data())
def test_elided_passages_in_order_are_found_in_one_paragraph(case, data):
    generated, left, right, _ = case
    text = generated.text
    quote = text[left.start : left.end] + _elision_marker(data.draw) + text[right.start : right.end]
    source = SourceText(text)
    match = locate(quote, source)
    assert match.found
    if match.status == "elided":
        segments = match.segments
        assert all(x.end <= y.start for x, y in zip(segments, segments[1:]))
        assert any(a <= segments[0].start and segments[-1].end <= b for a, b in source.paragraphs)


@FAST
@given(two_passages(numbered=True), st.data())
def test_elided_passages_out_of_order_are_not_found(case, data):
    generated, left, right, _ = case
    text = generated.text
    first, second = text[left.start : left.end], text[right.start : right.end]
    assume(not any(mark in first + second for mark in ("…", "...")))
    quote = second + _elision_marker(data.draw) + first
    assert locate(quote, SourceText(text)).status == "not-found"


@FAST
@given(passages(), st.data())
def test_skipping_the_places_found_verbatim_leaves_the_other_normalized_places(case, data):
    """``locate`` asks for the normalized places but those it found verbatim: the rest must be
    what the whole list holds beside them, in the same order."""
    generated, span, _, _ = case
    quote = data.draw(
        st.sampled_from([generated.text[span.start : span.end], vary(data.draw, generated.text[span.start : span.end])])
    )
    source = SourceText(generated.text)
    seen = {c.span.start for c in search.exact(quote, source)}
    every = search.normalized(quote, source)
    assert search.normalized(quote, source, wanted=normalize(quote), skip=seen) == [
        c for c in every if c.span.start not in seen
    ]


@FAST
@given(passages(), st.data())
def test_a_quote_found_once_is_found_alike_the_short_way_and_the_general_way(case, data):
    """``locate`` takes a shorter way for a quote found once verbatim and nowhere else once
    normalized: it must find what the general way finds, for every quote it takes."""
    generated, span, _, _ = case
    passage = generated.text[span.start : span.end]
    quote = data.draw(st.sampled_from([passage, vary(data.draw, passage), passage.split(" ")[0]]))
    # Sometimes the passage again, written otherwise: found once verbatim, twice once normalized.
    again = data.draw(st.sampled_from(["", "\n\n" + vary(data.draw, passage)]))
    source = SourceText(generated.text + again)
    quick = locate_module.found_once(quote, normalize(quote), source)
    original = locate_module.found_once
    locate_module.found_once = lambda *args: None
    try:
        general = locate(quote, source)
    finally:
        locate_module.found_once = original
    assert locate(quote, source) == general
    if quick is not None:
        assert quick == general
