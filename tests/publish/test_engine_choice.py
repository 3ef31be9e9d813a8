"""`build --engine` and `extra.engine` of mkdocs.yml choose the site engine; an engine that does not
exist or is not installed is refused before anything is built."""

from __future__ import annotations

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
