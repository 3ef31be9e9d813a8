"""The report formats: JSON against its schema, SARIF, GitHub commands, colour only on a terminal."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from site_builder.load.schema import load_schema


def broken(harbour):
    harbour.fact_sheet(
        "wrong",
        ("harbour", "Its first mate was Ann Lee."),
        ("harbour", "Ann Lee"),
        ("harbour", 'The harbour opened in 1851 after "years of delay."'),
        ("harbour", "Ships came from the north […] and the town grew quickly."),
    )
    return harbour


def test_json_report_validates_against_its_published_schema(harbour, run_cli):
    result = run_cli("check", "--root", str(broken(harbour).root), "--format", "json")
    doc = json.loads(result.out)
    Draft202012Validator(load_schema("report")).validate(doc)
    statuses = {c["status"] for c in doc["citations"]}
    assert statuses == {"exact", "normalized", "elided", "not-found"}
    codes = {d["code"] for d in doc["diagnostics"]}
    assert codes == {"quote-not-found", "quote-ambiguous", "quote-too-short"}


def test_sarif_report(harbour, run_cli):
    result = run_cli("check", "--root", str(broken(harbour).root), "--format", "sarif")
    assert result.code == 1
    sarif = json.loads(result.out)
    assert sarif["version"] == "2.1.0"
    [run] = sarif["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    found = {
        (r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]
    }
    assert ("quote-not-found", "error", 7) in found and ("quote-ambiguous", "warning", 9) in found
    for r in run["results"]:
        assert rules[r["ruleIndex"]] == r["ruleId"]
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "factsheets/wrong.yml"


def test_github_commands_carry_file_line_column_and_title(harbour, run_cli):
    out = run_cli("check", "--root", str(broken(harbour).root), "--format", "github").out
    lines = out.splitlines()
    assert "::warning file=factsheets/wrong.yml,line=9,col=16,title=quote-ambiguous::" in out
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_text_has_no_colour_when_not_on_a_terminal(harbour, run_cli):
    out = run_cli("check", "--root", str(broken(harbour).root)).out
    assert "\x1b[" not in out
    assert "factsheets/wrong.yml:9:16: warning[quote-ambiguous]" in out


def test_a_long_record_line_is_shown_clipped_around_the_caret():
    from site_builder.report.text import clip

    line = "x" * 5000 + "HERE" + "y" * 5000
    shown, caret = clip(line, 5000, width=40)
    assert shown.startswith("…") and shown.endswith("…") and len(shown) == 42
    assert shown[caret : caret + 4] == "HERE"
    assert clip("short line", 6) == ("short line", 6)
    shown, caret = clip("a" * 50 + "END", 50, width=20)
    assert shown.endswith("END") and shown[caret:] == "END"


def test_text_is_coloured_for_a_terminal(harbour):
    from site_builder.check.run import check
    from site_builder.report.text import render_text

    report = check(broken(harbour).root)
    assert "\x1b[31m" in render_text(report, color=True)  # errors in red
    assert "\x1b[" not in render_text(report, color=False)


def test_github_says_when_more_problems_than_it_shows(project, run_cli):
    project.source("s", "A plain source text that says one thing only.\n")
    project.fact_sheet("many", *[("s", f"words that are not there {i}") for i in range(11)])
    out = run_cli("check", "--root", str(project.root), "--format", "github").out
    assert out.count("::error ") == 11
    assert out.splitlines()[-1].startswith("::notice title=site-builder::11 errors: GitHub shows the first 10")
    project.fact_sheet("many", *[("s", f"words that are not there {i}") for i in range(10)])
    assert "::notice" not in run_cli("check", "--root", str(project.root), "--format", "github").out


def test_the_diagnostics_reference_is_made_from_the_rule_table():
    """Every code the tool has is documented with its fix, and no other: the page is generated."""
    from conftest import REPO
    from site_builder.diagnostics import RULES
    from site_builder.report.rule_docs import rule_reference
    from site_builder.report.rule_help import HELP

    assert set(HELP) == set(RULES)
    page = (REPO / "docs" / "pages" / "diagnostics.md").read_text(encoding="utf-8")
    assert page == rule_reference(), "run: python -m site_builder.report.rule_docs > docs/pages/diagnostics.md"


def test_the_report_schema_and_sarif_know_every_code_with_its_severity(harbour, run_cli):
    """A tool reading the JSON report or SARIF can rely on the code list and each rule's level."""
    from site_builder.diagnostics import RULES
    from site_builder.load.schema import load_schema

    schema = json.dumps(load_schema("report"))
    assert all(f'"{code}"' in schema for code in RULES)
    doc = json.loads(run_cli("check", "--root", str(harbour.root), "--format", "sarif").out)
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert levels == {code: rule.severity for code, rule in RULES.items()}
