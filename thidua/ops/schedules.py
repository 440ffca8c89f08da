"""The scheduled jobs (``settings.THIDUA_SCHEDULES``) and the one step of the scheduler: for each
job due now and not yet run in its period, create its ``ScheduledRun`` row and enqueue its task
in the same transaction. The row is unique per (job, period), so when two schedulers run, the
second one's insert fails and the job still runs once."""
from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from thidua.core.workdays import is_working_day

from .models import ScheduledRun

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Schedule:
    name: str
    task: str           # dotted path of a django-tasks Task
    at: datetime.time   # local time (TIME_ZONE) from which the job is due in its period
    days: str           # "daily" or "working" (Vietnamese working days, thidua.core.workdays)

    def period(self, local_now: datetime.datetime) -> str | None:
        """The period this moment belongs to if the job is due at it, else None."""
        today = local_now.date()
        if local_now.time() < self.at:
            return None
        if self.days == "working" and not is_working_day(today):
            return None
        return today.isoformat()


def schedules() -> list[Schedule]:
    result = []
    for entry in settings.THIDUA_SCHEDULES:
        hour, minute = (int(p) for p in entry["at"].split(":"))
        if entry["days"] not in ("daily", "working"):
            raise ValueError(f"THIDUA_SCHEDULES: days must be 'daily' or 'working', not {entry['days']!r}")
        result.append(Schedule(name=entry["name"], task=entry["task"], at=datetime.time(hour, minute),
                               days=entry["days"]))
    return result


def enqueue_due(*, now: datetime.datetime | None = None) -> list[ScheduledRun]:
    """Enqueue every job due at ``now`` that no scheduler enqueued yet for its period."""
    local_now = timezone.localtime(now or timezone.now())
    started = []
    for schedule in schedules():
        period = schedule.period(local_now)
        if period is None or ScheduledRun.objects.filter(job=schedule.name, period=period).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(job=schedule.name, period=period)
                result = import_string(schedule.task).enqueue()
                run.task_id = str(result.id)
                run.save(update_fields=["task_id"])
        except IntegrityError:
            continue  # another scheduler took this period first
        log.info("Scheduled %s for %s (task %s)", schedule.name, period, run.task_id)
        started.append(run)
    return started


def last_success(job: str) -> ScheduledRun | None:
    return ScheduledRun.objects.filter(job=job, ok=True).order_by("-finished_at").first()


def last_finished(job: str) -> ScheduledRun | None:
    return ScheduledRun.objects.filter(job=job, finished_at__isnull=False).order_by("-finished_at").first()
