"""This year's key figures against the 2026–2030 targets, on the home page of the officer and
the chairman (registered into ``thidua.core.worklist.key_figures``)."""
from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.urls import reverse

from thidua.accounts.models import Role
from thidua.core.worklist import KeyFigure, KeyFigurePanel, key_figures

from . import selectors
from .models import Target
from .selectors import TargetRow

READERS = {Role.OFFICER, Role.CHAIRMAN}
HUNDRED = Decimal(100)


def share_reached(target: Target, actual: Decimal | None, planned: Decimal | None) -> Decimal | None:
    """How much of the target the figure reaches, in per cent, at most 100: the figure over the
    target (a level's rank over the target level's rank); for a ceiling ("dưới 1 %"), the
    ceiling over the figure once it is exceeded."""
    if actual is None or planned is None:
        return None
    if target.direction == Target.Direction.AT_MOST:
        share = HUNDRED if actual <= planned else (HUNDRED * planned / actual if actual else HUNDRED)
    elif planned <= 0:
        share = HUNDRED
    else:
        share = HUNDRED * actual / planned
    return min(share, HUNDRED).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _figure(row: TargetRow, year: int) -> KeyFigure:
    target = row.target
    cell = next((c for c in row.years if c.year == year), None)
    # An annual target is measured against this year's plan; one with a deadline against its final value.
    plan_cell = cell if target.annual else next((c for c in reversed(row.years) if c.planned is not None), None)
    actual = cell.actual if cell else None
    planned = plan_cell.planned if plan_cell else None
    goal = plan_cell.planned_text if plan_cell else "—"
    if not target.annual and plan_cell is not None:
        goal = f"{goal} ({plan_cell.year})"
    if actual is None:
        latest = row.latest
        detail = (cell.detail if cell and cell.detail else f"Chưa có số liệu năm {year}.")
        if latest is not None:
            detail += f" Năm {latest.year}: {latest.actual_text}."
    else:
        detail = "Năm đang thực hiện." if cell.partial else ""
    status = row.status.label
    if row.verdict.year and row.verdict.year != year:
        status = f"{status} (năm {row.verdict.year})"
    return KeyFigure(name=target.name, value=target.format_value(actual), target=goal,
                     share=share_reached(target, actual, planned), status=status,
                     status_css=row.status.css, detail=detail,
                     url=reverse("targets:detail", args=[target.code]))


def key_figures_panel(user, today: datetime.date) -> KeyFigurePanel | None:
    if not user.is_authenticated or user.role not in READERS:
        return None
    rows = [r for r in selectors.dashboard(user=user)["rows"] if r.target.is_computed]
    return KeyFigurePanel(
        title=f"Số liệu năm {today.year} so với chỉ tiêu 2026–2030",
        figures=[_figure(row, today.year) for row in rows], url=reverse("targets:dashboard"))


key_figures.register(key_figures_panel, order=10)
