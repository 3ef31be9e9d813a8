"""The store: the model's values come back equal, of the same types; anything else is a miss; and
the store is saved with the entries a run used."""

from __future__ import annotations

import secrets

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.diagnostics import RULES, Diagnostic
from site_builder.model import Citation, Fact, Located, Match, Original, Sheet, SourceMeta, Span, Suggestion
from site_builder.runtime.store import FILE, MISSING, Store

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
#: A diagnostic's details are plain data (a tuple in them would come back a list).
details = st.recursive(
    st.none() | st.booleans() | number | st.floats(allow_nan=False) | text,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(text, inner, max_size=2),
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


def store(tmp_path):
    return Store(tmp_path / ".site-builder-cache", secrets.token_bytes(32))


@pytest.mark.parametrize("shape", sorted(SHAPES))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_value_comes_back_equal_and_of_the_same_types(tmp_path_factory, shape, data):
    kind, values = SHAPES[shape]
    value = data.draw(values)
    kept = store(tmp_path_factory.mktemp("store"))
    kept.put("k", value)
    _same(kept.get("k", kind), value)


SHEET = tuple[Sheet | None, list[Diagnostic]]
GOOD = msgspec.to_builtins((Sheet("a", "factsheets/a.yml", "A", (), None, ()), []))
DIAGNOSTIC = {"severity": "error", "code": "schema", "file": "x", "line": 1, "message": "m"}


@pytest.mark.parametrize(
    "data",
    [
        None,
        "a",
        [],
        [GOOD[0]],  # one part missing
        [GOOD[0], [], []],  # one too many
        [{"id": "a", "path": "factsheets/a.yml", "facts": []}, []],  # a field missing
        [{**GOOD[0], "title": 1}, []],  # a number for text
        [{**GOOD[0], "tags": [1]}, []],  # a number among the tags
        [{**GOOD[0], "facts": {}}, []],  # a mapping for a list
        [None, [{**DIAGNOSTIC, "severity": "fatal"}]],  # an unknown severity
        [None, [{**DIAGNOSTIC, "code": "no-such-code"}]],  # a code the model refuses
        [None, [{**DIAGNOSTIC, "line": True}]],  # true is not a line number
    ],
)
def test_data_that_is_not_what_was_written_is_a_miss(tmp_path, data):
    kept = store(tmp_path)
    kept.entries["k"] = msgspec.msgpack.encode(data)
    assert kept.get("k", SHEET) is MISSING
    assert "k" not in kept.entries  # and is not kept


def test_a_store_keeps_the_entries_a_run_used(tmp_path):
    kept = store(tmp_path)
    kept.put("used", 1)
    kept.put("unused", 2)
    kept.save({"used"})
    assert msgspec.msgpack.decode((tmp_path / ".site-builder-cache" / FILE).read_bytes()) == {
        "used": msgspec.msgpack.encode(1)
    }
