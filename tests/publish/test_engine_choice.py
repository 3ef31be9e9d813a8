"""`build --engine` and `extra.engine` of mkdocs.yml choose the site engine; an engine that does not
exist or is not installed is refused before anything is built."""

from __future__ import annotations

from conftest import skip_unless_engine
from htmltools import Page
from site_builder.publish.engines import ENGINES


def test_an_unknown_engine_is_refused_and_the_engines_named(harbour, run_cli):
    harbour.mkdocs()
    result = run_cli("build", "--root", str(harbour.root), "--engine", "no-such-engine")
    assert result.code == 1
    assert "no-such-engine" in result.err
    assert all(name in result.err for name in ENGINES)
    assert not (harbour.root / "site").exists()


def test_the_config_chooses_the_engine(harbour, run_cli):
    harbour.mkdocs()
    config = harbour.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  engine: no-such-engine\n", encoding="utf-8")
    result = run_cli("build", "--root", str(harbour.root))
    assert result.code == 1
    assert "no-such-engine" in result.err


def test_the_option_overrides_the_config(harbour, run_cli):
    harbour.mkdocs()
    config = harbour.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "extra:\n  engine: no-such-engine\n", encoding="utf-8")
    result = run_cli("build", "--root", str(harbour.root), "--engine", "mkdocs")
    assert result.code == 0, result.err
    assert (harbour.root / "site" / "index.html").exists()


def test_zensical_publishes_the_generated_pages_and_their_search_index(harbour, run_cli):
    skip_unless_engine("zensical")
    harbour.mkdocs()
    result = run_cli("build", "--root", str(harbour.root), "--engine", "zensical")
    assert result.code == 0, result.err
    site = harbour.root / "site"
    sheet = Page((site / "sheets" / "people" / "index.html").read_text(encoding="utf-8"))
    assert "Ann Lee was the first harbour master." in sheet.text
    assert (site / "pagefind" / "pagefind.js").is_file()
    assert [p.name for p in harbour.root.glob(".mkdocs.yml.*")] == []  # its config for the build is gone


def test_an_engine_that_runs_no_hook_is_refused_for_a_site_with_hooks(harbour, run_cli):
    skip_unless_engine("zensical")
    config = harbour.mkdocs()
    config.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - stamp.py\n", encoding="utf-8")
    (harbour.root / "stamp.py").write_text("def on_page_content(html, **kwargs):\n    return html\n")
    result = run_cli("build", "--root", str(harbour.root), "--engine", "zensical")
    assert result.code == 1
    assert "stamp.py" in result.err and "--engine mkdocs" in result.err
    assert not (harbour.root / "site").exists()
