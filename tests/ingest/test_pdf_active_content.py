"""A PDF that could run a script or a program when opened: warned of, kept, published only when asked."""

from __future__ import annotations

import io
from pathlib import Path

import yaml
from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from site_builder.ingest.pdf import extract_pdf

NOTICE = (Path(__file__).parent / "fixtures" / "crane-inspection-notice.pdf").read_bytes()


def _written(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _action(kind: str, **fields: str) -> DictionaryObject:
    action = DictionaryObject({NameObject("/S"): NameObject(kind)})
    action.update({NameObject(f"/{k}"): TextStringObject(v) for k, v in fields.items()})
    return action


def with_names_tree_script() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(NOTICE)))
    names = ArrayObject([TextStringObject("greeting"), _action("/JavaScript", JS="app.alert('hello');")])
    tree = DictionaryObject({NameObject("/Names"): names})
    writer.root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})
    return _written(writer)


def with_open_action_script() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(NOTICE)))
    writer.root_object[NameObject("/OpenAction")] = _action("/JavaScript", JS="app.alert(1)")
    return _written(writer)


def with_launch_link() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(NOTICE)))
    link = Link(rect=(50, 50, 200, 80), url="https://example.org/")
    link[NameObject("/A")] = _action("/Launch", F="calc.exe")
    writer.add_annotation(page_number=1, annotation=link)
    return _written(writer)


def test_scripts_and_launch_actions_are_found_where_they_are():
    assert extract_pdf(NOTICE, "notice.pdf").active_content == ()
    assert extract_pdf(with_names_tree_script(), "a.pdf").active_content == ("JavaScript in the document's names tree",)
    assert extract_pdf(with_open_action_script(), "a.pdf").active_content == (
        "JavaScript in the action run on opening",
    )
    assert extract_pdf(with_launch_link(), "a.pdf").active_content == (
        "a Launch action in a link or form field on page 2",
    )


def test_an_active_pdf_is_kept_but_published_only_when_asked(project, run_cli, tmp_path):
    pdf = tmp_path / "scripted.pdf"
    pdf.write_bytes(with_open_action_script())
    added = run_cli("add-source", str(pdf), "--root", str(project.root), "--id", "scripted")
    assert added.code == 0 and "warning: the PDF holds active content" in added.out
    assert "--publish-original" in added.out
    meta = yaml.safe_load((project.root / "seeds" / "scripted.yml").read_text(encoding="utf-8"))
    assert meta["original"]["publish"] is False
    assert meta["original"]["active_content"] == ["JavaScript in the action run on opening"]
    assert (project.root / "seeds" / "originals" / "scripted.pdf").is_file()

    from site_builder.check.run import check
    from site_builder.render.generate import generate

    docs = tmp_path / "docs"
    generate(check(project.root), docs)
    assert not list(docs.rglob("*.pdf"))

    again = run_cli("add-source", str(pdf), "--root", str(project.root), "--replace", "--publish-original")
    assert again.code == 0
    generate(check(project.root), tmp_path / "docs-2")
    assert [p.name for p in (tmp_path / "docs-2").rglob("*.pdf")] == ["scripted.pdf"]
