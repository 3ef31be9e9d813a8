"""The machine-readable exports: facts.json and each source's Web Annotations."""

from __future__ import annotations

import dataclasses
import json
import posixpath
from urllib.parse import urldefrag

from conftest import REPO, SOURCE_TEXT
from site_builder.check.run import check
from site_builder.model import Match, Span
from site_builder.render.exports import export_files
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView


def exports(root, settings: SiteSettings | None = None) -> dict[str, str]:
    return export_files(SiteView.of(check(root), settings))


def test_facts_json_holds_every_sheet_fact_and_citation(harbour):
    report = check(harbour.root)
    doc = json.loads(exports(harbour.root)["facts.json"])
    assert doc["summary"] == {"sheets": 2, "facts": 3, "citations": 4, "sources": 1, "warnings": 0}
    assert [s["id"] for s in doc["sheets"]] == ["harbour", "people"]
    facts = {f["ref"]: f for s in doc["sheets"] for f in s["facts"]}
    assert set(facts) == {f.ref for f in report.project.facts}
    opened = facts["harbour#opened"]
    assert opened["url"] == "sheets/harbour/#opened"
    assert opened["record"] == {"file": "factsheets/harbour.yml", "line": 5}
    assert opened["tags"] == ["dates"] and opened["related"][0] == {
        "ref": "people#ann-lee",
        "url": "sheets/people/#ann-lee",
    }
    assert facts["people#ann-lee"]["referenced_by"] == ["harbour#opened"]
    citation = opened["citations"][0]
    assert citation["status"] == "exact" and citation["source"] == "harbour"
    assert citation["record"] == {"file": "factsheets/harbour.yml", "line": 9, "column": 16}
    assert citation["url"] == "sources/harbour/#cite--harbour--opened--1"
    assert citation["start_position"] == {"line": 1, "column": 1}
    assert citation["end_position"] == {"line": 1, "column": citation["end"] + 1}


def test_facts_json_offsets_round_trip_in_the_published_text(harbour):
    files = exports(harbour.root)
    doc = json.loads(files["facts.json"])
    text = files["sources/harbour.txt"]
    assert text == SOURCE_TEXT
    lines = text.splitlines(keepends=True)
    checked = 0
    for sheet in doc["sheets"]:
        for fact in sheet["facts"]:
            for c in fact["citations"]:
                assert text[c["start"] : c["end"]] == c["passage"] == c["quote"]
                line, column = c["start_position"]["line"], c["start_position"]["column"]
                assert sum(map(len, lines[: line - 1])) + column - 1 == c["start"]
                checked += 1
    assert checked == 4


def test_facts_json_links_are_absolute_with_a_site_url(harbour):
    settings = SiteSettings(
        site_url="https://facts.example.org/", repo_url="https://github.com/o/r", edit_uri="edit/main/"
    )
    doc = json.loads(exports(harbour.root, settings)["facts.json"])
    fact = doc["sheets"][0]["facts"][0]
    assert fact["url"] == "https://facts.example.org/sheets/harbour/#opened"
    assert fact["edit_url"] == "https://github.com/o/r/edit/main/factsheets/harbour.yml#L5"
    assert doc["sources"][0]["annotations"] == "https://facts.example.org/annotations/harbour.jsonld"


def test_facts_json_follows_use_directory_urls(harbour):
    doc = json.loads(exports(harbour.root, SiteSettings(use_directory_urls=False))["facts.json"])
    assert doc["sheets"][0]["facts"][0]["url"] == "sheets/harbour.html#opened"


def test_annotations_are_a_web_annotation_collection(harbour):
    files = exports(harbour.root)
    collection = json.loads(files["annotations/harbour.jsonld"])
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    page = collection["first"]
    assert page["type"] == "AnnotationPage" and collection["total"] == len(page["items"]) == 4
    text = files["sources/harbour.txt"]
    for annotation in page["items"]:
        assert annotation["type"] == "Annotation" and annotation["motivation"] == "linking"
        target = annotation["target"]
        assert target["source"] == "../sources/harbour.txt"
        quote, position = target["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        assert quote["prefix"] == text[max(0, start - 32) : start] and quote["suffix"] == text[end : end + 32]
        link, statement = annotation["body"]
        assert statement["type"] == "TextualBody" and statement["value"]
        assert link["format"] == "text/html"
        page_path, fragment = urldefrag(posixpath.normpath(posixpath.join("annotations", link["id"])))
        assert page_path.startswith("sheets/") and fragment
    ids = [a["id"] for a in page["items"]]
    assert len(set(ids)) == len(ids)
    assert "../annotations/harbour.jsonld#cite--harbour--opened--1" in ids


def test_context_of_32_characters_is_cut_at_the_text_edges(harbour):
    collection = json.loads(exports(harbour.root)["annotations/harbour.jsonld"])
    first = next(a for a in collection["first"]["items"] if a["id"].endswith("opened--1"))
    quote = first["target"]["selector"][0]
    assert quote["prefix"] == ""
    assert len(quote["suffix"]) == 32


def test_an_elided_citation_targets_its_whole_span(harbour):
    report = check(harbour.root)
    i, result = next((i, r) for i, r in enumerate(report.citations) if r.fact.id == "opened")
    span = Span(0, SOURCE_TEXT.index("Its") + 3)
    report.citations[i] = dataclasses.replace(
        result,
        status="elided",
        match=Match("elided", span, (span,), segments=(Span(0, 11), Span(span.end - 3, span.end))),
    )
    view = SiteView.of(report)
    files = export_files(view)
    fact = json.loads(files["facts.json"])["sheets"][0]["facts"][0]
    assert fact["citations"][0]["segments"] == [{"start": 0, "end": 11}, {"start": span.end - 3, "end": span.end}]
    annotation = json.loads(files["annotations/harbour.jsonld"])["first"]["items"][0]
    assert annotation["target"]["selector"][1] == {"type": "TextPositionSelector", "start": 0, "end": span.end}


def test_the_repository_exports_round_trip():
    files = exports(REPO)
    doc = json.loads(files["facts.json"])
    assert doc["summary"]["citations"] > 0
    for source in doc["sources"]:
        text = files[f"sources/{source['id']}.txt"]
        items = json.loads(files[f"annotations/{source['id']}.jsonld"])["first"]["items"]
        assert items
        for annotation in items:
            quote, position = annotation["target"]["selector"]
            assert text[position["start"] : position["end"]] == quote["exact"]
