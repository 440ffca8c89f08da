"""The commune's world: organisations with their history, emulation blocks, people,
households and memberships."""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.core.text import nfc, search_key

from .validators import validate_citizen_id


# The level words an administrative body's name starts with ("Phường Lê Chân"), longest first.
LEVEL_PREFIXES = ("Thành phố ", "Thị trấn ", "Thị xã ", "Tỉnh ", "Huyện ", "Quận ", "Phường ", "Đặc khu ", "Xã ")


class Organisation(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", _("Tỉnh, thành phố")
        DISTRICT = "district", _("Huyện (cũ)")
        COMMUNE = "commune", _("Xã, phường")
        SPECIALISED_OFFICE = "office", _("Cơ quan chuyên môn")
        PRESCHOOL = "preschool", _("Trường mầm non")
        PRIMARY_SCHOOL = "primary", _("Trường tiểu học")
        LOWER_SECONDARY = "lower_secondary", _("Trường THCS")
        HEALTH_STATION = "health", _("Trạm y tế")
        SERVICE_CENTRE = "service_centre", _("Trung tâm Phục vụ hành chính công")
        PUBLIC_SERVICE = "public_service", _("Đơn vị sự nghiệp khác")
        VILLAGE = "village", _("Thôn")
        POLICE = "police", _("Công an xã")
        MILITARY = "military", _("Ban Chỉ huy Quân sự")
        PARTY = "party", _("Tổ chức Đảng")
        FATHERLAND_FRONT = "front", _("Mặt trận Tổ quốc")
        YOUTH_UNION = "youth", _("Đoàn TNCS Hồ Chí Minh")
        WOMEN_UNION = "women", _("Hội Liên hiệp Phụ nữ")
        VETERANS = "veterans", _("Hội Cựu chiến binh")
        FARMERS = "farmers", _("Hội Nông dân")
        MASS_ORGANISATION = "mass_org", _("Tổ chức hội khác")
        ENTERPRISE = "enterprise", _("Doanh nghiệp, hợp tác xã")
        OTHER_BODY = "other_body", _("Cơ quan, tổ chức ngoài xã")

    SCHOOL_KINDS = (Kind.PRESCHOOL, Kind.PRIMARY_SCHOOL, Kind.LOWER_SECONDARY)
    ADMINISTRATIVE_KINDS = (Kind.CITY, Kind.DISTRICT, Kind.COMMUNE)

    code = models.SlugField(_("mã"), max_length=80, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(_("tên ngắn"), max_length=80, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children", verbose_name=_("trực thuộc"))
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_until = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="merged_from", verbose_name=_("sáp nhập vào"))
    note = models.TextField(_("ghi chú"), blank=True)
    # Derived: materialised path of ancestor ids ("/1/5/9/") for subtree scoping; search key.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    search_key = models.CharField(max_length=255, db_index=True, editable=False, default="")

    audit_exclude = ("path", "search_key")

    class Meta:
        ordering = ["name"]
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("org:unit", args=[self.pk])

    def clean(self):
        self.name = nfc(self.name)
        self.short_name = nfc(self.short_name)
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.")})
        if self.merged_into_id and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": _("Một đơn vị không thể sáp nhập vào chính nó.")})
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": _("Cây tổ chức không được có vòng lặp.")})
            ancestor = ancestor.parent

    def save(self, *args, **kwargs):
        self.name = nfc(self.name)
        self.search_key = search_key(f"{self.name} {self.short_name}")
        super().save(*args, **kwargs)
        path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if path != self.path:
            old = self.path
            Organisation.objects.filter(pk=self.pk).update(path=path)
            self.path = path
            if old:
                for child in Organisation.objects.filter(path__startswith=old).exclude(pk=self.pk):
                    child.save()

    @property
    def is_former(self) -> bool:
        return bool(self.valid_until and self.valid_until < datetime.date.today())

    @property
    def name_in_text(self) -> str:
        """An administrative body's name inside a sentence, its level word in lower case:
        'xã Nam Thanh Miện', 'phường Lê Chân', 'thành phố Hải Phòng'; any other unit's name as it is."""
        if self.kind in self.ADMINISTRATIVE_KINDS:
            for prefix in LEVEL_PREFIXES:
                if self.name.startswith(prefix):
                    return f"{prefix.lower()}{self.name[len(prefix):]}"
        return self.name

    @property
    def level_word(self) -> str:
        """What the body is called in running text: 'xã', 'phường' (a ward), 'thị trấn',
        'thành phố' or 'tỉnh' — read from the level word its name starts with."""
        default = "thành phố" if self.kind == self.Kind.CITY else "huyện" if self.kind == self.Kind.DISTRICT else "xã"
        return next((p.strip().lower() for p in LEVEL_PREFIXES if self.name.startswith(p)), default)

    @property
    def issuer_name(self) -> str:
        """How the body signs its decisions: 'UBND huyện Thanh Miện', 'UBND phường Lê Chân'."""
        if self.kind in self.ADMINISTRATIVE_KINDS:
            return f"UBND {self.name_in_text}"
        return self.name

    def is_active_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until)

    def subtree(self):
        return Organisation.objects.filter(path__startswith=self.path)

    def ancestors(self) -> list["Organisation"]:
        ids = [int(x) for x in self.path.strip("/").split("/") if x][:-1]
        by_id = Organisation.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]

    def commune(self) -> "Organisation | None":
        for org in [*self.ancestors(), self][::-1]:
            if org.kind == self.Kind.COMMUNE:
                return org
        return None


class EmulationBlock(models.Model):
    """Khối thi đua: units that compete together in one year."""

    commune = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="blocks",
                                verbose_name=_("xã"))
    year = models.PositiveSmallIntegerField(_("năm"))
    name = models.CharField(_("tên khối"), max_length=200)
    members = models.ManyToManyField(Organisation, related_name="emulation_blocks", blank=True,
                                     verbose_name=_("đơn vị"))

    class Meta:
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["commune", "year", "name"], name="block_unique_name_year")]
        verbose_name = _("khối thi đua")
        verbose_name_plural = _("khối thi đua")

    def __str__(self):
        return f"{self.name} ({self.year})"


class Household(models.Model):
    village = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="households",
                                limit_choices_to={"kind": Organisation.Kind.VILLAGE}, verbose_name=_("thôn"))
    head_name = models.CharField(_("chủ hộ"), max_length=150)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    search_key = models.CharField(max_length=255, db_index=True, editable=False, default="")

    audit_exclude = ("search_key",)

    class Meta:
        ordering = ["village__name", "head_name"]
        verbose_name = _("hộ gia đình")
        verbose_name_plural = _("hộ gia đình")

    def __str__(self):
        return f"Hộ {self.head_name} ({self.village})"

    def clean(self):
        self.head_name = nfc(self.head_name)
        if self.village_id and self.village.kind != Organisation.Kind.VILLAGE:
            raise ValidationError({"village": _("Hộ gia đình phải thuộc một thôn.")})

    def save(self, *args, **kwargs):
        self.head_name = nfc(self.head_name)
        self.search_key = search_key(self.head_name)
        super().save(*args, **kwargs)


class Person(models.Model):
    class Gender(models.TextChoices):
        FEMALE = "F", _("Nữ")
        MALE = "M", _("Nam")

    class Category(models.TextChoices):
        # Codes as in the eligibility format (shared/domain/eligibility-format.md).
        CAN_BO = "can_bo", _("Cán bộ")
        CONG_CHUC = "cong_chuc", _("Công chức")
        VIEN_CHUC = "vien_chuc", _("Viên chức")
        NGUOI_LAO_DONG = "nguoi_lao_dong", _("Người lao động")
        LUC_LUONG_VU_TRANG = "luc_luong_vu_trang", _("Lực lượng vũ trang")
        NHAN_DAN = "nhan_dan", _("Nhân dân")
        DOANH_NHAN = "doanh_nhan", _("Doanh nhân")

    full_name = models.CharField(_("họ và tên"), max_length=150)
    gender = models.CharField(_("giới tính"), max_length=1, choices=Gender.choices)
    date_of_birth = models.DateField(_("ngày sinh"), null=True, blank=True)
    citizen_id = models.CharField(_("số CCCD"), max_length=12, null=True, blank=True, unique=True,
                                  validators=[validate_citizen_id])
    category = models.CharField(_("đối tượng"), max_length=24, choices=Category.choices)
    household = models.ForeignKey(Household, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="members", verbose_name=_("hộ gia đình"))
    note = models.TextField(_("ghi chú"), blank=True)
    search_key = models.CharField(max_length=255, db_index=True, editable=False, default="")

    audit_exclude = ("search_key",)

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("org:person", args=[self.pk])

    def clean(self):
        self.full_name = nfc(self.full_name)
        if not self.full_name:
            raise ValidationError({"full_name": _("Họ và tên không được để trống.")})
        if self.citizen_id == "":
            self.citizen_id = None
        if self.date_of_birth and self.date_of_birth > datetime.date.today():
            raise ValidationError({"date_of_birth": _("Ngày sinh không được ở tương lai.")})

    def save(self, *args, **kwargs):
        self.full_name = nfc(self.full_name)
        if self.citizen_id == "":
            self.citizen_id = None
        self.search_key = search_key(self.full_name)
        super().save(*args, **kwargs)

    @property
    def current_memberships(self):
        today = datetime.date.today()
        return [m for m in self.memberships.all() if m.is_current_on(today)]


class Membership(models.Model):
    """A person's position (chức vụ) in a unit for a period."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships",
                               verbose_name=_("cá nhân"))
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="memberships",
                                     verbose_name=_("đơn vị"))
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    start = models.DateField(_("từ ngày"), null=True, blank=True)
    end = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        ordering = ["-start", "id"]
        verbose_name = _("quá trình công tác")
        verbose_name_plural = _("quá trình công tác")

    def __str__(self):
        return f"{self.person} — {self.position or 'thành viên'}, {self.organisation}"

    def clean(self):
        self.position = nfc(self.position)
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    def is_current_on(self, day: datetime.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @classmethod
    def current_q(cls, day: datetime.date | None = None, prefix: str = "") -> Q:
        day = day or datetime.date.today()
        return (Q(**{f"{prefix}start__isnull": True}) | Q(**{f"{prefix}start__lte": day})) & (
            Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gte": day}))
