"""Test helpers: run the queued tasks in this process with django-tasks-db's own worker loop
(no heartbeat thread, so it works inside a test transaction)."""
from unittest import mock

from django_tasks_db.management.commands import db_worker

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def run_queued_tasks(*, max_tasks: int | None = None) -> None:
    # The loop closes "old" connections between tasks; inside a test transaction that would
    # close the test's own connection (PostgreSQL), so it is left open here.
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        db_worker.Worker(queue_names=["default"], interval=0, batch=True, backend_name="default",
                         startup_delay=False, max_tasks=max_tasks, worker_id="test-worker",
                         excluded_queue_names=[]).run()
