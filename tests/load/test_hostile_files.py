"""File names from an untrusted tree are shown so that they cannot break or hide a report's lines."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.load.excerpt import visible
from site_builder.load.files import relative


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
