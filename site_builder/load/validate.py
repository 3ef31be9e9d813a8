"""Validate YAML data against a JSON Schema and explain each violation where it happens."""

from __future__ import annotations

import difflib
import itertools
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from site_builder.load.excerpt import excerpt
from site_builder.load.ids import KEBAB, as_kebab
from site_builder.load.schema import load_schema
from site_builder.load.yamlio import Path, YamlDocument

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


@dataclass(frozen=True)
class Violation:
    path: Path
    line: int | None
    message: str


@cache
def _validator(name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator  # only for a document with problems: it takes a while to import

    schema = load_schema(name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


# What the compiled validator reads as JSON Schema 2020-12 does, once ``_as_draft7`` has
# rewritten the schema; a schema with any other keyword is validated by ``jsonschema`` alone.
_SCHEMA_MAPS = ("properties", "$defs", "patternProperties")
_SCHEMA_VALUES = ("items", "not", "additionalProperties")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
_PLAIN_KEYWORDS = {
    "$schema", "$id", "$ref", "title", "description", "$comment", "type", "required", "minItems",
    "maxItems", "uniqueItems", "minLength", "maxLength", "pattern", "enum", "const", "minimum", "maximum",
}  # fmt: skip


class _Unsupported(Exception):
    pass


def _as_draft7(schema: Any) -> Any:
    """The same schema as draft 7 reads it: beside ``$ref``, draft 7 ignores every other keyword,
    so such a schema becomes ``allOf`` the reference and the rest."""
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, dict):
        raise _Unsupported(schema)
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SCHEMA_MAPS:
            out[key] = {name: _as_draft7(sub) for name, sub in value.items()}
        elif key in _SCHEMA_VALUES:
            out[key] = _as_draft7(value)
        elif key in _SCHEMA_LISTS:
            out[key] = [_as_draft7(sub) for sub in value]
        elif key in _PLAIN_KEYWORDS:
            out[key] = value
        else:
            raise _Unsupported(key)
    if "$ref" in out and set(out) - {"$ref", "title", "description", "$comment", "$schema", "$id"}:
        rest = {key: value for key, value in out.items() if key != "$ref"}
        out = {"allOf": [{"$ref": out["$ref"]}, rest]}
    return out


@cache
def _fast_validator(name: str) -> Any:
    """The schema compiled to Python, which tells only whether a document is valid, twenty times
    faster than ``jsonschema``; ``None`` if the schema uses a keyword it is not known to read alike.

    Its patterns are Python regular expressions, searched as ``jsonschema`` does, so both read
    every pattern alike (``\\S`` and ``$`` are not the same in other dialects).
    """
    try:
        schema = _as_draft7(load_schema(name))
    except _Unsupported:
        return None
    return fastjsonschema.compile({**schema, "$schema": "http://json-schema.org/draft-07/schema#"})


def is_valid(data: Any, schema_name: str) -> bool:
    """Whether ``data`` holds to the named schema."""
    fast = _fast_validator(schema_name)
    if fast is None:
        return _validator(schema_name).is_valid(data)
    try:
        fast(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def describe_path(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the document"


def _type_of(value: Any) -> str:
    for name, kinds in (
        ("null", type(None)),
        ("boolean", bool),
        ("integer", int),
        ("number", float),
        ("string", str),
        ("array", list),
        ("object", dict),
    ):
        if isinstance(value, kinds):
            return _TYPE_NAMES[name]
    return type(value).__name__  # pragma: no cover


def _explain(error: ValidationError, doc: YamlDocument) -> list[Violation]:
    path: Path = tuple(error.absolute_path)
    where = describe_path(path)
    line = doc.line_of(path)
    kind = error.validator
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    expected: Any = error.validator_value
    instance: Any = error.instance
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        extras = sorted(set(instance) - set(allowed))
        out = []
        for key in extras:
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
            out.append(
                Violation(
                    path + (key,), doc.line_of(path + (key,), key=True), f"{where}: unknown key {excerpt(key)}; {hint}"
                )
            )
        return out
    if kind == "required":
        present = instance if isinstance(instance, dict) else {}
        return [
            Violation(path, line, f"{where}: missing required key '{key}'") for key in expected if key not in present
        ]
    if kind == "type":
        names = " or ".join(_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
        return [Violation(path, line, f"{where} must be {names}, not {_type_of(instance)}")]
    if kind == "minItems":
        count = expected
        return [Violation(path, line, f"{where} needs at least {'one item' if count == 1 else f'{count} items'}")]
    if kind == "uniqueItems":
        seen, dupes = set(), []
        for item in instance:
            key = repr(item)
            if key in seen:
                dupes.append(str(item))
            seen.add(key)
        return [Violation(path, line, f"{where} lists {', '.join(excerpt(d) for d in dupes)} more than once")]
    if kind in ("minLength",) or (kind == "pattern" and expected == "\\S"):
        return [Violation(path, line, f"{where} must not be empty")]
    if kind == "pattern":
        description = schema.get("description", f"it must match {expected}")
        value = str(instance)
        message = f"{where}: {excerpt(value)} is not valid. {description}"
        if expected == KEBAB.pattern and as_kebab(value):
            message += f" For example {excerpt(as_kebab(value))}."
        return [Violation(path, line, message)]
    if kind == "not":
        return [
            Violation(
                path,
                line,
                f"{where}: {excerpt(instance)} is not allowed. {schema.get('description', '')}".rstrip(),
            )
        ]
    if kind == "maxLength":
        return [Violation(path, line, f"{where} is longer than {expected} characters")]
    return [Violation(path, line, f"{where} breaks the schema's '{kind}' rule")]  # pragma: no cover - other keywords


def validate(doc: YamlDocument, schema_name: str, limit: int | None = None) -> list[Violation]:
    """The violations of the named schema, in document order; the first ``limit`` found, if given.

    A valid document, the usual case, is told apart quickly; only a document with problems is
    validated again to explain each of them.
    """
    if is_valid(doc.data, schema_name):
        return []
    found = itertools.islice(_validator(schema_name).iter_errors(doc.data), limit)
    errors = sorted(found, key=lambda e: [str(p) for p in e.absolute_path])
    out: dict[tuple[Path, str], Violation] = {}
    for error in errors:
        for violation in _explain(error, doc):
            out.setdefault((violation.path, violation.message), violation)
    return sorted(out.values(), key=lambda v: (v.line or 0, v.message))
