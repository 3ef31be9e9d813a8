"""The cache of loaded records: an unchanged record is not parsed again, and a cache that cannot
be trusted (corrupt, from another version, copied from elsewhere, unwritable) changes nothing."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import CORRUPT_CACHE
from site_builder.check.run import check
from site_builder.load import cache as record_cache
from site_builder.load import sheets, sources
from site_builder.load.cache import FILE, FOLDER


@pytest.fixture
def parsed(monkeypatch):
    """The records parsed in a run (a record taken from the cache is not parsed)."""
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
    first = check(mixed.root, cache=True)
    assert sorted(parsed) == ["factsheets/bad.yml", "factsheets/good.yml", "seeds/s.yml"]
    assert (mixed.root / FOLDER / FILE).is_file()
    parsed.clear()
    second = check(mixed.root, cache=True)
    assert parsed == []
    assert outcome(second) == outcome(first)
    assert outcome(second) == outcome(check(mixed.root))
    assert {x.code for x in second.diagnostics} >= {"schema"}


def test_only_a_changed_record_is_parsed_again(mixed, parsed):
    check(mixed.root, cache=True)
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
    report = check(mixed.root, cache=True)
    assert parsed == ["factsheets/bad.yml"]
    assert report.project.sheet("bad").title == "Fixed"
    assert outcome(report) == outcome(check(mixed.root))


@CORRUPT_CACHE
def test_a_corrupt_cache_is_ignored_and_replaced(mixed, parsed, content):
    expected = outcome(check(mixed.root, cache=True))
    path = mixed.root / FOLDER / FILE
    if content is None:  # the right key, but entries that do not decode to records
        stored = json.loads(path.read_text(encoding="utf-8"))
        for name in stored["entries"]:
            stored["entries"][name][1] = [["forged"], []]
        content = json.dumps(stored).encode()
    path.write_bytes(content)
    parsed.clear()
    assert outcome(check(mixed.root, cache=True)) == expected
    assert len(parsed) == 3
    parsed.clear()
    check(mixed.root, cache=True)
    assert parsed == []  # written again, whole


def test_a_cache_of_another_version_is_ignored(mixed, parsed, monkeypatch):
    expected = outcome(check(mixed.root, cache=True))
    monkeypatch.setattr(record_cache, "code_digest", lambda: "another release")
    parsed.clear()
    assert outcome(check(mixed.root, cache=True)) == expected
    assert len(parsed) == 3


def test_a_cache_copied_from_elsewhere_is_never_read(mixed, parsed, tmp_path_factory):
    """A cache committed to a repository, or copied with it, could say anything: even with a
    record's exact bytes it is not believed."""
    check(mixed.root, cache=True)
    path = mixed.root / FOLDER / FILE
    stored = json.loads(path.read_text(encoding="utf-8"))
    digest = stored["entries"]["sheet:factsheets/bad.yml"][0]
    good = stored["entries"]["sheet:factsheets/good.yml"][1]
    stored["entries"]["sheet:factsheets/bad.yml"] = [digest, [good[0], []]]  # "no problems"
    path.write_text(json.dumps(stored), encoding="utf-8")
    copy = tmp_path_factory.mktemp("clone") / "project"
    shutil.copytree(mixed.root, copy)
    parsed.clear()
    report = check(copy, cache=True)
    assert len(parsed) == 3
    assert any(x.file == "factsheets/bad.yml" for x in report.diagnostics)


def test_an_unwritable_cache_changes_nothing(mixed, parsed):
    (mixed.root / FOLDER).write_text("a file where the cache folder would be", encoding="utf-8")
    expected = outcome(check(mixed.root))
    assert outcome(check(mixed.root, cache=True)) == expected
    parsed.clear()
    assert outcome(check(mixed.root, cache=True)) == expected
    assert len(parsed) == 3
    assert (mixed.root / FOLDER).read_text(encoding="utf-8").startswith("a file")


def test_the_cache_folder_ignores_itself_for_git(mixed):
    check(mixed.root, cache=True)
    assert (mixed.root / FOLDER / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


def test_the_command_line_caches_unless_told_not_to(mixed, run_cli):
    assert run_cli("check", "--root", str(mixed.root), "--no-cache").code == 1
    assert not (mixed.root / FOLDER).exists()
    assert run_cli("check", "--root", str(mixed.root)).code == 1
    assert (mixed.root / FOLDER / FILE).is_file()
