"""What /healthz reports: the database, the worker's last heartbeat, the queue's backlog and
oldest waiting task, the age of the last backup and of the last audit-chain check. Each check
is stale past its threshold in ``settings.THIDUA_HEALTH``. Only ages and counts: nothing private."""
from __future__ import annotations

import datetime

from django.conf import settings
from django.db import connection
from django.db.models import Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from . import schedules, worker


def _age(now, moment) -> int | None:
    return None if moment is None else max(0, int((now - moment).total_seconds()))


def report(*, now: datetime.datetime | None = None) -> tuple[bool, dict]:
    limits = settings.THIDUA_HEALTH
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 — any database error means "not ready"
        return False, {"status": "error", "database": {"ok": False, "error": type(exc).__name__}}
    now = now or timezone.now()
    checks: dict[str, dict] = {"database": {"ok": True, "vendor": connection.vendor}}

    beat_age = _age(now, worker.last_heartbeat())
    checks["worker"] = {"ok": beat_age is not None and beat_age <= limits["worker_heartbeat_seconds"],
                        "last_heartbeat_seconds_ago": beat_age}

    waiting = DBTaskResult.objects.ready()
    stats = waiting.aggregate(oldest=Min("enqueued_at"))
    oldest_age = _age(now, stats["oldest"])
    checks["queue"] = {"ok": oldest_age is None or oldest_age <= limits["queue_wait_seconds"],
                       "backlog": waiting.count(), "oldest_waiting_seconds": oldest_age}

    for name, job in (("backup", "backup"), ("chain", "verify_chain")):
        success = schedules.last_success(job)
        latest = schedules.last_finished(job)
        age = _age(now, success.finished_at if success else None)
        failed = latest is not None and latest.ok is False
        checks[name] = {"ok": age is not None and age <= limits[f"{name}_hours"] * 3600 and not failed,
                        "last_success_seconds_ago": age, "last_run_failed": failed}

    healthy = all(check["ok"] for check in checks.values())
    return healthy, {"status": "ok" if healthy else "stale", **checks}
