"""Inspection and supervision of movements and of the commendation work (kiểm tra, giám sát),
and the new factors and good practices found (nhân tố mới, cách làm hay).

A plan (kế hoạch kiểm tra) of the commune for a year holds inspections (đợt kiểm tra): a team,
units, dates, and what is inspected — one movement, or the commendation work at the units.
At each unit the team fills a checklist drawn from the movement's criteria set and the unit's
registration, writes its finding with evidence files and makes recommendations, each with a
person responsible and a deadline in working days, followed up until closed.
"""
from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.models import Stamped, StoredUpload
from thidua.core.text import nfc, nfc_lines

USER = settings.AUTH_USER_MODEL


class InspectionPlan(Stamped):
    """Kế hoạch kiểm tra of the commune for one year."""

    commune = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("xã"))
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên kế hoạch"), max_length=300)
    purpose = models.TextField(_("mục đích, yêu cầu"), blank=True)

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("kế hoạch kiểm tra")
        verbose_name_plural = _("kế hoạch kiểm tra")

    def __str__(self):
        return self.title

    def clean(self):
        self.title = nfc(self.title)
        if not self.title.strip():
            raise ValidationError({"title": _("Phải ghi tên kế hoạch.")})
        if self.year is not None and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": _("Năm không hợp lệ.")})


class Inspection(Stamped):
    """Một đợt kiểm tra of the plan: one movement, or the commendation work, at some units."""

    class Topic(models.TextChoices):
        MOVEMENT = "movement", _("Phong trào thi đua")
        COMMENDATION = "commendation", _("Công tác khen thưởng")

    plan = models.ForeignKey(InspectionPlan, on_delete=models.CASCADE, related_name="inspections",
                             verbose_name=_("kế hoạch"))
    topic = models.CharField(_("nội dung kiểm tra"), max_length=12, choices=Topic.choices, default=Topic.MOVEMENT)
    movement = models.ForeignKey("movements.Movement", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="inspections", verbose_name=_("phong trào"))
    units = models.ManyToManyField("org.Organisation", related_name="inspections", verbose_name=_("đơn vị được kiểm tra"))
    team = models.TextField(_("thành phần đoàn kiểm tra"),
                            help_text=_("Mỗi dòng một người: họ tên, chức vụ — nhiệm vụ trong đoàn."))
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("đợt kiểm tra")
        verbose_name_plural = _("đợt kiểm tra")

    def __str__(self):
        return f"Kiểm tra {self.subject} ({self.start_date:%d/%m/%Y}–{self.end_date:%d/%m/%Y})"

    def clean(self):
        self.team = nfc_lines(self.team)
        errors = {}
        if self.topic == self.Topic.MOVEMENT and not self.movement_id:
            errors["movement"] = _("Kiểm tra phong trào thi đua thì phải chọn phong trào.")
        if not self.team_lines:
            errors["team"] = _("Phải ghi thành phần đoàn kiểm tra.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
        if errors:
            raise ValidationError(errors)

    @property
    def subject(self) -> str:
        if self.topic == self.Topic.MOVEMENT and self.movement_id:
            return f"phong trào “{self.movement.name}”"
        return "công tác thi đua, khen thưởng"

    @property
    def team_lines(self) -> list[str]:
        return [line.strip(" -–•") for line in (self.team or "").splitlines() if line.strip(" -–•")]


class Finding(Stamped):
    """The team's finding at one unit: the checklist, what it saw, its conclusion."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings",
                                   verbose_name=_("đợt kiểm tra"))
    unit = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="inspection_findings",
                             verbose_name=_("đơn vị"))
    inspected_on = models.DateField(_("ngày kiểm tra"), null=True, blank=True)
    strengths = models.TextField(_("ưu điểm"), blank=True)
    shortcomings = models.TextField(_("tồn tại, hạn chế"), blank=True)
    conclusion = models.TextField(_("kết luận"), blank=True)

    class Meta:
        ordering = ["inspection", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["inspection", "unit"], name="finding_one_per_unit")]
        verbose_name = _("kết quả kiểm tra tại đơn vị")
        verbose_name_plural = _("kết quả kiểm tra tại đơn vị")

    def __str__(self):
        return f"Kết quả kiểm tra {self.unit} — {self.inspection.subject}"

    def clean(self):
        for name in ("strengths", "shortcomings", "conclusion"):
            setattr(self, name, nfc_lines(getattr(self, name)))


class CheckItem(models.Model):
    """One line of the checklist, copied when the finding is opened (the criteria set may get a
    new version later; the inspection keeps what it checked)."""

    class Source(models.TextChoices):
        CRITERION = "criterion", _("Tiêu chí thi đua")
        REGISTRATION = "registration", _("Đăng ký thi đua")
        COMMENDATION = "commendation", _("Công tác khen thưởng")

    class Result(models.TextChoices):
        UNCHECKED = "", _("Chưa kiểm tra")
        MET = "met", _("Đạt")
        PARTLY = "partly", _("Đạt một phần")
        NOT_MET = "not_met", _("Chưa đạt")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="items")
    source = models.CharField(_("nguồn"), max_length=12, choices=Source.choices)
    code = models.CharField(_("mã"), max_length=20, blank=True)
    text = models.TextField(_("nội dung kiểm tra"))
    result = models.CharField(_("kết quả"), max_length=8, choices=Result.choices, blank=True, default="")
    note = models.CharField(_("ghi nhận"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["finding", "order", "pk"]
        verbose_name = _("nội dung kiểm tra")
        verbose_name_plural = _("danh mục kiểm tra")

    def __str__(self):
        return f"{self.code} {self.text[:80]}".strip()


def evidence_path(instance: "FindingFile", filename: str) -> str:
    return f"kiem-tra/{instance.finding_id}/{timezone.now():%Y%m%d%H%M%S%f}.{instance.kind}"


class FindingFile(StoredUpload):
    """An evidence file of a finding (minutes, photos, scans), checked by content."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("tệp"), upload_to=evidence_path)
    kind = models.CharField(max_length=8, editable=False)
    description = models.CharField(_("mô tả"), max_length=250, blank=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("minh chứng kiểm tra")
        verbose_name_plural = _("minh chứng kiểm tra")


class RecommendationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_on__isnull=True)

    def overdue(self, today: datetime.date):
        return self.open().filter(due_on__lt=today)


class Recommendation(Stamped):
    """Kiến nghị: what the unit must put right, by whom, within how many working days."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="recommendations",
                                verbose_name=_("kết quả kiểm tra"))
    text = models.TextField(_("nội dung kiến nghị"))
    responsible = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("người chịu trách nhiệm"))
    responsible_position = models.CharField(_("chức vụ người chịu trách nhiệm"), max_length=200, blank=True)
    issued_on = models.DateField(_("ngày kiến nghị"))
    working_days = models.PositiveSmallIntegerField(_("thời hạn (ngày làm việc)"))
    due_on = models.DateField(_("hạn khắc phục"), editable=False)
    closed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    outcome = models.TextField(_("kết quả khắc phục"), blank=True)

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["closed_on", "due_on"])]
        verbose_name = _("kiến nghị sau kiểm tra")
        verbose_name_plural = _("kiến nghị sau kiểm tra")

    def __str__(self):
        return f"Kiến nghị với {self.finding.unit}: {self.text[:80]}"

    def clean(self):
        self.text = nfc_lines(self.text)
        if not self.text.strip():
            raise ValidationError({"text": _("Phải ghi nội dung kiến nghị.")})
        if self.working_days is not None and not 1 <= self.working_days <= 250:
            raise ValidationError({"working_days": _("Thời hạn từ 1 đến 250 ngày làm việc.")})
        if self.closed_on and self.issued_on and self.closed_on < self.issued_on:
            raise ValidationError({"closed_on": _("Ngày hoàn thành không được trước ngày kiến nghị.")})

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return not self.is_closed and self.due_on < (today or timezone.localdate())


class FollowUp(models.Model):
    """Theo dõi: what the unit reported or the office checked, on a date, until the close."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="follow_ups")
    on = models.DateField(_("ngày"))
    note = models.TextField(_("nội dung theo dõi"))
    recorded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["on", "pk"]
        verbose_name = _("theo dõi kiến nghị")
        verbose_name_plural = _("theo dõi kiến nghị")

    def __str__(self):
        return f"{self.on:%d/%m/%Y}: {self.note[:80]}"


class GoodPractice(Stamped):
    """Nhân tố mới, cách làm hay: found in an inspection or reported by a unit; of a person or
    a collective; the practice and its result. Promoted to an exemplar of the honour board by
    the public app (``promoted_on`` is set then)."""

    class Source(models.TextChoices):
        INSPECTION = "inspection", _("Phát hiện qua kiểm tra")
        UNIT_REPORT = "unit_report", _("Đơn vị báo cáo")

    commune = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("xã"))
    year = models.PositiveSmallIntegerField(_("năm"))
    source = models.CharField(_("nguồn"), max_length=12, choices=Source.choices)
    finding = models.ForeignKey(Finding, null=True, blank=True, on_delete=models.SET_NULL, related_name="practices",
                                verbose_name=_("phát hiện tại đợt kiểm tra"))
    reporting_unit = models.ForeignKey("org.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                       related_name="+", verbose_name=_("đơn vị báo cáo"))
    movement = models.ForeignKey("movements.Movement", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="good_practices", verbose_name=_("phong trào"))
    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("cá nhân"))
    organisation = models.ForeignKey("org.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="good_practices", verbose_name=_("tập thể"))
    title = models.CharField(_("tên nhân tố mới, cách làm hay"), max_length=300)
    practice = models.TextField(_("cách làm"))
    result = models.TextField(_("kết quả đạt được"))
    recorded_on = models.DateField(_("ngày ghi nhận"))
    promoted_on = models.DateField(_("ngày nêu gương trên bảng vàng"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-recorded_on", "title"]
        constraints = [models.CheckConstraint(
            condition=(Q(person__isnull=False) & Q(organisation__isnull=True))
            | (Q(person__isnull=True) & Q(organisation__isnull=False)), name="practice_one_subject")]
        verbose_name = _("nhân tố mới, cách làm hay")
        verbose_name_plural = _("nhân tố mới, cách làm hay")

    def __str__(self):
        return self.title

    def clean(self):
        self.title, self.practice, self.result = nfc(self.title), nfc_lines(self.practice), nfc_lines(self.result)
        errors = {}
        if bool(self.person_id) == bool(self.organisation_id):
            errors["person"] = _("Ghi một cá nhân hoặc một tập thể (chỉ một).")
        if not self.title.strip():
            errors["title"] = _("Phải ghi tên nhân tố mới, cách làm hay.")
        if self.source == self.Source.UNIT_REPORT and not self.reporting_unit_id:
            errors["reporting_unit"] = _("Phải ghi đơn vị báo cáo.")
        if self.year is not None and not 2000 <= self.year <= 2100:
            errors["year"] = _("Năm không hợp lệ.")
        if errors:
            raise ValidationError(errors)

    @property
    def subject_name(self) -> str:
        return self.person.full_name if self.person_id else self.organisation.name
