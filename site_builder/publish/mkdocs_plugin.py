"""The ``site-builder`` MkDocs plugin, for a team that already publishes an MkDocs site.

``plugins: [search, site-builder]`` in its ``mkdocs.yml`` checks the project and adds the fact
sheets, sources, indexes and exports to the site's own pages, under ``folder``; a citation error
fails the build. A thin layer over the same core as ``site-builder build``: the pages are the ones
``generate`` writes, handed to MkDocs as generated files instead of being written to disk.
"""

from __future__ import annotations

import dataclasses
import logging
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from site_builder.check.run import check
from site_builder.counts import counted
from site_builder.load.project import NotAProject
from site_builder.model import Report
from site_builder.render.exports import export_files
from site_builder.render.originals import original_files
from site_builder.render.pages import render_pages
from site_builder.render.site_settings import SiteSettings
from site_builder.render.views import SiteView
from site_builder.render.writer import package_assets, with_title

log = logging.getLogger("mkdocs.plugins.site_builder")
EXTENSIONS = ("attr_list", "md_in_html")  # what the generated pages are written with


class SiteBuilderConfig(Config):
    folder = opt.Type(str, default="facts")  # where the pages go in the site
    root = opt.Optional(opt.Type(str))  # the project holding seeds/ and factsheets/; default: beside mkdocs.yml
    strict = opt.Type(bool, default=False)  # fail on warnings too


def _settings(config: Any, folder: str) -> SiteSettings:
    settings = SiteSettings.from_config(config)
    if settings.site_url:  # the pages live under the folder: so do their absolute links
        settings = dataclasses.replace(settings, site_url=settings.site_url.rstrip("/") + f"/{folder}/")
    return settings


class SiteBuilderPlugin(BasePlugin[SiteBuilderConfig]):
    def _folder(self) -> str:
        folder = posixpath.normpath(self.config.folder.strip("/"))
        if folder in ("", ".") or folder.startswith(".."):
            raise PluginError("site-builder: 'folder' must name a folder inside the docs, such as 'facts'")
        return folder

    def _root(self, config: Any) -> Path:
        base = Path(config.config_file_path).parent
        return (base / self.config.root) if self.config.root else base

    def on_config(self, config: Any) -> Any:
        for name in EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        folder = self._folder()
        config.extra_css.append(f"{folder}/assets/site-builder.css")
        config.extra_javascript.append(f"{folder}/assets/site-builder.js")
        return config

    def _check(self, root: Path) -> Report:
        try:
            report = check(root)
        except NotAProject as exc:
            raise PluginError(f"site-builder: {exc}") from None
        for x in report.diagnostics:
            where = f"{x.file}:{x.line}" + (f":{x.column}" if x.column else "") if x.line else x.file
            (log.error if x.severity == "error" else log.warning)(f"{where}: {x.severity}[{x.code}]: {x.message}")
        if not report.ok(strict=self.config.strict):
            raise PluginError(
                f"site-builder: {counted(report.errors, 'error')}, {counted(report.warnings, 'warning')} in the fact sheets; "
                "the site is not built (run `site-builder check` for the details)"
            )
        return report

    def on_files(self, files: Files, *, config: Any) -> Files:
        folder = self._folder()
        report = self._check(self._root(config))
        view = SiteView.of(report, _settings(config, folder))
        generated: dict[str, str | bytes] = {path: with_title(text) for path, text in render_pages(view).items()}
        generated.update(export_files(view))
        generated.update(original_files(list(report.project.sources.values()), Path(report.project.root)))
        generated.update(package_assets())
        for path, content in sorted(generated.items()):
            uri = f"{folder}/{path}"
            if files.get_file_from_path(uri) is not None:
                raise PluginError(f"site-builder: the docs already have {uri}; choose another 'folder'")
            files.append(File.generated(config, uri, content=content))
        return files
