"""Login throttling with django-axes, counted per client address — never per account alone.

- Failures are counted for the (address, username) pair and for the address
  (``AXES_LOCKOUT_PARAMETERS``). ``AXES_FAILURE_LIMIT`` failures for one username from one
  address lock that pair; ``THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT`` failures from one address,
  whatever the usernames (a spray), lock the address. A stranger elsewhere cannot lock the
  chairman out: her own address has its own count.
- The address is ``core.net.client_address`` (the forwarded address only from a trusted proxy).
- Parallel tries cannot slip past the limit: ``serialise`` takes a lock on the client's address
  for the check, the password check and the recording of the failure (a PostgreSQL advisory
  lock; SQLite's IMMEDIATE transactions serialise writers already), so the N+1-th try sees the
  N failures before it and is refused without its password being checked.
- A success clears only its own (address, username) failures, not the address's count of other
  usernames (a valid account cannot be used to reset a spray).
"""
from __future__ import annotations

import hashlib

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db import connection
from django.db.models import Sum
from django.http import HttpResponse
from django.utils.translation import gettext as _

from thidua.core.net import client_address


def username_key(request, credentials=None) -> str:
    """The username as counted: trimmed and lower-cased (AXES_USERNAME_CALLABLE)."""
    source = credentials if credentials else getattr(request, "POST", {})
    return (source.get("username") or "").strip().lower()[:150]


def serialise(request) -> None:
    """Inside a transaction: wait for any other login try from the same address to finish."""
    if connection.vendor == "postgresql":
        digest = hashlib.blake2b(f"login:{client_address(request)}".encode(), digest_size=8).digest()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest, "big", signed=True)])


def cooloff_minutes() -> int:
    return round(float(settings.AXES_COOLOFF_TIME) * 60)


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' check before the password. A call without a request comes from code on the server
    (a management command, the test client's ``login``), never from the network: not counted."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class LoginThrottleHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        pair, address = (attempts.aggregate(n=Sum("failures_since_start"))["n"] or 0
                         for attempts in self.get_user_attempts(request, credentials))
        if address >= settings.THIDUA_LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(pair, get_failure_limit(request, credentials))
        return pair

    def reset_user_attempts(self, request, credentials=None) -> int:
        count, _ = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, username=get_client_username(request, credentials)).delete()
        return count


def lockout_response(request, original_response=None, credentials=None) -> HttpResponse:
    """The login page with its Vietnamese "locked" message (set by the form), as 429."""
    if original_response is None:
        original_response = HttpResponse(
            _("Đăng nhập sai quá nhiều lần từ máy này. Vui lòng thử lại sau %(minutes)s phút.")
            % {"minutes": cooloff_minutes()}, content_type="text/plain; charset=utf-8")
    original_response.status_code = settings.AXES_HTTP_RESPONSE_CODE
    return original_response
