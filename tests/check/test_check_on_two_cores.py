"""Records loaded and citations located on two cores give exactly what one process gives, whatever
happens to the other process."""

from __future__ import annotations

import os

import pytest

from site_builder.check import halves
from site_builder.check.run import check
from site_builder.load import project as project_loading
from site_builder.load.cache import FOLDER
from site_builder.load.files import CannotRead

SOURCE = (
    "The harbour opened in 1851 after “years of delay.” Its first master was Ann Lee.\n"
    "Ships came from the north—mostly whalers—and the town grew quickly.\n\n"
    "The town grew quickly. North of the river, the town grew quickly too.\n"
)
QUOTES = [
    "Its first master was Ann Lee.",  # exact
    'after "years of delay."',  # normalized
    "The harbour opened … Ann Lee.",  # elided
    "the town grew quickly",  # ambiguous
    "Ann Lee",  # too short
    "Its first mate was Ann Lee.",  # not found
    "arbour opened in 1851",  # inside a word
]


@pytest.fixture
def many(project, monkeypatch):
    """Enough records to be loaded on two cores (a lower bound than for real use), of every kind:
    valid, with schema errors, not YAML, and citations found and not found."""
    monkeypatch.setattr(halves, "MIN_RECORDS", 8)
    project.source("harbour", SOURCE)
    project.source("other", "Another text, about the mill by the river that burned in the winter of 1860.\n")
    for number in range(24):
        project.fact_sheet(
            f"sheet-{number:02d}", ("harbour", QUOTES[number % len(QUOTES)]), ("other", "the mill by the river")
        )
    project.sheet("broken", "title: [\n")
    project.sheet("invalid", "title: Invalid\nfacts:\n  - id: Not_Kebab\n    statment: misspelt\n")
    project.sheet(
        "missing",
        "title: Missing\nfacts:\n  - id: a\n    statement: A.\n    citations:\n      - source: nowhere\n        quote: not there at all\n",
    )
    return project


def outcome(report):
    return (
        report.project.sheets,
        [(r.fact.ref, r.citation, r.status, r.match) for r in report.citations],
        [(x, x.extra) for x in report.diagnostics],
    )


@pytest.fixture
def one_process(monkeypatch):
    """Runs a check with no second process."""

    def run(root, **kwargs):
        with monkeypatch.context() as patch:
            patch.setattr(halves, "_can_fork", lambda: False)
            return check(root, **kwargs)

    return run


@pytest.fixture
def forks(monkeypatch):
    """Counts the second processes started."""
    started: list[int] = []
    fork = os.fork

    def counting():
        pid = fork()
        if pid:
            started.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting)
    return started


def test_two_cores_find_what_one_finds(many, one_process, forks):
    expected = outcome(one_process(many.root))
    assert {x.code for x, _ in expected[2]} >= {
        "quote-ambiguous",
        "quote-not-found",
        "quote-partial-word",
        "quote-too-short",
        "yaml-syntax",
        "schema",
        "source-not-found",
    }
    assert outcome(check(many.root)) == expected
    assert len(forks) == 1


def test_two_cores_write_the_cache_one_would(many, one_process, forks):
    expected = outcome(one_process(many.root))
    assert outcome(check(many.root, cache=True)) == expected
    assert len(forks) == 1
    assert outcome(one_process(many.root, cache=True)) == expected  # read from what two cores wrote
    assert len(forks) == 1  # a cache to read from: one process


@pytest.mark.parametrize(
    "answer",
    [
        None,  # the other process fails
        b"",
        b"not json",
        b'{"records": []}',
        b'{"records": {"sheet:factsheets/sheet-01.yml": ["0", "forged"]}, "located": [["x", "y", null, null, 1]]}',
    ],
    ids=["fails", "nothing", "not-json", "wrong-shape", "entries-that-do-not-decode"],
)
def test_whatever_the_other_process_sends_the_results_are_the_same(many, one_process, monkeypatch, forks, answer):
    expected = outcome(one_process(many.root))

    def other(root, paths):
        if answer is None:
            raise RuntimeError("the other process fails")
        return answer

    monkeypatch.setattr(halves, "_load_and_locate", other)
    assert outcome(check(many.root)) == expected
    assert len(forks) == 1


def test_an_unreadable_record_is_named_as_one_process_names_it(many, one_process, monkeypatch, forks):
    """The first unreadable record in order is the one named, whichever process read it."""
    load_sheet = halves.load_sheet
    refused = {"sheet-03.yml", "sheet-06.yml"}  # one for each process

    def refusing(path, root, cache=None):
        if path.name in refused:
            raise CannotRead(f"cannot read {path.name}")
        return load_sheet(path, root, cache)

    monkeypatch.setattr(halves, "load_sheet", refusing)
    monkeypatch.setattr("site_builder.load.sheets.load_sheet", refusing)
    for run in (one_process, check):
        with pytest.raises(CannotRead, match=r"sheet-03\.yml"):
            run(many.root)
    assert len(forks) == 1


def test_the_other_process_is_ended_when_loading_fails_on_the_way(many, monkeypatch, forks):
    def failing(root, cache=None, **kwargs):
        raise CannotRead("cannot read seeds/")

    monkeypatch.setattr(project_loading, "load_sources", failing)
    two = halves.TwoCores(None)
    with pytest.raises(CannotRead):
        project_loading.load_project(many.root, loading=two)
    assert len(forks) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(forks[0], os.WNOHANG)  # ended and collected
    assert not (many.root / FOLDER).exists()
