"""Read one YAML record file and validate it against its schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_builder import diagnostics as d
from site_builder.diagnostics import Diagnostic
from site_builder.load.files import TextFile, UnreadableFile, read_text, relative
from site_builder.load.validate import validate
from site_builder.load.yamlio import YamlDocument, YamlError, parse_yaml

MAX_RECORD_BYTES = 1024 * 1024  # some four thousand facts
MAX_PROBLEMS = 50  # shown per file: enough to start fixing, and a flood of them stays short


def capped(problems: list[Diagnostic], rel: str) -> list[Diagnostic]:
    """The first ``MAX_PROBLEMS`` problems of a file, and a last one saying that more were left out."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    shown = sorted(problems, key=lambda x: x.sort_key)[:MAX_PROBLEMS]
    last = shown[-1]
    return shown + [
        d.error(
            last.code,
            rel,
            last.line,
            (f"{rel} has more problems; only the first {MAX_PROBLEMS} are shown, fix them and check again"),
        )
    ]


def parse_record(
    path: Path,
    root: Path,
    folder: Path,
    unreadable_code: str = "yaml-syntax",
) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """The parsed document, or ``None`` with the reason it could not be read.

    A file that is not UTF-8, too large or a link out of ``folder`` is reported with
    ``unreadable_code``; one the system will not let us read raises
    :class:`~site_builder.load.files.CannotRead`.
    """
    rel = relative(path, root)
    file, problems = read_record_file(path, root, folder, unreadable_code)
    if file is None:
        return None, problems
    return parse_record_text(file.text, rel)


def read_record_file(
    path: Path, root: Path, folder: Path, unreadable_code: str = "yaml-syntax"
) -> tuple[TextFile | None, list[Diagnostic]]:
    """The record's file as text, or ``None`` with the reason it could not be read."""
    try:
        return read_text(path, root, folder, MAX_RECORD_BYTES), []
    except UnreadableFile as exc:
        rel = relative(path, root)
        return None, [d.error(unreadable_code, rel, exc.line or 1, exc.message, column=exc.column)]


def parse_record_text(text: str, rel: str) -> tuple[YamlDocument | None, list[Diagnostic]]:
    """The parsed document of the record ``rel``, or ``None`` with the reason it could not be read."""
    try:
        doc = parse_yaml(text)
    except YamlError as exc:
        return None, [d.error("yaml-syntax", rel, exc.line or 1, exc.message, column=exc.column, notes=exc.notes)]
    problems = [d.error("yaml-syntax", rel, p.line, p.message, column=p.column) for p in doc.problems]
    return doc, problems


def check_shape(doc: YamlDocument, rel: str, schema: str) -> list[Diagnostic]:
    if not isinstance(doc.data, dict):
        found = "an empty file" if doc.data is None else "a list" if isinstance(doc.data, list) else "a single value"
        return [
            d.error("schema", rel, doc.line_of(()) or 1, f"expected a mapping of keys such as 'title', found {found}")
        ]
    return [d.error("schema", rel, v.line, v.message) for v in validate(doc, schema, limit=MAX_PROBLEMS + 1)]


def read_record(
    path: Path, root: Path, folder: Path, schema: str, unreadable_code: str = "yaml-syntax"
) -> tuple[Any, list[Diagnostic]]:
    """The record's data (``None`` if unreadable) and every problem found in it."""
    doc, problems = parse_record(path, root, folder, unreadable_code)
    if doc is None:
        return None, problems
    rel = relative(path, root)
    return doc.data, capped(problems + check_shape(doc, rel, schema), rel)
