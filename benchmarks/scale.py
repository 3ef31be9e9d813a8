"""Benchmark: check, generate and publish a synthetic project of many sheets and sources.

Run it as a script (it is not a test): ``python benchmarks/scale.py [SHEETS] [SOURCES]``.
It prints how long each stage takes, so that a change that makes a stage grow faster than the
project can be seen.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from site_builder.check.run import check
from site_builder.publish.mkdocs_build import publish, read_config
from site_builder.render.generate import generate

WORDS = [
    "harbour",
    "council",
    "bridge",
    "vote",
    "river",
    "mayor",
    "ship",
    "town",
    "market",
    "grain",
    "winter",
    "summer",
    "road",
    "school",
    "church",
    "mill",
    "letter",
    "report",
    "budget",
    "tax",
    "court",
    "street",
    "north",
    "south",
    "east",
    "west",
]


def make_project(root: Path, sheets: int, sources: int, facts_per_sheet: int = 5) -> None:
    rng = random.Random(1)
    (root / "seeds").mkdir()
    (root / "factsheets").mkdir()
    texts = []
    for i in range(sources):
        paragraphs = [" ".join(rng.choices(WORDS, k=60)) + f" item{i}x{p}." for p in range(20)]
        text = "\n\n".join(paragraphs) + "\n"
        texts.append(text)
        (root / "seeds" / f"src-{i:05d}.txt").write_text(text, encoding="utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()
        (root / "seeds" / f"src-{i:05d}.yml").write_text(f"title: Source {i}\nsha256: {digest}\n", encoding="utf-8")
    for s in range(sheets):
        lines = [f"title: Sheet {s}", f"tags: [tag-{s % 50}]", "facts:"]
        for f in range(facts_per_sheet):
            k = rng.randrange(sources)
            p = rng.randrange(20)
            quote = " ".join(texts[k].split("\n\n")[p].split(" ")[-5:]).strip()
            lines += [
                f"  - id: fact-{f}",
                f"    statement: Statement {s}-{f}.",
                "    citations:",
                f"      - source: src-{k:05d}",
                f"        quote: '{quote}'",
            ]
            if f:
                lines.append(f"    related: ['#fact-{f - 1}']")
        (root / "factsheets" / f"sheet-{s:05d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")


def main() -> None:
    sheets = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    sources = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_project(root, sheets, sources)
        began = time.perf_counter()
        report = check(root)
        checked = time.perf_counter()
        site = read_config(root)
        generate(report, site.docs_dir)
        generated = time.perf_counter()
        publish(site)
        published = time.perf_counter()
        pages = sum(1 for _ in site.site_dir.rglob("*.html"))
        print(
            f"{sheets} sheets, {sources} sources, {len(report.citations)} citations, "
            f"{report.errors} errors, {report.warnings} warnings, {pages} HTML pages"
        )
        print(
            f"check {checked - began:.2f} s · generate {generated - checked:.2f} s · "
            f"mkdocs build {published - generated:.2f} s"
        )


if __name__ == "__main__":
    main()
