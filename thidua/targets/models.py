"""Targets 2026–2030 (chỉ tiêu) with their yearly values, and the yearly cultural review of
households ("Gia đình văn hóa") and villages ("Thôn văn hóa")."""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.text import nfc
from thidua.rules import codes


class Target(models.Model):
    """One goal of the commune's 2026–2030 plan (Part Two II.1 of the five-year report)."""

    class Direction(models.TextChoices):
        AT_LEAST = "at_least", _("Tối thiểu (đạt từ, trên)")
        AT_MOST = "at_most", _("Tối đa (không quá, dưới)")
        REACH = "reach", _("Đạt mức")

    class Source(models.TextChoices):
        ENTERED = "entered", _("Nhập tay hoặc nhập từ tệp")
        COMPUTED = "computed", _("Tính từ dữ liệu của hệ thống")

    class Group(models.TextChoices):
        EMULATION = "emulation", _("Thi đua, khen thưởng")
        ECONOMY = "economy", _("Kinh tế - xã hội")
        CULTURE = "culture", _("Văn hóa")
        ADMINISTRATION = "administration", _("Chính quyền, hành chính")
        DEFENCE = "defence", _("Quốc phòng - an ninh")
        FRONT = "front", _("Mặt trận, đoàn thể")

    commune = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="targets",
                                verbose_name=_("xã"))
    code = models.SlugField(_("mã"), max_length=60)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    group = models.CharField(_("nhóm"), max_length=20, choices=Group.choices)
    name = models.CharField(_("chỉ tiêu"), max_length=300)
    plan_text = models.TextField(_("nguyên văn trong kế hoạch"), blank=True)
    unit = models.CharField(_("đơn vị tính"), max_length=40)
    direction = models.CharField(_("chiều"), max_length=10, choices=Direction.choices)
    strict = models.BooleanField(_("vượt hẳn (trên/dưới)"), default=False,
                                 help_text=_("“Trên 90 %” phải lớn hơn 90; “đạt 90 %” được bằng 90."))
    annual = models.BooleanField(_("xét từng năm"), default=True,
                                 help_text=_("Mỗi năm một giá trị phải đạt; nếu không, chỉ tiêu xét đến hạn."))
    levels = models.JSONField(_("các mức"), default=list, blank=True,
                              help_text=_("Với chỉ tiêu “đạt mức”: tên các mức từ thấp đến cao, mức 0 trước."))
    start_year = models.PositiveSmallIntegerField(_("từ năm"), default=2026)
    end_year = models.PositiveSmallIntegerField(_("đến năm"), default=2030)
    deadline = models.DateField(_("hạn"))
    source = models.CharField(_("nguồn số liệu thực hiện"), max_length=10, choices=Source.choices)
    computed_key = models.CharField(_("cách tính"), max_length=40, blank=True)
    decimals = models.PositiveSmallIntegerField(_("số chữ số thập phân"), default=1)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["commune", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["commune", "code"], name="target_code_per_commune")]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self):
        return self.name

    def clean(self):
        self.name = nfc(self.name)
        if self.end_year < self.start_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải sau năm bắt đầu.")})
        if self.source == self.Source.COMPUTED and not self.computed_key:
            raise ValidationError({"computed_key": _("Chỉ tiêu tính tự động phải có cách tính.")})
        if self.direction == self.Direction.REACH and len(self.levels) < 2:
            raise ValidationError({"levels": _("Chỉ tiêu “đạt mức” phải có ít nhất hai mức.")})

    @property
    def is_computed(self) -> bool:
        return self.source == self.Source.COMPUTED

    def format_value(self, value) -> str:
        """A value as shown: level names for “đạt mức”, else '96,5 %' / '140 triệu đồng'."""
        if value is None:
            return "—"
        if self.direction == self.Direction.REACH and self.levels:
            index = int(value)
            if 0 <= index < len(self.levels):
                return self.levels[index]
        text = f"{Decimal(value):,.{self.decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
        return f"{text} {self.unit}".strip()


class TargetValue(models.Model):
    """The planned value of a target for a year and, for entered targets, its actual value
    (who entered it and when; every change is in the audit log)."""

    class Origin(models.TextChoices):
        ENTERED = "entered", _("Nhập tay")
        IMPORTED = "imported", _("Nhập từ tệp")

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="values",
                               verbose_name=_("chỉ tiêu"))
    year = models.PositiveSmallIntegerField(_("năm"))
    planned = models.DecimalField(_("kế hoạch"), max_digits=14, decimal_places=2, null=True, blank=True)
    strict = models.BooleanField(_("vượt hẳn"), null=True, blank=True,
                                 help_text=_("Để trống: theo chỉ tiêu."))
    actual = models.DecimalField(_("thực hiện"), max_digits=14, decimal_places=2, null=True, blank=True)
    actual_origin = models.CharField(_("nguồn"), max_length=10, choices=Origin.choices, blank=True)
    actual_note = models.CharField(_("ghi chú, nguồn số liệu"), max_length=300, blank=True)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+", verbose_name=_("người nhập"))
    entered_at = models.DateTimeField(_("nhập lúc"), null=True, blank=True)

    class Meta:
        ordering = ["target", "year"]
        constraints = [models.UniqueConstraint(fields=["target", "year"], name="target_value_per_year")]
        verbose_name = _("giá trị chỉ tiêu theo năm")
        verbose_name_plural = _("giá trị chỉ tiêu theo năm")

    def __str__(self):
        return f"{self.target} — {self.year}"

    def is_strict(self) -> bool:
        return self.target.strict if self.strict is None else self.strict


class CultureParameter(models.Model):
    """An editable number of the cultural-title rules whose source is not verified [U]
    (rules.md: such rules are data, with their source, never constants in code). Rows
    override the defaults of ``thidua.targets.culture.DEFAULT_PARAMETERS``."""

    key = models.CharField(_("khóa"), max_length=80, unique=True)
    value = models.DecimalField(_("giá trị"), max_digits=8, decimal_places=2)
    source_note = models.CharField(_("nguồn của giá trị"), max_length=300)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("tham số danh hiệu văn hóa")
        verbose_name_plural = _("tham số danh hiệu văn hóa")

    def __str__(self):
        return f"{self.key} = {self.value}"


class VillageReview(models.Model):
    """The yearly review of one village: its households listed, the village meeting's result
    per household, the commune chairman's decision recognising "Gia đình văn hóa", and the
    village's own title "Thôn văn hóa"."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang lập danh sách")
        MEETING_HELD = "meeting", _("Đã họp bình xét ở thôn")
        DECIDED = "decided", _("Đã có quyết định công nhận")

    village = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="culture_reviews",
                                verbose_name=_("thôn"))
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN)
    meeting_date = models.DateField(_("ngày họp thôn"), null=True, blank=True)
    meeting_attendance = models.PositiveIntegerField(_("số người dự họp"), null=True, blank=True)
    meeting_chair = models.CharField(_("chủ trì cuộc họp"), max_length=150, blank=True)
    meeting_note = models.TextField(_("ghi chú biên bản họp"), blank=True)
    decision_number = models.CharField(_("số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    issuer_name = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)
    village_criteria_met = models.BooleanField(_("thôn đạt các tiêu chí Thôn văn hóa"), null=True, blank=True)
    village_note = models.CharField(_("ghi chú xét Thôn văn hóa"), max_length=300, blank=True)
    village_award = models.OneToOneField("awards.Award", null=True, blank=True, on_delete=models.PROTECT,
                                         related_name="village_review", verbose_name=_("danh hiệu Thôn văn hóa"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "village__name"]
        constraints = [models.UniqueConstraint(fields=["village", "year"], name="culture_review_per_village_year")]
        verbose_name = _("bình xét danh hiệu văn hóa của thôn")
        verbose_name_plural = _("bình xét danh hiệu văn hóa")

    def __str__(self):
        return f"Bình xét văn hóa {self.village} năm {self.year}"


class HouseholdReview(models.Model):
    """One household in a village's yearly review."""

    audit_exclude = ("has_exclusion",)

    review = models.ForeignKey(VillageReview, on_delete=models.CASCADE, related_name="entries",
                               verbose_name=_("đợt bình xét"))
    household = models.ForeignKey("org.Household", on_delete=models.PROTECT, related_name="culture_reviews",
                                  verbose_name=_("hộ gia đình"))
    proposed = models.BooleanField(_("họp thôn đề nghị công nhận"), null=True, blank=True)
    movement_ok = models.BooleanField(_("tích cực tham gia phong trào, sinh hoạt cộng đồng"), default=True)
    prosperous_ok = models.BooleanField(_("gia đình no ấm, hòa thuận, tiến bộ"), default=True)
    exclusions = models.JSONField(_("trường hợp loại trừ"), default=list, blank=True)
    exclusion_note = models.CharField(_("ghi chú loại trừ"), max_length=300, blank=True)
    has_exclusion = models.BooleanField(default=False, editable=False)  # derived from exclusions, for counting
    verdict_note = models.CharField(_("lý do không được công nhận"), max_length=500, blank=True)
    award = models.OneToOneField("awards.Award", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="household_review", verbose_name=_("danh hiệu Gia đình văn hóa"))

    class Meta:
        ordering = ["review", "household__head_name"]
        constraints = [models.UniqueConstraint(fields=["review", "household"], name="culture_entry_once")]
        indexes = [models.Index(fields=["review", "proposed"])]
        verbose_name = _("hộ gia đình trong đợt bình xét")
        verbose_name_plural = _("hộ gia đình trong đợt bình xét")

    def __str__(self):
        return f"{self.household} — {self.review.year}"

    def clean(self):
        valid = {e.value for e in codes.HouseholdExclusion}
        unknown = [e for e in self.exclusions if e not in valid]
        if unknown:
            raise ValidationError({"exclusions": _("Trường hợp loại trừ không hợp lệ: %(codes)s")
                                   % {"codes": ", ".join(unknown)}})

    def save(self, *args, **kwargs):
        self.has_exclusion = bool(self.exclusions)
        super().save(*args, **kwargs)

    @property
    def exclusion_labels(self) -> list[str]:
        return [codes.label_of(e) for e in self.exclusions]

    @property
    def recognised(self) -> bool:
        return bool(self.award_id) and not self.award.revoked


RECOGNISED = Q(award__isnull=False, award__revoked=False)
