"""Load the source documents of ``seeds/``: their text and optional metadata."""

from __future__ import annotations

from pathlib import Path

from site_builder import diagnostics as d
from site_builder.diagnostics import Diagnostic
from site_builder.files import UnreadableFile, read_text, relative
from site_builder.matching import SourceText
from site_builder.model import Source, SourceMeta
from site_builder.records import check_shape, parse_record

SOURCE_SUFFIX = ".txt"
META_SUFFIX = ".yml"


def load_sources(root: Path) -> tuple[dict[str, Source], list[Diagnostic]]:
    seeds = root / "seeds"
    sources: dict[str, Source] = {}
    problems: list[Diagnostic] = []
    for path in sorted(seeds.glob(f"*{SOURCE_SUFFIX}")):
        source_id = path.name[: -len(SOURCE_SUFFIX)]
        rel = relative(path, root)
        try:
            source_file = read_text(path, root, seeds)
        except UnreadableFile as exc:
            problems.append(d.error("source-invalid", rel, exc.line, exc.message, column=exc.column))
            continue
        meta, meta_rel, pin_line = SourceMeta(), None, None
        meta_path = path.with_suffix(META_SUFFIX)
        if meta_path.exists() or meta_path.is_symlink():
            meta_rel = relative(meta_path, root)
            doc, meta_problems = parse_record(meta_path, root, seeds)
            if doc is not None:
                meta_problems += check_shape(doc, meta_rel, "source")
            problems.extend(meta_problems)
            if doc is not None and isinstance(doc.data, dict) and not meta_problems:
                meta = SourceMeta(**{k: v for k, v in doc.data.items() if isinstance(v, str)})
                pin_line = doc.line_of(("sha256",), key=True) if "sha256" in doc.data else None
        sources[source_id] = Source(source_id, rel, SourceText(source_file.text), meta, meta_rel,
                                    digest=source_file.sha256, pin_line=pin_line)
    return sources, problems
