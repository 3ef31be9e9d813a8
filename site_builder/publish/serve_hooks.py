"""MkDocs hooks of ``site-builder serve`` beside :mod:`.mkdocs_hooks`: say where the preview is
served, and show the check's errors at the top of every page until the records are fixed.

MkDocs loads a hook file as a module of its own: what lasts between rebuilds is kept in
:mod:`.preview`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import click

from site_builder.publish import preview


def on_pre_build(config) -> None:
    preview.check_for_banner(preview.for_root(Path(config.config_file_path).parent))


def on_post_page(output: str, page, config) -> str:
    return preview.for_root(Path(config.config_file_path).parent).banners.rendered(page.file.abs_dest_path, output)


def on_post_build(config) -> None:
    preview.for_root(Path(config.config_file_path).parent).banners.bring_up_to_date(Path(config.site_dir))


def on_serve(server, config, builder):
    host, port = config.dev_addr
    shown_host = f"[{host}]" if ":" in host else host  # an IPv6 address
    click.echo(f"Serving the site at http://{shown_host}:{port}{urlsplit(config.site_url or '/').path} — Ctrl+C stops")
    return server
