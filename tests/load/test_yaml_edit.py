"""Rewriting one YAML value keeps every other byte: comments, key order, quoting style, line breaks."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from site_builder.load.yaml_edit import CannotEdit, Item, apply_edits, insert_entry, replace_value

RECORD = """\
# Reactions, as reported
title: Reactions   # the sheet's title
facts:
  - id: one
    statement: "Said so."
    citations:
      - source: src   # the article
        quote: K Batallion reached the line   # typo here
        suffix: 'next'
  - id: two
    statement: Two
    citations:
      - quote: 'It''s the first batch'
        source: src
      - {source: src, quote: "flow quote"}
  - id: three
    statement: Three
    citations:
      - source: src
        quote: >-
          a long folded quote that goes on
          and on over lines

        prefix: x
      - source: src
        quote: a plain quote that runs
          over two lines
      - source: src
        quote: |
          literal one
"""


def edit(text, path, value):
    e = replace_value(text, path, value)
    return apply_edits(text, [e])


def load(text):
    return yaml.safe_load(text)


@pytest.mark.parametrize(
    "path,value",
    [
        (("facts", 0, "citations", 0, "quote"), "K Battalion reached the line"),
        (("facts", 1, "citations", 0, "quote"), "It's the first batch!"),
        (("facts", 1, "citations", 1, "quote"), "flow: quote, with comma"),
        (("facts", 2, "citations", 0, "quote"), "a long folded quote that goes on and on over the lines"),
        (("facts", 2, "citations", 1, "quote"), "a plain quote that runs over three lines"),
        (("facts", 2, "citations", 2, "quote"), "literal two"),
        (("facts", 0, "statement"), "Said: so # not a comment"),
    ],
)
def test_only_the_value_changes(path, value):
    new = edit(RECORD, path, value)
    data = load(new)
    node = data
    for step in path:
        node = node[step]
    assert node.rstrip("\n") == value
    # every other value the same
    old = load(RECORD)
    target = old
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = node
    assert data == old
    # bytes before and after the span untouched; comments kept
    e = replace_value(RECORD, path, value)
    assert new[: e.start] == RECORD[: e.start]
    assert new[e.start + len(e.replacement) :] == RECORD[e.end :]
    assert new.count("#") >= RECORD.count("#")


def test_style_kept():
    new = edit(RECORD, ("facts", 0, "citations", 0, "quote"), "K Battalion reached the line")
    assert "        quote: K Battalion reached the line   # typo here\n" in new
    new = edit(RECORD, ("facts", 1, "citations", 0, "quote"), "It's the first batch")
    assert "      - quote: 'It''s the first batch'\n" in new
    new = edit(RECORD, ("facts", 1, "citations", 1, "quote"), "flow quote two")
    assert '{source: src, quote: "flow quote two"}' in new
    new = edit(RECORD, ("facts", 2, "citations", 0, "quote"), "a long folded quote")
    assert "        quote: >-\n          a long folded quote\n\n        prefix: x\n" in new


def test_insert_prefix():
    for path, beside in [
        (("facts", 0, "citations", 0), "quote"),
        (("facts", 1, "citations", 0), "quote"),
        (("facts", 1, "citations", 1), "quote"),
        (("facts", 2, "citations", 1), "quote"),
        (("facts", 2, "citations", 2), "quote"),
    ]:
        e = insert_entry(RECORD, path, "prefix", "the: words", beside)
        new = apply_edits(RECORD, [e])
        node = load(new)
        for step in path:
            node = node[step]
        assert node["prefix"] == "the: words"
        assert new.replace(e.replacement, "", 1) == RECORD


def test_crlf_and_no_final_newline():
    text = "a: 1\r\nb: plain words\r\nc: 'x'"
    new = edit(text, ("c",), "y z")
    assert new == "a: 1\r\nb: plain words\r\nc: 'y z'"
    e = insert_entry(text, (), "d", "w", "c")
    assert apply_edits(text, [e]) == "a: 1\r\nb: plain words\r\nd: w\r\nc: 'x'"


def test_a_fact_is_found_by_its_id():
    new = edit(RECORD, ("facts", Item("id", "two"), "citations", 0, "quote"), "It's the second batch")
    assert load(new)["facts"][1]["citations"][0]["quote"] == "It's the second batch"
    with pytest.raises(CannotEdit):
        replace_value(RECORD, ("facts", Item("id", "nine"), "citations", 0, "quote"), "x")


def test_a_value_that_is_not_text_is_not_rewritten():
    with pytest.raises(CannotEdit):
        replace_value(RECORD, ("facts", 0, "citations"), "x")


def test_unicode_stays_plain():
    text = "q: “curly” words   # note\n"
    assert edit(text, ("q",), "“curly” word") == "q: “curly” word   # note\n"


def test_plain_that_would_change_type_is_quoted():
    new = edit("q: words\n", ("q",), "123")
    assert load(new) == {"q": "123"}
    new = edit("q: words\n", ("q",), "- dash")
    assert load(new) == {"q": "- dash"}


PATHS = [
    ("facts", 0, "citations", 0, "quote"),
    ("facts", 1, "citations", 0, "quote"),
    ("facts", 1, "citations", 1, "quote"),
    ("facts", 2, "citations", 0, "quote"),
    ("facts", 2, "citations", 1, "quote"),
    ("facts", 2, "citations", 2, "quote"),
]


@given(st.sampled_from(PATHS), st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60))
def test_any_text_reads_back(path, value):
    e = replace_value(RECORD, path, value)
    new = apply_edits(RECORD, [e])
    node = load(new)
    for step in path:
        node = node[step]
    assert node.rstrip("\n") == value.rstrip("\n") if path == PATHS[3] or path == PATHS[5] else node == value


@pytest.mark.parametrize(
    "hostile",
    [
        "title: T\nfacts: " + "[" * 5000 + "]" * 5000 + "\n",
        "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i else "x"] * 10) + "]\n" for i in range(7))
        + "title: T\n",
    ],
    ids=["nested too deep", "alias bomb"],
)
def test_a_text_the_loader_refuses_is_not_edited_and_the_place_is_told(hostile):
    """The editor reads YAML within the loader's limits: a deep or blown-up text is refused with
    where reading stopped, never handed to a YAML library's own limits."""
    with pytest.raises(CannotEdit, match=r"^line \d+, column \d+: "):
        replace_value(hostile, ("title",), "U")
    with pytest.raises(CannotEdit, match=r"^line \d+, column \d+: "):
        insert_entry(hostile, (), "summary", "S", beside="title")
