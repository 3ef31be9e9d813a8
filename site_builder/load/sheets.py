"""Load the fact sheets of ``factsheets/`` into the data model.

Schema violations are reported, and whatever is still well-formed is loaded, so that one run
reports every problem of a record, its citations included.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from site_builder import diagnostics as d
from site_builder.diagnostics import Diagnostic
from site_builder.load import ids
from site_builder.load.excerpt import excerpt
from site_builder.load.files import list_files, relative
from site_builder.load.recall import Kind, MakeEach, Recall, Wanted
from site_builder.load.records import capped, check_shape, parse_record_text, read_record_file
from site_builder.load.yamlio import Path as DocPath
from site_builder.load.yamlio import YamlDocument
from site_builder.model import Citation, Fact, Sheet

SHEET_SUFFIXES = (".yml", ".yaml")


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _citations(doc: YamlDocument, path: DocPath, items: Any) -> tuple[Citation, ...]:
    out = []
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        source, quote = _text(item.get("source")), _text(item.get("quote"))
        if source is None or quote is None:
            continue
        where, source_at = path + (i, "quote"), path + (i, "source")
        raw, style = doc.raw_scalar(where)
        out.append(
            Citation(
                source=source,
                quote=quote,
                line=doc.line_of(where) or 1,
                column=doc.column_of(where) or 1,
                index=i + 1,
                source_line=doc.line_of(source_at) or 1,
                source_column=doc.column_of(source_at) or 1,
                prefix=item.get("prefix") if isinstance(item.get("prefix"), str) else None,
                suffix=item.get("suffix") if isinstance(item.get("suffix"), str) else None,
                quote_raw=raw,
                quote_style=style,
            )
        )
    return tuple(out)


def _facts(doc: YamlDocument, sheet_id: str, rel: str, problems: list[Diagnostic]) -> tuple[Fact, ...]:
    facts: list[Fact] = []
    first_line: dict[str, int] = {}
    items = doc.data.get("facts")
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        fact_id, statement = _text(item.get("id")), _text(item.get("statement"))
        if fact_id is None or statement is None:
            continue
        line = doc.line_of(("facts", i, "id")) or 1
        if fact_id in first_line:
            problems.append(
                d.error(
                    "duplicate-id",
                    rel,
                    line,
                    f"fact id {excerpt(fact_id)} is already used on line {first_line[fact_id]} of this sheet; "
                    "fact ids must be unique within a sheet",
                )
            )
            continue
        first_line[fact_id] = line
        related = item.get("related") if isinstance(item.get("related"), list) else []
        facts.append(
            Fact(
                sheet=sheet_id,
                id=fact_id,
                statement=statement,
                citations=_citations(doc, ("facts", i, "citations"), item.get("citations")),
                line=line,
                tags=_strings(item.get("tags")),
                related=tuple(
                    (ref, doc.line_of(("facts", i, "related", j)) or line)
                    for j, ref in enumerate(related or ())
                    if isinstance(ref, str) and ref
                ),
            )
        )
    return tuple(facts)


def load_sheet(path: Path, root: Path, session: Recall | None = None) -> tuple[Sheet | None, list[Diagnostic]]:
    """The sheet of the record at ``path`` and its problems."""
    return _load_sheets([path], root, session or MakeEach())[0]


def _sheet_of(text: str, path: Path, rel: str) -> tuple[Sheet | None, list[Diagnostic]]:
    doc, problems = parse_record_text(text, rel)
    if doc is None:
        return None, problems  # a single problem: the file cannot be read
    problems += check_shape(doc, rel, "factsheet")
    sheet_id = path.stem
    if not ids.KEBAB.match(sheet_id):
        problems.append(
            d.error(
                "schema",
                rel,
                1,
                f"the file name {excerpt(path.name)} is not a valid sheet id: use lower-case kebab-case, "
                f"such as '{ids.as_kebab(sheet_id) or 'my-sheet'}{path.suffix}'",
            )
        )
    elif sheet_id in ids.RESERVED:
        problems.append(
            d.error("schema", rel, 1, f"the sheet id '{sheet_id}' names the sheets index page; rename the file")
        )
    if not isinstance(doc.data, dict):
        return None, capped(problems, rel)
    facts = _facts(doc, sheet_id, rel, problems)
    sheet = Sheet(
        id=sheet_id,
        path=rel,
        title=_text(doc.data.get("title")) or sheet_id,
        facts=facts,
        summary=_text(doc.data.get("summary")),
        tags=_strings(doc.data.get("tags")),
    )
    return sheet, capped(problems, rel)


#: What loading a record gives: its sheet (None if it has none) and its problems.
Loaded = tuple[Sheet | None, list[Diagnostic]]

#: What a record loads to is decided by its path, its bytes and the loading code and schemas.
SHEETS: Kind[Loaded] = Kind("sheet", Loaded, ("model.py", "diagnostics.py", "load", "load/schema"), worth_a_worker=400)


def _load_sheets(paths: list[Path], root: Path, session: Recall) -> list[Loaded]:
    """What each record at ``paths`` loads to, in order; the files are read here, in order (the
    first that cannot be read is the one named), and parsed by ``session``."""
    loaded: list[Loaded | None] = []
    wanted: list[Wanted[Loaded]] = []
    for path in paths:
        rel = relative(path, root)
        file, problems = read_record_file(path, root, root / "factsheets")
        if file is None:
            loaded.append((None, problems))  # a single problem: the file cannot be read
            continue
        loaded.append(None)
        wanted.append(Wanted((rel, file.sha256), partial(_sheet_of, file.text, path, rel)))
    parsed = iter(session.recall(SHEETS, wanted))
    return [each if each is not None else next(parsed) for each in loaded]


def load_sheets(root: Path, session: Recall | None = None) -> tuple[list[Sheet], list[Diagnostic]]:
    """Every sheet of ``factsheets/`` and its sub-folders; a sheet's id is its file name.
    ``session`` may hold what a record loads to, or parse records on other cores."""
    folder = root / "factsheets"
    paths = list_files(folder, root, SHEET_SUFFIXES, recursive=True)
    records = [path for path in paths if path.name.endswith(SHEET_SUFFIXES)]
    loaded = iter(_load_sheets(records, root, session or MakeEach()))
    sheets: dict[str, Sheet] = {}
    problems: list[Diagnostic] = []
    for path in paths:
        if not path.name.endswith(SHEET_SUFFIXES):
            rel = relative(path, root)
            problems.append(d.error("yaml-syntax", rel, None, f"{rel} is a link to a folder; it is not read"))
            continue
        sheet, found = next(loaded)
        problems += found
        if sheet is None:
            continue
        if sheet.id in sheets:
            problems.append(
                d.error(
                    "duplicate-id",
                    sheet.path,
                    1,
                    f"sheet id '{sheet.id}' is already used by {sheets[sheet.id].path}; rename one of the files",
                )
            )
            continue
        sheets[sheet.id] = sheet
    return [sheets[k] for k in sorted(sheets)], problems
