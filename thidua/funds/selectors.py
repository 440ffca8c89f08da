"""Reads of the funds, scoped: only the office, the commune's leaders and the auditors read
them, and only for the commune of their scope."""
from __future__ import annotations

from dataclasses import dataclass


from thidua.accounts.scoping import can_see_organisation

from . import access, ledger
from .ledger import talent_balance
from .models import Fund, TalentFund


def commune_for(user):
    """The commune whose funds ``user`` may read; PermissionDenied otherwise."""
    access.require(access.can_read(user), access.NOT_ALLOWED)
    commune = access.commune_of(user)
    access.require(commune is not None and can_see_organisation(user, commune), access.NOT_ALLOWED)
    return commune


def overview(user) -> tuple[object, list[ledger.FundFigures]]:
    commune = commune_for(user)
    return commune, [ledger.fund_figures(commune, year) for year in ledger.fund_years(commune)]


def year_detail(user, year: int) -> ledger.FundFigures:
    figures = ledger.fund_figures(commune_for(user), year)
    if figures.fund is not None:
        figures.receipt_list = list(figures.fund.receipts.all())
    else:
        figures.receipt_list = []
    return figures


def fund_for_year(user, year: int) -> Fund | None:
    return Fund.objects.filter(commune=commune_for(user), year=year).first()


@dataclass
class TalentView:
    commune: object
    fund: TalentFund | None
    donations: list
    payouts: list
    donated: int = 0
    paid: int = 0
    balance: int = 0       # all time, whatever the year filter
    years: list = None


def talent(user, year: int | None = None) -> TalentView:
    commune = commune_for(user)
    fund = TalentFund.objects.filter(commune=commune).first()
    if fund is None:
        return TalentView(commune, None, [], [], years=[])
    donations, payouts = fund.donations.select_related("donor_person"), fund.payouts.select_related("recipient_person")
    years = sorted({d.year for d in fund.donations.dates("date", "year")} |
                   {d.year for d in fund.payouts.dates("date", "year")}, reverse=True)
    if year:
        donations, payouts = donations.filter(date__year=year), payouts.filter(date__year=year)
    donations, payouts = list(donations), list(payouts)
    return TalentView(commune, fund, donations, payouts, donated=sum(d.amount for d in donations),
                      paid=sum(p.amount for p in payouts), balance=talent_balance(fund), years=years)
