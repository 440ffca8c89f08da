"""Reward funds (quỹ thi đua, khen thưởng) of a commune by year, and the commune's youth
talent fund (quỹ tài năng trẻ, raised from donations — Part One III.1 of the seed report).

A reward fund stores only what the office enters: the opening balance and the receipts
(budget allocations, donations). Spending and commitments are never typed in: they are read
from the award ledger and the proposal flow (``thidua.funds.ledger``).
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from thidua.core.text import nfc


class Fund(models.Model):
    """Quỹ thi đua, khen thưởng of one commune in one budget year."""

    commune = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="reward_funds",
                                verbose_name=_("xã"))
    year = models.PositiveSmallIntegerField(_("năm ngân sách"))
    opening_balance = models.BigIntegerField(_("số dư đầu năm (đồng)"), default=0,
                                             help_text=_("Số dư năm trước chuyển sang."))
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["commune", "year"], name="fund_commune_year_unique")]
        verbose_name = _("quỹ thi đua, khen thưởng")
        verbose_name_plural = _("quỹ thi đua, khen thưởng")

    def __str__(self):
        return f"Quỹ thi đua, khen thưởng năm {self.year} — {self.commune}"


class FundEntry(models.Model):
    """A sum of money coming into or going out of a fund, on the date the concrete entry names."""

    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"), validators=[MinValueValidator(1)])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["date", "id"]


class FundReceipt(FundEntry):
    """Money coming into a reward fund: a budget allocation or a donation."""

    class Kind(models.TextChoices):
        BUDGET = "budget", _("Ngân sách cấp")
        DONATION = "donation", _("Ủng hộ, tài trợ")

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="receipts", verbose_name=_("quỹ"))
    kind = models.CharField(_("nguồn"), max_length=10, choices=Kind.choices)
    donor = models.CharField(_("người, đơn vị ủng hộ"), max_length=200, blank=True)
    date = models.DateField(_("ngày"))
    reference = models.CharField(_("chứng từ"), max_length=120, blank=True,
                                 help_text=_("Số quyết định giao dự toán, số phiếu thu…"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta(FundEntry.Meta):
        verbose_name = _("khoản thu của quỹ")
        verbose_name_plural = _("khoản thu của quỹ")

    def __str__(self):
        who = f" — {self.donor}" if self.donor else ""
        return f"{self.get_kind_display()}{who} ngày {self.date:%d/%m/%Y}"

    def clean(self):
        self.donor = nfc(self.donor)
        if self.kind == self.Kind.DONATION and not self.donor:
            raise ValidationError({"donor": _("Khoản ủng hộ phải ghi người, đơn vị ủng hộ.")})
        if self.fund_id and self.date and self.date.year != self.fund.year:
            raise ValidationError({"date": _("Ngày thu phải thuộc năm %(year)s của quỹ.") % {"year": self.fund.year}})


class TalentFund(models.Model):
    """Quỹ tài năng trẻ: raised from donations, paid out to pupils and teachers each 20/11."""

    commune = models.OneToOneField("org.Organisation", on_delete=models.PROTECT, related_name="talent_fund",
                                   verbose_name=_("xã"))
    name = models.CharField(_("tên quỹ"), max_length=200)
    founded_on = models.DateField(_("ngày thành lập"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("quỹ tài năng trẻ")
        verbose_name_plural = _("quỹ tài năng trẻ")

    def __str__(self):
        return self.name


class TalentDonation(FundEntry):
    fund = models.ForeignKey(TalentFund, on_delete=models.PROTECT, related_name="donations", verbose_name=_("quỹ"))
    donor_name = models.CharField(_("người, đơn vị ủng hộ"), max_length=200)
    donor_person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="talent_donations", verbose_name=_("cá nhân trong hệ thống"))
    address = models.CharField(_("địa chỉ"), max_length=200, blank=True)
    date = models.DateField(_("ngày ủng hộ"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta(FundEntry.Meta):
        verbose_name = _("khoản ủng hộ quỹ tài năng trẻ")
        verbose_name_plural = _("khoản ủng hộ quỹ tài năng trẻ")

    def __str__(self):
        return f"{self.donor_name} ủng hộ ngày {self.date:%d/%m/%Y}"

    def clean(self):
        self.donor_name = nfc(self.donor_name)
        if not self.donor_name:
            raise ValidationError({"donor_name": _("Phải ghi người, đơn vị ủng hộ.")})


class TalentPayout(FundEntry):
    class RecipientKind(models.TextChoices):
        STUDENT = "student", _("Học sinh")
        TEACHER = "teacher", _("Giáo viên")
        OTHER = "other", _("Cá nhân khác")

    fund = models.ForeignKey(TalentFund, on_delete=models.PROTECT, related_name="payouts", verbose_name=_("quỹ"))
    recipient_name = models.CharField(_("người nhận"), max_length=150)
    recipient_kind = models.CharField(_("đối tượng"), max_length=10, choices=RecipientKind.choices)
    recipient_person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.SET_NULL,
                                         related_name="talent_payouts", verbose_name=_("cá nhân trong hệ thống"))
    school = models.CharField(_("trường, đơn vị"), max_length=200, blank=True)
    achievement = models.CharField(_("thành tích"), max_length=255, blank=True)
    occasion = models.CharField(_("dịp khen thưởng"), max_length=200,
                                help_text=_("Ví dụ: Kỷ niệm ngày Nhà giáo Việt Nam 20/11/2025."))
    date = models.DateField(_("ngày chi"))

    class Meta(FundEntry.Meta):
        verbose_name = _("khoản chi quỹ tài năng trẻ")
        verbose_name_plural = _("khoản chi quỹ tài năng trẻ")

    def __str__(self):
        return f"{self.recipient_name} — {self.occasion}"

    def clean(self):
        self.recipient_name = nfc(self.recipient_name)
        self.occasion = nfc(self.occasion)
        if not self.recipient_name:
            raise ValidationError({"recipient_name": _("Phải ghi người nhận.")})
        if not self.occasion:
            raise ValidationError({"occasion": _("Phải ghi dịp khen thưởng.")})
