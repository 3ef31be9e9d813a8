"""Time ``site-builder add-source`` on a 1 MB web page and a 100-page two-column PDF.

Run ``python benchmarks/add_source.py [--runs 3]`` (the PDF is drawn with reportlab, a development
dependency). For each document it prints the median, over the runs, of the whole command as a user
runs it (a new process: start-up, imports, extraction, writing) and of the work alone, in process.
Targets: under 2 s for the page, under 10 s for the PDF.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests" / "ingest" / "fixtures"))

from make_fixtures import two_column_pdf

from site_builder.ingest import AddOptions, add_source

WORDS = [
    "the",
    "council",
    "harbour",
    "channel",
    "dredging",
    "fleet",
    "ferry",
    "vote",
    "money",
    "storm",
    "sand",
    "wall",
    "work",
    "week",
    "year",
    "inspection",
    "crane",
    "engineer",
    "record",
    "owner",
    "service",
    "deadline",
    "port",
    "cost",
    "comment",
    "request",
    "signature",
    "brake",
    "wear",
    "age",
    "use",
]


def prose(rng: random.Random, count: int) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90))).capitalize() + "." for _ in range(count)]


def web_page(rng: random.Random, size: int = 1_000_000) -> bytes:
    nav = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(200))
    body, length = [], 0
    while length < size:
        paragraph = f"<p>{prose(rng, 1)[0]}</p>\n"
        body.append(paragraph)
        length += len(paragraph)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A long report</title></head><body>'
        f"<nav><ul>{nav}</ul></nav><article><h1>A long report</h1>{''.join(body)}</article>"
        '<aside class="related">Related stories</aside><footer>Footer</footer></body></html>'
    ).encode()


def timed(target: Path, runs: int) -> tuple[float, float]:
    command, work = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "seeds").mkdir()
            (root / "factsheets").mkdir()
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "site_builder", "add-source", str(target), "--root", str(root)],
                check=True,
                capture_output=True,
            )
            command.append(time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            (root / "seeds").mkdir()
            (root / "factsheets").mkdir()
            started = time.perf_counter()
            add_source(str(target), root, AddOptions())
            work.append(time.perf_counter() - started)
    return statistics.median(command), statistics.median(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(10)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_bytes(web_page(rng))
        pdf = Path(folder) / "report.pdf"
        pdf.write_bytes(two_column_pdf(prose(rng, 1000), 100, 1, "Benchmark Register / Rules and Regulations"))
        print(f"{'document':<34} {'size':>9} {'command':>9} {'work':>9}")
        for label, path in (("web page, 1 MB", page), ("PDF, 100 pages, two columns", pdf)):
            command, work = timed(path, args.runs)
            print(f"{label:<34} {path.stat().st_size / 1e6:>7.2f}MB {command:>8.2f}s {work:>8.2f}s")


if __name__ == "__main__":
    main()
