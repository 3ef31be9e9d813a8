"""PDFs: text page by page, printed page labels, columns in reading order; scans refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from site_builder.check.matching import SourceText, locate
from site_builder.ingest import IngestError
from site_builder.ingest.pdf import extract_pdf
from site_builder.text.pages import page_at, page_starts

FIXTURES = Path(__file__).parent / "fixtures"
NOTICE = (FIXTURES / "crane-inspection-notice.pdf").read_bytes()


def test_pages_are_separated_and_labelled_as_printed():
    pdf = extract_pdf(NOTICE, "notice.pdf")
    assert pdf.pages == 3
    assert pdf.page_labels == ("47698", "47699", "47700")
    assert pdf.text.count("\n\f\n") == 2
    assert pdf.title == "Inspection of Harbour Cranes; Final Rule"
    assert pdf.author == "Harbour Safety Commission"
    assert pdf.language == "en"


def test_every_quote_maps_to_the_page_it_is_printed_on():
    text = extract_pdf(NOTICE, "notice.pdf").text
    starts = page_starts(text)
    for quote, page in [
        ("The Commission amends its rules on the inspection of harbour cranes.", 1),
        ("need not be inspected until it is returned to service", 2),
        ("The Commission received 214 comments on the proposed rule.", 3),
    ]:
        match = locate(quote, SourceText(text))
        assert match.found, quote
        assert page_at(starts, match.span.start) == page


def test_two_columns_read_column_by_column():
    text = extract_pdf(NOTICE, "notice.pdf").text
    # The left column's last paragraph comes before the right column's first.
    assert text.index("DATES: This rule is") < text.index("SUPPLEMENTARY INFORMATION")
    assert locate("and has extended the ﬁrst deadline by one year.", SourceText(text)).found


def test_a_paragraph_is_one_block_and_paragraphs_are_apart():
    text = extract_pdf(NOTICE, "notice.pdf").text
    source = SourceText(text)
    found = [text[a:b] for a, b in source.paragraphs]
    assert "DATES: This rule is eﬀective July 5, 2024." in found
    assert any(p.startswith("SUMMARY:") and p.endswith("written record of each inspection.") for p in found)


def test_ligatures_and_hyphens_stay_as_the_pdf_has_them():
    text = extract_pdf(NOTICE, "notice.pdf").text
    assert "diﬃcult" in text and "qualiﬁed" in text
    assert "dif-\nficult" in text


def test_a_word_hyphenated_at_a_line_end_matches_whole():
    text = SourceText(extract_pdf(NOTICE, "notice.pdf").text)
    match = locate("an annual inspection would be difficult for small ports to arrange", text)
    assert match.found and "hyphenation" in match.normalizations
    assert locate("can be printed on demand by an inspector", text).found


def test_a_ligature_matches_the_letters_it_joins():
    text = SourceText(extract_pdf(NOTICE, "notice.pdf").text)
    assert locate("the task is difficult in remote areas", text).found
    assert locate("The final rule requires an annual inspection by a qualified engineer", text).found


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("scanned-page.pdf", "no text layer"),
        ("glyph-codes.pdf", "glyph codes"),
    ],
)
def test_a_pdf_without_letters_needs_ocr(name, says):
    with pytest.raises(IngestError, match="needs OCR") as refused:
        extract_pdf((FIXTURES / name).read_bytes(), name)
    assert says in str(refused.value)


def test_a_pdf_locked_by_a_password_is_refused():
    with pytest.raises(IngestError, match="encrypted PDF that needs a password"):
        extract_pdf((FIXTURES / "encrypted.pdf").read_bytes(), "encrypted.pdf")


def test_a_pdf_encrypted_without_a_user_password_is_read():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(NOTICE)))
    writer.encrypt("", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    assert extract_pdf(out.getvalue(), "restricted.pdf").text == extract_pdf(NOTICE, "notice.pdf").text


def test_a_broken_pdf_is_refused():
    with pytest.raises(IngestError, match="not a readable PDF"):
        extract_pdf(b"%PDF-1.7\nthis is not really a PDF", "broken.pdf")


def test_the_same_pdf_gives_the_same_text():
    assert extract_pdf(NOTICE, "a.pdf").text == extract_pdf(NOTICE, "b.pdf").text
