"""Background tasks of the awards app. The tasks a write enqueues are defined beside the
function that enqueues them — ``summaries.refresh_award_summaries`` (``summaries.changed``),
``verdicts.rebuild_candidate_verdicts`` (``verdicts.rules_changed``) and
``verdicts.refresh_unit_verdicts`` (``verdicts.units_changed``) — and named here too, where
the rows queued before they moved name them; so no module imports itself back. The
scheduler names ``refresh_expired_verdicts`` here (``THIDUA_SCHEDULES``, daily)."""
from django_tasks import task

from . import summaries
from .summaries import refresh_award_summaries
from .verdicts import rebuild_candidate_verdicts, refresh_expired_verdicts, refresh_unit_verdicts

__all__ = ["rebuild_award_summaries", "rebuild_candidate_verdicts", "refresh_award_summaries",
           "refresh_expired_verdicts", "refresh_unit_verdicts"]


@task()
def rebuild_award_summaries() -> int:
    """Rebuild every person's ledger summary (the administrator starts it, or
    ``manage.py rebuild_award_summaries``)."""
    return summaries.rebuild_all()
