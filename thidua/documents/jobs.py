"""Background generation: a job row per request, run in a daemon thread of the process that
received it, so the request returns at once and other requests are never blocked; its page
polls the row. A job that stops reporting progress for ``STALE_AFTER`` is shown as failed
(its process died)."""
from __future__ import annotations

import datetime
import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from .models import GenerationJob

log = logging.getLogger(__name__)
STALE_AFTER = datetime.timedelta(minutes=15)


def start(job_id: int) -> None:
    """Run the job: inline when settings.THIDUA_DOCUMENTS_INLINE_JOBS (tests, the command),
    else in a daemon thread."""
    if getattr(settings, "THIDUA_DOCUMENTS_INLINE_JOBS", False):
        run(job_id)
        return
    threading.Thread(target=_thread_main, args=(job_id,), name=f"documents-job-{job_id}", daemon=True).start()


def _thread_main(job_id: int) -> None:
    close_old_connections()
    try:
        run(job_id)
    finally:
        connection.close()


def _progress(job_id: int):
    def report(percent: int, step: str) -> None:
        GenerationJob.objects.filter(pk=job_id).update(progress=max(0, min(99, int(percent))), step=step[:200])
    return report


def run(job_id: int) -> None:
    from thidua.org.models import Organisation

    from . import services
    from .reports import builder, output

    claimed = GenerationJob.objects.filter(pk=job_id, status=GenerationJob.Status.PENDING).update(
        status=GenerationJob.Status.RUNNING, started_at=timezone.now(), progress=1, step="Bắt đầu")
    if not claimed:
        return  # already taken (or finished)
    job = GenerationJob.objects.get(pk=job_id)
    progress = _progress(job_id)
    try:
        params = job.params
        commune = Organisation.objects.get(pk=params["commune"])
        report_kind = services.JOB_REPORT_KIND[job.kind]
        report = builder.build_report(kind=report_kind, commune=commune, year_from=params.get("year_from"),
                                      year_to=params.get("year_to"), year=params.get("year"), progress=progress)
        if job.kind.endswith("_xlsx"):
            progress(90, "Ghi bảng tính Excel")
            content, name = output.render_report_xlsx(report), f"{report.filename}.xlsx"
        else:
            progress(90, "Ghi tệp DOCX")
            content, name = output.render_report_docx(report), f"{report.filename}.docx"
        services.finish_job(job=job, content=content, filename=name)
    except Exception as exc:  # the job row carries the failure; the page shows it
        log.exception("Generation job %s failed", job_id)
        services.finish_job(job=job, content=None, error=f"{type(exc).__name__}: {exc}")


def is_stale(job: GenerationJob) -> bool:
    if job.finished:
        return False
    last = job.started_at or job.created_at
    return last is not None and timezone.now() - last > STALE_AFTER
