"""Builds never lose the last good site, and the same inputs always give the same bytes."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO
from htmltools import Page

LEFTOVER = ".site.*-*"


def digests(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` → the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def write_many(root: Path, count: int, order: list[int] | None = None) -> Path:
    """A project of ``count`` sheets and sources, written in ``order`` (so their creation order varies)."""
    (root / "seeds").mkdir(parents=True)
    (root / "factsheets").mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for i in order or range(count):
        (root / "seeds" / f"s{i}.txt").write_text(
            "".join(f"Line {j} of source {i}: the harbour opened in {1800 + j}.\n" for j in range(20)), encoding="utf-8"
        )
        (root / "factsheets" / f"sheet-{i}.yml").write_text(
            f"title: Sheet {i}\ntags: [t{i % 7}, shared]\nfacts:\n"
            f"  - id: a\n    statement: Statement {i}.\n    tags: [f{i % 5}]\n"
            f"    citations:\n      - source: s{i}\n        quote: Line 3 of source {i}\n"
            f"    related: [sheet-{(i + 1) % count}#a]\n",
            encoding="utf-8",
        )
    return root


def build_process(root: Path, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "site_builder", "build", "--root", str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
    )


def build(root: Path, **env: str) -> subprocess.CompletedProcess:
    process = build_process(root, **env)
    out, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.fixture
def built(harbour, run_cli):
    """The harbour project, built once."""
    harbour.mkdocs()
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 0, result.err
    return harbour


def test_a_failed_check_changes_nothing(built, run_cli):
    site, docs = digests(built.root / "site"), digests(built.root / "build" / "docs")
    built.sheet("broken", "title: [\n")
    (built.root / "factsheets" / "people.yml").unlink()  # a page that a build would delete
    result = run_cli("build", "--root", str(built.root))
    assert result.code == 1
    assert "site not built" in result.err
    assert digests(built.root / "site") == site
    assert digests(built.root / "build" / "docs") == docs


def test_a_good_build_leaves_no_stale_page(built, run_cli):
    (built.root / "factsheets" / "people.yml").write_text(
        "title: People\nfacts:\n  - id: ann\n    statement: Ann.\n    citations:\n"
        "      - source: harbour\n        quote: Its first master was Ann Lee.\n",
        encoding="utf-8",
    )
    (built.root / "factsheets" / "harbour.yml").unlink()
    result = run_cli("build", "--root", str(built.root))
    assert result.code == 0, result.err
    assert not (built.root / "build" / "docs" / "sheets" / "harbour.md").exists()
    assert not (built.root / "site" / "sheets" / "harbour").exists()


def test_a_failed_mkdocs_build_keeps_the_site(built, run_cli):
    site = digests(built.root / "site")
    config = built.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("name: material", "name: no-such-theme"), encoding="utf-8"
    )
    result = run_cli("build", "--root", str(built.root))
    assert result.code == 1
    assert result.err.startswith("error: MkDocs did not build the site:")
    assert "no-such-theme" in result.err
    assert digests(built.root / "site") == site
    assert no_leftovers_once_removed(built.root)


def test_a_site_dir_over_the_project_is_refused(built, run_cli):
    config = built.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_dir: site", "site_dir: ."), encoding="utf-8")
    before = digests(built.root)
    result = run_cli("build", "--root", str(built.root))
    assert result.code == 1
    assert "would overwrite the project's own files" in result.err
    assert digests(built.root) == before


def no_leftovers_once_removed(root: Path) -> bool:
    """Whether every leftover folder is gone once the removals the builds started are done."""
    deadline = time.monotonic() + 120
    while list(root.glob(LEFTOVER)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not list(root.glob(LEFTOVER))


def _wait_for_mkdocs(root: Path, process: subprocess.Popen) -> None:
    """Wait until MkDocs has started writing the new site beside the old one."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        fresh = [p for p in root.glob(".site.new-*") if any(p.iterdir())]
        if fresh:
            return
        assert process.poll() is None, f"the build ended before it could be stopped: {process.communicate()}"
        time.sleep(0.005)
    raise AssertionError("MkDocs never started writing")


@pytest.fixture(scope="module")
def big_built(tmp_path_factory) -> Path:
    """A project large enough that MkDocs runs for a second or so, built once."""
    root = write_many(tmp_path_factory.mktemp("big") / "project", 80)
    done = build(root)
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture
def big(big_built, tmp_path):
    """A copy of the built project, with a change for the next build to show."""
    root = tmp_path / "big"
    shutil.copytree(big_built, root, symlinks=True)
    (root / "factsheets" / "sheet-0.yml").write_text(
        (root / "factsheets" / "sheet-0.yml").read_text(encoding="utf-8").replace("Statement 0.", "Changed."),
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize("whole_group", [False, True], ids=["the-build-process", "with-mkdocs"])
def test_a_killed_build_keeps_the_site(big, whole_group):
    site = digests(big / "site")
    process = build_process(big)
    _wait_for_mkdocs(big, process)
    if whole_group:
        os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()  # MkDocs, its child, runs on and finishes its folder
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert digests(big / "site") == site
    done = build(big)  # waits for a MkDocs left running, then removes its folder
    assert done.returncode == 0, done.stderr
    assert no_leftovers_once_removed(big)
    assert "Changed." in Page((big / "site" / "sheets" / "sheet-0" / "index.html").read_text(encoding="utf-8")).text


def test_an_interrupted_build_keeps_the_site(big):
    site = digests(big / "site")
    process = build_process(big)
    _wait_for_mkdocs(big, process)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert err.strip().splitlines()[-1] == "site-builder: interrupted"
    assert "Traceback" not in err
    assert digests(big / "site") == site
    assert no_leftovers_once_removed(big)


def test_builds_are_byte_identical(tmp_path):
    count = 12
    first = write_many(tmp_path / "one", count)
    second = write_many(tmp_path / "two", count, order=list(reversed(range(count))))
    for path in [*first.rglob("*"), *second.rglob("*")]:  # the same content, last changed at the same time
        os.utime(path, (1_700_000_000, 1_700_000_000))
    runs = [build(first, PYTHONHASHSEED="1"), build(second, PYTHONHASHSEED="2")]
    assert [r.returncode for r in runs] == [0, 0], [r.stderr for r in runs]
    assert digests(first / "build" / "docs") == digests(second / "build" / "docs")
    dated = {"sitemap.xml", "sitemap.xml.gz"}  # hold the build date
    one, two = digests(first / "site"), digests(second / "site")
    assert {k: v for k, v in one.items() if k not in dated} == {k: v for k, v in two.items() if k not in dated}
    assert "pagefind/pagefind-entry.json" in one


def test_a_swap_cut_between_two_renames_is_undone(tmp_path, monkeypatch):
    """Where folders cannot be exchanged atomically, an interruption between the two renames
    puts the previous site back."""
    from site_builder.publish import swap

    target, fresh, old = tmp_path / "site", tmp_path / ".site.new-1", tmp_path / ".site.old-1"
    target.mkdir()
    (target / "index.html").write_text("old")
    fresh.mkdir()
    (fresh / "index.html").write_text("new")
    monkeypatch.setattr(swap, "_exchange", lambda a, b: False)
    real_rename = Path.rename

    def interrupted(self, dest):
        if self == fresh:
            raise KeyboardInterrupt
        return real_rename(self, dest)

    monkeypatch.setattr(Path, "rename", interrupted)
    with pytest.raises(KeyboardInterrupt):
        swap.replace_folder(target, fresh, old)
    monkeypatch.setattr(Path, "rename", real_rename)
    assert not target.exists()
    swap.recover(target, [old])
    assert (target / "index.html").read_text() == "old"


def test_folders_are_exchanged_in_one_step_on_linux(tmp_path):
    from site_builder.publish import swap

    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux's")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a")
    (b / "x").write_text("b")
    if not swap._exchange(a, b):
        pytest.skip("this file system cannot exchange two folders")
    assert ((a / "x").read_text(), (b / "x").read_text()) == ("b", "a")
