"""What the inspections app adds to the officer's work queue and to the deadline notices
(``thidua.core.worklist``)."""
from thidua.core.worklist import deadline_notices, queue_sections


def overdue_section(request):
    from .selectors import overdue_for_queue

    rows = overdue_for_queue(user=request.user)
    if not rows:
        return None
    return "inspections/_queue_overdue.html", {"overdue_recommendations": rows}


def overdue_notices(*, today):
    from .notices import send_overdue_notices

    return send_overdue_notices(today=today)


queue_sections.register(overdue_section)
deadline_notices.register(overdue_notices)
