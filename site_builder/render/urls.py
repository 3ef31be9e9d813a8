"""Where each generated page lives, and the anchors inside pages.

Ids are lower-case kebab-case (never ``--``), so ``--`` joins them without ambiguity.
"""

from __future__ import annotations

import posixpath

from site_builder.render.escape import Md

HOME = "index.md"
SHEETS = "sheets/index.md"
SOURCES = "sources/index.md"
TAGS = "tags/index.md"
WARNINGS = "warnings.md"
FACTS_JSON = "facts.json"


def sheet_page(sheet_id: str) -> str:
    return f"sheets/{sheet_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def tag_page(tag: str) -> str:
    return f"tags/{tag}.md"


def source_text(source_id: str) -> str:
    """The source's text as published beside its page: the text every offset counts in."""
    return f"sources/{source_id}.txt"


def original_file(source_id: str) -> str:
    """The original PDF of a paged source, published beside its text."""
    return f"sources/{source_id}.pdf"


def annotations_file(source_id: str) -> str:
    return f"annotations/{source_id}.jsonld"


def fact_anchor(fact_id: str) -> str:
    return fact_id


def cite_anchor(sheet_id: str, fact_id: str, index: int) -> str:
    """The id of a cited passage on its source page."""
    return f"cite--{sheet_id}--{fact_id}--{index}"


def warning_anchor(number: int) -> str:
    return f"warning-{number}"


def href(from_page: str, to_page: str, anchor: str | None = None) -> Md:
    """A relative link between two generated Markdown pages (MkDocs resolves and checks it)."""
    if to_page == from_page:
        path = "" if anchor else posixpath.basename(to_page)
    else:
        path = relative(to_page, posixpath.dirname(from_page))
    return Md(path + (f"#{anchor}" if anchor else ""))


def relative(path: str, folder: str) -> str:
    """``posixpath.relpath(path, folder or ".")`` for the clean relative paths of the docs folder
    (no ``.``, ``..`` or empty parts; ``""`` is the docs folder itself), without making them
    absolute first: a page makes tens of such links."""
    if not folder:
        return path
    if path.startswith(folder) and path[len(folder) : len(folder) + 1] == "/":
        return path[len(folder) + 1 :]
    parts, base = path.split("/"), folder.split("/")
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."


def published(path: str, directory_urls: bool = True) -> str:
    """Where a docs-folder file is on the built site, relative to the site root.

    Pages move as MkDocs moves them (``sheets/x.md`` → ``sheets/x/``); other files stay put.
    """
    if not path.endswith(".md"):
        return path
    stem = path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def site_link(
    from_file: str, to_path: str, anchor: str | None = None, *, site_url: str | None = None, directory_urls: bool = True
) -> str:
    """A link from a published file (not a page) to a docs-folder file, for data exports.

    Absolute when the site's URL is known, otherwise relative to ``from_file``.
    """
    target = published(to_path, directory_urls) + (f"#{anchor}" if anchor else "")
    if site_url:
        return site_url.rstrip("/") + "/" + target
    depth = from_file.count("/")
    return "../" * depth + target if target or depth else "./"
