"""Notices of the proposal flow, through ``thidua.accounts.notifications.notify``: an in-app
row for each recipient, and an e-mail — only after the transaction commits — for those who
chose that kind by e-mail. The services call these after their state change, inside their
own transaction, so a change that rolls back sends nothing.

- a dossier returned for completion → the unit's clerks, with the officer's reason;
- voting open at a meeting → the members present who may vote (not recused from everything);
- a decision signed → the commune's officers and the unit's clerks;
- a dossier overdue (``send_deadline_notices``, run daily by cron) → the unit's clerks while
  it is still with the unit after the round's deadline; the officers while it waits for the
  office past its 5 working days. Each recipient is told once per dossier and stage: the
  notices already sent (same kind, link and recipient) are the record.
"""
from __future__ import annotations

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import Notification, NotificationKind, Role, User
from thidua.accounts.notifications import notify

from ..models import Attendance, Decision, Dossier, Meeting
from ..selectors import overdue_dossiers, procedure_parameters, recused_member_ids, settling_rule

Kind = NotificationKind
UNIT_STAGE, OFFICE_STAGE = "han-nop", "han-xu-ly"  # the link's fragment tells the two overdue notices apart


def unit_clerks(unit) -> list[User]:
    """The active clerks whose scope is the dossier's unit."""
    return list(User.objects.filter(unit=unit, role=Role.CLERK, is_active=True))


def commune_officers(commune) -> list[User]:
    """The commune's active emulation & commendation officers."""
    return list(User.objects.filter(unit=commune, role=Role.OFFICER, is_active=True))


def dossier_url(dossier: Dossier) -> str:
    return reverse("proposals:dossier", args=[dossier.pk])


def dossier_returned(*, dossier: Dossier, reason: str) -> None:
    """The unit's clerks; when the province returns a commune's dossier, the commune's officers."""
    users = unit_clerks(dossier.unit)
    level = "xã"
    if dossier.round.commune.kind == "city":
        users += commune_officers(dossier.unit) if dossier.unit.kind == "commune" else []
        level = "thành phố"
    notify(users=users, kind=Kind.DOSSIER_RETURNED,
           title="Hồ sơ đề nghị khen thưởng bị trả lại để bổ sung — %s" % dossier.round.name,
           body=("Cán bộ thi đua – khen thưởng %(level)s đã trả lại hồ sơ đề nghị của %(unit)s (%(round)s).\n"
                 "Lý do: %(reason)s\nĐề nghị đơn vị bổ sung và nộp lại."
                 % {"level": level, "unit": dossier.unit.name, "round": dossier.round.name, "reason": reason}),
           url=dossier_url(dossier))


def ballot_open(*, meeting: Meeting) -> None:
    """Members present who may vote on at least one nomination of the agenda."""
    present = [a.member for a in Attendance.objects.filter(meeting=meeting, present=True)
               .select_related("member__user__person")]
    agenda = [n for d in meeting.dossiers.filter(state=Dossier.State.AT_COUNCIL)
              for n in d.nominations.select_related("person")
              if n.goes_to_council and n.outcome == n.Outcome.PENDING]
    url = reverse("proposals:ballot_paper", args=[meeting.pk])
    for member in present:
        if not member.user.is_active:
            continue
        mine = [n for n in agenda if member.pk not in recused_member_ids(n, [member])]
        if not mine:
            continue
        notify(users=[member.user], kind=Kind.BALLOT_OPEN,
               title="Mở bỏ phiếu: %s" % meeting,
               body=("Phiên họp Hội đồng Thi đua – Khen thưởng đã khai mạc; mời đồng chí bỏ phiếu kín "
                     "trên một phiếu bầu gồm %(n)d đề nghị khen thưởng." % {"n": len(mine)}),
               url=url)


def decision_signed(*, decision: Decision, dossier: Dossier, recorded_by: User | None = None) -> None:
    """The commune's chairman signed, or the office recorded the province's decision
    (``recorded_by``: the officer who did, not told of her own entry)."""
    users = [u for u in commune_officers(dossier.round.commune) + unit_clerks(dossier.unit)
             if recorded_by is None or u.pk != recorded_by.pk]
    notify(users=users, kind=Kind.DECISION_SIGNED,
           title="Đã ký Quyết định số %s" % decision.number,
           body=("%(signer)s đã ký Quyết định số %(number)s ngày %(day)s khen thưởng theo hồ sơ đề nghị của "
                 "%(unit)s (%(round)s)." % {"signer": decision.signer_name or decision.issuer_name,
                                            "number": decision.number, "day": f"{decision.date:%d/%m/%Y}",
                                            "unit": dossier.unit.name, "round": dossier.round.name}),
           url=reverse("proposals:decision", args=[decision.pk]))


def _not_yet_told(users: list[User], url: str) -> list[User]:
    told = set(Notification.objects.filter(kind=Kind.DOSSIER_OVERDUE, url=url, user__in=users)
               .values_list("user_id", flat=True))
    return [u for u in users if u.pk not in told]


@transaction.atomic
def send_deadline_notices(*, today: datetime.date | None = None) -> dict[str, int]:
    """Tell who must act about each overdue dossier, once. Returns the counts sent."""
    today = today or timezone.localdate()
    return_days = procedure_parameters().dossier_return_working_days
    sent = {"unit": 0, "office": 0, "settling": 0}
    for dossier in overdue_dossiers(today=today):
        if dossier.state in Dossier.EDITABLE_STATES:
            url = f"{dossier_url(dossier)}#{UNIT_STAGE}"
            users = _not_yet_told(unit_clerks(dossier.unit), url)
            title = "Hồ sơ đề nghị khen thưởng quá hạn nộp — %s" % dossier.round.name
            body = ("Hồ sơ đề nghị của %(unit)s chưa được nộp; hạn nộp là %(deadline)s. Đề nghị đơn vị "
                    "hoàn thiện và nộp hồ sơ." % {"unit": dossier.unit.name,
                                                  "deadline": f"{dossier.round.deadline:%d/%m/%Y}"})
            stage = "unit"
        elif dossier.settling_overdue:
            url = f"{dossier_url(dossier)}#han-giai-quyet"
            users = _not_yet_told(commune_officers(dossier.round.commune), url)
            title = "Hồ sơ đề nghị Chiến sĩ thi đua cơ sở quá thời hạn giải quyết — %s" % dossier.unit.name
            body = ("Hồ sơ đề nghị của %(unit)s (%(round)s) có đề nghị danh hiệu Chiến sĩ thi đua cơ sở, nhận đủ "
                    "ngày %(submitted)s, hạn giải quyết %(due)s (%(rule)s), chưa có quyết định."
                    % {"unit": dossier.unit.name, "round": dossier.round.name,
                       "submitted": f"{timezone.localtime(dossier.submitted_at):%d/%m/%Y}",
                       "due": f"{dossier.settling_due:%d/%m/%Y}", "rule": settling_rule()})
            stage = "settling"
        else:
            url = f"{dossier_url(dossier)}#{OFFICE_STAGE}"
            users = _not_yet_told(commune_officers(dossier.round.commune), url)
            days = return_days
            title = "Hồ sơ chờ tiếp nhận quá %s ngày làm việc — %s" % (days, dossier.unit.name)
            body = ("Hồ sơ đề nghị của %(unit)s (%(round)s) nộp ngày %(submitted)s, hạn xử lý %(due)s "
                    "(%(days)s ngày làm việc), chưa được tiếp nhận hoặc trả lại."
                    % {"unit": dossier.unit.name, "round": dossier.round.name, "days": days,
                       "submitted": f"{timezone.localtime(dossier.submitted_at):%d/%m/%Y}",
                       "due": f"{dossier.processing_due:%d/%m/%Y}"})
            stage = "office"
        if users:
            sent[stage] += len(notify(users=users, kind=Kind.DOSSIER_OVERDUE, title=title, body=body, url=url))
    return sent


def send_every_deadline_notice(*, today: datetime.date | None = None) -> list[tuple[str, int]]:
    """The daily run: this app's deadline notices, then every other process's registered in
    ``thidua.core.worklist.deadline_notices`` (e.g. inspection recommendations). One place,
    used by the command and by the scheduled task alike."""
    from thidua.core.worklist import deadline_notices

    today = today or timezone.localdate()
    sent = send_deadline_notices(today=today)
    return [("thông báo quá hạn nộp cho văn thư đơn vị", sent["unit"]),
            ("thông báo quá hạn xử lý cho cán bộ thi đua – khen thưởng", sent["office"]),
            ("thông báo quá thời hạn giải quyết hồ sơ Chiến sĩ thi đua cơ sở", sent["settling"]),
            *deadline_notices.run(today=today)]
