"""Compare two states of a project fact by fact: sheets, facts and sources added, removed or changed.

Pure: both projects are loaded already, and the check report of the new state gives each changed
fact its result.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from site_builder.diagnostics import Diagnostic
from site_builder.model import Fact, Project, Report, Sheet, Source

Status = Literal["added", "removed", "changed"]


@dataclass(frozen=True)
class FieldChange:
    name: str  # "statement", "citation 1 quote", "tags", ...
    old: str
    new: str


@dataclass(frozen=True)
class FactChange:
    ref: str  # sheet#fact
    status: Status
    fields: tuple[FieldChange, ...]
    file: str
    line: int | None
    problems: tuple[Diagnostic, ...] = ()  # what the check found in this fact (none for a removed one)

    @property
    def result(self) -> str:
        if self.status == "removed":
            return "removed"
        if any(x.severity == "error" for x in self.problems):
            return "fails"
        return "warns" if self.problems else "passes"


@dataclass(frozen=True)
class SheetChange:
    id: str
    status: Status
    file: str
    fields: tuple[FieldChange, ...]
    facts: tuple[FactChange, ...]


@dataclass(frozen=True)
class PassageChange:
    """Lines of a source's text that an edit replaced: what they said, what they say now."""

    line: int  # the first line, in the new text (where the old lines stood, if they were only removed)
    old: str
    new: str


@dataclass(frozen=True)
class BrokenQuote:
    """A fact whose quote of an edited source no longer stands, and the passage closest to it now."""

    ref: str
    quote: str
    closest: str | None


@dataclass(frozen=True)
class SourceChange:
    id: str
    status: Status
    file: str
    text_changed: bool
    fields: tuple[FieldChange, ...]  # metadata
    facts: tuple[str, ...]  # refs of the facts that cite it (as they stand now, or stood if it was removed)
    passages: tuple[PassageChange, ...] = ()  # the edited passages of a changed text
    more_passages: int = 0  # edited passages beyond those kept in ``passages``
    broken: tuple[BrokenQuote, ...] = ()  # facts citing it whose quote no longer stands


@dataclass(frozen=True)
class Review:
    since: str
    sheets: tuple[SheetChange, ...]
    sources: tuple[SourceChange, ...]
    problems: tuple[Diagnostic, ...] = field(default=())  # everything the check of the change found

    @property
    def facts(self) -> list[FactChange]:
        return [fact for sheet in self.sheets for fact in sheet.facts]

    @property
    def errors(self) -> int:
        return sum(1 for x in self.problems if x.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for x in self.problems if x.severity == "warning")


def _fact_fields(fact: Fact | None) -> dict[str, str]:
    if fact is None:
        return {}
    out = {"statement": fact.statement}
    for c in fact.citations:
        out[f"citation {c.index} source"] = c.source
        out[f"citation {c.index} quote"] = c.quote
        for name in ("prefix", "suffix"):
            value = getattr(c, name)
            if value is not None:
                out[f"citation {c.index} {name}"] = value
    if fact.tags:
        out["tags"] = ", ".join(fact.tags)
    if fact.related:
        out["related"] = ", ".join(ref for ref, _ in fact.related)
    return out


def _changed_fields(old: dict[str, str], new: dict[str, str]) -> tuple[FieldChange, ...]:
    names = list(new) + [name for name in old if name not in new]
    return tuple(FieldChange(n, old.get(n, ""), new.get(n, "")) for n in names if old.get(n) != new.get(n))


def _sheet_fields(sheet: Sheet | None) -> dict[str, str]:
    if sheet is None:
        return {}
    out = {"title": sheet.title}
    if sheet.summary:
        out["summary"] = sheet.summary
    if sheet.tags:
        out["tags"] = ", ".join(sheet.tags)
    return out


def _fact_problems(sheet: Sheet, report: Report) -> dict[str, tuple[Diagnostic, ...]]:
    """Each fact's problems: those of its sheet's file from its line up to the next fact's."""
    starts = sorted((fact.line, fact.id) for fact in sheet.facts)
    out: dict[str, list[Diagnostic]] = {fact_id: [] for _, fact_id in starts}
    for x in report.diagnostics:
        if x.file != sheet.path or x.line is None:
            continue
        owner = next((fact_id for line, fact_id in reversed(starts) if line <= x.line), None)
        if owner is not None:
            out[owner].append(x)
    return {k: tuple(v) for k, v in out.items()}


def _sheet_change(old: Sheet | None, new: Sheet | None, report: Report) -> SheetChange | None:
    sheet = new or old
    assert sheet is not None
    problems = _fact_problems(new, report) if new is not None else {}
    old_facts = {f.id: f for f in old.facts} if old else {}
    new_facts = {f.id: f for f in new.facts} if new else {}
    facts = []
    for fact_id in list(new_facts) + [i for i in old_facts if i not in new_facts]:
        before, after = old_facts.get(fact_id), new_facts.get(fact_id)
        fields = _changed_fields(_fact_fields(before), _fact_fields(after))
        if not fields:
            continue
        fact_status: Status = "added" if before is None else "removed" if after is None else "changed"
        facts.append(
            FactChange(
                f"{sheet.id}#{fact_id}",
                fact_status,
                fields,
                sheet.path,
                after.line if after else None,
                problems.get(fact_id, ()),
            )
        )
    fields = _changed_fields(_sheet_fields(old), _sheet_fields(new))
    if not facts and not fields:
        return None
    status: Status = "added" if old is None else "removed" if new is None else "changed"
    return SheetChange(sheet.id, status, sheet.path, fields, tuple(facts))


def _source_fields(source: Source | None) -> dict[str, str]:
    if source is None:
        return {}
    meta = source.meta
    names = ("title", "publisher", "url", "published", "language", "sha256")
    return {name: str(getattr(meta, name)) for name in names if getattr(meta, name, None)}


def _citing(project: Project, source_id: str) -> tuple[str, ...]:
    return tuple(f.ref for f in project.facts if any(c.source == source_id for c in f.citations))


MAX_PASSAGES = 20  # edited passages of one source shown in a review


def changed_passages(old: str, new: str) -> tuple[list[PassageChange], int]:
    """The runs of lines that differ between two texts of a source, the first ``MAX_PASSAGES`` of
    them, and how many more there are."""
    a, b = old.splitlines(), new.splitlines()
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag != "equal":
            out.append(PassageChange(j1 + 1, "\n".join(a[i1:i2]), "\n".join(b[j1:j2])))
    return out[:MAX_PASSAGES], max(0, len(out) - MAX_PASSAGES)


def broken_quotes(report: Report, source_id: str) -> tuple[BrokenQuote, ...]:
    """The facts whose quote of ``source_id`` the check of the change did not find."""
    out = []
    for result in report.citations:
        if result.citation.source == source_id and not result.located:
            suggestion = result.match.suggestion if result.match else None
            out.append(BrokenQuote(result.fact.ref, result.citation.quote, suggestion.text if suggestion else None))
    return tuple(out)


def review(old: Project, new: Project, report: Report, since: str, files: Collection[str] | None = None) -> Review:
    """What changed from ``old`` to ``new``; ``report`` is the check of ``new`` (all of it, or ``--since``).

    With ``files`` (the changed files, relative to the root), only the sheets and sources they hold
    are compared, and ``old`` need hold only those.
    """
    changed = None if files is None else set(files)

    def compared(path: str | None) -> bool:
        return changed is None or path in changed

    old_sheets = {s.id: s for s in old.sheets if compared(s.path)}
    new_sheets = {s.id: s for s in new.sheets if compared(s.path)}
    sheets = []
    for sheet_id in sorted(set(old_sheets) | set(new_sheets)):
        change = _sheet_change(old_sheets.get(sheet_id), new_sheets.get(sheet_id), report)
        if change is not None:
            sheets.append(change)
    sources = []
    for source_id in sorted(set(old.sources) | set(new.sources)):
        before, after = old.sources.get(source_id), new.sources.get(source_id)
        if not any(compared(s.path) or compared(s.meta_path) for s in (before, after) if s is not None):
            continue
        text_changed = (before.digest if before else None) != (after.digest if after else None)
        fields = _changed_fields(_source_fields(before), _source_fields(after))
        if not text_changed and not fields:
            continue
        status: Status = "added" if before is None else "removed" if after is None else "changed"
        current = after or before
        assert current is not None
        citing = _citing(new if after else old, source_id)
        passages: list[PassageChange] = []
        more = 0
        if text_changed and before is not None and after is not None:
            passages, more = changed_passages(before.text.text, after.text.text)
        broken = broken_quotes(report, source_id) if text_changed and after is not None else ()
        sources.append(
            SourceChange(source_id, status, current.path, text_changed, fields, citing, tuple(passages), more, broken)
        )
    return Review(since, tuple(sheets), tuple(sources), tuple(report.diagnostics))
