"""`check --fix`, `--diff` and `--unsafe-fixes`: fixes written into the records, nothing else changed."""

from __future__ import annotations

import json

import yaml

from conftest import SOURCE_TEXT

RECORD = """\
# People of the harbour (reviewed)
title: People   # shown as the page title
facts:
  - id: master
    statement: Ann Lee was the first harbour master.
    citations:
      - source: harbour   # the archive's history
        quote: 'its first master was ann lee'   # case differs
  - id: grew
    statement: The town grew.
    citations:
      - source: harbour
        quote: "and the town grew quikly"  # a slip
  - id: doubt
    statement: She doubted.
    citations:
      - source: harbour
        quote: she “always doubted the harbour would pay.”
  - id: year
    statement: It opened in 1815.
    citations:
      - {source: harbour, quote: The harbour opened in 1815 after years of delay}
  - id: ann
    statement: Ann Lee.
    citations:
      - quote: Ann Lee wrote that she
        source: harbour
      - quote: Ann Lee
        source: harbour
"""

SAFE = (
    RECORD.replace("'its first master was ann lee'", "'Its first master was Ann Lee'")
    .replace('"and the town grew quikly"', '"and the town grew quickly"')
    .replace("      - quote: Ann Lee\n", "      - quote: Ann Lee\n        prefix: was\n")
)
UNSAFE = SAFE.replace("“always doubted", "“never doubted").replace(
    "1815 after years of delay}", "1851 after “years of delay.”}"
)


def people(project):
    project.source("harbour", SOURCE_TEXT)
    return project.sheet("people", RECORD)


def test_fix_writes_the_safe_fixes_and_keeps_every_other_byte(project, run_cli):
    path = people(project)
    result = run_cli("check", "--root", str(project.root), "--fix")
    assert path.read_text(encoding="utf-8") == SAFE  # comments, quoting and key order as they were
    assert "fixed 3 problems in factsheets/people.yml" in result.err
    assert "2 more fixes available with --unsafe-fixes" in result.err
    assert result.code == 1  # the unsafe ones are left for the curator
    assert [line.split(": ")[1] for line in result.out.splitlines() if "error[" in line] == [
        "error[quote-not-found]",
        "error[quote-not-found]",
    ]
    again = run_cli("check", "--root", str(project.root), "--fix")
    assert path.read_text(encoding="utf-8") == SAFE and "fixed" not in again.err


def test_unsafe_fixes_are_made_only_on_request(project, run_cli):
    path = people(project)
    result = run_cli("check", "--root", str(project.root), "--fix", "--unsafe-fixes")
    assert path.read_text(encoding="utf-8") == UNSAFE
    assert "fixed 5 problems" in result.err
    assert yaml.safe_load(UNSAFE)["facts"][3]["citations"][0]["quote"].startswith("The harbour opened in 1851")


def test_diff_prints_the_fixes_and_writes_nothing(project, run_cli):
    path = people(project)
    result = run_cli("check", "--root", str(project.root), "--diff")
    assert path.read_text(encoding="utf-8") == RECORD
    assert result.code == 1
    assert result.out.startswith("--- a/factsheets/people.yml\n+++ b/factsheets/people.yml\n")
    assert "-        quote: 'its first master was ann lee'   # case differs\n" in result.out
    assert "+        quote: 'Its first master was Ann Lee'   # case differs\n" in result.out
    assert "+        prefix: was\n" in result.out
    assert "1851" not in result.out  # a changed number is never a safe fix
    unsafe = run_cli("check", "--root", str(project.root), "--diff", "--unsafe-fixes")
    assert "+      - {source: harbour, quote: The harbour opened in 1851 after “years of delay.”}\n" in unsafe.out


def test_diff_of_a_project_with_nothing_to_fix_is_empty(harbour, run_cli):
    result = run_cli("check", "--root", str(harbour.root), "--diff")
    assert result.code == 0 and result.out == ""


def test_a_text_report_says_how_many_problems_fix_would_mend(project, run_cli):
    people(project)
    result = run_cli("check", "--root", str(project.root))
    assert "3 fixable with --fix" in result.err


def test_fix_keeps_a_byte_order_mark_and_crlf_line_breaks(project, run_cli):
    path = people(project)
    path.write_bytes(b"\xef\xbb\xbf" + RECORD.replace("\n", "\r\n").encode("utf-8"))
    run_cli("check", "--root", str(project.root), "--fix")
    assert path.read_bytes() == b"\xef\xbb\xbf" + SAFE.replace("\n", "\r\n").encode("utf-8")


def test_the_fixed_quotes_are_found(project, run_cli):
    people(project)
    run_cli("check", "--root", str(project.root), "--fix", "--unsafe-fixes")
    result = run_cli("check", "--root", str(project.root), "--format", "json")
    codes = {d["code"] for d in json.loads(result.out)["diagnostics"]}
    assert "quote-not-found" not in codes and "quote-ambiguous" not in codes


MEANING = """\
title: Weather
facts:
  - id: cold
    statement: It was cold.
    citations:
      - source: weather
        quote: the temperature fell to 5 degrees overnight
  - id: battalion
    statement: The battalion held.
    citations:
      - source: weather
        quote: the sixty battalion held the ridge
  - id: ia
    statement: Les outils d'IA.
    citations:
      - source: weather
        quote: les outils (IA) sont partout
"""
WEATHER = (
    "In January the temperature fell to −5 degrees overnight.\n"
    "At dawn the sixth battalion held the ridge.\n"
    "Aujourd’hui les outils \ufffdIA\ufffd sont partout.\n"
)


def test_fix_never_changes_a_number_nor_writes_a_character_that_is_not_the_quotes_own(project, run_cli):
    project.source("weather", WEATHER)
    path = project.sheet("weather", MEANING)
    result = run_cli("check", "--root", str(project.root), "--fix")
    assert path.read_text(encoding="utf-8") == MEANING
    assert "3 more fixes available with --unsafe-fixes" in result.err


def test_fix_never_writes_a_prefix_with_a_character_that_is_not_the_quotes_own(project, run_cli):
    project.source("notes", "Le rapport \ufffdIA\ufffd Ann Lee. Le rapport suivant Ann Lee.\n")
    record = (
        "title: Notes\nfacts:\n  - id: a\n    statement: A.\n    citations:\n      - {source: notes, quote: Ann Lee}\n"
    )
    path = project.sheet("notes", record)
    result = run_cli("check", "--root", str(project.root), "--fix")
    assert path.read_text(encoding="utf-8") == record
    assert "1 more fix available with --unsafe-fixes" in result.err
