"""The built site in a real browser: search, citations followed both ways, phones, screenshots, WCAG.

Playwright drives Debian's Chromium against the repository's own site, served on 127.0.0.1.
Without Chromium these tests are skipped, except in CI (the ``CI`` variable is set), where
they fail: CI must never pass without them.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from collections import Counter
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import REPO
from site_builder.check.run import check

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1000, "height": 750}
PHONE = {"width": 375, "height": 812}
ARTIFACTS = REPO / "test-artifacts"  # git-ignored: every run's screenshots
DOCS_IMAGES = REPO / "docs" / "pages" / "images"  # committed: the screenshots the documentation shows


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        reason = f"Chromium is not installed at {CHROMIUM} (Debian: apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; the browser tests must run in CI")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(built_site / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


class Tab:
    """One page in a fresh browser context that records every request it makes."""

    def __init__(self, browser, base: str, viewport: dict) -> None:
        self.base = base
        self.context = browser.new_context(viewport=viewport)
        self.requests: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()

    def goto(self, path: str):
        self.page.goto(self.base + path, wait_until="load")
        return self.page

    def in_viewport(self, selector: str) -> bool:
        box = self.page.locator(selector).first.bounding_box()
        size = self.page.viewport_size
        return (
            box is not None
            and box["y"] >= 0
            and box["y"] + box["height"] <= size["height"]
            and box["x"] >= 0
            and box["x"] + box["width"] <= size["width"]
        )


@pytest.fixture
def open_tab(browser, site_url):
    tabs: list[Tab] = []

    def open_(viewport: dict = DESKTOP) -> Tab:
        tabs.append(Tab(browser, site_url, viewport))
        return tabs[-1]

    yield open_
    for tab in tabs:
        tab.context.close()


@pytest.fixture(scope="session")
def report(built_site):
    return check(built_site)


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{6,}", text)}


def word_of_one_quote(report):
    """A word that is in one fact's quotes and in no other quote, statement or title."""
    elsewhere: Counter[str] = Counter()
    in_quotes = {}
    for sheet in report.project.sheets:
        elsewhere.update(_words(f"{sheet.title} {sheet.summary or ''}"))
        for fact in sheet.facts:
            elsewhere.update(_words(fact.statement))
            words = _words(" ".join(c.quote for c in fact.citations))
            for word in words:
                in_quotes.setdefault(word, []).append(fact)
    for source in report.project.sources.values():
        elsewhere.update(_words(source.title))
    choices = sorted(w for w, facts in in_quotes.items() if len(facts) == 1 and not elsewhere[w])
    assert choices, "no word is particular to one fact's quote"
    return choices[0], in_quotes[choices[0]][0]


def _search(page, word: str, key: str = "/"):
    """Open the search from the keyboard, as a reader would, and type ``word``."""
    page.locator("body").press(key)
    search = page.locator("input.sb-search__input")
    assert search.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('sb-search__input')")
    search.press_sequentially(word, delay=20)
    page.locator(".sb-search__result").first.wait_for()
    return search


def test_search_finds_a_fact_by_a_word_of_its_quote_and_highlights_it(open_tab, report):
    word, fact = word_of_one_quote(report)
    sheet = report.project.sheet(fact.sheet)
    tab = open_tab()
    page = tab.goto("")
    _search(page, word)
    result = page.locator(f'a.sb-search__link[href*="sheets/{fact.sheet}/"][href$="#{fact.id}"]')
    assert result.count() == 1
    assert " ".join(result.inner_text().split()) == f"{fact.statement} · {sheet.title}"
    result.click()
    page.wait_for_url(re.compile(rf"/sheets/{re.escape(fact.sheet)}/\?pagefind-highlight={word}#{re.escape(fact.id)}$"))
    assert urlsplit(page.url).fragment == fact.id
    assert page.locator(f"h2#{fact.id}").is_visible()
    assert tab.in_viewport(f"h2#{fact.id}")
    hits = page.locator("article mark.sb-search-hit")
    hits.first.wait_for()
    assert {text.lower() for text in hits.all_inner_texts()} == {word}


def test_enter_opens_the_passage_that_matched_not_the_top_of_its_page(open_tab, report):
    word, _ = word_of_one_quote(report)
    tab = open_tab()
    page = tab.goto("")
    search = _search(page, word)
    expected = page.locator(".sb-search__result").first.locator("a.sb-search__link").first.get_attribute("href")
    search.press("Enter")
    page.wait_for_url(re.compile(r"#[^#]+$"))
    fragment = urlsplit(page.url).fragment
    assert fragment and expected.endswith("#" + fragment)
    assert tab.in_viewport(f'[id="{fragment}"]')


def test_a_heading_that_wraps_keeps_no_empty_line_for_its_hidden_permalink(open_tab, report):
    """At any width, a title is as tall with its (hidden) ¶ link as without it."""
    sheet = report.project.sheets[0]
    page = open_tab({"width": 320, "height": 700}).goto(f"sheets/{sheet.id}/")
    taller = page.evaluate(
        """() => {
            const heading = document.querySelector("article h1");
            const out = [];
            for (let width = 200; width <= 700; width += 4) {
                heading.style.width = width + "px";
                const link = heading.querySelector(".headerlink");
                const withLink = heading.getBoundingClientRect().height;
                link.style.display = "none";
                const without = heading.getBoundingClientRect().height;
                link.style.display = "";
                if (withLink > without + 1) out.push(width);
            }
            return out;
        }"""
    )
    assert taller == []


@pytest.fixture(scope="session")
def sharded_site_url(built_site, tmp_path_factory):
    """The same site with its search index cut into a shard for each page, as a large site's is."""
    from site_builder.publish import index_search, search_index

    copy = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(built_site / "site", copy)
    shutil.rmtree(copy / "pagefind")
    limit, search_index.SHARD_BYTES = search_index.SHARD_BYTES, 1
    try:
        assert index_search.main([str(copy)]) == 0
    finally:
        search_index.SHARD_BYTES = limit
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(copy)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_search_finds_a_fact_whose_page_is_in_another_shard_of_the_index(browser, sharded_site_url, report):
    word, fact = word_of_one_quote(report)
    tab = Tab(browser, sharded_site_url, DESKTOP)
    try:
        page = tab.goto("")
        _search(page, word)
        page.locator(f'a.sb-search__link[href*="sheets/{fact.sheet}/"][href$="#{fact.id}"]').wait_for()
        shards = {url.split("/pagefind/")[1].split("/")[0] for url in tab.requests if "/pagefind/shard-" in url}
        assert len(shards) > 1  # every shard was searched, not only the first
        assert all(url.startswith(sharded_site_url) for url in tab.requests)
    finally:
        tab.context.close()


def test_search_opens_with_s_shows_results_as_one_types_and_closes_with_escape(open_tab, report):
    word, fact = word_of_one_quote(report)
    page = open_tab().goto(f"sources/{next(iter(report.project.sources))}/")
    search = _search(page, word[:4], key="s")  # results for what is typed so far
    search.press_sequentially(word[4:], delay=20)
    page.locator(f'a.sb-search__link[href$="#{fact.id}"]').wait_for()
    search.press("Escape")
    assert not search.is_visible()
    page.locator("button.sb-search-button").click()
    assert search.is_visible()
    assert search.input_value() == word


def _middle_citation(report):
    located = sorted((r for r in report.citations if r.located), key=lambda r: r.start)
    return located[len(located) // 2]


def test_a_quote_leads_to_its_highlighted_passage_and_back(open_tab, report):
    result = _middle_citation(report)
    fact, c = result.fact, result.citation
    key = f"cite--{fact.sheet}--{fact.id}--{c.index}"
    tab = open_tab()
    page = tab.goto(f"sheets/{fact.sheet}/")
    page.locator(f'a[href$="/sources/{c.source}/#{key}"]').first.click()
    page.wait_for_url(re.compile(rf"/sources/{re.escape(c.source)}/#{key}$"))
    mark = page.locator(f"mark#{key}")
    assert mark.is_visible()
    assert tab.in_viewport(f"mark#{key}"), "the cited passage is scrolled into view"
    assert "sb-current" in (mark.get_attribute("class") or "")
    mark.click()
    page.wait_for_url(re.compile(rf"/sheets/{re.escape(fact.sheet)}/#{fact.id}$"))
    assert page.locator(f"h2#{fact.id}").is_visible()
    assert tab.in_viewport(f"h2#{fact.id}")


def test_no_request_leaves_the_site(open_tab, report, site_url):
    word, _ = word_of_one_quote(report)
    tab = open_tab()
    sheet = report.project.sheets[0]
    source_id = next(iter(report.project.sources))
    tag = sorted(sheet.tags)[0]
    for path in (
        "",
        "sheets/",
        f"sheets/{sheet.id}/",
        "sources/",
        f"sources/{source_id}/",
        "tags/",
        f"tags/{tag}/",
        "warnings/",
    ):
        tab.goto(path)
    page = tab.page
    _search(page, word)
    page.wait_for_load_state("networkidle")
    assert len(tab.requests) > 10
    outside = [url for url in tab.requests if urlsplit(url).hostname != "127.0.0.1" and not url.startswith("data:")]
    assert outside == []
    assert all(url.startswith(site_url) for url in tab.requests if not url.startswith("data:"))


def _visible_text(page) -> str:
    return " ".join(page.locator("article").inner_text().split())


@pytest.mark.parametrize("kind", ["sheet", "source"])
def test_a_phone_shows_the_same_content_without_scrolling_sideways(open_tab, report, kind):
    path = (
        f"sheets/{report.project.sheets[0].id}/"
        if kind == "sheet"
        else f"sources/{next(iter(report.project.sources))}/"
    )
    desktop = open_tab(DESKTOP).goto(path)
    phone = open_tab(PHONE).goto(path)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert _visible_text(phone) == _visible_text(desktop)
    for selector in ("h2.sb-fact", "mark.sb-cite", "blockquote", ".sb-facets"):
        assert phone.locator(selector).count() == desktop.locator(selector).count(), selector


def _save(page, name: str) -> None:
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    ARTIFACTS.mkdir(exist_ok=True)
    image = page.screenshot(path=str(ARTIFACTS / name))
    if os.environ.get("UPDATE_SCREENSHOTS"):  # refresh the README's pictures on purpose only
        DOCS_IMAGES.mkdir(exist_ok=True)
        (DOCS_IMAGES / name).write_bytes(image)


def test_screenshots_of_a_fact_sheet_and_a_source_page(open_tab, report):
    sheet = max(report.project.sheets, key=lambda s: len(s.facts))
    page = open_tab().goto(f"sheets/{sheet.id}/")
    _save(page, "fact-sheet.png")
    # The top of a source page, with a passage of its first paragraph as the one pointed at.
    result = sorted((r for r in report.citations if r.located), key=lambda r: r.start)[1]
    key = f"cite--{result.fact.sheet}--{result.fact.id}--{result.citation.index}"
    page = open_tab().goto(f"sources/{result.citation.source}/#{key}")
    page.evaluate("window.scrollTo(0, 0)")
    _save(page, "source-page.png")
    assert (ARTIFACTS / "fact-sheet.png").stat().st_size > 10_000
    assert (ARTIFACTS / "source-page.png").stat().st_size > 10_000


# WCAG 2.2 AA: axe-core finds no violation on any kind of page. axe-core (MPL-2.0) comes from the
# locked ``axe-playwright-python`` wheel, which ships ``axe.min.js``; it is injected into each page
# and run with every WCAG 2.0, 2.1 and 2.2 rule of levels A and AA.

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
WIDE = {"width": 1280, "height": 800}  # wide enough for Material's header tabs


def axe_script() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


def violations(page) -> list[str]:
    """Each rule axe-core finds broken on the page as it is now, with where and why."""
    page.add_script_tag(content=axe_script())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG_AA
    )
    return [
        f"{v['id']} ({len(v['nodes'])}×): {v['nodes'][0]['target']} {v['nodes'][0]['failureSummary']}"
        for v in result["violations"]
    ]


def every_kind_of_page(report) -> list[str]:
    sheet = max(report.project.sheets, key=lambda s: len(s.facts))
    source = next(iter(report.project.sources))
    tag = sorted(sheet.tags)[0]
    return [
        "",
        "sheets/",
        "sources/",
        "tags/",
        f"sheets/{sheet.id}/",
        f"sources/{source}/",
        f"tags/{tag}/",
        "warnings/",
    ]


@pytest.mark.parametrize("viewport", [WIDE, DESKTOP, PHONE], ids=["wide", "desktop", "phone"])
def test_no_page_violates_wcag_aa(open_tab, report, viewport):
    tab = open_tab(viewport)
    found = {}
    for path in every_kind_of_page(report):
        problems = violations(tab.goto(path))
        if problems:
            found[path or "/"] = problems
    assert found == {}


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["wide", "phone"])
def test_search_results_violate_no_wcag_aa_rule(open_tab, report, viewport):
    word, _ = word_of_one_quote(report)
    page = open_tab(viewport).goto("")
    page.locator("button.sb-search-button").click()  # as a reader opens it with a pointer
    page.locator("input.sb-search__input").press_sequentially(word, delay=20)
    page.locator(".sb-search__result").first.wait_for()
    assert violations(page) == []


def test_the_plain_text_download_reads_right_from_a_host_that_names_no_charset(open_tab, report):
    """Python's http.server sends ``text/plain`` with no charset, as many static hosts do."""
    source = next(iter(report.project.sources.values()))
    page = open_tab().goto(f"sources/{source.id}/")
    with page.expect_response(lambda r: r.url.endswith(f"/sources/{source.id}.txt")) as response:
        page.get_by_role("link", name="plain text").click()
    assert response.value.headers["content-type"] == "text/plain"
    page.wait_for_load_state()
    assert page.evaluate("document.characterSet") == "UTF-8"
    shown = page.evaluate("document.body.textContent")
    assert shown == source.text.text
    assert len(shown) == len(source.text.text)  # the offsets of the exports count these characters
