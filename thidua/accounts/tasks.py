"""Background tasks of the accounts app (thin wrappers around ``outbox``)."""
from django_tasks import task

from . import outbox


@task()
def send_email(email_id: int) -> str:
    return outbox.deliver(email_id)
