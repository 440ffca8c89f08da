"""The proposals' lines of the home work queue (``thidua.core.worklist``)."""
from __future__ import annotations

import datetime

from django.urls import reverse

from thidua.accounts.models import Role
from thidua.core.worklist import WorkItem, capped, work_sections

from . import access, selectors
from .models import Dossier, Meeting

S = Dossier.State


def _dossier(d: Dossier, detail: str = "", due=None, overdue=None) -> WorkItem:
    return WorkItem(title=f"{d.unit.name} — {d.round.name}", url=reverse("proposals:dossier", args=[d.pk]),
                    detail=detail, due=due, overdue=d.overdue if overdue is None else overdue)


def office_dossiers(user, today: datetime.date):
    if not access.is_office(user):
        return None
    queue = selectors.queue(user=user)
    days = selectors.procedure_parameters().dossier_return_working_days
    items = [_dossier(d, f"{d.get_state_display()}; xử lý trong {days} ngày làm việc kể từ ngày nộp",
                      d.processing_due) for d in queue["to_check"]]
    return capped("Hồ sơ chờ tiếp nhận, thẩm định", items, reverse("proposals:queue") + "#can-xu-ly")


def office_to_council(user, today: datetime.date):
    """Dossiers whose public comment period is over, waiting for a council meeting."""
    if not access.is_office(user):
        return None
    waiting = [d for d in selectors.visible_dossiers(user).filter(state=S.PUBLISHED, published_until__lt=today)
               .select_related("unit", "round")]
    planned = Meeting.objects.filter(state=Meeting.State.PLANNED, held_on__gte=today).exists()
    detail = "đưa vào phiên họp đã lên lịch" if planned else "chưa có phiên họp: lên lịch họp Hội đồng"
    items = [WorkItem(title=f"{d.unit.name} — {d.round.name}", url=reverse("proposals:dossier", args=[d.pk]),
                      detail=f"hết công khai {d.published_until:%d/%m/%Y}; {detail}") for d in waiting]
    return capped("Hồ sơ hết thời gian công khai, chờ trình Hội đồng", items, reverse("proposals:council"))


def decisions_to_send_down(user, today: datetime.date):
    """Decisions signed in the last weeks: the office sends them down to the units in 10
    working days."""
    if not access.is_office(user):
        return None
    recent = (selectors.visible_dossiers(user).filter(state=S.DECIDED, decision__date__gte=today - datetime.timedelta(days=30))
              .select_related("decision", "unit", "round"))
    items, seen = [], set()
    for d in recent:
        if d.decision_id in seen:
            continue
        seen.add(d.decision_id)
        due = selectors.sending_down_due(d.decision)
        if due is not None and due >= today:
            items.append(WorkItem(title=str(d.decision), url=reverse("proposals:decision", args=[d.decision_id]),
                                  detail="gửi quyết định về các đơn vị", due=due))
    return capped("Quyết định cần gửi về đơn vị", items)


def to_sign(user, today: datetime.date):
    if user.role != Role.CHAIRMAN:
        return None
    items = [_dossier(d, "Hội đồng đã bỏ phiếu: xem dự thảo quyết định và ký")
             for d in selectors.queue(user=user)["to_sign"]]
    return capped("Chờ Chủ tịch ký quyết định", items, reverse("proposals:queue") + "#cho-ky")


def ballots(user, today: datetime.date):
    pending = selectors.pending_ballots(user=user)
    if not pending:
        return None
    meetings = {}
    for n in pending:
        meetings.setdefault(n.dossier.meeting_id, []).append(n)
    items = [WorkItem(title=f"Phiên họp Hội đồng: phiếu bầu kín ({len(ns)} đề nghị) chờ bạn bỏ phiếu",
                      url=reverse("proposals:ballot_paper", args=[meeting_id]))
             for meeting_id, ns in meetings.items()]
    return capped("Phiếu bầu đang mở", items)


def unit_dossiers(user, today: datetime.date):
    """A clerk's dossiers being prepared or returned, and the rounds she may still file in."""
    if not user.can_manage_records or access.is_office(user):
        return None
    queue = selectors.queue(user=user)
    items = [_dossier(d, "bị trả lại: " + d.return_reason[:80] if d.state == S.RETURNED else "đang soạn",
                      d.round.deadline) for d in queue["preparing"]]
    filed = {(d.round_id, d.unit_id) for d in queue["dossiers"]}
    for r in queue["rounds"]:
        if r.deadline >= today and not any(round_id == r.pk for round_id, _ in filed):
            items.append(WorkItem(title=r.name, url=reverse("proposals:dossier_create", args=[r.pk]),
                                  detail="chưa lập hồ sơ đề nghị", due=r.deadline))
    return capped("Hồ sơ đề nghị khen thưởng của đơn vị", items, reverse("proposals:queue"))


def register() -> None:
    work_sections.register(ballots, order=10)
    work_sections.register(to_sign, order=20)
    work_sections.register(office_dossiers, order=30)
    work_sections.register(office_to_council, order=40)
    work_sections.register(decisions_to_send_down, order=50)
    work_sections.register(unit_dossiers, order=60)
