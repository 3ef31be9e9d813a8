"""Files from an untrusted tree: their names are shown so that they cannot break or hide a report's lines, and
what is read of them stays within its limit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.load.excerpt import visible
from site_builder.load.files import UnreadableFile, read_bytes, relative


def test_a_file_name_with_a_control_character_is_named_visibly(project, run_cli):
    (project.root / "factsheets" / "bad\nname.yml").write_text("title: [\n", encoding="utf-8")
    result = run_cli("check", "--root", str(project.root))
    assert result.code == 1
    assert "factsheets/bad\\u000aname.yml" in result.out
    assert "bad\nname" not in result.out


_PARTS = st.sampled_from(["a", "b", ".", "..", ".a", "a.yml", "seeds", " ", "\n", "é"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARTS, max_size=3), st.lists(_PARTS, max_size=3), st.sampled_from(["/", "", "./", "/tmp/"]))
def test_a_path_is_named_relative_to_the_root_as_pathlib_names_it(root_parts, rest, start):
    root = Path(start + "/".join(root_parts)) if start + "/".join(root_parts) else Path(".")
    for path in (root / "/".join(rest) if rest else root, Path(start + "/".join(rest or ["x"]))):
        try:
            expected = path.relative_to(root).as_posix()
        except ValueError:
            expected = path.as_posix()
        assert relative(path, root) == visible(expected)


@pytest.mark.parametrize("size, refused", [(100, False), (1000, False), (1001, True), (5000, True)])
def test_a_file_that_grows_while_it_is_read_is_read_whole_or_refused_at_the_limit(tmp_path, monkeypatch, size, refused):
    """The size the system gave before the file was opened is no bound: what is read is."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_bytes(b"x" * size)
    real_lstat = os.lstat

    def smaller(target, *args, **kwargs):  # the size it had a moment before
        info = real_lstat(target, *args, **kwargs)
        return os.stat_result((*info[:6], 10, *info[7:]))

    monkeypatch.setattr(os, "lstat", smaller)
    if refused:
        with pytest.raises(UnreadableFile, match="larger than"):
            read_bytes(path, tmp_path, folder, 1000)
    else:
        assert read_bytes(path, tmp_path, folder, 1000) == b"x" * size
