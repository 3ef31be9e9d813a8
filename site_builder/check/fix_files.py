"""Write fixes into the record files, changing nothing but the fixed values.

Each file is read as bytes; the edits are spans of its text (see :mod:`site_builder.load.yaml_edit`),
so comments, key order, quoting, line breaks and a byte-order mark all stay as they were. A file
is replaced atomically, and only when every value in it still reads back as intended.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from site_builder.atomic import write_atomic
from site_builder.check.fixes import Fix
from site_builder.load.yaml_edit import CannotEdit, Edit, apply_edits, compose, insert_entry, replace_value

_BOM = b"\xef\xbb\xbf"


@dataclass
class FileFixes:
    """The fixes of one record file, its text before and after them, and the fixes that could not be made."""

    file: str
    before: str
    after: str
    bom: bool = False
    applied: list[Fix] = field(default_factory=list)
    skipped: list[tuple[Fix, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.before != self.after


def _edit(text: str, fix: Fix) -> Edit:
    if fix.add_key is not None:
        return insert_entry(text, fix.span, fix.add_key, fix.replacement, beside="quote")
    return replace_value(text, fix.span, fix.replacement)


def prepare(root: Path, fixes: list[Fix]) -> list[FileFixes]:
    """The new text of each file the fixes touch, without writing anything."""
    by_file: dict[str, list[Fix]] = defaultdict(list)
    for fix in fixes:
        by_file[fix.file].append(fix)
    out = []
    for file, planned in sorted(by_file.items()):
        raw = (root / file).read_bytes()
        bom = raw.startswith(_BOM)
        try:
            text = raw[len(_BOM) if bom else 0 :].decode("utf-8")
        except UnicodeDecodeError:
            out.append(FileFixes(file, "", "", skipped=[(f, "the file is not UTF-8") for f in planned]))
            continue
        result = FileFixes(file, text, text, bom)
        edits = []
        for fix in planned:
            try:
                edits.append(_edit(text, fix))
                result.applied.append(fix)
            except (CannotEdit, yaml.YAMLError) as exc:
                result.skipped.append((fix, str(exc)))
        try:
            result.after = apply_edits(text, edits)
            compose(result.after)
        except (CannotEdit, yaml.YAMLError) as exc:
            result.after = text
            result.skipped += [(f, str(exc)) for f in result.applied]
            result.applied = []
        out.append(result)
    return out


def unified_diff(files: list[FileFixes]) -> str:
    """The changes as one unified diff, paths as ``a/<file>`` and ``b/<file>``."""
    parts: list[str] = []
    for f in files:
        if f.changed:
            before, after = f.before.splitlines(keepends=True), f.after.splitlines(keepends=True)
            parts.extend(difflib.unified_diff(before, after, f"a/{f.file}", f"b/{f.file}"))
    return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in parts)


def write(root: Path, files: list[FileFixes]) -> None:
    """Replace each changed file atomically, keeping its permissions and byte-order mark."""
    for f in files:
        if not f.changed:
            continue
        path = root / f.file
        data = (_BOM if f.bom else b"") + f.after.encode("utf-8")
        write_atomic(path, data, root, mode=path.stat().st_mode & 0o7777)
