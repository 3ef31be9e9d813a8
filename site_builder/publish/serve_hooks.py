"""MkDocs hooks of ``site-builder serve`` beside :mod:`.mkdocs_hooks`: say where the preview is served."""

from __future__ import annotations

from urllib.parse import urlsplit

import click


def on_serve(server, config, builder):
    host, port = config.dev_addr
    shown_host = f"[{host}]" if ":" in host else host  # an IPv6 address
    click.echo(f"Serving the site at http://{shown_host}:{port}{urlsplit(config.site_url or '/').path} — Ctrl+C stops")
    return server
