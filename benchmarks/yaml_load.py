"""Time reading YAML records: the records of a 10,000-fact project, records too large for the
quick depth bound (so their depth is measured on the parser's events first), and hostile texts.

Run ``python benchmarks/yaml_load.py``. Each figure is the best of several runs, in seconds, of
:func:`site_builder.load.yamlio.parse_yaml` over texts already in memory; it prints figures and
asserts nothing about time.
"""

from __future__ import annotations

import contextlib
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import SIZES, make_project

from site_builder.load.yaml_depth import MAX_DEPTH, surely_within
from site_builder.load.yaml_errors import YamlError
from site_builder.load.yamlio import parse_yaml


def best(work: Callable[[], object], times: int = 7) -> float:
    took = []
    for _ in range(times):
        began = time.perf_counter()
        work()
        took.append(time.perf_counter() - began)
    return min(took)


def parse_all(texts: list[str]) -> None:
    for text in texts:
        with contextlib.suppress(YamlError):  # the hostile texts are refused
            parse_yaml(text)


def large_record(facts: int) -> str:
    """A sheet of ``facts`` facts, each with flow lists: too many ``[`` for the quick bound."""
    lines = ["title: Large", "tags: [a, b]", "facts:"]
    for f in range(facts):
        lines += [
            f"  - id: fact-{f}",
            f"    statement: Statement {f}.",
            "    tags: [harbour, council]",
            "    citations:",
            "      - source: src-00001",
            f"        quote: 'words of quote {f} [sic]'",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    gc.disable()  # as while loading a project (see load/project.py)
    with tempfile.TemporaryDirectory(prefix="site-builder-yaml-") as tmp:
        root = Path(tmp)
        make_project(root, *SIZES["10k"])
        texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*/*.yml"))]
    bounded = sum(surely_within(text, MAX_DEPTH) for text in texts)
    print(f"10,000 facts: {len(texts)} records, {bounded} known shallow from the bound")
    print(f"  parse every record: {best(lambda: parse_all(texts)):.3f} s")
    large = [large_record(1000)] * 10
    print(
        f"10 records of 1,000 facts with flow lists ({sum(map(len, large)) / 2**20:.1f} MiB, depth measured on events)"
    )
    print(f"  parse every record: {best(lambda: parse_all(large)):.3f} s")
    hostile = {
        "1 MiB of [ (libyaml refuses it itself; told by PyYAML's parser)": "a: " + "[" * 2**20,
        "3,000 nested block mappings": "".join("  " * i + "a:\n" for i in range(3000)),
        "1 MiB of flow lists 40 deep": "a: [" + ", ".join(["[" * 39 + "x" + "]" * 39] * 13_000) + "]\n",
    }
    for name, text in hostile.items():
        print(f"{name}: {best(lambda text=text: parse_all([text]), times=3):.3f} s")


if __name__ == "__main__":
    main()
