"""Notifications: in-app rows, plus e-mail for users who want that kind by e-mail.
Other apps call ``notify(...)`` inside their own transaction; the e-mail goes into the outbox
(``outbox``) in that transaction and is sent by a background task once it commits."""
from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import outbox
from .models import EmailPreference, Notification, NotificationKind, User


def wants_email(user: User, kind: str) -> bool:
    if not user.email:
        return False
    pref = EmailPreference.objects.filter(user=user, kind=kind).first()
    return True if pref is None else pref.by_email


def _queue_email(n: Notification) -> None:
    link = f"\n\n{settings.THIDUA_PUBLIC_BASE_URL.rstrip('/')}{n.url}" if n.url else ""
    outbox.queue(to=n.user.email, subject=f"[ThiĐua] {n.title}", body=f"{n.body}{link}", notification=n)


def notify(*, users, kind: str, title: str, body: str = "", url: str = "") -> list[Notification]:
    created = []
    for user in {u.pk: u for u in users if u is not None}.values():
        n = Notification.objects.create(user=user, kind=kind, title=title[:200], body=body, url=url[:300])
        created.append(n)
        if wants_email(user, kind):
            _queue_email(n)
    return created


@transaction.atomic
def mark_read(*, user: User, notification_ids=None) -> int:
    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        qs = qs.filter(pk__in=notification_ids)
    return qs.update(read_at=timezone.now())


@transaction.atomic
def set_email_preferences(*, user: User, kinds_by_email: set[str]) -> None:
    for kind in NotificationKind.values:
        EmailPreference.objects.update_or_create(user=user, kind=kind,
                                                 defaults={"by_email": kind in kinds_by_email})


def unread_count(user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
