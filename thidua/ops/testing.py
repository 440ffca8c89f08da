"""Test helpers: run the queued tasks in this process with django-tasks-db's own worker loop
(no heartbeat thread, so it works inside a test transaction)."""
from django_tasks_db.management.commands.db_worker import Worker

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def run_queued_tasks(*, max_tasks: int | None = None) -> None:
    Worker(queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
           max_tasks=max_tasks, worker_id="test-worker", excluded_queue_names=[]).run()
