"""The client's address as the application should count it (throttles, rate limits).

Behind a reverse proxy (the shipped nginx site) every request's peer address (``REMOTE_ADDR``)
is the proxy's: keyed on it, one citizen's objections or one attacker's login failures would
count against everybody. The forwarded address (``X-Forwarded-For``) is believed only when the
peer is one of ``THIDUA_TRUSTED_PROXIES`` (addresses or networks, e.g. ``127.0.0.1``,
``10.0.0.0/8``); the header is then read from the right, past every trusted proxy, to the
first address no trusted proxy vouches for — a client cannot forge its way in by sending its
own header, since the proxy appends the real peer to the right.
"""
from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in spec if item.strip())


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def client_address(request) -> str:
    """The client's address: the peer, or — when the peer is a trusted proxy — the rightmost
    forwarded address that is not itself a trusted proxy."""
    peer = request.META.get("REMOTE_ADDR", "") or ""
    networks = _networks(tuple(getattr(settings, "THIDUA_TRUSTED_PROXIES", ())))
    if not networks or not _trusted(_address(peer), networks):
        return peer
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for hop in reversed(forwarded):
        address = _address(hop)
        if address is None:
            return peer  # a malformed header: count the proxy, never a made-up value
        if not _trusted(address, networks):
            return str(address)
    return forwarded[0] if forwarded else peer
