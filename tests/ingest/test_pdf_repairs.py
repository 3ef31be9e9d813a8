"""Glyphs a PDF draws apart: accents joined to their letter and counted; what cannot be mended named by page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from site_builder.ingest.pdf import extract_pdf
from site_builder.ingest.pdf_repairs import artifacts, join_accents

NOTICE = (Path(__file__).parent / "fixtures" / "crane-inspection-notice.pdf").read_bytes()


@pytest.mark.parametrize(
    ("drawn", "read"),
    [("na¨ıve", "naïve"), ("´etude", "étude"), ("gar¸con", "garçon"), ("ˇCech", "Čech"), ("p`ere", "père")],
)
def test_an_accent_drawn_apart_is_joined_to_its_letter(drawn, read):
    repaired = join_accents(f"a {drawn} word")
    assert repaired.text == f"a {read} word" and repaired.accents == 1


@pytest.mark.parametrize("text", ["`quoted' words", "a ¨ alone", "ˆr has no single character"])
def test_what_makes_no_accented_letter_stays(text):
    assert join_accents(text).text == text and join_accents(text).accents == 0


def test_replacement_characters_and_stray_accents_are_reported():
    found = artifacts("na\ufffdve and na\ufffdve, then noˆ")
    assert found[0].startswith("2 replacement characters")
    assert "accents or glyphs not joined to a letter" in found[1]
    assert artifacts("naïve and clean") == []


def _two_pages(first: str, second: str) -> bytes:
    """A PDF of two pages, each a line of ``first`` or ``second`` in a font that maps every glyph."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(TTFont("DejaVuSerif", "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"))
    out = io.BytesIO()
    canvas = Canvas(out, invariant=True)
    for text in (first, second):
        canvas.setFont("DejaVuSerif", 11)
        canvas.drawString(72, 720, text)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize("drawn", ["The insp\ufffdector came.", "The inspectorˆ came."])
def test_an_unmapped_glyph_is_warned_of_with_its_page(drawn):
    pdf = extract_pdf(_two_pages("A clean first page.", drawn), "two.pdf")
    warnings = [note for note in pdf.notes if note.startswith("warning:")]
    assert len(warnings) == 1 and "on page 2 (" in warnings[0]


def test_a_clean_pdf_has_no_warning_and_no_repair():
    pdf = extract_pdf(NOTICE, "notice.pdf")
    assert not [note for note in pdf.notes if note.startswith("warning:")] and pdf.repairs == {}
