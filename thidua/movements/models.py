"""Movements and their results; yearly registration, pacts; criteria sets and scoring.

Vocabulary: shared/domain/glossary.md (Movement, Registration, Pact, CriteriaSet, Criterion,
self-score, score).
"""
from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.models import Stamped, StoredUpload
from thidua.core.text import format_vnd, nfc
from thidua.org.models import EmulationBlock, Organisation, Person

from .titles import REGISTRABLE_TITLES, TOP_AWARD_CHOICES, title_label

USER = settings.AUTH_USER_MODEL


class LockedError(ValidationError):
    """A change to a locked scorecard: refused for everyone."""


def format_number(value: Decimal | int | None) -> str:
    """98 -> '98', 1.50 -> '1,5', 3450000000 -> '3.450.000.000' (Vietnamese separators)."""
    if value is None:
        return ""
    value = Decimal(value)
    whole = int(abs(value))
    fraction = abs(value) - whole
    text = f"{whole:,}".replace(",", ".")
    if fraction:
        text += "," + f"{fraction.normalize():f}".split(".")[1]
    return ("-" if value < 0 else "") + text


# --- Movements -------------------------------------------------------------------------------

class Movement(Stamped):
    """Phong trào thi đua, launched by some level and carried out in the commune."""

    class Level(models.TextChoices):
        CENTRAL = "central", _("Trung ương")
        CITY = "city", _("Thành phố")
        COMMUNE = "commune", _("Xã")
        UNIT = "unit", _("Cơ quan, đơn vị")

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Thường xuyên, hằng năm")
        THEMATIC = "thematic", _("Theo đợt, chuyên đề")

    class State(models.TextChoices):
        LAUNCHED = "launched", _("Đã phát động")
        RUNNING = "running", _("Đang triển khai")
        INTERIM_REVIEW = "interim_review", _("Đã sơ kết")
        FINAL_REVIEW = "final_review", _("Đã tổng kết")

    # state -> (date field, the states it may move on to)
    STEPS = {
        State.LAUNCHED: ("launched_on", (State.RUNNING,)),
        State.RUNNING: ("started_on", (State.INTERIM_REVIEW, State.FINAL_REVIEW)),
        State.INTERIM_REVIEW: ("interim_review_on", (State.FINAL_REVIEW,)),
        State.FINAL_REVIEW: ("final_review_on", ()),
    }

    commune = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("xã"))
    name = models.CharField(_("tên phong trào"), max_length=300)
    level = models.CharField(_("cấp phát động"), max_length=10, choices=Level.choices)
    launched_by = models.CharField(_("người, cơ quan phát động"), max_length=200, blank=True,
                                   help_text=_("Ví dụ: Thủ tướng Chính phủ; UBND thành phố Hải Phòng."))
    organiser = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("đơn vị phát động"),
                                  help_text=_("Chỉ với phong trào do một cơ quan, đơn vị phát động."))
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.REGULAR)
    year = models.PositiveSmallIntegerField(_("năm (chủ đề năm)"), null=True, blank=True)
    theme = models.CharField(_("chủ đề"), max_length=500, blank=True)
    start_date = models.DateField(_("từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    description = models.TextField(_("nội dung"), blank=True)
    plan_document = models.FileField(_("kế hoạch (PDF/DOCX)"), upload_to="phong-trao/ke-hoach/%Y/", blank=True)
    plan_document_name = models.CharField(_("tên tệp kế hoạch"), max_length=255, blank=True)
    participants = models.ManyToManyField(Organisation, blank=True, related_name="emulation_movements",
                                          verbose_name=_("đơn vị tham gia"),
                                          help_text=_("Để trống: mọi cơ quan, đơn vị, thôn của xã."))
    state = models.CharField(_("trạng thái"), max_length=16, choices=State.choices, default=State.LAUNCHED)
    launched_on = models.DateField(_("ngày phát động"), null=True, blank=True)
    started_on = models.DateField(_("ngày triển khai"), null=True, blank=True)
    interim_review_on = models.DateField(_("ngày sơ kết"), null=True, blank=True)
    final_review_on = models.DateField(_("ngày tổng kết"), null=True, blank=True)

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        indexes = [models.Index(fields=["commune", "year"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("movements:movement", args=[self.pk])

    def clean(self):
        self.name = nfc(self.name)
        self.theme = nfc(self.theme)
        self.launched_by = nfc(self.launched_by)
        errors = {}
        if not self.name:
            errors["name"] = _("Tên phong trào không được để trống.")
        if self.kind == self.Kind.THEMATIC and not (self.start_date and self.end_date):
            errors["end_date"] = _("Phong trào theo đợt, chuyên đề phải có ngày bắt đầu và ngày kết thúc.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
        if self.level == self.Level.UNIT and not self.organiser_id:
            errors["organiser"] = _("Phong trào cấp cơ quan, đơn vị phải ghi đơn vị phát động.")
        if self.year is not None and not 2000 <= self.year <= 2100:
            errors["year"] = _("Năm không hợp lệ.")
        if errors:
            raise ValidationError(errors)

    @property
    def step_date(self) -> datetime.date | None:
        return getattr(self, self.STEPS[self.state][0])

    @property
    def next_states(self) -> tuple[str, ...]:
        return self.STEPS[self.State(self.state)][1]

    def timeline(self) -> list[tuple[str, datetime.date | None, bool]]:
        """[(label, date, reached)] for the four steps."""
        order = list(self.State)
        reached = order.index(self.State(self.state))
        steps = []
        for i, state in enumerate(order):
            day = getattr(self, self.STEPS[state][0])
            done = i <= reached
            if state == self.State.INTERIM_REVIEW and day is None and self.state != state:
                done = False  # a movement may go to its final review without an interim one
            steps.append((state.label, day, done))
        return steps


class MovementResult(models.Model):
    """One quantified (or, when no value, qualitative) result of a movement."""

    class Comparator(models.TextChoices):
        EQUAL = "eq", _("đúng bằng")
        OVER = "gt", _("trên")
        AT_LEAST = "gte", _("từ … trở lên")
        UNDER = "lt", _("dưới")

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="results",
                                 verbose_name=_("phong trào"))
    indicator = models.CharField(_("chỉ tiêu, kết quả"), max_length=300)
    comparator = models.CharField(_("so sánh"), max_length=3, choices=Comparator.choices, default=Comparator.EQUAL)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("đơn vị tính"), max_length=40, blank=True, help_text=_("Ví dụ: %, đồng, nhà, xã."))
    organisation = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("đơn vị đạt"))
    period = models.CharField(_("thời kỳ"), max_length=40, blank=True, help_text=_("Ví dụ: 2021–2025; 2025."))
    note = models.TextField(_("ghi chú"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["movement", "order", "id"]
        verbose_name = _("kết quả phong trào")
        verbose_name_plural = _("kết quả phong trào")

    def __str__(self):
        return f"{self.indicator}: {self.display_value}".rstrip(": ")

    def clean(self):
        self.indicator = nfc(self.indicator)
        self.unit = nfc(self.unit)
        if not self.indicator:
            raise ValidationError({"indicator": _("Phải ghi chỉ tiêu, kết quả.")})
        if self.value is None and self.comparator != self.Comparator.EQUAL:
            raise ValidationError({"value": _("Có so sánh thì phải có giá trị.")})
        if self.unit == "%" and self.value is not None and not Decimal(0) <= self.value <= Decimal(100):
            raise ValidationError({"value": _("Tỷ lệ phần trăm phải từ 0 đến 100.")})

    @property
    def display_value(self) -> str:
        if self.value is None:
            return ""
        prefix = {"gt": "trên ", "gte": "từ ", "lt": "dưới "}.get(self.comparator, "")
        suffix = " trở lên" if self.comparator == self.Comparator.AT_LEAST else ""
        if self.unit == "đồng":
            return f"{prefix}{format_vnd(int(self.value))}{suffix}"
        unit = f" {self.unit}" if self.unit else ""
        return f"{prefix}{format_number(self.value)}{unit}{suffix}"


# --- Registration, reminders, pacts ----------------------------------------------------------

class RegistrationPeriod(models.Model):
    """The commune's registration window for one year: units register until the deadline."""

    commune = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("xã"))
    year = models.PositiveSmallIntegerField(_("năm"))
    deadline = models.DateField(_("hạn đăng ký"))
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["commune", "year"], name="registration_period_unique")]
        verbose_name = _("đợt đăng ký thi đua")
        verbose_name_plural = _("đợt đăng ký thi đua")

    def __str__(self):
        return f"Đăng ký thi đua năm {self.year} (hạn {self.deadline:%d/%m/%Y})"

    def clean(self):
        if self.year and not 2000 <= self.year <= 2100:
            raise ValidationError({"year": _("Năm không hợp lệ.")})

    def is_open(self, on: datetime.date, reopening: "RegistrationReopening | None" = None) -> bool:
        """Open on ``on`` for a unit: before the deadline, or while the officer's reopening lasts."""
        return on <= self.deadline or (reopening is not None and on <= reopening.until)


class RegistrationReopening(Stamped):
    """The officer reopens registration for one unit after the deadline, until a date."""

    period = models.ForeignKey(RegistrationPeriod, on_delete=models.CASCADE, related_name="reopenings")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    until = models.DateField(_("mở đến ngày"))
    reason = models.TextField(_("lý do"))
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["period", "organisation"], name="reopening_unique")]
        verbose_name = _("mở lại đăng ký")
        verbose_name_plural = _("mở lại đăng ký")

    def __str__(self):
        return f"Mở lại đăng ký {self.period.year} cho {self.organisation} đến {self.until:%d/%m/%Y}"


class Registration(models.Model):
    """Đăng ký thi đua: a unit's collective title (person empty) or one member's title."""

    period = models.ForeignKey(RegistrationPeriod, on_delete=models.PROTECT, related_name="registrations")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="emulation_registrations",
                                     verbose_name=_("đơn vị"))
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="emulation_registrations", verbose_name=_("cá nhân"))
    title = models.CharField(_("danh hiệu đăng ký"), max_length=20,
                             choices=[(t.value, t.label) for t in REGISTRABLE_TITLES])
    registered_on = models.DateField(_("ngày đăng ký"))
    registered_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["period", "organisation", "person"]
        constraints = [
            models.UniqueConstraint(fields=["period", "organisation"], condition=Q(person__isnull=True),
                                    name="registration_one_collective_title"),
            models.UniqueConstraint(fields=["period", "person"], condition=Q(person__isnull=False),
                                    name="registration_one_individual_title"),
        ]
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")

    def __str__(self):
        who = self.person or self.organisation
        return f"{who} đăng ký {title_label(self.title)} năm {self.period.year}"


class Reminder(models.Model):
    """The officer's reminder to a unit that has not registered; shown on its to-do page."""

    period = models.ForeignKey(RegistrationPeriod, on_delete=models.CASCADE, related_name="reminders")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    message = models.TextField(_("nội dung nhắc"))
    sent_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    audit_exclude = ("sent_at",)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("nhắc đăng ký")
        verbose_name_plural = _("nhắc đăng ký")

    def __str__(self):
        return f"Nhắc {self.organisation} đăng ký thi đua năm {self.period.year}"


class Pact(Stamped):
    """Giao ước thi đua: the joint commitment of an emulation block's units for its year."""

    block = models.OneToOneField(EmulationBlock, on_delete=models.PROTECT, related_name="pact",
                                 verbose_name=_("khối thi đua"))
    title = models.CharField(_("tiêu đề"), max_length=300)
    text = models.TextField(_("nội dung giao ước"))

    class Meta:
        ordering = ["-block__year", "block__name"]
        verbose_name = _("giao ước thi đua")
        verbose_name_plural = _("giao ước thi đua")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("movements:pact", args=[self.pk])


class PactSignature(models.Model):
    pact = models.ForeignKey(Pact, on_delete=models.CASCADE, related_name="signatures")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị"))
    signed_on = models.DateField(_("ngày ký"))
    signatory = models.CharField(_("người ký"), max_length=150, blank=True)
    recorded_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["signed_on", "id"]
        constraints = [models.UniqueConstraint(fields=["pact", "organisation"], name="pact_signed_once")]
        verbose_name = _("chữ ký giao ước")
        verbose_name_plural = _("chữ ký giao ước")

    def __str__(self):
        return f"{self.organisation} ký {self.pact} ngày {self.signed_on:%d/%m/%Y}"


# --- Criteria and scoring --------------------------------------------------------------------

class CriteriaSet(Stamped):
    """Bộ tiêu chí of one emulation block for its year. Versioned: once any unit has a score
    against it, it is frozen and changes go into a new version (copy)."""

    block = models.ForeignKey(EmulationBlock, on_delete=models.PROTECT, related_name="criteria_sets",
                              verbose_name=_("khối thi đua"))
    movement = models.ForeignKey(Movement, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="criteria_sets", verbose_name=_("phong trào thi đua"),
                                 help_text=_("Phong trào mà bộ tiêu chí này dùng để chấm điểm."))
    name = models.CharField(_("tên bộ tiêu chí"), max_length=300)
    version = models.PositiveSmallIntegerField(_("phiên bản"), default=1)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("sao từ phiên bản"))
    top_award = models.CharField(_("đề nghị cho đơn vị dẫn đầu khối"), max_length=40, blank=True,
                                 choices=TOP_AWARD_CHOICES)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["block__name", "-version"]
        constraints = [models.UniqueConstraint(fields=["block", "version"], name="criteria_set_version_unique")]
        verbose_name = _("bộ tiêu chí thi đua")
        verbose_name_plural = _("bộ tiêu chí thi đua")

    def __str__(self):
        return f"{self.name} (phiên bản {self.version})"

    def get_absolute_url(self):
        return reverse("movements:criteria_set", args=[self.pk])

    @property
    def in_use(self) -> bool:
        return Score.objects.filter(scorecard__criteria_set=self).exists()

    @property
    def top_award_label(self) -> str:
        return title_label(self.top_award) if self.top_award else ""


class Band(models.Model):
    """A classification band of a criteria set: the lowest total that earns it."""

    class Code(models.TextChoices):
        EXCELLENT = "xuat_sac", _("Xuất sắc")
        GOOD = "tot", _("Tốt")
        COMPLETED = "hoan_thanh", _("Hoàn thành")
        NOT_COMPLETED = "chua_hoan_thanh", _("Chưa hoàn thành")

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="bands")
    code = models.CharField(_("xếp loại"), max_length=16, choices=Code.choices)
    min_points = models.DecimalField(_("điểm tối thiểu"), max_digits=7, decimal_places=2)

    class Meta:
        ordering = ["-min_points"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "code"], name="band_unique_code")]
        verbose_name = _("mức xếp loại")
        verbose_name_plural = _("mức xếp loại")

    def __str__(self):
        return f"{self.get_code_display()} ≥ {format_number(self.min_points)}"


class Criterion(models.Model):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("Tiêu chí")
        BONUS = "bonus", _("Điểm thưởng")
        PENALTY = "penalty", _("Điểm trừ")

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    group = models.CharField(_("nhóm tiêu chí"), max_length=200, blank=True)
    code = models.CharField(_("mã"), max_length=20)
    text = models.TextField(_("nội dung tiêu chí"))
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices, default=Kind.REGULAR)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2,
                                     help_text=_("Với điểm trừ: số điểm trừ tối đa."))
    evidence_required = models.CharField(_("minh chứng cần có"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["criteria_set", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "code"], name="criterion_unique_code")]
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")

    def __str__(self):
        return f"{self.code}. {self.text[:80]}"

    def clean(self):
        self.group = nfc(self.group)
        self.text = nfc(self.text)
        self.code = nfc(self.code)
        if self.max_points is None or self.max_points <= 0:
            raise ValidationError({"max_points": _("Điểm tối đa phải lớn hơn 0.")})

    @property
    def min_score(self) -> Decimal:
        return -self.max_points if self.kind == self.Kind.PENALTY else Decimal(0)

    @property
    def max_score(self) -> Decimal:
        return Decimal(0) if self.kind == self.Kind.PENALTY else self.max_points


class Scorecard(models.Model):
    """One unit's scoring against a criteria set: the unit self-scores (draft), submits, the
    scorers review and lock. A locked scorecard never changes again."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Đơn vị đang tự chấm")
        SUBMITTED = "submitted", _("Chờ Hội đồng chấm")
        LOCKED = "locked", _("Đã khóa kết quả")

    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.PROTECT, related_name="scorecards")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="emulation_scorecards",
                                     verbose_name=_("đơn vị"))
    state = models.CharField(_("trạng thái"), max_length=10, choices=State.choices, default=State.DRAFT)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    locked_at = models.DateTimeField(_("khóa lúc"), null=True, blank=True)
    locked_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    replaces = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="replaced_by",
                                 verbose_name=_("chấm lại thay bảng điểm"))
    replace_reason = models.TextField(_("lý do chấm lại theo phiên bản mới"), blank=True)

    class Meta:
        ordering = ["criteria_set", "organisation__name"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "organisation"], name="scorecard_unique")]
        verbose_name = _("bảng điểm thi đua")
        verbose_name_plural = _("bảng điểm thi đua")

    def __str__(self):
        return f"Bảng điểm {self.organisation} — {self.criteria_set}"

    def get_absolute_url(self):
        return reverse("movements:scorecard", args=[self.pk])

    @property
    def is_locked(self) -> bool:
        return self.state == self.State.LOCKED


class Score(models.Model):
    """The unit's self-score of one criterion and, once reviewed, the scorers' score."""

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    self_points = models.DecimalField(_("điểm tự chấm"), max_digits=6, decimal_places=2, null=True, blank=True)
    self_note = models.TextField(_("giải trình của đơn vị"), blank=True)
    points = models.DecimalField(_("điểm Hội đồng chấm"), max_digits=6, decimal_places=2, null=True, blank=True)

    class Meta:
        ordering = ["criterion__order", "criterion_id"]
        constraints = [models.UniqueConstraint(fields=["scorecard", "criterion"], name="score_unique")]
        verbose_name = _("điểm tiêu chí")
        verbose_name_plural = _("điểm tiêu chí")

    def __str__(self):
        return f"{self.scorecard.organisation} — {self.criterion.code}: {format_number(self.effective)}"

    def save(self, *args, **kwargs):
        # Last line of defence: the services refuse first, with the unit's name and the date.
        if Scorecard.objects.filter(pk=self.scorecard_id, state=Scorecard.State.LOCKED).exists():
            raise LockedError(_("Kết quả chấm điểm đã khóa; không ai được sửa."), code="locked")
        super().save(*args, **kwargs)

    @property
    def effective(self) -> Decimal | None:
        return self.points if self.points is not None else self.self_points


class ScoreChange(models.Model):
    """A scorer's change of a score: the old value, the new one and the written reason."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="changes")
    old_points = models.DecimalField(_("điểm cũ"), max_digits=6, decimal_places=2, null=True, blank=True)
    new_points = models.DecimalField(_("điểm mới"), max_digits=6, decimal_places=2)
    reason = models.TextField(_("lý do"))
    changed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    audit_exclude = ("changed_at",)

    class Meta:
        ordering = ["changed_at", "id"]
        verbose_name = _("sửa điểm")
        verbose_name_plural = _("sửa điểm")

    def __str__(self):
        return f"{self.score}: {format_number(self.old_points)} → {format_number(self.new_points)}"


class Evidence(StoredUpload):
    """A file a unit attaches to one criterion's self-score."""

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp minh chứng"), upload_to="phong-trao/minh-chung/%Y/")

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")


class HeldUpload(StoredUpload):
    """A file uploaded with a form that was refused: kept on the server so the user does not
    send it again (the form shows "đã tải lên: <tên tệp>"); used, then removed, when the form
    is saved. Only its uploader can use it."""

    file = models.FileField(_("tệp"), upload_to="tam-giu/%Y/")
    uploaded_by = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="+")

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("tệp tải lên đang giữ")
        verbose_name_plural = _("tệp tải lên đang giữ")
