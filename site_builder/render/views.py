"""What the pages show, derived once from a check report: who cites what, tags, counts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from site_builder.checker import CitationResult, Report
from site_builder.model import Fact, Sheet, Source


@dataclass
class SiteView:
    report: Report
    by_fact: dict[str, list[CitationResult]] = field(default_factory=lambda: defaultdict(list))
    by_source: dict[str, list[CitationResult]] = field(default_factory=lambda: defaultdict(list))
    sheets_by_tag: dict[str, list[Sheet]] = field(default_factory=lambda: defaultdict(list))
    facts_by_tag: dict[str, list[Fact]] = field(default_factory=lambda: defaultdict(list))
    linked_from: dict[str, list[Fact]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, report: Report) -> "SiteView":
        view = cls(report)
        for result in report.citations:
            view.by_fact[result.fact.ref].append(result)
            if result.located:
                view.by_source[result.citation.source].append(result)
        for sheet in report.project.sheets:
            for tag in sheet.tags:
                view.sheets_by_tag[tag].append(sheet)
            for fact in sheet.facts:
                for tag in fact.tags:
                    view.facts_by_tag[tag].append(fact)
                for ref, _ in fact.related:
                    target = view.resolve(ref, sheet)
                    if target is not None and target[1] is not None:
                        view.linked_from[target[1].ref].append(fact)
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
