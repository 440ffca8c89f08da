"""Overdue recommendations in the notices: the commune's officers and the clerks of the unit
are told once per recommendation (the notices already sent — same kind, link and recipient —
are the record), by ``manage.py send_deadline_notices`` run every working morning."""
from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import Notification, NotificationKind, Role, User
from thidua.accounts.notifications import notify

from .selectors import overdue_recommendations


def recommendation_url(recommendation) -> str:
    return reverse("inspections:recommendation", args=[recommendation.pk])


def _recipients(recommendation) -> list[User]:
    commune = recommendation.finding.inspection.plan.commune
    return list(User.objects.filter(is_active=True).filter(
        Q(unit=commune, role=Role.OFFICER) | Q(unit=recommendation.finding.unit, role=Role.CLERK)))


@transaction.atomic
def send_overdue_notices(*, today: datetime.date | None = None) -> tuple[str, int]:
    today = today or timezone.localdate()
    sent = 0
    for r in overdue_recommendations(today=today):
        url = recommendation_url(r)
        users = _recipients(r)
        told = set(Notification.objects.filter(kind=NotificationKind.RECOMMENDATION_OVERDUE, url=url,
                                               user__in=users).values_list("user_id", flat=True))
        users = [u for u in users if u.pk not in told]
        if not users:
            continue
        who = r.responsible.full_name + (f", {r.responsible_position}" if r.responsible_position else "")
        sent += len(notify(
            users=users, kind=NotificationKind.RECOMMENDATION_OVERDUE,
            title="Kiến nghị sau kiểm tra quá hạn — %s" % r.finding.unit.name,
            body=("Kiến nghị ngày %(issued)s với %(unit)s: “%(text)s”.\nNgười chịu trách nhiệm: %(who)s. "
                  "Hạn khắc phục %(due)s (%(days)d ngày làm việc) đã qua mà chưa hoàn thành."
                  % {"issued": f"{r.issued_on:%d/%m/%Y}", "unit": r.finding.unit.name, "text": r.text[:300],
                     "who": who, "due": f"{r.due_on:%d/%m/%Y}", "days": r.working_days}),
            url=url))
    return "thông báo kiến nghị sau kiểm tra quá hạn", sent
