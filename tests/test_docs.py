"""The project's own documentation builds as a site, with every link and anchor resolved."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_the_documentation_site_builds_strictly(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-f",
            str(REPO / "docs" / "mkdocs.yml"),
            "--strict",
            "-d",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "diagnostics" / "index.html").is_file()
