"""The project's own nesting limit, read from the text before any YAML library sees it."""

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.load.nesting import TooDeep, _scan, _surely_shallow, check_nesting


def depth_of(text: str) -> int:
    """The nesting depth as the YAML parser's events count it."""
    depth = deepest = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            deepest = max(deepest, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return deepest


SHAPES = {
    "flow sequences": lambda n: "[" * n + "]" * n,
    "flow mappings": lambda n: "{a: " * n + "}" * n,
    "block mappings": lambda n: "".join("  " * i + "a:\n" for i in range(n - 1)) + "  " * (n - 1) + "a: 1\n",
    "block sequences": lambda n: "".join("  " * i + "-\n" for i in range(n - 1)) + "  " * (n - 1) + "- x\n",
    "sequence in a mapping": lambda n: "a:\n" + "  " + "[" * (n - 1) + "]" * (n - 1) + "\n",
}


@pytest.mark.parametrize("shape", SHAPES)
def test_the_limit_is_allowed_and_one_more_level_is_refused(shape):
    make = SHAPES[shape]
    assert depth_of(make(10)) == 10
    check_nesting(make(10), limit=10)
    with pytest.raises(TooDeep):
        check_nesting(make(11), limit=10)


def test_the_place_of_the_first_level_too_deep_is_given():
    with pytest.raises(TooDeep) as refused:
        check_nesting("title: x\nfacts: [[[[x]]]]\n", limit=3)
    assert (refused.value.line, refused.value.column) == (2, 10)


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
    check_nesting(text, limit=3)


def test_a_real_record_is_shallow():
    record = (
        "title: T\nfacts:\n  - id: a\n    statement: S\n    citations:\n"
        "      - source: s\n        quote: 'it''s [here]'\n    tags: [x, y]\n"
    )
    check_nesting(record, limit=depth_of(record))


YAMLISH = st.lists(
    st.sampled_from(
        ["- ", "-", "a: ", "a:", "? ", "[", "]", "{", "}", ", ", "\n", "  ", " ", "'", '"', "x", "#", "| "]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(YAMLISH, st.integers(1, 8))
def test_a_text_passed_as_surely_shallow_is_never_found_too_deep(text, limit):
    """The quick bound lets most records skip the scan; it must never skip one the scan refuses."""
    if _surely_shallow(text, limit):
        _scan(text, limit)
