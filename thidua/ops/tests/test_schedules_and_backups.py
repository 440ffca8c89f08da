"""The scheduler's rules (deadline notices on working mornings only, nightly jobs every day)
and the backup retention (30 daily, 12 monthly copies)."""
import datetime
import zoneinfo

import pytest

from thidua.ops import backups, schedules
from thidua.ops.models import ScheduledRun

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


def at(text: str) -> datetime.datetime:
    return datetime.datetime.strptime(text, "%d/%m/%Y %H:%M").replace(tzinfo=HCM)


def test_deadline_notices_are_due_on_working_mornings_only():
    notices = next(s for s in schedules.schedules() if s.name == "deadline_notices")
    assert notices.period(at("07/12/2026 07:29")) is None          # Monday, before 07:30
    assert notices.period(at("07/12/2026 07:30")) == "2026-12-07"  # Monday morning
    assert notices.period(at("06/12/2026 09:00")) is None          # Sunday
    assert notices.period(at("02/09/2026 09:00")) is None          # Quốc khánh


def test_a_due_job_is_enqueued_once_per_day(settings):
    settings.THIDUA_SCHEDULES = [{"name": "backup", "task": "thidua.ops.tasks.nightly_backup", "at": "22:00",
                                  "days": "daily"}]
    assert schedules.enqueue_due(now=at("07/12/2026 21:59")) == []
    first = schedules.enqueue_due(now=at("07/12/2026 22:00"))
    assert [(r.job, r.period) for r in first] == [("backup", "2026-12-07")] and first[0].task_id
    assert schedules.enqueue_due(now=at("07/12/2026 23:30")) == []
    assert len(schedules.enqueue_due(now=at("08/12/2026 22:05"))) == 1
    assert ScheduledRun.objects.count() == 2


def test_retention_keeps_thirty_days_and_the_last_copy_of_twelve_months():
    start = datetime.date(2025, 1, 1)
    days = [start + datetime.timedelta(days=n) for n in range(500)]  # 01/01/2025 … 15/05/2026
    kept = backups.keep(days, daily=30, monthly=12)
    newest = days[-1]
    assert {d for d in kept if (newest - d).days < 30} == set(days[-30:])
    monthly = sorted(d for d in kept if (newest - d).days >= 30)
    assert len(kept) == 30 + len(monthly) and all(
        (d + datetime.timedelta(days=1)).day == 1 for d in monthly)  # month-end copies
    assert {(d.year, d.month) for d in kept} == {(2026, m) for m in range(1, 6)} | {(2025, m) for m in range(6, 13)}


def test_the_nightly_backup_writes_todays_archive_and_prunes_old_ones(settings, tmp_path, monkeypatch):
    settings.THIDUA_BACKUP_DIR = tmp_path
    settings.THIDUA_BACKUP_KEEP_DAILY, settings.THIDUA_BACKUP_KEEP_MONTHLY = 2, 1
    for day in ("2026-10-31", "2026-11-29", "2026-11-30", "2026-12-01"):
        (tmp_path / f"thidua-{day}.zip").write_bytes(b"old")
    (tmp_path / "ghi-chu.txt").write_text("not a backup")
    written = []
    monkeypatch.setattr(backups, "call_command",
                        lambda name, path, **kw: written.append(name) or open(path, "wb").write(b"PK"))
    path = backups.make_backup(today=datetime.date(2026, 12, 2))
    assert written == ["backup"] and path.read_bytes() == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ghi-chu.txt", "thidua-2026-12-01.zip",
                                                          "thidua-2026-12-02.zip"]


def test_the_nightly_chain_check_reports_an_intact_chain_and_records_its_outcome(settings):
    from thidua.ops.testing import IMMEDIATE_TASKS
    from thidua.ops.tasks import verify_chain

    settings.TASKS = IMMEDIATE_TASKS
    run = ScheduledRun.objects.create(job="verify_chain", period="2026-12-07")
    result = verify_chain.enqueue()
    ScheduledRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    from thidua.ops.receivers import record_scheduled_outcome

    record_scheduled_outcome(sender=None, task_result=result)
    run.refresh_from_db()
    assert result.status == "SUCCESSFUL" and "toàn vẹn" in result.return_value
    assert run.ok is True and run.finished_at is not None


def test_finished_task_rows_older_than_thirty_days_are_pruned(settings):
    import datetime as dt

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from thidua.ops.tasks import nightly_backup, prune_task_results

    old, recent, waiting = (nightly_backup.enqueue() for _ in range(3))
    DBTaskResult.objects.filter(pk__in=[old.id, recent.id]).update(status="SUCCESSFUL")
    DBTaskResult.objects.filter(pk=old.id).update(finished_at=timezone.now() - dt.timedelta(days=31))
    DBTaskResult.objects.filter(pk=recent.id).update(finished_at=timezone.now() - dt.timedelta(days=29))
    prune_task_results.call()
    mine = DBTaskResult.objects.filter(pk__in=[old.id, recent.id, waiting.id])
    assert {str(pk) for pk in mine.values_list("pk", flat=True)} == {recent.id, waiting.id}
