"""A new source's metadata without hand edits: titles as the document gives them, without a
site's name or date, and any field set on the command line at once."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from site_builder.ingest.html import extract_html
from site_builder.ingest.titles import page_title

FIXTURES = Path(__file__).parent / "fixtures"
PAPER = FIXTURES / "pdf-sources" / "two-column-paper.pdf"


@pytest.mark.parametrize(
    ("given", "title"),
    [
        ("Die Lage in Syrien | DW | 19.01.2020", "Die Lage in Syrien"),
        ("BBC News | Record rainfall floods the valley", "Record rainfall floods the valley"),
        ("Inspection of Harbour Cranes; Final Rule", "Inspection of Harbour Cranes; Final Rule"),
        ("Pre-war - post-war housing policy in the long run", "Pre-war - post-war housing policy in the long run"),
    ],
)
def test_a_site_suffix_is_dropped_from_a_title(given, title):
    assert page_title(given) == title


def test_a_web_page_title_loses_its_site_name_and_date():
    page = extract_html((FIXTURES / "pdf-sources" / "actualite-fr.html").read_bytes(), "actualite-fr.html")
    assert page.title == "Les ponts de la Loire rouvrent après trois ans de travaux"


def test_metadata_given_on_the_command_line_is_written_at_once(project, run_cli):
    result = run_cli(
        "add-source",
        str(PAPER),
        "--root",
        str(project.root),
        "--title",
        "Optimized inference",
        "--author",
        "Andreas Keller",
        "--publisher",
        "Small Languages Press",
        "--url",
        "https://example.org/paper.pdf",
        "--published",
        "2024-03",
    )
    assert result.code == 0, result.err
    meta = yaml.safe_load((project.root / "seeds" / "optimized-inference.yml").read_text(encoding="utf-8"))
    assert {k: meta[k] for k in ("title", "author", "publisher", "url", "published")} == {
        "title": "Optimized inference",
        "author": "Andreas Keller",
        "publisher": "Small Languages Press",
        "url": "https://example.org/paper.pdf",
        "published": "2024-03",
    }
    assert run_cli("check", "--root", str(project.root)).code == 0


@pytest.mark.parametrize(("option", "value"), [("--published", "19.01.2020"), ("--url", "ftp://x/y")])
def test_a_field_the_schema_refuses_is_refused_before_anything_is_written(project, run_cli, option, value):
    result = run_cli("add-source", str(PAPER), "--root", str(project.root), option, value)
    assert result.code == 1 and option in result.err
    assert not list((project.root / "seeds").iterdir())


def test_a_user_name_and_password_in_a_given_url_are_never_written(project, run_cli):
    result = run_cli(
        "add-source", str(PAPER), "--root", str(project.root), "--url", "https://ann:secret@example.org/paper.pdf"
    )
    assert result.code == 0, result.err
    [meta] = (project.root / "seeds").glob("*.yml")
    text = meta.read_text(encoding="utf-8")
    assert "secret" not in text and "ann@" not in text
    assert yaml.safe_load(text)["url"] == "https://example.org/paper.pdf"
