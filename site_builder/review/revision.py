"""A project as it stood at a git revision, loaded like the working tree."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

from site_builder.atomic import make_folder, write_atomic
from site_builder.check.changes import RevisionError
from site_builder.diagnostics import Diagnostic
from site_builder.load.project import FOLDERS, load_project
from site_builder.model import Project


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(message[-1] if message else "git failed")
    return done.stdout


def _tree(root: Path, rev: str) -> dict[str, str]:
    """Each file under the project's folders at ``rev`` (relative to ``root``) and its blob id.

    Read NUL-separated (``-z``): a file name may hold any byte but NUL, a line break included.
    """
    listed = _git(root, "ls-tree", "-r", "-z", rev, "--", *FOLDERS)
    blobs: dict[str, str] = {}
    for entry in listed.split(b"\0"):
        if not entry:
            continue
        info, _, name = entry.partition(b"\t")
        mode_type_id = info.split(b" ")
        if len(mode_type_id) == 3 and mode_type_id[1] == b"blob":
            blobs[os.fsdecode(name)] = mode_type_id[2].decode("ascii")
    return blobs


def _blobs(root: Path, ids: dict[str, str]) -> dict[str, bytes]:
    """The content of each blob, by path, read in one ``git cat-file`` run fed with object ids
    (which hold no line break, unlike file names)."""
    paths = list(ids)
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{ids[p]}\n" for p in paths).encode("ascii"))
    blobs: dict[str, bytes] = {}
    at = 0
    for path in paths:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if header[-1] == b"missing" or len(header) != 3 or header[1] != b"blob":
            continue
        size = int(header[2])
        blobs[path] = out[at : at + size]
        at += size + 1
    return blobs


def project_at(root: Path, rev: str, files: Sequence[str] | None = None) -> tuple[Project, list[Diagnostic]]:
    """The sources and sheets under ``root`` at ``rev``, read from git into a temporary folder;
    with ``files`` (paths relative to the root), only those of them that existed at ``rev``.

    Paths in the result are relative to the project root, as for the working tree.
    """
    _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    present = _tree(root, rev)
    if files is not None:
        wanted = set(files)
        present = {name: blob for name, blob in present.items() if name in wanted}
    with tempfile.TemporaryDirectory(prefix="site-builder-rev-") as tmp:
        folder = Path(tmp)
        for name in FOLDERS:
            (folder / name).mkdir()
        for path, data in _blobs(root, present).items():
            parts = PurePosixPath(path).parts
            if ".." in parts or parts[0] not in FOLDERS:
                continue
            target = folder.joinpath(*parts)
            make_folder(target.parent, folder)
            write_atomic(target, data, folder, durable=False)  # a temporary copy, gone after the run
        project, problems = load_project(folder)
    project.root = str(root)
    return project, problems
