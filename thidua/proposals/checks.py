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

from thidua.core.registry import Registry


@dataclass(frozen=True)
class SigningNotice:
    message: str                      # Vietnamese, shown to the signer
    needs_confirmation: bool = False  # the signature waits for the signer's confirmation


class SigningChecks(Registry):
    def notices(self, *, actor, dossier, total: int, day, confirmed: bool = False,
                dry_run: bool = False) -> list[SigningNotice]:
        result = []
        for check in self.providers:
            notice = check(actor=actor, dossier=dossier, total=total, day=day, confirmed=confirmed, dry_run=dry_run)
            if notice is not None and notice.message:
                result.append(notice)
        return result


before_signing = SigningChecks()


class AfterSigning(Registry):
    """What higher apps do once a signature is committed (the documents app: make and keep the
    digitally signed PDF). ``hook(decision=...)``; a hook that fails is logged, never undoes
    the signature."""

    def run(self, *, decision) -> None:
        import logging

        for hook in self.providers:
            try:
                hook(decision=decision)
            except Exception:  # the decision is signed; its PDF can still be made on first download
                logging.getLogger(__name__).exception("After-signing hook %r failed for %s", hook, decision)


after_signing = AfterSigning()


class AtSigning(Registry):
    """What higher apps do inside the signing transaction (the documents app: render the signed
    decision once, from the draft the chairman saw, and keep its DOCX and PDF). ``hook(decision=,
    dossier=, texts=, money=)``; a hook that fails undoes the signature, so a decision never
    exists without its document."""

    def run(self, **kwargs) -> None:
        for hook in self.providers:
            hook(**kwargs)


at_signing = AtSigning()


# What higher apps do inside the transaction that ends a dossier without award (the province
# app: the commune's dossier the province refused is closed too, and the commune is told).
# ``hook(actor=, dossier=, reason=)``; a hook that fails undoes the refusal.
at_rejection = AtSigning()


# What higher apps do inside the transaction of a revocation (the province app: the city
# revoked awards it granted on a commune's dossier or a cluster's proposal — the commune's
# nominations are marked revoked and the communes concerned are told).
# ``hook(actor=, decision=, revocation=, nominations=)``; a hook that fails undoes the revocation.
at_revocation = AtSigning()


# What higher apps do inside the transaction of a submission (the province app: a copy the city
# returned comes back — it records what the commune changed since the return, for the city).
# ``hook(actor=, dossier=, previous=)`` (``previous``: the state it was submitted from).
at_submission = AtSigning()


class BeforeAdding(Registry):
    """Refusals of higher apps before a nomination is added to a dossier (the province app: a
    copy the city returned takes no nominee that was not sent). ``hook(actor=, dossier=)``
    raises ``ValidationError`` to refuse; nothing is written then."""

    def run(self, **kwargs) -> None:
        for hook in self.providers:
            hook(**kwargs)

    def refusal(self, **kwargs) -> str | None:
        """The refusal's message, if a hook would refuse (the page shows it instead of the form)."""
        from django.core.exceptions import ValidationError

        try:
            self.run(**kwargs)
        except ValidationError as exc:
            return " ".join(exc.messages)
        return None


before_adding = BeforeAdding()
