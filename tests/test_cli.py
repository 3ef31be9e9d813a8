"""The command line: exit codes, the three report formats, and usage errors."""

from __future__ import annotations

import json
import subprocess
import sys


def test_check_passes_on_a_valid_project(harbour, run_cli):
    result = run_cli("check", "--root", str(harbour.root))
    assert result.code == 0
    assert "checked 2 sheets, 3 facts, 4 citations: 0 errors, 0 warnings" in result.out


def test_check_fails_with_compiler_style_text(harbour, run_cli):
    harbour.fact_sheet("wrong", ("harbour", "Its first mate was Ann Lee."))
    result = run_cli("check", "--root", str(harbour.root))
    assert result.code == 1
    lines = result.out.splitlines()
    # The column is that of the first word that differs, where the caret is.
    assert lines[0] == "factsheets/wrong.yml:7:26: error[quote-not-found]: quote not found in source 'harbour'"
    assert lines[1] == " 7 |         quote: Its first mate was Ann Lee."
    assert lines[2] == "   |                          ^~~~"  # under the first word that differs
    assert "closest passage" in result.out and "Its first master was Ann Lee." in result.out


def test_json_report_follows_the_contract(harbour, run_cli):
    harbour.fact_sheet("wrong", ("nowhere", "Its first master was Ann Lee."))
    result = run_cli("check", "--root", str(harbour.root), "--format", "json")
    assert result.code == 1
    doc = json.loads(result.out)  # exactly one JSON document
    assert doc["summary"] == {"sheets": 3, "facts": 4, "citations": 5, "errors": 1, "warnings": 0}
    by_fact = {(c["fact"], c["source"]): c for c in doc["citations"]}
    opened = by_fact[("harbour#opened", "harbour")]
    text = (harbour.root / "seeds" / "harbour.txt").read_text(encoding="utf-8")
    assert opened["status"] == "exact"
    assert text[opened["start"] : opened["end"]] == "The harbour opened in 1851 after “years of delay.”"
    missing = by_fact[("wrong#a", "nowhere")]
    assert (missing["status"], missing["start"], missing["end"]) == ("source-not-found", None, None)
    [diagnostic] = doc["diagnostics"]
    assert {k: diagnostic[k] for k in ("severity", "code", "file", "line")} == {
        "severity": "error",
        "code": "source-not-found",
        "file": "factsheets/wrong.yml",
        "line": 6,
    }
    assert isinstance(diagnostic["message"], str)


def test_github_format_prints_workflow_commands(harbour, run_cli):
    harbour.fact_sheet("wrong", ("harbour", "Its first mate was Ann Lee."))
    result = run_cli("check", "--root", str(harbour.root), "--format", "github")
    assert result.code == 1
    [line] = result.out.splitlines()
    assert line.startswith("::error file=factsheets/wrong.yml,line=7,col=26,title=quote-not-found::quote not found")
    assert "%0A" in line  # the notes ride along, escaped onto one line


def test_strict_makes_warnings_fail(harbour, run_cli):
    harbour.fact_sheet("twice", ("harbour", "Ann Lee"))
    assert run_cli("check", "--root", str(harbour.root)).code == 0
    strict = run_cli("check", "--root", str(harbour.root), "--strict")
    assert strict.code == 1
    assert "warning[quote-ambiguous]" in strict.out


def test_unknown_option_is_a_one_line_usage_error(harbour, run_cli):
    result = run_cli("check", "--root", str(harbour.root), "--frmat", "json")
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.strip().splitlines()) == 1
    assert result.err.startswith("site-builder: error: ")
    assert "'--frmat'" in result.err and "(see 'site-builder check --help')" in result.err


def test_root_without_project_folders_is_a_usage_error(tmp_path, run_cli):
    (tmp_path / "seeds").mkdir()
    result = run_cli("check", "--root", str(tmp_path))
    assert result.code == 2
    assert "factsheets/" in result.err and len(result.err.strip().splitlines()) == 1


def test_missing_root_is_a_usage_error(tmp_path, run_cli):
    result = run_cli("check", "--root", str(tmp_path / "nope"))
    assert result.code == 2
    assert "does not exist" in result.err


def test_python_dash_m_and_console_script_run(harbour):
    done = subprocess.run(
        [sys.executable, "-m", "site_builder", "check", "--root", str(harbour.root), "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["errors"] == 0


def test_the_command_prints_its_whole_report_and_its_exit_code_before_it_ends(project):
    """The command ends its process as soon as it has printed: nothing printed may be lost."""
    project.source("s", "The harbour opened in the spring of that year, after a long winter.")
    quotes = [("s", "harbour opened in the spring"), ("s", "a quote that is nowhere in it at all")]
    for number in range(300):  # a report longer than any pipe holds at once
        project.fact_sheet(f"sheet-{number:03d}", *quotes)
    done = subprocess.run(
        [sys.executable, "-m", "site_builder", "check", "--root", str(project.root), "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert report["summary"]["errors"] == 300
