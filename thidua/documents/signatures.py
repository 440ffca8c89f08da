"""The decision PDF, digitally signed (PAdES, ``thidua.documents.signing``) when the chairman signed
the decision in the system and the administrator configured the commune's certificate
(``THIDUA_SIGNING_P12``). Decisions only entered into the ledger (by hand, or the province's)
are not the commune's to sign: their PDF stays unsigned, as does every PDF when no certificate
is configured.

The signed PDF is made once — right after the signature is committed (``proposals.checks.
after_signing``), or at the first delivery for a decision signed before a certificate was
configured — and kept (``SignedDecisionPdf``): every delivery hands out the same bytes, and the
signature's time is the time of signing. The bytes come from the frozen ledger rows; the
signature's reason names the decision, its number, date and signer."""
from __future__ import annotations

import hashlib
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from thidua.awards.models import Award
from thidua.core.audit import log_create, log_update, snapshot

from . import ledger, render, signing
from .frozen import frozen_bytes as kept_frozen_bytes
from .frozen import pades
from .models import SignedDecisionPdf

log = logging.getLogger(__name__)


def signing_decision(award: Award):
    """The proposals app's Decision that the commune's chairman signed in the system for this
    award, or None."""
    decision = ledger.signed_decision(award)
    if decision is None or not getattr(decision, "signer_id", None) or decision.issuer_id != award.issuer_id:
        return None
    return decision


def _kept(decision) -> SignedDecisionPdf | None:
    return SignedDecisionPdf.objects.filter(issuer_id=decision.issuer_id, number=decision.number,
                                            date=decision.date).first()


def _sign(award: Award, decision) -> bytes | None:
    """The signed PDF's bytes rebuilt from the ledger (a decision signed before its document
    was kept at the signature), or None when no certificate is configured."""
    if not signing.is_configured():
        return None
    return pades(render.render_decision_pdf(ledger.decision_data(award)), decision)


def _keep(decision, signed: bytes) -> bytes:
    """Store the signed bytes once; when another request stored them first, theirs stand (and
    this request's file is removed)."""
    kept = SignedDecisionPdf(issuer_id=decision.issuer_id, issuer_name=decision.issuer_name, number=decision.number,
                             date=decision.date, sha256=hashlib.sha256(signed).hexdigest())
    try:
        with transaction.atomic():
            kept.file.save(f"quyet-dinh-{decision.year}-{decision.pk}.pdf", ContentFile(signed), save=False)
            kept.save()
            log_create(actor=None, instance=kept, note=f"Ký số Quyết định số {decision.number}")
    except IntegrityError:
        if kept.file.name:
            kept.file.delete(save=False)
        first = _kept(decision)
        if first is None:  # not the race: a real error
            raise
        return kept_bytes(first)
    return signed


def _replace(kept: SignedDecisionPdf, decision, signed: bytes) -> None:
    """Keep a new signed copy in place of one whose file is lost (audited: the hash changes)."""
    with transaction.atomic():
        before = snapshot(kept)
        kept.file.save(f"quyet-dinh-{decision.year}-{decision.pk}.pdf", ContentFile(signed), save=False)
        kept.sha256 = hashlib.sha256(signed).hexdigest()
        kept.save(update_fields=["file", "sha256"])
        log_update(actor=None, instance=kept, before=before,
                   note=f"Ký số lại Quyết định số {decision.number}: tệp đã lưu bị mất")


def kept_bytes(kept: SignedDecisionPdf) -> bytes:
    with kept.file.open("rb") as handle:
        return handle.read()


def frozen_bytes(award: Award, kind: str) -> bytes | None:
    """The kept DOCX or PDF of the decision signed in the system behind this award (the very
    bytes made at the signature), or None for a decision only recorded in the ledger."""
    from .models import FrozenDecision

    decision = ledger.signed_decision(award)
    frozen = FrozenDecision.objects.filter(decision_id=decision.pk).first() if decision is not None else None
    return kept_frozen_bytes(frozen, kind) if frozen is not None else None


def decision_pdf(award: Award) -> bytes:
    frozen = frozen_bytes(award, "pdf")
    if frozen is not None:
        return frozen
    decision = signing_decision(award)
    if decision is None:
        return render.render_decision_pdf(ledger.decision_data(award))
    kept = _kept(decision)
    if kept is not None:
        try:
            return kept_bytes(kept)
        except OSError:  # the kept file is gone (a restore without files?): sign and keep a new copy
            log.error("Signed PDF of decision %s is missing from storage (%s); signing a new copy",
                      decision.number, kept.file.name)
            signed = _sign(award, decision)
            if signed is None:
                return render.render_decision_pdf(ledger.decision_data(award))
            _replace(kept, decision, signed)
            return signed
    signed = _sign(award, decision)
    if signed is None:
        return render.render_decision_pdf(ledger.decision_data(award))
    return _keep(decision, signed)


def sign_after_signature(*, decision) -> None:
    """``proposals.checks.after_signing`` hook: make and keep the signed PDF now, so that its
    signature carries the time of signing (nothing happens without a certificate)."""
    if _kept(decision) is not None or has_frozen(decision):
        return
    award = Award.objects.filter(issuer_name=decision.issuer_name, decision_number=decision.number,
                                 decision_date=decision.date, revoked=False).order_by("pk").first()
    if award is None:
        return
    signed = _sign(award, decision)
    if signed is not None:
        _keep(decision, signed)


def has_frozen(decision) -> bool:
    """The decision's document was kept at the signature (its PDF signed then, if at all)."""
    from .models import FrozenDecision

    return FrozenDecision.objects.filter(decision_id=decision.pk).exists()
