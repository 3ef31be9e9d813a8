"""``add-source``: plan everything first (extract, name, check what a replacement breaks), then write.

Nothing is written until the plan is complete, so every refusal leaves the project as it was.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder.atomic import make_folder, write_atomic
from site_builder.counts import counted
from site_builder.ingest import fetch, formats, source_ids
from site_builder.ingest.document import Extracted
from site_builder.ingest.errors import IngestError
from site_builder.ingest.metadata import given_field, metadata, metadata_yaml, retrieved_today
from site_builder.ingest.replace import Falling, quotes_that_would_fall
from site_builder.load.files import relative
from site_builder.load.project import load_project
from site_builder.load.source_meta import kept_original, meta_from, original_name
from site_builder.model import Original, Project, Source
from site_builder.text.source_text import SourceText


@dataclass(frozen=True)
class AddOptions:
    source_id: str | None = None
    replace: bool = False
    keep_original: bool = True
    max_bytes: int = fetch.MAX_BYTES
    timeout: float = fetch.TIMEOUT
    allow_private: bool = False  # may download from loopback, private and link-local addresses
    given: tuple[tuple[str, str], ...] = ()  # metadata set on the command line: (field, value)
    publish_original: bool = False  # publish a kept original even if it holds scripts


@dataclass(frozen=True)
class Added:
    """What ``add-source`` did (or, before writing, will do)."""

    id: str
    title: str
    language: str | None
    paragraphs: int
    pages: int | None
    page_labels: tuple[str, ...]
    files: tuple[str, ...]  # written, relative to the root
    replaced: bool = False
    falling: tuple[Falling, ...] = ()  # quotes that stood in the replaced text and no longer will
    notes: tuple[str, ...] = ()
    repairs: dict[str, int] = field(default_factory=dict)  # what extraction mended, counted

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "paragraphs": self.paragraphs,
            "pages": self.pages,
            "page_labels": list(self.page_labels),
            "files": list(self.files),
            "replaced": self.replaced,
            "no_longer_stand": [f.as_json() for f in self.falling],
            "notes": list(self.notes),
            "repairs": dict(self.repairs),
        }


@dataclass(frozen=True)
class Plan:
    root: Path
    added: Added
    writes: dict[str, bytes]  # relative path → bytes, written in this order
    removes: tuple[str, ...] = field(default=())  # a stale kept original of the replaced source


def add_source(target: str, root: Path, options: AddOptions = AddOptions()) -> Added:
    plan = plan_source(target, root, options)
    write_source(plan)
    return plan.added


def plan_source(target: str, root: Path, options: AddOptions = AddOptions()) -> Plan:
    """Everything ``add-source`` would write for ``target`` (a file or an http(s) URL); writes nothing."""
    if options.source_id is not None:
        source_ids.check_given(options.source_id)
    data, name, media_type, url = _read(target, options)
    kind = formats.format_of(data, name, media_type)
    extracted = _with_given(_extract(kind, data, name, url), options.given)
    project, _ = load_project(root)
    text = extracted.text.encode("utf-8")
    source_id, existing = _choose_id(project, extracted, name, hashlib.sha256(data).hexdigest(), options)
    publish = options.publish_original or not extracted.active_content
    original = Original(name, formats.MEDIA_TYPES[kind], hashlib.sha256(data).hexdigest(), publish)
    fields = metadata(
        extracted, sha256=hashlib.sha256(text).hexdigest(), retrieved=retrieved_today(), original=original
    )
    seeds = f"{relative(root / 'seeds', root)}/"
    writes: dict[str, bytes] = {}
    kept = f"{seeds}{original_name(source_id, original.media_type)}"
    if options.keep_original:
        writes[kept] = data
    writes[f"{seeds}{source_id}.txt"] = text
    writes[f"{seeds}{source_id}.yml"] = metadata_yaml(fields).encode("utf-8")
    removes: tuple[str, ...] = ()
    falling: list[Falling] = []
    if existing is not None:
        new = Source(source_id, existing.path, SourceText(extracted.text), meta_from(fields), existing.meta_path)
        falling = quotes_that_would_fall(project, new)
        if not options.replace:
            raise IngestError(_exists_message(source_id, falling))
        old_kept = kept_original(root / "seeds", root, source_id, existing.meta)
        if (old_kept is not None and old_kept != kept) or (old_kept and not options.keep_original):
            removes = (old_kept,)
    added = Added(
        id=source_id,
        title=fields.get("title") or Source(source_id, "", SourceText(extracted.text)).title,
        language=fields.get("language"),
        paragraphs=len(SourceText(extracted.text).paragraphs),
        pages=extracted.pages,
        page_labels=extracted.page_labels,
        files=tuple(writes),
        replaced=existing is not None,
        falling=tuple(falling),
        notes=extracted.notes + _active_notes(extracted, publish),
        repairs=extracted.repairs,
    )
    return Plan(root, added, writes, removes)


def write_source(plan: Plan) -> None:
    """Write the planned files, each whole or not at all (a temporary file renamed into place)."""
    for rel, data in plan.writes.items():
        path = plan.root / rel
        make_folder(path.parent, plan.root)
        write_atomic(path, data, plan.root)
    for rel in plan.removes:
        (plan.root / rel).unlink(missing_ok=True)


def _read(target: str, options: AddOptions) -> tuple[bytes, str, str | None, str | None]:
    """The bytes, the file name, the media type a server gave, and the URL they came from."""
    if fetch.is_url(target):
        download = fetch.fetch(
            target, max_bytes=options.max_bytes, timeout=options.timeout, allow_private=options.allow_private
        )
        return download.data, download.file_name, download.media_type, download.url
    path = Path(target)
    if not path.is_file():
        raise IngestError(f"{target}: no such file" + (" (it is a folder)" if path.is_dir() else ""))
    with open(path, "rb") as stream:
        data = stream.read(options.max_bytes + 1)
    if len(data) > options.max_bytes:
        raise IngestError(f"{target} is larger than {options.max_bytes / 2**20:g} MB; it is not read")
    return data, path.name, None, None


def _with_given(extracted: Extracted, given: tuple[tuple[str, str], ...]) -> Extracted:
    """The extraction with the metadata given on the command line in place of what was found."""
    fields = {}
    for key, value in given:
        try:
            fields[key] = given_field(key, value)
        except ValueError as exc:
            raise IngestError(str(exc)) from None
    return Extracted(**{**extracted.__dict__, **fields}) if fields else extracted


def _active_notes(extracted: Extracted, publish: bool) -> tuple[str, ...]:
    if not extracted.active_content:
        return ()
    where = "; ".join(extracted.active_content)
    then = (
        "it is published as asked (--publish-original)"
        if publish
        else "the original is kept but not published; add it again with --replace --publish-original to publish it"
    )
    return (f"warning: the PDF holds active content ({where}); {then}",)


def _extract(kind: str, data: bytes, name: str, url: str | None) -> Extracted:
    if kind == formats.PDF:
        from site_builder.ingest.pdf import extract_pdf

        extracted = extract_pdf(data, name)
        return Extracted(**{**extracted.__dict__, "url": url, "text": extracted.text + "\n"})
    if kind == formats.HTML:
        from site_builder.ingest.html import extract_html

        return extract_html(data, name, url)
    from site_builder.ingest.plain import extract_plain

    extracted = extract_plain(data, name, markdown=kind == formats.MARKDOWN)
    return Extracted(**{**extracted.__dict__, "url": url})


def _choose_id(
    project: Project, extracted: Extracted, name: str, digest: str, options: AddOptions
) -> tuple[str, Source | None]:
    """The id of the new source, and the source it replaces, if any."""
    if options.source_id is not None:
        existing = _existing(project, options.source_id)
        if existing is not None and existing.id != options.source_id:
            raise IngestError(f"--id {options.source_id}: a source differs from it only in case, '{existing.id}'")
        return options.source_id, existing
    for source in project.sources.values():
        if source.meta.original is not None and source.meta.original.sha256 == digest:
            if options.replace:
                return source.id, source
            raise IngestError(
                f"{name} was already added as '{source.id}' (same sha256); add --replace to extract it again"
            )
    base = source_ids.from_title(extracted.title, Path(name).stem)
    if options.replace and base in project.sources:
        return base, project.sources[base]
    return source_ids.unique(base, project.sources), None


def _existing(project: Project, source_id: str) -> Source | None:
    folded = source_id.casefold()
    return next((s for s in project.sources.values() if s.id.casefold() == folded), None)


def _exists_message(source_id: str, falling: list[Falling]) -> str:
    message = f"source '{source_id}' exists; add --replace to replace its text and metadata"
    if falling:
        facts = ", ".join(sorted({f.fact for f in falling}))
        message += f" (the quotes of {counted(len(falling), 'citation')} would no longer stand: {facts})"
    return message
