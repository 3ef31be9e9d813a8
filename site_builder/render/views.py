"""What the pages show, derived once from a check report: who cites what, tags, warnings."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from site_builder.diagnostics import Diagnostic
from site_builder.model import CitationResult, Fact, Report, Sheet, Source
from site_builder.render.coverage import cited_share
from site_builder.render.site_settings import SiteSettings


@dataclass(frozen=True)
class AcceptedWarning:
    """A problem the check accepted, numbered as the warnings page lists it."""

    number: int
    diagnostic: Diagnostic
    fact: Fact | None  # the fact whose record the problem is in, when it is in one
    citation: int | None  # the 1-based index of the citation it is about, if any


@dataclass
class SiteView:
    report: Report
    settings: SiteSettings = field(default_factory=SiteSettings)
    by_fact: dict[str, list[CitationResult]] = field(default_factory=lambda: defaultdict(list))
    by_source: dict[str, list[CitationResult]] = field(default_factory=lambda: defaultdict(list))
    sheets_by_tag: dict[str, list[Sheet]] = field(default_factory=lambda: defaultdict(list))
    facts_by_tag: dict[str, list[Fact]] = field(default_factory=lambda: defaultdict(list))
    linked_from: dict[str, list[Fact]] = field(default_factory=lambda: defaultdict(list))
    warnings: list[AcceptedWarning] = field(default_factory=list)
    _shares: dict[str, float] = field(default_factory=dict, repr=False)
    _warnings_at: dict[tuple[str, int | None], list[AcceptedWarning]] = field(
        default_factory=lambda: defaultdict(list), repr=False
    )

    @classmethod
    def of(cls, report: Report, settings: SiteSettings | None = None) -> SiteView:
        view = cls(report, settings or SiteSettings())
        for result in report.citations:
            view.by_fact[result.fact.ref].append(result)
            if result.located:
                view.by_source[result.citation.source].append(result)
        for results in view.by_source.values():
            results.sort(key=lambda r: (r.start, r.end))
        for sheet in report.project.sheets:
            for tag in sheet.tags:
                view.sheets_by_tag[tag].append(sheet)
            for fact in sheet.facts:
                for tag in fact.tags:
                    view.facts_by_tag[tag].append(fact)
                for ref, _ in fact.related:
                    target = view.resolve(ref, sheet)
                    if target is not None and target[1] is not None and fact not in view.linked_from[target[1].ref]:
                        view.linked_from[target[1].ref].append(fact)
        view.warnings = _warnings(report)
        for w in view.warnings:
            if w.fact is not None:
                view._warnings_at[(w.fact.ref, w.citation)].append(w)
        return view

    @property
    def project(self):
        return self.report.project

    @property
    def tags(self) -> list[str]:
        return sorted(set(self.sheets_by_tag) | set(self.facts_by_tag))

    def resolve(self, ref: str, sheet: Sheet) -> tuple[Sheet, Fact | None] | None:
        """The sheet (and fact) a related reference names, ``None`` if it names nothing."""
        sheet_id, _, fact_id = ref.partition("#")
        target = self.project.sheet(sheet_id or sheet.id)
        if target is None:
            return None
        fact = target.fact(fact_id) if fact_id else None
        if fact_id and fact is None:
            return None
        return target, fact

    def source_of(self, result: CitationResult) -> Source | None:
        return self.project.sources.get(result.citation.source)

    def cited_share(self, source: Source) -> float:
        """Computed once per source: the index, the source page and the export all show it."""
        if source.id not in self._shares:
            spans = (span for r in self.by_source.get(source.id, ()) for span in spans_of(r))
            self._shares[source.id] = cited_share(source.text.text, spans)
        return self._shares[source.id]

    def warnings_for(self, fact: Fact, citation: int | None = None) -> list[AcceptedWarning]:
        return self._warnings_at.get((fact.ref, citation), [])


def spans_of(result: CitationResult) -> tuple[tuple[int, int], ...]:
    """The parts of the source a located citation shows: its span, or an elided quote's kept parts."""
    segments = result.found.segments or (result.span,)
    return tuple((s.start, s.end) for s in segments)


def _warnings(report: Report) -> list[AcceptedWarning]:
    """Every warning, with the fact (and citation) whose record lines it points at."""
    at: dict[tuple[str, int], tuple[Fact | None, int | None]] = {}
    for sheet in report.project.sheets:
        for fact in sheet.facts:
            at.setdefault((sheet.path, fact.line), (fact, None))
            for citation in fact.citations:
                for line in (citation.line, citation.source_line):
                    at.setdefault((sheet.path, line), (fact, citation.index))
    out: list[AcceptedWarning] = []
    for diagnostic in report.diagnostics:
        if diagnostic.severity != "warning":
            continue
        owner, index = at.get((diagnostic.file, diagnostic.line or 0), (None, None))
        out.append(AcceptedWarning(len(out) + 1, diagnostic, owner, index))
    return out
