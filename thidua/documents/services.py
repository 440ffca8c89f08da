"""Writes of the documents app. Keyword-only, atomic, permission-checked, audited."""
from __future__ import annotations

import io
import zipfile

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from thidua.accounts.permissions import can
from thidua.core.audit import log_create, log_delete, log_update, snapshot
from thidua.core.text import nfc

from . import engine, samples
from .jobs import JOB_REPORT_KIND, finish_job  # noqa: F401 — the job's end is written by the job runner
from .tasks import generate_report
from .models import DocumentTemplate, GenerationJob, ReportKind, ReportSection, TemplateKind
from .reports import sections

MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


def can_edit_templates(user) -> bool:
    return user is None or can(user, "edit_templates")


def can_read_reports(user, commune) -> bool:
    if user is None:
        return True
    return can(user, "read_reports", commune)


def can_edit_reports(user, commune) -> bool:
    if user is None:
        return True
    return can(user, "edit_reports", commune)


# --- templates --------------------------------------------------------------------------------

def check_template(*, kind: str, content: bytes) -> None:
    """A .docx that opens and renders the kind's sample data, or ValidationError."""
    if len(content) > MAX_TEMPLATE_BYTES:
        raise ValidationError("Tệp mẫu quá lớn (tối đa 5 MB).")
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise ValidationError("Tệp tải lên không phải tệp .docx.")
    try:
        import docx

        docx.Document(io.BytesIO(content))
    except Exception as exc:
        raise ValidationError(f"Không mở được tệp .docx: {exc}") from exc
    try:
        engine.render_docx(kind, samples.context_for(kind), template=content)
    except engine.UnsafeTemplate as exc:
        raise ValidationError(f"Mẫu bị từ chối: mẫu chỉ được dùng dữ liệu của văn bản, nhưng {exc}.") from exc
    except engine.TemplateError as exc:
        raise ValidationError(f"Mẫu có lỗi cú pháp hoặc biến không hợp lệ: {exc}") from exc


@transaction.atomic
def upload_template(*, actor, kind: str, content: bytes, filename: str, note: str = "") -> DocumentTemplate:
    """Replace the built-in template of a kind by an uploaded .docx (checked by rendering the
    kind's sample data with it)."""
    if not can_edit_templates(actor):
        raise PermissionDenied("Chỉ quản trị hệ thống được thay mẫu văn bản.")
    kind = TemplateKind(kind)
    check_template(kind=kind, content=content)
    row = DocumentTemplate.objects.select_for_update().filter(kind=kind).first()
    name = f"{kind.value}.docx"
    if row is None:
        row = DocumentTemplate(kind=kind, original_name=nfc(filename)[:255], note=nfc(note)[:255],
                               uploaded_by=actor if actor and actor.is_authenticated else None)
        row.file.save(name, ContentFile(content), save=False)
        row.full_clean()
        row.save()
        log_create(actor=actor, instance=row, note="Tải lên mẫu văn bản")
        return row
    before = snapshot(row)
    old_file = row.file.name
    row.file.save(name, ContentFile(content), save=False)
    row.original_name, row.note = nfc(filename)[:255], nfc(note)[:255]
    row.uploaded_by = actor if actor and actor.is_authenticated else None
    row.save()
    log_update(actor=actor, instance=row, before=before, note="Thay mẫu văn bản")
    if old_file and old_file != row.file.name:
        transaction.on_commit(lambda: row.file.storage.delete(old_file))
    return row


@transaction.atomic
def reset_template(*, actor, kind: str) -> None:
    """Back to the built-in template."""
    if not can_edit_templates(actor):
        raise PermissionDenied("Chỉ quản trị hệ thống được thay mẫu văn bản.")
    row = DocumentTemplate.objects.select_for_update().filter(kind=kind).first()
    if row is None:
        return
    name, storage = row.file.name, row.file.storage
    log_delete(actor=actor, instance=row, note="Trở về mẫu mặc định")
    row.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


# --- report sections --------------------------------------------------------------------------

@transaction.atomic
def save_sections(*, actor, commune, report_kind: str, period: str, texts: dict[str, str]) -> int:
    """Write the narrative sections of one report; returns how many changed. Unknown keys are
    refused; text is kept verbatim (only Unicode-normalised, trailing spaces dropped)."""
    if not can_edit_reports(actor, commune):
        raise PermissionDenied("Bạn không có quyền sửa nội dung báo cáo của xã này.")
    report_kind = ReportKind(report_kind)
    allowed = sections.keys(report_kind)
    unknown = set(texts) - allowed
    if unknown:
        raise ValidationError(f"Mục không có trong báo cáo: {', '.join(sorted(unknown))}")
    import unicodedata

    changed = 0
    existing = {s.key: s for s in ReportSection.objects.select_for_update().filter(
        commune=commune, report_kind=report_kind, period=period)}
    for key, text in texts.items():
        text = "\n".join(line.rstrip() for line in unicodedata.normalize("NFC", text or "").strip().splitlines())
        row = existing.get(key)
        if row is None:
            if not text:
                continue
            row = ReportSection(commune=commune, report_kind=report_kind, period=period, key=key, text=text)
            row.full_clean()
            row.save()
            log_create(actor=actor, instance=row)
            changed += 1
        elif row.text != text:
            before = snapshot(row)
            row.text = text
            row.save()
            log_update(actor=actor, instance=row, before=before)
            changed += 1
    return changed


# --- generation jobs --------------------------------------------------------------------------

@transaction.atomic
def request_job(*, actor, kind: str, commune, params: dict) -> GenerationJob:
    """Queue a report generation: the job row and its task commit together, and a worker
    (`manage.py db_worker`) runs it once this transaction commits."""
    if not can_read_reports(actor, commune):
        raise PermissionDenied("Bạn không có quyền lập báo cáo của xã này.")
    kind = GenerationJob.Kind(kind)
    job = GenerationJob(kind=kind, params={**params, "commune": commune.pk},
                        requested_by=actor if actor and actor.is_authenticated else None)
    job.full_clean()
    job.save()
    log_create(actor=actor, instance=job, note=f"Yêu cầu tạo {job.get_kind_display().lower()}")
    job.task_id = str(generate_report.enqueue(job.pk).id)
    job.save(update_fields=["task_id"])
    return job
