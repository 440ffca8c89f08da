"""The client's address for throttles and rate limits (core.net.client_address): the forwarded
address counts only when the peer is a trusted proxy."""
from django.test import RequestFactory

from thidua.core.net import client_address


def request(peer, forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_peer_counts_and_a_forged_header_is_ignored(settings):
    settings.THIDUA_TRUSTED_PROXIES = []
    assert client_address(request("192.0.2.10", "203.0.113.7")) == "192.0.2.10"


def test_behind_a_trusted_proxy_the_forwarded_client_counts(settings):
    settings.THIDUA_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    assert client_address(request("127.0.0.1", "203.0.113.7")) == "203.0.113.7"
    # Through two trusted proxies: the rightmost address no trusted proxy vouches for.
    assert client_address(request("127.0.0.1", "203.0.113.7, 10.1.2.3")) == "203.0.113.7"


def test_a_client_cannot_forge_its_address_through_the_proxy(settings):
    settings.THIDUA_TRUSTED_PROXIES = ["127.0.0.1"]
    # The client sent "X-Forwarded-For: 198.51.100.1"; nginx appended the real peer.
    assert client_address(request("127.0.0.1", "198.51.100.1, 203.0.113.7")) == "203.0.113.7"
    assert client_address(request("127.0.0.1", "not-an-address")) == "127.0.0.1"


def test_an_untrusted_peer_cannot_pass_a_forwarded_address(settings):
    settings.THIDUA_TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_address(request("192.0.2.99", "203.0.113.7")) == "192.0.2.99"
