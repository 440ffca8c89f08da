"""Background tasks of the proposals app (thin wrappers around its services)."""
from django_tasks import task

from .services.notices import send_deadline_notices as _send_deadline_notices


@task()
def send_deadline_notices() -> dict:
    """The working-morning run of the deadline notices (scheduled by `manage.py scheduler`)."""
    return _send_deadline_notices(today=None)
