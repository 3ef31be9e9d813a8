"""Whatever the cache folder holds, a check reports what a check without it reports: a cached
place is verified against the source, and a cache folder or file that a repository could plant
(a symbolic link, a file git tracks) is not used."""

from __future__ import annotations

import json
import os
import subprocess

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.check.located import FILE, LocatedCache
from site_builder.check.run import check
from site_builder.load.cache import FOLDER, _key
from site_builder.report.json_report import render_json

SOURCE = "Russia said its troops stayed home. North Korea has sent troops to Russia.\n"
TRUE = "North Korea has sent troops to Russia."
FALSE = "North Korea has not sent any troops to Russia at all."


def setup(project, quote):
    project.source("news", SOURCE)
    project.fact_sheet("claims", ("news", quote))
    check(project.root, cache=True)  # makes the cache folder and its key
    return project.root / FOLDER / FILE


def forge(path, entries_for):
    """Write under the right key an entry for every citation, as ``entries_for`` says."""
    key = _key(path.parent, LocatedCache.digest())
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["key"] == key
    path.write_text(json.dumps({"key": key, "entries": entries_for(stored["entries"])}), encoding="utf-8")


def every_entry(value):
    return lambda entries: {name: value for name in entries}


def test_an_impossible_cached_place_is_not_believed(project):
    path = setup(project, TRUE)
    expected = render_json(check(project.root))
    forge(path, every_entry([99999999, 5]))
    assert render_json(check(project.root, cache=True)) == expected


def test_a_cached_place_for_a_false_quote_does_not_pass_it(project):
    path = setup(project, FALSE)
    assert check(project.root).diagnostics  # not in the source
    forge(path, lambda entries: {name: [36, 36 + len(FALSE)] for name in entries})
    report = check(project.root, cache=True)
    assert any(x.code == "quote-not-found" for x in report.diagnostics)


def test_a_cache_folder_that_is_a_symbolic_link_is_not_used_nor_written(project, tmp_path_factory, capsys):
    project.source("news", SOURCE)
    project.fact_sheet("claims", ("news", TRUE))
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    os.symlink(elsewhere, project.root / FOLDER)
    check(project.root, cache=True)
    assert list(elsewhere.iterdir()) == []
    assert "symbolic link" in capsys.readouterr().err


def test_a_cache_file_that_is_a_symbolic_link_is_not_used_nor_written(project, tmp_path_factory):
    path = setup(project, TRUE)
    outside = tmp_path_factory.mktemp("elsewhere") / "target"
    outside.write_text("keep", encoding="utf-8")
    path.unlink()
    os.symlink(outside, path)
    project.fact_sheet("claims", ("news", "Russia said its troops stayed home."))
    check(project.root, cache=True)
    assert outside.read_text(encoding="utf-8") == "keep"
    assert path.is_symlink()


def test_a_cache_that_git_tracks_is_not_used(project):
    path = setup(project, FALSE)
    expected = render_json(check(project.root))
    forge(path, lambda entries: {name: [36, 36 + len(FALSE)] for name in entries})
    git = ["git", "-C", str(project.root), "-c", "user.email=a@b", "-c", "user.name=a"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", FOLDER], check=True)
    before = path.read_bytes()
    assert render_json(check(project.root, cache=True)) == expected
    assert path.read_bytes() == before


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=9) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entry=JSON | st.lists(st.integers(-5, 200), min_size=2, max_size=2),
    right_key=st.booleans(),
    quote=st.sampled_from([TRUE, FALSE, "troops", "Russia"]),
)
def test_any_cache_gives_the_report_of_no_cache(project, entry, right_key, quote):
    path = setup(project, quote)
    expected = render_json(check(project.root))
    key = _key(path.parent, LocatedCache.digest()) if right_key else "0:0:0"
    stored = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({"key": key, "entries": {n: entry for n in stored["entries"]}}), encoding="utf-8")
    assert render_json(check(project.root, cache=True)) == expected
