"""The figures of a reward fund: receipts, spending, commitments, balance.

- Receipts: the opening balance plus the receipts the office entered.
- Spending: reward money of the commune's own signed decisions dated in the year, read from
  the award ledger (``awards.Award``: issuer = the commune, amount, decision number and date,
  not revoked — a revocation recovers the money). Awards written by the proposals app when the
  chairman signs carry the decision's number and date, so decisions signed in the system and
  decisions entered into the ledger by hand are counted the same way; when the proposals app
  is installed each row is linked to its ``proposals.Decision``.
- Commitments (proposals app installed): dossiers the council has voted on, awaiting the
  chairman's signature (state ``voted``, decided at the commune), valued with the proposals
  app's own money rule at today's date. They are counted in the year they would be signed
  (this calendar year); once signed they leave the commitments and appear as spending.
- Balance = receipts − spending − commitments.

Nothing here is scoped: callers (selectors, services) decide who may read which commune.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Count, Sum
from django.utils import timezone

from thidua.awards.models import Award

from .models import Fund, FundReceipt, TalentFund


@dataclass
class SpendingRow:
    decision_number: str
    decision_date: datetime.date
    issuer_name: str
    count: int
    total: int
    decision: object | None = None  # proposals.Decision when installed and found


@dataclass
class CommitmentRow:
    dossier: object
    label: str
    count: int
    total: int
    note: str = ""


@dataclass
class FundFigures:
    commune: object
    year: int
    fund: Fund | None
    opening: int = 0
    budget: int = 0
    donations: int = 0
    spending: int = 0
    commitments: int = 0
    spending_rows: list[SpendingRow] = field(default_factory=list)
    commitment_rows: list[CommitmentRow] = field(default_factory=list)

    @property
    def receipts(self) -> int:
        """Everything available in the year: opening balance, budget, donations."""
        return self.opening + self.budget + self.donations

    @property
    def balance(self) -> int:
        return self.receipts - self.spending - self.commitments


def spending_awards(commune, year: int):
    """The ledger rows paid from the commune's fund of ``year``."""
    return (Award.objects.filter(issuer=commune, decision_date__year=year, revoked=False, amount__isnull=False)
            .exclude(decision_number=""))


def spending_rows(commune, year: int) -> list[SpendingRow]:
    grouped = (spending_awards(commune, year).values("decision_number", "decision_date", "issuer_name")
               .annotate(count=Count("id"), total=Sum("amount")).order_by("decision_date", "decision_number"))
    rows = [SpendingRow(g["decision_number"], g["decision_date"], g["issuer_name"], g["count"], g["total"] or 0)
            for g in grouped]
    if rows:
        from thidua.proposals.models import Decision

        decisions = {(d.number, d.date): d for d in Decision.objects.filter(
            issuer=commune, date__year=year, number__in=[r.decision_number for r in rows])}
        for row in rows:
            row.decision = decisions.get((row.decision_number, row.decision_date))
    return rows


def pending_dossiers(commune):
    """Dossiers awaiting the chairman's signature at the commune."""
    from thidua.proposals.models import Dossier

    return (Dossier.objects.filter(round__commune=commune, state=Dossier.State.VOTED)
            .select_related("round", "unit").order_by("pk"))


def dossier_total(dossier, *, day: datetime.date | None = None) -> tuple[int, str]:
    """Reward money the dossier's decision would pay if signed on ``day`` (today), with a
    note when it cannot be computed; 0 for dossiers decided by the province."""
    from thidua.awards.engine import current_parameters
    from thidua.proposals.models import Nomination
    from thidua.proposals.services.decisions import amounts

    nominations = list(dossier.nominations.filter(outcome=Nomination.Outcome.PASSED).select_related(
        "award_type", "person", "organisation", "household"))
    if not nominations:
        return 0, ""
    if dossier.upward:
        return 0, "thuộc thẩm quyền cấp tỉnh"
    try:
        money = amounts(nominations, year=dossier.round.year, day=day or timezone.localdate(),
                        params=current_parameters())
    except ValidationError as exc:
        return 0, "; ".join(exc.messages)
    return sum(v or 0 for v in money.values()), ""


def commitment_rows(commune, year: int, *, exclude_dossier=None) -> list[CommitmentRow]:
    if year != timezone.localdate().year:
        return []
    rows = []
    qs = pending_dossiers(commune)
    if exclude_dossier is not None:
        qs = qs.exclude(pk=exclude_dossier.pk)
    for dossier in qs:
        total, note = dossier_total(dossier)
        count = dossier.nominations.filter(outcome="passed").count()
        rows.append(CommitmentRow(dossier, str(dossier), count, total, note))
    return rows


def fund_figures(commune, year: int, *, exclude_dossier=None) -> FundFigures:
    fund = Fund.objects.filter(commune=commune, year=year).first()
    figures = FundFigures(commune=commune, year=year, fund=fund)
    if fund is not None:
        figures.opening = fund.opening_balance
        sums = dict(fund.receipts.values_list("kind").annotate(s=Sum("amount")).values_list("kind", "s"))
        figures.budget = sums.get(FundReceipt.Kind.BUDGET, 0) or 0
        figures.donations = sums.get(FundReceipt.Kind.DONATION, 0) or 0
    figures.spending_rows = spending_rows(commune, year)
    figures.spending = sum(r.total for r in figures.spending_rows)
    figures.commitment_rows = commitment_rows(commune, year, exclude_dossier=exclude_dossier)
    figures.commitments = sum(r.total for r in figures.commitment_rows)
    return figures


def fund_years(commune) -> list[int]:
    """Years with a fund, a paid decision, or this year — newest first."""
    years = set(Fund.objects.filter(commune=commune).values_list("year", flat=True))
    years |= {d.year for d in Award.objects.filter(issuer=commune, amount__isnull=False, decision_date__isnull=False)
              .exclude(decision_number="").dates("decision_date", "year")}
    years.add(timezone.localdate().year)
    return sorted(years, reverse=True)


def talent_balance(fund: TalentFund, *, until: datetime.date | None = None) -> int:
    donations, payouts = fund.donations.all(), fund.payouts.all()
    if until is not None:
        donations, payouts = donations.filter(date__lte=until), payouts.filter(date__lte=until)
    return (donations.aggregate(s=Sum("amount"))["s"] or 0) - (payouts.aggregate(s=Sum("amount"))["s"] or 0)
