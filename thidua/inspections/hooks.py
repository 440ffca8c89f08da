"""What the inspections app adds to the officer's work queue and to the deadline notices
(``thidua.core.worklist``)."""
from django.urls import reverse

from thidua.core.worklist import WorkItem, capped, deadline_notices, queue_sections, work_sections


def overdue_section(request):
    from .selectors import overdue_for_queue

    rows = overdue_for_queue(user=request.user)
    if not rows:
        return None
    return "inspections/_queue_overdue.html", {"overdue_recommendations": rows}


def overdue_notices(*, today):
    from .notices import send_overdue_notices

    return send_overdue_notices(today=today)


def overdue_work(user, today):
    """The home page line of each overdue recommendation, for the office."""
    from .selectors import overdue_for_queue

    items = [WorkItem(title=f"{r.finding.unit.name}: {r.text[:80]}",
                      url=reverse("inspections:recommendation", args=[r.pk]),
                      detail="kiến nghị sau kiểm tra", due=r.due_on, overdue=True)
             for r in overdue_for_queue(user=user, today=today)]
    return capped("Kiến nghị sau kiểm tra đã quá hạn", items)


queue_sections.register(overdue_section)
work_sections.register(overdue_work, order=45)
deadline_notices.register(overdue_notices)
