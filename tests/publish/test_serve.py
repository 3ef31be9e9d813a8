"""`site-builder serve` previews the site and rebuilds it when a record changes."""

from __future__ import annotations

import html
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from site_builder.publish.problem_banner import with_banner


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch_until(url: str, wanted: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = html.unescape(response.read().decode("utf-8"))
            if wanted in last:
                return last
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} never showed {wanted!r}")


@contextmanager
def served(root: Path) -> Iterator[tuple[int, list[str]]]:
    """``site-builder serve`` of ``root`` on a free port, its output gathered line by line; stopped
    with Ctrl-C when the block ends."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "site_builder", "serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    output: list[str] = []
    assert server.stdout is not None
    stdout = server.stdout
    threading.Thread(target=lambda: output.extend(line.decode() for line in stdout), daemon=True).start()
    try:
        yield port, output
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


def test_serve_regenerates_pages_when_a_record_changes(harbour):
    harbour.mkdocs()
    with served(harbour.root) as (port, output):
        url = f"http://127.0.0.1:{port}/sheets/harbour/"
        try:
            fetch_until(url, "The harbour opened in 1851")
        except AssertionError:
            raise AssertionError("".join(output)) from None
        # a valid project served: its address, and not a word of what the preview does on its own
        assert output == [f"Serving the site at http://127.0.0.1:{port}/ — Ctrl+C stops\n"]
        record = harbour.root / "factsheets" / "harbour.yml"
        record.write_text(
            record.read_text(encoding="utf-8").replace(
                "statement: The harbour opened in 1851, after years of delay.",
                "statement: After years of delay, the harbour opened in 1851.",
            ),
            encoding="utf-8",
        )
        fetch_until(url, "After years of delay, the harbour opened in 1851.")


def test_a_record_with_an_error_is_reported_and_the_last_good_pages_stay(harbour):
    harbour.mkdocs()
    with served(harbour.root) as (port, output):
        record = harbour.root / "factsheets" / "harbour.yml"
        good = record.read_text(encoding="utf-8")
        url = f"http://127.0.0.1:{port}/sheets/harbour/"
        fetch_until(url, "The harbour opened in 1851")
        record.write_text(good.replace("statement: The harbour opened in 1851", "statment: The harbour opened in 1851"))
        deadline = time.monotonic() + 60
        while not any("factsheets/harbour.yml:6" in line and "unknown key" in line for line in output):
            assert time.monotonic() < deadline, "".join(output)
            time.sleep(0.2)
        assert any("the preview keeps the last good pages" in line for line in output)
        page = fetch_until(url, "The harbour opened in 1851, after years of delay.")
        assert "statment" not in with_banner(page, "")  # only the banner, above the page, names it
        record.write_text(good.replace("after years of delay", "after a long delay"), encoding="utf-8")
        fetch_until(url, "The harbour opened in 1851, after a long delay.")


def test_errors_show_at_the_top_of_the_served_pages_until_fixed(harbour):
    """The banner lists each error as the terminal prints it, and goes once the records are fixed."""
    harbour.mkdocs()
    record = harbour.root / "factsheets" / "harbour.yml"
    good = record.read_text(encoding="utf-8")
    record.write_text(good.replace("opened in 1851 after", "opened in 1852 after"), encoding="utf-8")
    with served(harbour.root) as (port, output):
        page = fetch_until(f"http://127.0.0.1:{port}/sheets/people/", 'role="alert"')
        [printed] = [line.rstrip("\n") for line in output if "error[quote-not-found]" in line]
        assert printed.startswith("factsheets/harbour.yml:")
        shown = page[page.index('role="alert"') : page.index("</section>")]
        assert f"<li><code>{printed.replace(': error', '</code>: error', 1)}</li>" in shown
        record.write_text(good, encoding="utf-8")
        deadline = time.monotonic() + 60
        while "site-builder-errors" in fetch_until(f"http://127.0.0.1:{port}/sheets/people/", "People"):
            assert time.monotonic() < deadline, "".join(output)
            time.sleep(0.3)
