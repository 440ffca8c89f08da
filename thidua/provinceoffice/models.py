"""The province's dashboard figures, one row per commune and year, computed from the records
(``figures.compute``) by the office's "Tính lại số liệu" or the nightly job, and read by the
dashboards: 114 communes read in one query instead of half a million ledger rows a page."""
from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CommuneFigures(models.Model):
    province = models.ForeignKey("org.Organisation", on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("tỉnh, thành phố"))
    commune = models.ForeignKey("org.Organisation", on_delete=models.CASCADE, related_name="province_figures",
                                verbose_name=_("xã, phường"))
    year = models.PositiveSmallIntegerField(_("năm"))
    # {"units_expected", "units_registered", "dossiers_settled", "dossiers_on_time",
    #  "dossiers_overdue_open", "individual", "leader", "staff", "direct", "women", "collective",
    #  "household", "fund_receipts", "fund_spending"} — see figures.FIELDS
    values = models.JSONField(_("số liệu"), default=dict)
    computed_at = models.DateTimeField(_("tính lúc"))

    class Meta:
        ordering = ["province", "year", "commune"]
        constraints = [models.UniqueConstraint(fields=["commune", "year"], name="province_figures_commune_year")]
        indexes = [models.Index(fields=["province", "year"])]
        verbose_name = _("số liệu của xã trên bảng số liệu tỉnh")
        verbose_name_plural = _("số liệu của các xã trên bảng số liệu tỉnh")

    def __str__(self):
        return f"{self.commune} — {self.year}"
