"""Sources pasted from anywhere: byte-order marks, any line endings, large files."""

from __future__ import annotations

import json

import pytest

from site_builder.check.matching import SourceText
from site_builder.check.run import check


def cite(project, quote: str, source: str = "s") -> None:
    project.sheet(
        "t",
        f"""
        title: T
        facts:
          - id: a
            statement: A.
            citations:
              - source: {source}
                quote: {json.dumps(quote, ensure_ascii=False)}
    """,
    )


def test_bom_is_not_part_of_the_text(project, run_cli):
    (project.root / "seeds" / "s.txt").write_bytes(b"\xef\xbb\xbfFirst words of the text.\n")
    cite(project, "First words")
    result = run_cli("check", "--root", str(project.root), "--format", "json")
    assert result.code == 0, result.out
    [citation] = json.loads(result.out)["citations"]
    assert (citation["start"], citation["end"], citation["source_line"], citation["source_column"]) == (0, 11, 1, 1)
    assert check(project.root).project.sources["s"].title == "First words of the text."


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n", "\u2028"], ids=["crlf", "cr", "lf", "line-separator"])
def test_quote_offsets_and_lines_in_crlf_and_cr_sources(project, run_cli, newline):
    lines = [
        "Title of the piece",
        "",
        "The harbour opened in 1851 after “years of delay.”",
        "Ships came from the north.",
    ]
    raw = newline.join(lines) + newline
    (project.root / "seeds" / "s.txt").write_bytes(raw.encode("utf-8"))
    cite(project, "Ships came from the north.")
    result = run_cli("check", "--root", str(project.root), "--format", "json")
    assert result.code == 0, result.out
    [citation] = json.loads(result.out)["citations"]
    text = raw  # the decoded source, line endings as they are
    assert text[citation["start"] : citation["end"]] == "Ships came from the north."
    if newline != "\u2028":  # U+2028 is no line break in a plain-text source
        assert (citation["source_line"], citation["source_column"]) == (4, 1)


def test_a_quote_across_a_crlf_line_break_keeps_its_offsets(project):
    raw = "Intro.\r\nThe harbour opened\r\nin 1851.\r\n"
    (project.root / "seeds" / "s.txt").write_bytes(raw.encode())
    cite(project, "opened\r\nin 1851")
    report = check(project.root)
    [result] = report.citations
    assert result.located and raw[result.start : result.end] == "opened\r\nin 1851"
    assert report.project.sources["s"].text.line_col(result.start) == (2, 13)


def test_a_30_mb_source_loads_and_matches(project):
    """Line ends and offsets stay right at the far end of a large source (timings: README)."""
    line = "Ships came from the north, mostly whalers, and the town grew quickly after the war.\r\n"
    count = 30_000_000 // len(line)
    raw = line * count + "The very last words of the record.\r\n"
    project.source("big", raw.encode())
    cite(project, "The very last words of the record.", source="big")
    report = check(project.root)
    [result] = report.citations
    line_col = report.project.sources["big"].text.line_col(result.start)
    assert report.diagnostics == []
    assert result.status == "exact" and raw[result.start : result.end] == "The very last words of the record."
    assert line_col == (count + 1, 1)


def test_line_and_column_agree_with_a_plain_count():
    text = "a\r\nbc\rd\n\ref"
    source = SourceText(text)
    expected = {0: (1, 1), 3: (2, 1), 4: (2, 2), 6: (3, 1), 8: (4, 1), 9: (5, 1), 10: (5, 2)}
    assert {offset: source.line_col(offset) for offset in expected} == expected
