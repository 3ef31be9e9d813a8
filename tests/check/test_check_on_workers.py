"""Records loaded and citations located by worker processes give exactly what one process gives,
whatever happens to the workers."""

from __future__ import annotations

import os

import msgspec
import pytest

from site_builder.check.run import check
from site_builder.load import records
from site_builder.load.files import CannotRead
from site_builder.runtime import pool as pool_module
from site_builder.runtime.pool import WorkerPool
from site_builder.runtime.session import Session

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
def many(project):
    """Records of every kind: valid, with schema errors, not YAML, and citations found and not found."""
    project.source("harbour", SOURCE, "title: Harbour\n")
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
        [(x.id, x.text.text, x.meta, x.meta_path, x.digest, x.pin_line) for x in report.project.sources.values()],
        [(r.fact.ref, r.citation, r.status, r.match) for r in report.citations],
        [(x, x.extra) for x in report.diagnostics],
    )


def one_process(root, *, cache=False):
    return check(root, session=Session.for_project(root, cache=cache, pool=WorkerPool(workers=0)))


def on_workers(root, *, cache=False):
    """A check whose every share of work worth sharing goes to a worker, however few its items."""
    return check(root, session=Session.for_project(root, cache=cache, pool=WorkerPool(workers=1, fewest=1)))


def test_workers_find_what_one_process_finds(many, forks):
    expected = outcome(one_process(many.root))
    assert not forks
    assert {x.code for x, _ in expected[3]} >= {
        "quote-ambiguous",
        "quote-not-found",
        "quote-partial-word",
        "quote-too-short",
        "yaml-syntax",
        "schema",
        "source-not-found",
    }
    assert outcome(on_workers(many.root)) == expected
    assert len(forks) == 2  # the records parsed, then the quotes located


def test_workers_write_the_store_one_process_would(many, forks):
    expected = outcome(one_process(many.root))
    assert outcome(on_workers(many.root, cache=True)) == expected
    assert len(forks) == 2
    assert outcome(one_process(many.root, cache=True)) == expected  # read from what the workers made
    assert outcome(on_workers(many.root, cache=True)) == expected
    assert len(forks) == 3  # no record to parse; the places that cannot be verified are located again


def _sending(data):
    def serve(work, share, pipe):
        if data is None:
            os._exit(3)
        pipe.send_bytes(data(share) if callable(data) else data)
        pipe.close()

    return serve


@pytest.mark.parametrize(
    "answer",
    [
        None,  # the worker fails
        b"",
        b"\xc1 not MessagePack",
        msgspec.msgpack.encode({"records": []}),
        lambda share: msgspec.msgpack.encode([None] * (len(share) - 1)),  # one answer too few
        lambda share: msgspec.msgpack.encode([[None, [["forged"]]]] * len(share)),  # not of the type
    ],
    ids=["fails", "nothing", "not-msgpack", "wrong-shape", "too-few", "wrong-type"],
)
def test_whatever_a_worker_sends_the_results_are_the_same(many, monkeypatch, forks, answer):
    expected = outcome(one_process(many.root))
    monkeypatch.setattr(pool_module, "_serve", _sending(answer))
    assert outcome(on_workers(many.root)) == expected
    assert len(forks) == 2


def test_an_unreadable_record_is_named_as_one_process_names_it(many, monkeypatch, forks):
    """The first unreadable record in order is the one named, whichever process would parse it."""
    read = records.read_text
    refused = {"sheet-03.yml", "sheet-06.yml"}

    def refusing(path, *args, **kwargs):
        if path.name in refused:
            raise CannotRead(f"cannot read {path.name}")
        return read(path, *args, **kwargs)

    monkeypatch.setattr(records, "read_text", refusing)
    for run in (one_process, on_workers):
        with pytest.raises(CannotRead, match=r"sheet-03\.yml"):
            run(many.root)
    assert not forks
