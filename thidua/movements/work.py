"""The movements' lines of the home work queue (``thidua.core.worklist``): scorecards to review,
and a unit's registration, pact and self-scoring still to do."""
from __future__ import annotations

import datetime

from django.urls import reverse

from thidua.core.worklist import WorkItem, capped, work_sections

from . import access, selectors


def scorecards_to_review(user, today: datetime.date):
    if not access.can_score(user):
        return None
    year = selectors.default_year(user)
    cards = selectors.scorer_queue(user=user, year=year)["submitted"]
    items = [WorkItem(title=card.organisation.name, url=reverse("movements:scorecard", args=[card.pk]),
                      detail=f"đã gửi bảng tự chấm điểm ({card.criteria_set.block.name}): chấm và khóa")
             for card in cards]
    return capped("Bảng chấm điểm chờ thẩm định", items, reverse("movements:queue") + f"?nam={year}")


def unit_todo(user, today: datetime.date):
    if not access.is_unit_user(user):
        return None
    year = selectors.default_year(user)
    items = []
    for entry in selectors.unit_todo(user=user, year=year):
        unit, period = entry["unit"], entry["period"]
        register = reverse("movements:register", kwargs={"year": year, "org": unit.pk})
        if period is not None and entry["registration"] is None:
            items.append(WorkItem(title=f"{unit.name}: đăng ký thi đua năm {year}", url=register,
                                  due=period.deadline, overdue=not entry["registration_open"]))
        for block in entry["blocks"]:
            card = block["scorecard"]
            if block["pact"] is not None and not block["pact_signed"]:
                items.append(WorkItem(title=f"{unit.name}: ký giao ước thi đua {block['block'].name}",
                                      url=reverse("movements:pact", args=[block["pact"].pk])))
            if block["criteria_set"] is not None and (card is None or card.state == card.State.DRAFT):
                url = reverse("movements:scorecard", args=[card.pk]) if card else \
                    reverse("movements:todo") + f"?nam={year}"
                items.append(WorkItem(title=f"{unit.name}: tự chấm điểm {block['block'].name}", url=url))
    return capped("Phong trào thi đua của đơn vị", items, reverse("movements:todo") + f"?nam={year}")


def register() -> None:
    work_sections.register(scorecards_to_review, order=35)
    work_sections.register(unit_todo, order=55)
