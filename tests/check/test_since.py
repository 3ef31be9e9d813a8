"""`check --since REV`: what a pull request changed, and everything that depends on it."""

from __future__ import annotations

import json
import subprocess

import pytest


def git(root, *args):
    subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@t",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@t",
            "PATH": "/usr/bin:/bin",
        },
    )


@pytest.fixture
def repo(harbour):
    harbour.sheet(
        "other",
        """
        title: Other
        facts:
          - id: lone
            statement: The town grew quickly.
            citations:
              - source: lonely
                quote: the town grew quickly in those years
    """,
    )
    harbour.source("lonely", "Back then the town grew quickly in those years.\n")
    git(harbour.root, "init", "-q")
    git(harbour.root, "add", "-A")
    git(harbour.root, "commit", "-qm", "start")
    return harbour


def test_an_edited_fact_checks_its_sheet_and_the_sheets_that_refer_to_it(repo, run_cli):
    path = repo.root / "factsheets" / "harbour.yml"
    path.write_text(path.read_text().replace("mostly whalers—and", "mostly whalers and"), encoding="utf-8")
    result = run_cli("check", "--root", str(repo.root), "--since", "HEAD", "--format", "json")
    doc = json.loads(result.out)
    changes = doc["summary"]["changes"]
    assert changes["sheets"] == ["harbour"] and changes["facts"] == ["harbour#whalers"]
    assert changes["sources"] == []
    assert changes["checked_sheets"] == ["harbour", "people"]  # people refers to harbour
    assert {c["fact"].split("#")[0] for c in doc["citations"]} == {"harbour", "people"}
    assert [(d["code"], d["file"]) for d in doc["diagnostics"]] == [("quote-not-found", "factsheets/harbour.yml")]


def test_a_changed_source_checks_every_sheet_citing_it(repo, run_cli):
    path = repo.root / "seeds" / "lonely.txt"
    path.write_text("Back then the town grew slowly in those years.\n", encoding="utf-8")
    result = run_cli("check", "--root", str(repo.root), "--since", "HEAD")
    assert result.code == 1
    assert "changed since HEAD: sources: lonely; sheets: none; facts: none" in result.out
    assert "checked 1 sheet that depend on them (other)" in result.out
    assert "error[source-changed]" in result.out and "error[quote-not-found]" in result.out


def test_problems_outside_the_change_are_not_reported(repo, run_cli):
    (repo.root / "factsheets" / "other.yml").write_text("title: [\n", encoding="utf-8")
    git(repo.root, "commit", "-qam", "break other")
    path = repo.root / "factsheets" / "people.yml"
    path.write_text(path.read_text() + "tags: [people]\n", encoding="utf-8")
    result = run_cli("check", "--root", str(repo.root), "--since", "HEAD", "--format", "json")
    doc = json.loads(result.out)
    assert result.code == 0
    assert doc["summary"]["changes"]["sheets"] == ["people"]
    assert doc["summary"]["changes"]["facts"] == []


def test_unknown_revision_is_a_usage_error(repo, run_cli):
    result = run_cli("check", "--root", str(repo.root), "--since", "no-such-rev")
    assert result.code == 2 and "--since no-such-rev" in result.err
    assert "'no-such-rev' names no commit" in result.err and "git fetch" in result.err


def test_a_folder_outside_git_is_told_as_git_tells_it(harbour, run_cli, monkeypatch):
    """The reason is git's own line, not a bare "git failed"."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(harbour.root.parent))
    result = run_cli("check", "--root", str(harbour.root), "--since", "HEAD")
    assert result.code == 2 and "--since HEAD" in result.err
    assert "git failed" not in result.err and "ended with exit code" not in result.err
