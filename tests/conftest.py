"""Shared fixtures: small projects written into a temporary folder."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from hypothesis import settings

# Property-based tests: a short round in the suite, a long one on demand
# (HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_fuzz.py).
settings.register_profile("quick", max_examples=60, deadline=None)
settings.register_profile("fuzz", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))

REPO = Path(__file__).resolve().parent.parent

SOURCE_TEXT = (
    "The harbour opened in 1851 after “years of delay.” Its first master was Ann Lee.\n"
    "Ships came from the north—mostly whalers—and the town grew quickly.\n"
    "Ann Lee wrote that she “never doubted the harbour would pay.”\n"
)


@pytest.fixture(autouse=True, scope="session")
def user_cache_folder(tmp_path_factory):
    """The user's cache folder (where the cache key is made) of the whole run: never the real one."""
    folder = tmp_path_factory.mktemp("user-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


#: What a cache file may hold that no run wrote; ``None``: the right key, but forged entries.
CORRUPT_CACHE = pytest.mark.parametrize(
    "content",
    [b"", b"\x00\xff not json", b'{"key": ', b"[1, 2]", b"[" * 100_000, None],
    ids=["empty", "binary", "truncated", "not-a-mapping", "deeply-nested", "forged-entries"],
)


def yaml_scalar(text: str) -> str:
    """``text`` as written by hand: plain where YAML reads it back unchanged, else double-quoted."""
    try:
        if yaml.safe_load(f"k: {text}") == {"k": text}:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


class ProjectDir:
    """A project folder that a test fills with sources and sheets."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "seeds").mkdir()
        (root / "factsheets").mkdir()

    def source(self, source_id: str, text: str | bytes, meta: str | None = None, *, pin: bool = True) -> Path:
        """Write a source (and its metadata); ``pin`` records its digest, as a curator would."""
        path = self.root / "seeds" / f"{source_id}.txt"
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        path.write_bytes(data)
        meta_text = textwrap.dedent(meta) if meta is not None else ""
        if pin:
            meta_text += f"sha256: {hashlib.sha256(data).hexdigest()}\n"
        if meta_text:
            (self.root / "seeds" / f"{source_id}.yml").write_text(meta_text, encoding="utf-8")
        return path

    def sheet(self, sheet_id: str, yaml_text: str, suffix: str = ".yml") -> Path:
        path = self.root / "factsheets" / f"{sheet_id}{suffix}"
        path.write_text(textwrap.dedent(yaml_text).lstrip("\n"), encoding="utf-8")
        return path

    def fact_sheet(self, sheet_id: str, *citations: tuple[str, str]) -> Path:
        """A sheet with one fact, ``a``, citing each ``(source, quote)``.

        The record's lines are fixed: citation ``i`` (from 0) has its source on line ``6 + 2i``
        and its quote on line ``7 + 2i``, at column 16.
        """
        lines = [f"title: {sheet_id.title()}", "facts:", "  - id: a", "    statement: A.", "    citations:"]
        for source, quote in citations:
            lines += [f"      - source: {source}", f"        quote: {yaml_scalar(quote)}"]
        return self.sheet(sheet_id, "\n".join(lines) + "\n")

    def mkdocs(self) -> Path:
        path = self.root / "mkdocs.yml"
        path.write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
        return path


@pytest.fixture
def project(tmp_path: Path) -> ProjectDir:
    return ProjectDir(tmp_path)


@pytest.fixture
def harbour(project: ProjectDir) -> ProjectDir:
    """A valid project: one source, two sheets that cite it and link to each other."""
    project.source(
        "harbour",
        SOURCE_TEXT,
        meta="""\
        title: A short history of the harbour
        publisher: Town Archive
        published: "1901-05-01"
        """,
    )
    project.sheet(
        "harbour",
        """
        title: The harbour
        summary: When the harbour opened and who ran it.
        tags: [history]
        facts:
          - id: opened
            statement: The harbour opened in 1851, after years of delay.
            citations:
              - source: harbour
                quote: The harbour opened in 1851 after “years of delay.”
            tags: [dates]
            related: [people#ann-lee]
          - id: whalers
            statement: Most ships came from the north and were whalers.
            citations:
              - source: harbour
                quote: Ships came from the north—mostly whalers—and
    """,
    )
    project.sheet(
        "people",
        """
        title: People
        facts:
          - id: ann-lee
            statement: Ann Lee was the first harbour master.
            citations:
              - source: harbour
                quote: Its first master was Ann Lee.
              - source: harbour
                quote: she “never doubted the harbour would pay.”
            related: [harbour#opened, harbour]
    """,
    )
    return project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A copy of the repository's records and config, built with ``site-builder build``."""
    from site_builder.cli import main

    root = tmp_path_factory.mktemp("repo")
    for name in ("seeds", "factsheets"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    try:
        main(["build", "--root", str(root)])
    except SystemExit as exc:
        assert exc.code in (0, None), f"the build failed with exit code {exc.code}"
    return root


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


@pytest.fixture
def run_cli(capsys):
    """Run ``site-builder`` in-process, as a user would, and capture what it prints."""
    from site_builder.cli import main

    def run(*args: str) -> CliResult:
        code = 0
        try:
            main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def forks(monkeypatch) -> list[int]:
    """Counts the worker processes a test starts; workers fork even with the suite's threads about."""
    from site_builder.runtime import pool

    started: list[int] = []
    fork = os.fork

    def counting() -> int:
        pid = fork()
        if pid:
            started.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting)
    monkeypatch.setattr(pool.threading, "active_count", lambda: 1)
    return started


#: engines whose wheels need a newer Python than the project's oldest (pyproject's `zensical` extra)
ENGINE_NEEDS_PYTHON = {"zensical": (3, 11)}


def skip_unless_engine(name: str) -> None:
    """Skip a test of the engine ``name`` where it cannot run: on a Python its wheels do not
    support, or where it is not installed outside CI (in CI every engine must be installed)."""
    from site_builder.publish.engines import ENGINES

    needed = ENGINE_NEEDS_PYTHON.get(name, (3,))
    if sys.version_info < needed:
        pytest.skip(f"{name} needs Python {'.'.join(map(str, needed))} or later")
    if not ENGINES[name].installed() and not os.environ.get("CI"):
        pytest.skip(f"{name} is not installed")
