"""Every hostile case of the security page's table (docs/pages/security.md) gets what the table says."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import REPO
from hostile_cases import BASE_SHEET, BASE_SOURCE, CASES, Case, readme_table

RUN_HERE = [case for case in CASES if case.test is None]


def make_project(root: Path, case: Case) -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / "factsheets").mkdir()
    (root / "seeds" / "harbour.txt").write_text(BASE_SOURCE, encoding="utf-8")
    (root / "factsheets" / "harbour.yml").write_text(BASE_SHEET, encoding="utf-8")
    for rel, content in case.files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if case.setup:
        case.setup(root)
    return root


def test_the_base_project_is_valid(tmp_path, run_cli):
    root = make_project(tmp_path / "p", Case("base", "", ""))
    result = run_cli("check", "--root", str(root))
    assert result.code == 0, result.out


@pytest.mark.parametrize("case", RUN_HERE, ids=[case.name for case in RUN_HERE])
def test_case(case: Case, tmp_path, run_cli, monkeypatch):
    root = make_project(tmp_path / "p", case)
    monkeypatch.chdir(tmp_path)
    args = [a.format(root=root) for a in case.args] or ["check", "--root", str(root), "--format", "json"]
    result = run_cli(*args)
    assert result.code == case.exit, (result.out, result.err)
    assert "Traceback" not in result.err
    if case.exit == 2:
        assert result.out == ""
        assert len(result.err.strip().splitlines()) == 1, result.err
        assert case.message in result.err
        return
    report = json.loads(result.out)
    file, _, line = case.where.partition(":")
    found = [(x["code"], x["file"], x["line"], x["message"]) for x in report["diagnostics"]]
    assert any(
        code == case.code and f == file and str(at or "") == line and case.message in message
        for code, f, at, message in found
    ), found
    assert not list(tmp_path.rglob("pwned")), "a YAML tag was constructed"


def _documented_section() -> str:
    page = (REPO / "docs" / "pages" / "security.md").read_text(encoding="utf-8")
    section = page[page.index("## Hostile and broken input") :]
    return section[: section.find("\n## ", 1) if "\n## " in section[1:] else len(section)]


def test_the_documented_table_is_the_list_of_cases():
    section = _documented_section()
    start = section.index("| case | input | result | exit |")
    end = section.index("\n\n", start)
    assert section[start : end + 1] == readme_table(), "run `python tests/hostile_cases.py` and paste its table"


@pytest.mark.parametrize("case", [c for c in CASES if c.test], ids=[c.name for c in CASES if c.test])
def test_each_case_run_elsewhere_names_a_test(case: Case):
    path, _, function = case.test.partition("::")
    spec = importlib.util.spec_from_file_location(Path(path).stem, Path(__file__).parent / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert callable(getattr(module, function, None)), case.test


def test_case_names_are_unique():
    names = [case.name for case in CASES]
    assert len(names) == len(set(names))
