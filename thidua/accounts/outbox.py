"""The e-mail outbox: ``queue`` writes a row and its sending task in the caller's transaction;
``deliver`` (run by the task) talks to the SMTP server outside any transaction, and only an
accepted message is marked sent. A refused or unreachable server schedules another attempt
after ``THIDUA_EMAIL_RETRY_SECONDS[n]``; when those are used up the row is marked failed, with
the server's answer, for the administrator to see and send again."""
from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from thidua.core.audit import log_transition

from .models import Notification, OutboundEmail
from .permissions import can

log = logging.getLogger(__name__)


@task()
def send_email(email_id: int) -> str:
    """The task that sends one message (``accounts.tasks`` names it): defined beside the
    delivery, which enqueues it again after a failure."""
    return deliver(email_id)


def _enqueue(email: OutboundEmail, *, delay_seconds: float = 0) -> None:
    task = send_email
    if delay_seconds:
        task = send_email.using(run_after=timezone.now() + datetime.timedelta(seconds=delay_seconds))
    task.enqueue(email.pk)


def queue(*, to: str, subject: str, body: str, notification: Notification | None = None) -> OutboundEmail:
    """Put a message in the outbox; it leaves once the caller's transaction commits."""
    email = OutboundEmail.objects.create(to=to, subject=subject[:250], body=body, notification=notification)
    _enqueue(email)
    return email


def deliver(email_id: int) -> str:
    email = OutboundEmail.objects.filter(pk=email_id).first()
    if email is None or email.status != OutboundEmail.Status.PENDING:
        return "nothing to send"
    error = ""
    try:
        accepted = EmailMessage(subject=email.subject, body=email.body, from_email=settings.DEFAULT_FROM_EMAIL,
                                to=[email.to], connection=get_connection(fail_silently=False)).send()
        if accepted != 1:
            error = "Máy chủ thư không nhận thư."
    except Exception as exc:  # noqa: BLE001 — every SMTP/network failure is recorded and retried
        error = f"{type(exc).__name__}: {exc}"
    return _record_attempt(email_id=email_id, error=error)


@transaction.atomic
def _record_attempt(*, email_id: int, error: str) -> str:
    email = OutboundEmail.objects.select_for_update().get(pk=email_id)
    now = timezone.now()
    email.attempts += 1
    email.last_attempt_at = now
    if not error:
        email.status, email.sent_at, email.next_attempt_at, email.last_error = OutboundEmail.Status.SENT, now, None, ""
        email.save()
        if email.notification_id:
            Notification.objects.filter(pk=email.notification_id).update(emailed=True)
        return "sent"
    email.last_error = error[:2000]
    delays = settings.THIDUA_EMAIL_RETRY_SECONDS
    if email.attempts > len(delays):
        email.status, email.next_attempt_at = OutboundEmail.Status.FAILED, None
        email.save()
        log.warning("E-mail %s to %s failed for good: %s", email.pk, email.to, error)
        return "failed"
    delay = delays[email.attempts - 1]
    email.next_attempt_at = now + datetime.timedelta(seconds=delay)
    email.save()
    _enqueue(email, delay_seconds=delay)
    return "retry"


@transaction.atomic
def retry_failed(*, actor, email_id: int) -> OutboundEmail:
    """The administrator sends a failed message again (a fresh round of attempts)."""
    if not can(actor, "administer"):
        raise PermissionDenied("Chỉ quản trị hệ thống gửi lại thư.")
    email = OutboundEmail.objects.select_for_update().get(pk=email_id, status=OutboundEmail.Status.FAILED)
    email.status, email.attempts, email.next_attempt_at = OutboundEmail.Status.PENDING, 0, None
    email.save()
    log_transition(actor=actor, instance=email, from_state=OutboundEmail.Status.FAILED,
                   to_state=OutboundEmail.Status.PENDING, note="Gửi lại thư")
    _enqueue(email)
    return email
