"""Shared fixtures: small projects written into a temporary folder."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
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


class ProjectDir:
    """A project folder that a test fills with sources and sheets."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "seeds").mkdir()
        (root / "factsheets").mkdir()

    def source(self, source_id: str, text: str, meta: str | None = None) -> Path:
        path = self.root / "seeds" / f"{source_id}.txt"
        path.write_text(text, encoding="utf-8", newline="")
        if meta is not None:
            (self.root / "seeds" / f"{source_id}.yml").write_text(textwrap.dedent(meta), encoding="utf-8")
        return path

    def sheet(self, sheet_id: str, yaml_text: str, suffix: str = ".yml") -> Path:
        path = self.root / "factsheets" / f"{sheet_id}{suffix}"
        path.write_text(textwrap.dedent(yaml_text).lstrip("\n"), encoding="utf-8")
        return path

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
    project.source("harbour", SOURCE_TEXT, meta="""\
        title: A short history of the harbour
        publisher: Town Archive
        published: "1901-05-01"
        """)
    project.sheet("harbour", """
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
    """)
    project.sheet("people", """
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
    """)
    return project


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
