"""Where each character of a quote stands in its record file, whatever the YAML style."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.load.scalar_positions import value_offsets, value_position
from site_builder.load.yamlio import parse_yaml

STYLES = [None, "'", '"', "|", ">"]
TEXT = st.text(alphabet="ab é'\"\\:#-“”—中\t\n", min_size=1, max_size=60)


@settings(max_examples=150, deadline=None)
@given(TEXT, st.sampled_from(STYLES), st.integers(10, 40))
def test_every_character_of_a_value_is_found_where_the_file_writes_it(value, style, width):
    text = yaml.safe_dump({"quote": value}, default_style=style, allow_unicode=True, width=width)
    doc = parse_yaml(text)
    if doc.data != {"quote": value}:
        return  # a form YAML does not read back (not one a curator writes)
    raw, written_style = doc.raw_scalar(("quote",))
    offsets = value_offsets(raw, written_style, value)
    assert offsets is not None, (raw, written_style)
    assert offsets == sorted(set(offsets))
    for char, at in zip(value, offsets):
        if not char.isspace():
            assert raw[at] in (char, "\\"), (value, raw, written_style)


def test_line_and_column_in_a_block_and_in_a_single_quoted_value():
    text = "quote: >-\n  first line\n  it''s second\nother: 'it''s here'\n"
    doc = parse_yaml(text)
    raw, style = doc.raw_scalar(("quote",))
    value = doc.data["quote"]
    assert value_position(raw, style, value, value.index("second"), 1, 8) == (3, 9)
    raw, style = doc.raw_scalar(("other",))
    value = doc.data["other"]
    assert value_position(raw, style, value, value.index("here"), 4, 8) == (4, 15)
