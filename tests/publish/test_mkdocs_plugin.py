"""The `site-builder` MkDocs plugin: an existing MkDocs site gains the fact sheets, or fails to build."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import skip_unless_engine
from htmltools import Page

CONFIG = """\
site_name: The town's own site
theme: mkdocs
nav:
  - Home: index.md
  - About: about.md
plugins:
  - search
  - site-builder:
      folder: {folder}
"""


def existing_site(root: Path, folder: str = "facts") -> Path:
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Welcome\n\nOur own home page. See [the facts](facts/index.md).\n")
    (root / "docs" / "about.md").write_text("# About\n\nWritten by hand.\n")
    (root / "mkdocs.yml").write_text(CONFIG.format(folder=folder), encoding="utf-8")
    return root


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "out")],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )


def test_the_plugin_adds_the_sheets_sources_and_indexes_to_an_existing_site(harbour):
    root = existing_site(harbour.root)
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    out = root / "out"
    assert "Our own home page" in (out / "index.html").read_text(encoding="utf-8")
    assert (out / "about" / "index.html").is_file()
    sheet = Page((out / "facts" / "sheets" / "people" / "index.html").read_text(encoding="utf-8"))
    assert "Ann Lee was the first harbour master." in sheet.text
    assert (out / "facts" / "sources" / "harbour" / "index.html").is_file()
    assert (out / "facts" / "sheets" / "index.html").is_file() and (out / "facts" / "tags" / "index.html").is_file()
    assert (out / "facts" / "facts.json").is_file()
    assert (out / "facts" / "assets" / "site-builder.css").is_file()
    assert "facts/assets/site-builder.css" in (out / "index.html").read_text(encoding="utf-8")
    assert not (root / "docs" / "facts").exists()  # nothing written into the team's docs


def test_a_citation_error_fails_the_build(harbour):
    root = existing_site(harbour.root, folder="fact-sheets")
    harbour.fact_sheet("wrong", ("harbour", "Its first mate was Ann Lee."))
    done = mkdocs_build(root)
    assert done.returncode != 0
    assert "factsheets/wrong.yml:7:26: error[quote-not-found]" in done.stderr  # at the word that differs
    assert "site-builder: 1 error, 0 warnings in the fact sheets; the site is not built" in done.stderr
    assert not (root / "out" / "fact-sheets").exists()


@pytest.mark.parametrize("folder", ["..", "/", "."])
def test_a_folder_outside_the_docs_is_refused(harbour, folder):
    root = existing_site(harbour.root, folder=folder)
    done = mkdocs_build(root)
    assert done.returncode != 0 and "'folder' must name a folder inside the docs" in done.stderr


def test_the_project_root_may_be_elsewhere(harbour, tmp_path):
    site = tmp_path / "site-project"
    site.mkdir()
    existing_site(site)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text() + textwrap.indent(f"root: {harbour.root}\n", " " * 6), encoding="utf-8")
    done = mkdocs_build(site)
    assert done.returncode == 0, done.stderr
    assert (site / "out" / "facts" / "sheets" / "harbour" / "index.html").is_file()


def test_the_plugin_publishes_the_original_pdf_that_quotes_link_to_by_page(project):
    project.source(
        "notice",
        "The rule requires an annual inspection.\n\f\nIt takes effect in July.\n",
        meta=f"pages: 2\noriginal: {{name: n.pdf, media_type: application/pdf, sha256: {'ab' * 32}}}\n",
    )
    (project.root / "seeds" / "originals").mkdir()
    (project.root / "seeds" / "originals" / "notice.pdf").write_bytes(b"%PDF-1.7 the original")
    project.fact_sheet("rules", ("notice", "It takes effect in July."))
    root = existing_site(project.root)
    done = mkdocs_build(root)
    assert done.returncode == 0, done.stderr
    assert (root / "out" / "facts" / "sources" / "notice.pdf").read_bytes() == b"%PDF-1.7 the original"
    sheet = Page((root / "out" / "facts" / "sheets" / "rules" / "index.html").read_text(encoding="utf-8"))
    assert "../../sources/notice.pdf#page=2" in sheet.links


def test_properdocs_finds_the_plugin_in_its_own_group(harbour):
    """ProperDocs prefers plugins registered under its own name; MkDocs' group is its fallback."""
    skip_unless_engine("properdocs")
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "from properdocs.plugins import get_plugins; print(get_plugins()['site-builder'].group)",
        ],
        cwd=harbour.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert found.stdout.strip() == "properdocs.plugins", found.stderr
    root = existing_site(harbour.root)
    config = root / "mkdocs.yml"  # the theme ProperDocs itself ships
    config.write_text(config.read_text(encoding="utf-8").replace("theme: mkdocs", "theme: material"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(root / "out")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert (root / "out" / "facts" / "sheets" / "people" / "index.html").is_file()
