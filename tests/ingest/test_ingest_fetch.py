"""Downloading a page or PDF: http(s) only, within size and time, no redirect to another scheme,
public addresses only unless private ones are allowed.

A server on this machine (127.0.0.1, port 0) plays the web site; it speaks HTTP/1.1 and keeps its
connections alive, as most sites do. Nothing is sent to any other address.
"""

from __future__ import annotations

import re
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from site_builder.ingest import IngestError, addresses
from site_builder.ingest import fetch as fetch_module
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
hosts: list[str] = []


class Site(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # connections stay open after each answer

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
        hosts.append(self.headers.get("Host", ""))
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
        elif self.path == "/to-broken":
            self._send(302, Location="http://[::1/notice")
        elif self.path == "/to-loopback":
            self._send(302, Location=f"http://127.0.0.1:{self.server.server_address[1]}/news/harbour")
        elif self.path == "/to-metadata":
            self._send(302, Location="http://169.254.169.254/latest/meta-data/")
        elif self.path == "/huge":
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"%" * 16384)
        elif self.path == "/slow":
            self.close_connection = True
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
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


def fetch_here(url: str, **limits) -> fetch_module.Download:
    """Fetch from the test server on this machine, which the default refuses as a loopback address."""
    return fetch(url, allow_private=True, **limits)


class Drip(socketserver.BaseRequestHandler):
    """A server that sends its status line and headers one byte every 0.2 s, without end."""

    def handle(self) -> None:
        self.request.recv(65536)
        try:
            for byte in b"HTTP/1.1 200 OK\r\n" + b"X-Padding: " + b"a" * 100_000:
                self.request.sendall(bytes([byte]))
                time.sleep(0.2)
        except OSError:
            pass


@pytest.fixture(scope="module")
def drip() -> Iterator[str]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Drip)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_page_is_downloaded_with_its_type_and_name(site):
    download = fetch_here(f"{site}/news/harbour")
    assert download.data == PAGE
    assert download.media_type == "text/html"
    assert download.file_name == "harbour"


def test_a_redirect_to_http_is_followed(site):
    download = fetch_here(f"{site}/moved")  # from a server that keeps the connection alive
    assert download.url == f"{site}/news/harbour"
    assert download.data == PAGE


@pytest.mark.parametrize("path", ["/to-ftp", "/to-file"])
def test_a_redirect_to_another_scheme_is_refused(site, path):
    with pytest.raises(IngestError, match="which is not http\\(s\\); it is not followed"):
        fetch_here(f"{site}{path}")


def test_a_download_over_the_size_limit_stops(site):
    with pytest.raises(IngestError, match=r"is larger than 0\.5 MB; it is not downloaded"):
        fetch_here(f"{site}/huge", max_bytes=2**19)


def test_a_download_over_the_time_limit_stops(site):
    with pytest.raises(IngestError, match="took longer than 1 s"):  # the server sends for 4 s
        fetch_here(f"{site}/slow", timeout=1.0)


def test_adding_a_page_fetches_the_page_alone_and_runs_none_of_its_scripts(site, project, run_cli):
    requests.clear()
    result = run_cli("add-source", f"{site}/news/ferry", "--root", str(project.root), "--allow-private")
    assert result.code == 0, result.err
    assert requests == ["/news/ferry"]
    text = (project.root / "seeds" / "ferry-timetable-cut-for-winter.txt").read_text(encoding="utf-8")
    assert "twice a day instead of four times" in text
    assert "Written by a script" not in text


def test_an_error_status_is_refused(site):
    with pytest.raises(IngestError, match="answered 404"):
        fetch_here(f"{site}/nowhere")


@pytest.mark.parametrize("url", ["ftp://example.org/a.pdf", "file:///etc/passwd", "gopher://example.org/"])
def test_only_http_and_https_urls(url):
    with pytest.raises(IngestError, match="only http and https URLs can be added"):
        fetch(url)


def test_a_path_is_not_a_url():
    assert not is_url("seeds/report.pdf") and not is_url("C:\\reports\\a.pdf")
    assert is_url("https://example.org/a") and is_url("ftp://example.org/a")


def test_headers_sent_one_byte_at_a_time_are_cut_at_the_deadline(drip):
    started = time.monotonic()
    with pytest.raises(IngestError, match="took longer than 1 s in all"):
        fetch_here(drip, timeout=1.0)
    assert time.monotonic() - started < 5  # a generous bound: the server would send for hours


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://[::1/a", "http://example.org:99999/", "http://h:port/", "http://example.org:0/"]
)
def test_a_malformed_url_is_named_as_not_valid(url):
    with pytest.raises(IngestError, match="not a valid address: "):
        fetch(url)


def test_an_address_that_cannot_be_reached_says_it_cannot_connect_in_its_own_words():
    """An IPv6 zone that names no interface of this machine: no traceback, no word of invalid HTTP."""
    with pytest.raises(IngestError, match=r"cannot connect \("):
        fetch("http://[fe80::1%25no-such-interface]/x", allow_private=True)


def test_a_redirect_to_a_malformed_url_is_named_as_not_valid(site):
    with pytest.raises(IngestError, match="not a valid address"):
        fetch_here(f"{site}/to-broken")


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "127.0.0.1 is a loopback address"),
        ("http://[::1]/", "::1 is a loopback address"),
        ("http://[::ffff:127.0.0.1]/", "::ffff:7f00:1 is a loopback address"),
        ("http://10.0.0.8/", "10.0.0.8 is a private address"),
        ("http://192.168.1.1/", "192.168.1.1 is a private address"),
        ("http://169.254.169.254/latest/", "169.254.169.254 is a cloud metadata address"),
        ("http://[fe80::1]/", "fe80::1 is a link-local address"),
        ("http://[fd00:ec2::254]/", "fd00:ec2::254 is a private address"),
        ("http://0.0.0.0/", "0.0.0.0 is an unspecified address"),
        ("http://224.0.0.1/", "224.0.0.1 is a multicast address"),
        ("http://100.64.0.1/", "100.64.0.1 is not a public address"),
    ],
)
def test_a_non_public_address_is_refused_without_allow_private(url, kind):
    with pytest.raises(IngestError, match=re.escape(f"refused: {kind}; pass --allow-private")):
        fetch(url)


def test_the_test_server_itself_is_refused_without_allow_private(site):
    requests.clear()
    with pytest.raises(IngestError, match=re.escape("refused: 127.0.0.1 is a loopback address; pass --allow-private")):
        fetch(f"{site}/news/harbour")
    assert requests == []


def test_a_public_address_is_allowed():
    assert addresses.refusal(addresses.ipaddress.ip_address("93.184.215.14")) is None


@pytest.fixture
def public_name(site, monkeypatch) -> str:
    """``news.test``, a name that resolves to the test server as if it were a public address."""
    real_resolve = addresses.resolve

    def resolve(host: str, port: int, *, allow_private: bool, timeout: float) -> str:
        if host == "news.test":
            return "127.0.0.1"
        return real_resolve(host, port, allow_private=allow_private, timeout=timeout)

    monkeypatch.setattr(fetch_module, "resolve", resolve)
    return f"http://news.test:{site.rpartition(':')[2]}"


def test_the_connection_goes_to_the_checked_address_under_the_host_name(public_name):
    hosts.clear()
    download = fetch(f"{public_name}/news/harbour")
    assert download.data == PAGE
    assert hosts == [public_name.removeprefix("http://")]


@pytest.mark.parametrize(
    ("path", "kind"),
    [("/to-loopback", "127.0.0.1 is a loopback address"), ("/to-metadata", "169.254.169.254 is a cloud metadata")],
)
def test_a_redirect_to_a_non_public_address_is_refused(public_name, path, kind):
    requests.clear()
    with pytest.raises(IngestError, match=re.escape(f"refused: {kind}")):
        fetch(f"{public_name}{path}")
    assert requests == [path]


def test_a_host_name_that_resolves_to_loopback_is_refused():
    with pytest.raises(IngestError, match=re.escape("refused: 127.0.0.1 is a loopback address")):
        fetch("http://localhost/")


def test_a_refused_connection_says_so():
    with socket.socket() as closed:  # a port that nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with pytest.raises(IngestError, match="connection refused"):
        fetch_here(f"http://127.0.0.1:{port}/", timeout=5.0)


def test_a_user_name_and_password_are_neither_kept_nor_shown(site, project, run_cli):
    url = site.replace("http://", "http://curator:s3cret@") + "/news/ferry"
    result = run_cli("add-source", url, "--root", str(project.root), "--allow-private", "--format", "json")
    assert result.code == 0, result.err
    assert "user name and password in the URL were dropped" in result.err
    written = "".join(p.read_text(encoding="utf-8", errors="replace") for p in project.root.rglob("*") if p.is_file())
    assert f"{site}/news/ferry" in written
    assert "s3cret" not in written + result.out + result.err and "curator:" not in written


def test_a_bad_url_on_the_command_line_is_a_user_error(project, run_cli):
    result = run_cli("add-source", "http://[::1", "--root", str(project.root))
    assert result.code == 1
    assert "not a valid address: http://[::1" in result.err
    assert "Traceback" not in result.err and "internal error" not in result.err


def _certificate_for(host: str, folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for ``host`` and its key, as PEM files."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


@pytest.fixture
def secure_site(tmp_path, monkeypatch) -> Iterator[int]:
    """An https server on 127.0.0.1 with a certificate for ``news.test``, which this machine trusts."""
    import ssl

    pytest.importorskip("cryptography")
    cert_file, key_file = _certificate_for("news.test", tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_file))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    real_resolve = addresses.resolve

    def resolve(host: str, port: int, *, allow_private: bool, timeout: float) -> str:
        if host.endswith(".test"):
            return "127.0.0.1"
        return real_resolve(host, port, allow_private=allow_private, timeout=timeout)

    monkeypatch.setattr(fetch_module, "resolve", resolve)
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_https_goes_to_the_checked_address_with_the_certificate_of_the_host_name(secure_site):
    hosts.clear()
    download = fetch(f"https://news.test:{secure_site}/news/harbour")
    assert download.data == PAGE
    assert hosts == [f"news.test:{secure_site}"]


def test_https_to_a_host_the_certificate_does_not_name_is_refused(secure_site):
    with pytest.raises(IngestError, match="certificate could not be verified for this host"):
        fetch(f"https://other.test:{secure_site}/news/harbour")
