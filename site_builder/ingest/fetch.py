"""Download a document over http(s), within limits: the bytes only, nothing run or followed.

Only the document itself is fetched (no image, style, script or frame of a page). Each hop goes to
an address checked first (public only, unless private addresses are allowed) and pinned for the
connection, with the host name kept for the Host header and the TLS certificate. A redirect is
followed only to another http(s) URL, at most a few times, each on a fresh connection. The download
stops, and nothing is kept, past ``max_bytes`` or ``timeout`` seconds in all, headers included.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import SplitResult, unquote, urljoin, urlsplit

from site_builder.ingest.addresses import resolve
from site_builder.ingest.errors import IngestError

MAX_BYTES = 50 * 2**20
TIMEOUT = 60.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}
_HEADERS = {"User-Agent": "site-builder", "Accept": "text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5"}


@dataclass(frozen=True)
class Download:
    url: str  # where the bytes came from, after redirects, without any user name or password
    data: bytes
    media_type: str | None  # from Content-Type, without parameters
    file_name: str  # the last segment of the URL's path, or "index"


def is_url(text: str) -> bool:
    """Whether ``text`` names a URL (any scheme) rather than a local file."""
    scheme, sep, _ = text.partition("://")
    # a Windows drive letter is not a scheme; the rest is checked by fetch, which names what is wrong
    return bool(sep) and len(scheme) > 1 and scheme[0].isalpha() and all(c.isalnum() or c in "+-." for c in scheme)


def check_url(url: str) -> None:
    _parse(url)


def without_credentials(url: str) -> str:
    """``url`` without the user name and password it may carry, which are never sent, kept or shown."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return url
    end = min((i for i in (rest.find(c) for c in "/?#") if i >= 0), default=len(rest))
    authority = rest[:end]
    if "@" not in authority:
        return url
    return f"{scheme}://{authority.rpartition('@')[2]}{rest[end:]}"


def credentials_note(url: str) -> str | None:
    """A warning for a URL that carries a user name or password, which are dropped."""
    if without_credentials(url) == url:
        return None
    return "the user name and password in the URL were dropped: they are neither sent nor kept"


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT, allow_private: bool = False) -> Download:
    url = without_credentials(url)
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        parts = _parse(url)
        status, location, media_type, data = _exchange(parts, url, deadline, timeout, max_bytes, allow_private)
        if status in (301, 302, 303, 307, 308):
            if not location:
                raise IngestError(f"{url}: the server redirects without saying where (no Location)")
            try:
                target = without_credentials(urljoin(url, location))
            except ValueError:
                shown = without_credentials(location)
                raise IngestError(f"{url} redirects to {shown!r}, which is not a valid address") from None
            if urlsplit(target).scheme.lower() not in _SCHEMES:
                raise IngestError(f"{url} redirects to {target}, which is not http(s); it is not followed")
            url = target
            continue
        return Download(url, data, media_type, _file_name(url))
    raise IngestError(f"{url}: more than {MAX_REDIRECTS} redirects; add the final URL instead")


def _parse(url: str) -> SplitResult:
    """The parts of ``url``, which must be a valid http(s) URL with a host."""
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in _SCHEMES and parts.hostname:
            parts.port  # noqa: B018 - raises on a port that is not a number from 0 to 65535
    except ValueError:
        raise IngestError(f"not a valid address: {url}; check the brackets, host and port") from None
    if scheme not in _SCHEMES or not parts.hostname:
        raise IngestError(f"{url}: only http and https URLs can be added (not {scheme or 'this'}:)")
    if parts.port == 0:
        raise IngestError(f"not a valid address: {url}; port 0 is not a port a server listens on")
    return parts


def _exchange(
    parts: SplitResult, url: str, deadline: float, timeout: float, max_bytes: int, allow_private: bool
) -> tuple[int, str | None, str | None, bytes]:
    """One request on a fresh connection to a checked address: status, Location, media type, body.

    A watchdog shuts the socket at the deadline, so a server that sends its headers or body one byte
    at a time is cut there (a socket timeout alone applies to each read, not to the whole).
    """
    from urllib3.connection import HTTPConnection, HTTPSConnection

    scheme, host = parts.scheme.lower(), str(parts.hostname)
    port = parts.port or _DEFAULT_PORTS[scheme]
    address = resolve(host, port, allow_private=allow_private, timeout=_left(url, deadline, timeout))
    left = _left(url, deadline, timeout)
    if scheme == "https":
        conn: HTTPConnection = HTTPSConnection(
            address, port, timeout=left, server_hostname=host, assert_hostname=host, cert_reqs="CERT_REQUIRED"
        )
    else:
        conn = HTTPConnection(address, port, timeout=left)
    expired = threading.Event()
    watchdog = threading.Timer(left, _cut, (conn, expired))
    watchdog.daemon = True
    watchdog.start()
    try:
        path = parts.path or "/"
        if parts.query:
            path += f"?{parts.query}"
        host_header = f"[{host}]" if ":" in host else host
        if parts.port and parts.port != _DEFAULT_PORTS[scheme]:
            host_header += f":{parts.port}"
        conn.request("GET", path, headers={**_HEADERS, "Host": host_header}, preload_content=False)
        response = conn.getresponse()
        location = response.headers.get("Location")
        media_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower() or None
        if response.status in (301, 302, 303, 307, 308):
            return response.status, location, media_type, b""
        if response.status >= 400:
            raise IngestError(f"{url}: the server answered {response.status} {response.reason or ''}".rstrip())
        data = _body(response, url, max_bytes)
        if expired.is_set():
            raise _too_slow(url, timeout)
        return response.status, location, media_type, data
    except IngestError:
        raise
    except Exception as exc:  # every failure of the exchange becomes one plain line
        if expired.is_set() or (isinstance(exc, TimeoutError) and time.monotonic() >= deadline - 0.05):
            raise _too_slow(url, timeout) from None
        raise _failure(url, exc) from None
    finally:
        watchdog.cancel()
        conn.close()


def _left(url: str, deadline: float, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise _too_slow(url, timeout)
    return left


def _cut(conn, expired: threading.Event) -> None:
    """At the deadline: shut the socket, which ends any read waiting on it."""
    expired.set()
    sock = conn.sock
    if sock is not None:
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)  # the plain socket, under any TLS layer


def _body(response, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(url, max_bytes)
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read1(_CHUNK)  # what has arrived
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def _failure(url: str, exc: Exception) -> IngestError:
    """A plain line for a connection or protocol failure, named by its kind, not by its wording."""
    import ssl

    import urllib3
    from urllib3.util.ssl_match_hostname import CertificateError

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return IngestError(f"{url}: connection refused; is the address right and the server up?")
        if isinstance(cause, ssl.SSLCertVerificationError | CertificateError):
            return IngestError(
                f"{url}: the server's certificate could not be verified for this host; it is not trusted"
            )
        if isinstance(cause, ssl.SSLError):
            return IngestError(f"{url}: the secure (https) connection could not be set up")
        if isinstance(cause, TimeoutError | socket.timeout):
            return IngestError(f"{url}: the server did not answer in time; save the document and add the file")
        if isinstance(cause, OSError) and cause.errno is not None:  # no route, no such interface, …
            return IngestError(f"{url}: cannot connect ({cause.strerror or type(cause).__name__})")
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, urllib3.exceptions.HTTPError | http.client.HTTPException):
        return IngestError(f"{url}: the server's answer broke off or was not valid HTTP; nothing was downloaded")
    if isinstance(exc, OSError):
        return IngestError(f"{url}: cannot connect ({exc.strerror or type(exc).__name__})")
    return IngestError(f"{url}: cannot download it ({type(exc).__name__})")


def _too_slow(url: str, timeout: float) -> IngestError:
    return IngestError(f"{url}: the download took longer than {timeout:g} s in all; save the document and add the file")


def _too_large(url: str, max_bytes: int) -> IngestError:
    return IngestError(f"{url} is larger than {max_bytes / 2**20:g} MB; it is not downloaded")


def _file_name(url: str) -> str:
    segment = unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2])
    return segment or "index"
