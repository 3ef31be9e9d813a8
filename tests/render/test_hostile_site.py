"""A real site built from hostile text: every payload stays literal, inert text in the HTML.

Two projects are built with ``site-builder build``: one whose records and sources carry the
payloads, and a twin with plain words in their place. Escaping works when the two sites have
the same elements and attributes on every page, and the payloads read as themselves.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from htmltools import Page, search_records

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<iframe src=javascript:alert(3)></iframe>",
    "</title><script>alert(4)</script>",
    "<a href='javascript:alert(5)'>click</a>",
    "<svg onload=alert(6)>",
    "<!-- hidden --> and <![CDATA[x]]>",
    "&lt;b&gt; &amp; &#60;i&#62; &#x3C;",
    "# Not a heading",
    "*not emphasis* _nor this_ **nor this**",
    "[click](javascript:alert(7)) and ![pic](x.png)",
    "<https://example.org> and [ref]: javascript:alert(8)",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "---",
    "A line\n---\nunder a setext rule",
    "1. not a list\n- nor this",
    "> not a quote",
    "    not code, though indented",
    "`not code` and ```fence```",
    "{{ 7*7 }} and {{ config.site_name }}",
    "{% for x in range(3) %}loop{% endfor %} {# comment #}",
    '!!! note "Admonition"',
    '--8<-- "README.md"',
    "text { .evil #id onclick=alert(9) }",
    "\\<escaped\\> \\*",
    ":material-alert: :smile:",
    "$$ x^2 $$ and \\(x\\)",
    "[[wiki link]] and ^^caret^^ and ==mark== and ~~del~~",
]
NEEDLES = ["alert(", "javascript:"]  # in no attribute of the hostile site but the source's own URL
SITE_NAME = "Verified fact sheets"


def yaml_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def plain(text: str, i: int) -> str:
    """The twin of a payload: plain words, the same lines."""
    return "\n".join(f"plain {i} line {j}" for j, _ in enumerate(text.split("\n")))


def source_text(words: list[str]) -> str:
    return "Intro to the payloads.\n\n" + "\n\n".join(f"Payload {i}: {w} ends." for i, w in enumerate(words)) + "\n"


#: payloads that occur once in the source, so that they can be quoted bare (at a line's start)
BARE = {i for i, w in enumerate(PAYLOADS) if source_text(PAYLOADS).count(w) == 1}


def write_project(root: Path, words: list[str]) -> None:
    (root / "seeds").mkdir(parents=True)
    (root / "factsheets").mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "seeds" / "evil.txt").write_text(source_text(words), encoding="utf-8")
    (root / "seeds" / "evil.yml").write_text(
        f"title: {yaml_str(words[3] + ' ' + words[1])}\npublisher: {yaml_str(words[0])}\n"
        f"url: {yaml_str('https://example.org/x' + ''.join(w.replace(' ', '') for w in words[:2] + words[21:22]))}\n",
        encoding="utf-8",
    )
    facts = "".join(
        f"  - id: p{i}\n    statement: {yaml_str(w)}\n    citations:\n"
        f"      - source: evil\n        quote: {yaml_str(f'Payload {i}: {w} ends.')}\n"
        + (f"      - source: evil\n        quote: {yaml_str(w)}\n" if i in BARE else "")
        for i, w in enumerate(words)
    )
    (root / "factsheets" / "evil.yml").write_text(
        f"title: {yaml_str(words[3] + ' ' + words[19])}\nsummary: {yaml_str(' '.join(words))}\n"
        f"tags: [evil]\nfacts:\n{facts}",
        encoding="utf-8",
    )
    related = ", ".join(f"evil#p{i}" for i in range(len(words)))
    (root / "factsheets" / "plain.yml").write_text(
        "title: Plain\nfacts:\n  - id: intro\n    statement: The payloads.\n    citations:\n"
        f"      - source: evil\n        quote: Intro to the payloads.\n    related: [{related}]\n",
        encoding="utf-8",
    )


def build(root: Path) -> Path:
    from site_builder.cli import main

    try:
        main(["build", "--root", str(root), "--min-quote-words", "1"])  # payloads differ in length
    except SystemExit as exc:
        assert exc.code in (0, None), f"the build of {root} failed with exit code {exc.code}"
    return root / "site"


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    hostile, twin = tmp_path_factory.mktemp("hostile"), tmp_path_factory.mktemp("twin")
    write_project(hostile, PAYLOADS)
    write_project(twin, [plain(w, i) for i, w in enumerate(PAYLOADS)])
    return build(hostile), build(twin)


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def structure(html: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every element of a page with the names of its attributes, in order."""
    from html.parser import HTMLParser

    out: list[tuple[str, tuple[str, ...]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            out.append((tag, tuple(sorted(name for name, _ in attrs))))

    Collect(convert_charrefs=True).feed(html)
    return out


def test_built_pages_hold_no_markup_from_user_text(sites):
    hostile, twin = sites
    hostile_pages, twin_pages = pages(hostile), pages(twin)
    assert hostile_pages.keys() == twin_pages.keys()
    assert {"sheets/evil/index.html", "sources/evil/index.html", "tags/evil/index.html"} <= hostile_pages.keys()
    for path, html in hostile_pages.items():
        assert structure(html) == structure(twin_pages[path]), path
        page = Page(html)
        assert page.unbalanced == [], path
        assert not [link for link in page.links if link.strip().lower().startswith(("javascript", "data"))], path
        from html.parser import HTMLParser

        class Elements(HTMLParser):
            def __init__(self, page_path: str) -> None:
                super().__init__()
                self.page_path = page_path

            def handle_starttag(self, tag, attrs):
                for name, value in attrs:
                    assert not name.startswith("on"), (self.page_path, tag, name)
                    if (tag, name) == ("a", "href") and value.startswith("https://example.org/x"):
                        continue  # the source's URL: an attribute value, escaped
                    if (tag, name) == ("meta", "content"):
                        continue  # the sheet's summary as its description: an attribute value, escaped
                    assert not any(needle in (value or "") for needle in NEEDLES), (self.page_path, tag, name, value)

        Elements(path).feed(html)


def test_user_text_is_literal_in_the_page_text(sites):
    hostile, _ = sites
    sheet = " ".join(Page((hostile / "sheets/evil/index.html").read_text(encoding="utf-8")).text.split())
    source = " ".join(Page((hostile / "sources/evil/index.html").read_text(encoding="utf-8")).text.split())
    for text in PAYLOADS:
        flat = " ".join(text.split())
        assert sheet.count(flat) >= 2, text  # in the fact's statement and in its quote
        assert flat in source, text
    assert "49" not in sheet and "range(3)" in sheet and "loop" not in sheet.replace("loop{% endfor", "")
    for page in (hostile / "sheets/evil/index.html", hostile / "sources/evil/index.html"):
        html = page.read_text(encoding="utf-8")
        tags = Page(html[html.index("<article") : html.index("</article>")]).tags
        assert tags.count("h1") == 1, page
        # (lists and bold figures are the page's own; that no payload made one is shown by the twin site)
        assert not {"table", "hr", "pre", "em", "img", "iframe", "script", "svg"} & set(tags), page
        assert "admonition" not in html


def test_page_titles_hold_the_literal_text(sites):
    hostile, _ = sites
    for path, expected in (
        ("sheets/evil", f"{PAYLOADS[3]} {PAYLOADS[19]}"),
        ("sources/evil", f"{PAYLOADS[3]} {PAYLOADS[1]}"),
    ):
        html = (hostile / path / "index.html").read_text(encoding="utf-8")
        title = Page(html[html.index("<title>") : html.index("</title>") + len("</title>")])
        assert title.tags == ["title"], path
        assert title.text == f"{expected} - {SITE_NAME}", path


def test_the_search_index_holds_the_literal_text(sites):
    """The index holds text, as the pages show it: the search dialog shows it as text."""
    hostile, _ = sites
    records = search_records(hostile)
    sheet = records["/sheets/evil/"]
    assert sheet["meta"]["title"] == f"{PAYLOADS[3]} {PAYLOADS[19]}"
    anchors = {anchor["id"]: anchor["text"] for anchor in sheet["anchors"]}
    assert anchors["p0"] == PAYLOADS[0]
    assert PAYLOADS[1] in sheet["content"]
    assert records["/sources/evil/"]["meta"]["title"] == f"{PAYLOADS[3]} {PAYLOADS[1]}"
