"""Load the source documents of ``seeds/``: their text and optional metadata."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from site_builder import diagnostics as d
from site_builder.diagnostics import Diagnostic
from site_builder.load import ids
from site_builder.load.excerpt import excerpt
from site_builder.load.files import UnreadableFile, list_files, read_text, relative
from site_builder.load.recall import Kind, MakeEach, Recall, Wanted
from site_builder.load.records import capped, check_shape, parse_record_text, read_record_file
from site_builder.load.source_meta import kept_original, meta_from, page_problems
from site_builder.model import Source, SourceMeta
from site_builder.text.source_text import SourceText

SOURCE_SUFFIX = ".txt"
META_SUFFIX = ".yml"
MAX_SOURCE_BYTES = 64 * 1024 * 1024


def _bad_id(source_id: str) -> str | None:
    """Why ``source_id`` cannot name a source (it becomes a page name and is cited by it)."""
    if not ids.SOURCE_ID.match(source_id):
        return (
            f"the file name gives the source id {excerpt(source_id)}, which cannot be cited: use letters, "
            "digits, '_', '-' and single dots, starting with a letter or digit"
        )
    if source_id in ids.RESERVED:
        return f"the source id '{source_id}' names the sources index page; rename the file"
    return None


Meta = tuple[SourceMeta, str | None, int | None, list[Diagnostic], int | None]

#: What a metadata record loads to is decided by its path, its bytes and the loading code and schemas.
METAS: Kind[Meta] = Kind("meta", Meta, ("model.py", "diagnostics.py", "load", "load/schema"))


def _read_meta(path: Path, root: Path, seeds: Path, session: Recall) -> Meta:
    """The metadata, its path, the line of its ``sha256`` pin, its problems, and the line of
    ``pages``; ``session`` may hold what the same bytes load to."""
    if not (path.exists() or path.is_symlink()):
        return SourceMeta(), None, None, [], None
    rel = relative(path, root)
    file, problems = read_record_file(path, root, seeds, unreadable_code="source-invalid")
    if file is None:
        return SourceMeta(), rel, None, problems, None
    return session.recall(METAS, [Wanted((rel, file.sha256), partial(_meta_of, file.text, rel))])[0]


def _meta_of(text: str, rel: str) -> Meta:
    doc, problems = parse_record_text(text, rel)
    if doc is None:
        return SourceMeta(), rel, None, problems, None
    problems = capped(problems + check_shape(doc, rel, "source"), rel)
    if not isinstance(doc.data, dict) or problems:
        return SourceMeta(), rel, None, problems, None
    meta = meta_from(doc.data)
    pin_line = doc.line_of(("sha256",), key=True) if "sha256" in doc.data else None
    pages_line = doc.line_of(("pages",), key=True) if "pages" in doc.data else None
    return meta, rel, pin_line, problems, pages_line


def _stray(path: Path, rel: str, source_ids: set[str]) -> Diagnostic | None:
    """Why a file of seeds/ that is not a source text is a problem, if it is one."""
    if not path.name.endswith(META_SUFFIX):  # list_files also lists links to folders
        return d.error("source-invalid", rel, None, f"{rel} is a link to a folder; it is not read")
    source_id = path.name[: -len(META_SUFFIX)]
    if source_id not in source_ids:
        return d.error(
            "source-invalid",
            rel,
            1,
            (
                f"metadata for a source that does not exist (no seeds/{source_id}{SOURCE_SUFFIX}); "
                "rename it after its source or remove it"
            ),
        )
    return None


def load_sources(
    root: Path, session: Recall | None = None, *, metadata: bool = True
) -> tuple[dict[str, Source], list[Diagnostic]]:
    """Every source of ``seeds/``: its text and (unless not wanted) its metadata, which ``session``
    may hold already."""
    session = session or MakeEach()
    seeds = root / "seeds"
    sources: dict[str, Source] = {}
    by_folded: dict[str, str] = {}
    problems: list[Diagnostic] = []
    paths = list_files(seeds, root, (SOURCE_SUFFIX, META_SUFFIX))
    source_ids = {p.name[: -len(SOURCE_SUFFIX)] for p in paths if p.name.endswith(SOURCE_SUFFIX)}
    for path in paths:
        rel = relative(path, root)
        if not path.name.endswith(SOURCE_SUFFIX):
            stray = _stray(path, rel, source_ids)
            if stray:
                problems.append(stray)
            continue
        source_id = path.name[: -len(SOURCE_SUFFIX)]
        reason = _bad_id(source_id)
        if reason:
            problems.append(d.error("source-invalid", rel, 1, reason))
            continue
        if source_id.casefold() in by_folded:
            problems.append(
                d.error(
                    "duplicate-id",
                    rel,
                    1,
                    (
                        f"source id '{source_id}' differs only in case from '{by_folded[source_id.casefold()]}'; "
                        "their pages would collide on some systems, so rename one"
                    ),
                )
            )
            continue
        try:
            source_file = read_text(path, root, seeds, MAX_SOURCE_BYTES)
        except UnreadableFile as exc:
            problems.append(d.error("source-invalid", rel, exc.line, exc.message, column=exc.column))
            continue
        text = source_file.text
        if not text.strip():
            problems.append(
                d.error(
                    "source-invalid",
                    rel,
                    1,
                    (
                        f"{rel} is empty{' but for white space' if text else ''}; a source holds the text it is cited for"
                    ),
                )
            )
        by_folded[source_id.casefold()] = source_id
        if not metadata:
            sources[source_id] = Source(source_id, rel, SourceText(text), digest=source_file.sha256)
            continue
        meta_path = path.with_name(source_id + META_SUFFIX)
        meta, meta_rel, pin_line, meta_problems, pages_line = _read_meta(meta_path, root, seeds, session)
        problems.extend(meta_problems)
        problems.extend(page_problems(text, meta, meta_rel, pages_line))
        sources[source_id] = Source(
            source_id,
            rel,
            SourceText(text),
            meta,
            meta_rel,
            digest=source_file.sha256,
            pin_line=pin_line,
            original_file=kept_original(seeds, root, source_id, meta),
        )
    return dict(sorted(sources.items())), problems
