"""Located citations in the store: a second check of an unchanged project locates nothing again
and reports exactly what a check without the store reports; a store that cannot be trusted (stale,
from other code, corrupt, written by another user, unwritable) changes nothing."""

from __future__ import annotations

import secrets
import subprocess

import msgspec
import pytest

from conftest import CORRUPT_CACHE
from site_builder.check import located as located_cache
from site_builder.check.located import LOCATED
from site_builder.check.run import check
from site_builder.runtime import session as session_module
from site_builder.runtime.session import Session
from site_builder.runtime.store import FILE, FOLDER, Store

SOURCE = (
    "The harbour opened in 1851 after “years of delay.” Its first master was Ann Lee.\n"
    "Ships came from the north—mostly whalers—and the town grew quickly.\n\n"
    "The town grew quickly. North of the river, the town grew quickly too.\n"
    "Ann Lee wrote that she “never doubted the harbour would pay.”\n"
)
OTHER = "A second source, about the mill by the river, which burned down in the winter of 1860.\n"


@pytest.fixture
def located(monkeypatch):
    """The quotes located in a run (a citation taken from the cache is not located)."""
    seen: list[str] = []
    locate = located_cache.locate_citation

    def counting(citation, source):
        seen.append(citation.quote)
        return locate(citation, source)

    monkeypatch.setattr(located_cache, "locate_citation", counting)
    return seen


@pytest.fixture
def varied(project):
    """Citations of every kind: exact, normalized, elided, ambiguous, with prefix or suffix,
    too short, not found (with a closest passage), inside a word, context mismatch, no source."""
    project.source("harbour", SOURCE, "title: The harbour\n")
    project.source("mill", OTHER)
    project.sheet(
        "kinds",
        """
        title: Kinds
        facts:
          - id: exact
            statement: Exact.
            citations:
              - source: harbour
                quote: Its first master was Ann Lee.
          - id: normalized
            statement: Normalized.
            citations:
              - source: harbour
                quote: 'Ships came from the north-mostly whalers-and the town'
              - source: harbour
                quote: after "years of delay."
          - id: elided
            statement: Elided.
            citations:
              - source: harbour
                quote: The harbour opened … Ann Lee.
              - source: mill
                quote: "[t]he mill by the river"
          - id: ambiguous
            statement: Ambiguous.
            citations:
              - source: harbour
                quote: the town grew quickly
          - id: selectors
            statement: Selectors.
            citations:
              - source: harbour
                quote: the town grew quickly
                prefix: river,
              - source: harbour
                quote: the town grew quickly
                suffix: too
              - source: harbour
                quote: the town grew quickly
                prefix: nowhere
          - id: problems
            statement: Problems.
            citations:
              - source: harbour
                quote: Ann Lee
              - source: harbour
                quote: Its first mate was Ann Lee.
              - source: harbour
                quote: arbour opened in 1851
              - source: nowhere
                quote: a source that is not there
              - source: mill
                quote: which burned down in the summer of 1860
        """,
    )
    return project


def cached(root):
    return check(root, session=Session.for_project(root))


def forge(path, entry):
    """Write ``entry`` under every key of the store."""
    stored = msgspec.msgpack.decode(path.read_bytes())
    path.write_bytes(msgspec.msgpack.encode({key: msgspec.msgpack.encode(entry) for key in stored}))


def outcome(report):
    """Everything a report says about the citations: results, matches, diagnostics with their details."""
    return (
        [(r.fact.ref, r.citation, r.status, r.match) for r in report.citations],
        [(x, x.extra) for x in report.diagnostics],
    )


def unverifiable(root):
    """The quotes a cached check locates again: all but those found once verbatim, without selectors."""
    return {
        r.citation.quote
        for r in check(root).citations
        if not (r.status == "exact" and r.match is not None and len(r.match.occurrences) == 1)
        or r.citation.prefix is not None
        or r.citation.suffix is not None
    }


def test_a_second_check_locates_only_what_it_cannot_verify_and_reports_the_same(varied, located):
    expected = outcome(check(varied.root))
    codes = {x.code for x in check(varied.root).diagnostics}
    assert codes >= {"quote-ambiguous", "quote-too-short", "quote-not-found", "quote-partial-word"}
    assert codes >= {"quote-context-mismatch", "source-not-found"}
    assert {r.status for r in check(varied.root).citations} >= {"exact", "normalized", "elided", "not-found"}
    located.clear()
    assert outcome(cached(varied.root)) == expected
    assert len(located) == 13  # every citation whose source exists
    assert (varied.root / FOLDER / FILE).is_file()
    again = unverifiable(varied.root)
    located.clear()
    assert outcome(cached(varied.root)) == expected
    assert set(located) <= again and len(located) < 13  # a place found once verbatim is verified, not searched


def test_a_changed_source_is_searched_again_and_only_its_citations(varied, located):
    cached(varied.root)
    varied.source("mill", OTHER.replace("winter", "summer"))
    expected = outcome(check(varied.root))
    located.clear()
    assert outcome(cached(varied.root)) == expected
    changed = {"[t]he mill by the river", "which burned down in the summer of 1860"}
    assert changed <= set(located) <= changed | unverifiable(varied.root)


def test_a_moved_citation_is_not_searched_again_and_is_reported_where_it_now_is(varied, located):
    before = cached(varied.root)
    record = varied.root / "factsheets" / "kinds.yml"
    record.write_text("# a comment moves every line down\n" + record.read_text(encoding="utf-8"), encoding="utf-8")
    expected = outcome(check(varied.root))
    located.clear()
    report = cached(varied.root)
    assert set(located) <= unverifiable(varied.root)
    assert outcome(report) == expected
    lines = [x.line for x in before.diagnostics if x.file == "factsheets/kinds.yml"]
    assert [x.line for x in report.diagnostics if x.file == "factsheets/kinds.yml"] == [n + 1 for n in lines]


def test_other_matching_code_starts_afresh(varied, located, monkeypatch):
    expected = outcome(cached(varied.root))
    digest = session_module.code_digest
    monkeypatch.setattr(
        session_module, "code_digest", lambda names: "other" if names == LOCATED.code else digest(names)
    )
    located.clear()
    assert outcome(cached(varied.root)) == expected
    assert len(located) == 13


@CORRUPT_CACHE
def test_a_corrupt_cache_is_ignored_and_replaced(varied, located, content):
    expected = outcome(cached(varied.root))
    path = varied.root / FOLDER / FILE
    if content is None:  # the right keys, but entries that are not what locating finds
        forge(path, {"match": {"status": "exact", "span": {"start": 0, "end": 1}, "inside_word": "yes"}})
    else:
        path.write_bytes(content)
    located.clear()
    assert outcome(cached(varied.root)) == expected
    assert len(located) == 13
    located.clear()
    assert outcome(cached(varied.root)) == expected
    assert set(located) <= unverifiable(varied.root)  # written again, whole


def test_a_store_written_by_another_user_is_never_read(varied, located):
    """Even under the names another user's runs give them, what a store says about a quote is not believed."""
    path = varied.root / FOLDER / FILE
    check(varied.root, session=Session(Store(path.parent, secrets.token_bytes(32))))
    exact = {"start": 0, "end": 10}
    forge(path, {"match": {"status": "exact", "span": exact, "occurrences": [exact]}})  # "found at the start"
    located.clear()
    report = cached(varied.root)
    assert len(located) == 13
    assert outcome(report) == outcome(check(varied.root))
    assert any(x.code == "quote-not-found" for x in report.diagnostics)


def test_an_unwritable_cache_changes_nothing(varied, located):
    (varied.root / FOLDER).write_text("a file where the cache folder would be", encoding="utf-8")
    expected = outcome(check(varied.root))
    located.clear()
    assert outcome(cached(varied.root)) == expected
    assert outcome(cached(varied.root)) == expected
    assert len(located) == 26
    assert (varied.root / FOLDER).read_text(encoding="utf-8").startswith("a file")


def test_a_check_without_the_cache_neither_reads_nor_writes_it(varied, located):
    check(varied.root)
    assert not (varied.root / FOLDER).exists()


def test_a_check_of_what_changed_keeps_the_places_of_the_sheets_it_did_not_check(varied, located):
    varied.fact_sheet("mill", ("mill", "the mill by the river, which burned down"))
    git = ["git", "-C", str(varied.root), "-c", "user.email=a@b", "-c", "user.name=a"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "start"], check=True)
    cached(varied.root)
    record = varied.root / "factsheets" / "kinds.yml"
    record.write_text(record.read_text(encoding="utf-8").replace("title: Kinds", "title: Kinds of quotes"), "utf-8")
    report = check(varied.root, since="HEAD", session=Session.for_project(varied.root))
    assert {r.fact.sheet for r in report.citations} == {"kinds"}
    located.clear()
    cached(varied.root)
    assert "the mill by the river, which burned down" not in located
