"""The audit log: one row per change of a domain record, written in the same
transaction as the change, never edited or deleted through the application."""
import hashlib
import hmac
import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def entry_payload(entry) -> str:
    """Canonical text of an audit row's content, as hashed (works on migration models too)."""
    return json.dumps({
        "at": entry.at.isoformat(), "actor": entry.actor_id, "actor_name": entry.actor_name,
        "action": entry.action,
        # by name, not id: content type ids change when a backup is restored elsewhere
        "content_type": f"{entry.content_type.app_label}.{entry.content_type.model}", "object_id": entry.object_id,
        "object_repr": entry.object_repr, "before": entry.before, "after": entry.after, "note": entry.note,
    }, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_hash(entry, prev_hash: str) -> str:
    """HMAC-SHA256 with the instance's audit key (``thidua.core.auditkey``): without the key,
    nobody can recompute the chain after editing or removing a row."""
    from .auditkey import audit_key

    return hmac.new(audit_key(), (prev_hash + entry_payload(entry)).encode("utf-8"), hashlib.sha256).hexdigest()


def legacy_entry_hash(entry, prev_hash: str) -> str:
    """The unkeyed hash of rows written before migration 0004 (kept to verify them once, when
    the chain is re-sealed with the key)."""
    return hashlib.sha256((prev_hash + entry_payload(entry)).encode("utf-8")).hexdigest()


def head_seal(last_hash: str) -> str:
    """The keyed seal of the chain head: moving the head back to an earlier row needs the key."""
    from .auditkey import audit_key

    return hmac.new(audit_key(), f"head:{last_hash}".encode("utf-8"), hashlib.sha256).hexdigest()


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionDenied(_("Nhật ký không được sửa."))

    def delete(self):
        raise PermissionDenied(_("Nhật ký không được xóa."))


class AuditEntry(models.Model):
    class Action(models.TextChoices):
        CREATE = "create", _("Tạo mới")
        UPDATE = "update", _("Cập nhật")
        DELETE = "delete", _("Xóa")
        TRANSITION = "transition", _("Chuyển trạng thái")
        IMPORT = "import", _("Nhập dữ liệu")
        SECURITY = "security", _("An ninh tài khoản")

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", verbose_name=_("người thực hiện"),
    )
    actor_name = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, verbose_name=_("loại bản ghi"))
    object_id = models.CharField(_("mã bản ghi"), max_length=64, db_index=True)
    object_repr = models.CharField(_("bản ghi"), max_length=300)
    before = models.JSONField(_("trước"), null=True, blank=True)
    after = models.JSONField(_("sau"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    # Tamper evidence: each row's hash covers its content and the previous row's hash.
    prev_hash = models.CharField(max_length=64, editable=False, default="")
    entry_hash = models.CharField(max_length=64, editable=False, default="")

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("mục nhật ký")
        verbose_name_plural = _("nhật ký hệ thống")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.at:%d/%m/%Y %H:%M} {self.actor_name or 'hệ thống'} {self.get_action_display()} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied(_("Nhật ký không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(_("Nhật ký không được xóa."))

    def compute_hash(self, prev_hash: str) -> str:
        return entry_hash(self, prev_hash)

    @property
    def changed_fields(self):
        """[(field, before, after)] for display."""
        before, after = self.before or {}, self.after or {}
        keys = list(dict.fromkeys([*before.keys(), *after.keys()]))
        return [(k, before.get(k), after.get(k)) for k in keys]


class AuditChainHead(models.Model):
    """The last link of the audit chain. Locked while a row is appended, so that concurrent
    writers take turns and every row points at its true predecessor."""

    last_hash = models.CharField(max_length=64, default="")
    seal = models.CharField(max_length=64, default="", editable=False)  # head_seal(last_hash)

    class Meta:
        verbose_name = _("đầu chuỗi nhật ký")


class CalendarDay(models.Model):
    """A local exception to the national calendar: an extra day off, or a swapped working
    day (e.g. a Saturday worked in exchange for a bridge holiday)."""

    day = models.DateField(_("ngày"), unique=True)
    is_working_day = models.BooleanField(_("là ngày làm việc"), default=False)
    name = models.CharField(_("lý do"), max_length=150)

    class Meta:
        ordering = ["day"]
        verbose_name = _("ngày nghỉ, ngày làm bù")
        verbose_name_plural = _("lịch ngày nghỉ, ngày làm bù")

    def __str__(self):
        return f"{self.day:%d/%m/%Y}: {self.name}"


class StoredUpload(models.Model):
    """What every uploaded file kept with a record carries: its name as sent, its size and
    who sent it when. The concrete model adds the file itself (its own folder) and what it
    belongs to."""

    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    audit_exclude = ("uploaded_at",)

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name


class Stamped(models.Model):
    """A record that keeps when it was created. The time is set once, by the database write,
    so the audit log does not repeat it as a change."""

    created_at = models.DateTimeField(auto_now_add=True)

    audit_exclude = ("created_at",)

    class Meta:
        abstract = True
