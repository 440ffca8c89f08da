"""Background tasks of the proposals app (thin wrappers around its services)."""
from django_tasks import task

from .services.notices import send_every_deadline_notice


@task()
def send_deadline_notices() -> dict:
    """The working-morning run of every deadline notice — dossiers and what other processes
    registered, such as inspection recommendations (scheduled by `manage.py scheduler`)."""
    return dict(send_every_deadline_notice(today=None))
