"""Reading built HTML in tests: text content, ids, links; and the search index."""

from __future__ import annotations

import gzip
import json
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """Collects ids, links, elements and text, and checks that tags are balanced."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.tags: list[str] = []
        self.text_parts: list[str] = []
        self.stack: list[str] = []
        self.unbalanced: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.unbalanced.append(tag)

    def handle_data(self, data):
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def markdown_to_html(markdown_text: str) -> str:
    """Render Markdown with the extensions the project's mkdocs.yml enables, its front matter set aside as MkDocs does."""
    import markdown
    from mkdocs.utils.meta import get_data

    body, _ = get_data(markdown_text)
    return markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])


def search_records(site: Path) -> dict[str, dict]:
    """What the search index holds for each page, by address: Pagefind's fragments (gzipped JSON
    after a signature), each with the page's ``content``, ``meta`` title and heading ``anchors``;
    from every shard of the index, each page once."""
    records: dict[str, dict] = {}
    for path in sorted((site / "pagefind").glob("**/fragment/*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        record = json.loads(data[data.index(b"{") :])
        assert record["url"] not in records, f"{record['url']} is in two shards of the index"
        records[record["url"]] = record
    return records
