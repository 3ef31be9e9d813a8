"""Index a built site for search with Pagefind, whose binary comes in the ``pagefind-bin`` wheel.

Pagefind writes a static index cut into small chunks: a browser fetches only the chunks a query
needs, so what a search costs does not grow with the site. What is indexed is the content of
the sheet and source pages (their ``<article>``), not the navigation around it, nor the index
and tag pages that repeat what those pages say. The index reads the HTML that the engine wrote,
so it is the same whichever engine built the site; ``assets/search.js`` loads it from
``pagefind/`` at the site's root. After another engine's build, run
``python -m site_builder.publish.index_search SITE_DIR``.

``site-builder build`` does not wait for the engine: it indexes the same pages as the render
layer writes them for search (:mod:`site_builder.render.search_pages`: their content, at their
address, with their anchors) while MkDocs builds, on the other core.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import IO

BUNDLE = "pagefind"  # the folder of the index and of Pagefind's scripts, in the site
# The sheet and source pages, whether MkDocs writes ``sheets/x/index.html`` or ``sheets/x.html``
# (then the index page of each folder is indexed too).
PAGES = {True: "{sheets,sources}/*/index.html", False: "{sheets,sources}/*.html"}
CONTENT = "article"
IGNORED = ".headerlink, .sb-label"  # the permalink signs of headings, the labels of a fact's links


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def pagefind_command(site_dir: Path, directory_urls: bool = True) -> list[str]:
    from pagefind_bin import get_executable

    return [
        str(get_executable()),
        "--site", str(site_dir),
        "--output-subdir", BUNDLE,
        "--glob", PAGES[directory_urls],
        "--root-selector", CONTENT,
        "--exclude-selectors", IGNORED,
        "--silent",
    ]  # fmt: skip


def start_indexing(pages: dict[str, str], folder: Path, log: IO[str]) -> subprocess.Popen:
    """Write ``pages`` (address in the site → HTML) into ``folder`` and start Pagefind on them;
    its bundle will be ``folder / BUNDLE``."""
    for address, page in pages.items():
        target = folder / address
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
    command = pagefind_command(folder, True)
    command[command.index("--glob") + 1] = "**/*.html"
    return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)


def index_site(site_dir: Path, directory_urls: bool = True) -> None:
    """Write the search index of the site built in ``site_dir`` into ``site_dir/pagefind``."""
    try:
        command = pagefind_command(site_dir, directory_urls)
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SearchIndexError(f"Pagefind could not be run: {exc}") from None
    if done.returncode != 0:
        raise SearchIndexError("Pagefind did not index the site:\n" + (done.stderr + done.stdout).strip())
