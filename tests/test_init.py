"""`site-builder init DIR`: a new project that checks and builds at once, with its CI ready."""

from __future__ import annotations

import subprocess

import yaml
from test_ci_files import run_actionlint


def test_init_makes_a_project_that_checks_and_builds(tmp_path, run_cli):
    target = tmp_path / "facts"
    made = run_cli("init", str(target), "--name", "Lighthouses")
    assert made.code == 0, made.err
    for rel in (
        "seeds/lighthouse.txt",
        "seeds/lighthouse.yml",
        "factsheets/lighthouse.yml",
        "mkdocs.yml",
        ".github/workflows/check.yml",
        ".github/workflows/pages.yml",
        ".pre-commit-config.yaml",
        ".gitignore",
        "README.md",
        "requirements.txt",
    ):
        assert (target / rel).is_file(), rel
    checked = run_cli("check", "--root", str(target), "--strict")
    assert checked.code == 0, checked.out
    assert "0 errors, 0 warnings" in checked.out
    built = run_cli("build", "--root", str(target))
    assert built.code == 0, built.err
    assert (target / "site" / "sheets" / "lighthouse" / "index.html").is_file()
    assert "Lighthouses" in (target / "site" / "index.html").read_text(encoding="utf-8")
    assert (target / "README.md").read_text(encoding="utf-8").startswith("# Lighthouses\n")


def test_the_workflows_init_writes_pass_actionlint(tmp_path, run_cli):
    target = tmp_path / "facts"
    run_cli("init", str(target), "--requirement", "site-builder @ git+https://example.org/site-builder@v1")
    subprocess.run(["git", "init", "-q", str(target)], check=True)
    done = run_actionlint(target)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "site-builder @ git+https://example.org/site-builder@v1\n" in (target / "requirements.txt").read_text()
    steps = yaml.safe_load((target / ".github/workflows/check.yml").read_text())["jobs"]["check"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert 'site-builder check --since "$BASE" --format github' in runs and 'site-builder diff "$BASE"' in runs
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif@") for step in steps)


def test_the_pre_commit_configuration_runs_the_check(tmp_path, run_cli):
    target = tmp_path / "facts"
    run_cli("init", str(target))
    [repo] = yaml.safe_load((target / ".pre-commit-config.yaml").read_text())["repos"]
    [hook] = repo["hooks"]
    assert hook["entry"] == "site-builder check --since HEAD" and hook["pass_filenames"] is False


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, run_cli):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("init", str(tmp_path))
    assert result.code == 2 and "not an empty folder" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    assert run_cli("init", str(tmp_path / "empty")).code == 0
