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
address, with their anchors) while MkDocs builds. Pagefind reads them as files, kept beside the
site from one build to the next (only those that changed are written again); Pagefind's Python
API, which takes pages from memory, waits a tenth of a second for each page's answer (five
minutes for 3,000 pages), so it is not used.

Pagefind holds the whole index in memory until it writes it (at 100,000 facts, some 2 GB): a
site with more content than :data:`SHARD_BYTES` is indexed in shards, one after the other, each
a bundle of its own below the first (``pagefind/shard-2/``…), listed in ``pagefind/`` +
:data:`SHARDS`; the search merges them (Pagefind's ``mergeIndex``) and ranks their results as one.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO

from site_builder.atomic import UnsafeWrite, write_atomic
from site_builder.render.writer import NotGenerated, write_docs

BUNDLE = "pagefind"  # the folder of the index and of Pagefind's scripts, in the site
# The sheet and source pages, whether MkDocs writes ``sheets/x/index.html`` or ``sheets/x.html``
# (then the index page of each folder is indexed too).
PAGES = {True: "{sheets,sources}/*/index.html", False: "{sheets,sources}/*.html"}
SEARCH_PAGES = "{sheets,sources}/**/*.html"  # of the pages made for the index: only those
CONTENT = "article"
IGNORED = ".headerlink, .sb-label"  # the permalink signs of headings, the labels of a fact's links
#: Pagefind holds the whole index in memory while it writes it: measured at 100,000 facts, some
#: 33 KB for each page and 17 bytes for each byte of its HTML. A page weighs its bytes and
#: :data:`PAGE_BYTES`; a site that weighs more than :data:`SHARD_BYTES` is indexed in shards of
#: at most that weight (about 450 MB of Pagefind's memory each), one after the other, which the
#: search merges: one shard up to 10,000 facts, five at 100,000.
PAGE_BYTES = 2 * 2**10
SHARD_BYTES = 24 * 2**20
#: In the bundle: the folders of the other shards' bundles, relative to it (``[]``: one shard).
SHARDS = "site-builder-shards.json"


class SearchIndexError(Exception):
    """Pagefind could not index the site."""


def pagefind_command(site_dir: Path, glob: str, output: Path) -> list[str]:
    from pagefind_bin import get_executable

    return [
        str(get_executable()),
        "--site", str(site_dir),
        "--output-path", str(output),
        "--glob", glob,
        "--root-selector", CONTENT,
        "--exclude-selectors", IGNORED,
        "--silent",
    ]  # fmt: skip


def shards_of(sizes: list[tuple[str, int]], limit: int | None = None) -> list[list[str]]:
    """The pages (path, bytes), in order, cut into runs that weigh at most ``limit`` (a page
    heavier than that is a shard of its own)."""
    limit = SHARD_BYTES if limit is None else limit
    shards: list[list[str]] = [[]]
    held = 0
    for path, bytes_ in sizes:
        size = bytes_ + PAGE_BYTES
        if shards[-1] and held + size > limit:
            shards.append([])
            held = 0
        shards[-1].append(path)
        held += size
    return shards


def shard_folder(number: int) -> str:
    """Where the bundle of a shard is, relative to the first one's (``number`` from 0)."""
    return f"shard-{number + 1}/" if number else ""


class Indexing:
    """Pagefind run on each shard in turn, in the background; then ``finish``."""

    def __init__(
        self,
        commands: list[list[str]],
        log: IO[str] | int,
        finish: Callable[[], None],
        prepare: Callable[[], None] | None = None,
    ) -> None:
        """``prepare`` runs first, in the background too."""
        self._commands, self._log, self._finish, self._prepare = commands, log, finish, prepare
        self._process: subprocess.Popen | None = None
        self._stopped = False
        self._code: int | None = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        code = 0
        try:
            if self._prepare is not None:
                self._prepare()
            for command in self._commands:
                with self._lock:
                    if self._stopped:
                        code = -1
                        break
                    self._process = subprocess.Popen(command, stdout=self._log, stderr=subprocess.STDOUT)
                code = self._process.wait()
                if code != 0:
                    break
            if code == 0:
                self._finish()
        except OSError as exc:
            if not isinstance(self._log, int):
                self._log.write(f"Pagefind could not be run: {exc}\n")
            code = 1
        except (NotGenerated, UnsafeWrite) as exc:
            if not isinstance(self._log, int):
                self._log.write(f"the pages to index could not be written: {exc}\n")
            code = 1
        self._code = code

    def wait(self) -> int:
        self._thread.join()
        return self._code if self._code is not None else 1

    def poll(self) -> int | None:
        return None if self._thread.is_alive() else self.wait()

    def kill(self) -> None:
        with self._lock:
            self._stopped = True
            if self._process is not None and self._process.poll() is None:
                self._process.kill()


def _write_shards(bundle: Path, count: int) -> None:
    write_atomic(bundle / SHARDS, json.dumps([shard_folder(n) for n in range(1, count)]).encode("utf-8"), durable=False)


def _behind_the_engine(command: list[str]) -> list[str]:
    """``command`` at a lower priority, where the system can say so: the engine, which builds at the
    same time and takes longer, comes first when the cores are busy."""
    nice = shutil.which("nice")
    return [nice, "-n", "10", *command] if nice else command


def start_indexing(pages: dict[str, str], pages_folder: Path, folder: Path, log: IO[str]) -> Indexing:
    """Start indexing ``pages`` (address in the site → HTML) in the background; the bundle will be
    ``folder / BUNDLE``.

    Pagefind reads files: the pages are kept in ``pages_folder`` from one build to the next, a folder
    for each shard, and only those that changed are written again (in the background too), so a
    build neither waits for thousands of files to be written nor for them to be removed."""
    addresses = sorted(pages)
    shards = shards_of([(address, len(pages[address])) for address in addresses])
    kept = {f"pages-{number + 1}/{address}": pages[address] for number, shard in enumerate(shards) for address in shard}
    commands = [
        _behind_the_engine(
            pagefind_command(pages_folder / f"pages-{number + 1}", SEARCH_PAGES, folder / BUNDLE / shard_folder(number))
        )
        for number in range(len(shards))
    ]

    def prepare() -> None:
        write_docs(kept, pages_folder)

    return Indexing(commands, log, lambda: _write_shards(folder / BUNDLE, len(shards)), prepare)


def _site_pages(site_dir: Path, directory_urls: bool) -> list[Path]:
    pattern = "*/index.html" if directory_urls else "*.html"
    return sorted(page for kind in ("sheets", "sources") for page in (site_dir / kind).glob(pattern))


def index_site(site_dir: Path, directory_urls: bool = True) -> None:
    """Write the search index of the site built in ``site_dir`` into ``site_dir/pagefind``."""
    pages = _site_pages(site_dir, directory_urls)
    shards = shards_of([(str(page.relative_to(site_dir)), _content_size(page)) for page in pages])
    bundle = site_dir / BUNDLE
    with (
        tempfile.TemporaryDirectory(prefix=".site-builder-search-", dir=site_dir.parent) as tmp,
        tempfile.TemporaryFile(mode="w+", encoding="utf-8") as said,
    ):
        if len(shards) == 1:
            commands = [pagefind_command(site_dir, PAGES[directory_urls], bundle)]
        else:  # each shard a folder of links to its pages, at the same paths
            commands = []
            for number, shard in enumerate(shards):
                folder = Path(tmp) / f"pages-{number + 1}"
                for path in shard:
                    _link(site_dir / path, folder / path)
                commands.append(pagefind_command(folder, "**/*.html", bundle / shard_folder(number)))
        if Indexing(commands, said, lambda: _write_shards(bundle, len(shards))).wait() != 0:
            said.seek(0)
            raise SearchIndexError("Pagefind did not index the site:\n" + said.read().strip())


def _content_size(page: Path) -> int:
    """The bytes of what Pagefind reads of a built page: its ``<article>``."""
    html = page.read_bytes()
    start, end = html.find(b"<" + CONTENT.encode()), html.rfind(b"</" + CONTENT.encode())
    return end - start if 0 <= start < end else len(html)


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
