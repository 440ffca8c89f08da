"""What the province's dashboards count, for one commune and year — from the records, with the
apps' own rules (nothing here re-implements them):

- registration coverage: the units expected to register (``movements.selectors.expected_units``:
  the members of the commune's emulation blocks that year) and those that registered as a
  collective (``movements.Registration`` without a person);
- on-time processing of dossiers: a dossier of the commune's award rounds of the year, submitted,
  is settled on time when its decision is dated within the procedure's working days of the
  submission (``cstd_co_so_processing_working_days``, 20, QĐ 638/QĐ-BNV 2025 — a rule parameter),
  counted in Vietnamese working days (``core.workdays``: weekends, holidays, Tết, the
  administrator's days); a dossier still open past that deadline is overdue;
- awards and their shares: ``awards.fairness`` (leaders, staff, direct workers, women of the
  individual awards; collective awards and households each on their own line);
- reward-fund use: ``funds.ledger.fund_figures`` (receipts = opening balance + budget +
  donations; spending = the commune's signed decisions' reward money in the year).
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from thidua.awards import fairness
from thidua.core import workdays
from thidua.funds.ledger import fund_figures
from thidua.movements.models import Registration
from thidua.movements.selectors import expected_units
from thidua.org.models import Organisation
from thidua.proposals.models import Dossier

FIELDS = ("units_expected", "units_registered", "dossiers_settled", "dossiers_on_time", "dossiers_overdue_open",
          "individual", "leader", "staff", "direct", "women", "collective", "household",
          "fund_receipts", "fund_spending")


@dataclass(frozen=True)
class Metric:
    """A ratio the dashboards show per commune and the province may set a target for."""

    key: str
    label: str
    part: str
    whole: str
    direction: str  # "at_least" / "at_most" (targets.Target.Direction)
    detail: str

    def value(self, values: dict) -> Decimal | None:
        return percent(values.get(self.part, 0), values.get(self.whole, 0))


METRICS = (
    Metric("dang-ky", "Tỷ lệ đơn vị đăng ký thi đua", "units_registered", "units_expected", "at_least",
           "đơn vị đã đăng ký / đơn vị phải đăng ký (thành viên các khối thi đua của xã)"),
    Metric("dung-han", "Tỷ lệ hồ sơ giải quyết đúng hạn", "dossiers_on_time", "dossiers_settled", "at_least",
           "hồ sơ có quyết định trong hạn / hồ sơ đã có quyết định"),
    Metric("lanh-dao", "Tỷ lệ khen thưởng lãnh đạo, quản lý", "leader", "individual", "at_most",
           "trên tổng khen thưởng cá nhân"),
    Metric("can-bo", "Tỷ lệ khen thưởng cán bộ, công chức, viên chức, chiến sĩ", "staff", "individual", "at_most",
           "trên tổng khen thưởng cá nhân"),
    Metric("truc-tiep", "Tỷ lệ khen thưởng người trực tiếp lao động sản xuất", "direct", "individual", "at_least",
           "trên tổng khen thưởng cá nhân"),
    Metric("nu", "Tỷ lệ khen thưởng nữ", "women", "individual", "at_least", "trên tổng khen thưởng cá nhân"),
    Metric("su-dung-quy", "Tỷ lệ sử dụng quỹ thi đua, khen thưởng", "fund_spending", "fund_receipts", "at_most",
           "số đã chi / tổng nguồn của quỹ trong năm"),
)
METRIC_BY_KEY = {m.key: m for m in METRICS}


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def add(rows: list[dict]) -> dict:
    """The figures of several communes or years together (a ratio is recomputed from the sums)."""
    return {name: sum(r.get(name, 0) for r in rows) for name in FIELDS}


def communes_of(province: Organisation, year: int) -> list[Organisation]:
    """The province's communes and wards that existed during ``year`` (a former commune merged
    on 01/07/2025 counts in 2025, not in 2026)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return [c for c in Organisation.objects.filter(parent=province, kind=Organisation.Kind.COMMUNE)
            if (c.valid_from is None or c.valid_from <= last) and (c.valid_until is None or c.valid_until >= first)]


def compute(commune: Organisation, years: list[int], *, today: datetime.date | None = None,
            overrides: dict | None = None, processing_days: int | None = None) -> dict[int, dict]:
    """{year: values} of one commune. ``overrides`` (the calendar) and ``processing_days`` are
    read once by a caller computing many communes."""
    today = today or timezone.localdate()
    if processing_days is None:
        from thidua.awards.engine import current_parameters

        processing_days = current_parameters(cite_province=False).cstd_co_so_processing_working_days
    result = {year: dict.fromkeys(FIELDS, 0) for year in years}
    for fig in fairness.subtree_figures(paths=[commune.path], years=years):
        result[fig.year].update(individual=fig.individual, leader=fig.leader, staff=fig.staff, direct=fig.direct,
                                women=fig.women, collective=fig.collective, household=fig.household)
    for year in years:
        values = result[year]
        values.update(_coverage(commune, year))
        values.update(_dossiers(commune, year, today=today, overrides=overrides, days=processing_days))
        values.update(_fund(commune, year))
    return result


def _coverage(commune, year) -> dict:
    expected = set(expected_units(commune=commune, year=year).values_list("pk", flat=True))
    registered = set(Registration.objects.filter(period__commune=commune, period__year=year, person__isnull=True)
                     .values_list("organisation_id", flat=True))
    return {"units_expected": len(expected), "units_registered": len(registered & expected)}


def _dossiers(commune, year, *, today, overrides, days) -> dict:
    S = Dossier.State
    settled = on_time = overdue_open = 0
    for state, submitted_at, decided_on in (
            Dossier.objects.filter(round__commune=commune, round__year=year, submitted_at__isnull=False)
            .values_list("state", "submitted_at", "decision__date")):
        submitted = timezone.localtime(submitted_at).date()
        due = workdays.add_working_days(submitted, days, overrides)
        if decided_on is not None:
            settled += 1
            on_time += decided_on <= due
        elif state not in (S.REJECTED, S.SENT_TO_PROVINCE, S.DECIDED, *Dossier.EDITABLE_STATES) and today > due:
            overdue_open += 1
    return {"dossiers_settled": settled, "dossiers_on_time": on_time, "dossiers_overdue_open": overdue_open}


def _fund(commune, year) -> dict:
    fund = fund_figures(commune, year)
    return {"fund_receipts": fund.receipts, "fund_spending": fund.spending}


def register_target_sources() -> None:
    """The province's targets (``targets.Target`` of the city, computed) read their actual value
    — the whole province's ratio — from the communes' kept figures."""
    from thidua.targets import sources
    from thidua.targets.progress import Actual

    from .models import CommuneFigures

    def source(metric: Metric):
        def compute(province, years, today) -> dict[int, Actual]:
            by_year: dict[int, list[dict]] = {}
            for year, values in CommuneFigures.objects.filter(province=province, year__in=years).values_list(
                    "year", "values"):
                by_year.setdefault(year, []).append(values)
            result = {}
            for year, rows in by_year.items():
                total = add(rows)
                result[year] = Actual(metric.value(total), f"{total[metric.part]}/{total[metric.whole]} ({len(rows)} xã)")
            return result
        return compute

    for metric in METRICS:
        sources.register(f"tinh_{metric.key.replace('-', '_')}", f"{metric.label} (toàn tỉnh, từ số liệu các xã)",
                         source(metric))


def target_code(metric: Metric) -> str:
    """The code of the province's target for ``metric`` (a ``targets.Target`` of the city)."""
    return f"tinh-{metric.key}"
