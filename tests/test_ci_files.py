"""The CI this repository ships: workflows that pass actionlint, the composite action's steps run
as GitHub would run them, and the pre-commit hook."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

BIN = Path(sys.executable).parent
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}


def actionlint() -> str:
    found = shutil.which("actionlint", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if found is None:
        pytest.fail("actionlint is not installed: install the locked dependencies (scripts/setup-env)")
    return found


def run_actionlint(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([actionlint(), "-no-color", "-oneline"], cwd=root, capture_output=True, text=True)


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def test_the_workflows_pass_actionlint(tmp_path):
    work = tmp_path / "repo"  # a copy, so that actionlint reads this project's files alone
    shutil.copytree(REPO / ".github", work / ".github")
    shutil.copy(REPO / "action.yml", work / "action.yml")
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    done = run_actionlint(work)
    assert done.returncode == 0, done.stdout + done.stderr
    assert {p.name for p in (work / ".github" / "workflows").iterdir()} == {"check.yml", "pages.yml", "setup.yml"}


def test_actionlint_finds_a_mistake_in_a_workflow(tmp_path):
    work = tmp_path / "repo"
    shutil.copytree(REPO / ".github", work / ".github")
    shutil.copy(REPO / "action.yml", work / "action.yml")
    check = work / ".github" / "workflows" / "check.yml"
    check.write_text(check.read_text().replace("          base:", "          bass:"), encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    done = run_actionlint(work)
    assert done.returncode == 1 and 'input "bass" is not defined' in done.stdout


def test_the_pages_workflow_builds_and_deploys():
    jobs = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text())["jobs"]
    uses = [step.get("uses", "").split("@")[0] for job in jobs.values() for step in job["steps"]]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    runs = [step.get("run", "") for step in jobs["build"]["steps"]]
    assert any("requirements-lock.txt" in r for r in runs) and any("site-builder build" in r for r in runs)


EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


class ActionRun:
    """Runs the composite action's shell steps in order, as a GitHub runner would (setup-python and
    the install step aside: site-builder is installed here already)."""

    def __init__(self, tmp: Path, inputs: dict[str, str], base_ref: str) -> None:
        action = yaml.safe_load((REPO / "action.yml").read_text())
        self.steps = action["runs"]["steps"]
        self.inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()} | inputs
        self.context = {"github.base_ref": base_ref}
        self.outputs: dict[str, dict[str, str]] = {}
        self.tmp = tmp
        self.summary = tmp / "summary.md"
        self.summary.write_text("")

    def value(self, path: str) -> str:
        if path.startswith("inputs."):
            return self.inputs[path.removeprefix("inputs.")]
        if path.startswith("steps."):
            _, step, _, name = path.split(".")
            return self.outputs.get(step, {}).get(name, "")
        return self.context[path]

    def condition(self, text: str) -> bool:
        for part in text.split("&&"):
            left, op, right = re.match(r"\s*(\S+)\s*(==|!=)\s*'([^']*)'\s*", part).groups()
            if (self.value(left) == right) != (op == "=="):
                return False
        return True

    def run(self, workspace: Path) -> subprocess.CompletedProcess:
        done = None
        for step in self.steps:
            if "run" not in step or step.get("name") == "Install site-builder":
                continue
            if "if" in step and not self.condition(step["if"]):
                continue
            output = self.tmp / f"output-{step.get('id', 'x')}"
            output.write_text("")
            env = {k: EXPRESSION.sub(lambda m: self.value(m.group(1)), str(v)) for k, v in step.get("env", {}).items()}
            env |= {
                "PATH": f"{BIN}{os.pathsep}/usr/bin:/bin",
                "GITHUB_OUTPUT": str(output),
                "GITHUB_STEP_SUMMARY": str(self.summary),
                "RUNNER_TEMP": str(self.tmp),
                **GIT_ENV,
            }
            done = subprocess.run(
                ["bash", "-e", "-c", step["run"]], cwd=workspace, env=env, capture_output=True, text=True
            )
            if "id" in step:
                self.outputs[step["id"]] = dict(
                    line.split("=", 1) for line in output.read_text().splitlines() if "=" in line
                )
            if done.returncode != 0:
                return done
        assert done is not None
        return done


@pytest.fixture
def pull_request(harbour):
    """A repository whose main branch holds the harbour project, and a change to it in the working tree."""
    root = harbour.root
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    people = root / "factsheets" / "people.yml"
    people.write_text(people.read_text().replace("Its first master", "Its first mate"), encoding="utf-8")
    return harbour


def test_the_action_annotates_the_change_writes_sarif_and_the_summary_and_fails(pull_request, tmp_path):
    action = ActionRun(tmp_path, {}, base_ref="main")
    done = action.run(pull_request.root)
    assert done.returncode == 1  # the last step passes the check's status on
    assert action.outputs["check"] == {"base": "origin/main", "status": "1"}
    sarif = Path(action.outputs["sarif"]["file"])
    assert '"ruleId": "quote-not-found"' in sarif.read_text()
    summary = action.summary.read_text()
    assert summary.startswith("## Fact review: changes since `origin/main`")
    assert "`people#ann-lee`: changed · ❌ fails" in summary


def test_the_action_passes_a_good_change_and_takes_its_inputs(pull_request, tmp_path):
    people = pull_request.root / "factsheets" / "people.yml"
    people.write_text(people.read_text().replace("Its first mate", "Its first master"), encoding="utf-8")
    workspace = pull_request.root.parent
    action = ActionRun(tmp_path, {"root": pull_request.root.name, "base": "HEAD", "summary": "false"}, base_ref="")
    done = action.run(workspace)
    assert done.returncode == 0, done.stdout + done.stderr
    assert action.outputs["check"] == {"base": "HEAD", "status": "0"}
    assert action.summary.read_text() == ""


def test_the_action_annotates_with_paths_from_the_workspace(pull_request, tmp_path):
    action = ActionRun(tmp_path, {"root": pull_request.root.name}, base_ref="main")
    subprocess.run(["git", "-C", str(pull_request.root), "update-ref", "refs/remotes/origin/main", "HEAD"], check=True)
    step = next(s for s in action.steps if s.get("id") == "check")
    action.steps = [step]
    done = action.run(pull_request.root.parent)
    name = pull_request.root.name
    assert f"::error file={name}/factsheets/people.yml,line=" in done.stdout


def test_the_pre_commit_hook_checks_what_a_commit_touches(harbour):
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "factsheets/people.yml") and not re.search(hook["files"], "README.md")
    root = harbour.root
    git(root, "init", "-q")

    def commit_hook() -> subprocess.CompletedProcess:
        return subprocess.run(
            hook["entry"].split(),
            cwd=root,
            capture_output=True,
            text=True,
            env={**os.environ, "PATH": f"{BIN}:/usr/bin:/bin"},
        )

    first = commit_hook()  # the first commit: everything is new, everything is checked
    assert first.returncode == 0, first.stderr
    assert "changed since HEAD" in first.stdout
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    people = root / "factsheets" / "people.yml"
    people.write_text(people.read_text().replace("Its first master", "Its first mate"), encoding="utf-8")
    failed = commit_hook()
    assert failed.returncode == 1 and "factsheets/people.yml" in failed.stdout


def test_this_repositorys_site_has_an_address_so_its_build_warns_of_none():
    from site_builder.publish.mkdocs_build import read_config

    assert read_config(REPO).settings.site_url
