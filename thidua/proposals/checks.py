"""Checks made before the chairman signs a decision, supplied by higher apps.

The proposals app knows nothing of funds or budgets. An app that does registers a check in its
``AppConfig.ready()``::

    from thidua.proposals.checks import before_signing
    before_signing.register(my_check)

``my_check(*, actor, dossier, total, day, confirmed, dry_run) -> SigningNotice | None``:
``total`` is the reward money the decision pays (đồng), ``day`` its date. ``dry_run=True``
when the dossier page only shows the signer what would happen (write nothing then);
``confirmed=True`` when the signer ticked "I confirm" after a notice that needed it. A notice
with ``needs_confirmation`` stops the signature until the signer confirms.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class SigningNotice:
    message: str                      # Vietnamese, shown to the signer
    needs_confirmation: bool = False  # the signature waits for the signer's confirmation


class SigningChecks:
    def __init__(self):
        self._checks: list[Callable] = []

    def register(self, check: Callable) -> Callable:
        if check not in self._checks:
            self._checks.append(check)
        return check

    def unregister(self, check: Callable) -> None:
        if check in self._checks:
            self._checks.remove(check)

    def notices(self, *, actor, dossier, total: int, day, confirmed: bool = False,
                dry_run: bool = False) -> list[SigningNotice]:
        result = []
        for check in self._checks:
            notice = check(actor=actor, dossier=dossier, total=total, day=day, confirmed=confirmed, dry_run=dry_run)
            if notice is not None and notice.message:
                result.append(notice)
        return result


before_signing = SigningChecks()
