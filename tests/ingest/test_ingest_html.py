"""Web pages: the main text as paragraphs, boilerplate left out, metadata, any language."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.check.matching import SourceText, locate
from site_builder.ingest import IngestError
from site_builder.ingest.html import extract_html

FIXTURES = Path(__file__).parent / "fixtures"


def extract(name: str):
    return extract_html((FIXTURES / name).read_bytes(), name)


def paragraphs(text: str) -> list[str]:
    source = SourceText(text)
    return [text[a:b] for a, b in source.paragraphs]


def test_a_news_page_gives_its_article_without_boilerplate():
    page = extract("news-en.html")
    text = page.text
    for left_out in (
        "Subscribe",
        "ADVERTISEMENT",
        "Related stories",
        "Storm closes",
        "About time too",
        "All rights reserved",
        "Injected by a script",
    ):
        assert left_out not in text
    assert text.startswith("Harbour dredging to resume after council vote\n\nDredging of the silted")
    assert text.endswith("beginning with the ferry berth.\n")


def test_headings_and_list_items_are_paragraphs_of_their_own():
    found = paragraphs(extract("news-en.html").text)
    assert "What the council decided" in found
    assert "the release of £2.4 million held back from last year's budget;" in found
    assert "a contract with a dredging company for twelve weeks of work;" in found
    assert "Every boat that cannot leave the harbour is a family without an income." in found


def test_preformatted_text_keeps_its_line_breaks():
    text = extract("manual-pre.html").text
    assert "gauge stop\ngauge clock set --utc 2024-03-14T06:00:00\ngauge start --interval 60\ngauge status" in text
    assert "time   level  trend\n06:00  2.41   rising\n06:01  2.43   rising" in text


def test_metadata_of_the_page():
    page = extract("news-en.html")
    assert page.title == "Harbour dredging to resume after council vote"
    assert page.author == "Margaret Ellison"
    assert page.publisher == "The Coastal Courier"
    assert page.published == "2024-03-14"
    assert page.url == "https://courier.example.org/news/2024/03/harbour-dredging"
    assert page.language == "en-GB"


@pytest.mark.parametrize(
    ("name", "language", "title", "quote"),
    [
        (
            "actualite-fr.html",
            "fr",
            "La bibliothèque municipale rouvre ses portes après deux ans de travaux",
            "« Nous voulions un lieu où l’on a envie de rester », a expliqué la directrice",
        ),
        (
            "bericht-de.html",
            "de-DE",
            "Neue Straßenbahnlinie verbindet Nord- und Südstadt",
            "„Das ist der größte Ausbau unseres Netzes seit über dreißig Jahren“, sagte Oberbürgermeisterin",
        ),
        (
            "zpravy-cs.html",
            "cs",
            "Obec opraví most přes Sázavu do konce října",
            "„Most je pro obec životně důležitý, bez něj jezdí lidé do práce o dvacet kilometrů dál,“ řekl starosta",
        ),
        (
            "akhbar-ar.html",
            "ar",
            "افتتاح مكتبة عامة جديدة في وسط المدينة",
            "ستفتح أبوابها كل يوم من التاسعة صباحا حتى الثامنة مساء",
        ),
    ],
)
def test_pages_in_other_languages(name, language, title, quote):
    page = extract(name)
    assert page.language == language
    assert page.title == title
    match = locate(quote, SourceText(page.text))
    assert match.status == "exact"
    assert "reklama" not in page.text.lower() and "Anzeige" not in page.text and "Publicité" not in page.text


def test_the_language_is_detected_when_the_page_declares_none():
    assert extract("no-lang.html").language == "cs"


def test_a_page_with_no_main_text_is_refused():
    with pytest.raises(IngestError, match="no main text"):
        extract("navigation-only.html")


def test_the_same_page_gives_the_same_text():
    assert extract("news-en.html").text == extract("news-en.html").text
