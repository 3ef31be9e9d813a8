"""Pages rendered by worker processes are the pages rendered one after the other."""

from __future__ import annotations

import os

import pytest

from site_builder.check.run import check
from site_builder.render.generate import generate
from site_builder.runtime import pool as pool_module
from site_builder.runtime.pool import WorkerPool

ONE = WorkerPool(workers=0)
WORKERS = WorkerPool(workers=1, fewest=1)  # however few the pages


@pytest.fixture(autouse=True)
def forkable(monkeypatch):
    monkeypatch.setattr(pool_module.threading, "active_count", lambda: 1)  # even with the suite's threads about


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_rendered_by_workers_are_the_same(harbour, tmp_path, monkeypatch):
    report = check(harbour.root)
    generate(report, tmp_path / "one", pool=ONE)
    forked = []
    fork = os.fork
    monkeypatch.setattr(os, "fork", lambda: forked.append(1) or fork())
    generate(report, tmp_path / "two", pool=WORKERS)
    assert forked
    assert files(tmp_path / "two") == files(tmp_path / "one")


def test_the_pages_of_a_worker_that_fails_are_written_here_and_count_as_changed(harbour, tmp_path, monkeypatch):
    report = check(harbour.root)
    generate(report, tmp_path / "one", pool=ONE)
    docs = tmp_path / "two"
    first = generate(report, docs, pool=WORKERS)
    monkeypatch.setattr(pool_module, "_serve", lambda work, share, pipe: os._exit(1))
    again = generate(report, docs, pool=WORKERS)
    assert files(docs) == files(tmp_path / "one")
    assert again and set(again) < set(first)  # the worker's pages: it may have written them before it failed


def test_the_pages_that_changed_are_told_by_every_process(harbour, tmp_path):
    report = check(harbour.root)
    docs = tmp_path / "docs"
    first = generate(report, docs, pool=WORKERS)
    assert "sheets/index.md" in first and generate(report, docs, pool=WORKERS) == []
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    for page in pages[::3]:  # some written by each process
        (docs / page).write_text("stale", encoding="utf-8")
    assert generate(report, docs, pool=WORKERS) == pages[::3]
