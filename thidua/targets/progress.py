"""Where a target stands: achieved, on track, at risk, or no data yet. Pure Python.

* Annual targets ("hằng năm") are judged on the latest year with an actual value, against
  that year's planned value (before the plan period: against its first year's value).
* Targets with a deadline ("đến năm 2030") are achieved when the latest actual value meets
  the deadline's value; before that they are on track when the latest actual value meets the
  planned value of its year — or, where the plan gives none for that year, the straight line
  from the first actual value to the deadline's value.
* A source may mark the current year as still running (``partial``) with the value expected
  so far (e.g. months elapsed for "one exemplar every month").
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum


class Status(str, Enum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return {"achieved": "Đã đạt", "on_track": "Đúng tiến độ", "at_risk": "Có nguy cơ không đạt",
                "no_data": "Chưa có dữ liệu"}[self.value]

    @property
    def css(self) -> str:
        return {"achieved": "ok", "on_track": "ok", "at_risk": "bad", "no_data": ""}[self.value]


@dataclass(frozen=True)
class Actual:
    """An actual value of one year. ``value`` None = not known (``detail`` says why)."""

    value: Decimal | None
    detail: str = ""
    partial: bool = False            # the year is still running
    expected_so_far: Decimal | None = None

    @property
    def known(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Plan:
    value: Decimal
    strict: bool


@dataclass(frozen=True)
class Verdict:
    status: Status
    year: int | None = None
    explanation: str = ""


def meets(value: Decimal, plan: Plan, direction: str) -> bool:
    if direction == "at_most":
        return value < plan.value if plan.strict else value <= plan.value
    return value > plan.value if plan.strict else value >= plan.value


def _straight_line(first_year: int, first: Decimal, end_year: int, final: Decimal, year: int) -> Decimal:
    if end_year <= first_year:
        return final
    return first + (final - first) * Decimal(year - first_year) / Decimal(end_year - first_year)


def evaluate(*, direction: str, annual: bool, start_year: int, end_year: int,
             plans: dict[int, Plan], actuals: dict[int, Actual], fmt=str) -> Verdict:
    known = {y: a for y, a in actuals.items() if a.known}
    if not known:
        return Verdict(Status.NO_DATA, None, "Chưa có số liệu thực hiện.")
    year = max(known)
    actual = known[year]
    shown = fmt(actual.value)

    if actual.partial and actual.expected_so_far is not None:
        ok = meets(actual.value, Plan(actual.expected_so_far, False), direction)
        return Verdict(Status.ON_TRACK if ok else Status.AT_RISK, year,
                       f"Năm {year} (đang thực hiện): {shown}, cần {fmt(actual.expected_so_far)} đến nay.")

    if annual:
        plan = plans.get(year) or plans.get(start_year) or (plans[min(plans)] if plans else None)
        if plan is None:
            return Verdict(Status.NO_DATA, year, "Chưa có giá trị kế hoạch.")
        ok = meets(actual.value, plan, direction)
        return Verdict(Status.ACHIEVED if ok else Status.AT_RISK, year,
                       f"Năm {year}: {shown} so với yêu cầu {_need(plan, direction, fmt)}.")

    final = plans.get(end_year) or (plans[max(plans)] if plans else None)
    if final is None:
        return Verdict(Status.NO_DATA, year, "Chưa có giá trị kế hoạch.")
    if meets(actual.value, final, direction):
        return Verdict(Status.ACHIEVED, year, f"Năm {year}: {shown}, đã đạt mục tiêu {_need(final, direction, fmt)}.")
    if year >= end_year:
        return Verdict(Status.AT_RISK, year, f"Đã đến hạn: {shown}, mục tiêu {_need(final, direction, fmt)}.")
    plan = plans.get(year)
    if plan is None:
        first_year = min(known)
        plan = Plan(_straight_line(first_year, known[first_year].value, end_year, final.value, year), False)
    ok = meets(actual.value, plan, direction)
    return Verdict(Status.ON_TRACK if ok else Status.AT_RISK, year,
                   f"Năm {year}: {shown}, tiến độ cần {_need(plan, direction, fmt)}; mục tiêu "
                   f"{_need(final, direction, fmt)} vào năm {end_year}.")


def _need(plan: Plan, direction: str, fmt) -> str:
    if direction == "at_most":
        word = "dưới" if plan.strict else "không quá"
    elif direction == "reach":
        word = "đạt"
    else:
        word = "trên" if plan.strict else "từ"
    return f"{word} {fmt(plan.value)}"
