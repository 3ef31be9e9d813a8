"""The built site passes the Nu HTML Checker (vnu.jar) with no error in the markup it generates.

vnu.jar comes from the npm package ``vnu-jar``, pinned in ``package-lock.json`` and installed by
``npm ci --ignore-scripts`` (``.ci/run``); it needs Java. Without either the test is skipped,
except in CI (the ``CI`` variable is set), where it fails.

The theme's own markup is set aside, and only it: Material's hidden checkbox toggles
(``<input class="md-toggle" … autocomplete="off">``) and the labels that point at them
(``<label … for="__drawer|__search|__toc">``), which the checker reports on every page.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
THEME_MARKUP = re.compile(
    r'<input class="md-toggle"[^>]*\bautocomplete="off"|<label\b[^>]*\bfor="__(?:drawer|search|toc)"'
)


def checker() -> list[str]:
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        reason = "the Nu HTML Checker needs Java and node_modules/vnu-jar (npm ci --ignore-scripts)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; it must run in CI")
        pytest.skip(reason)
    return [java, "-Xss1024k", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only"]


def errors(*paths: Path) -> list[dict]:
    """The checker's errors for these files or folders, the theme's own markup set aside."""
    run = subprocess.run([*checker(), *map(str, paths)], capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [m for m in messages if not THEME_MARKUP.search(m.get("extract", ""))]


def test_every_page_of_the_site_is_valid_html(built_site):
    site = built_site / "site"
    assert len(list(site.rglob("*.html"))) > 10
    found = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors(site)]
    assert found == []


def test_an_error_in_the_generated_content_is_not_set_aside(built_site, tmp_path):
    page = next((built_site / "site" / "sheets").glob("*/index.html")).read_text("utf-8")
    broken = page.replace("<article", '<p id="twice"></p><p id="twice"></p><article', 1)
    (tmp_path / "index.html").write_text(broken, "utf-8")
    assert [m.get("extract", "") for m in errors(tmp_path)] != []
