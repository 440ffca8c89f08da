"""Documents: the DOCX templates the administrator may replace, the narrative sections of
reports that only a person can write, and background generation jobs."""
from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _


class TemplateKind(models.TextChoices):
    DECISION = "decision", _("Quyết định khen thưởng (kèm danh sách)")
    SUBMISSION = "submission", _("Tờ trình đề nghị khen thưởng")
    MINUTES = "minutes", _("Biên bản họp Hội đồng Thi đua - Khen thưởng")
    INVITATION = "invitation", _("Giấy mời họp Hội đồng")
    ACHIEVEMENT = "achievement", _("Báo cáo thành tích")
    REPORT = "report", _("Báo cáo tổng kết (năm, 5 năm)")


class DocumentTemplate(models.Model):
    """An uploaded .docx (docxtpl) that replaces the built-in template of one kind."""

    kind = models.CharField(_("loại văn bản"), max_length=16, choices=TemplateKind.choices, unique=True)
    file = models.FileField(_("tệp mẫu (.docx)"), upload_to="van-ban/mau/")
    original_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người tải lên"))
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("mẫu văn bản")
        verbose_name_plural = _("mẫu văn bản")

    def __str__(self):
        return self.get_kind_display()


class ReportKind(models.TextChoices):
    FIVE_YEAR = "five_year", _("Báo cáo tổng kết 5 năm")
    ANNUAL = "annual", _("Báo cáo tổng kết năm")


class ReportSection(models.Model):
    """A narrative paragraph group of a report, written by a person and placed verbatim.

    Keyed by commune, report kind, period ("2021-2025" for a five-year report, "2025" for
    an annual one) and section key (``thidua.documents.reports.sections``)."""

    commune = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("xã"))
    report_kind = models.CharField(_("loại báo cáo"), max_length=12, choices=ReportKind.choices)
    period = models.CharField(_("kỳ báo cáo"), max_length=20)
    key = models.CharField(_("mục"), max_length=60)
    text = models.TextField(_("nội dung"), blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        ordering = ["commune", "report_kind", "period", "key"]
        constraints = [models.UniqueConstraint(fields=["commune", "report_kind", "period", "key"],
                                               name="report_section_unique")]
        verbose_name = _("mục báo cáo")
        verbose_name_plural = _("mục báo cáo")

    def __str__(self):
        return f"{self.get_report_kind_display()} {self.period} — {self.key}"


class GenerationJob(models.Model):
    """A long generation (a report, a workbook) run by the task queue; its page polls it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RUNNING = "running", _("Đang tạo")
        DONE = "done", _("Hoàn thành")
        FAILED = "failed", _("Lỗi")

    class Kind(models.TextChoices):
        FIVE_YEAR_DOCX = "five_year_docx", _("Báo cáo tổng kết 5 năm (DOCX)")
        FIVE_YEAR_XLSX = "five_year_xlsx", _("Bảng thống kê 5 năm (Excel)")
        ANNUAL_DOCX = "annual_docx", _("Báo cáo tổng kết năm (DOCX)")
        ANNUAL_XLSX = "annual_xlsx", _("Bảng thống kê năm (Excel)")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    params = models.JSONField(_("tham số"), default=dict)
    status = models.CharField(_("trạng thái"), max_length=8, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    step = models.CharField(_("bước"), max_length=200, blank=True)
    file = models.FileField(_("tệp kết quả"), upload_to="van-ban/tao/%Y/%m/", blank=True)
    filename = models.CharField(_("tên tệp"), max_length=200, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    task_id = models.CharField(_("mã tác vụ nền"), max_length=64, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+", verbose_name=_("người yêu cầu"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    audit_exclude = ("progress", "step")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("tác vụ tạo văn bản")
        verbose_name_plural = _("tác vụ tạo văn bản")

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class SignedDecisionPdf(models.Model):
    """The digitally signed PDF of a decision the chairman signed in the system, made once and
    kept: every later delivery hands out these very bytes (a signed decision is never edited,
    and its signature time is when it was signed, not when someone downloads it). The decision
    is named as the ledger names it (issuing body, number, date), so the proposals app stays
    optional."""

    issuer = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("cơ quan ban hành"))
    issuer_name = models.CharField(_("tên cơ quan ban hành"), max_length=200)
    number = models.CharField(_("số quyết định"), max_length=60)
    date = models.DateField(_("ngày quyết định"))
    file = models.FileField(_("tệp PDF đã ký số"), upload_to="quyet-dinh-ky-so/%Y/")
    sha256 = models.CharField(_("mã băm SHA-256"), max_length=64)
    signed_at = models.DateTimeField(_("ký số lúc"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuer", "number", "date"],
                                               name="signed_pdf_one_per_decision")]
        verbose_name = _("quyết định đã ký số")
        verbose_name_plural = _("quyết định đã ký số")

    def __str__(self):
        return f"{self.number} ({self.date:%d/%m/%Y})"


class FrozenDecision(models.Model):
    """The decision as signed. The signature keeps its structure (``structure``: the one
    ``DecisionData`` both renderers read, with the number, date and signer) in the signing
    transaction; a task renders its DOCX and PDF from that structure once, PAdES-signing the
    PDF when a certificate is configured (``pdf_signed``), and keeps them (``rendered_at``).
    The decision page, the DOCX and PDF downloads and the API hand out these very bytes; their
    SHA-256 is in the audit log. A download asked before the task ran renders them then, under
    the same lock, so there is only ever one DOCX and one PDF of a decision."""

    decision = models.OneToOneField("proposals.Decision", on_delete=models.PROTECT, related_name="frozen",
                                    verbose_name=_("quyết định"))
    structure = models.JSONField(_("cấu trúc văn bản"), default=dict, blank=True)
    docx = models.FileField(_("tệp DOCX"), upload_to="quyet-dinh/%Y/", blank=True)
    pdf = models.FileField(_("tệp PDF"), upload_to="quyet-dinh/%Y/", blank=True)
    docx_sha256 = models.CharField(_("SHA-256 của DOCX"), max_length=64, blank=True)
    pdf_sha256 = models.CharField(_("SHA-256 của PDF"), max_length=64, blank=True)
    pdf_signed = models.BooleanField(_("PDF đã ký số"), default=False)
    created_at = models.DateTimeField(_("lập lúc"), auto_now_add=True)
    rendered_at = models.DateTimeField(_("tạo tệp lúc"), null=True, blank=True)

    ARTEFACT_FIELDS = frozenset({"docx", "pdf", "docx_sha256", "pdf_sha256", "pdf_signed", "rendered_at"})
    audit_exclude = ("structure",)

    class Meta:
        verbose_name = _("văn bản quyết định đã ký")
        verbose_name_plural = _("văn bản quyết định đã ký")

    def __str__(self):
        return str(self.decision)

    @property
    def ready(self) -> bool:
        return self.rendered_at is not None

    def save(self, *args, **kwargs):
        if not self._state.adding:
            # Only the artefacts, and only once: filled by the rendering of the signed structure.
            fields = set(kwargs.get("update_fields") or ())
            if not fields or not fields <= self.ARTEFACT_FIELDS or \
                    not type(self).objects.filter(pk=self.pk, rendered_at__isnull=True).exists():
                raise PermissionDenied(_("Văn bản quyết định đã ký không được sửa."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied(_("Văn bản quyết định đã ký không được xóa."))

    def read(self, kind: str) -> bytes:
        field = self.pdf if kind == "pdf" else self.docx
        with field.open("rb") as handle:
            return handle.read()
