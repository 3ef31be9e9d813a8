"""`site-builder diff REV`: the review summary of a change, on a real git history."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from jsonschema import Draft202012Validator

from site_builder.diagnostics import Diagnostic
from site_builder.load.schema import load_schema
from site_builder.review.compare import FactChange, FieldChange, Review, SheetChange
from site_builder.review.markdown import LIMIT, render_markdown


def git(root, *args):
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, env={**env, "PATH": "/usr/bin:/bin"}
    )


def commit_all(root, message="change"):
    git(root, "add", "-A")
    git(root, "commit", "-qm", message)


@pytest.fixture
def history(harbour):
    """The harbour project committed, then changed in the working tree as a pull request would."""
    git(harbour.root, "init", "-q")
    harbour.sheet("gone", "title: Gone\nfacts:\n  - id: old\n    statement: Old.\n    citations: []\n")
    harbour.source("spare", "A spare text that nobody cites any more at all.\n")
    commit_all(harbour.root, "start")
    people = harbour.root / "factsheets" / "people.yml"
    text = people.read_text(encoding="utf-8")
    text = text.replace("Ann Lee was the first harbour master.", "Ann Lee was the harbour's first master.")
    text = text.replace("Its first master was Ann Lee.", "Its first mate was Ann Lee.")
    people.write_text(text, encoding="utf-8")
    (harbour.root / "factsheets" / "gone.yml").unlink()
    harbour.sheet(
        "town",
        """
        title: The town
        facts:
          - id: growth
            statement: The town grew quickly.
            citations:
              - source: harbour
                quote: and the town grew quickly.
        """,
    )
    source = harbour.root / "seeds" / "spare.txt"
    source.write_text("A spare text that nobody cites any more at all, now longer.\n", encoding="utf-8")
    return harbour


def test_json_review_compares_fact_by_fact_and_follows_its_schema(history, run_cli):
    result = run_cli("diff", "HEAD", "--root", str(history.root), "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    Draft202012Validator(load_schema("review")).validate(doc)
    sheets = {s["id"]: s for s in doc["sheets"]}
    assert {k: s["status"] for k, s in sheets.items()} == {"gone": "removed", "people": "changed", "town": "added"}
    [fact] = sheets["people"]["facts"]
    assert fact["ref"] == "people#ann-lee" and fact["status"] == "changed" and fact["result"] == "fails"
    fields = {f["name"]: f for f in fact["fields"]}
    assert set(fields) == {"statement", "citation 1 quote"}
    assert fields["statement"]["words"] == [
        {"op": "=", "text": "Ann Lee was the"},
        {"op": "+", "text": "harbour's"},
        {"op": "=", "text": "first"},
        {"op": "-", "text": "harbour"},
        {"op": "=", "text": "master."},
    ]
    assert {"op": "+", "text": "mate"} in fields["citation 1 quote"]["words"]
    assert [p["code"] for p in fact["problems"]] == ["quote-not-found"]
    assert sheets["town"]["facts"][0]["result"] == "passes"
    assert sheets["gone"]["facts"][0]["status"] == "removed"
    [source] = doc["sources"]
    assert source["id"] == "spare" and source["text_changed"] and source["facts"] == []
    assert sorted(p["code"] for p in doc["problems"]) == ["quote-not-found", "source-changed"]


def test_markdown_review_shows_word_diffs_and_each_changed_facts_result(history, run_cli):
    out = run_cli("diff", "HEAD", "--root", str(history.root)).out
    assert out.startswith("## Fact review: changes since `HEAD`\n")
    assert "#### `people#ann-lee`: changed · ❌ fails" in out
    assert "- statement: Ann Lee was the **harbour's** first ~~harbour~~ master\\." in out
    assert "#### `town#growth`: added · ✅ passes" in out
    assert "### Source `spare`: text changed (`seeds/spare.txt`)" in out


def test_a_source_change_lists_the_facts_that_rest_on_it(harbour, run_cli):
    git(harbour.root, "init", "-q")
    commit_all(harbour.root)
    path = harbour.root / "seeds" / "harbour.txt"
    path.write_text(path.read_text(encoding="utf-8") + "A later line.\n", encoding="utf-8")
    doc = json.loads(run_cli("diff", "HEAD", "--root", str(harbour.root), "--format", "json").out)
    [source] = doc["sources"]
    assert source["facts"] == ["harbour#opened", "harbour#whalers", "people#ann-lee"]
    assert doc["sheets"] == []


def test_a_project_in_a_sub_folder_of_the_repository(harbour, run_cli, tmp_path_factory):
    repository = tmp_path_factory.mktemp("repository")
    root = shutil.copytree(harbour.root, repository / "project")
    git(repository, "init", "-q")
    commit_all(repository)
    (root / "factsheets" / "people.yml").unlink()
    doc = json.loads(run_cli("diff", "HEAD", "--root", str(root), "--format", "json").out)
    assert [(s["id"], s["status"]) for s in doc["sheets"]] == [("people", "removed")]


def test_an_unknown_revision_is_a_usage_error(harbour, run_cli):
    git(harbour.root, "init", "-q")
    commit_all(harbour.root)
    result = run_cli("diff", "no-such-branch", "--root", str(harbour.root))
    assert result.code == 2 and "no-such-branch" in result.err


def fact(i: int, words: int) -> FactChange:
    text = " ".join(f"w{i}x{j}" for j in range(words))
    return FactChange(f"big#f{i}", "added", (FieldChange("statement", "", text),), "factsheets/big.yml", i + 1)


def test_markdown_stays_under_githubs_limit_however_large_the_change():
    review = Review(
        "main", (SheetChange("big", "added", "factsheets/big.yml", (), tuple(fact(i, 80) for i in range(3000))),), ()
    )
    text = render_markdown(review)
    size = len(text.encode("utf-8"))
    assert LIMIT - 2000 < size <= LIMIT < 1024 * 1024
    assert "The summary stops here to stay under GitHub's 1 MiB limit" in text
    assert "`site-builder diff main --format json`" in text


def test_more_problems_than_annotations_are_all_listed_and_said_so():
    problems = tuple(
        Diagnostic("error", "quote-not-found", "factsheets/a.yml", line, f"quote {line} not found")
        for line in range(1, 13)
    )
    text = render_markdown(Review("main", (), (), problems))
    assert "GitHub shows at most 10 annotations of each kind on the changed lines; there are 12 errors" in text
    assert all(f"quote {line} not found" in text for line in range(1, 13))
    assert "annotations of each kind" not in render_markdown(Review("main", (), (), problems[:10]))


def test_user_text_is_shown_not_interpreted():
    change = FieldChange("statement", "", "<script>alert(1)</script> **bold** [link](http://x)")
    review = Review(
        "main", (SheetChange("s", "changed", "f.yml", (), (FactChange("s#a", "changed", (change,), "f.yml", 1),)),), ()
    )
    text = render_markdown(review)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\*\\*bold\\*\\*" in text and "\\[link\\]\\(http://x\\)" in text


def test_an_edited_source_shows_its_changed_passages_and_each_quote_it_broke(harbour, run_cli):
    git(harbour.root, "init", "-q")
    commit_all(harbour.root)
    path = harbour.root / "seeds" / "harbour.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("opened in 1851", "opened in 1852"), encoding="utf-8")
    doc = json.loads(run_cli("diff", "HEAD", "--root", str(harbour.root), "--format", "json").out)
    Draft202012Validator(load_schema("review")).validate(doc)
    [source] = doc["sources"]
    [passage] = source["passages"]
    assert passage["line"] == 1 and {"op": "+", "text": "1852"} in passage["words"]
    [broken] = source["broken"]
    assert broken["ref"] == "harbour#opened" and "1852" in broken["closest"]
    out = run_cli("diff", "HEAD", "--root", str(harbour.root)).out
    assert "- line 1: The harbour opened in ~~1851~~ **1852**" in out
    assert "`harbour#opened` no longer stands" in out and "closest passage now" in out


def test_a_tag_added_or_removed_shows_as_the_tag_and_a_removed_fact_as_removed(harbour, run_cli):
    git(harbour.root, "init", "-q")
    commit_all(harbour.root)
    path = harbour.root / "factsheets" / "harbour.yml"
    text = path.read_text(encoding="utf-8").replace("tags: [dates]", "tags: [uk]")
    path.write_text(text, encoding="utf-8")
    people = harbour.root / "factsheets" / "people.yml"
    people.write_text("title: People\nfacts: []\n", encoding="utf-8")
    out = run_cli("diff", "HEAD", "--root", str(harbour.root)).out
    assert "- tags: + `uk` − `dates`" in out
    assert "#### `people#ann-lee`: removed\n\n- it said: Ann Lee was the first harbour master\\." in out


def test_a_file_name_with_a_line_break_does_not_shift_the_files_read_from_git(harbour):
    from site_builder.load.project import load_project
    from site_builder.review.revision import project_at

    (harbour.root / "seeds" / "a\nb.txt").write_text("A source with an odd file name.\n", encoding="utf-8")
    git(harbour.root, "init", "-q")
    commit_all(harbour.root)
    old, _ = project_at(harbour.root, "HEAD")
    now, _ = load_project(harbour.root)
    assert {k: (s.digest, s.meta) for k, s in old.sources.items()} == {
        k: (s.digest, s.meta) for k, s in now.sources.items()
    }
    assert [(s.id, s.facts) for s in old.sheets] == [(s.id, s.facts) for s in now.sheets]


def test_a_changed_file_whose_name_holds_a_line_break_is_listed_by_its_own_name(harbour):
    from site_builder.check.changes import changed_files

    odd = harbour.root / "seeds" / "a\nb.txt"
    odd.write_text("A source with an odd file name.\n", encoding="utf-8")
    git(harbour.root, "init", "-q")
    commit_all(harbour.root)
    odd.write_text("A source with an odd file name, changed.\n", encoding="utf-8")
    (harbour.root / "seeds" / "new\tone.txt").write_text("Not yet committed.\n", encoding="utf-8")
    assert changed_files(harbour.root, "HEAD") == ["seeds/a\nb.txt", "seeds/new\tone.txt"]


def test_a_quote_that_adds_words_is_listed_with_them_in_both_reviews(harbour, run_cli):
    git(harbour.root, "init", "-q")
    commit_all(harbour.root, "start")
    harbour.sheet(
        "town",
        """
        title: The town
        facts:
          - id: growth
            statement: The town did not grow.
            citations:
              - source: harbour
                quote: and the town [never] grew quickly.
        """,
    )
    doc = json.loads(run_cli("diff", "HEAD", "--root", str(harbour.root), "--format", "json").out)
    Draft202012Validator(load_schema("review")).validate(doc)
    [fact] = [f for s in doc["sheets"] for f in s["facts"] if f["ref"] == "town#growth"]
    assert fact["result"] == "warns"
    [problem] = fact["problems"]
    assert problem["code"] == "quote-insertion" and problem["insertions"] == ["[never]"]
    out = run_cli("diff", "HEAD", "--root", str(harbour.root)).out
    assert "#### `town#growth`: added · ⚠️ passes with warnings" in out
    assert "`quote-insertion`" in out and "never" in out
