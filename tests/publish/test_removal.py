"""The previous site and a stopped build's leftovers are removed after the build, by a process of their
own: the build hands them over under a name that no later build puts back in place."""

from __future__ import annotations

import time
from pathlib import Path

from site_builder.publish.mkdocs_build import leftovers
from site_builder.publish.removal import remove_in_background
from site_builder.publish.swap import recover


def gone_soon(path: Path) -> bool:
    deadline = time.monotonic() + 60
    while path.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    return not path.exists()


def test_the_folders_are_handed_over_at_once_and_removed_later(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("new", encoding="utf-8")
    old = tmp_path / ".site.old-1"
    for n in range(200):
        (old / f"page-{n}").mkdir(parents=True)
        (old / f"page-{n}" / "index.html").write_text("old", encoding="utf-8")
    remove_in_background(target, [old, tmp_path / ".site.search-1"])  # the second one does not exist
    assert not old.exists()
    assert leftovers(target, "old") == []  # a later build cannot mistake it for the previous site
    trash = leftovers(target)
    assert [p.name.startswith(".site.trash-") for p in trash] in ([True], [])
    target.rename(tmp_path / "moved")
    recover(target, leftovers(target, "old"))
    assert not target.exists()
    assert all(gone_soon(p) for p in trash)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["moved"]
