"""Random and mutated records and sources: every outcome is a diagnostic or a verdict.

The suite runs a short round (the ``quick`` profile of ``conftest.py``); a long one is
``HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from site_builder.check.run import check
from site_builder.diagnostics import CODES
from site_builder.load.files import UnreadableFile, decode_utf8
from site_builder.load.yamlio import YamlError, parse_yaml
from site_builder.model import Report
from site_builder.render.pages import render_site

SOURCE = "The harbour opened in 1851 after “years of delay.”\r\nIts first master was Ann Lee.\rShips came.\n"
STATUSES = {"exact", "normalized", "elided", "not-found", "source-not-found"}
fuzz_settings = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- Valid records, then mutated ---------------------------------------------------------------

ids = st.from_regex(r"\A[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}\Z")
words = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(str.strip)
quotes = st.one_of(st.sampled_from(["The harbour opened", "Ann Lee", "Ships came.", "years of delay", "x"]), words)
citation = st.fixed_dictionaries(
    {"source": st.sampled_from(["harbour", "other", "missing"]), "quote": quotes},
    optional={"prefix": words, "suffix": words},
)
fact = st.fixed_dictionaries(
    {"id": ids, "statement": words, "citations": st.lists(citation, min_size=1, max_size=3)},
    optional={
        "tags": st.lists(ids, max_size=3, unique=True),
        "related": st.lists(st.sampled_from(["#a", "b", "b#c", "harbour"]), max_size=2, unique=True),
    },
)
record = st.fixed_dictionaries(
    {"title": words, "facts": st.lists(fact, min_size=1, max_size=4)},
    optional={"summary": words, "tags": st.lists(ids, max_size=3, unique=True)},
)
odd_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    words,
    st.lists(words, max_size=2),
    st.dictionaries(words, words, max_size=2),
)
SPECIAL = [
    "&a ",
    "*a",
    "!!python/object:os.system ",
    "!x ",
    "<<: ",
    "? ",
    "- ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "#",
    "|",
    ">",
    "'",
    '"',
    "%YAML 1.1\n",
    "---\n",
    "...\n",
    "@",
    "`",
    "\t",
    "\\",
    "\x00",
    "\ufeff",
    "\r",
]


def paths_of(value, path=()):
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from paths_of(item, path + (i,))


def mutate_data(data: dict, draw) -> dict:
    """Swap the type of a value, delete a key, or add an unknown one."""
    paths = [p for p in paths_of(data) if p]
    if not paths:  # every key was deleted already
        return data
    path = draw(st.sampled_from(paths))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    action = draw(st.sampled_from(["swap", "delete", "add"]))
    if action == "swap":
        parent[path[-1]] = draw(odd_values)
    elif action == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent[draw(words)] = draw(odd_values)
    return data


def mutate_text(text: str, draw) -> str:
    """Delete, duplicate or truncate lines, or insert odd characters or YAML syntax."""
    lines = text.split("\n")
    action = draw(st.sampled_from(["delete-line", "duplicate-line", "truncate", "insert", "special", "newlines"]))
    at = draw(st.integers(0, max(len(lines) - 1, 0)))
    if action == "delete-line":
        del lines[at]
    elif action == "duplicate-line":
        lines.insert(at, lines[at])
    elif action == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    elif action == "newlines":
        return text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\n\n", "\u2028"])))
    else:
        pos = draw(st.integers(0, len(text)))
        piece = draw(st.text(min_size=1, max_size=5)) if action == "insert" else draw(st.sampled_from(SPECIAL))
        return text[:pos] + piece + text[pos:]
    return "\n".join(lines)


def assert_sound(report: Report) -> None:
    """Every problem is a diagnostic with a known code and a place; every citation has a verdict."""
    for x in report.diagnostics:
        assert x.code in CODES and x.severity in ("error", "warning")
        assert isinstance(x.file, str) and x.file
        assert x.line is None or (isinstance(x.line, int) and x.line >= 1)
        assert isinstance(x.message, str) and x.message
    for result in report.citations:
        assert result.status in STATUSES
        if result.located:
            source = report.project.sources[result.citation.source].text.text
            assert 0 <= result.start <= result.end <= len(source)
    if report.errors == 0:
        pages = render_site(report)
        assert all(isinstance(page, str) for page in pages.values())


def check_files(files: dict[str, bytes]) -> Report:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "seeds").mkdir()
        (root / "factsheets").mkdir()
        (root / "seeds" / "harbour.txt").write_text(SOURCE, encoding="utf-8", newline="")
        for rel, data in files.items():
            (root / rel).write_bytes(data)
        report = check(root)
        assert_sound(report)
        return report


@fuzz_settings
@given(record)
def test_valid_records_load(data):
    report = check_files({"factsheets/fuzz.yml": yaml.safe_dump(data, allow_unicode=True).encode()})
    assert not [x for x in report.diagnostics if x.code in ("yaml-syntax", "schema")], report.diagnostics


@fuzz_settings
@given(record, st.data())
def test_mutated_records_give_diagnostics(data, draw):
    for _ in range(draw.draw(st.integers(1, 3))):
        data = mutate_data(data, draw.draw)
    text = yaml.safe_dump(data, allow_unicode=True)
    for _ in range(draw.draw(st.integers(0, 3))):
        text = mutate_text(text, draw.draw)
    check_files({"factsheets/fuzz.yml": text.encode("utf-8", "surrogatepass")})


@fuzz_settings
@given(st.binary(max_size=300))
def test_random_bytes_as_a_record_give_diagnostics(data):
    check_files({"factsheets/fuzz.yml": data, "seeds/harbour.yml": data})


@fuzz_settings
@given(st.text(max_size=200))
def test_any_text_parses_or_is_refused(text):
    try:
        parse_yaml(text)
    except YamlError as exc:
        assert exc.message and (exc.line is None or exc.line >= 1)


# --- Sources ------------------------------------------------------------------------------------

line_endings = st.sampled_from(["\n", "\r\n", "\r"])
source_lines = st.lists(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=20),
    min_size=1,
    max_size=8,
)


def expected_line_col(text: str, offset: int) -> tuple[int, int]:
    breaks = [m.end() for m in re.finditer(r"\r\n|\r|\n", text[:offset])]
    return len(breaks) + 1, offset - (breaks[-1] if breaks else 0) + 1


@fuzz_settings
@given(source_lines, st.lists(line_endings, min_size=8, max_size=8), st.data())
def test_quotes_from_any_source_locate_at_their_offsets(lines, endings, draw):
    text = "".join(line + ending for line, ending in zip(lines, endings))
    assume(text.strip())
    start = draw.draw(st.integers(0, len(text) - 1))
    quote = text[start : draw.draw(st.integers(start + 1, len(text)))]
    assume(quote.strip() and "\r" not in quote and "\n" not in quote)
    sheet = yaml.safe_dump(
        {"title": "T", "facts": [{"id": "a", "statement": "S", "citations": [{"source": "s", "quote": quote}]}]},
        allow_unicode=True,
    )
    report = check_files({"seeds/s.txt": text.encode(), "factsheets/t.yml": sheet.encode()})
    [result] = report.citations
    if result.status == "exact":
        assert text[result.start : result.end] == quote
        source = report.project.sources["s"].text
        assert source.line_col(result.start) == expected_line_col(text, result.start)


@fuzz_settings
@given(st.binary(max_size=400), st.booleans())
def test_random_bytes_as_a_source_give_a_verdict(data, bom):
    check_files(
        {
            "seeds/s.txt": (b"\xef\xbb\xbf" if bom else b"") + data,
            "factsheets/t.yml": (
                b"title: T\nfacts:\n  - id: a\n    statement: S\n    citations: [{source: s, quote: abc}]\n"
            ),
        }
    )


@fuzz_settings
@given(st.binary(max_size=200))
def test_invalid_utf8_names_the_first_bad_byte(data):
    try:
        text = decode_utf8(data)
    except UnreadableFile as exc:
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as real:
            offset = real.start + len(data) - len(body)
            assert f"at byte offset {offset} " in exc.message
        assert exc.line >= 1 and exc.column >= 1
    else:
        assert text == data.decode("utf-8-sig")
