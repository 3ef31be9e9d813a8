"""Which network addresses a download may go to: public ones only, unless the curator allows private.

The host name is resolved here, every address it resolves to is checked, and the connection is then
made to the checked address itself, so a name cannot resolve to another address in between.
"""

from __future__ import annotations

import ipaddress
import socket
import threading

from site_builder.ingest.errors import IngestError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
METADATA = ipaddress.ip_address("169.254.169.254")  # the cloud providers' instance metadata service


def refusal(address: Address) -> str | None:
    """What kind of non-public address ``address`` is, or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if address == METADATA:
        return "a cloud metadata address"
    for kind, test in (
        ("an unspecified address", address.is_unspecified),
        ("a loopback address", address.is_loopback),
        ("a link-local address", address.is_link_local),
        ("a multicast address", address.is_multicast),
        ("a private address", address.is_private),
        ("a reserved address", address.is_reserved),
        ("not a public address", not address.is_global),
    ):
        if test:
            return kind
    return None


def resolve(host: str, port: int, *, allow_private: bool, timeout: float) -> str:
    """The address to connect to for ``host``: every address it resolves to must be public."""
    addresses = _lookup(host, port, timeout)
    if not allow_private:
        for address in addresses:
            kind = refusal(address)
            if kind:
                raise IngestError(f"refused: {address} is {kind}; pass --allow-private to fetch from it")
    return str(addresses[0])


def _lookup(host: str, port: int, timeout: float) -> list[Address]:
    """The addresses of ``host``, within ``timeout`` seconds (the system resolver has no limit of its own)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    found: list[object] = []
    worker = threading.Thread(target=_getaddrinfo, args=(host, port, found), daemon=True)
    worker.start()
    worker.join(max(timeout, 0))
    if not found:
        raise IngestError(f"{host}: the host name could not be looked up within {timeout:g} s")
    if isinstance(found[0], OSError):
        raise IngestError(f"{host}: no such host (the name could not be looked up)")
    addresses = [ipaddress.ip_address(str(info[4][0]).partition("%")[0]) for info in found[0]]  # type: ignore[attr-defined]
    if not addresses:
        raise IngestError(f"{host}: no such host (the name has no address)")
    return addresses


def _getaddrinfo(host: str, port: int, found: list[object]) -> None:
    try:
        found.append(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
    except (OSError, UnicodeError) as exc:
        found.append(OSError(str(exc)))
