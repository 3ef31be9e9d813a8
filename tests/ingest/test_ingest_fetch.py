"""Downloading a page or PDF: http(s) only, within size and time, no redirect to another scheme.

A server on this machine (port 0) plays the web site.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from site_builder.ingest import IngestError
from site_builder.ingest.fetch import fetch, is_url

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "news-en.html").read_bytes()
PDF = (FIXTURES / "crane-inspection-notice.pdf").read_bytes()
# A page whose scripts, styles, images and frames all point back at the test server.
BUSY_PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable cut for winter</title>
<link rel="stylesheet" href="/style.css"><script src="/app.js"></script>
<script>fetch("/beacon"); document.write("<p>Written by a script.</p>")</script></head>
<body><article><h1>Ferry timetable cut for winter</h1><img src="/photo.jpg" alt="">
<p>The island ferry will run twice a day instead of four times from November until the end of February,
the operator said on Monday, citing the cost of fuel and a shortage of crew.</p>
<iframe src="/frame.html"></iframe>
<p>Islanders said the cut would make it impossible to reach the hospital on the mainland and return the
same day, and the council asked the operator to keep the early morning crossing.</p></article></body></html>"""
requests: list[str] = []


class Site(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        requests.append(self.path)
        if self.path == "/news/harbour":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path == "/rules/2024-11873.pdf":
            self._send(200, PDF, "application/pdf")
        elif self.path == "/news/ferry":
            self._send(200, BUSY_PAGE, "text/html; charset=utf-8")
        elif self.path == "/moved":
            self._send(301, Location="/news/harbour")
        elif self.path == "/to-ftp":
            self._send(302, Location="ftp://files.example.org/notice.pdf")
        elif self.path == "/to-file":
            self._send(302, Location="file:///etc/passwd")
        elif self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"%" * 16384)
        elif self.path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(40):
                    self.wfile.write(b"<p>slow</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
        else:
            self._send(404, b"not here")


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_page_is_downloaded_with_its_type_and_name(site):
    download = fetch(f"{site}/news/harbour")
    assert download.data == PAGE
    assert download.media_type == "text/html"
    assert download.file_name == "harbour"


def test_a_redirect_to_http_is_followed(site):
    download = fetch(f"{site}/moved")
    assert download.url == f"{site}/news/harbour"
    assert download.data == PAGE


@pytest.mark.parametrize("path", ["/to-ftp", "/to-file"])
def test_a_redirect_to_another_scheme_is_refused(site, path):
    with pytest.raises(IngestError, match="which is not http\\(s\\); it is not followed"):
        fetch(f"{site}{path}")


def test_a_download_over_the_size_limit_stops(site):
    with pytest.raises(IngestError, match=r"is larger than 0\.5 MB; it is not downloaded"):
        fetch(f"{site}/huge", max_bytes=2**19)


def test_a_download_over_the_time_limit_stops(site):
    with pytest.raises(IngestError, match="took longer than 1 s"):  # the server sends for 4 s
        fetch(f"{site}/slow", timeout=1.0)


def test_adding_a_page_fetches_the_page_alone_and_runs_none_of_its_scripts(site, project, run_cli):
    requests.clear()
    result = run_cli("add-source", f"{site}/news/ferry", "--root", str(project.root))
    assert result.code == 0, result.err
    assert requests == ["/news/ferry"]
    text = (project.root / "seeds" / "ferry-timetable-cut-for-winter.txt").read_text(encoding="utf-8")
    assert "twice a day instead of four times" in text
    assert "Written by a script" not in text


def test_an_error_status_is_refused(site):
    with pytest.raises(IngestError, match="answered 404"):
        fetch(f"{site}/nowhere")


@pytest.mark.parametrize("url", ["ftp://example.org/a.pdf", "file:///etc/passwd", "gopher://example.org/"])
def test_only_http_and_https_urls(url):
    with pytest.raises(IngestError, match="only http and https URLs can be added"):
        fetch(url)


def test_a_path_is_not_a_url():
    assert not is_url("seeds/report.pdf") and not is_url("C:\\reports\\a.pdf")
    assert is_url("https://example.org/a") and is_url("ftp://example.org/a")
