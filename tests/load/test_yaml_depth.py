"""The nesting limit, known before a text is composed into nodes."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.load import yaml_read
from site_builder.load.yaml_depth import MAX_DEPTH, check_depth, surely_within
from site_builder.load.yaml_errors import YamlError
from site_builder.load.yaml_read import Loader
from site_builder.load.yamlio import parse_yaml

PARSERS = [pytest.param(Loader, id="libyaml"), pytest.param(yaml.SafeLoader, id="pure-python")]


def depth_of(text: str, loader: type = yaml.SafeLoader) -> int:
    """The nesting depth as the YAML parser's events count it."""
    depth = deepest = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return deepest


SHAPES = {
    "flow sequences": lambda n: "[" * n + "]" * n,
    "flow mappings": lambda n: "{a: " * n + "}" * n,
    "pairs in flow sequences": lambda n: (
        "[a: " * (n // 2) + "x" + "]" * (n // 2) if n % 2 == 0 else "[" + "[a: " * (n // 2) + "x" + "]" * (n // 2 + 1)
    ),
    "block mappings": lambda n: "".join("  " * i + "a:\n" for i in range(n - 1)) + "  " * (n - 1) + "a: 1\n",
    "block sequences": lambda n: "".join("  " * i + "-\n" for i in range(n - 1)) + "  " * (n - 1) + "- x\n",
    "compact sequences": lambda n: "- " * n + "x\n",
    "compact keys": lambda n: "? " * n + "x\n",
    "sequences at their mapping's column": lambda n: _mapping_sequence_chain(n),
    "entries on lines of their own": lambda n: "".join(
        " " * (level // 2) + ("a:" if level % 2 == 0 else "-") + (" x" if level == n - 1 else "") + "\n"
        for level in range(n)
    ),
    "sequence in a mapping": lambda n: "a:\n" + "  " + "[" * (n - 1) + "]" * (n - 1) + "\n",
    "old Mac line breaks": lambda n: "".join("  " * i + "a:\r" for i in range(n - 1)) + "  " * (n - 1) + "a: 1\r",
}


def _mapping_sequence_chain(n: int) -> str:
    """``a:`` then ``- `` at the mapping's own column, each entry the next mapping: two levels a column."""
    parts, column = [], 0
    for level in range(n):
        last = level == n - 1
        if level % 2 == 0:
            parts.append("a: x\n" if last else "a:\n")
        else:
            parts.append(" " * column + "- " + ("x\n" if last else ""))
            column += 2
    return "".join(parts)


@pytest.mark.parametrize("parser", PARSERS)
@pytest.mark.parametrize("shape", SHAPES)
def test_the_limit_is_allowed_and_one_more_level_is_refused(shape, parser):
    make = SHAPES[shape]
    assert depth_of(make(10)) == 10
    assert not surely_within(make(11), limit=10)
    check_depth(make(10), parser, limit=10)
    with pytest.raises(YamlError, match="nested more than"):
        check_depth(make(11), parser, limit=10)


def test_the_place_of_the_first_level_too_deep_is_given():
    with pytest.raises(YamlError) as refused:
        check_depth("title: x\nfacts: [[[[x]]]]\n", Loader, limit=3)
    assert (refused.value.line, refused.value.column) == (2, 10)


@pytest.mark.parametrize("parser", PARSERS)
def test_nesting_deeper_than_the_parser_allows_itself_is_told_as_nesting(parser, monkeypatch):
    """libyaml refuses a thousand open brackets in its own words while it looks ahead: the
    curator still reads the project's message, at the first level too deep."""
    monkeypatch.setattr(yaml_read, "Loader", parser)
    with pytest.raises(YamlError) as refused:
        parse_yaml("quote: " + "[" * 5000 + "x" + "]" * 5000 + "\n")
    assert refused.value.message == f"the document is nested more than {MAX_DEPTH} levels deep"
    assert (refused.value.line, refused.value.column) == (1, 7 + MAX_DEPTH)  # the mapping is the first level


def test_a_syntax_problem_before_any_deep_nesting_is_told_as_it_is():
    with pytest.raises(YamlError) as refused:
        parse_yaml("a: [x\nb: }\n" + "c: " + "[" * 60 + "]" * 60 + "\n")
    assert "nested" not in refused.value.message and refused.value.line == 2


@pytest.mark.parametrize(
    "text",
    [
        "quote: '[[[[[[[[[[[[ in single quotes'\n",
        'quote: "{{{{{{{{{{{{ in double quotes, \\" escaped"\n',
        "quote: it's [[[[[[[[[[[[ inside a plain scalar\n",
        "quote: x  # [[[[[[[[[[[[ in a comment\n",
        "quote: |\n  [[[[[[[[[[[[\n    deeper and deeper\n      and deeper\n        still\nnext: 1\n",
        "quote: >-\n  {{{{{{{{{{{{ folded\n",
    ],
)
def test_brackets_that_are_text_do_not_count(text):
    assert depth_of(text) <= 3
    check_depth(text, Loader, limit=3)


def test_a_real_record_is_known_shallow_without_reading_it():
    record = (
        "title: T\nfacts:\n  - id: a\n    statement: S\n    citations:\n"
        "      - source: s\n        quote: 'it''s [here]'\n    tags: [x, y]\n"
    )
    assert surely_within(record, MAX_DEPTH)


_PIECES = [
    "- ",
    "-",
    "a: ",
    "a:",
    "? ",
    "?",
    ": ",
    "[",
    "]",
    "{",
    "}",
    "\n",
    "\r",
    "\r\n",
    "\u2028",
    "  ",
    " ",
    "\t",
    "'",
    '"',
    "x",
    "#",
    "| ",
    "&a ",
    "!t ",
    "*a",
    "--- ",
] + [", "]
YAMLISH = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=1500, deadline=None)
@given(YAMLISH, st.integers(1, 16))
def test_no_text_nests_deeper_than_its_bound(text, limit):
    """The bound lets most records be composed without reading their events first: it must
    hold for every text a parser reads, however it is written."""
    for parser in (yaml.SafeLoader, Loader):
        try:
            depth = depth_of(text, parser)
        except yaml.YAMLError:
            continue
        assert depth <= limit or not surely_within(text, limit)
