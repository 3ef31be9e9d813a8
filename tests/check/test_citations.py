"""Each citation outcome, as a curator sees it through the checker."""

from __future__ import annotations

import json

import pytest
import yaml

from site_builder.check.checker import CheckOptions
from site_builder.check.run import check

TEXT = (
    "The council met on Monday. The council voted to close the bridge.\n"
    "Later the council voted to reopen it, “after repairs,” said the mayor.\n"
)


def one_fact(project, citation_yaml: str, text: str = TEXT) -> None:
    project.source("minutes", text)
    project.sheet(
        "bridge",
        "title: Bridge\nfacts:\n  - id: vote\n    statement: A vote.\n    citations:\n"
        + "".join(f"      {line}\n" for line in citation_yaml.strip("\n").splitlines()),
    )


def diagnostics(report):
    return [(x.severity, x.code, x.line) for x in report.diagnostics]


def test_exact_quote_is_exact_with_its_offsets(project):
    one_fact(project, "- source: minutes\n  quote: voted to close the bridge")
    report = check(project.root)
    [result] = report.citations
    assert result.status == "exact" and report.diagnostics == []
    assert TEXT[result.start : result.end] == "voted to close the bridge"


def test_normalized_quote_names_the_normalizations(project):
    one_fact(project, "- source: minutes\n  quote: 'voted to reopen it, \"after repairs,\" said'")
    [result] = check(project.root).citations
    assert result.status == "normalized"
    assert result.match.normalizations == ("quotes",)


def test_ambiguous_quote_lists_places_and_suggests_a_prefix(project):
    one_fact(project, "- source: minutes\n  quote: council voted to")
    report = check(project.root)
    [problem] = report.diagnostics
    assert (problem.severity, problem.code) == ("warning", "quote-ambiguous")
    assert "2 times" in problem.message and "(at 1:32, 2:11)" in problem.message
    assert problem.extra["suggested_prefix"] == "The"
    assert "prefix: The" in problem.notes[0]


def test_prefix_resolves_an_ambiguous_quote(project):
    one_fact(project, "- source: minutes\n  quote: council voted\n  prefix: Later the")
    report = check(project.root, CheckOptions(min_quote_words=1))
    [result] = report.citations
    assert report.diagnostics == []
    assert result.match.span.start == TEXT.index("council voted to reopen")


def test_prefix_that_does_not_match_is_an_error(project):
    one_fact(project, "- source: minutes\n  quote: voted to close the bridge\n  prefix: Later the council")
    report = check(project.root)
    [problem] = report.diagnostics
    assert (problem.severity, problem.code, problem.line) == ("error", "quote-context-mismatch", 7)
    assert "prefix" in problem.message and "1:40" in problem.message


def test_elided_quote_is_accepted_and_reports_its_segments(project, run_cli):
    one_fact(project, "- source: minutes\n  quote: The council voted […] the bridge.")
    result = run_cli("check", "--root", str(project.root), "--format", "json")
    assert result.code == 0, result.out
    [citation] = json.loads(result.out)["citations"]
    assert citation["status"] == "elided"
    (a, b), (c, d) = citation["segments"]
    assert TEXT[a:b] == "The council voted" and TEXT[c:d] == "the bridge."
    assert (citation["start"], citation["end"]) == (a, d)


def test_short_quote_is_a_warning_with_a_configurable_minimum(project):
    one_fact(project, "- source: minutes\n  quote: close the")
    assert diagnostics(check(project.root)) == [("warning", "quote-too-short", 7)]
    assert diagnostics(check(project.root, CheckOptions(min_quote_words=2))) == []


def test_not_found_suggests_the_closest_passage_with_a_diff(project, run_cli):
    one_fact(project, "- source: minutes\n  quote: The council voted to shut the bridge.")
    result = run_cli("check", "--root", str(project.root), "--format", "json")
    [problem] = json.loads(result.out)["diagnostics"]
    suggestion = problem["suggestion"]
    assert problem["code"] == "quote-not-found"
    assert suggestion["text"] == "The council voted to close the bridge."
    assert (suggestion["line"], suggestion["column"]) == (1, 28)
    assert 60 < suggestion["score"] < 100
    assert "shut" in suggestion["diff"] and "close" in suggestion["diff"]
    text = run_cli("check", "--root", str(project.root)).out
    assert "closest passage" in text and "difference:" in text


def test_missing_source_names_the_sources_nearby(project):
    one_fact(project, "- source: minute\n  quote: voted to close the bridge")
    [problem] = check(project.root).diagnostics
    assert problem.code == "source-not-found" and problem.line == 6
    assert "'minutes'" in problem.message


def test_a_source_that_failed_to_load_is_named_as_such(project):
    one_fact(project, "- source: minutes\n  quote: voted to close the bridge")
    (project.root / "seeds" / "minutes.txt").write_bytes(b"The council \xff voted.")
    problems = {x.code: x for x in check(project.root).diagnostics}
    assert problems["source-invalid"].file == "seeds/minutes.txt"
    assert problems["source-not-found"].message == (
        "source 'minutes' could not be read; see the error reported for seeds/minutes.txt"
    )


def test_first_difference_names_the_word_where_a_quote_departs():
    from site_builder.check.citation_messages import first_difference

    assert first_difference("voted to shut the bridge", "voted to close the bridge") == (9, "shut")
    assert first_difference("Voted", "voted") == (0, "Voted")
    assert first_difference("the same", "the same words") is None


@pytest.mark.parametrize(
    "text", ["1851", "yes", "2024-05-01", "null", "he said: “no”", "- a list?", "it's # not a comment"]
)
def test_a_suggested_prefix_or_quote_line_reads_back_as_the_same_text(text):
    from site_builder.check.citation_messages import paste_line

    for key in ("prefix", "quote"):
        assert yaml.safe_load(paste_line(text, key)) == {key: text}


def test_an_insertion_that_adds_words_is_a_warning_at_its_column(project):
    one_fact(project, "- source: minutes\n  quote: Monday. The council [never] voted to close the bridge")
    report = check(project.root)
    [result] = report.citations
    assert result.status == "elided"
    [problem] = [x for x in report.diagnostics if x.code == "quote-insertion"]
    assert [(x.severity, x.code) for x in report.diagnostics if x is not problem] == [], report.diagnostics
    assert (problem.severity, problem.line) == ("warning", 7)
    assert problem.column == 16 + len("Monday. The council ")
    assert "[never]" in problem.message
    assert problem.extra["insertions"] == ["[never]"]


def test_a_quote_across_a_blank_line_is_a_warning(project):
    text = "The council met on Monday.\n\nThe council voted to close the bridge.\n"
    one_fact(project, "- source: minutes\n  quote: met on Monday. The council voted", text=text)
    report = check(project.root)
    [result] = report.citations
    assert result.status == "normalized"
    assert diagnostics(report) == [("warning", "quote-crosses-paragraph", 7)]
    assert "from 1:13 to 3:17" in report.diagnostics[0].message


def test_a_context_that_fits_where_the_source_writes_the_quote_in_other_case_gives_that_passage(project, run_cli):
    project.source("s", "This is a test. A list item. Not a list here.\n")
    record = "title: F\nfacts:\n  - id: a\n    statement: A list item.\n    citations:\n      - source: s\n"
    project.sheet("f", record + "        quote: a list\n        prefix: test.\n")
    out = run_cli("check", "--root", str(project.root)).out
    assert "error[quote-context-mismatch]" in out
    assert "the context fits at seeds/s.txt:1:17, where the source writes “A list”" in out
    assert "help: quote: A list\n" in out
