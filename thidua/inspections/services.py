"""Writes of the inspections app. Keyword-only, atomic, audited (``thidua.core.services``).
``actor=None`` is the system itself (the demo loader): no permission checks."""
from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.scoping import can_see_organisation
from thidua.core import workdays
from thidua.core.audit import log_event
from thidua.core.models import AuditEntry
from thidua.core.services import create_record, update_record
from thidua.core.text import nfc, nfc_lines
from thidua.org.models import Membership, Organisation, Person

from . import checklist
from .access import can_manage
from .files import validate_evidence
from .models import (
    CheckItem, Finding, FindingFile, FollowUp, GoodPractice, Inspection, InspectionPlan, Recommendation,
)


def _require_office(actor) -> None:
    if actor is not None and not can_manage(actor):
        raise PermissionDenied(_("Chỉ cán bộ thi đua – khen thưởng xã được làm việc này."))


def _require_seen(actor, organisation: Organisation | None) -> None:
    if actor is not None and organisation is not None and not can_see_organisation(actor, organisation):
        raise ValidationError(_("Đơn vị “%(unit)s” không thuộc phạm vi của bạn.") % {"unit": organisation})


def _d(day: datetime.date) -> str:
    return f"{day:%d/%m/%Y}"


# --- plans and inspections ---------------------------------------------------------------------

@transaction.atomic
def create_plan(*, actor, commune: Organisation, year: int, title: str, purpose: str = "") -> InspectionPlan:
    _require_office(actor)
    _require_seen(actor, commune)
    return create_record(actor=actor, model=InspectionPlan, commune=commune, year=year, title=nfc(title),
                         purpose=nfc_lines(purpose))


@transaction.atomic
def create_inspection(*, actor, plan: InspectionPlan, topic: str, units, team: str, start_date: datetime.date,
                      end_date: datetime.date, movement=None, note: str = "") -> Inspection:
    _require_office(actor)
    units = list(units)
    if not units:
        raise ValidationError({"units": _("Chọn ít nhất một đơn vị được kiểm tra.")})
    for unit in units:
        _require_seen(actor, unit)
    if movement is not None and movement.commune_id != plan.commune_id:
        raise ValidationError({"movement": _("Phong trào không thuộc xã của kế hoạch.")})
    if topic != Inspection.Topic.MOVEMENT:
        movement = None
    for day in (start_date, end_date):
        if day and day.year != plan.year:
            raise ValidationError(_("Ngày kiểm tra %(day)s nằm ngoài năm của kế hoạch (%(year)s).")
                                  % {"day": _d(day), "year": plan.year})
    inspection = create_record(actor=actor, model=Inspection, plan=plan, topic=topic, movement=movement,
                               team=nfc_lines(team), start_date=start_date, end_date=end_date, note=nfc_lines(note))
    inspection.units.set(units)
    log_event(actor=actor, instance=inspection, action=AuditEntry.Action.UPDATE,
              after={"units": sorted(u.pk for u in units)}, note="Đơn vị được kiểm tra")
    return inspection


# --- findings ----------------------------------------------------------------------------------

@transaction.atomic
def open_finding(*, actor, inspection: Inspection, unit: Organisation) -> Finding:
    """The finding at one unit of the inspection, created with its checklist the first time."""
    _require_office(actor)
    if not inspection.units.filter(pk=unit.pk).exists():
        raise ValidationError(_("Đơn vị “%(unit)s” không có trong đợt kiểm tra này.") % {"unit": unit})
    existing = Finding.objects.filter(inspection=inspection, unit=unit).first()
    if existing is not None:
        return existing
    finding = create_record(actor=actor, model=Finding, inspection=inspection, unit=unit)
    items = [CheckItem(finding=finding, source=line.source, code=line.code[:20], text=line.text, order=n)
             for n, line in enumerate(checklist.build(inspection, unit))]
    CheckItem.objects.bulk_create(items)
    log_event(actor=actor, instance=finding, action=AuditEntry.Action.CREATE,
              after={"checklist": len(items)}, note="Lập danh mục kiểm tra")
    return finding


@transaction.atomic
def record_finding(*, actor, finding: Finding, inspected_on: datetime.date | None, strengths: str = "",
                   shortcomings: str = "", conclusion: str = "", results: dict | None = None) -> Finding:
    """The team's record at the unit; ``results``: {item id: (result, note)} of the checklist."""
    _require_office(actor)
    inspection = finding.inspection
    if inspected_on and not inspection.start_date <= inspected_on <= inspection.end_date:
        raise ValidationError({"inspected_on": _("Ngày kiểm tra phải trong thời gian của đợt (%(a)s – %(b)s).")
                               % {"a": _d(inspection.start_date), "b": _d(inspection.end_date)}})
    items = {item.pk: item for item in finding.items.all()}
    for pk, (result, note) in (results or {}).items():
        item = items.get(pk)
        if item is None:
            raise ValidationError(_("Nội dung kiểm tra không thuộc kết quả này."))
        if result not in CheckItem.Result.values:
            raise ValidationError(_("Kết quả kiểm tra không hợp lệ."))
        if (item.result, item.note) != (result, nfc(note)[:500]):
            update_record(actor=actor, instance=item, result=result, note=nfc(note)[:500])
    return update_record(actor=actor, instance=finding, inspected_on=inspected_on, strengths=nfc_lines(strengths),
                         shortcomings=nfc_lines(shortcomings), conclusion=nfc_lines(conclusion))


@transaction.atomic
def add_evidence(*, actor, finding: Finding, upload, description: str = "") -> FindingFile:
    _require_office(actor)
    kind = validate_evidence(upload)
    return create_record(actor=actor, model=FindingFile, finding=finding, file=upload, kind=kind,
                         original_name=upload.name[-255:], description=nfc(description)[:250], size=upload.size,
                         uploaded_by=actor if actor is not None and actor.is_authenticated else None)


# --- recommendations ---------------------------------------------------------------------------

def current_position(person: Person, unit: Organisation, on: datetime.date) -> str:
    membership = (Membership.objects.filter(Membership.current_q(on), person=person, organisation=unit).first()
                  or Membership.objects.filter(Membership.current_q(on), person=person).select_related("organisation")
                  .first())
    return membership.position if membership else ""


@transaction.atomic
def add_recommendation(*, actor, finding: Finding, text: str, responsible: Person, working_days: int,
                       issued_on: datetime.date | None = None) -> Recommendation:
    """A recommendation with its deadline: ``working_days`` Vietnamese working days after the
    day it is issued (weekends, holidays and the commune's own days off skipped)."""
    _require_office(actor)
    issued_on = issued_on or timezone.localdate()
    if working_days is None or not 1 <= int(working_days) <= 250:
        raise ValidationError({"working_days": _("Thời hạn từ 1 đến 250 ngày làm việc.")})
    due_on = workdays.add_working_days(issued_on, int(working_days))
    return create_record(actor=actor, model=Recommendation, finding=finding, text=nfc_lines(text),
                         responsible=responsible,
                         responsible_position=current_position(responsible, finding.unit, issued_on)[:200],
                         issued_on=issued_on, working_days=int(working_days), due_on=due_on)


@transaction.atomic
def add_follow_up(*, actor, recommendation: Recommendation, on: datetime.date, note: str) -> FollowUp:
    _require_office(actor)
    if recommendation.is_closed:
        raise ValidationError(_("Kiến nghị đã hoàn thành ngày %(day)s.") % {"day": _d(recommendation.closed_on)})
    if not nfc(note).strip():
        raise ValidationError({"note": _("Phải ghi nội dung theo dõi.")})
    if on < recommendation.issued_on or on > timezone.localdate():
        raise ValidationError({"on": _("Ngày theo dõi phải từ ngày kiến nghị đến hôm nay.")})
    return create_record(actor=actor, model=FollowUp, recommendation=recommendation, on=on, note=nfc_lines(note),
                         recorded_by=actor if actor is not None and actor.is_authenticated else None)


@transaction.atomic
def close_recommendation(*, actor, recommendation: Recommendation, closed_on: datetime.date,
                         outcome: str) -> Recommendation:
    """The unit has put it right: closed on a day with what was done."""
    _require_office(actor)
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if recommendation.is_closed:
        raise ValidationError(_("Kiến nghị đã hoàn thành ngày %(day)s.") % {"day": _d(recommendation.closed_on)})
    if not nfc_lines(outcome).strip():
        raise ValidationError({"outcome": _("Phải ghi kết quả khắc phục.")})
    if closed_on > timezone.localdate():
        raise ValidationError({"closed_on": _("Ngày hoàn thành không được ở tương lai.")})
    return update_record(actor=actor, instance=recommendation, closed_on=closed_on, outcome=nfc_lines(outcome),
                         audit_note="Kiến nghị đã hoàn thành")


# --- new factors and good practices --------------------------------------------------------------

PRACTICE_FIELDS = ("source", "finding", "reporting_unit", "movement", "person", "organisation", "title", "practice",
                   "result", "recorded_on", "year")


@transaction.atomic
def record_practice(*, actor, commune: Organisation, **fields) -> GoodPractice:
    _require_office(actor)
    data = {k: v for k, v in fields.items() if k in PRACTICE_FIELDS}
    _require_seen(actor, data.get("organisation"))
    _require_seen(actor, data.get("reporting_unit"))
    finding = data.get("finding")
    if finding is not None:
        data["source"] = GoodPractice.Source.INSPECTION
        data.setdefault("movement", finding.inspection.movement)
    data.setdefault("recorded_on", timezone.localdate())
    data.setdefault("year", data["recorded_on"].year)
    return create_record(actor=actor, model=GoodPractice, commune=commune, **data)


@transaction.atomic
def mark_promoted(*, actor, practice: GoodPractice, on: datetime.date) -> GoodPractice:
    """Called by the public app inside its own transaction when it makes the practice an
    exemplar of the honour board."""
    if practice.promoted_on is not None:
        raise ValidationError(_("Cách làm hay này đã được nêu gương ngày %(day)s.") % {"day": _d(practice.promoted_on)})
    return update_record(actor=actor, instance=practice, promoted_on=on, audit_note="Nêu gương trên bảng vàng")
