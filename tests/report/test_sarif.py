"""SARIF that code scanning takes: valid against the OASIS SARIF 2.1.0 schema with format checks on,
and complete for GitHub (rule help, regions with ends, fingerprints, percent-encoded paths)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, FormatChecker

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    checker = FormatChecker()
    assert {"uri", "uri-reference"} <= set(checker.checkers)  # the formats the schema uses are checked
    return Draft4Validator(SCHEMA, format_checker=checker)


def errors(validator, doc):
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


@pytest.fixture
def broken(harbour):
    harbour.fact_sheet(
        "wrong",
        ("harbour", "Its first mate was Ann Lee."),
        ("harbour", "Ann Lee"),
        ("harbour", "The harbour opened in 1851 after years of delay."),
    )
    harbour.sheet("bad name", "title: Bad\nfacts: []\n")  # a file name that is no sheet id
    harbour.sheet("refers", "title: R\nfacts:\n  - id: a\n    statement: A.\n    related: [nowhere]\n")
    return harbour


def sarif_of(run_cli, root):
    result = run_cli("check", "--root", str(root), "--format", "sarif")
    assert result.code == 1
    return json.loads(result.out)


def test_the_report_is_valid_sarif_with_format_checks_on(broken, run_cli, validator):
    doc = sarif_of(run_cli, broken.root)
    assert errors(validator, doc) == []
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]}
    assert "factsheets/bad%20name.yml" in uris


def test_the_schema_refuses_a_path_that_is_not_percent_encoded(broken, run_cli, validator):
    doc = sarif_of(run_cli, broken.root)
    location = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    location["uri"] = "factsheets/bad name.yml"
    assert any("uri-reference" in e for e in errors(validator, doc))


def test_every_result_and_rule_is_complete_for_code_scanning(broken, run_cli):
    [run] = sarif_of(run_cli, broken.root)["runs"]
    assert run["columnKind"] == "utf16CodeUnits"
    for rule in run["tool"]["driver"]["rules"]:
        assert rule["fullDescription"]["text"] and rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["helpUri"].startswith("https://")
    assert len(run["results"]) >= 5
    for result in run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert set(region) == {"startLine", "startColumn", "endLine", "endColumn"}
        assert region["endLine"] >= region["startLine"] and region["endColumn"] >= region["startColumn"]
        assert result["partialFingerprints"]


def test_a_quote_not_found_is_marked_from_the_first_differing_word(broken, run_cli):
    [run] = sarif_of(run_cli, broken.root)["runs"]
    regions = [
        r["locations"][0]["physicalLocation"]["region"] for r in run["results"] if r["ruleId"] == "quote-not-found"
    ]
    [region] = [r for r in regions if r["startLine"] == 7]
    line = (broken.root / "factsheets" / "wrong.yml").read_text().splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "mate"


def test_fingerprints_stay_when_lines_move(broken, run_cli):
    def prints():
        [run] = sarif_of(run_cli, broken.root)["runs"]
        return {
            r["partialFingerprints"]["siteBuilderProblem/v1"]: r["locations"][0]["physicalLocation"]["region"][
                "startLine"
            ]
            for r in run["results"]
            if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "factsheets/wrong.yml"
        }

    before = prints()
    path = broken.root / "factsheets" / "wrong.yml"
    path.write_text("# reviewed\n# twice\n" + path.read_text(), encoding="utf-8")
    after = prints()
    assert len(before) >= 3 and set(after) == set(before)
    assert all(after[key] == line + 2 for key, line in before.items())


def test_columns_are_counted_in_utf16_code_units(project, run_cli):
    project.source("s", "A plain source text that says one thing only.\n")
    project.fact_sheet("astral", ("s", "𝔸 plain source text"))
    [run] = sarif_of(run_cli, project.root)["runs"]
    [result] = [r for r in run["results"] if r["ruleId"] == "quote-not-found"]
    region = result["locations"][0]["physicalLocation"]["region"]
    line = (project.root / "factsheets" / "astral.yml").read_text().splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1] == "𝔸"  # the first word differs: it is marked
    assert region["endColumn"] - region["startColumn"] == 2  # and counts twice in UTF-16


def test_paths_are_given_from_the_working_folder_for_a_project_in_a_sub_folder(harbour, run_cli, monkeypatch):
    harbour.fact_sheet("wrong", ("harbour", "Its first mate was Ann Lee."))
    monkeypatch.chdir(harbour.root.parent)
    rel = harbour.root.name
    [run] = json.loads(run_cli("check", "--root", rel, "--format", "sarif").out)["runs"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]} == {
        f"{rel}/factsheets/wrong.yml"
    }
    out = run_cli("check", "--root", rel, "--format", "github").out
    assert f"file={rel}/factsheets/wrong.yml," in out
