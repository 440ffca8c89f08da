"""Vietnamese working days: weekends and public holidays (Tết by the lunar calendar, via the
maintained ``holidays`` library) are skipped; the administrator adds local days off and
swapped working days (``CalendarDay``). Every deadline of the process is computed here."""
from __future__ import annotations

import datetime
import functools

import holidays


@functools.lru_cache(maxsize=32)
def _national(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("VN", years=[year]).keys())


def calendar(start: datetime.date, end: datetime.date) -> dict[datetime.date, bool]:
    """The administrator's days between ``start`` and ``end`` (one query), to pass as
    ``overrides`` when many deadlines are computed at once (a list page)."""
    from .models import CalendarDay

    return dict(CalendarDay.objects.filter(day__range=(start, end)).values_list("day", "is_working_day"))


def is_working_day(day: datetime.date, overrides: dict[datetime.date, bool] | None = None) -> bool:
    if overrides and day in overrides:
        return overrides[day]
    return day.weekday() < 5 and day not in _national(day.year)


def add_working_days(start: datetime.date, days: int,
                     overrides: dict[datetime.date, bool] | None = None) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted).
    ``overrides``: the administrator's days (``calendar``), read here when not given."""
    if days < 0:
        raise ValueError("Số ngày làm việc phải không âm.")
    if overrides is None:
        overrides = calendar(start, start + datetime.timedelta(days=days * 3 + 30))
    day, counted = start, 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if is_working_day(day, overrides):
            counted += 1
    return day


def working_days_between(start: datetime.date, end: datetime.date,
                         overrides: dict[datetime.date, bool] | None = None) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when end < start)."""
    if end < start:
        return -working_days_between(end, start, overrides)
    if overrides is None:
        overrides = calendar(start, end)
    return sum(1 for n in range(1, (end - start).days + 1)
               if is_working_day(start + datetime.timedelta(days=n), overrides))
