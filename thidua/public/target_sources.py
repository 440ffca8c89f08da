"""The targets app's "at least one exemplar introduced every month" figure, computed from the
exemplars' publication dates. Registered here because the targets app is a lower layer."""
from __future__ import annotations

from decimal import Decimal

from thidua.targets import sources
from thidua.targets.progress import Actual

from .selectors import published_months


def exemplars_monthly(commune, years, today) -> dict:
    months = published_months(commune=commune, years=years, until=today)
    if not months:
        return {}
    first = min(months)
    result = {}
    for year in years:
        if year < first or year > today.year:
            continue
        covered = months.get(year, set())
        detail = ", ".join(f"{m:02d}" for m in sorted(covered))
        if year == today.year:
            expected = today.month if today.month in covered else today.month - 1
            result[year] = Actual(Decimal(len(covered)), f"Tháng có gương: {detail or 'chưa có'}", partial=True,
                                  expected_so_far=Decimal(expected))
        else:
            result[year] = Actual(Decimal(len(covered)), f"Tháng có gương: {detail or 'không có'}")
    return result


sources.register("exemplars_monthly", "Số tháng có gương điển hình được công bố (trang công khai)",
                 exemplars_monthly)
