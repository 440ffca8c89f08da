"""Exemplars (gương điển hình, người tốt việc tốt): the stories the commune publishes."""
from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from thidua.core.text import nfc


class Sector(models.TextChoices):
    PRESCHOOL = "mam_non", _("Giáo dục mầm non")
    PRIMARY = "tieu_hoc", _("Giáo dục tiểu học")
    LOWER_SECONDARY = "thcs", _("Giáo dục trung học cơ sở")
    HEALTH = "y_te", _("Y tế")
    SECURITY = "an_ninh", _("An ninh trật tự")
    FRONT = "mttq", _("Mặt trận Tổ quốc và đoàn thể")
    VILLAGE = "thon_xom", _("Thôn, xóm")
    LAND_DONATION = "hien_dat", _("Hiến đất làm đường")
    PRODUCTION = "san_xuat", _("Sản xuất, kinh doanh giỏi")


class ExemplarQuerySet(models.QuerySet):
    def public(self, today: datetime.date | None = None):
        """Published and consented to: the only exemplars the public site shows."""
        today = today or timezone.localdate()
        return self.filter(consent_to_publish=True, published_on__isnull=False, published_on__lte=today)


class Exemplar(models.Model):
    """A story about a person or a collective, published with the person's consent."""

    commune = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("xã"))
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True)
    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="exemplars", verbose_name=_("cá nhân"))
    organisation = models.ForeignKey("org.Organisation", null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="exemplars", verbose_name=_("tập thể"))
    display_name = models.CharField(_("tên công bố"), max_length=200,
                                    help_text=_("Như sẽ in trên trang công khai, ví dụ “Cô Nguyễn Thị Mai”."))
    role_line = models.CharField(_("chức vụ, đơn vị hoặc thôn"), max_length=250, blank=True)
    sector = models.CharField(_("lĩnh vực"), max_length=12, choices=Sector.choices)
    headline = models.CharField(_("thành tích nổi bật"), max_length=300)
    story = models.TextField(_("câu chuyện"))
    achievements = models.TextField(_("khen thưởng đã nhận"), blank=True, help_text=_("Mỗi dòng một mục."))
    land_m2 = models.PositiveIntegerField(_("đất hiến (m²)"), null=True, blank=True)
    money_vnd = models.PositiveBigIntegerField(_("tiền ủng hộ (đồng)"), null=True, blank=True)
    production_model = models.CharField(_("mô hình sản xuất, kinh doanh"), max_length=250, blank=True)
    ocop_product = models.CharField(_("sản phẩm OCOP"), max_length=200, blank=True)
    consent_to_publish = models.BooleanField(_("đã đồng ý công bố"), default=False)
    consent_note = models.CharField(_("căn cứ đồng ý"), max_length=250, blank=True,
                                    help_text=_("Ai đồng ý, bằng hình thức nào, ngày nào."))
    published_on = models.DateField(_("ngày công bố"), null=True, blank=True)
    practice = models.OneToOneField("inspections.GoodPractice", null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="exemplar", editable=False,
                                    verbose_name=_("từ nhân tố mới, cách làm hay"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExemplarQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "display_name"]
        constraints = [models.CheckConstraint(
            condition=Q(person__isnull=True) | Q(organisation__isnull=True), name="exemplar_one_subject")]
        indexes = [models.Index(fields=["commune", "published_on"])]
        verbose_name = _("gương điển hình")
        verbose_name_plural = _("gương điển hình")

    def __str__(self):
        return self.display_name

    def clean(self):
        self.display_name = nfc(self.display_name)
        self.headline = nfc(self.headline)
        if self.person_id and self.organisation_id:
            raise ValidationError(_("Một gương điển hình là của một cá nhân hoặc một tập thể, không phải cả hai."))
        if self.published_on and not self.consent_to_publish:
            raise ValidationError({"published_on": _("Chưa có sự đồng ý công bố thì không được công bố.")})

    @property
    def is_collective(self) -> bool:
        return bool(self.organisation_id)

    @property
    def is_public(self) -> bool:
        return bool(self.consent_to_publish and self.published_on and self.published_on <= timezone.localdate())

    @property
    def achievement_lines(self) -> list[str]:
        return [line.strip(" -–•") for line in self.achievements.splitlines() if line.strip(" -–•")]


def photo_path(instance: "ExemplarPhoto", filename: str) -> str:
    """A random name: the uploader's file name (which may carry a person's name) is not kept."""
    return f"guong/{instance.exemplar_id}/{uuid.uuid4().hex}.{instance.extension}"


class ExemplarPhoto(models.Model):
    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="photos",
                                 verbose_name=_("gương điển hình"))
    image = models.FileField(_("ảnh"), upload_to=photo_path)
    content_type = models.CharField(max_length=20, editable=False)
    size = models.PositiveIntegerField(_("dung lượng (byte)"), editable=False)
    caption = models.CharField(_("chú thích"), max_length=250, blank=True)
    alt_text = models.CharField(_("mô tả ảnh cho người khiếm thị"), max_length=250)
    order = models.PositiveSmallIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["exemplar", "order", "pk"]
        verbose_name = _("ảnh gương điển hình")
        verbose_name_plural = _("ảnh gương điển hình")

    def __str__(self):
        return self.caption or self.alt_text

    @property
    def extension(self) -> str:
        return {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif"}.get(
            self.content_type, "bin")
