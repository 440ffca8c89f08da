"""Operations records: each background worker's heartbeat, and one row per scheduled job and
period (the unique pair is what makes a daily job run once when two schedulers run)."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerHeartbeat(models.Model):
    """A running `manage.py db_worker`; ``last_seen`` is refreshed every few seconds, and the
    row is removed when the worker stops cleanly. A stale row is a worker that died."""

    worker_id = models.CharField(_("mã tiến trình"), max_length=64, unique=True)
    hostname = models.CharField(_("máy"), max_length=255)
    pid = models.PositiveIntegerField(_("số hiệu tiến trình"))
    started_at = models.DateTimeField(_("khởi động lúc"), auto_now_add=True)
    last_seen = models.DateTimeField(_("báo sống lúc"), db_index=True)

    class Meta:
        verbose_name = _("tiến trình xử lý nền")
        verbose_name_plural = _("tiến trình xử lý nền")

    def __str__(self):
        return f"{self.hostname}:{self.pid}"


class ScheduledRun(models.Model):
    """One run of a scheduled job for one period (a day): created by the scheduler together
    with the task it enqueues; the task's outcome is written back when it finishes."""

    job = models.CharField(_("việc định kỳ"), max_length=60)
    period = models.CharField(_("kỳ"), max_length=20)
    task_id = models.CharField(_("mã tác vụ"), max_length=64, blank=True, db_index=True)
    enqueued_at = models.DateTimeField(_("xếp hàng lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)
    ok = models.BooleanField(_("thành công"), null=True)
    message = models.TextField(_("kết quả"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "period"], name="scheduled_run_once_per_period")]
        ordering = ["-enqueued_at"]
        verbose_name = _("lần chạy định kỳ")
        verbose_name_plural = _("lần chạy định kỳ")

    def __str__(self):
        return f"{self.job} {self.period}"
