"""Clusters of communes (cụm, khối thi đua of the city).

A cluster is the city's grouping of communes that compete together. Each year of a cluster
reuses the movements app's machinery: its members are an ``EmulationBlock`` of the city (so
its pact, its criteria sets and versions, its scorecards, scores and evidence are those of
``thidua.movements``), its criteria sets score the cluster's own emulation ``Movement`` of the
year, and the year records the rotating cluster leader (cụm trưởng). The cluster proposes the
city's Cờ thi đua for its leading commune and Bằng khen for the next ones.
"""
from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from thidua.core.models import Stamped
from thidua.movements.models import Movement, Scorecard
from thidua.org.models import EmulationBlock, Organisation

USER = settings.AUTH_USER_MODEL


class Cluster(Stamped):
    city = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("tỉnh, thành phố"))
    name = models.CharField(_("tên cụm thi đua"), max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["city", "name"], name="cluster_unique_name")]
        verbose_name = _("cụm thi đua")
        verbose_name_plural = _("cụm thi đua")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("clusters:cluster", args=[self.pk])


class ClusterYear(models.Model):
    """One year of a cluster: its members (the block), its movement and its leader."""

    cluster = models.ForeignKey(Cluster, on_delete=models.PROTECT, related_name="years", verbose_name=_("cụm"))
    year = models.PositiveSmallIntegerField(_("năm"))
    block = models.OneToOneField(EmulationBlock, on_delete=models.PROTECT, related_name="cluster_year",
                                 verbose_name=_("các xã, phường thành viên"))
    movement = models.OneToOneField(Movement, on_delete=models.PROTECT, related_name="cluster_year",
                                    verbose_name=_("phong trào thi đua của cụm"))
    leader = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("cụm trưởng"))
    leader_note = models.CharField(_("căn cứ giao cụm trưởng"), max_length=300, blank=True)
    # The leader commune's chairman signs the cluster's tờ trình to the city (its register's number).
    submission_number = models.CharField(_("số tờ trình gửi thành phố"), max_length=40, blank=True)
    submission_date = models.DateField(_("ngày tờ trình"), null=True, blank=True)
    sent_at = models.DateTimeField(_("gửi thành phố lúc"), null=True, blank=True)
    sent_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                verbose_name=_("người ký tờ trình"))

    class Meta:
        ordering = ["cluster__name", "-year"]
        constraints = [models.UniqueConstraint(fields=["cluster", "year"], name="cluster_year_unique")]
        verbose_name = _("năm thi đua của cụm")
        verbose_name_plural = _("năm thi đua của cụm")

    def __str__(self):
        return f"{self.cluster} năm {self.year}"


class ClusterProposal(models.Model):
    """The cluster's proposal of a city award for one of its communes, from its ranking."""

    class Award(models.TextChoices):
        FLAG = "co_thi_dua_tp", _("Cờ thi đua của UBND thành phố")
        MERIT = "bang_khen_tp", _("Bằng khen của Chủ tịch UBND thành phố")

    cluster_year = models.ForeignKey(ClusterYear, on_delete=models.PROTECT, related_name="proposals")
    commune = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("xã, phường"))
    award = models.CharField(_("hình thức đề nghị"), max_length=20, choices=Award.choices)
    rank = models.PositiveSmallIntegerField(_("hạng trong cụm"))
    total = models.DecimalField(_("tổng điểm"), max_digits=8, decimal_places=2, default=Decimal(0))
    scorecard = models.ForeignKey(Scorecard, on_delete=models.PROTECT, related_name="+")
    proposed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(auto_now_add=True)

    audit_exclude = ("proposed_at",)

    class Meta:
        ordering = ["cluster_year", "rank"]
        constraints = [models.UniqueConstraint(fields=["cluster_year", "commune"], name="cluster_proposal_once")]
        verbose_name = _("đề nghị khen thưởng của cụm")
        verbose_name_plural = _("đề nghị khen thưởng của cụm")

    def __str__(self):
        return f"{self.cluster_year}: {self.get_award_display()} cho {self.commune}"
