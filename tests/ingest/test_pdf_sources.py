"""Real PDFs from add-source to the published site: a two-column LaTeX paper and a French web page
printed by a browser, with no edit of their metadata by hand (fixtures/pdf-sources holds their
.tex and .html beside them)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from htmltools import Page
from site_builder.check.matching import SourceText, locate
from site_builder.ingest.pdf import extract_pdf

SOURCES = Path(__file__).parent / "fixtures" / "pdf-sources"
PAPER = SOURCES / "two-column-paper.pdf"
FRENCH = SOURCES / "actualite-fr.pdf"
PAPER_ID = "optimized-inference-for-small-languages"
FRENCH_ID = "les-ponts-de-la-loire-rouvrent-apres-trois-ans-de-travaux"

QUOTES = {
    PAPER_ID: [
        "a naïve estimator overfits the few documents that are available",  # across a hyphenated line end
        "the features they record are too coarse to guide estimation directly",  # past a footnote
        "For each of the […] eleven languages we held out a fifth of the annotated sentences",  # a page break
    ],
    FRENCH_ID: [
        "les deux ponts qui relient les quartiers de l'île à la rive nord ont rouvert à la circulation",
        "la vitesse des voitures n'ait pas […] été abaissée à trente kilomètres par heure",  # a page break
    ],
}


@pytest.fixture
def published(project, run_cli):
    """Both PDFs added, a sheet citing them, and the site built."""
    project.mkdocs()
    root = str(project.root)
    paper = run_cli("add-source", str(PAPER), "--root", root, "--format", "json")
    assert paper.code == 0 and json.loads(paper.out)["repairs"] == {"accents": 2}
    french = run_cli("add-source", str(FRENCH), "--root", root, "--published", "2020-01-19")
    assert french.code == 0, french.err
    citations = [(source, quote) for source, quotes in QUOTES.items() for quote in quotes]
    project.fact_sheet("papers", *citations)
    built = run_cli("build", "--root", root)
    assert built.code == 0, built.err + built.out
    return project


def _source_text(site: Path, source_id: str) -> str:
    html = (site / "sources" / source_id / "index.html").read_text(encoding="utf-8")
    start = html.index('class="sb-source"')
    return Page(html[start : html.index("</article>", start)]).text


def test_each_pdf_is_named_and_titled_from_itself(published):
    seeds = published.root / "seeds"
    paper = yaml.safe_load((seeds / f"{PAPER_ID}.yml").read_text(encoding="utf-8"))
    french = yaml.safe_load((seeds / f"{FRENCH_ID}.yml").read_text(encoding="utf-8"))
    assert paper["title"] == "Optimized Inference for Small Languages"  # its first heading
    assert paper["repairs"] == {"accents": 2}
    assert french["title"] == "Les ponts de la Loire rouvrent après trois ans de travaux"  # no site name, no date
    assert french["language"] == "fr" and french["published"] == "2020-01-19"


def test_every_quote_across_line_ends_footnotes_and_page_breaks_stands(published, run_cli):
    result = run_cli("check", "--root", str(published.root), "--format", "json")
    assert result.code == 0, result.out


@pytest.mark.parametrize("source_id", [PAPER_ID, FRENCH_ID])
def test_the_source_page_reads_as_the_pdf_does(published, source_id):
    text = _source_text(published.root / "site", source_id)
    assert not re.search(r"[^\W\d_]- [^\W\d_]", text), re.findall(r"\w+- \w+", text)
    assert "\ufffd" not in text and "¨ı" not in text


def test_a_word_hyphenated_at_a_line_end_is_shown_joined(published):
    text = _source_text(published.root / "site", PAPER_ID)
    assert "doc-uments" in text and "naïve estimator" in text


def test_running_heads_page_numbers_and_footnotes_are_paragraphs_of_their_own():
    text = extract_pdf(PAPER.read_bytes(), PAPER.name).text
    paragraphs = [text[a:b] for a, b in SourceText(text).paragraphs]
    assert paragraphs.count("Optimized Inference for Small Languages") == 3  # two running heads and the title
    assert "1" in paragraphs and "2" in paragraphs
    assert "1Copyright 2024 the author. All rights reserved." in paragraphs
    # The footnote no longer cuts the sentence it stood in.
    assert locate("too coarse to guide estimation directly", SourceText(text)).found


def test_an_elision_still_never_joins_two_paragraphs_of_one_page():
    text = SourceText(extract_pdf(PAPER.read_bytes(), PAPER.name).text)
    assert locate("For each of the […] eleven languages", text).found  # across the page break
    assert not locate("Our contribution is threefold. […] Hierarchical Bayesian models", text).found


@pytest.mark.parametrize(
    ("pdf", "before", "after"),
    [
        (PAPER, "and morphological segmentation. For each of the", "eleven languages we held out a fifth"),
        (FRENCH, "la vitesse des voitures n'ait pas", "été abaissée à trente kilomètres"),
    ],
)
def test_the_help_for_a_quote_across_a_page_break_elides_the_page_furniture(pdf, before, after):
    text = SourceText(extract_pdf(pdf.read_bytes(), pdf.name).text)
    match = locate(f"{before} {after}", text)
    assert not match.found and match.suggestion is not None
    assert match.suggestion.text == f"{before} […] {after}"
    assert locate(match.suggestion.text, text).found


def test_a_quote_with_a_wrong_word_gets_no_elision_for_help():
    text = SourceText(extract_pdf(FRENCH.read_bytes(), FRENCH.name).text)
    match = locate("la vitesse des camions n'ait pas été abaissée", text)
    assert match.suggestion is not None and "[…]" not in match.suggestion.text


@pytest.mark.parametrize(
    ("line", "number"),
    [("12", True), ("xiv", True), ("Page 3", True), ("3/12", True), ("civil", False), ("Mild", False)],
)
def test_a_bare_page_number_is_told_from_a_word(line, number):
    from site_builder.ingest.pdf_furniture import Line, furniture

    last = [line, "Another last line", "A third one"]
    pages = [[Line(f"Body text of page {n} goes here.", 72, 700, 10), Line(last[n], 300, 40, 10)] for n in range(3)]
    assert (1 in furniture(pages)[0]) is number
