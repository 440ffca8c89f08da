"""Getting data in and out: import batches (dry run, commit, undo) and API tokens."""
from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """One import: the rows read from a workbook (or proposed from a report), checked in a
    dry run, then committed in one transaction, and undoable as a whole while nothing else
    depends on what it wrote."""

    class Kind(models.TextChoices):
        PEOPLE = "people", _("Cá nhân (kèm đơn vị, chức vụ)")
        UNITS = "units", _("Cơ quan, đơn vị")
        RATINGS = "ratings", _("Xếp loại hằng năm")
        AWARDS = "awards", _("Sổ khen thưởng")
        REPORT = "report", _("Đọc báo cáo cũ")

    class State(models.TextChoices):
        DRAFT = "draft", _("Chạy thử, chờ ghi")
        COMMITTED = "committed", _("Đã ghi")
        UNDONE = "undone", _("Đã hoàn tác")
        DISCARDED = "discarded", _("Đã hủy")

    kind = models.CharField(_("loại dữ liệu"), max_length=12, choices=Kind.choices)
    state = models.CharField(_("trạng thái"), max_length=12, choices=State.choices, default=State.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("người nhập"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    file_name = models.CharField(_("tệp"), max_length=255, blank=True)
    # Each row: {"row", "cells", "errors", "duplicate", "decision", "notes", "status"} (see importers).
    rows = models.JSONField(_("các dòng"), default=list, blank=True)
    summary = models.JSONField(_("tóm tắt"), default=dict, blank=True)
    committed_at = models.DateTimeField(_("ghi lúc"), null=True, blank=True)
    # Last audit row of the commit: any later audit row about an imported record means
    # someone changed it, and the batch can no longer be undone.
    commit_audit_id = models.BigIntegerField(null=True, blank=True, editable=False)
    undone_at = models.DateTimeField(_("hoàn tác lúc"), null=True, blank=True)
    # Set when the province's office loads one commune's data: units are looked up in that
    # commune only (a name shared by units of two communes is no ambiguity there).
    within = models.ForeignKey("org.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("nhập cho xã, phường"))
    # A large batch is written by a task (``exchange.tasks.commit_import``): its id while queued
    # or running, and why it wrote nothing when it failed.
    commit_task_id = models.CharField(_("việc ghi chạy nền"), max_length=64, blank=True, editable=False)
    commit_error = models.TextField(_("lỗi khi ghi"), blank=True, editable=False)

    audit_exclude = ("rows", "summary")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lô nhập dữ liệu")
        verbose_name_plural = _("lô nhập dữ liệu")

    def __str__(self):
        return f"Lô nhập #{self.pk} — {self.get_kind_display()} ({self.get_state_display()})"

    @property
    def commit_pending(self) -> bool:
        """Queued for the background commit and not written yet."""
        return bool(self.commit_task_id) and self.state == self.State.DRAFT

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if r.get("errors"))

    @property
    def duplicate_count(self) -> int:
        return sum(1 for r in self.rows if r.get("duplicate") and not r.get("errors"))


class ImportedRecord(models.Model):
    """A record an import wrote (created) or changed (updated, with its values before)."""

    class Action(models.TextChoices):
        CREATE = "create", _("Tạo mới")
        UPDATE = "update", _("Cập nhật")

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="records")
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.BigIntegerField()
    action = models.CharField(max_length=8, choices=Action.choices, default=Action.CREATE)
    row = models.PositiveIntegerField(_("dòng"), default=0)
    before = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("bản ghi đã nhập")
        verbose_name_plural = _("bản ghi đã nhập")

    def __str__(self):
        return f"{self.batch_id}: {self.content_type.model} #{self.object_id}"


def token_digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    """A personal API token. The key is shown once when created; only its SHA-256 is kept."""

    PREFIX = "td_"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name=_("người dùng"))
    name = models.CharField(_("tên gợi nhớ"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    hint = models.CharField(_("đầu mã"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    audit_exclude = ("digest",)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")

    def __str__(self):
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def new_key(cls) -> str:
        return cls.PREFIX + secrets.token_urlsafe(32)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class NationalAwardCode(models.Model):
    """The national code of a title or form of the catalogue, as the national database of
    officials (cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức) codes "danh hiệu thi đua"
    and "hình thức khen thưởng". The official code lists are not published with the system: the
    administrator fills this table, and the officials' export refuses to run while an award it
    would carry has no code here."""

    award_type = models.OneToOneField("awards.AwardType", on_delete=models.CASCADE, related_name="national_code",
                                      verbose_name=_("danh hiệu, hình thức khen thưởng"))
    code = models.CharField(_("mã quốc gia"), max_length=40)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+", verbose_name=_("người cập nhật"))
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("mã quốc gia của danh hiệu, hình thức khen thưởng")
        verbose_name_plural = _("mã quốc gia của danh hiệu, hình thức khen thưởng")

    def __str__(self):
        return f"{self.award_type.name}: {self.code}"
