"""File names from an untrusted tree are shown so that they cannot break or hide a report's lines."""

from __future__ import annotations


def test_a_file_name_with_a_control_character_is_named_visibly(project, run_cli):
    (project.root / "factsheets" / "bad\nname.yml").write_text("title: [\n", encoding="utf-8")
    result = run_cli("check", "--root", str(project.root))
    assert result.code == 1
    assert "factsheets/bad\\u000aname.yml" in result.out
    assert "bad\nname" not in result.out
