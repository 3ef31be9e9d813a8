"""The model's values written as JSON come back equal, of the same types; anything else is refused."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.diagnostics import RULES, Diagnostic
from site_builder.load.codec import Invalid, codec
from site_builder.model import Citation, Fact, Located, Match, Original, Sheet, SourceMeta, Span, Suggestion

text = st.text(max_size=8)
maybe_text = st.none() | text
number = st.integers(-(2**40), 2**40)
citations = st.builds(
    Citation, text, text, number, number, number, number, number, maybe_text, maybe_text, text, maybe_text
)
facts = st.builds(
    Fact,
    text,
    text,
    text,
    st.lists(citations, max_size=2).map(tuple),
    number,
    st.lists(text, max_size=2).map(tuple),
    st.lists(st.tuples(text, number), max_size=2).map(tuple),
)
sheets = st.builds(
    Sheet, text, text, text, st.lists(facts, max_size=2).map(tuple), maybe_text, st.lists(text, max_size=2).map(tuple)
)
details = st.recursive(
    st.none() | st.booleans() | number | st.floats(allow_nan=False) | text,
    lambda inner: (
        st.lists(inner, max_size=2) | st.lists(inner, max_size=2).map(tuple) | st.dictionaries(text, inner, max_size=2)
    ),
    max_leaves=6,
)
diagnostics = st.sampled_from(sorted(RULES.items())).flatmap(
    lambda rule: st.builds(
        Diagnostic,
        st.just(rule[1].severity),
        st.just(rule[0]),
        text,
        st.none() | number,
        text,
        st.none() | number,
        st.lists(text, max_size=2).map(tuple),
        st.dictionaries(text, details, max_size=2),
    )
)
metas = st.builds(
    SourceMeta,
    *[maybe_text] * 8,
    st.none() | number,
    st.lists(text, max_size=2).map(tuple),
    st.none() | st.builds(Original, text, text, text),
)
spans = st.builds(Span, number, number)
suggestions = st.builds(
    Suggestion, text, number, number, st.floats(allow_nan=False), text, st.none() | st.tuples(number, text)
)
matches = st.builds(
    Match,
    st.sampled_from(["exact", "normalized", "elided", "not-found"]),
    st.none() | spans,
    st.lists(spans, max_size=2).map(tuple),
    st.lists(text, max_size=2).map(tuple),
    st.lists(text, max_size=2).map(tuple),
    st.lists(spans, max_size=2).map(tuple),
    st.none() | suggestions,
    maybe_text,
    st.booleans(),
)

SHAPES = {
    "sheet": (tuple[Sheet | None, list[Diagnostic]], st.tuples(st.none() | sheets, st.lists(diagnostics, max_size=2))),
    "meta": (
        tuple[SourceMeta, str | None, int | None, list[Diagnostic], int | None],
        st.tuples(metas, maybe_text, st.none() | number, st.lists(diagnostics, max_size=2), st.none() | number),
    ),
    "located": (Located, st.builds(Located, matches, maybe_text)),
}


def _same(a, b):
    """Equal, and of the same types all the way down (a tuple is not a list, 1 is not True)."""
    assert type(a) is type(b)
    if isinstance(a, (list, tuple)):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            _same(x, y)
    elif isinstance(a, dict):
        assert list(a) == list(b)
        for key in a:
            _same(a[key], b[key])
    elif hasattr(a, "__dataclass_fields__"):
        for name in a.__dataclass_fields__:
            _same(getattr(a, name), getattr(b, name))
    else:
        assert a == b


@pytest.mark.parametrize("shape", sorted(SHAPES))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_value_comes_back_equal_and_of_the_same_types(shape, data):
    kind, values = SHAPES[shape]
    value = data.draw(values)
    written = json.dumps(codec(kind).encode(value), ensure_ascii=False)
    _same(codec(kind).read(json.loads(written)), value)


SHEET = codec(tuple[Sheet | None, list[Diagnostic]])
GOOD = SHEET.encode((Sheet("a", "factsheets/a.yml", "A", (), None, ()), []))


@pytest.mark.parametrize(
    "data",
    [
        None,
        "a",
        [],
        [GOOD[0]],  # one part missing
        [GOOD[0], [], []],  # one too many
        [["a", "factsheets/a.yml", "A", [], None], []],  # a field missing
        [["a", "factsheets/a.yml", 1, [], None, []], []],  # a number for text
        [["a", "factsheets/a.yml", "A", [], None, [1]], []],  # a number among the tags
        [["a", "factsheets/a.yml", "A", {}, None, []], []],  # a mapping for a list
        [None, [["fatal", "schema", "x", 1, "m", None, [], {}]]],  # an unknown severity
        [None, [["error", "no-such-code", "x", 1, "m", None, [], {}]]],  # a code the model refuses
        [None, [["error", "schema", "x", True, "m", None, [], {}]]],  # true is not a line number
        [None, [["error", "schema", "x", 1, "m", None, [], {"a": ["X", []]}]]],  # an unknown tag in details
    ],
)
def test_data_that_is_not_what_was_written_is_refused(data):
    with pytest.raises(Invalid):
        SHEET.read(data)
