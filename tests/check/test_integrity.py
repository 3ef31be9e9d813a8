"""Source pins: an edited source is caught, and `site-builder pin` records a reviewed text."""

from __future__ import annotations

import hashlib

import pytest
import yaml

from site_builder.check.integrity import with_pin
from site_builder.check.run import check
from site_builder.load.yaml_edit import CannotEdit


def test_edited_source_is_an_error_naming_every_fact_that_cites_it(harbour):
    path = harbour.root / "seeds" / "harbour.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Ann Lee.", "Tom Hill."), encoding="utf-8")
    report = check(harbour.root)
    [problem] = [x for x in report.diagnostics if x.code == "source-changed"]
    assert problem.severity == "error"
    assert (problem.file, problem.line) == ("seeds/harbour.yml", 4)
    notes = "\n".join(problem.notes)
    assert "harbour#opened (citation 1): the quote still stands" in notes
    assert "people#ann-lee (citation 1): the quote NO LONGER stands" in notes
    assert "site-builder pin harbour" in notes
    assert {f["fact"] for f in problem.extra["facts"]} == {"harbour#opened", "harbour#whalers", "people#ann-lee"}


def test_unpinned_source_is_a_warning(project):
    project.source("loose", "A text that nobody has pinned yet.", pin=False)
    project.sheet(
        "s", "title: S\nfacts: [{id: a, statement: A., citations: [{source: loose, quote: nobody has pinned}]}]\n"
    )
    [problem] = check(project.root).diagnostics
    assert (problem.severity, problem.code, problem.file, problem.line) == (
        "warning",
        "source-unpinned",
        "seeds/loose.txt",
        1,
    )


def test_pin_writes_the_digest_and_keeps_the_rest_of_the_metadata(harbour, run_cli):
    path = harbour.root / "seeds" / "harbour.txt"
    path.write_text(path.read_text(encoding="utf-8") + "A new line.\n", encoding="utf-8")
    assert check(harbour.root).errors == 1
    result = run_cli("pin", "harbour", "--root", str(harbour.root))
    assert result.code == 0 and result.out.startswith("pinned harbour: sha256 ")
    meta = (harbour.root / "seeds" / "harbour.yml").read_text(encoding="utf-8")
    assert meta.startswith("title: A short history of the harbour\npublisher: Town Archive\n")
    assert f"sha256: {hashlib.sha256(path.read_bytes()).hexdigest()}\n" in meta
    assert check(harbour.root).diagnostics == []
    again = run_cli("pin", "--root", str(harbour.root))
    assert again.out.startswith("already pinned harbour")


def test_pin_creates_metadata_for_a_source_without_any(project, run_cli):
    project.source("bare", "Some text.", pin=False)
    assert run_cli("pin", "--root", str(project.root)).code == 0
    assert (project.root / "seeds" / "bare.yml").read_text().startswith("sha256: ")


def test_pin_of_an_unknown_source_is_a_usage_error(harbour, run_cli):
    result = run_cli("pin", "harbor", "--root", str(harbour.root))
    assert result.code == 2 and "no such source: harbor" in result.err


def test_pin_line_is_replaced_in_place_with_its_line_ending():
    assert (
        with_pin("title: T\r\nsha256: old\r\nlanguage: en\r\n", "abc") == "title: T\r\nsha256: abc\r\nlanguage: en\r\n"
    )
    assert with_pin("title: T", "abc") == "title: T\nsha256: abc\n"
    assert with_pin("", "abc") == "sha256: abc\n"


def test_pin_leaves_a_key_like_line_inside_a_multi_line_title_alone(harbour, run_cli):
    meta = harbour.root / "seeds" / "harbour.yml"
    text = 'title: "A history of the harbour,\nsha256: part of the title"\npublisher: Town Archive\n'
    meta.write_text(text, encoding="utf-8")
    assert run_cli("pin", "--root", str(harbour.root)).code == 0
    data = yaml.safe_load(meta.read_text(encoding="utf-8"))
    assert data["title"] == "A history of the harbour, sha256: part of the title"
    assert data["sha256"] == hashlib.sha256((harbour.root / "seeds" / "harbour.txt").read_bytes()).hexdigest()
    assert meta.read_text(encoding="utf-8").startswith(text)


def test_pin_replaces_the_pin_not_a_line_in_a_title_and_keeps_the_rest():
    text = 'title: "Old\n  sha256: in the title"\nsha256: old # reviewed\nlanguage: en\n'
    assert with_pin(text, "abc") == 'title: "Old\n  sha256: in the title"\nsha256: abc # reviewed\nlanguage: en\n'


def test_pin_refuses_metadata_it_cannot_edit_and_leaves_the_file(harbour, run_cli):
    meta = harbour.root / "seeds" / "harbour.yml"
    meta.write_text("{title: T}\n", encoding="utf-8")
    result = run_cli("pin", "--root", str(harbour.root))
    assert result.code == 1 and "seeds/harbour.yml:1:1:" in result.err and "fix:" in result.err
    assert meta.read_text(encoding="utf-8") == "{title: T}\n"


def test_an_empty_pin_is_filled_in():
    assert with_pin("sha256:\ntitle: T\n", "abc") == "sha256: abc\ntitle: T\n"


def test_pin_refuses_metadata_whose_aliases_blow_it_up():
    bomb = "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i else "x"] * 10) + "]\n" for i in range(7))
    with pytest.raises(CannotEdit, match="aliases add more than"):
        with_pin("title: T\n" + bomb, "abc")
