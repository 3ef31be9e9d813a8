"""`site-builder init DIR`: a new project that checks and builds at once, with its CI ready."""

from __future__ import annotations

import json
import subprocess

import pytest
import yaml
from test_ci_files import run_actionlint

from site_builder.scaffold import requirement as installed

REQ = ("--requirement", "site-builder @ git+https://example.org/site-builder@v1")


def test_init_makes_a_project_that_checks_and_builds(tmp_path, run_cli):
    target = tmp_path / "facts"
    made = run_cli("init", str(target), "--name", "Lighthouses", "--site-url", "https://example.org/facts/", *REQ)
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
    assert "site_url" not in built.err
    assert "from 1 sheet and 1 source" in built.out
    assert (target / "site" / "sheets" / "lighthouse" / "index.html").is_file()
    assert "Lighthouses" in (target / "site" / "index.html").read_text(encoding="utf-8")
    assert (target / "README.md").read_text(encoding="utf-8").startswith("# Lighthouses\n")


def test_the_workflows_init_writes_pass_actionlint(tmp_path, run_cli):
    target = tmp_path / "facts"
    run_cli("init", str(target), *REQ)
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
    run_cli("init", str(target), *REQ)
    [repo] = yaml.safe_load((target / ".pre-commit-config.yaml").read_text())["repos"]
    [hook] = repo["hooks"]
    assert hook["entry"] == "site-builder check --since HEAD" and hook["pass_filenames"] is False


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, run_cli):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_cli("init", str(tmp_path), *REQ)
    assert result.code == 2 and "not an empty folder" in result.err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    assert run_cli("init", str(tmp_path / "empty"), *REQ).code == 0


def test_a_name_with_a_line_break_cannot_add_a_mkdocs_hook(tmp_path, run_cli):
    target = tmp_path / "facts"
    result = run_cli("init", str(target), "--name", "Facts\nhooks:\n  - evil.py", *REQ)
    assert result.code == 2 and "--name" in result.err
    assert not target.exists()


def test_a_name_that_looks_like_yaml_is_written_as_the_site_name(tmp_path, run_cli):
    target = tmp_path / "facts"
    name = "Facts: {hooks: [evil.py]} # 'quoted' \"too\""
    assert run_cli("init", str(target), "--name", name, *REQ).code == 0
    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == name and "hooks" not in config


@pytest.mark.parametrize(
    "line",
    [
        "site-builder==1.0\n--index-url https://evil.example/simple",
        "--index-url https://evil.example/simple",
        "site-builder==1.0 --index-url https://evil.example/simple",
        "site-builder==1.0 --extra-index-url=https://evil.example/simple",
        "other-package==1.0",
    ],
)
def test_a_requirement_that_adds_a_pip_option_or_another_package_is_refused(tmp_path, run_cli, line):
    target = tmp_path / "facts"
    result = run_cli("init", str(target), "--requirement", line)
    assert result.code == 2 and "requirement" in result.err
    assert not target.exists()


def test_the_site_url_is_written_and_a_bad_one_refused(tmp_path, run_cli):
    target = tmp_path / "facts"
    bad = run_cli("init", str(target), "--site-url", "https://x.org/\nhooks: [evil.py]", *REQ)
    assert bad.code == 2 and not target.exists()
    assert run_cli("init", str(target), "--site-url", "https://example.org/facts/", *REQ).code == 0
    assert yaml.safe_load((target / "mkdocs.yml").read_text())["site_url"] == "https://example.org/facts/"


class _Installed:
    def __init__(self, direct_url: dict | None) -> None:
        self.version = "1.2.3"
        self.direct_url = direct_url

    def read_text(self, name: str) -> str | None:
        return None if self.direct_url is None else json.dumps(self.direct_url)


def _installed_from(monkeypatch, direct_url):
    monkeypatch.setattr(installed.metadata, "distribution", lambda name: _Installed(direct_url))


def test_init_writes_the_release_installed_from_an_index(tmp_path, run_cli, monkeypatch):
    _installed_from(monkeypatch, None)
    assert run_cli("init", str(tmp_path / "facts")).code == 0
    assert "\nsite-builder==1.2.3\n" in (tmp_path / "facts" / "requirements.txt").read_text()


def test_init_writes_the_repository_commit_installed_from(tmp_path, run_cli, monkeypatch):
    commit = "0123456789abcdef0123456789abcdef01234567"
    _installed_from(
        monkeypatch, {"url": "https://github.com/org/site-builder", "vcs_info": {"vcs": "git", "commit_id": commit}}
    )
    assert run_cli("init", str(tmp_path / "facts")).code == 0
    text = (tmp_path / "facts" / "requirements.txt").read_text()
    assert f"\nsite-builder @ git+https://github.com/org/site-builder@{commit}\n" in text


def test_init_refuses_an_installation_others_cannot_reproduce(tmp_path, run_cli, monkeypatch):
    _installed_from(monkeypatch, {"url": "file:///home/me/site-builder", "dir_info": {"editable": True}})
    result = run_cli("init", str(tmp_path / "facts"))
    assert result.code == 2 and "--requirement" in result.err
    assert not (tmp_path / "facts").exists()


def test_the_pull_request_check_installs_the_checker_the_base_branch_pins(tmp_path, run_cli):
    target = tmp_path / "facts"
    run_cli("init", str(target), *REQ)
    steps = yaml.safe_load((target / ".github/workflows/check.yml").read_text())["jobs"]["check"]["steps"]
    installs = [step["run"] for step in steps if "pip install" in step.get("run", "")]
    assert installs and all('git show "$BASE:requirements.txt"' in run for run in installs)
    assert not any("-r requirements.txt" in run for run in installs)


def test_the_readme_init_writes_says_how_a_source_is_added_and_that_add_source_pins_it(tmp_path, run_cli):
    target = tmp_path / "facts"
    run_cli("init", str(target), *REQ)
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert "site-builder add-source" in readme and "pin" in readme
    page = tmp_path / "notes.txt"
    page.write_text("The keeper lit the lamp every evening at dusk, whatever the weather.\n", encoding="utf-8")
    assert run_cli("add-source", str(page), "--root", str(target), "--id", "notes").code == 0
    assert "source-unpinned" not in run_cli("check", "--root", str(target)).out
