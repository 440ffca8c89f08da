"""Reads of the targets app, scoped by the user (thidua.accounts.scoping)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from thidua.accounts.scoping import can_see_organisation, commune_of, visible_organisations
from thidua.awards.models import Award
from thidua.core.models import AuditEntry
from thidua.core.text import collation_key
from thidua.org.models import Organisation

from . import culture, sources
from .models import RECOGNISED, HouseholdReview, Target, TargetValue, VillageReview
from .progress import Actual, Plan, Status, Verdict, evaluate

FIRST_YEAR = 2021  # the five-year report's first year: computed figures start here


def _today() -> datetime.date:
    return timezone.localdate()


def user_commune(user) -> Organisation | None:
    """The commune whose targets the user works with (``accounts.scoping.commune_of``)."""
    return commune_of(user)


# --- Targets -----------------------------------------------------------------------------------

@dataclass
class YearCell:
    year: int
    planned: Decimal | None = None
    strict: bool = False
    actual: Decimal | None = None
    detail: str = ""
    partial: bool = False
    value_row: TargetValue | None = None
    planned_text: str = "—"
    actual_text: str = "—"


@dataclass
class TargetRow:
    target: Target
    verdict: Verdict
    years: list[YearCell] = field(default_factory=list)
    source_label: str = ""

    @property
    def status(self) -> Status:
        return self.verdict.status

    @property
    def latest(self) -> YearCell | None:
        known = [c for c in self.years if c.actual is not None]
        return known[-1] if known else None

    def chart(self) -> dict:
        t = self.target
        return {
            "id": t.code, "unit": t.unit, "levels": t.levels if t.direction == Target.Direction.REACH else [],
            "years": [c.year for c in self.years],
            "planned": [float(c.planned) if c.planned is not None else None for c in self.years],
            "actual": [float(c.actual) if c.actual is not None else None for c in self.years],
            "labels": {"planned": "Kế hoạch", "actual": "Thực hiện"},
        }


def _rows(targets: list[Target], commune: Organisation) -> list[TargetRow]:
    today = _today()
    years = list(range(FIRST_YEAR, today.year + 1))
    computed: dict[str, dict[int, Actual]] = {}
    for t in targets:
        if t.is_computed and t.computed_key not in computed:
            source = sources.get(t.computed_key)
            computed[t.computed_key] = source.compute(commune, years, today) if source else {}
    rows = []
    for t in targets:
        values = {v.year: v for v in t.values.all()}
        if t.is_computed:
            actuals = computed.get(t.computed_key, {})
        else:
            actuals = {y: Actual(v.actual, v.actual_note) for y, v in values.items() if v.actual is not None}
        plans = {y: Plan(v.planned, v.is_strict()) for y, v in values.items() if v.planned is not None}
        shown_years = sorted(set(range(t.start_year, t.end_year + 1)) | set(plans)
                             | {y for y, a in actuals.items() if a.known or a.detail})
        cells = []
        for y in shown_years:
            a, v = actuals.get(y), values.get(y)
            cells.append(YearCell(year=y, planned=v.planned if v else None,
                                  strict=v.is_strict() if v else t.strict,
                                  actual=a.value if a else None, detail=a.detail if a else "",
                                  partial=a.partial if a else False, value_row=v,
                                  planned_text=_planned_text(t, v), actual_text=t.format_value(a.value if a else None)))
        verdict = evaluate(direction=t.direction, annual=t.annual, start_year=t.start_year, end_year=t.end_year,
                           plans=plans, actuals=actuals, fmt=t.format_value)
        source = sources.get(t.computed_key) if t.is_computed else None
        rows.append(TargetRow(t, verdict, cells, source.label if source else (
            "Chưa có cách tính" if t.is_computed else "Nhập tay hoặc nhập từ tệp")))
    return rows


def _planned_text(t: Target, v: TargetValue | None) -> str:
    if v is None or v.planned is None:
        return "—"
    if t.direction == Target.Direction.REACH:
        return t.format_value(v.planned)
    if t.direction == Target.Direction.AT_MOST:
        word = "dưới" if v.is_strict() else "không quá"
    else:
        word = "trên" if v.is_strict() else "từ"
    return f"{word} {t.format_value(v.planned)}"


def _targets(commune):
    return Target.objects.filter(commune=commune).prefetch_related(
        Prefetch("values", queryset=TargetValue.objects.select_related("entered_by").order_by("year")))


def dashboard(*, user) -> dict:
    commune = user_commune(user)
    if commune is None:
        return {"commune": None, "rows": [], "summary": {}}
    rows = _rows(list(_targets(commune)), commune)
    summary = {s: sum(1 for r in rows if r.status is s) for s in Status}
    return {"commune": commune, "rows": rows, "summary": [(s, summary[s]) for s in Status]}


def target_detail(*, user, code: str) -> dict:
    commune = user_commune(user)
    target = _targets(commune).filter(code=code).first() if commune else None
    if target is None:
        raise Http404("Không tìm thấy chỉ tiêu.")
    row = _rows([target], commune)[0]
    value_ids = [str(v.pk) for v in target.values.all()]
    history = list(AuditEntry.objects.filter(content_type__app_label="targets", content_type__model="targetvalue",
                                             object_id__in=value_ids).order_by("-id")[:50])
    return {"commune": commune, "row": row, "target": target, "history": history}


# --- Cultural titles ---------------------------------------------------------------------------

def visible_villages(user):
    return visible_organisations(user).filter(kind=Organisation.Kind.VILLAGE, valid_until__isnull=True)


def culture_years(user) -> tuple[list[int], int]:
    """(years to choose from, newest first; the default: the latest year with a review)."""
    reviewed = set(VillageReview.objects.filter(village__in=visible_villages(user)).values_list("year", flat=True))
    default = max(reviewed) if reviewed else _today().year
    return sorted(reviewed | {_today().year}, reverse=True), default


@dataclass
class VillageLine:
    village: Organisation
    review: VillageReview | None
    listed: int = 0
    proposed: int = 0
    excluded: int = 0
    recognised: int = 0
    village_award: Award | None = None

    @property
    def share(self) -> Decimal | None:
        return sources.percent(self.recognised, self.listed) if self.review and self.review.status == "decided" else None


def culture_overview(*, user, year: int) -> dict:
    """Per village: households listed, proposed by the meeting, with an exclusion, recognised;
    the village's title; and the commune's share (over villages with a decision)."""
    villages = sorted(visible_villages(user), key=lambda v: collation_key(v.name))
    reviews = {r.village_id: r for r in VillageReview.objects.filter(village__in=villages, year=year)
               .annotate(listed=Count("entries"), proposed_n=Count("entries", filter=Q(entries__proposed=True)),
                         excluded=Count("entries", filter=Q(entries__has_exclusion=True)),
                         recognised=Count("entries", filter=Q(entries__award__isnull=False,
                                                              entries__award__revoked=False)))}
    titles = {a.organisation_id: a for a in Award.objects.filter(
        award_type__code="THON_VAN_HOA", year=year, revoked=False, organisation__in=villages)}
    lines = []
    for v in villages:
        r = reviews.get(v.pk)
        lines.append(VillageLine(v, r, r.listed if r else 0, r.proposed_n if r else 0, r.excluded if r else 0,
                                 r.recognised if r else 0, titles.get(v.pk)))
    decided = [line for line in lines if line.review and line.review.status == VillageReview.Status.DECIDED]
    total = sum(line.listed for line in decided)
    ok = sum(line.recognised for line in decided)
    return {"year": year, "lines": lines, "decided": len(decided), "villages": len(lines),
            "households": total, "recognised": ok, "share": sources.percent(ok, total),
            "village_titles": len(titles), "minimum": culture.parameter("thon_van_hoa.min_household_share")}


def get_village(*, user, pk: int) -> Organisation:
    village = Organisation.objects.filter(pk=pk, kind=Organisation.Kind.VILLAGE).first()
    if village is None or not can_see_organisation(user, village):
        raise Http404("Không tìm thấy thôn.")
    return village


def village_history(*, village: Organisation) -> dict:
    """The village's title year by year (from the ledger, including former issuers) and its
    reviews with their shares."""
    titles = list(Award.objects.filter(organisation=village, award_type__code="THON_VAN_HOA")
                  .select_related("award_type").order_by("-year"))
    reviews = list(VillageReview.objects.filter(village=village).annotate(
        listed=Count("entries"), recognised=Count("entries", filter=Q(entries__award__isnull=False,
                                                                     entries__award__revoked=False))).order_by("-year"))
    for r in reviews:
        r.share = sources.percent(r.recognised, r.listed) if r.status == VillageReview.Status.DECIDED else None
    return {"titles": titles, "reviews": reviews,
            "households": village.households.count()}


def get_review(*, user, pk: int) -> VillageReview:
    review = VillageReview.objects.select_related("village", "village_award").filter(pk=pk).first()
    if review is None or not can_see_organisation(user, review.village):
        raise Http404("Không tìm thấy đợt bình xét.")
    return review


def review_entries(*, review: VillageReview, show: str = ""):
    qs = review.entries.select_related("household", "award").order_by("household__head_name", "pk")
    if show == "loai-tru":
        qs = qs.filter(has_exclusion=True)
    elif show == "khong-de-nghi":
        qs = qs.filter(proposed=False)
    elif show == "khong-cong-nhan":
        qs = qs.exclude(RECOGNISED)
    return qs


def review_counts(review: VillageReview) -> dict:
    return review.entries.aggregate(
        listed=Count("id"), proposed_n=Count("id", filter=Q(proposed=True)),
        not_proposed=Count("id", filter=Q(proposed=False)), pending=Count("id", filter=Q(proposed__isnull=True)),
        excluded=Count("id", filter=Q(has_exclusion=True)), recognised=Count("id", filter=RECOGNISED))


def get_entry(*, user, pk: int) -> HouseholdReview:
    entry = HouseholdReview.objects.select_related("review__village", "household", "award").filter(pk=pk).first()
    if entry is None or not can_see_organisation(user, entry.review.village):
        raise Http404("Không tìm thấy hộ trong đợt bình xét.")
    return entry
