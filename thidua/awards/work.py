"""The awards' lines of the home work queue (``thidua.core.worklist``): yearly ratings."""
from __future__ import annotations

import datetime

from django.urls import reverse

from thidua.accounts.models import Role
from thidua.accounts.permissions import can
from thidua.core.worklist import WorkItem, capped, work_sections

from . import selectors
from .models import RatingSheet


def rating_year(today: datetime.date) -> int:
    """Ratings are made at the end of the year: the current year from October, else the last."""
    return today.year if today.month >= 10 else today.year - 1


def ratings(user, today: datetime.date):
    office = can(user, "manage_ledger")
    if not (office or user.role == Role.CLERK):
        return None
    year = rating_year(today)
    lines = selectors.rating_units(user=user, year=year)
    if office:
        lines = [line for line in lines if line.state == RatingSheet.State.SUBMITTED]
        detail = "đã gửi xếp loại năm {year}: xem và xác nhận"
    else:
        lines = [line for line in lines if line.state == RatingSheet.State.DRAFT]
        detail = "xếp loại năm {year}: {rated}/{members} người"
    items = [WorkItem(title=line.unit.name, url=reverse("awards:rating_grid", args=[line.unit.pk, year]),
                      detail=detail.format(year=year, rated=line.rated, members=line.members))
             for line in lines]
    return capped("Xếp loại hằng năm", items, reverse("awards:ratings") + f"?nam={year}")


def register() -> None:
    work_sections.register(ratings, order=70)
