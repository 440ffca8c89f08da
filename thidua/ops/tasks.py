"""Scheduled tasks of the operations app: thin wrappers around the `backup` and `verify_chain`
commands (owned by core)."""
import io

from django.core.management import call_command
from django_tasks import task

from . import backups


@task()
def nightly_backup() -> str:
    return backups.make_backup().name


class ChainBroken(Exception):
    pass


@task()
def verify_chain() -> str:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_chain", stdout=out, stderr=err)
    except SystemExit as exc:
        if exc.code:
            raise ChainBroken(err.getvalue().strip() or "Chuỗi nhật ký bị phá vỡ.") from None
    return out.getvalue().strip()


@task()
def prune_task_results() -> str:
    """Finished task rows are history: drop them after 30 days (failed ones after 90)."""
    out = io.StringIO()
    call_command("prune_db_task_results", "--queue-name=*", "--min-age-days=30", "--failed-min-age-days=90",
                 stdout=out)
    return out.getvalue().strip()
