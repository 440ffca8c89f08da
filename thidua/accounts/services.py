"""Account writes: throttled login bookkeeping and demo-free user management."""
from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import LoginFailure


def _window_start() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)


def is_locked_out(*, username: str) -> bool:
    recent = LoginFailure.objects.filter(username__iexact=username, at__gte=_window_start()).count()
    return recent >= settings.LOGIN_FAILURE_LIMIT


@transaction.atomic
def record_login_failure(*, username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username[:150], ip=ip)


@transaction.atomic
def clear_login_failures(*, username: str) -> None:
    LoginFailure.objects.filter(username__iexact=username).delete()
