"""The background worker's heartbeat and the recovery of tasks a dead worker left running.

django-tasks-db claims a task by marking it RUNNING with the worker's id, and never looks at it
again: a worker killed mid-task (SIGKILL, power cut, OOM) leaves it RUNNING for ever. Each worker
therefore keeps a ``WorkerHeartbeat`` row fresh, and a starting worker (and every live worker, on
each beat) hands such a task back to the queue — or, after ``THIDUA_TASK_MAX_ATTEMPTS`` attempts,
marks it failed with the reason. A worker counts as dead when its heartbeat is older than
``THIDUA_WORKER_STALE_SECONDS``, or at once when it ran on this machine and its process is gone."""
from __future__ import annotations

import datetime
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tasks.signals import task_finished
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

log = logging.getLogger(__name__)
HOSTNAME = socket.gethostname()[:255]


class WorkerLost(Exception):
    """The worker running this task stopped before the task finished."""


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"hostname": HOSTNAME, "pid": os.getpid(), "last_seen": timezone.now()})


def unregister(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _dead_workers(worker_ids: set[str], now: datetime.datetime) -> set[str]:
    """Which of these workers (and of those with a heartbeat row) are dead; the rows of dead
    workers are removed."""
    stale_before = now - datetime.timedelta(seconds=settings.THIDUA_WORKER_STALE_SECONDS)
    alive, dead_rows = set(), []
    for hb in WorkerHeartbeat.objects.all():
        gone = hb.hostname == HOSTNAME and hb.pid != os.getpid() and _process_gone(hb.pid)
        if hb.last_seen < stale_before or gone:
            dead_rows.append(hb.pk)
        else:
            alive.add(hb.worker_id)
    WorkerHeartbeat.objects.filter(pk__in=dead_rows).delete()
    return worker_ids - alive


def recover_abandoned(*, now: datetime.datetime | None = None) -> dict[str, list[str]]:
    """Requeue (or fail, past the attempt limit) every RUNNING task whose worker is dead.
    Returns the ids of the tasks requeued and failed."""
    now = now or timezone.now()
    running = list(DBTaskResult.objects.running().only("id", "worker_ids"))
    owners = {r.worker_ids[-1] for r in running if r.worker_ids}
    dead = _dead_workers(owners, now)
    done: dict[str, list[str]] = {"requeued": [], "failed": []}
    limit = settings.THIDUA_TASK_MAX_ATTEMPTS
    for row in running:
        if row.worker_ids and row.worker_ids[-1] not in dead:
            continue
        attempts = len(row.worker_ids)
        if attempts < limit:
            # Conditional on the row being as we saw it, so two recovering workers act once.
            with transaction.atomic():
                changed = DBTaskResult.objects.filter(pk=row.pk, status="RUNNING", worker_ids=row.worker_ids).update(
                    status="READY", started_at=None)
            if changed:
                done["requeued"].append(str(row.pk))
                log.warning("Task %s requeued: its worker died (attempt %s of %s)", row.pk, attempts, limit)
            continue
        with transaction.atomic():
            fresh = DBTaskResult.objects.select_for_update().filter(pk=row.pk, status="RUNNING").first()
            if fresh is None:
                continue
            fresh.set_failed(WorkerLost(
                f"Tiến trình xử lý nền dừng đột ngột khi đang chạy tác vụ ({attempts}/{limit} lần thử)."))
        done["failed"].append(str(row.pk))
        try:
            task_finished.send(sender=DatabaseBackend, task_result=fresh.task_result)
        except ImportError:  # the task's code is gone; the row still says why it failed
            log.exception("Task %s failed after its worker died", row.pk)
    return done


def last_heartbeat() -> datetime.datetime | None:
    return WorkerHeartbeat.objects.order_by("-last_seen").values_list("last_seen", flat=True).first()


def any_alive() -> bool:
    seen = last_heartbeat()
    return seen is not None and timezone.now() - seen < datetime.timedelta(
        seconds=settings.THIDUA_WORKER_STALE_SECONDS)


class Heartbeat:
    """Keeps the worker's row fresh (and recovers dead workers' tasks) from a small thread of
    the worker process, so that a long task does not make a live worker look dead."""

    def __init__(self, worker_id: str):
        self.worker_id = worker_id
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"heartbeat-{worker_id[:8]}", daemon=True)

    def start(self) -> "Heartbeat":
        beat(self.worker_id)
        recover_abandoned()
        self._thread.start()
        return self

    def _loop(self) -> None:
        try:
            while not self._stop.wait(settings.THIDUA_WORKER_HEARTBEAT_SECONDS):
                try:
                    beat(self.worker_id)
                    recover_abandoned()
                except Exception:  # noqa: BLE001 — a missed beat is retried on the next one
                    log.exception("Worker heartbeat failed")
        finally:
            connection.close()

    def stop(self) -> None:
        self._stop.set()
        unregister(self.worker_id)  # first: a second Ctrl-C during the join must not leave the row
        self._thread.join(timeout=5)
