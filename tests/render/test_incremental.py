"""A preview regenerates only the pages an edit reaches, and ends with what a full generation writes."""

from __future__ import annotations

import pytest

from site_builder.check.run import check
from site_builder.render.generate import generate
from site_builder.render.incremental import generate_changes, write_exports


def files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def edit_statement(project):
    replace_in(project.root / "factsheets" / "harbour.yml", "after years of delay.", "after a long delay.")


def edit_tag(project):
    replace_in(project.root / "factsheets" / "harbour.yml", "tags: [dates]", "tags: [dates, ships]")


def edit_source_title(project):
    replace_in(project.root / "seeds" / "harbour.yml", "A short history", "A long history")


def add_sheet(project):
    project.sheet(
        "masters",
        """
        title: Masters
        tags: [people]
        facts:
          - id: first
            statement: The first master.
            citations:
              - source: harbour
                quote: Its first master was Ann Lee.
            related: [people#ann-lee]
        """,
    )


def add_warning(project):
    replace_in(project.root / "factsheets" / "people.yml", "quote: Its first master was Ann Lee.", "quote: Ann Lee.")


def add_source(project):
    project.source("pier", "The pier was built of oak in the summer of 1860 by the town council.")
    replace_in(
        project.root / "factsheets" / "people.yml",
        "    related:",
        "      - source: pier\n        quote: built of oak in the summer\n    related:",
    )


EDITS = [edit_statement, edit_tag, edit_source_title, add_sheet, add_warning, add_source]


@pytest.mark.parametrize("edit", EDITS, ids=[e.__name__ for e in EDITS])
def test_an_edit_regenerates_what_a_full_generation_writes(harbour, tmp_path, edit):
    preview = tmp_path / "preview"
    changed, state = generate_changes(check(harbour.root), preview, None, None)
    assert changed
    edit(harbour)
    report = check(harbour.root)
    changed, _ = generate_changes(report, preview, None, state)
    full = tmp_path / "full"
    generate(report, full)
    assert files(preview) == files(full)
    assert changed  # and it said what it rewrote
    assert len(changed) < len(files(full))


def test_removing_a_sheet_removes_its_page(harbour, tmp_path):
    add_sheet(harbour)
    preview = tmp_path / "preview"
    _, state = generate_changes(check(harbour.root), preview, None, None)
    assert (preview / "sheets" / "masters.md").exists()
    (harbour.root / "factsheets" / "masters.yml").unlink()
    report = check(harbour.root)
    changed, _ = generate_changes(report, preview, None, state)
    full = tmp_path / "full"
    generate(report, full)
    assert files(preview) == files(full)
    assert "sheets/masters.md" in changed


def test_an_unchanged_project_rewrites_nothing(harbour, tmp_path):
    preview = tmp_path / "preview"
    _, state = generate_changes(check(harbour.root), preview, None, None)
    changed, _ = generate_changes(check(harbour.root), preview, None, state)
    assert changed == []


def test_exports_put_off_for_a_preview_are_written_after_the_pages(harbour, tmp_path):
    preview = tmp_path / "preview"
    _, state = generate_changes(check(harbour.root), preview, None, None)
    edit_source_title(harbour)
    report = check(harbour.root)
    changed, state = generate_changes(report, preview, None, state, exports=False)
    assert "facts.json" not in changed
    assert "sources/harbour.md" in changed
    later = write_exports(report, preview, state)
    assert "facts.json" in later
    assert "annotations/harbour.jsonld" in later
    full = tmp_path / "full"
    generate(report, full)
    assert files(preview) == files(full)
    assert write_exports(report, preview, state) == []
