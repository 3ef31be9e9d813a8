"""What replacing a source's text would do to the quotes that cite it."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.check.checker import check_citation
from site_builder.model import Project, Source


@dataclass(frozen=True)
class Falling:
    """A citation that stands in the source now and would not stand in the new text."""

    fact: str  # sheet#fact
    citation: int  # 1-based among the fact's citations
    file: str
    line: int

    def as_json(self) -> dict[str, object]:
        return {"fact": self.fact, "citation": self.citation, "file": self.file, "line": self.line}

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.fact} (citation {self.citation})"


def quotes_that_would_fall(project: Project, new: Source) -> list[Falling]:
    """The citations of ``new.id`` that are located now and would no longer be with ``new``'s text."""
    after = Project(project.root, project.sheets, {**project.sources, new.id: new})
    falling = []
    for sheet in project.sheets:
        for fact in sheet.facts:
            for citation in fact.citations:
                if citation.source != new.id:
                    continue
                if not check_citation(sheet, fact, citation, project, []).located:
                    continue
                if not check_citation(sheet, fact, citation, after, []).located:
                    falling.append(Falling(fact.ref, citation.index, sheet.path, citation.line))
    return falling
