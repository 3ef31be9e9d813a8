"""Benchmark: does a site of 1,000, 10,000 (and, on request, 100,000) facts stay fast to check,
build, preview and search?

Run it as a script (it is not a test)::

    .venv/bin/python benchmarks/scale.py            # 1k and 10k facts
    .venv/bin/python benchmarks/scale.py --100k     # and 100k facts (long: a 30,000-page build)
    .venv/bin/python benchmarks/scale.py --sizes 1k # one size only
    .venv/bin/python benchmarks/scale.py --sizes 10k --check-only  # the check's figures alone

It makes synthetic projects (sheets of 5 facts, sources of 12 paragraphs of 60 words) and prints
each figure next to its target, with ratios measured in the same run so that the machine's speed
and load cancel out: ``check`` against a floor (reading every file, parsing it with libyaml's C
loader and ``str.find`` for each quote, in a process of its own), ``build`` against ``mkdocs
build`` alone on the same generated Markdown (and against its own engine step, MkDocs in the
runner ``build`` starts, to show what checking, generating and indexing add; Zensical's build of the
same Markdown is printed beside it), the search in Chromium. Every command runs as a
user runs it, in a process of its own; peak memory is the largest resident size of the process
and of the processes it starts.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CHROMIUM = "/usr/bin/chromium"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

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
SIZES = {"1k": (200, 100), "10k": (2000, 1000), "100k": (20000, 10000)}  # sheets, sources
PARAGRAPHS = 12

FLOOR = """
import sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
texts = {p.stem: p.read_bytes().decode("utf-8") for p in sorted((root / "seeds").glob("*.txt"))}
for p in sorted((root / "seeds").glob("*.yml")):
    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)
for p in sorted((root / "factsheets").glob("*.yml")):
    for fact in yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)["facts"]:
        for c in fact["citations"]:
            assert texts[c["source"]].find(c["quote"]) >= 0
"""


def make_project(root: Path, sheets: int, sources: int, facts_per_sheet: int = 5) -> None:
    rng = random.Random(1)
    (root / "seeds").mkdir(parents=True)
    (root / "factsheets").mkdir()
    paragraphs_of = []
    for i in range(sources):
        paragraphs = [" ".join(rng.choices(WORDS, k=60)) + f" item{i}x{p}." for p in range(PARAGRAPHS)]
        paragraphs_of.append(paragraphs)
        data = ("\n\n".join(paragraphs) + "\n").encode()
        (root / "seeds" / f"src-{i:05d}.txt").write_bytes(data)
        meta = f"title: Source {i}\nsha256: {hashlib.sha256(data).hexdigest()}\n"
        (root / "seeds" / f"src-{i:05d}.yml").write_text(meta, encoding="utf-8")
    for s in range(sheets):
        lines = [f"title: Sheet {s}", f"tags: [tag-{s % 50}]", "facts:"]
        for f in range(facts_per_sheet):
            k, p = rng.randrange(sources), rng.randrange(PARAGRAPHS)
            quote = " ".join(paragraphs_of[k][p].split(" ")[-5:])
            lines += [
                f"  - id: fact-{f}",
                f"    statement: Statement s{s}f{f}.",  # no number: a statement's numbers must stand in its quotes
                "    citations:",
                f"      - source: src-{k:05d}",
                f"        quote: '{quote}'",
            ]
            if f:
                lines.append(f"    related: ['#fact-{f - 1}']")
        (root / "factsheets" / f"sheet-{s:05d}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")


def run(command: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Seconds taken and peak resident memory (KiB, largest process of its tree) of a command.

    The disk is settled first: files written or removed before (a project made, a build cleaned)
    are flushed, and their freed blocks given back, before the clock starts, not while it runs."""
    os.sync()
    began = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    errors = threading.Thread(target=process.stderr.read, daemon=True)  # never block on a full pipe
    errors.start()
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - began
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    if code not in (0, 1):  # 1: problems found, which a check may report
        raise SystemExit(f"{' '.join(command)} failed with exit code {code}")
    return took, usage.ru_maxrss


def removed(root: Path) -> None:
    """Wait until the folders a build hands over for removal are gone, so that their removal is not
    measured as part of the next command."""
    while list(root.glob(".site.trash-*")):
        time.sleep(0.1)


def best(command: list[str], times: int = 3, cwd: Path | None = None) -> float:
    return min(run(command, cwd)[0] for _ in range(times))


def runner_build(root: Path, site: Path) -> float:
    """Seconds that ``site-builder build``'s engine step alone takes (MkDocs started by its runner)."""
    from site_builder.publish.engines import ENGINES

    mkdocs = ENGINES["mkdocs"]
    with mkdocs.build_arguments(root / "mkdocs.yml", site) as arguments:
        os.sync()
        began = time.perf_counter()
        subprocess.run(
            [PYTHON, "-m", "site_builder.publish.engines.runner", mkdocs.module, *mkdocs.preload],
            input=json.dumps(arguments),
            text=True,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=True,
        )
        return time.perf_counter() - began


def zensical_build(root: Path, site: Path, clean: bool) -> float | None:
    """Seconds of ``zensical build`` of the same Markdown (``clean``: without its cache), or None if
    Zensical is not installed. It takes its output folder from a config file only."""
    from site_builder.publish.engines.derived_config import with_site_dir

    if shutil.which("zensical", path=str(Path(PYTHON).parent)) is None:
        return None
    with with_site_dir(root / "mkdocs.yml", site) as config:
        command = [PYTHON, "-m", "zensical", "build", "--strict", "--config-file", str(config)]
        return run(command + (["--clean"] if clean else []), root)[0]


OWN_WORK = """
import sys, tempfile
from pathlib import Path
from site_builder.check.checker import CheckOptions
from site_builder.check.run import check
from site_builder.publish.mkdocs_build import index_pages_folder, read_config
from site_builder.publish.search_index import start_indexing
from site_builder.render.generate import write_site
from site_builder.render.search_pages import search_pages
from site_builder.render.views import SiteView
root = Path(sys.argv[1])
site = read_config(root)
view = SiteView.of(check(root, CheckOptions()), site.settings)
write_site(view, site.docs_dir)
with tempfile.TemporaryDirectory(dir=sys.argv[2]) as out, tempfile.TemporaryFile(mode="w+") as said:
    assert start_indexing(search_pages(view), index_pages_folder(site.site_dir), Path(out), said).wait() == 0
"""


def site_builder(*args: str) -> list[str]:
    return [PYTHON, "-m", "site_builder", *args]


def set_aside(root: Path, *names: str) -> None:
    """Move the folders ``names`` of ``root`` out of the project, kept until the benchmark ends.

    Not removed: on a file system without a journal (ext4 in no-journal mode, as on some virtual
    machines), creating a file looks past every inode freed in the last minutes, so a build that
    follows the removal of the previous one's 15,000 files would be measured at a cost that a
    user's first build, or CI's on a clean clone, does not pay."""
    aside = Path(tempfile.mkdtemp(prefix="aside-", dir=root.parent))
    for name in names:
        if (root / name).exists():
            (root / name).rename(aside / name)


def clean(root: Path) -> None:
    set_aside(root, "build", "site", ".site-builder-cache", ".site.index")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_until(url: str, wanted: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if wanted in html.unescape(response.read().decode("utf-8")):
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} never showed {wanted!r}")


def serve_latency(root: Path, edits: int = 3) -> list[float]:
    """Seconds from saving an edited statement until the preview serves it."""
    port = free_port()
    server = subprocess.Popen(
        site_builder("serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}"),
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/sheets/sheet-00007/"
        fetch_until(url, "Statement s7f2.", timeout=900)
        record = root / "factsheets" / "sheet-00007.yml"
        original = record.read_text(encoding="utf-8")
        took = []
        for n in range(edits):
            time.sleep(1.5)  # let the previous rebuild settle
            statement = f"Statement s7f2, edited {'abcdefghij'[n]}."
            began = time.perf_counter()
            record.write_text(original.replace("Statement s7f2.", statement), encoding="utf-8")
            fetch_until(url, statement, timeout=300)
            took.append(time.perf_counter() - began)
        record.write_text(original, encoding="utf-8")
        return took
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def search_figures(site: Path, word: str) -> dict[str, float]:
    """In Chromium: bytes fetched from opening the search to the first result, the time until the
    index is ready once search is opened on a loaded page, and until the first result once typed."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            fetched: list[int] = []
            outside: list[str] = []

            def finished(request) -> None:
                response = request.response()
                fetched.append(len(response.body()) if response else 0)
                if not request.url.startswith(base):
                    outside.append(request.url)

            page.on("requestfinished", finished)
            page.goto(base + "sheets/", wait_until="load")
            page.wait_for_load_state("networkidle")
            before = len(fetched)
            began = time.perf_counter()
            page.keyboard.press("/")
            page.wait_for_selector("html[data-sb-search=ready]")
            ready = time.perf_counter() - began
            page.locator("input.sb-search__input").fill(word)
            began = time.perf_counter()
            page.locator(".sb-search__result").first.wait_for()
            first = time.perf_counter() - began
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    if outside:
        raise SystemExit(f"the search fetched from outside the site: {outside}")
    return {"bytes": sum(fetched[before:]), "ready": ready, "first": first}


def row(what: str, figure: str, target: str, ok: bool | None) -> None:
    print(f"| {what} | {figure} | {target} | {'—' if ok is None else 'yes' if ok else 'NO'} |")


def measure(size: str, workdir: Path, *, serve: bool, search: bool, check_only: bool = False) -> None:
    sheets, sources = SIZES[size]
    root = workdir / size
    make_project(root, sheets, sources)
    facts = sheets * 5
    print(f"\n### {facts:,} facts: {sheets:,} sheets of 5 facts, {sources:,} sources of {PARAGRAPHS} paragraphs\n")
    print("| what | measured | target | met |\n|---|---|---|---|")

    floor = best([PYTHON, "-c", FLOOR, str(root)])
    cold = best(site_builder("check", "--root", str(root), "--no-cache"))
    targeted = facts == 10_000  # the targets of check, build and search are set at 10k facts

    def goal(target: str, met: bool) -> tuple[str, bool | None]:
        return (target, met) if targeted else ("(set at 10k)", None)

    row(
        "`site-builder check` (no cache) vs the floor",
        f"{cold:.2f} s vs {floor:.2f} s: {cold / floor:.2f}×",
        *goal("≤ 2 s and ≤ 2× the floor", cold <= 2 and cold <= 2 * floor),
    )
    firsts = []
    for _ in range(3):
        set_aside(root, ".site-builder-cache")
        firsts.append(run(site_builder("check", "--root", str(root)))[0])
    first = min(firsts)
    second = best(site_builder("check", "--root", str(root)))
    row(
        "`site-builder check` again, nothing changed (read from the cache) vs the floor",
        f"{second:.2f} s: {second / floor:.2f}×",
        *goal("≤ 2 s and ≤ 2× the floor", second <= 2 and second <= 2 * floor),
    )
    row(
        "`site-builder check` first with a cache (writes it) vs the floor",
        f"{first:.2f} s: {first / floor:.2f}×",
        "(none: once)",
        None,
    )
    if check_only:
        return

    times = 3 if facts <= 10_000 else 1  # as many runs of each command, the best of each compared
    builds, plain, engine = [], [], []
    for n in range(times):  # one of each in turn: a drift of the machine's speed weighs on each alike
        clean(root)
        builds.append(run(site_builder("build", "--root", str(root))))
        removed(root)
        mkdocs_build = [
            PYTHON,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--site-dir",
            str(workdir / f"mkdocs-{n}"),
        ]
        plain.append(run(mkdocs_build, root)[0])
        engine.append(runner_build(root, workdir / f"runner-{n}"))
    build, memory = min(took for took, _ in builds), max(peak for _, peak in builds)
    mkdocs, runner = min(plain), min(engine)
    row(
        "`site-builder build` (fresh) vs `mkdocs build` alone on the same Markdown",
        f"{build:.1f} s vs {mkdocs:.1f} s: {build / mkdocs:.2f}×",
        *goal("≤ 1.15×", build <= 1.15 * mkdocs),
    )
    row(
        "what the project adds to a fresh `build` (`build` less its engine step alone) vs `mkdocs build`",
        f"{build - runner:.1f} s: {(build - runner) / mkdocs:.2f}×",
        "(none)",
        None,
    )
    row(
        "the engine step alone (MkDocs started by `build`'s runner) vs `mkdocs build`",
        f"{runner:.1f} s: {runner / mkdocs:.2f}×",
        "(none)",
        None,
    )
    # Inside the project, as Zensical requires. Its cache serves a build into the same folder only:
    # `build --engine zensical` builds into a fresh folder each time, so it builds as the cold one.
    cold_zensical = zensical_build(root, root / ".zensical", clean=True)
    if cold_zensical is not None:
        warm_zensical = zensical_build(root, root / ".zensical", clean=False)
        assert warm_zensical is not None
        row(
            "`zensical build` of the same Markdown (its own theme), cold / again into the same folder, vs `mkdocs build`",
            f"{cold_zensical:.1f} s / {warm_zensical:.1f} s: {cold_zensical / mkdocs:.2f}× / {warm_zensical / mkdocs:.2f}×",
            "(none: beside it)",
            None,
        )
    agains = []
    for _ in range(times):
        agains.append(run(site_builder("build", "--root", str(root)))[0])
        removed(root)
    again = min(agains)
    row(
        "`site-builder build` again (cache and Markdown in place) vs `mkdocs build`",
        f"{again:.1f} s: {again / mkdocs:.2f}×",
        *goal("≤ 1.15×", again <= 1.15 * mkdocs),
    )
    owns = []
    for _ in range(times):
        set_aside(root, "build", ".site-builder-cache", ".site.index")  # fresh, as for the first build
        owns.append(run([PYTHON, "-c", OWN_WORK, str(root), str(workdir)])[0])
    own = min(owns)
    row(
        "the project's own work alone, fresh (check + generate + search index, one after the other) vs `mkdocs build`",
        f"{own:.1f} s vs {mkdocs:.1f} s: {own / mkdocs:.2f}×",
        *goal("≤ 0.35×", own <= 0.35 * mkdocs),
    )
    row(
        f"peak memory of `site-builder build`, {facts:,} facts",
        f"{memory / 1024:.0f} MiB",
        "≤ 1 GiB",
        memory <= 1024 * 1024,
    )
    if search:
        found = search_figures(root / "site", "item5x3")
        row(
            "search: bytes fetched from opening it to the first result",
            f"{found['bytes'] / 1000:.0f} KB",
            *goal("≤ 300 KB", found["bytes"] <= 300_000),
        )
        row(
            "search: index ready after opening it on a loaded page / first result after typing",
            f"{found['ready'] * 1000:.0f} ms / {found['first'] * 1000:.0f} ms",
            *goal("≤ 0.5 s / ≤ 1 s", found["ready"] <= 0.5 and found["first"] <= 1),
        )
    if serve:
        took = serve_latency(root)
        row(
            "`site-builder serve`: one statement edited, until the preview shows it (median of 3)",
            f"{statistics.median(took):.2f} s (each: {', '.join(f'{t:.2f}' for t in took)})",
            "≤ 3 s",
            statistics.median(took) <= 3,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", choices=sorted(SIZES), default=["1k", "10k"])
    parser.add_argument("--100k", dest="hundred", action="store_true", help="also measure 100,000 facts")
    parser.add_argument("--check-only", action="store_true", help="measure `site-builder check` alone")
    args = parser.parse_args()
    sizes = args.sizes + (["100k"] if args.hundred and "100k" not in args.sizes else [])
    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average {os.getloadavg()[0]:.1f} at the start"
    )
    with tempfile.TemporaryDirectory(prefix="site-builder-scale-") as tmp:
        for size in sizes:
            measure(size, Path(tmp), serve=size == "10k", search=size != "1k", check_only=args.check_only)


if __name__ == "__main__":
    main()
