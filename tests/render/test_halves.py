"""Pages rendered on two cores are the pages rendered one after the other."""

from __future__ import annotations

from site_builder import forked as forked_module
from site_builder.check.run import check
from site_builder.render import halves
from site_builder.render.generate import generate


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_rendered_in_two_processes_are_the_same(harbour, tmp_path, monkeypatch):
    report = check(harbour.root)
    monkeypatch.setattr(halves, "MIN_PAGES", 10**9)
    generate(report, tmp_path / "one")
    forked = []
    fork = forked_module.os.fork
    monkeypatch.setattr(halves, "MIN_PAGES", 1)
    monkeypatch.setattr(halves, "_can_fork", lambda: True)  # even with the suite's threads about
    monkeypatch.setattr(forked_module.os, "fork", lambda: forked.append(1) or fork())
    generate(report, tmp_path / "two")
    assert forked
    assert files(tmp_path / "two") == files(tmp_path / "one")


def test_an_answer_that_does_not_come_is_rendered_here(harbour, tmp_path, monkeypatch):
    report = check(harbour.root)
    monkeypatch.setattr(halves, "MIN_PAGES", 10**9)
    generate(report, tmp_path / "one")
    monkeypatch.setattr(halves, "MIN_PAGES", 1)
    monkeypatch.setattr(halves, "_can_fork", lambda: True)
    monkeypatch.setattr(halves, "_received", lambda data, count: None)
    generate(report, tmp_path / "two")
    assert files(tmp_path / "two") == files(tmp_path / "one")


def test_the_pages_that_changed_are_told_by_both_processes(harbour, tmp_path, monkeypatch):
    report = check(harbour.root)
    monkeypatch.setattr(halves, "MIN_PAGES", 1)
    monkeypatch.setattr(halves, "_can_fork", lambda: True)
    docs = tmp_path / "docs"
    first = generate(report, docs)
    assert "sheets/index.md" in first and generate(report, docs) == []
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    for page in pages[::3]:  # some written by each process
        (docs / page).write_text("stale", encoding="utf-8")
    assert generate(report, docs) == pages[::3]
