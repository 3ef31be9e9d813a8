"""Whatever the store holds, a check reports what a check without it reports: a stored place is
verified against the source, a stored record is one its writer made from the same bytes (only the
user's secret names it), and a cache folder or file that a repository could plant (a symbolic
link, a file git tracks) is not used."""

from __future__ import annotations

import hashlib
import os
import secrets
import subprocess

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.check.located import LOCATED
from site_builder.check.run import check
from site_builder.report.json_report import render_json
from site_builder.runtime.session import Session
from site_builder.runtime.store import FILE, FOLDER, Store, code_digest, entry_key

SOURCE = "Russia said its troops stayed home. North Korea has sent troops to Russia.\n"
TRUE = "North Korea has sent troops to Russia."
FALSE = "North Korea has not sent any troops to Russia at all."


def cached(root):
    return check(root, session=Session.for_project(root))


def setup(project, quote):
    project.source("news", SOURCE, "title: News\n")
    project.fact_sheet("claims", ("news", quote))
    cached(project.root)  # makes the store and the user's secret
    return project.root / FOLDER / FILE


def forge(path, value_for):
    """Write under every key of the store the encoding of ``value_for(stored bytes)``."""
    stored = msgspec.msgpack.decode(path.read_bytes())
    path.write_bytes(
        msgspec.msgpack.encode({key: msgspec.msgpack.encode(value_for(data)) for key, data in stored.items()})
    )


def test_an_impossible_stored_place_is_not_believed(project):
    path = setup(project, TRUE)
    expected = render_json(check(project.root))
    forge(path, lambda data: {"match": {"status": "exact", "span": {"start": 99999999, "end": 5}}})
    assert render_json(cached(project.root)) == expected


def test_a_stored_place_for_a_false_quote_does_not_pass_it(project):
    path = setup(project, FALSE)
    assert check(project.root).diagnostics  # not in the source
    span = {"start": 36, "end": 36 + len(FALSE)}
    forge(path, lambda data: {"match": {"status": "exact", "span": span, "occurrences": [span]}})
    report = cached(project.root)
    assert any(x.code == "quote-not-found" for x in report.diagnostics)


def test_a_cache_folder_that_is_a_symbolic_link_is_not_used_nor_written(project, tmp_path_factory, capsys):
    project.source("news", SOURCE)
    project.fact_sheet("claims", ("news", TRUE))
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    os.symlink(elsewhere, project.root / FOLDER)
    cached(project.root)
    assert list(elsewhere.iterdir()) == []
    assert "symbolic link" in capsys.readouterr().err


def test_a_store_file_that_is_a_symbolic_link_is_not_used_nor_written(project, tmp_path_factory, capsys):
    path = setup(project, TRUE)
    outside = tmp_path_factory.mktemp("elsewhere") / "target"
    outside.write_text("keep", encoding="utf-8")
    path.unlink()
    os.symlink(outside, path)
    project.fact_sheet("claims", ("news", "Russia said its troops stayed home."))
    cached(project.root)
    assert outside.read_text(encoding="utf-8") == "keep"
    assert path.is_symlink()
    assert "symbolic link" in capsys.readouterr().err


def test_a_store_that_git_tracks_is_not_used(project, capsys):
    path = setup(project, FALSE)
    expected = render_json(check(project.root))
    span = {"start": 36, "end": 36 + len(FALSE)}
    forge(path, lambda data: {"match": {"status": "exact", "span": span, "occurrences": [span]}})
    git = ["git", "-C", str(project.root), "-c", "user.email=a@b", "-c", "user.name=a"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", FOLDER], check=True)
    before = path.read_bytes()
    assert render_json(cached(project.root)) == expected
    assert path.read_bytes() == before
    assert "git tracks" in capsys.readouterr().err


#: What a forger may write: any MessagePack data (of the shapes a record or a place has, or not).
DATA = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=9) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
SPAN = st.fixed_dictionaries({"start": st.integers(-5, 200), "end": st.integers(-5, 200)})
PLACE = st.fixed_dictionaries(
    {"match": st.fixed_dictionaries({"status": st.sampled_from(["exact", "normalized"]), "span": SPAN})},
    optional={"unique_prefix": st.text(max_size=5)},
)
RECORD = st.tuples(st.none(), st.lists(st.just(["error", "schema", "factsheets/claims.yml", 1, "forged"]), max_size=1))
QUOTES = st.sampled_from([TRUE, FALSE, "troops", "Russia"])
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def place_keys(root, quote):
    """The names of the entries of the places of ``quote`` in the store, as this user's runs name them."""
    store = Session.for_project(root).store
    digest = hashlib.sha256((root / "seeds" / "news.txt").read_bytes()).hexdigest()
    return {entry_key(store.secret, LOCATED.name, code_digest(LOCATED.code), (digest, quote, None, None))}


@SETTINGS
@given(entry=DATA | PLACE | st.binary(max_size=20).map(msgspec.Raw), quote=QUOTES)
def test_any_stored_place_gives_the_report_of_no_cache(project, entry, quote):
    """A place under its right name is verified against the source, whatever it says."""
    path = setup(project, quote)
    expected = render_json(check(project.root))
    keys = place_keys(project.root, quote)
    stored = msgspec.msgpack.decode(path.read_bytes())
    assert keys <= set(stored)
    stored.update({key: msgspec.msgpack.encode(entry) for key in keys})
    path.write_bytes(msgspec.msgpack.encode(stored))
    assert render_json(cached(project.root)) == expected


@SETTINGS
@given(entry=DATA | PLACE | RECORD | st.binary(max_size=20).map(msgspec.Raw), quote=QUOTES)
def test_any_store_written_by_anyone_else_gives_the_report_of_no_cache(project, entry, quote):
    """Records and places, well-formed or not, under the names another user's runs give them."""
    path = setup(project, quote)
    expected = render_json(check(project.root))
    check(project.root, session=Session(Store(path.parent, secrets.token_bytes(32))))  # another user's run
    forge(path, lambda data: entry)
    assert render_json(cached(project.root)) == expected
