"""While the check finds errors, every page of `site-builder serve` shows them at its top, as the
terminal prints them, until the records are fixed."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from htmltools import Page
from site_builder.diagnostics import error, warning
from site_builder.publish import preview
from site_builder.publish.preview_server import HOOKS, dirty_build_notice_hidden
from site_builder.publish.problem_banner import banner_html, problem_line, with_banner

GOOD_QUOTE = "quote: The harbour opened in 1851 after “years of delay.”"
BROKEN_QUOTE = "quote: The harbour opened in 1852 after “years of delay.”"
PAGE = '<!doctype html>\n<html lang="en"><head><title>T</title></head>\n<body dir="ltr">\n<h1>T</h1>\n</body></html>\n'


def banner_items(page: str) -> list[str]:
    """The text of each item of the banner's list, as a reader sees it."""
    start = page.index('<section class="site-builder-errors"')
    section = page[start : page.index("</section>", start) + len("</section>")]
    return [
        html.unescape(item.split("</li>")[0]).replace("<code>", "").replace("</code>", "")
        for item in section.split("<li>")[1:]
    ]


def test_the_banner_lists_each_error_as_the_terminal_prints_it_escaped_and_announced():
    hostile = error("schema", "factsheets/x.yml", 4, "unknown key '<script>alert(1)</script>'", column=5)
    problems = [hostile, error("yaml-syntax", "factsheets/y.yml", None, "not valid YAML & more")]
    banner = banner_html([*problems, warning("source-unpinned", "seeds/a.yml", 1, "no pin")])
    page = Page(with_banner(PAGE, banner))
    assert not page.unbalanced and "script" not in page.tags
    assert 'role="alert"' in banner
    assert banner_items(banner) == [problem_line(x) for x in problems]
    assert banner_items(banner)[0] == "factsheets/x.yml:4:5: error[schema]: unknown key '<script>alert(1)</script>'"


def test_a_page_is_given_the_latest_banner_and_none_once_fixed():
    first = banner_html([error("schema", "factsheets/x.yml", 4, "first")])
    second = banner_html([error("schema", "factsheets/x.yml", 5, "second")])
    shown = with_banner(with_banner(PAGE, first), second)
    assert shown.index("<body") < shown.index("second") < shown.index("<h1>")
    assert "first" not in shown
    assert with_banner(shown, "") == PAGE
    assert banner_html([warning("source-unpinned", "seeds/a.yml", 1, "no pin")]) == ""


def build_preview(root: Path, site_dir: Path) -> None:
    """One build of the preview, as `site-builder serve` runs MkDocs for each rebuild."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), hooks=list(HOOKS))
    with dirty_build_notice_hidden():
        build(config, dirty=True)


@pytest.fixture
def served(harbour, monkeypatch):
    """The harbour project with a broken quote, its preview started as `serve` starts it."""
    from site_builder.publish.mkdocs_build import read_config

    monkeypatch.setattr(preview, "current", None)
    harbour.mkdocs()
    root = harbour.root.resolve()
    record = root / "factsheets" / "harbour.yml"
    record.write_text(record.read_text("utf-8").replace(GOOD_QUOTE, BROKEN_QUOTE), "utf-8")
    site = read_config(root)
    preview.start(root, site.settings, site.docs_dir)
    return root


def test_every_page_shows_the_errors_until_the_records_are_fixed(served, tmp_path):
    site_dir = tmp_path / "served"
    record = served / "factsheets" / "harbour.yml"
    line = 1 + next(i for i, text in enumerate(record.read_text("utf-8").splitlines()) if BROKEN_QUOTE in text)
    build_preview(served, site_dir)
    pages = sorted(site_dir.rglob("index.html"))
    assert len(pages) > 3
    for page in pages:
        items = banner_items(page.read_text("utf-8"))
        assert len(items) == 1 and items[0].startswith(f"factsheets/harbour.yml:{line}:"), page

    record.write_text(record.read_text("utf-8").replace(BROKEN_QUOTE, GOOD_QUOTE), "utf-8")
    build_preview(served, site_dir)  # renders again only the pages the fix changed
    assert sorted(site_dir.rglob("index.html")) == pages
    for page in pages:
        assert "site-builder-errors" not in page.read_text("utf-8"), page

    people = served / "factsheets" / "people.yml"
    people.write_text(people.read_text("utf-8").replace("first master", "first mayor"), "utf-8")
    build_preview(served, site_dir)  # a new error after a good rebuild
    build_preview(served, site_dir)  # and a rebuild with no record changed
    for page in pages:
        [item] = banner_items(page.read_text("utf-8"))
        assert item.startswith("factsheets/people.yml:"), page
