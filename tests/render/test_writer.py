"""A whole generation into a folder that does not exist yet is made beside it and takes its name at
the end: no reader sees it half-written, and a failed one leaves nothing behind."""

from __future__ import annotations

import os
import stat

import pytest

from site_builder.check.run import check
from site_builder.render import generate as generate_module
from site_builder.render.generate import generate
from site_builder.render.writer import MARKER, write_docs
from site_builder.runtime import pool as pool_module
from site_builder.runtime.pool import WorkerPool


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_new_docs_folder_is_written_whole_then_named(harbour, tmp_path):
    report = check(harbour.root)
    docs = tmp_path / "build" / "docs"
    changed = generate(report, docs)
    assert (docs / MARKER).is_file() and "sheets/index.md" in changed
    assert sorted(p.name for p in docs.parent.iterdir()) == ["docs"]  # no fresh folder left beside it
    again = tmp_path / "again"
    again.mkdir()  # an empty folder is written in place
    generate(report, again)
    assert files(docs) == files(again)


def test_a_new_docs_folder_has_a_new_folders_permissions(harbour, tmp_path):
    mask = os.umask(0o022)
    try:
        generate(check(harbour.root), tmp_path / "docs")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "docs").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "docs" / "index.md").stat().st_mode) == 0o644


def test_a_failed_generation_leaves_no_folder(harbour, tmp_path, monkeypatch):
    report = check(harbour.root)

    def broken(docs, job):
        if job[0].startswith("sources/"):
            raise RuntimeError("render failed")
        return generate_module.write_page(docs, job[0], job[1]())

    monkeypatch.setattr(generate_module, "_write", broken)
    with pytest.raises(RuntimeError):
        generate(report, tmp_path / "out" / "docs", pool=WorkerPool(workers=0))
    assert list((tmp_path / "out").iterdir()) == []


def test_a_worker_that_fails_in_a_new_folder_has_its_pages_written_here(harbour, tmp_path, monkeypatch):
    monkeypatch.setattr(pool_module.threading, "active_count", lambda: 1)  # even with the suite's threads about
    report = check(harbour.root)
    generate(report, tmp_path / "one", pool=WorkerPool(workers=0))

    def half_then_fail(work, share, pipe):
        work(share[0])  # a page written, then the worker dies
        os._exit(1)

    monkeypatch.setattr(pool_module, "_serve", half_then_fail)
    generate(report, tmp_path / "two", pool=WorkerPool(workers=1, fewest=1))
    assert files(tmp_path / "two") == files(tmp_path / "one")


def test_a_folder_that_appears_meanwhile_is_not_replaced(tmp_path, monkeypatch):
    from site_builder.render import writer
    from site_builder.render.writer import NotGenerated

    docs = tmp_path / "docs"
    made = writer.fresh_folder

    def and_someone_else_writes(target):
        folder = made(target)
        target.mkdir()
        (target / "theirs.md").write_text("kept", encoding="utf-8")
        return folder

    monkeypatch.setattr(writer, "fresh_folder", and_someone_else_writes)
    with pytest.raises(NotGenerated, match="appeared while it was generated"):
        write_docs({"index.md": "# Home\n"}, docs)
    assert files(docs) == {"theirs.md": b"kept"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]
