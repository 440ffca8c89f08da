"""Background tasks of the exchange app (thin wrappers around ``services``)."""
from django_tasks import task

from . import services


@task()
def commit_import(batch_id: int, actor_id: int, decisions: dict) -> dict:
    """Write a large import batch (all rows or none), as the user who asked for it."""
    return services.commit_queued(batch_id=batch_id, actor_id=actor_id, decisions=decisions)
