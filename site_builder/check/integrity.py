"""Source pins: the sha256 a curator reviewed, kept in the source's metadata.

A pull request that edits a source so that a false quote passes changes the source's digest,
and the check then names every fact that rests on it until a curator pins the new text.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from site_builder import diagnostics as d
from site_builder.atomic import write_atomic
from site_builder.counts import counted
from site_builder.diagnostics import Diagnostic
from site_builder.load.yaml_edit import CannotEdit, Edit, apply_edits, compose, find, replace_value, scalar_text
from site_builder.model import CitationResult, Project, Source

PIN_KEY = "sha256"


def with_pin(metadata: str, digest: str) -> str:
    """The metadata text with its top-level ``sha256`` set to ``digest``, all else kept as written.

    The value is rewritten through the YAML node's own span, so a key-like line inside another
    value (a multi-line quoted title) is never touched; the result is parsed again and must read
    back as the same mapping with the new pin, or ``CannotEdit`` is raised and nothing is written.
    """
    root = compose(metadata)  # CannotEdit, with the line and column, if it cannot be read
    if root is not None and not isinstance(root, yaml.MappingNode):
        raise CannotEdit("the metadata is not a YAML mapping")
    has_pin = root is not None and any(
        isinstance(key, yaml.ScalarNode) and key.value == PIN_KEY for key, _ in root.value
    )
    if has_pin:
        node, _, _ = find(root, (PIN_KEY,))
        if isinstance(node, yaml.ScalarNode) and node.start_mark.index == node.end_mark.index:  # `sha256:` alone
            edit = Edit(node.start_mark.index, node.start_mark.index, f" {scalar_text(digest)}")
        else:
            edit = replace_value(metadata, (PIN_KEY,), digest)
        result = apply_edits(metadata, [edit])
    elif root is not None and root.flow_style:
        raise CannotEdit("the metadata is a flow mapping ({...}); write it as one key per line")
    else:
        result = _append_pin(metadata, digest)
    _check_pinned(metadata, result, digest)
    return result


def _append_pin(metadata: str, digest: str) -> str:
    nl = "\r\n" if "\r\n" in metadata else "\n"
    if metadata and not metadata.endswith(("\n", "\r")):
        metadata += nl
    return apply_edits(metadata, [Edit(len(metadata), len(metadata), f"{PIN_KEY}: {scalar_text(digest)}{nl}")])


def _check_pinned(before: str, after: str, digest: str) -> None:
    """The new text must hold every entry it held, and the new pin."""
    try:
        old, new = yaml.safe_load(before) or {}, yaml.safe_load(after)
    except yaml.YAMLError:
        raise CannotEdit("pinning would leave invalid YAML") from None
    if not isinstance(new, dict) or new.get(PIN_KEY) != digest or {**old, PIN_KEY: digest} != new:
        raise CannotEdit("pinning would change other entries of the metadata")


def pin_source(source: Source, root: Path) -> bool:
    """Write the source's current digest into its metadata file; return whether anything changed.

    Raises ``CannotEdit`` when the pin cannot be written without changing anything else.
    """
    if source.meta.sha256 == source.digest:
        return False
    meta_path = root / (source.meta_path or f"{Path(source.path).with_suffix('.yml').as_posix()}")
    raw = meta_path.read_bytes() if meta_path.exists() else b""
    bom = raw.startswith(b"\xef\xbb\xbf")
    current = raw.decode("utf-8-sig")
    mode = meta_path.stat().st_mode & 0o7777 if meta_path.exists() else None
    data = (b"\xef\xbb\xbf" if bom else b"") + with_pin(current, source.digest).encode("utf-8")
    write_atomic(meta_path, data, root, mode=mode)
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
                f"{counted(len(results), 'citation')} {'rests' if len(results) == 1 else 'rest'} on it"
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
