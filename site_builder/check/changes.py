"""What a pull request changed against a git revision, and which sheets depend on it."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_builder.load.sheets import SHEET_SUFFIXES
from site_builder.load.yamlio import YamlError, parse_yaml
from site_builder.model import Project


class RevisionError(Exception):
    """The revision cannot be compared against (no git, not a repository, unknown revision)."""


@dataclass(frozen=True)
class Changes:
    since: str
    sources: tuple[str, ...]  # ids of sources whose text or metadata changed
    sheets: tuple[str, ...]  # ids of sheets whose record changed (added, edited or deleted)
    facts: tuple[str, ...]  # "sheet#fact" of facts added, edited or removed
    checked: tuple[str, ...]  # sheets checked: the changed ones and every one that depends on them
    files: tuple[str, ...]  # changed files under seeds/ and factsheets/, relative to the root

    def as_json(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "sources": list(self.sources),
            "sheets": list(self.sheets),
            "facts": list(self.facts),
            "checked_sheets": list(self.checked),
        }


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise RevisionError("git is not installed") from None
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()
        raise RevisionError(reason[-1] if reason else f"git {args[0]} ended with exit code {done.returncode}")
    return done.stdout


def _unborn(root: Path, rev: str) -> bool:
    """Whether ``rev`` is ``HEAD`` in a repository with no commit yet (a pre-commit hook's first commit)."""
    if rev != "HEAD":
        return False
    try:
        _git(root, "symbolic-ref", "--quiet", "HEAD")
    except RevisionError:
        return False  # not a repository, or a detached HEAD: the usual errors apply
    try:
        _git(root, "rev-parse", "--verify", "--quiet", "HEAD")
    except RevisionError:
        return True
    return False


def resolve(root: Path, rev: str) -> str:
    """``rev`` checked to name a commit; an unborn ``HEAD`` is the empty tree, so everything is new."""
    if _unborn(root, rev):
        return _git(root, "hash-object", "-t", "tree", "/dev/null").strip()
    _git(root, "rev-parse", "--is-inside-work-tree")  # not a repository: git's own reason
    try:
        _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except RevisionError:
        raise RevisionError(
            f"'{rev}' names no commit in this repository (a branch, tag or commit id; "
            f"in a shallow clone, fetch it first: git fetch --depth=1 origin {rev})"
        ) from None
    return rev


def changed_files(root: Path, rev: str) -> list[str]:
    """Files under ``seeds/`` and ``factsheets/`` that differ from ``rev`` (untracked ones too)."""
    rev = resolve(root, rev)
    tracked = _git(root, "diff", "-z", "--name-only", "--no-renames", "--relative", rev, "--", "seeds", "factsheets")
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", "seeds", "factsheets")
    # NUL-separated: a name may hold a line break, and without -z git quotes unusual names
    return sorted({name for name in (tracked + untracked).split("\0") if name})


def _facts_of(text: str | None) -> dict[str, Any]:
    if text is None:
        return {}
    try:
        data = parse_yaml(text).data
    except YamlError:
        return {"\0unreadable": text}
    facts = data.get("facts") if isinstance(data, dict) else None
    out: dict[str, Any] = {}
    for item in facts if isinstance(facts, list) else []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            out[item["id"]] = item
    return out


def _old_text(root: Path, rev: str, rel: str) -> str | None:
    try:
        return _git(root, "show", f"{rev}:./{rel}")
    except RevisionError:
        return None  # the file is new


def find_changes(root: Path, rev: str, project: Project) -> Changes:
    files = changed_files(root, rev)
    sources = sorted({Path(f).stem for f in files if f.startswith("seeds/")})
    sheet_files = [f for f in files if f.startswith("factsheets/") and f.endswith(SHEET_SUFFIXES)]
    sheets = sorted({Path(f).stem for f in sheet_files})
    facts: set[str] = set()
    for rel in sheet_files:
        path = root / rel
        new = _facts_of(path.read_text(encoding="utf-8-sig", errors="replace") if path.is_file() else None)
        old = _facts_of(_old_text(root, rev, rel))
        facts |= {f"{Path(rel).stem}#{fid}" for fid in set(old) | set(new) if old.get(fid) != new.get(fid)}
    facts.discard(next((f for f in facts if "\0" in f), ""))
    checked = set(sheets)
    for sheet in project.sheets:
        for fact in sheet.facts:
            if any(c.source in sources for c in fact.citations) or any(
                (ref.partition("#")[0] or sheet.id) in sheets for ref, _ in fact.related
            ):
                checked.add(sheet.id)
    return Changes(rev, tuple(sources), tuple(sheets), tuple(sorted(facts)), tuple(sorted(checked)), tuple(files))
