"""Background generation: a job row per request, run by the task queue (``documents.tasks.
generate_report``, executed by `manage.py db_worker`), so the request returns at once and the
work survives a restart of the web server. The job's page polls the row: its state, attempts,
step, error and file. A worker that dies mid-job is noticed by the next worker (``thidua.ops.
worker``), which runs the job again (``attempts`` goes up) or, past the limit, fails it with the
reason."""
from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from thidua.core.audit import log_transition
from thidua.org.models import Organisation

from .models import GenerationJob, ReportKind
from .reports import builder, output

log = logging.getLogger(__name__)

JOB_REPORT_KIND = {
    GenerationJob.Kind.FIVE_YEAR_DOCX: ReportKind.FIVE_YEAR, GenerationJob.Kind.FIVE_YEAR_XLSX: ReportKind.FIVE_YEAR,
    GenerationJob.Kind.ANNUAL_DOCX: ReportKind.ANNUAL, GenerationJob.Kind.ANNUAL_XLSX: ReportKind.ANNUAL,
}


@transaction.atomic
def finish_job(*, job: GenerationJob, content: bytes | None, filename: str = "", error: str = "") -> GenerationJob:
    job = GenerationJob.objects.select_for_update().get(pk=job.pk)
    before = job.status
    if content is not None:
        job.file.save(filename, ContentFile(content), save=False)
        job.filename, job.status, job.progress, job.step = filename, GenerationJob.Status.DONE, 100, "Hoàn thành"
    else:
        job.status, job.error, job.step = GenerationJob.Status.FAILED, error[:4000], "Lỗi"
    job.finished_at = timezone.now()
    job.save()
    log_transition(actor=job.requested_by, instance=job, from_state=before, to_state=job.status,
                   note=job.filename or job.error[:200])
    return job


def _progress(job_id: int):
    def report(percent: int, step: str) -> None:
        GenerationJob.objects.filter(pk=job_id).update(progress=max(0, min(99, int(percent))), step=step[:200])
    return report


def run(job_id: int) -> str:
    """Generate the job's file. A job found RUNNING is an attempt interrupted by a dead worker:
    it starts again from the beginning (nothing is written before the file is complete)."""
    claimed = GenerationJob.objects.filter(
        pk=job_id, status__in=[GenerationJob.Status.PENDING, GenerationJob.Status.RUNNING]).update(
        status=GenerationJob.Status.RUNNING, started_at=timezone.now(), progress=1, step="Bắt đầu",
        attempts=F("attempts") + 1)
    if not claimed:
        return "already finished"
    job = GenerationJob.objects.get(pk=job_id)
    progress = _progress(job_id)
    try:
        params = job.params
        commune = Organisation.objects.get(pk=params["commune"])
        report_kind = JOB_REPORT_KIND[job.kind]
        report = builder.build_report(kind=report_kind, commune=commune, year_from=params.get("year_from"),
                                      year_to=params.get("year_to"), year=params.get("year"), progress=progress)
        if job.kind.endswith("_xlsx"):
            progress(90, "Ghi bảng tính Excel")
            content, name = output.render_report_xlsx(report), f"{report.filename}.xlsx"
        else:
            progress(90, "Ghi tệp DOCX")
            content, name = output.render_report_docx(report), f"{report.filename}.docx"
    except Exception as exc:  # the job row carries the failure; the page shows it
        log.exception("Generation job %s failed", job_id)
        finish_job(job=job, content=None, error=f"{type(exc).__name__}: {exc}")
        raise  # and the task result records it too
    finish_job(job=job, content=content, filename=name)
    return name


def fail_unfinished(job_id: int, reason: str) -> None:
    """The task of this job failed outside the generation itself (its worker died too often)."""
    job = GenerationJob.objects.filter(pk=job_id).first()
    if job is not None and not job.finished:
        finish_job(job=job, content=None, error=reason)
