"""``site-builder add-source``: what it writes, what it says, and what it refuses."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import yaml

from site_builder.check.run import check

FIXTURES = Path(__file__).parent / "fixtures"
NOTICE = FIXTURES / "crane-inspection-notice.pdf"
NOTICE_ID = "inspection-of-harbour-cranes-final-rule"
NEWS = FIXTURES / "news-en.html"
NEWS_ID = "harbour-dredging-to-resume-after-council-vote"


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717459200")  # 2024-06-04


def test_a_pdf_becomes_a_pinned_paged_source(project, run_cli):
    result = run_cli("add-source", str(NOTICE), "--root", str(project.root))
    assert result.code == 0, result.err
    seeds = project.root / "seeds"
    text = (seeds / f"{NOTICE_ID}.txt").read_bytes()
    meta = yaml.safe_load((seeds / f"{NOTICE_ID}.yml").read_text(encoding="utf-8"))
    assert meta == {
        "title": "Inspection of Harbour Cranes; Final Rule",
        "author": "Harbour Safety Commission",
        "language": "en",
        "pages": 3,
        "page_labels": ["47698", "47699", "47700"],
        "retrieved": "2024-06-04",
        "original": {
            "name": "crane-inspection-notice.pdf",
            "media_type": "application/pdf",
            "sha256": hashlib.sha256(NOTICE.read_bytes()).hexdigest(),
        },
        "sha256": hashlib.sha256(text).hexdigest(),
    }
    assert (seeds / "originals" / f"{NOTICE_ID}.pdf").read_bytes() == NOTICE.read_bytes()
    assert result.out.splitlines() == [
        f"added {NOTICE_ID}: Inspection of Harbour Cranes; Final Rule (en), 9 paragraphs, 3 pages (printed 47698–47700)",
        f"wrote seeds/originals/{NOTICE_ID}.pdf",
        f"wrote seeds/{NOTICE_ID}.txt",
        f"wrote seeds/{NOTICE_ID}.yml",
    ]
    report = check(project.root)
    assert report.diagnostics == []
    assert report.project.sources[NOTICE_ID].original_file == f"seeds/originals/{NOTICE_ID}.pdf"


def test_a_web_page_becomes_a_source_with_its_metadata(project, run_cli):
    result = run_cli("add-source", str(NEWS), "--root", str(project.root), "--format", "json")
    assert result.code == 0, result.err
    doc = json.loads(result.out)
    assert doc["id"] == NEWS_ID
    assert doc["language"] == "en-GB" and doc["pages"] is None and doc["paragraphs"] == 13
    assert doc["files"] == [f"seeds/originals/{NEWS_ID}.html", f"seeds/{NEWS_ID}.txt", f"seeds/{NEWS_ID}.yml"]
    meta = yaml.safe_load((project.root / "seeds" / f"{NEWS_ID}.yml").read_text(encoding="utf-8"))
    assert meta["publisher"] == "The Coastal Courier"
    assert meta["published"] == "2024-03-14"
    assert meta["url"] == "https://courier.example.org/news/2024/03/harbour-dredging"
    assert check(project.root).diagnostics == []


def test_the_whole_flow_add_quote_check(project, run_cli):
    run_cli("add-source", str(NOTICE), "--root", str(project.root))
    run_cli("add-source", str(FIXTURES / "actualite-fr.html"), "--root", str(project.root), "--id", "bibliotheque")
    project.fact_sheet(
        "cranes",
        (NOTICE_ID, "an annual inspection would be difficult for small ports to arrange"),
        (NOTICE_ID, "The Commission received 214 comments on the proposed rule."),
        ("bibliotheque", "la bibliothèque municipale a rouvert samedi matin ses portes au public"),
    )
    result = run_cli("check", "--root", str(project.root), "--format", "json")
    assert result.code == 0, result.out
    citations = json.loads(result.out)["citations"]
    assert [(c["status"], c.get("page"), c.get("page_label")) for c in citations] == [
        ("normalized", 1, "47698"),
        ("normalized", 3, "47700"),
        ("exact", None, None),
    ]
    assert citations[0]["normalizations"] == ["hyphenation"]


def test_the_same_input_gives_byte_identical_files(project, run_cli, tmp_path):
    run_cli("add-source", str(NOTICE), "--root", str(project.root))
    run_cli("add-source", str(NEWS), "--root", str(project.root))
    first = files(project.root / "seeds")
    shutil.rmtree(project.root / "seeds")
    (project.root / "seeds").mkdir()
    run_cli("add-source", str(NOTICE), "--root", str(project.root))
    run_cli("add-source", str(NEWS), "--root", str(project.root))
    assert files(project.root / "seeds") == first


def test_no_keep_original(project, run_cli):
    result = run_cli("add-source", str(NOTICE), "--root", str(project.root), "--no-keep-original")
    assert result.code == 0
    assert not (project.root / "seeds" / "originals").exists()
    meta = yaml.safe_load((project.root / "seeds" / f"{NOTICE_ID}.yml").read_text(encoding="utf-8"))
    assert meta["original"]["name"] == "crane-inspection-notice.pdf"


def test_an_id_from_the_title_is_unique(project, run_cli):
    project.source(NEWS_ID, "Another text under the same name.\n")
    result = run_cli("add-source", str(NEWS), "--root", str(project.root))
    assert result.code == 0
    assert (project.root / "seeds" / f"{NEWS_ID}-2.txt").exists()


def test_an_id_from_a_title_in_another_script_keeps_its_latin_letters(project, run_cli):
    result = run_cli("add-source", str(FIXTURES / "zpravy-cs.html"), "--root", str(project.root))
    assert result.out.startswith("added obec-opravi-most-pres-sazavu-do-konce-rijna: Obec opraví most")
    result = run_cli("add-source", str(FIXTURES / "akhbar-ar.html"), "--root", str(project.root))
    assert result.out.startswith("added akhbar-ar: ")  # no Latin letters in the title: the file name


def test_plain_text_and_markdown_are_taken_as_they_are(project, run_cli, tmp_path):
    notes = tmp_path / "minutes.md"
    data = "\ufeff# Minutes of the harbour board\r\n\r\nThe board met on 3 May and agreed the budget.\r\n"
    notes.write_bytes(data.encode("utf-8"))
    result = run_cli("add-source", str(notes), "--root", str(project.root))
    assert result.code == 0, result.err
    written = (project.root / "seeds" / "minutes-of-the-harbour-board.txt").read_bytes()
    assert written == data.removeprefix("\ufeff").encode("utf-8")  # line endings kept, the byte-order mark dropped
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    result = run_cli("add-source", str(bad), "--root", str(project.root))
    assert result.code == 1 and "not valid UTF-8" in result.err


def test_an_existing_source_is_not_replaced_without_replace(project, run_cli):
    run_cli("add-source", str(NEWS), "--root", str(project.root), "--id", "harbour-news")
    project.fact_sheet("news", ("harbour-news", "the town council voted by nine votes to four on Tuesday evening"))
    before = files(project.root)
    result = run_cli(
        "add-source", str(FIXTURES / "actualite-fr.html"), "--root", str(project.root), "--id", "harbour-news"
    )
    assert result.code == 1
    assert result.err.startswith("site-builder: error: source 'harbour-news' exists; add --replace")
    assert "the quotes of 1 citation would no longer stand: news#a" in result.err
    assert files(project.root) == before


def test_replace_says_which_quotes_would_fall_then_replaces(project, run_cli):
    run_cli("add-source", str(NEWS), "--root", str(project.root), "--id", "harbour-news")
    project.fact_sheet(
        "news",
        ("harbour-news", "the town council voted by nine votes to four on Tuesday evening"),
        ("harbour-news", "a survey of the southern breakwater before the autumn storms"),
    )
    result = run_cli("add-source", str(NOTICE), "--root", str(project.root), "--id", "harbour-news", "--replace")
    assert result.code == 0
    assert result.err.splitlines() == [
        "warning: replacing harbour-news: these quotes would no longer stand in the new text:",
        "  factsheets/news.yml:7: news#a (citation 1)",
        "  factsheets/news.yml:9: news#a (citation 2)",
    ]
    assert result.out.startswith("replaced harbour-news: Inspection of Harbour Cranes")
    seeds = project.root / "seeds"
    assert "Commission" in (seeds / "harbour-news.txt").read_text(encoding="utf-8")
    assert sorted(p.name for p in (seeds / "originals").iterdir()) == ["harbour-news.pdf"]  # the page is gone


def test_adding_the_same_document_twice_is_refused(project, run_cli):
    run_cli("add-source", str(NOTICE), "--root", str(project.root))
    result = run_cli("add-source", str(NOTICE), "--root", str(project.root))
    assert result.code == 1
    assert f"was already added as '{NOTICE_ID}'" in result.err


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda tmp: FIXTURES / "scanned-page.pdf", "needs OCR"),
        (lambda tmp: FIXTURES / "glyph-codes.pdf", "needs OCR"),
        (lambda tmp: FIXTURES / "encrypted.pdf", "encrypted PDF"),
        (lambda tmp: FIXTURES / "navigation-only.html", "no main text"),
        (lambda tmp: FIXTURES / "make_fixtures.py", "unsupported type ('.py' files)"),
        (lambda tmp: write(tmp / "empty.html", b""), "cannot be read as a web page"),
        (lambda tmp: write(tmp / "fake.pdf", b"<p>not a PDF</p>"), "is named or served as a PDF but is not one"),
        (lambda tmp: write(tmp / "broken.pdf", b"%PDF-1.7 then nothing"), "not a readable PDF"),
        (lambda tmp: tmp / "missing.pdf", "no such file"),
        (lambda tmp: "ftp://example.org/notice.pdf", "only http and https URLs"),
    ],
)
def test_bad_input_is_one_line_exit_1_and_writes_nothing(project, run_cli, tmp_path_factory, make, says):
    before = files(project.root)
    result = run_cli("add-source", str(make(tmp_path_factory.mktemp("input"))), "--root", str(project.root))
    assert result.code == 1
    assert result.out == ""
    assert len(result.err.splitlines()) == 1 and says in result.err
    assert files(project.root) == before


def test_an_id_that_differs_only_in_case_is_refused(project, run_cli):
    project.source("Harbour", "The harbour opened in 1851.\n")
    result = run_cli("add-source", str(NEWS), "--root", str(project.root), "--id", "harbour", "--replace")
    assert result.code == 1 and "differs from it only in case, 'Harbour'" in result.err
    assert not (project.root / "seeds" / "harbour.txt").exists()


def test_a_bad_id_is_refused(project, run_cli):
    result = run_cli("add-source", str(NOTICE), "--root", str(project.root), "--id", "../escape")
    assert result.code == 1 and "cannot name a source" in result.err
    assert files(project.root) == {}


def planted_links(project, run_cli, tmp_path, name_of) -> tuple[list[Path], Path]:
    """Every file add-source writes for NEWS, as ``name_of`` names it, made a link to a file outside."""
    run_cli("add-source", str(NEWS), "--root", str(project.root))
    written = [p for p in (project.root / "seeds").rglob("*") if p.is_file() and NEWS_ID in p.name]
    for path in written:
        path.unlink()
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "config"
    target.write_text("keep\n", encoding="utf-8")
    for path in written:
        name_of(path).symlink_to(target)
    return written, target


def test_a_planted_temporary_name_is_not_written_through(project, run_cli, tmp_path):
    written, target = planted_links(project, run_cli, tmp_path, lambda p: p.with_name(f".{p.name}.tmp"))
    result = run_cli("add-source", str(NEWS), "--root", str(project.root))
    assert result.code == 0
    assert target.read_text(encoding="utf-8") == "keep\n"
    assert all(p.is_file() and not p.is_symlink() for p in written)


def test_a_destination_that_is_a_link_is_refused(project, run_cli, tmp_path):
    _, target = planted_links(project, run_cli, tmp_path, lambda p: p)
    result = run_cli("add-source", str(NEWS), "--root", str(project.root))
    assert result.code != 0
    assert "symbolic link" in result.err
    assert target.read_text(encoding="utf-8") == "keep\n"
