"""A project as it stood at a git revision, loaded like the working tree."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from site_builder.check.changes import RevisionError
from site_builder.diagnostics import Diagnostic
from site_builder.load.project import FOLDERS, load_project
from site_builder.model import Project


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(message[-1] if message else "git failed")
    return done.stdout


def project_at(root: Path, rev: str) -> tuple[Project, list[Diagnostic]]:
    """The sources and sheets under ``root`` at ``rev``, read from git into a temporary folder.

    Paths in the result are relative to the project root, as for the working tree.
    """
    _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    present = _git(root, "ls-tree", "--name-only", rev, "--", *FOLDERS).decode("utf-8").split()
    with tempfile.TemporaryDirectory(prefix="site-builder-rev-") as tmp:
        folder = Path(tmp)
        if present:
            archive = _git(root, "archive", "--format=tar", rev, "--", *present)
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(folder, filter="data")
        for name in FOLDERS:
            (folder / name).mkdir(exist_ok=True)
        project, problems = load_project(folder)
    project.root = str(root)
    return project, problems
