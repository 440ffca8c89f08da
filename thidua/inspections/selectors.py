"""Reads of the inspections app. Pages read through the user (the commune-wide roles of the
user's commune; anyone else is refused, out-of-commune objects answer 404). The reads for the
system — the overdue notices, the movement's review report, the annual report — take the
commune or the movement."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from thidua.core.text import collation_key

from .access import can_read, user_commune
from .models import (
    CheckItem, Finding, FindingFile, GoodPractice, Inspection, InspectionPlan, Recommendation,
)


def _commune(user):
    if not can_read(user):
        raise PermissionDenied("Chỉ cán bộ cấp xã xem được hồ sơ kiểm tra.")
    commune = user_commune(user)
    if commune is None:
        raise Http404("Chưa cấu hình xã.")
    return commune


def years(*, user) -> list[int]:
    commune = _commune(user)
    found = set(InspectionPlan.objects.filter(commune=commune).values_list("year", flat=True))
    found.add(timezone.localdate().year)
    return sorted(found, reverse=True)


def plans(*, user, year: int) -> list[InspectionPlan]:
    return list(InspectionPlan.objects.filter(commune=_commune(user), year=year)
                .annotate(n_inspections=Count("inspections")).order_by("title"))


def get_plan(*, user, pk: int) -> InspectionPlan:
    plan = InspectionPlan.objects.filter(pk=pk, commune=_commune(user)).first()
    if plan is None:
        raise Http404("Không tìm thấy kế hoạch kiểm tra.")
    return plan


def plan_inspections(*, plan: InspectionPlan) -> list[Inspection]:
    return list(plan.inspections.select_related("movement").prefetch_related("units", "findings"))


def get_inspection(*, user, pk: int) -> Inspection:
    inspection = (Inspection.objects.filter(pk=pk, plan__commune=_commune(user))
                  .select_related("plan", "movement").first())
    if inspection is None:
        raise Http404("Không tìm thấy đợt kiểm tra.")
    return inspection


def inspection_units(*, inspection: Inspection) -> list[dict]:
    """Each unit of the inspection with its finding (None before the team records one)."""
    findings = {f.unit_id: f for f in inspection.findings.annotate(
        n_recommendations=Count("recommendations"),
        n_open=Count("recommendations", filter=Q(recommendations__closed_on__isnull=True)))}
    units = sorted(inspection.units.all(), key=lambda u: collation_key(u.name))
    return [{"unit": u, "finding": findings.get(u.pk)} for u in units]


def get_finding(*, user, pk: int) -> Finding:
    finding = (Finding.objects.filter(pk=pk, inspection__plan__commune=_commune(user))
               .select_related("inspection__plan", "inspection__movement", "unit").first())
    if finding is None:
        raise Http404("Không tìm thấy kết quả kiểm tra.")
    return finding


def finding_page(*, finding: Finding) -> dict:
    today = timezone.localdate()
    recommendations = list(finding.recommendations.select_related("responsible"))
    for r in recommendations:
        r.overdue = r.is_overdue(today)
    return {
        "items": list(finding.items.all()),
        "files": list(finding.files.all()),
        "recommendations": recommendations,
        "practices": list(finding.practices.select_related("person", "organisation")),
    }


def get_file(*, user, pk: int) -> FindingFile:
    item = FindingFile.objects.filter(pk=pk, finding__inspection__plan__commune=_commune(user)).first()
    if item is None:
        raise Http404("Không tìm thấy tệp.")
    return item


def _recommendations(commune) -> QuerySet[Recommendation]:
    return (Recommendation.objects.filter(finding__inspection__plan__commune=commune)
            .select_related("finding__unit", "finding__inspection__movement", "responsible"))


def get_recommendation(*, user, pk: int) -> Recommendation:
    item = _recommendations(_commune(user)).filter(pk=pk).prefetch_related("follow_ups__recorded_by").first()
    if item is None:
        raise Http404("Không tìm thấy kiến nghị.")
    return item


def recommendations(*, user, today: datetime.date | None = None) -> dict:
    """The commune's recommendations: overdue first, then open by deadline, then the closed."""
    today = today or timezone.localdate()
    rows = list(_recommendations(_commune(user)).order_by("due_on", "pk"))
    for r in rows:
        r.overdue = r.is_overdue(today)
    return {"overdue": [r for r in rows if r.overdue],
            "open": [r for r in rows if not r.is_closed and not r.overdue],
            "closed": sorted((r for r in rows if r.is_closed), key=lambda r: r.closed_on, reverse=True),
            "today": today}


def overdue_for_queue(*, user, today: datetime.date | None = None) -> list[Recommendation]:
    """The overdue recommendations the officer's work queue shows (none for other roles)."""
    from .access import can_manage

    if not can_manage(user):
        return []
    commune = user_commune(user)
    return list(_recommendations(commune).overdue(today or timezone.localdate()).order_by("due_on", "pk"))


def overdue_recommendations(*, today: datetime.date) -> list[Recommendation]:
    """Every recommendation past its deadline and still open, all communes (the notices)."""
    return list(Recommendation.objects.overdue(today).select_related("finding__unit", "finding__inspection__plan__commune",
                                                                    "responsible").order_by("pk"))


# --- good practices ------------------------------------------------------------------------------

def _practices(commune) -> QuerySet[GoodPractice]:
    return (GoodPractice.objects.filter(commune=commune)
            .select_related("person", "organisation", "reporting_unit", "movement", "finding__unit"))


def practices(*, user) -> list[GoodPractice]:
    return list(_practices(_commune(user)))


def get_practice(*, user, pk: int) -> GoodPractice:
    item = _practices(_commune(user)).filter(pk=pk).first()
    if item is None:
        raise Http404("Không tìm thấy nhân tố mới, cách làm hay.")
    return item


def practices_in(*, commune, year_from: int, year_to: int) -> list[GoodPractice]:
    """For the annual and five-year reports: the period's good practices, promoted ones first."""
    rows = list(_practices(commune).filter(year__gte=year_from, year__lte=year_to))
    return sorted(rows, key=lambda p: (p.promoted_on is None, collation_key(p.title)))


# --- the movement's review ---------------------------------------------------------------------

@dataclass
class UnitFinding:
    finding: Finding
    items: list[CheckItem]
    recommendations: list[Recommendation] = field(default_factory=list)


@dataclass
class MovementInspections:
    inspections: list[Inspection]
    findings: list[UnitFinding]
    practices: list[GoodPractice]

    @property
    def recommendations(self) -> list[Recommendation]:
        return [r for f in self.findings for r in f.recommendations]


def movement_inspections(*, movement) -> MovementInspections:
    """Everything the inspections recorded about one movement (its review report)."""
    inspections = list(Inspection.objects.filter(movement=movement).select_related("plan").order_by("start_date"))
    findings = (Finding.objects.filter(inspection__in=inspections).select_related("unit", "inspection")
                .prefetch_related("items", Prefetch("recommendations",
                                                    queryset=Recommendation.objects.select_related("responsible"))))
    rows = [UnitFinding(f, list(f.items.all()), list(f.recommendations.all()))
            for f in sorted(findings, key=lambda f: (f.inspection.start_date, collation_key(f.unit.name)))]
    practices = list(GoodPractice.objects.filter(Q(movement=movement) | Q(finding__inspection__in=inspections))
                     .select_related("person", "organisation").distinct().order_by("recorded_on", "pk"))
    return MovementInspections(inspections, rows, practices)
