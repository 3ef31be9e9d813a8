"""Every site engine builds what MkDocs builds alone: the same pages byte for byte, the same link and
anchor warnings, the same verdict. In CI every engine runs; elsewhere an engine not installed is skipped.

Zensical renders with its own theme and words its own warnings: for it, the same pages with the same
anchors, the same verdict, and the pages whose links are broken named."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import skip_unless_engine
from site_builder.publish.engines import ENGINES, plain

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@pytest.fixture(params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    skip_unless_engine(name)
    return name


def make_site(root: Path, pages: int = 12, extra: str = "") -> Path:
    docs = root / "docs"
    (docs / "notes").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n\n[first note](notes/note-0.md#part-1)\n", encoding="utf-8")
    for n in range(pages):
        following = f"[next](note-{n + 1}.md#part-1)" if n + 1 < pages else "[home](../index.md)"
        text = f"# Note {n}\n\n## Part 1\n\nSome text of note {n}. {following}\n\n## Part 2 {{#own-{n}}}\n\nMore.\n"
        (docs / "notes" / f"note-{n}.md").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Conformance\nsite_url: https://example.org/\ntheme:\n  name: material\n  font: false\n"
        "plugins: []\nmarkdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n"
        "nav:\n  - Home: index.md\nnot_in_nav: |\n  /notes/*.md\n"
        "validation:\n  links:\n    anchors: warn\n" + extra,
        encoding="utf-8",
    )
    return root / "mkdocs.yml"


def runner_build(engine: str, config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """What `site-builder build` runs: the engine in its runner, arguments on its input."""
    chosen = ENGINES[engine]
    with chosen.build_arguments(config, site, quiet=False) as arguments:  # the warnings are compared
        done = subprocess.run(
            [sys.executable, "-m", "site_builder.publish.engines.runner", chosen.module, *chosen.preload],
            input=json.dumps(arguments),
            capture_output=True,
            text=True,
            env=ENV,
            timeout=300,
        )
    return subprocess.CompletedProcess(done.args, done.returncode, plain(done.stdout), plain(done.stderr))


def mkdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--clean",
            "--config-file",
            str(config),
            "--site-dir",
            str(site),
        ],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )


GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')  # each engine names itself there


def files_of(site: Path) -> dict[str, bytes]:
    """The site's files, byte for byte but for the name of the engine that wrote them."""
    return {
        str(p.relative_to(site)): GENERATOR.sub(b"", p.read_bytes()) for p in sorted(site.rglob("*")) if p.is_file()
    }


HEADING_ID = re.compile(r'<h[1-6][^>]*\bid="([^"]*)"')


def pages_of(site: Path) -> dict[str, list[str]]:
    """The site's pages and the anchors of their headings: what any theme must keep."""
    return {str(p.relative_to(site)): HEADING_ID.findall(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}


def last_words(result: subprocess.CompletedProcess[str]) -> str:
    return (result.stderr + result.stdout).strip().splitlines()[-1]


def warnings_of(output: str) -> list[str]:
    return sorted(line for line in output.splitlines() if line.startswith("WARNING"))


def test_the_site_is_byte_for_byte_the_one_mkdocs_writes_alone(engine: str, tmp_path: Path) -> None:
    config = make_site(tmp_path)
    ours, alone = runner_build(engine, config, tmp_path / "ours"), mkdocs_build(config, tmp_path / "alone")
    assert ours.returncode == alone.returncode == 0, ours.stderr + alone.stderr
    assert pages_of(tmp_path / "ours") == pages_of(tmp_path / "alone")
    if not ENGINES[engine].mkdocs_compatible:
        return  # its own theme: the same pages and anchors, other bytes
    built, expected = files_of(tmp_path / "ours"), files_of(tmp_path / "alone")
    assert sorted(built) == sorted(expected)
    assert [name for name in built if built[name] != expected[name]] == []
    assert {f"notes/note-{n}/index.html" for n in range(12)} <= set(built)


def test_a_broken_anchor_fails_the_strict_build_as_mkdocs_alone_does(engine: str, tmp_path: Path) -> None:
    config = make_site(tmp_path)
    for n in (4, 7):  # pages written by each of the two processes
        page = tmp_path / "docs" / "notes" / f"note-{n}.md"
        page.write_text(
            page.read_text(encoding="utf-8") + f"\n[gone](note-{n - 1}.md#no-such-part)\n", encoding="utf-8"
        )
    ours, alone = runner_build(engine, config, tmp_path / "ours"), mkdocs_build(config, tmp_path / "alone")
    assert ours.returncode == alone.returncode != 0
    if not ENGINES[engine].mkdocs_compatible:  # its own wording: each broken page is named, at its line
        assert "notes/note-4.md:11:" in ours.stderr and "notes/note-7.md:11:" in ours.stderr
        return
    assert warnings_of(ours.stderr) == warnings_of(alone.stderr)
    assert len(warnings_of(ours.stderr)) == 2
    assert last_words(ours) == last_words(alone)


def test_anchors_of_other_pages_are_known(engine: str, tmp_path: Path) -> None:
    config = make_site(tmp_path)
    page = tmp_path / "docs" / "notes" / "note-2.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[own part](note-3.md#own-3)\n", encoding="utf-8")
    ours = runner_build(engine, config, tmp_path / "ours")
    assert ours.returncode == 0, ours.stderr
    assert warnings_of(ours.stderr) == []
    assert "note-2.md" not in ours.stderr


def test_a_page_that_cannot_be_read_fails_the_build_without_hanging(engine: str, tmp_path: Path) -> None:
    config = make_site(tmp_path)
    (tmp_path / "docs" / "notes" / "note-5.md").write_bytes(b"# Note\n\n\xff\xfe not UTF-8\n")
    ours, alone = runner_build(engine, config, tmp_path / "ours"), mkdocs_build(config, tmp_path / "alone")
    assert alone.returncode != 0
    assert ours.returncode != 0
    if ENGINES[engine].mkdocs_compatible:  # Zensical does not name the page it could not read
        assert "note-5.md" in ours.stderr


def test_a_hook_sees_every_page(engine: str, tmp_path: Path) -> None:
    if not ENGINES[engine].mkdocs_compatible:
        pytest.skip(f"{engine} runs no MkDocs hook or plugin")
    hook = tmp_path / "count_pages.py"
    seen = tmp_path / "seen.txt"
    hook.write_text(
        "seen = []\n"
        "def on_page_content(html, page, **kwargs):\n    seen.append(page.file.src_uri)\n    return html\n"
        f"def on_post_build(config, **kwargs):\n    open({str(seen)!r}, 'w').write('\\n'.join(sorted(seen)))\n",
        encoding="utf-8",
    )
    config = make_site(tmp_path, extra="hooks:\n  - count_pages.py\n")
    ours = runner_build(engine, config, tmp_path / "ours")
    assert ours.returncode == 0, ours.stderr
    assert len(seen.read_text(encoding="utf-8").splitlines()) == 13
