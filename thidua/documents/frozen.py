"""The signed decision's document, kept at the signature (``FrozenDecision``): its structure
(``structure_of`` / ``decision_from``), rendered once to DOCX and PDF — the PDF PAdES-signed
when a certificate is configured (``pades``) — and handed out as those bytes ever after.

This module sits below the ones that use it: ``official`` keeps the structure at the signature
and queues ``tasks.render_signed_decision``, which calls ``render_frozen`` here; ``signatures``
hands out the kept bytes. It imports neither of them, so no module imports itself back."""
from __future__ import annotations

import dataclasses
import datetime
import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from thidua.core.audit import log_event
from thidua.core.models import AuditEntry

from . import render, signing
from .data import DecisionData, DecisionLine, IssuerBlock, SignerBlock
from .models import FrozenDecision


def structure_of(data: DecisionData) -> dict:
    """The decision's structure as kept at the signature (JSON)."""
    kept = dataclasses.asdict(data)
    kept["date"] = data.date.isoformat() if data.date else None
    return kept


def decision_from(structure: dict) -> DecisionData:
    """The ``DecisionData`` kept by ``structure_of``."""
    kept = dict(structure)
    kept["issuer"] = IssuerBlock(**kept["issuer"])
    kept["signer"] = SignerBlock(**kept["signer"])
    kept["lines"] = [DecisionLine(**line) for line in kept["lines"]]
    kept["date"] = datetime.date.fromisoformat(kept["date"]) if kept["date"] else None
    return DecisionData(**kept)


def pades(pdf: bytes, decision) -> bytes | None:
    """``pdf`` with the commune's PAdES signature naming the decision, its number, date and
    signer; None when no certificate is configured."""
    if not signing.is_configured():
        return None
    capacity = ", ".join(line.strip() for line in (decision.signer_capacity or "CHỦ TỊCH").splitlines() if line.strip())
    reason = f"Quyết định số {decision.number} ngày {decision.date:%d/%m/%Y} do {decision.signer_name} ký ({capacity})"
    try:
        return signing.sign_with_configured(pdf, reason=reason, location=decision.issuer_name)
    except signing.SigningNotConfigured:
        return None


def render_frozen(frozen_id: int) -> FrozenDecision:
    """Render the kept structure once (DOCX and PDF from the one structure), PAdES-sign the PDF
    when a certificate is configured, keep both with their SHA-256 (audited). The row is locked:
    the task and a download that came first never both render."""
    with transaction.atomic():
        frozen = FrozenDecision.objects.select_for_update().select_related("decision").get(pk=frozen_id)
        if frozen.ready:
            return frozen
        decision = frozen.decision
        data = decision_from(frozen.structure)
        docx = render.render_decision_docx(data)
        pdf = render.render_decision_pdf(data)
        signed = pades(pdf, decision)
        stem = f"quyet-dinh-{decision.year}-{decision.sequence or decision.pk}"
        frozen.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
        frozen.pdf.save(f"{stem}.pdf", ContentFile(signed or pdf), save=False)
        frozen.docx_sha256 = hashlib.sha256(docx).hexdigest()
        frozen.pdf_sha256 = hashlib.sha256(signed or pdf).hexdigest()
        frozen.pdf_signed = signed is not None
        frozen.rendered_at = timezone.now()
        frozen.save(update_fields=sorted(FrozenDecision.ARTEFACT_FIELDS))
        log_event(actor=None, instance=frozen, action=AuditEntry.Action.UPDATE,
                  note=f"Văn bản Quyết định số {decision.number}: DOCX SHA-256 {frozen.docx_sha256}, "
                       f"PDF SHA-256 {frozen.pdf_sha256}{' (đã ký số)' if frozen.pdf_signed else ''}",
                  after={"docx_sha256": frozen.docx_sha256, "pdf_sha256": frozen.pdf_sha256,
                         "pdf_signed": frozen.pdf_signed})
        return frozen


def frozen_bytes(frozen: FrozenDecision, kind: str) -> bytes:
    """The kept DOCX or PDF — rendered now if the task has not run yet."""
    if not frozen.ready:
        frozen = render_frozen(frozen.pk)
    return frozen.read(kind)


def frozen_of(decision) -> FrozenDecision | None:
    return FrozenDecision.objects.filter(decision=decision).first()
