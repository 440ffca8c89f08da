"""Writes of the exchange app: import batches (dry run, commit, undo) and API tokens.
Keyword-only, atomic, audited (one audit row per model written by a batch)."""
from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models.functions import Cast
from django.utils import timezone
from django_tasks import task

from thidua.accounts.permissions import can
from thidua.accounts.scoping import can_see_organisation
from thidua.awards import summaries as award_summaries
from thidua.awards import verdicts as award_verdicts
from thidua.awards.models import Award, Rating
from thidua.core.audit import log_batch, log_create, log_event, log_transition
from thidua.core.models import AuditEntry

from .importers import IMPORT, IMPORTERS, Context, Importer
from .models import ApiToken, ImportBatch, ImportedRecord, token_digest


class ImportRejected(ValidationError):
    """Some rows have errors: nothing was written. ``rows`` holds the checked rows."""

    def __init__(self, rows: list[dict]):
        self.rows = rows
        super().__init__([f"Dòng {r['row']}: {e}" for r in rows for e in r["errors"]])


def importer_for(kind: str) -> Importer:
    if kind == ImportBatch.Kind.REPORT:
        from .report_import import ReportImporter

        return ReportImporter()
    return IMPORTERS[kind]


def _summary(rows: list[dict]) -> dict:
    return {
        "total": len(rows),
        "errors": sum(1 for r in rows if r["errors"]),
        "duplicates": sum(1 for r in rows if r.get("duplicate") and not r["errors"]),
        "to_import": sum(1 for r in rows if r["decision"] == IMPORT and not r["errors"]),
        "info": sum(1 for r in rows if r.get("status") == "info"),
        "messages": [f"Dòng {r['row']}: {e}" for r in rows for e in r["errors"]][:500],
    }


def _check_may_import(actor, importer: Importer) -> None:
    if not importer.may_import(actor):
        raise PermissionDenied("Bạn không có quyền nhập loại dữ liệu này.")


def _check_within(actor, within) -> None:
    if within is not None and not can_see_organisation(actor, within):
        raise PermissionDenied("Đơn vị này ngoài phạm vi của bạn.")


@transaction.atomic
def preview_import(*, actor, kind: str, rows: list[dict], file_name: str = "", deadline=None,
                   within=None) -> ImportBatch:
    """The dry run: check every row, save nothing but the batch (state DRAFT) to review.
    ``within``: a commune whose data the province's office loads — units are found there only."""
    importer = importer_for(kind)
    _check_may_import(actor, importer)
    _check_within(actor, within)
    checked = importer.check(Context.for_user(actor, within), rows, deadline=deadline)
    batch = ImportBatch.objects.create(kind=kind, created_by=actor, file_name=file_name[:255], rows=checked,
                                       summary=_summary(checked), within=within)
    log_create(actor=actor, instance=batch, note=f"Chạy thử nhập {len(checked)} dòng")
    return batch


@transaction.atomic
def preview_workbook(*, actor, kind: str, data: bytes, file_name: str = "", within=None) -> ImportBatch:
    importer = importer_for(kind)
    _check_may_import(actor, importer)
    return preview_import(actor=actor, kind=kind, rows=importer.read(data), file_name=file_name, within=within)


@transaction.atomic
def preview_report(*, actor, text: str, file_name: str = "") -> ImportBatch:
    """A pasted or uploaded report becomes a batch of proposed ledger rows to review. The
    reading and its check are bounded (``report.MAX_CHARS``, ``MAX_RECORDS``, ``MAX_SECONDS``):
    past a bound ``report.ReportRefused`` is raised and nothing is stored."""
    from .report import Deadline
    from .report_import import rows_from_report

    importer = importer_for(ImportBatch.Kind.REPORT)
    _check_may_import(actor, importer)
    deadline = Deadline()
    rows = rows_from_report(text or "", deadline=deadline)
    if not rows:
        raise ValidationError("Không tìm thấy gương điển hình nào trong báo cáo (tên, chức vụ, đơn vị, khen thưởng).")
    return preview_import(actor=actor, kind=ImportBatch.Kind.REPORT, rows=rows, file_name=file_name,
                          deadline=deadline)


def _require_owner(actor, batch: ImportBatch) -> None:
    if not (actor.pk == batch.created_by_id or can(actor, "manage_imports")):
        raise PermissionDenied("Lô nhập này không phải của bạn.")


def recheck_batch(*, actor, batch: ImportBatch, decisions: dict | None = None) -> ImportBatch:
    """Check the rows again (data may have changed since the dry run), keeping decisions."""
    _require_owner(actor, batch)
    importer = importer_for(batch.kind)
    checked = importer.check(Context.for_user(actor, batch.within), batch.rows, decisions or {})
    ImportBatch.objects.filter(pk=batch.pk).update(rows=checked, summary=_summary(checked))
    batch.rows, batch.summary = checked, _summary(checked)
    return batch


@transaction.atomic
def commit_batch(*, actor, batch: ImportBatch, decisions: dict | None = None) -> ImportBatch:
    """Write every row to import in one transaction — all of them or none. Rows are checked
    again first; any error raises ImportRejected and nothing is written."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    _require_owner(actor, batch)
    if batch.state != ImportBatch.State.DRAFT:
        raise ValidationError("Lô nhập này đã được ghi hoặc đã hủy.")
    importer = importer_for(batch.kind)
    _check_may_import(actor, importer)
    ctx = Context.for_user(actor, batch.within)
    checked = importer.check(ctx, batch.rows, decisions or {})
    if any(r["errors"] for r in checked):
        raise ImportRejected(checked)
    to_import = [r for r in checked if r["decision"] == IMPORT]
    written = importer.apply(ctx, to_import, actor=actor)
    by_model: dict[type, list] = defaultdict(list)
    records = []
    content_types: dict[type, int] = {}
    for action, instance, row_number, before in written:
        model = type(instance)
        if action == "create":
            by_model[model].append(instance)
        if model not in content_types:
            content_types[model] = ContentType.objects.get_for_model(model).pk
        records.append(ImportedRecord(batch_id=batch.pk, content_type_id=content_types[model],
                                      object_id=instance.pk, action=action, row=row_number, before=before))
    ImportedRecord.objects.bulk_create(records, batch_size=2000)
    award_summaries.changed(getattr(instance, "person_id", None) for _a, instance, _n, _b in written
                            if isinstance(instance, (Award, Rating)))
    award_verdicts.units_changed(getattr(instance, "organisation_id", None) for _a, instance, _n, _b in written
                                 if isinstance(instance, (Award, Rating)))
    note = f"Lô nhập #{batch.pk} ({batch.get_kind_display()})"
    for model, objects in by_model.items():
        log_batch(actor=actor, model=model, objects=objects, note=note)
    updated = [(inst, before) for action, inst, _n, before in written if action == "update"]
    if updated:
        log_event(actor=actor, instance=batch, action=AuditEntry.Action.UPDATE, note=note + ": cập nhật bản ghi đã có",
                  before={"records": [[type(i)._meta.label, i.pk, b] for i, b in updated]}, after=None)
    batch.rows = checked
    batch.summary = {**_summary(checked), "written": len(written)}
    batch.state = ImportBatch.State.COMMITTED
    batch.committed_at = timezone.now()
    log_transition(actor=actor, instance=batch, from_state=ImportBatch.State.DRAFT, to_state=batch.state, note=note)
    batch.commit_audit_id = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first()
    batch.save()
    return batch


LARGE_IMPORT_ROWS = 5000  # batches with more rows are written by a task, not in the request


@transaction.atomic
def queue_commit(*, actor, batch: ImportBatch, decisions: dict | None = None) -> ImportBatch:
    """Hand the commit of a large batch to the worker (``commit_import``), queued in this
    transaction; the batch page shows it pending, then written or why not."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    _require_owner(actor, batch)
    if batch.state != ImportBatch.State.DRAFT:
        raise ValidationError("Lô nhập này đã được ghi hoặc đã hủy.")
    if batch.commit_pending:
        raise ValidationError("Lô nhập này đang được ghi ở nền.")
    _check_may_import(actor, importer_for(batch.kind))
    result = commit_import.enqueue(batch.pk, actor.pk, decisions or {})
    batch.commit_task_id, batch.commit_error = str(result.id), ""
    batch.save(update_fields=["commit_task_id", "commit_error"])
    return batch


@task()
def commit_import(batch_id: int, actor_id: int, decisions: dict) -> dict:
    """The task that writes a large import batch (all rows or none), as the user who asked for
    it (``exchange.tasks`` names it, as do the batches queued before it moved here): defined
    beside the service that enqueues it, so the two modules do not import each other."""
    return commit_queued(batch_id=batch_id, actor_id=actor_id, decisions=decisions)


def commit_queued(*, batch_id: int, actor_id: int, decisions: dict) -> dict:
    """The task's work: commit the batch as its owner; a refusal is kept on the batch (nothing
    written) instead of raised, so the page can say it."""
    from django.contrib.auth import get_user_model

    actor = get_user_model().objects.get(pk=actor_id)
    batch = ImportBatch.objects.get(pk=batch_id)
    try:
        batch = commit_batch(actor=actor, batch=batch, decisions=decisions)
    except ImportRejected as exc:
        recheck_batch(actor=actor, batch=batch, decisions=decisions)
        reason = f"Chưa ghi gì: còn {len(exc.messages)} dòng lỗi. Sửa tệp rồi nhập lại."
    except (ValidationError, PermissionDenied) as exc:
        reason = "Chưa ghi gì: " + " ".join(getattr(exc, "messages", [str(exc)]))
    else:
        ImportBatch.objects.filter(pk=batch.pk).update(commit_task_id="")
        return {"written": batch.summary.get("written", 0)}
    ImportBatch.objects.filter(pk=batch_id).update(commit_task_id="", commit_error=reason[:4000])
    return {"error": reason}


@transaction.atomic
def discard_batch(*, actor, batch: ImportBatch) -> ImportBatch:
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    _require_owner(actor, batch)
    if batch.state != ImportBatch.State.DRAFT:
        raise ValidationError("Chỉ hủy được lô chưa ghi.")
    batch.state = ImportBatch.State.DISCARDED
    batch.save(update_fields=["state"])
    log_transition(actor=actor, instance=batch, from_state=ImportBatch.State.DRAFT, to_state=batch.state)
    return batch


# --- undo --------------------------------------------------------------------------------------
# Every question about a batch's records is asked of the database with the batch's own
# ``ImportedRecord`` rows as a subquery: one statement per model and relation, however many
# rows the batch wrote (50 000 rows used to be 100 statements of 500 ids each, per relation).

def _records_by_model(batch: ImportBatch) -> dict[type[models.Model], dict[str, list]]:
    """{model: {"create": [object ids], "update": [(object id, before)]}}."""
    result: dict[type[models.Model], dict[str, list]] = {}
    for content_type_id, object_id, action, before in batch.records.order_by("id").values_list(
            "content_type_id", "object_id", "action", "before"):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        entry = result.setdefault(model, {"create": [], "update": []})
        entry[action].append(object_id if action == ImportedRecord.Action.CREATE else (object_id, before))
    return result


def _imported(batch: ImportBatch, model, action: str | None = None):
    """The ids of ``model``'s records the batch wrote (``action``: created or updated only), as a subquery."""
    rows = ImportedRecord.objects.filter(batch=batch, content_type=ContentType.objects.get_for_model(model))
    if action is not None:
        rows = rows.filter(action=action)
    return rows.values("object_id")


def undo_blockers(batch: ImportBatch, *, limit: int = 10) -> list[str]:
    """Why the batch cannot be undone: records changed after the import, or other records
    (an award, a later rating, a membership…) that refer to what it created."""
    if batch.state != ImportBatch.State.COMMITTED:
        return ["Chỉ hoàn tác được lô đã ghi."]
    reasons: list[str] = []
    by_model = _records_by_model(batch)
    CREATE = ImportedRecord.Action.CREATE
    for model, recs in by_model.items():
        ct = ContentType.objects.get_for_model(model)
        written = ImportedRecord.objects.filter(batch=batch, content_type=ct).annotate(
            key=Cast("object_id", output_field=models.CharField())).values("key")
        later = AuditEntry.objects.filter(content_type=ct, object_id__in=written,
                                          id__gt=batch.commit_audit_id or 0).order_by("id").first()
        if later is not None:
            reasons.append(f"“{later.object_repr}” đã được sửa sau khi nhập (nhật ký #{later.pk}, "
                           f"{timezone.localtime(later.at):%d/%m/%Y %H:%M}).")
        if not recs["create"]:
            continue
        for rel in model._meta.get_fields(include_hidden=True):
            if not (rel.auto_created and not rel.concrete and (rel.one_to_many or rel.one_to_one or rel.many_to_many)):
                continue
            related = rel.related_model
            if related is ImportedRecord:
                continue
            qs = related._base_manager.filter(**{f"{rel.field.name}__in": _imported(batch, model, CREATE)})
            if related in by_model and by_model[related]["create"]:
                qs = qs.exclude(pk__in=_imported(batch, related, CREATE))
            other = qs.order_by().first()
            if other is not None:
                reasons.append(f"{related._meta.verbose_name.capitalize()} “{other}” đã tham chiếu đến dữ liệu "
                               f"của lô này.")
        if len(reasons) >= limit:
            break
    return reasons[:limit]


_DELETE_ORDER = ["awards.award", "awards.rating", "org.membership", "org.person", "org.household", "org.organisation"]


def _ledger_people(batch: ImportBatch, by_model, column: str = "person_id") -> set[int]:
    """The people (or with ``column="organisation_id"`` the units) whose ratings or awards the
    batch wrote (their ledger summaries, their stored verdicts change)."""
    from thidua.awards.models import Award, Rating

    people: set[int] = set()
    for model in (Award, Rating):
        if model in by_model:
            people |= set(model._base_manager.filter(pk__in=_imported(batch, model)).exclude(**{column: None})
                          .values_list(column, flat=True))
    return people


@transaction.atomic
def undo_batch(*, actor, batch: ImportBatch) -> ImportBatch:
    """Remove what the batch created and restore what it changed, as one audited step,
    unless something else depends on it."""
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    _require_owner(actor, batch)
    reasons = undo_blockers(batch)
    if reasons:
        raise ValidationError(["Không hoàn tác được lô nhập này:"] + reasons)
    by_model = _records_by_model(batch)
    award_summaries.changed(_ledger_people(batch, by_model))
    award_verdicts.units_changed(_ledger_people(batch, by_model, "organisation_id"))
    order = {label: i for i, label in enumerate(_DELETE_ORDER)}
    deleted, restored = {}, {}
    for model in sorted(by_model, key=lambda m: order.get(m._meta.label_lower, -1)):
        recs = by_model[model]
        for object_id, before in recs["update"]:
            model._base_manager.filter(pk=object_id).update(**(before or {}))
        if recs["update"]:
            restored[model._meta.label] = [object_id for object_id, _before in recs["update"]]
        ids = recs["create"]
        if not ids:
            continue
        if model._meta.label_lower == "org.organisation":
            for pk in sorted(ids, reverse=True):  # children (created later) first
                model._base_manager.filter(pk=pk).delete()
        else:
            # One DELETE: undo_blockers found nothing else referring to these rows, and what the
            # batch itself created that refers to them went first (_DELETE_ORDER).
            doomed = model._base_manager.filter(pk__in=_imported(batch, model, ImportedRecord.Action.CREATE))
            doomed._raw_delete(doomed.db)
        deleted[model._meta.label] = ids
    batch.state = ImportBatch.State.UNDONE
    batch.undone_at = timezone.now()
    batch.save(update_fields=["state", "undone_at"])
    log_event(actor=actor, instance=batch, action=AuditEntry.Action.DELETE,
              note=f"Hoàn tác lô nhập #{batch.pk}",
              before={"deleted": deleted, "restored": restored}, after={"state": batch.state})
    return batch


# --- API tokens --------------------------------------------------------------------------------
@transaction.atomic
def create_token(*, actor, name: str) -> tuple[ApiToken, str]:
    """A new token for the actor. Returns (token, key): the key is shown once, never stored."""
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied("Phải đăng nhập.")
    name = (name or "").strip()[:100] or "Mã truy cập"
    if ApiToken.objects.filter(user=actor, revoked_at__isnull=True).count() >= 20:
        raise ValidationError("Mỗi người dùng có tối đa 20 mã truy cập đang dùng; hãy thu hồi bớt.")
    key = ApiToken.new_key()
    token = ApiToken.objects.create(user=actor, name=name, digest=token_digest(key), hint=key[:8])
    log_create(actor=actor, instance=token, note="Tạo mã truy cập API")
    return token, key


@transaction.atomic
@transaction.atomic
def revoke_tokens_of(*, user, **_signal) -> int:
    """The user's password changed (accounts.passwords.password_changed): every API token she
    made with the old password stops working."""
    now = timezone.now()
    tokens = list(ApiToken.objects.filter(user=user, revoked_at__isnull=True))
    for token in tokens:
        token.revoked_at = now
        token.save(update_fields=["revoked_at"])
        log_event(actor=user, instance=token, action=AuditEntry.Action.SECURITY,
                  note="Thu hồi mã truy cập API do đổi mật khẩu",
                  before={"revoked_at": None}, after={"revoked_at": now.isoformat()})
    return len(tokens)


def revoke_token(*, actor, token: ApiToken) -> ApiToken:
    if token.user_id != actor.pk and not actor.is_superuser:
        raise PermissionDenied("Mã truy cập này không phải của bạn.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        log_event(actor=actor, instance=token, action=AuditEntry.Action.SECURITY, note="Thu hồi mã truy cập API",
                  before={"revoked_at": None}, after={"revoked_at": token.revoked_at.isoformat()})
    return token
