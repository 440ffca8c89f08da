"""A commune's dossier sent to the province, inside the system.

The commune's chairman signs the submission (``proposals.services.send_to_province``: the
commune dossier is "Đã trình cấp tỉnh"). The province's office receives it into a dossier of
the province's own round (``proposals.Dossier`` whose round is the city's and whose unit is the
commune): from there the province runs the same process as a commune — the engine's check,
return with reasons, publicity, the council's secret ballot, the chairman's numbered decision —
with the city as the issuing body. An ``UpwardCase`` ties the two dossiers together, so that
the city's signature settles the commune's dossier and its nominations, and the commune sees
where its dossier stands.

A cluster of communes proposes too: the leader commune's chairman sends the cluster's proposal
(Cờ thi đua for its leading commune, Bằng khen for the next ones) and the office receives it the
same way — an ``UpwardCase`` whose source is the cluster's year instead of a commune's dossier;
the city's dossier is the leader commune's, each nomination a member commune as a collective."""
from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UpwardCase(models.Model):
    commune_dossier = models.OneToOneField("proposals.Dossier", null=True, blank=True, on_delete=models.PROTECT,
                                           related_name="province_case", verbose_name=_("hồ sơ của xã"))
    cluster_year = models.OneToOneField("clusters.ClusterYear", null=True, blank=True, on_delete=models.PROTECT,
                                        related_name="city_case", verbose_name=_("đề nghị của cụm thi đua"))
    province_dossier = models.OneToOneField("proposals.Dossier", on_delete=models.PROTECT,
                                            related_name="province_source",
                                            verbose_name=_("hồ sơ thành phố xét"))
    province = models.ForeignKey("org.Organisation", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("tỉnh, thành phố"))
    received_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT,
                                    related_name="+", verbose_name=_("người tiếp nhận"))
    received_at = models.DateTimeField(_("tiếp nhận lúc"), auto_now_add=True)
    for_ministry = models.BooleanField(
        _("trình Thủ tướng Chính phủ, Chủ tịch nước"), default=False,
        help_text=_("Thành phố lập bộ hồ sơ điện tử gửi Bộ Nội vụ (Ban Thi đua – Khen thưởng Trung ương)."))
    settled_at = models.DateTimeField(_("có kết quả lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at"]
        constraints = [models.CheckConstraint(
            condition=models.Q(commune_dossier__isnull=False, cluster_year__isnull=True)
            | models.Q(commune_dossier__isnull=True, cluster_year__isnull=False),
            name="upward_case_one_source")]
        verbose_name = _("hồ sơ xã trình thành phố")
        verbose_name_plural = _("hồ sơ xã trình thành phố")

    def __str__(self):
        return f"Hồ sơ của {self.source_name} trình {self.province}"

    @property
    def source_name(self) -> str:
        """Who proposed: the commune, or the cluster (with its leader commune)."""
        if self.cluster_year_id:
            cy = self.cluster_year
            return f"{cy.cluster.name} năm {cy.year} (cụm trưởng: {cy.leader.name})"
        return self.commune_dossier.round.commune.name
