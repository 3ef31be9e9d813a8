"""The metadata file written beside a new source: what the document says of itself, and the pins."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from typing import Any

import jsonschema
import yaml

from site_builder.ingest.document import Extracted
from site_builder.ingest.fetch import without_credentials
from site_builder.load.schema import load_schema
from site_builder.model import Original


def retrieved_today() -> str:
    """Today's date (UTC), or that of ``SOURCE_DATE_EPOCH`` when set, for reproducible output."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch.isdigit() else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%d")


def metadata(extracted: Extracted, *, sha256: str, retrieved: str, original: Original | None) -> dict[str, Any]:
    """The fields in the order a reader looks for them; a value the schema would refuse is left out."""
    fields: dict[str, Any] = {
        "title": extracted.title,
        "author": extracted.author,
        "publisher": extracted.publisher,
        "published": extracted.published,
        "url": without_credentials(extracted.url) if extracted.url else None,
        "language": extracted.language,
        "pages": extracted.pages,
        "page_labels": list(extracted.page_labels) or None,
        "retrieved": retrieved,
        "original": _original(original, extracted.active_content) if original else None,
        "sha256": sha256,
        "repairs": extracted.repairs or None,
    }
    properties = load_schema("source")["properties"]
    return {key: value for key, value in fields.items() if value is not None and _fits(value, properties[key])}


def _original(original: Original, active: tuple[str, ...]) -> dict[str, Any]:
    fields: dict[str, Any] = {"name": original.name, "media_type": original.media_type, "sha256": original.sha256}
    if active:
        fields["active_content"] = list(active)
    if active or not original.publish:
        fields["publish"] = original.publish
    return fields


def given_field(key: str, value: str) -> str:
    """A field given on the command line (``--published``), or why the schema refuses it."""
    value = " ".join(value.split())
    schema = load_schema("source")["properties"][key]
    if not _fits(value, schema):
        what = schema.get("description") or "a value that is not empty"
        raise ValueError(f"--{key} {value!r} is not valid; give {what[0].lower()}{what[1:].rstrip('.')}")
    return value


def _fits(value: Any, schema: dict[str, Any]) -> bool:
    return jsonschema.Draft202012Validator(schema).is_valid(value)


def metadata_yaml(fields: dict[str, Any]) -> str:
    return yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1_000_000, default_flow_style=False)
