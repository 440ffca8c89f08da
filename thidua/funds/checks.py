"""The reward fund's word before the chairman signs a decision (registered in
``proposals.checks.before_signing`` when the proposals app is installed)."""
from __future__ import annotations

from thidua.proposals.checks import SigningNotice

from .services import check_fund_before_signing


def fund_before_signing(*, actor, dossier, total, day, confirmed, dry_run) -> SigningNotice:
    """The decision is paid from the fund of the year it is signed in; an overrun needs the
    signer's confirmation, which is audited on the fund (not in a dry run)."""
    check = check_fund_before_signing(decision_total=total, commune=dossier.round.commune, year=day.year,
                                      confirm_overrun=confirmed and not dry_run, dossier=dossier, actor=actor)
    return SigningNotice(message=check.message, needs_confirmation=check.needs_confirmation)
