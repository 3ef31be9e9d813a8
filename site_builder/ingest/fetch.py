"""Download a document over http(s), within limits: the bytes only, nothing run or followed.

Only the document itself is fetched (no image, style, script or frame of a page). A redirect is
followed only to another http(s) URL, at most a few times. The download stops, and nothing is
kept, past ``max_bytes`` or ``timeout`` seconds in all.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from site_builder.ingest.errors import IngestError

MAX_BYTES = 50 * 2**20
TIMEOUT = 60.0
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Download:
    url: str  # where the bytes came from, after redirects
    data: bytes
    media_type: str | None  # from Content-Type, without parameters
    file_name: str  # the last segment of the URL's path, or "index"


def is_url(text: str) -> bool:
    """Whether ``text`` names a URL (any scheme) rather than a local file."""
    scheme = urlsplit(text).scheme
    return len(scheme) > 1 and "://" in text  # a Windows drive letter is not a scheme


def check_url(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in _SCHEMES or not urlsplit(url).hostname:
        raise IngestError(f"{url}: only http and https URLs can be added (not {scheme or 'this'}:)")


def fetch(url: str, *, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> Download:
    import urllib3

    check_url(url)
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": "site-builder", "Accept": "text/html,application/pdf,text/plain;q=0.9,*/*;q=0.5"}
    with urllib3.PoolManager(retries=False, headers=headers) as pool:
        for _ in range(MAX_REDIRECTS + 1):
            response = _request(pool, url, deadline, timeout)
            try:
                if response.status in (301, 302, 303, 307, 308):
                    target = urljoin(url, response.headers.get("Location", ""))
                    if urlsplit(target).scheme.lower() not in _SCHEMES:
                        raise IngestError(f"{url} redirects to {target}, which is not http(s); it is not followed")
                    url = target
                    continue
                if response.status >= 400:
                    raise IngestError(f"{url}: the server answered {response.status} {response.reason or ''}".rstrip())
                data = _body(response, url, deadline, timeout, max_bytes)
            finally:
                response.release_conn()
            media_type = (response.headers.get("Content-Type") or "").split(";")[0].strip().lower() or None
            return Download(url, data, media_type, _file_name(url))
    raise IngestError(f"{url}: more than {MAX_REDIRECTS} redirects; add the final URL instead")


def _request(pool, url: str, deadline: float, timeout: float):
    import urllib3

    left = deadline - time.monotonic()
    if left <= 0:
        raise _too_slow(url, timeout)
    try:
        return pool.request(
            "GET", url, redirect=False, preload_content=False, timeout=urllib3.Timeout(connect=left, read=left)
        )
    except urllib3.exceptions.TimeoutError:
        raise _too_slow(url, timeout) from None
    except urllib3.exceptions.HTTPError as exc:
        raise IngestError(f"{url}: cannot download it ({type(exc).__name__})") from None


def _body(response, url: str, deadline: float, timeout: float, max_bytes: int) -> bytes:
    import urllib3

    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(url, max_bytes)
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            if time.monotonic() > deadline:
                raise _too_slow(url, timeout)
            chunk = response.read1(_CHUNK)  # what has arrived, so the deadline is checked often
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise _too_large(url, max_bytes)
            chunks.append(chunk)
    except urllib3.exceptions.TimeoutError:
        raise _too_slow(url, timeout) from None
    except urllib3.exceptions.HTTPError as exc:
        raise IngestError(f"{url}: the download broke off ({type(exc).__name__})") from None
    return b"".join(chunks)


def _too_slow(url: str, timeout: float) -> IngestError:
    return IngestError(f"{url}: the download took longer than {timeout:g} s; save the document and add the file")


def _too_large(url: str, max_bytes: int) -> IngestError:
    return IngestError(f"{url} is larger than {max_bytes / 2**20:g} MB; it is not downloaded")


def _file_name(url: str) -> str:
    segment = unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2])
    return segment or "index"
