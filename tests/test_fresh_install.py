"""A team's set-up from a built wheel: install it in a fresh venv, make a project with `init`, then
install what `init` wrote in another fresh venv and build the site there.

Slow (two venvs and their dependencies): runs when SITE_BUILDER_SLOW_TESTS=1, as `.ci/run` sets it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.skipif(
    os.environ.get("SITE_BUILDER_SLOW_TESTS") != "1", reason="slow: set SITE_BUILDER_SLOW_TESTS=1"
)


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def fresh_venv(folder: Path) -> Path:
    run(sys.executable, "-m", "venv", folder)
    return folder / "bin"


def test_a_project_made_from_the_wheel_installs_from_its_requirements_and_builds(tmp_path):
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist", REPO)
    [wheel] = (tmp_path / "dist").glob("site_builder-*.whl")
    tool = fresh_venv(tmp_path / "tool")
    run(tool / "python", "-m", "pip", "install", "--quiet", wheel)

    refused = subprocess.run([tool / "site-builder", "init", tmp_path / "refused"], capture_output=True, text=True)
    assert refused.returncode == 2 and "--requirement" in refused.stderr  # a local wheel: no team can install it

    project = tmp_path / "facts"
    requirement = f"site-builder @ {wheel.as_uri()}"
    made = run(
        tool / "site-builder", "init", project, "--requirement", requirement, "--site-url", "https://example.org/"
    )
    assert "site_url" not in made.stderr

    team = fresh_venv(tmp_path / "team")
    run(team / "python", "-m", "pip", "install", "--quiet", "-r", project / "requirements.txt")
    built = run(team / "site-builder", "build", cwd=project)
    assert "from 1 sheet and 1 source" in built.stdout
    assert (project / "site" / "sheets" / "lighthouse" / "index.html").is_file()
