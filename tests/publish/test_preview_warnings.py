"""What a preview says in the terminal on each rebuild: every error, and not a flood of warnings."""

from __future__ import annotations

import logging

from site_builder.publish import mkdocs_hooks, preview


class Config(dict):
    """The settings MkDocs hands its hooks: a mapping with attributes."""

    config_file_path: str
    docs_dir: str


def test_a_rebuild_says_the_first_warnings_and_how_many_more(harbour, caplog, monkeypatch):
    config_file = harbour.mkdocs()
    for n in range(mkdocs_hooks.SHOWN_WARNINGS + 5):
        harbour.source(f"extra-{n}", f"An extra source number {n} with words enough.\n", pin=False)
    monkeypatch.setattr(preview, "current", None)
    config = Config(site_name="Facts", site_url="https://example.org/")
    config.config_file_path, config.docs_dir = str(config_file), str(harbour.root / "build" / "docs")
    with caplog.at_level(logging.WARNING, logger="mkdocs.site_builder"):
        mkdocs_hooks.on_pre_build(config)
    said = [record.getMessage() for record in caplog.records]
    assert sum("warning[source-unpinned]" in line for line in said) == mkdocs_hooks.SHOWN_WARNINGS
    assert said[-1] == "site-builder: 5 more warnings; run site-builder check to see them all", said[-3:]
