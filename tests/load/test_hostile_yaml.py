"""YAML that tries to run code, exhaust the machine or confuse line numbers."""

from __future__ import annotations

import subprocess
import sys
import tracemalloc

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO
from site_builder.check.run import check
from site_builder.load import yaml_read
from site_builder.load.yamlio import YamlError, parse_yaml

LOADERS = [pytest.param(yaml_read.Loader, id="libyaml"), pytest.param(yaml.SafeLoader, id="pure-python")]


@pytest.fixture(params=LOADERS)
def loader(request, monkeypatch):
    """Run a test with libyaml's parser and with PyYAML's own, which is used where libyaml is missing."""
    monkeypatch.setattr(yaml_read, "Loader", request.param)
    return request.param


def error_of(text: str) -> YamlError:
    with pytest.raises(YamlError) as caught:
        parse_yaml(text)
    return caught.value


@pytest.mark.parametrize(
    "payload",
    [
        "!!python/object/apply:os.system ['touch {marker}']",
        "!!python/object/new:os.system ['touch {marker}']",
        "!!python/object:pathlib.Path {{}}",
        "!!python/name:os.system",
        "!!python/module:os",
        "!!python/tuple [1, 2]",
        "!!binary aGVsbG8=",
        "!!set {{a, b}}",
        "!!omap [{{a: 1}}]",
        "!include {marker}",
        "!<tag:example.com,2000:app/foo> x",
    ],
)
def test_tags_are_refused_and_never_constructed(payload, loader, tmp_path):
    marker = tmp_path / "constructed"
    error = error_of(f"title: {payload.format(marker=marker)}\n")
    assert "is not allowed; records hold plain data only" in error.message
    assert (error.line, error.column) == (1, 8)
    assert not marker.exists()


def test_a_tag_on_a_key_or_a_collection_is_refused(loader):
    assert "not allowed" in error_of("!!python/name:os.system : x\n").message
    assert "not allowed" in error_of("facts: !!python/tuple [a, b]\n").message
    assert "not allowed" in error_of("facts: !custom {a: b}\n").message


def test_an_alias_bomb_is_refused_in_little_memory(loader):
    """Refused before any alias is expanded: memory stays small (a bomb would need terabytes)."""
    levels = ["a0: &a0 [" + ", ".join(["lol"] * 10) + "]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]  # 10¹² values
    text = "\n".join(levels) + "\n"
    tracemalloc.start()
    error = error_of(text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "aliases add more than" in error.message
    assert peak < 10 * 2**20, peak


def test_aliases_that_stay_small_are_fine(loader):
    doc = parse_yaml("quote: &q Its first master\nagain: *q\nlist: &l [a, b]\nmore: [*l, *l]\n")
    assert doc.data == {
        "quote": "Its first master",
        "again": "Its first master",
        "list": ["a", "b"],
        "more": [["a", "b"], ["a", "b"]],
    }


def test_deep_aliases_count_as_deep(loader):
    chain = ["a0: &a0 [" + "[" * 40 + "x" + "]" * 40 + "]"]
    chain += [f"a{i}: &a{i} [" + "[" * 40 + f"*a{i - 1}" + "]" * 40 + "]" for i in range(1, 5)]
    assert "nested more than 50 levels deep once its aliases are expanded" in error_of("\n".join(chain)).message


@pytest.mark.parametrize("opening", ["[", "{a: ", "- ", "a:\n"])
def test_deep_nesting_is_refused_without_a_crash(opening):
    """In a child process: libyaml's composer recursing 100 000 deep would crash the interpreter."""
    program = (
        "from site_builder.load.yamlio import parse_yaml, YamlError\n"
        f"o = {opening!r}\n"
        "text = ''.join('  ' * i + o for i in range(3000)) if o.startswith(('-', 'a')) else o * 100000\n"
        "try: parse_yaml(text)\n"
        "except YamlError as e: print(e.message)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
    )
    assert done.returncode == 0, done.stderr
    assert "nested more than 50 levels deep" in done.stdout


def test_fifty_levels_are_allowed(loader):
    assert parse_yaml("a: " + "[" * 49 + "]" * 49 + "\n").data is not None


def test_duplicate_keys_are_reported_at_the_second_with_the_first_line(loader):
    doc = parse_yaml("title: A\nfacts:\n  - id: x\n    id: y\ntitle: B\n")
    assert [(p.line, p.message.split(";")[0]) for p in doc.problems] == [
        (4, "duplicate key 'id' (first given on line 3)"),
        (5, "duplicate key 'title' (first given on line 1)"),
    ]
    assert doc.data["title"] == "A" and doc.data["facts"] == [{"id": "x"}]


def test_several_documents_are_refused(loader):
    error = error_of("title: A\n---\ntitle: B\n")
    assert error.line == 2 and "a second YAML document starts here" in error.message


def test_control_characters_are_named_with_their_line_and_column(loader):
    error = error_of("title: A\r\nsummary: é\x1b[31m\n")
    assert (error.line, error.column) == (2, 11)
    assert "U+001B" in error.message


def test_half_of_a_surrogate_pair_is_refused(loader):
    message = error_of('title: "\\ud83d"\n').message  # libyaml and PyYAML word it differently
    assert "invalid Unicode character escape" in message or "half of a UTF-16 pair" in message


def test_a_whole_escaped_character_is_fine(loader):
    assert parse_yaml('title: "\\U0001F600 \\u00e9"\n').data == {"title": "\U0001f600 é"}


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_numbers_hold_with_a_bom_and_any_line_ending(project, newline):
    project.source("s", "Some words here.")
    text = (
        "title: T\nfacts:\n  - id: one\n    statement: One.\n    citations:\n      - source: s\n"
        "        quote: Some words here\n  - id: two\n    statement: 2\n    citations: [{source: s, quote: here}]\n"
    )
    (project.root / "factsheets" / "t.yml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", newline).encode())
    report = check(project.root)
    assert [(x.code, x.line) for x in report.diagnostics] == [("schema", 9)]
    [sheet] = report.project.sheets
    assert [(f.id, f.line) for f in sheet.facts] == [("one", 3)]
    [result] = report.citations
    assert (result.citation.line, result.citation.column) == (7, 16)


def test_scalars_keep_their_form(loader):
    doc = parse_yaml("a: 2024-01-02\nb: 1e400\nc: .nan\nd: yes\ne: null\nf: 0x1F\n")
    assert doc.data["a"] == "2024-01-02"
    assert doc.data["d"] is True and doc.data["e"] is None and doc.data["f"] == 31


def test_values_written_out_do_not_count_against_the_alias_limit():
    doc = parse_yaml("facts: [" + "x, " * 150_000 + "x]\n")
    assert len(doc.data["facts"]) == 150_001


_SCALAR_PIECES = [
    "1",
    "0",
    "x",
    "e",
    "E",
    "+",
    "-",
    ".",
    ":",
    "_",
    "~",
    "true",
    "null",
    "yes",
    "on",
    "No",
    "0o",
    "0x",
    "inf",
    "nan",
    "2020-01-02",
    "T",
    " ",
    "é",
    "<<",
    "=",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SCALAR_PIECES), min_size=1, max_size=4).map("".join))
def test_a_plain_scalar_gets_the_tag_the_safe_loader_gives_it(value):
    """The loader remembers the tag of short plain values; it must be the one YAML gives them."""
    text = f"key: {value}\nlist: [{value}]\n"
    try:
        expected = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return
    for _ in range(2):  # the second time from what was remembered
        assert _tags(yaml.compose(text, Loader=yaml_read.Loader)) == _tags(expected)


def _tags(node):
    if isinstance(node, yaml.MappingNode):
        return node.tag, [(_tags(k), _tags(v)) for k, v in node.value]
    if isinstance(node, yaml.SequenceNode):
        return node.tag, [_tags(item) for item in node.value]
    return node.tag, node.value
