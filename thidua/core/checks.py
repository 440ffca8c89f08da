"""System checks of the deployment (``manage.py check --deploy``)."""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def public_base_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be the public address printed on certificates and in their QR codes
    (None when it can): it must be http(s) with a host that a citizen's phone can reach."""
    if not url:
        return "THIDUA_PUBLIC_BASE_URL chưa được đặt."
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return f"THIDUA_PUBLIC_BASE_URL không phải địa chỉ http(s) hợp lệ: {url!r}."
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return f"THIDUA_PUBLIC_BASE_URL trỏ về chính máy chủ ({host}): điện thoại của người dân không mở được."
    try:
        if ipaddress.ip_address(host).is_loopback or ipaddress.ip_address(host).is_unspecified:
            return f"THIDUA_PUBLIC_BASE_URL trỏ về chính máy chủ ({host}): điện thoại của người dân không mở được."
    except ValueError:
        pass
    return None


@register(Tags.security, deploy=True)
def check_public_base_url(app_configs, **kwargs):
    """Every certificate's QR code and printed address use THIDUA_PUBLIC_BASE_URL: in production
    it must be the address people reach the system at."""
    problem = public_base_url_problem(getattr(settings, "THIDUA_PUBLIC_BASE_URL", ""))
    if problem is None:
        return []
    return [Error(problem, hint="Đặt biến môi trường THIDUA_PUBLIC_BASE_URL, ví dụ https://thiduakhenthuong.namthanhmien.haiphong.gov.vn "
                                "(xem README, mục Cài đặt).", id="thidua.E001")]
