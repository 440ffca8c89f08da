"""Background tasks of the awards app (thin wrappers around ``summaries``)."""
from django_tasks import task

from . import summaries


@task()
def refresh_award_summaries(person_ids: list[int]) -> int:
    """Rebuild the ledger summaries of these people (enqueued by the write that changed them)."""
    return summaries.refresh(person_ids)


@task()
def rebuild_award_summaries() -> int:
    """Rebuild every person's ledger summary (the administrator starts it, or
    ``manage.py rebuild_award_summaries``)."""
    return summaries.rebuild_all()


@task()
def rebuild_candidate_verdicts() -> int:
    """Judge everyone's candidate verdicts again (enqueued when the rule parameters change)."""
    from . import verdicts

    return verdicts.rebuild_all()


@task()
def refresh_unit_verdicts(organisation_ids: list[int]) -> int:
    """Judge these collectives' candidate verdicts again (enqueued when a unit's own ledger changes)."""
    from . import verdicts

    return verdicts.store_units(organisation_ids)
