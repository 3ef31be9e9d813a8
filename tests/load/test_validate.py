"""The quick validity test never passes a document that the validator explaining problems refuses.

A record that the quick test passed is never explained, so a document it wrongly passed would
lose its diagnostics, whatever the characters and shapes. (It may refuse more: a document it
refused is validated again, and is then found to have no problem.)
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.load.validate import _fast_validator, _validator, is_valid

# The characters on which regular-expression dialects and JSON Schema drafts disagree: white
# space that only some count as such, line ends before ``$``, the reserved tag ``index``.
TRICKY = ["", " ", "\n", "\x85", "\x1c", "\ufeff", "\u3000", "\t", "index", "#x", "src.1", "é", "A"]
tricky = st.one_of(st.lists(st.sampled_from(TRICKY), min_size=1, max_size=3).map("".join), st.integers(-1, 1),
                   st.booleans(), st.none())  # fmt: skip


def mostly(*likely: str) -> st.SearchStrategy:
    """One of the values given (a valid one first, then ones on the edge of validity) eleven times
    in twelve, else a tricky one: a document is then often valid but for one place, where the
    validators are most likely to part."""
    return st.integers(0, 11).flatmap(lambda n: tricky if n == 0 else st.sampled_from(likely))


def some(strategy: st.SearchStrategy, least: int = 0) -> st.SearchStrategy:
    return st.integers(0, 11).flatmap(lambda n: tricky if n == 0 else st.lists(strategy, min_size=least, max_size=2))


citation = st.fixed_dictionaries(
    {"source": mostly("src-1", "a.b", "x"), "quote": mostly("some words", "\x85", "\x1c")},
    optional={"prefix": mostly("before"), "suffix": mostly("after")},
)
fact = st.fixed_dictionaries(
    {
        "id": mostly("one", "one\n"),
        "statement": mostly("It is so.", "\u3000", "\ufeff"),
        "citations": some(citation, 1),
    },
    optional={"tags": some(mostly("tag", "index")), "related": some(mostly("#one", "a#b", "a"))},
)
sheet = st.fixed_dictionaries(
    {"title": mostly("Title"), "facts": some(fact, 1)},
    optional={"summary": mostly("Summary"), "tags": some(mostly("tag", "b"))},
)
source = st.fixed_dictionaries(
    {},
    optional={
        "title": mostly("A title", "\x1f"),
        "url": mostly("https://example.org/a", "http://a\x1c", "http://a\n"),
        "published": mostly("2020", "2020-01-02"),
        "sha256": mostly("0" * 64),
        "language": mostly("en", "en-GB"),
        "author": mostly("An author", " "),
        "publisher": mostly("A publisher"),
        "retrieved": mostly("2024-01-02", "2024-1-2"),
        "pages": st.one_of(st.integers(-1, 3), st.sampled_from([1.0, 2.5, True, False, "2", None])),
        "page_labels": some(mostly("i", "ii", "x" * 65), 1),
        "original": st.one_of(
            tricky,
            st.fixed_dictionaries(
                {
                    "name": mostly("a.pdf", ""),
                    "media_type": mostly("application/pdf", "PDF"),
                    "sha256": mostly("0" * 64),
                },
                optional={"size": st.integers(0, 2)},
            ),
        ),
    },
)


@settings(max_examples=600, deadline=None)
@given(st.one_of(sheet, tricky))
def test_a_sheet_passed_quickly_is_a_valid_sheet(data):
    if is_valid(data, "factsheet"):
        assert _validator("factsheet").is_valid(data)


@settings(max_examples=300, deadline=None)
@given(st.one_of(source, tricky))
def test_source_metadata_passed_quickly_is_valid_metadata(data):
    if is_valid(data, "source"):
        assert _validator("source").is_valid(data)


def test_both_record_schemas_are_read_by_the_quick_test():
    """Else the properties above would only compare ``jsonschema`` with itself."""
    assert _fast_validator("factsheet") is not None
    assert _fast_validator("source") is not None
