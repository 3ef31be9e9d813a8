"""The machine-readable exports: facts.json and each source's Web Annotations."""

from __future__ import annotations

import dataclasses
import json
import posixpath
from urllib.parse import urldefrag

from jsonschema import Draft202012Validator

import web_annotation_suite as suite
from conftest import REPO, SOURCE_TEXT
from site_builder.check.run import check
from site_builder.load.schema import load_schema
from site_builder.model import Match, Span
from site_builder.render.exports import export_files
from site_builder.render.exports.facts_json import facts_document, render_facts_json
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView


def exports(root, settings: SiteSettings | None = None) -> dict[str, str]:
    return export_files(SiteView.of(check(root), settings))


def decoded(published: str) -> str:
    """A published text file as a UTF-8 decoder of the Encoding Standard reads it: without its BOM."""
    return published.encode("utf-8").decode("utf-8-sig")


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
    published = files["sources/harbour.txt"]
    assert published.encode("utf-8") == b"\xef\xbb\xbf" + SOURCE_TEXT.encode("utf-8")
    text = decoded(published)
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
    text = decoded(files["sources/harbour.txt"])
    for annotation in page["items"]:
        assert annotation["type"] == "Annotation" and annotation["motivation"] == "linking"
        target = annotation["target"]
        assert target["source"] == {"id": "../sources/harbour.txt", "type": "Text", "format": "text/plain"}
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
        text = decoded(files[f"sources/{source['id']}.txt"])
        items = json.loads(files[f"annotations/{source['id']}.jsonld"])["first"]["items"]
        assert items
        for annotation in items:
            quote, position = annotation["target"]["selector"]
            assert text[position["start"] : position["end"]] == quote["exact"]


W3C_SETTINGS = SiteSettings(
    site_url="https://facts.example.org/", site_name="Harbour facts", generated="2026-05-01T09:30:00Z"
)


def test_with_a_site_url_the_annotations_pass_every_w3c_must(harbour):
    collection = json.loads(exports(harbour.root, W3C_SETTINGS)["annotations/harbour.jsonld"])
    assert suite.failures(collection, *suite.COLLECTION_MUSTS) == []
    items = collection["first"]["items"]
    assert len(items) == 4
    for annotation in items:  # each annotation taken on its own, as a client receives it
        assert suite.failures(annotation, *suite.ANNOTATION_MUSTS) == []
    assert suite.run_count(*suite.COLLECTION_MUSTS) == 16 and suite.run_count(*suite.ANNOTATION_MUSTS) == 56


def test_the_w3c_suite_fails_what_the_model_forbids(harbour):
    """The shipped schemas do catch the faults the exports once had: relative ids, no page id, no @context."""
    collection = json.loads(exports(harbour.root, W3C_SETTINGS)["annotations/harbour.jsonld"])
    annotation = collection["first"]["items"][0]
    no_context = {k: v for k, v in annotation.items() if k != "@context"}
    assert [f.assertion for f in suite.failures(no_context, *suite.ANNOTATION_MUSTS)] == [
        "annotations/3.1-annotationContextValidated.json"
    ]
    relative = json.loads(exports(harbour.root)["annotations/harbour.jsonld"])
    failed = {f.assertion for f in suite.failures(relative["first"]["items"][0], *suite.ANNOTATION_MUSTS)}
    assert "annotations/3.1-annotationIdValidated.json" in failed
    assert "annotations/3.2-targetObjectsRecognized.json" in failed
    page_without_id = {**collection, "first": {k: v for k, v in collection["first"].items() if k != "id"}}
    assert "collections/pages/5.2-pageIdValidated.json" in {
        f.assertion for f in suite.failures(page_without_id, *suite.COLLECTION_MUSTS)
    }


def test_the_annotations_name_their_resources_absolutely_and_say_who_made_them(harbour):
    files = exports(harbour.root, W3C_SETTINGS)
    collection = json.loads(files["annotations/harbour.jsonld"])
    base = "https://facts.example.org/"
    assert collection["id"] == base + "annotations/harbour.jsonld"
    assert collection["first"]["id"] == base + "annotations/harbour.jsonld#page-1"
    assert collection["first"]["partOf"] == collection["id"]
    annotation = next(a for a in collection["first"]["items"] if a["id"].endswith("opened--1"))
    assert annotation["id"] == base + "annotations/harbour.jsonld#cite--harbour--opened--1"
    assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert annotation["body"][0]["id"] == base + "sheets/harbour/#opened"
    assert annotation["target"]["source"] == {
        "id": base + "sources/harbour.txt",
        "type": "Text",
        "format": "text/plain",
    }
    assert annotation["created"] == annotation["modified"] == collection["created"] == "2026-05-01T09:30:00Z"
    assert annotation["creator"] == {"type": "Organization", "name": "Harbour facts", "homepage": base}


def test_the_target_names_the_source_language_in_lower_case(project):
    project.source("ship", "The ship sailed at dawn with all hands.", meta="language: EN-GB\n")
    project.fact_sheet("ships", ("ship", "sailed at dawn with all hands"))
    collection = json.loads(exports(project.root, W3C_SETTINGS)["annotations/ship.jsonld"])
    target = collection["first"]["items"][0]["target"]
    assert target["source"]["language"] == "en-GB"
    assert suite.failures(collection["first"]["items"][0], *suite.ANNOTATION_MUSTS) == []


def test_facts_json_follows_its_schema(harbour, project):
    validator = Draft202012Validator(load_schema("facts"), format_checker=Draft202012Validator.FORMAT_CHECKER)
    for root, settings in ((harbour.root, None), (harbour.root, W3C_SETTINGS), (REPO, None)):
        validator.validate(json.loads(exports(root, settings)["facts.json"]))


def test_the_facts_json_schema_refuses_what_facts_json_never_holds(harbour):
    validator = Draft202012Validator(load_schema("facts"))
    doc = json.loads(exports(harbour.root)["facts.json"])
    citation = doc["sheets"][0]["facts"][0]["citations"][0]
    del citation["passage"]  # a located citation always gives its passage
    assert not validator.is_valid(doc)
    citation["passage"], citation["status"] = "x", "found"
    assert not validator.is_valid(doc)


def test_facts_json_written_sheet_by_sheet_is_the_whole_document(harbour):
    view = SiteView.of(check(harbour.root), SiteSettings(site_url="https://example.org/"))
    text = render_facts_json(view)
    assert json.loads(text) == facts_document(view)
    assert text == json.dumps(facts_document(view), ensure_ascii=False, separators=(",", ":")) + "\n"
