"""Source pins: the sha256 a curator reviewed, kept in the source's metadata.

A pull request that edits a source so that a false quote passes changes the source's digest,
and the check then names every fact that rests on it until a curator pins the new text.
"""

from __future__ import annotations

import re
from pathlib import Path

from site_builder import diagnostics as d
from site_builder.atomic import write_atomic
from site_builder.diagnostics import Diagnostic
from site_builder.model import CitationResult, Project, Source

PIN_KEY = "sha256"
_PIN_LINE = re.compile(rf"^{PIN_KEY}[ \t]*:[^\r\n]*", re.MULTILINE)


def with_pin(metadata: str, digest: str) -> str:
    """The metadata text with its top-level ``sha256`` set to ``digest``, all else kept as written."""
    line = f"{PIN_KEY}: {digest}"
    if _PIN_LINE.search(metadata):
        return _PIN_LINE.sub(line, metadata, count=1)
    if metadata and not metadata.endswith(("\n", "\r")):
        metadata += "\n"
    return metadata + line + "\n"


def pin_source(source: Source, root: Path) -> bool:
    """Write the source's current digest into its metadata file; return whether anything changed."""
    if source.meta.sha256 == source.digest:
        return False
    meta_path = root / (source.meta_path or f"{Path(source.path).with_suffix('.yml').as_posix()}")
    current = meta_path.read_text(encoding="utf-8-sig") if meta_path.exists() else ""
    write_atomic(meta_path, with_pin(current, source.digest).encode("utf-8"), root)
    return True


def pin_problems(project: Project, citations: list[CitationResult]) -> list[Diagnostic]:
    """Every source pinned, and every pinned source still the text that was reviewed."""
    problems: list[Diagnostic] = []
    citing: dict[str, list[CitationResult]] = {}
    for result in citations:
        citing.setdefault(result.citation.source, []).append(result)
    for source in project.sources.values():
        if source.meta.sha256 is None:
            problems.append(
                d.warning(
                    "source-unpinned",
                    source.meta_path or source.path,
                    source.pin_line or 1,
                    f"source '{source.id}' has no sha256 pin, so a change to its text would go unnoticed",
                    notes=(f"review the text, then run: site-builder pin {source.id}",),
                )
            )
        elif source.meta.sha256 != source.digest:
            results = citing.get(source.id, [])
            notes = [
                f"{r.fact.ref} (citation {r.citation.index}): "
                + ("the quote still stands" if r.located else "the quote NO LONGER stands")
                for r in results
            ]
            notes.append(f"if the change is right, review it, then run: site-builder pin {source.id}")
            cited = (
                f"{len(results)} citation{'s' if len(results) != 1 else ''} rest on it"
                if results
                else "no fact cites it"
            )
            problems.append(
                d.error(
                    "source-changed",
                    source.meta_path or source.path,
                    source.pin_line or 1,
                    f"source '{source.id}' changed since it was pinned (sha256 {source.digest[:12]}…, "
                    f"pinned {source.meta.sha256[:12]}…); {cited}",
                    notes=tuple(notes),
                    extra={
                        "facts": [
                            {"fact": r.fact.ref, "citation": r.citation.index, "stands": r.located} for r in results
                        ]
                    },
                )
            )
    return problems
