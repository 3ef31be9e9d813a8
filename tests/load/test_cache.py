"""The store of loaded records: an unchanged record is not parsed again, and a store that cannot be
trusted (corrupt, from other code, written by anyone else, unwritable) changes nothing."""

from __future__ import annotations

import msgspec
import pytest

from conftest import CORRUPT_CACHE
from site_builder.check.run import check
from site_builder.load import sheets, sources
from site_builder.load.sheets import SHEETS
from site_builder.runtime import session as session_module
from site_builder.runtime.session import Session
from site_builder.runtime.store import FILE, FOLDER, MISSING


@pytest.fixture
def parsed(monkeypatch):
    """The records parsed in a run (a record taken from the store is not parsed)."""
    seen: list[str] = []
    parse_sheet, parse_meta = sheets._sheet_of, sources._meta_of

    def sheet_of(text, path, rel):
        seen.append(rel)
        return parse_sheet(text, path, rel)

    def meta_of(text, rel):
        seen.append(rel)
        return parse_meta(text, rel)

    monkeypatch.setattr(sheets, "_sheet_of", sheet_of)
    monkeypatch.setattr(sources, "_meta_of", meta_of)
    return seen


def cached(root):
    return check(root, session=Session.for_project(root))


def outcome(report):
    sources = [
        (x.id, x.path, x.text.text, x.meta, x.meta_path, x.digest, x.pin_line) for x in report.project.sources.values()
    ]
    return report.project.sheets, sources, report.diagnostics


@pytest.fixture
def mixed(project):
    """A project with a valid sheet, a sheet with problems, and source metadata."""
    project.source(
        "s", "The harbour opened in the spring of that year, after a long winter.", "title: The harbour\nurl: x\n"
    )
    project.sheet(
        "good",
        """
        title: Good
        facts:
          - id: opened
            statement: The harbour opened in spring.
            citations:
              - source: s
                quote: the harbour opened in the spring
        """,
    )
    project.sheet(
        "bad",
        """
        title: Bad
        facts:
          - id: Not_Kebab
            statment: misspelt
            citations: []
        """,
    )
    return project


def test_a_second_check_parses_nothing_and_finds_the_same(mixed, parsed):
    first = cached(mixed.root)
    assert sorted(parsed) == ["factsheets/bad.yml", "factsheets/good.yml", "seeds/s.yml"]
    assert (mixed.root / FOLDER / FILE).is_file()
    parsed.clear()
    second = cached(mixed.root)
    assert parsed == []
    assert outcome(second) == outcome(first)
    assert outcome(second) == outcome(check(mixed.root))
    assert {x.code for x in second.diagnostics} >= {"schema"}


def test_only_a_changed_record_is_parsed_again(mixed, parsed):
    cached(mixed.root)
    parsed.clear()
    mixed.sheet(
        "bad",
        """
        title: Fixed
        facts:
          - id: opened
            statement: It opened.
            citations:
              - source: s
                quote: after a long winter
        """,
    )
    report = cached(mixed.root)
    assert parsed == ["factsheets/bad.yml"]
    assert report.project.sheet("bad").title == "Fixed"
    assert outcome(report) == outcome(check(mixed.root))


def test_a_session_kept_open_parses_only_what_changed_and_reads_no_file_of_the_store(mixed, parsed):
    session = Session.for_project(mixed.root)
    check(mixed.root, session=session)
    (mixed.root / FOLDER / FILE).write_bytes(b"")  # what the preview holds in memory is used
    parsed.clear()
    report = check(mixed.root, session=session)
    assert parsed == []
    assert outcome(report) == outcome(check(mixed.root))


@CORRUPT_CACHE
def test_a_corrupt_store_is_ignored_and_replaced(mixed, parsed, content):
    expected = outcome(cached(mixed.root))
    path = mixed.root / FOLDER / FILE
    if content is None:  # the right keys, but entries that do not decode to records
        stored = msgspec.msgpack.decode(path.read_bytes())
        content = msgspec.msgpack.encode({key: msgspec.msgpack.encode([["forged"], []]) for key in stored})
    path.write_bytes(content)
    parsed.clear()
    assert outcome(cached(mixed.root)) == expected
    assert len(parsed) == 3
    parsed.clear()
    cached(mixed.root)
    assert parsed == []  # written again, whole


def test_other_loading_code_starts_afresh(mixed, parsed, monkeypatch):
    expected = outcome(cached(mixed.root))
    digest = session_module.code_digest
    monkeypatch.setattr(session_module, "code_digest", lambda names: "other" if names == SHEETS.code else digest(names))
    parsed.clear()
    assert outcome(cached(mixed.root)) == expected
    assert len(parsed) == 3


def forge_flawless_records(root):
    """Write under every key of the store the good sheet, with no problems."""
    path = root / FOLDER / FILE
    store = Session.for_project(root).store
    keys = list(store.entries)
    loaded = [store.get(key, SHEETS.shape) for key in keys]
    good = next(value[0] for value in loaded if value is not MISSING and value[0] and value[0].id == "good")
    path.write_bytes(msgspec.msgpack.encode({key: msgspec.msgpack.encode((good, [])) for key in keys}))


def test_a_store_written_by_anyone_else_is_never_read(mixed, parsed, tmp_path_factory, monkeypatch):
    """A store committed to a repository, or written by another user, could say anything: even
    under the names of a record's exact bytes, its entries are not believed."""
    expected = outcome(check(mixed.root))
    cached(mixed.root)
    forge_flawless_records(mixed.root)
    assert outcome(cached(mixed.root)) != expected  # what the store holds is believed: its writer had the key
    cached(mixed.root)
    forge_flawless_records(mixed.root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("another-user")))  # and is now another user's
    parsed.clear()
    report = cached(mixed.root)
    assert len(parsed) == 3
    assert outcome(report) == expected


def test_an_unwritable_store_changes_nothing(mixed, parsed):
    (mixed.root / FOLDER).write_text("a file where the cache folder would be", encoding="utf-8")
    expected = outcome(check(mixed.root))
    assert outcome(cached(mixed.root)) == expected
    parsed.clear()
    assert outcome(cached(mixed.root)) == expected
    assert len(parsed) == 3
    assert (mixed.root / FOLDER).read_text(encoding="utf-8").startswith("a file")


def test_the_cache_folder_ignores_itself_for_git(mixed):
    cached(mixed.root)
    assert (mixed.root / FOLDER / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_the_command_line_caches_unless_told_not_to(mixed, run_cli):
    assert run_cli("check", "--root", str(mixed.root), "--no-cache").code == 1
    assert not (mixed.root / FOLDER).exists()
    assert run_cli("check", "--root", str(mixed.root)).code == 1
    assert (mixed.root / FOLDER / FILE).is_file()
