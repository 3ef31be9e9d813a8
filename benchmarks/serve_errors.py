"""Benchmark: what the error banner of ``site-builder serve`` costs a rebuild of the preview.

Run it as a script (it is not a test)::

    .venv/bin/python benchmarks/serve_errors.py            # 1k and 10k facts
    .venv/bin/python benchmarks/serve_errors.py --sizes 1k

On the synthetic projects of ``scale.py`` (sheets of 5 facts), the preview is started as ``serve``
starts it and rebuilt in this process as MkDocs rebuilds it (dirty builds, the preview's hooks):
after an edited statement, after a broken quote (every page is given the banner) and after the
fix (every page loses it). Each rebuild's time is printed with the two parts the banner adds: the
second check of the project (its citations memoized) and the pages rewritten in the built site.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import make_project

from site_builder.publish import banner_pages, preview
from site_builder.publish.mkdocs_build import read_config
from site_builder.publish.preview_server import HOOKS, dirty_build_notice_hidden

SIZES = {"1k": (200, 100), "10k": (2_000, 1_000)}  # sheets, sources


class Timed:
    """Seconds spent in a function during one rebuild."""

    def __init__(self) -> None:
        self.spent = 0.0

    def wrap(self, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent += time.perf_counter() - began

        return timed


def rebuild(root: Path, site_dir: Path) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    began = time.perf_counter()
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), hooks=list(HOOKS))
    with dirty_build_notice_hidden():
        build(config, dirty=True)
    return time.perf_counter() - began


def measure(size: str, workdir: Path) -> None:
    sheets, sources = SIZES[size]
    root = (workdir / size).resolve()
    make_project(root, sheets, sources)
    site = read_config(root)
    preview.current = None
    preview.start(root, site.settings, site.docs_dir)
    site_dir = workdir / f"{size}-site"
    first = rebuild(root, site_dir)
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    print(f"\n{size} facts ({sheets} sheets, {pages} HTML files): first build {first:.2f} s")

    check, rewrite = Timed(), Timed()
    preview.check_for_banner = check.wrap(preview.check_for_banner)
    banner_pages.BannerPages.bring_up_to_date = rewrite.wrap(banner_pages.BannerPages.bring_up_to_date)
    record = root / "factsheets" / "sheet-00007.yml"
    original = record.read_text(encoding="utf-8")
    quote = original.split("quote: '", 1)[1].split("'", 1)[0]
    edits = [
        ("one statement edited", original.replace("Statement 7-2.", "Statement 7-2, edited.")),
        ("one quote broken: every page given the banner", original.replace(quote, "not " + quote, 1)),
        ("the quote fixed: every page loses the banner", original),
    ]
    print("| rebuild after | whole rebuild | second check | pages rewritten |")
    print("| --- | --- | --- | --- |")
    for what, text in edits:
        time.sleep(0.05)  # a later modification time than the pages built before
        record.write_text(text, encoding="utf-8")
        check.spent = rewrite.spent = 0.0
        took = rebuild(root, site_dir)
        print(f"| {what} | {took:.2f} s | {check.spent:.3f} s | {rewrite.spent:.3f} s |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=["1k", "10k"])
    args = parser.parse_args()
    logging.getLogger("mkdocs.site_builder").setLevel(logging.ERROR)  # each diagnostic, as serve prints it
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
        f"load average {os.getloadavg()[0]:.1f} at the start"
    )
    with tempfile.TemporaryDirectory(prefix="site-builder-serve-errors-") as tmp:
        for size in args.sizes:
            measure(size, Path(tmp))


if __name__ == "__main__":
    main()
