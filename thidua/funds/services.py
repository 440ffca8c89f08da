"""Writes to the funds (keyword-only, one transaction, audited) and the check the proposals
app makes before the chairman signs a decision."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from thidua.core.audit import log_event
from thidua.core.models import AuditEntry
from thidua.core.services import create_record, delete_record, update_record
from thidua.core.text import format_vnd

from . import access
from .ledger import fund_figures, talent_balance
from .models import Fund, FundReceipt, TalentDonation, TalentFund, TalentPayout


# --- reward funds -------------------------------------------------------------------------

@transaction.atomic
def open_fund(*, actor, commune, year: int, opening_balance: int = 0, note: str = "") -> Fund:
    access.require(access.can_keep(actor), access.KEEPERS_ONLY)
    if Fund.objects.filter(commune=commune, year=year).exists():
        raise ValidationError("Quỹ thi đua, khen thưởng năm %s đã được lập." % year)
    return create_record(actor=actor, model=Fund, commune=commune, year=year,
                         opening_balance=opening_balance, note=note,
                         audit_note=f"Lập quỹ thi đua, khen thưởng năm {year}")


@transaction.atomic
def update_fund(*, actor, fund: Fund, opening_balance: int, note: str = "") -> Fund:
    access.require(access.can_keep(actor), access.KEEPERS_ONLY)
    fund = Fund.objects.select_for_update().get(pk=fund.pk)
    return update_record(actor=actor, instance=fund, opening_balance=opening_balance, note=note)


@transaction.atomic
def add_receipt(*, actor, fund: Fund, kind: str, date: datetime.date, amount: int, donor: str = "",
                reference: str = "", note: str = "") -> FundReceipt:
    access.require(access.can_keep(actor), access.KEEPERS_ONLY)
    if kind == FundReceipt.Kind.BUDGET:
        donor = donor or ""
    return create_record(actor=actor, model=FundReceipt, fund=fund, kind=kind, date=date, amount=amount,
                         donor=donor, reference=reference, note=note,
                         audit_note=f"Ghi thu quỹ thi đua, khen thưởng năm {fund.year}")


@transaction.atomic
def delete_receipt(*, actor, receipt: FundReceipt) -> None:
    access.require(access.can_keep(actor), access.KEEPERS_ONLY)
    delete_record(actor=actor, instance=receipt, audit_note="Xóa khoản thu ghi nhầm")


# --- before signing -----------------------------------------------------------------------

@dataclass(frozen=True)
class FundCheck:
    ok: bool                      # may sign now (within the fund, no fund kept, or overrun confirmed)
    balance_after: int | None     # balance of the year's fund after this decision; None: no fund kept
    message: str                  # Vietnamese, to show the signer ("" when nothing to say)
    overrun: bool = False         # the decision would take the fund below zero
    needs_confirmation: bool = False  # overrun and not yet confirmed: ask, then call again with confirm_overrun=True


@transaction.atomic
def check_fund_before_signing(*, decision_total: int, commune, year: int, confirm_overrun: bool = False,
                              dossier=None, actor=None) -> FundCheck:
    """Would a decision paying ``decision_total`` đồng fit in the commune's reward fund of
    ``year``? ``dossier``: the dossier being signed, so that its own commitment is not counted
    twice. An overrun is refused (``ok=False``, a Vietnamese warning) unless the signer
    confirmed it (``confirm_overrun=True``); a confirmed overrun is written to the audit log
    (on the fund, naming ``actor``). When no fund is kept for that year the decision may be
    signed, with a notice."""
    decision_total = int(decision_total or 0)
    figures = fund_figures(commune, year, exclude_dossier=dossier)
    if figures.fund is None:
        return FundCheck(ok=True, balance_after=None,
                         message=f"Chưa lập quỹ thi đua, khen thưởng năm {year}: không kiểm tra được số dư quỹ.")
    balance_after = figures.balance - decision_total
    if balance_after >= 0:
        return FundCheck(ok=True, balance_after=balance_after, message=(
            f"Sau khi ký, quỹ thi đua, khen thưởng năm {year} còn {format_vnd(balance_after)}."))
    warning = (f"Quyết định này chi {format_vnd(decision_total)}, vượt số dư quỹ thi đua, khen thưởng năm "
               f"{year} ({format_vnd(figures.balance)}, đã trừ các quyết định đã ký và đang chờ ký) "
               f"là {format_vnd(-balance_after)}.")
    if not confirm_overrun:
        return FundCheck(ok=False, balance_after=balance_after, overrun=True, needs_confirmation=True,
                         message=warning + " Cần xác nhận ký vượt quỹ.")
    log_event(actor=actor, instance=figures.fund, action=AuditEntry.Action.UPDATE,
              note="Xác nhận ký quyết định vượt quỹ thi đua, khen thưởng",
              after={"decision_total": decision_total, "balance_before": figures.balance,
                     "balance_after": balance_after, "dossier": getattr(dossier, "pk", None)})
    return FundCheck(ok=True, balance_after=balance_after, overrun=True,
                     message=warning + " Người ký đã xác nhận ký vượt quỹ.")


def require_fund_ok(**kwargs) -> FundCheck:
    """``check_fund_before_signing`` that raises ``ValidationError`` (the warning) when the
    decision overruns the fund and the overrun was not confirmed."""
    check = check_fund_before_signing(**kwargs)
    if not check.ok:
        raise ValidationError(check.message, code="fund_overrun")
    return check


# --- youth talent fund --------------------------------------------------------------------



@transaction.atomic
def open_talent_fund(*, actor, commune, name: str, founded_on: datetime.date | None = None,
                     note: str = "") -> TalentFund:
    access.require(access.can_keep(actor), access.KEEPERS_ONLY)
    if TalentFund.objects.filter(commune=commune).exists():
        raise ValidationError("Xã đã có quỹ tài năng trẻ.")
    return create_record(actor=actor, model=TalentFund, commune=commune, name=name, founded_on=founded_on,
                         note=note)


@transaction.atomic
def add_talent_donation(*, actor, fund: TalentFund, donor_name: str, date: datetime.date, amount: int,
                        donor_person=None, address: str = "", note: str = "") -> TalentDonation:
    access.require(access.can_keep(actor), access.KEEPERS_ONLY)
    return create_record(actor=actor, model=TalentDonation, fund=fund, donor_name=donor_name, date=date,
                         amount=amount, donor_person=donor_person, address=address, note=note,
                         audit_note="Ghi nhận ủng hộ quỹ tài năng trẻ")


@transaction.atomic
def add_talent_payout(*, actor, fund: TalentFund, recipient_name: str, recipient_kind: str, occasion: str,
                      date: datetime.date, amount: int, recipient_person=None, school: str = "",
                      achievement: str = "") -> TalentPayout:
    """Pay a pupil or teacher from the fund; the fund cannot pay more than it holds on that day
    (nor than it holds today, counting later entries)."""
    access.require(access.can_keep(actor), access.KEEPERS_ONLY)
    fund = TalentFund.objects.select_for_update().get(pk=fund.pk)
    available = min(talent_balance(fund, until=date), talent_balance(fund))
    if amount and amount > available:
        raise ValidationError("Quỹ tài năng trẻ chỉ còn %s ngày %s, không đủ chi %s." % (
            format_vnd(max(available, 0)), f"{date:%d/%m/%Y}", format_vnd(amount)))
    return create_record(actor=actor, model=TalentPayout, fund=fund, recipient_name=recipient_name,
                         recipient_kind=recipient_kind, occasion=occasion, date=date, amount=amount,
                         recipient_person=recipient_person, school=school, achievement=achievement,
                         audit_note=f"Chi quỹ tài năng trẻ: {occasion}"[:200])
