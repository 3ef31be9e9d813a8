"""Benchmark: what a pull request's CI does on a large project, and how large its summary gets.

Run it as a script (it is not a test): ``python benchmarks/pull_request.py [SHEETS] [CHANGED]``.
A synthetic project (from ``scale.py``) is committed to a temporary git repository; CHANGED sheets
then get a quote with a case slip in every fact. It prints how long ``check --since``, the review
(``diff``), planning the fixes and preparing their edits take, and the size of the Markdown summary.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from scale import make_project

from site_builder.check.changes import changed_files
from site_builder.check.fix_files import prepare
from site_builder.check.fixes import plan_fixes
from site_builder.check.run import check
from site_builder.review import project_at, review
from site_builder.review.markdown import render_markdown


def git(root: Path, *args: str) -> None:
    env = {"GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@b", "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@b"}
    subprocess.run(
        ["git", "-C", str(root), *args], check=True, capture_output=True, env={**env, "PATH": "/usr/bin:/bin"}
    )


def timed(label: str, work):
    start = time.perf_counter()
    result = work()
    print(f"{label:<28} {time.perf_counter() - start:7.2f} s")
    return result


def main(sheets: int, changed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_project(root, sheets, max(sheets // 5, 1))
        git(root, "init", "-q")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "start")
        for path in sorted((root / "factsheets").glob("*.yml"))[:changed]:
            text = path.read_text(encoding="utf-8")
            path.write_text(re.sub(r"(quote: ')(\w)", lambda m: m[1] + m[2].swapcase(), text), encoding="utf-8")
        print(f"{sheets} sheets, {sheets * 5} facts; {changed} sheets changed ({changed * 5} quotes with a case slip)")
        report = timed("check --since HEAD", lambda: check(root, since="HEAD"))
        files = changed_files(root, "HEAD")
        old = timed("load the changed files then", lambda: project_at(root, "HEAD", files)[0])
        result = timed("compare", lambda: review(old, report.project, report, "HEAD", files))
        text = timed("render the summary", lambda: render_markdown(result))
        fixes = timed("plan the fixes", lambda: plan_fixes(report))
        files = timed("prepare their edits", lambda: prepare(root, [f for f in fixes if f.safety == "safe"]))
        print(f"errors: {report.errors}; safe fixes: {sum(len(f.applied) for f in files)} of {len(fixes)}")
        print(f"summary: {len(text.encode('utf-8')):,} bytes (GitHub's limit: 1,048,576)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000, int(sys.argv[2]) if len(sys.argv) > 2 else 200)
