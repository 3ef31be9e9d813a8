"""What `site-builder serve` says in the terminal: where it serves, in the project's own words; a taken
port, plainly; nothing of the dirty builds it asks MkDocs for."""

from __future__ import annotations

import logging
import re
import socket
from types import SimpleNamespace

import pytest

from site_builder.publish import preview, serve_hooks
from site_builder.publish.mkdocs_build import read_config
from site_builder.publish.preview_server import HOOKS, dirty_build_notice_hidden


@pytest.mark.parametrize(
    ("host", "site_url", "shown"),
    [
        ("127.0.0.1", "http://127.0.0.1:8123/", "http://127.0.0.1:8123/"),
        ("127.0.0.1", "http://127.0.0.1:8123/facts/", "http://127.0.0.1:8123/facts/"),
        ("::1", "http://::1:8123/", "http://[::1]:8123/"),
    ],
)
def test_serve_says_where_the_site_is_served_and_how_to_stop(host, site_url, shown, capsys):
    server = object()
    config = SimpleNamespace(dev_addr=(host, 8123), site_url=site_url)
    assert serve_hooks.on_serve(server, config=config, builder=None) is server
    assert capsys.readouterr().out == f"Serving the site at {shown} — Ctrl+C stops\n"


def test_a_port_in_use_is_named_with_a_free_one_to_pass_before_anything_is_built(harbour, run_cli):
    harbour.mkdocs()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--root", str(harbour.root), "--dev-addr", f"127.0.0.1:{port}")
    assert result.code == 2
    said = re.fullmatch(
        rf"error: port {port} on 127\.0\.0\.1 is in use: pass --dev-addr 127\.0\.0\.1:(\d+)\n", result.err
    )
    assert said, result.err
    assert int(said[1]) != port
    assert not (harbour.root / "build").exists()  # said at once, not after the first build


def test_an_address_without_a_port_is_a_usage_error(harbour, run_cli):
    harbour.mkdocs()
    result = run_cli("serve", "--root", str(harbour.root), "--dev-addr", "localhost")
    assert result.code == 2
    assert "--dev-addr" in result.err


def test_the_preview_hides_mkdocs_notice_of_the_dirty_builds_it_asks_for(harbour, tmp_path, monkeypatch, caplog):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setattr(preview, "current", None)
    harbour.mkdocs()
    root = harbour.root.resolve()
    site = read_config(root)
    preview.start(root, site.settings, site.docs_dir)
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "served"), hooks=list(HOOKS))
    with caplog.at_level(logging.WARNING, logger="mkdocs"), dirty_build_notice_hidden():
        build(config, dirty=True)  # as each rebuild of the preview
    assert [record for record in caplog.records if record.name == "mkdocs.commands.build"] == []
