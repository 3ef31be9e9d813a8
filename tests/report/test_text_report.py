"""The text report as a curator reads it: where the quote departs, what to paste, said once."""

from __future__ import annotations

import yaml

from conftest import SOURCE_TEXT


def _sheet(project, quote_yaml: str) -> None:
    project.sheet(
        "ships",
        "title: Ships\nfacts:\n  - id: a\n    statement: A.\n    citations:\n      - source: harbour\n"
        + "".join(f"        {line}\n" for line in quote_yaml.strip("\n").splitlines()),
    )


def _block(out: str, code: str) -> list[str]:
    blocks = [b for b in out.split("\n\n") if f"[{code}]" in b.splitlines()[0]]
    assert blocks, out
    return blocks[0].splitlines()


def test_caret_and_column_under_the_differing_word_of_a_folded_block(project, run_cli):
    project.source("harbour", SOURCE_TEXT)
    _sheet(project, "quote: >-\n  Ships came from the north—mostly\n  sealers—and the town grew quickly.")
    lines = _block(run_cli("check", "--root", str(project.root)).out, "quote-not-found")
    assert lines[0].startswith("factsheets/ships.yml:9:11: error[quote-not-found]")
    assert lines[1] == " 9 |           sealers—and the town grew quickly."
    assert lines[2] == "   |           ^" + "~" * 6  # under "sealers", the word that differs


def test_caret_under_the_differing_word_of_a_single_quoted_value_with_a_doubled_quote(project, run_cli):
    project.source("harbour", SOURCE_TEXT)
    _sheet(project, "quote: 'Ann Lee''s words: she “never doubted the port would pay.”'")
    lines = _block(run_cli("check", "--root", str(project.root)).out, "quote-not-found")
    line = " 7 |         quote: 'Ann Lee''s words: she “never doubted the port would pay.”'"
    assert lines[1] == line
    caret = lines[2].index("^")
    assert line[caret:].startswith("Lee''s")  # the quote departs at "Lee's"
    assert lines[0].startswith(f"factsheets/ships.yml:7:{caret - 4}: ")


def test_help_line_is_the_passage_as_yaml_ready_to_paste(project, run_cli):
    text = "Preface.\nThe rule: it’s “final” — no appeal.\nEnd.\n"
    project.source("harbour", text)
    _sheet(project, "quote: 'The rule: it''s \"final\" - no appeals.'")
    lines = _block(run_cli("check", "--root", str(project.root)).out, "quote-not-found")
    [help_line] = [line for line in lines if line.lstrip(" =").startswith("help:")]
    pasted = help_line.split("help: ", 1)[1]
    assert yaml.safe_load(pasted) == {"quote": "The rule: it’s “final” — no appeal."}


def test_the_advice_to_copy_exactly_is_given_once_per_run(project, run_cli):
    project.source("harbour", SOURCE_TEXT)
    project.fact_sheet("wrong", ("harbour", "Its first mate was Ann Lee."), ("harbour", "Ships came from the south"))
    out = run_cli("check", "--root", str(project.root)).out
    assert out.count("[quote-not-found]") == 2
    assert out.count("copy each passage exactly as the source has it") == 1


def test_an_unpinned_source_takes_one_line(project, run_cli):
    for name in ("harbour", "pier", "dock", "quay"):
        project.source(name, SOURCE_TEXT, pin=False)
    project.fact_sheet("ok", ("harbour", "Its first master was Ann Lee."))
    out = run_cli("check", "--root", str(project.root)).out
    unpinned = [line for line in out.splitlines() if "source-unpinned" in line]
    assert len(unpinned) == 4
    assert all("site-builder pin" in line for line in unpinned)
    assert len(out.strip().splitlines()) == 4 + 4 + 1  # four lines and the summary, a blank line after each


def test_a_quote_cut_inside_a_word_has_a_code_of_its_own(project, run_cli):
    project.source("harbour", SOURCE_TEXT)
    project.fact_sheet("cut", ("harbour", "he harbour opened in 1851"))
    lines = _block(run_cli("check", "--root", str(project.root)).out, "quote-partial-word")
    assert lines[0].startswith("factsheets/cut.yml:7:16: error[quote-partial-word]")
    assert any(line.endswith("help: quote: The harbour opened in 1851") for line in lines)
    assert any("[s]he" in line for line in lines)


def _summary(out: str) -> str:
    return out.rstrip("\n").rsplit("\n\n", 1)[-1]


def test_the_summary_counts_the_files_that_could_not_be_read(project, run_cli):
    project.source("harbour", SOURCE_TEXT)
    project.source("pier", SOURCE_TEXT, meta="title: [unclosed\n", pin=False)  # metadata not YAML
    project.fact_sheet("good", ("harbour", "Its first master was Ann Lee."))
    project.sheet("broken", "title: Broken\nfacts: [\n")  # not YAML
    project.sheet("listed", "- just\n- a list\n")  # YAML, but not a record
    project.sheet("loaded", "title: Loaded\nfacts:\n  - id: a\n    statment: A.\n")  # read, with a fact refused
    summary = _summary(run_cli("check", "--root", str(project.root)).out)
    assert summary.endswith("; 3 files could not be read"), summary


def test_one_file_that_could_not_be_read_is_said_in_the_singular(project, run_cli):
    project.source("harbour", SOURCE_TEXT)
    project.sheet("broken", "title: Broken\nfacts: [\n")
    summary = _summary(run_cli("check", "--root", str(project.root)).out)
    assert summary.endswith(": 1 error, 0 warnings; 1 file could not be read"), summary


def test_a_summary_with_every_file_read_says_nothing_of_unread_files(harbour, run_cli):
    summary = _summary(run_cli("check", "--root", str(harbour.root)).out)
    assert summary == "checked 2 sheets, 3 facts, 4 citations: 0 errors, 0 warnings"
