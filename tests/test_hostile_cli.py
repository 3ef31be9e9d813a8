"""The command line facing a broken machine: unreadable files and folders, a foreign docs folder.

A file the user may not read is the machine's problem, not the records': the run stops with
exit 2 and one line naming the file. Root reads every file whatever its mode, so as root the
command runs without the capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH).
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest

from conftest import REPO

_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _without_read_override() -> None:
    """In the child, before exec: drop the capabilities that let root read any file."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def run_as_user(*args: str) -> subprocess.CompletedProcess:
    """Run ``site-builder`` so that file permissions apply to it, even when the tests run as root."""
    return subprocess.run(
        [sys.executable, "-m", "site_builder", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        preexec_fn=_without_read_override if os.geteuid() == 0 else None,
    )


def _skip_unless_permissions_apply(tmp_path) -> None:
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        read = subprocess.run(
            [sys.executable, "-c", f"open({str(probe)!r}).read()"],
            capture_output=True,
            preexec_fn=_without_read_override if os.geteuid() == 0 else None,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"running as root and cannot drop the capability to read any file: {exc}")
    if read.returncode == 0:
        pytest.skip("file permissions do not apply here: a file of mode 000 can be read")


def test_an_unreadable_record_is_a_usage_error(harbour, tmp_path):
    _skip_unless_permissions_apply(tmp_path)
    (harbour.root / "factsheets" / "people.yml").chmod(0)
    done = run_as_user("check", "--root", str(harbour.root))
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "site-builder: error: cannot read factsheets/people.yml: Permission denied"
    ]


def test_an_unreadable_folder_is_a_usage_error(harbour, tmp_path):
    _skip_unless_permissions_apply(tmp_path)
    (harbour.root / "seeds").chmod(0)
    try:
        done = run_as_user("check", "--root", str(harbour.root))
    finally:
        (harbour.root / "seeds").chmod(0o755)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == ["site-builder: error: cannot read seeds/: Permission denied"]


def test_a_docs_folder_with_other_files_is_never_cleaned(harbour, run_cli):
    harbour.mkdocs()
    precious = harbour.root / "build" / "docs" / "notes.md"
    precious.parent.mkdir(parents=True)
    precious.write_text("My own notes.\n", encoding="utf-8")
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 2
    [line] = result.err.strip().splitlines()
    assert line.startswith("site-builder: error: ") and "holds files that were not generated" in line
    assert precious.read_text(encoding="utf-8") == "My own notes.\n"
    assert not (harbour.root / "site").exists()


@pytest.mark.parametrize("command", ["build", "serve"])
def test_a_build_folder_committed_as_a_link_is_refused_and_nothing_written_outside(harbour, run_cli, tmp_path, command):
    harbour.mkdocs()
    outside = tmp_path / "outside"
    outside.mkdir()
    (harbour.root / "build").symlink_to(outside, target_is_directory=True)
    result = run_cli(command, "--root", str(harbour.root))
    assert result.code == 2
    [line] = result.err.strip().splitlines()
    assert (
        line.startswith("site-builder: error: ") and f"the folder {harbour.root / 'build'} is a symbolic link" in line
    )
    assert "remove the link" in line
    assert not list(outside.iterdir()) and not (harbour.root / "site").exists()


def test_a_build_lock_committed_as_a_link_is_refused_and_its_target_kept(harbour, run_cli, tmp_path):
    harbour.mkdocs()
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n", encoding="utf-8")
    (harbour.root / ".site.lock").symlink_to(precious)
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 2 and "symbolic link" in result.err
    assert precious.read_text(encoding="utf-8") == "keep me\n"


def test_a_link_named_as_a_leftover_build_is_neither_followed_nor_put_back_as_the_site(harbour, run_cli, tmp_path):
    harbour.mkdocs()
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep me\n", encoding="utf-8")
    for kind in ("new", "old", "search"):
        (harbour.root / f".site.{kind}-{os.getpid()}").symlink_to(outside, target_is_directory=True)
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 0, result.err
    assert [p.name for p in outside.iterdir()] == ["keep.txt"]
    assert not (harbour.root / "site").is_symlink() and (harbour.root / "site" / "index.html").is_file()


def test_a_search_pages_folder_committed_as_a_link_stops_the_build_with_its_reason(harbour, run_cli, tmp_path):
    harbour.mkdocs()
    outside = tmp_path / "outside"
    outside.mkdir()
    (harbour.root / ".site.index").symlink_to(outside, target_is_directory=True)
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 1
    assert "the pages to index could not be written" in result.err and "symbolic link" in result.err
    assert not list(outside.iterdir()) and not (harbour.root / "site").exists()
