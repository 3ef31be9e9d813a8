"""The W3C Web Annotation test suite's MUST assertions, run on a document.

The suite (``tests/fixtures/web-annotation-tests``, see its README) lists in each ``*Musts.test``
the JSON Schemas (draft-04) that a conforming document passes. They refer to the shared schemas of
``definitions/`` by their ``id``, check ``format`` (``uri`` is an absolute IRI, ``date-time`` RFC
3339) and say whether the document is expected to be valid. This runs them as the suite's own
runner does and returns the assertions that failed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

SUITE = Path(__file__).parent / "fixtures" / "web-annotation-tests"

#: Each kind of document and the MUST lists that apply to it.
ANNOTATION_MUSTS = (
    "annotations/annotationMusts.test",
    "bodiesTargets/bodyMusts.test",
    "bodiesTargets/targetMusts.test",
    "specificResource/specificResourceMusts.test",
)
COLLECTION_MUSTS = ("collections/collectionMusts.test", "collections/pages/pageMusts.test")


@dataclass(frozen=True)
class Failure:
    assertion: str
    message: str


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted((SUITE / "definitions").glob("*.json")):
        schema = json.loads(path.read_text("utf-8"))
        resources.append((schema["id"], Resource.from_contents(schema, default_specification=DRAFT4)))
    return Registry().with_resources(resources)


def assertions(test_list: str) -> list[str]:
    return json.loads((SUITE / test_list).read_text("utf-8"))["assertions"]


def missing_assertions(*test_lists: str) -> list[str]:
    """Assertions the lists name that the shipped copy of the suite does not hold."""
    return [a for t in test_lists for a in assertions(t) if not (SUITE / a).is_file()]


def _passes(schema: dict[str, Any], document: Any) -> bool:
    validator = Draft4Validator(schema, registry=_registry(), format_checker=FormatChecker())
    valid = validator.is_valid(document)
    return valid == (schema.get("expectedResult", "valid") == "valid")


def failures(document: Any, *test_lists: str) -> list[Failure]:
    """Every MUST assertion of ``test_lists`` that ``document`` fails (those not shipped are skipped)."""
    out = []
    for test_list in test_lists:
        for name in assertions(test_list):
            path = SUITE / name
            if not path.is_file():
                continue
            schema = json.loads(path.read_text("utf-8"))
            if not _passes(schema, document):
                out.append(Failure(name, schema.get("errorMessage", schema.get("title", ""))))
    return out


def run_count(*test_lists: str) -> int:
    return sum(1 for t in test_lists for a in assertions(t) if (SUITE / a).is_file())
