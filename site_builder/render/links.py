"""Links as Markdown, built for one page so templates never compute paths.

Links between generated files are relative Markdown links, which MkDocs resolves and checks;
links that leave the site are HTML with an escaped address.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.model import CitationResult
from site_builder.render import urls
from site_builder.render.escape import Md, attribute, inline


def external(text: str, url: str, *, title: str | None = None, css: str | None = None) -> Md:
    """A link that leaves the site, opened without giving the target a handle on this page."""
    extra = (f' title="{attribute(title)}"' if title else "") + (f' class="{attribute(css)}"' if css else "")
    return Md(f'<a href="{attribute(url)}" rel="noopener"{extra}>{inline(text)}</a>')


@dataclass(frozen=True)
class Linker:
    page: str

    def __call__(
        self, text: str, to_path: str, anchor: str | None = None, *, css: str | None = None, title: str | None = None
    ) -> Md:
        """A Markdown link; ``css`` and ``title`` are our own words, never user text."""
        attrs = f"{{ .{css} }}" if css else ""
        hint = f' "{title}"' if title else ""
        return Md(f"[{inline(text)}]({urls.href(self.page, to_path, anchor)}{hint}){attrs}")

    def sheet(self, sheet) -> Md:
        return self(sheet.title, urls.sheet_page(sheet.id))

    def fact(self, fact, text: str | None = None) -> Md:
        return self(text or fact.statement, urls.sheet_page(fact.sheet), urls.fact_anchor(fact.id))

    def source(self, source, text: str | None = None) -> Md:
        return self(text or source.title, urls.source_page(source.id))

    def tag(self, tag: str) -> Md:
        return self(tag, urls.tag_page(tag))

    def tag_chip(self, tag: str) -> Md:
        return self(tag, urls.tag_page(tag), css="sb-tag")

    def passage(self, result: CitationResult, text: str) -> Md:
        c = result.citation
        return self(
            text,
            urls.source_page(c.source),
            urls.cite_anchor(result.fact.sheet, result.fact.id, c.index),
            title="The passage, highlighted in the source text",
        )

    def warning(self, number: int, text: str) -> Md:
        return self(text, urls.WARNINGS, urls.warning_anchor(number))
