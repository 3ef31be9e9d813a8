"""What ``site-builder serve`` does before each rebuild: only the pages an edit reaches change."""

import os

from site_builder.publish import mkdocs_hooks, preview
from site_builder.render import incremental
from site_builder.render.site_settings import SiteSettings


class Config(dict):
    """The little of a loaded MkDocs config the hooks read, as attributes and as keys."""

    def __getattr__(self, name):
        return self[name]


def test_an_edit_renders_only_what_it_reaches_though_the_exports_time_moves_on(harbour, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    harbour.fact_sheet("unrelated", ("harbour", "Ships came from the north"))
    root = harbour.root.resolve()
    config = Config(config_file_path=str(root / "mkdocs.yml"), docs_dir=str(root / "build" / "docs"))
    harbour.mkdocs()
    monkeypatch.setattr(preview, "current", None)
    mkdocs_hooks.on_pre_build(config)
    mkdocs_hooks.on_post_build(config)
    docs = root / "build" / "docs"
    unrelated, edited = docs / "sheets" / "unrelated.md", docs / "sheets" / "people.md"
    before = unrelated.stat().st_mtime_ns, edited.read_text("utf-8")

    record = root / "factsheets" / "people.yml"
    text = record.read_text("utf-8")
    record.write_text(text.replace("statement: ", "statement: Indeed, ", 1), "utf-8")
    later = os.stat(record).st_mtime + 60  # the edit is the newest file: the content time moves on
    os.utime(record, (later, later))

    def whole_generation(*args, **kwargs):
        raise AssertionError("an edit regenerated every page")

    monkeypatch.setattr(incremental, "write_docs", whole_generation)
    mkdocs_hooks.on_pre_build(config)

    assert "Indeed" in edited.read_text("utf-8") and edited.read_text("utf-8") != before[1]
    assert unrelated.stat().st_mtime_ns == before[0]


def test_the_first_edit_after_the_preview_starts_renders_only_what_it_reaches(harbour, monkeypatch):
    harbour.fact_sheet("unrelated", ("harbour", "Ships came from the north"))
    root = harbour.root.resolve()
    harbour.mkdocs()
    docs = root / "build" / "docs"
    monkeypatch.setattr(preview, "current", None)
    preview.start(root, SiteSettings(), docs)  # as `site-builder serve` starts, before MkDocs
    # MkDocs serves the site at its own address: its builds see that address as the site's URL
    config = Config(config_file_path=str(root / "mkdocs.yml"), docs_dir=str(docs), site_url="http://127.0.0.1:8000/")
    mkdocs_hooks.on_pre_build(config)
    mkdocs_hooks.on_post_build(config)
    unrelated = docs / "sheets" / "unrelated.md"
    before = unrelated.stat().st_mtime_ns

    record = root / "factsheets" / "people.yml"
    record.write_text(record.read_text("utf-8").replace("statement: ", "statement: Indeed, ", 1), "utf-8")

    def whole_generation(*args, **kwargs):
        raise AssertionError("the first edit regenerated every page")

    monkeypatch.setattr(incremental, "write_docs", whole_generation)
    mkdocs_hooks.on_pre_build(config)
    assert "Indeed" in (docs / "sheets" / "people.md").read_text("utf-8")
    assert unrelated.stat().st_mtime_ns == before
