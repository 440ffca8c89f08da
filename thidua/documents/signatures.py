"""The decision PDF, digitally signed (PAdES, ``thidua.funds.signing``) when the chairman signed
the decision in the system and the administrator configured the commune's certificate
(``THIDUA_SIGNING_P12``). Decisions only entered into the ledger (by hand, or the province's)
are not the commune's to sign: their PDF stays unsigned, as does every PDF when no certificate
is configured or the funds app is not installed.

The signature is made when the PDF is delivered: the bytes come from the frozen ledger rows, the
signature's reason names the decision, its number, date and signer."""
from __future__ import annotations

from django.apps import apps

from thidua.awards.models import Award

from . import ledger, render


def signing_decision(award: Award):
    """The proposals app's Decision that the commune's chairman signed in the system for this
    award, or None."""
    decision = ledger.signed_decision(award)
    if decision is None or not getattr(decision, "signer_id", None) or decision.issuer_id != award.issuer_id:
        return None
    return decision


def decision_pdf(award: Award) -> bytes:
    pdf = render.render_decision_pdf(ledger.decision_data(award))
    decision = signing_decision(award) if apps.is_installed("thidua.funds") else None
    if decision is None:
        return pdf
    from thidua.funds import signing

    capacity = ", ".join(line.strip() for line in (decision.signer_capacity or "CHỦ TỊCH").splitlines() if line.strip())
    reason = f"Quyết định số {decision.number} ngày {decision.date:%d/%m/%Y} do {decision.signer_name} ký ({capacity})"
    try:
        return signing.sign_with_configured(pdf, reason=reason, location=decision.issuer_name)
    except signing.SigningNotConfigured:
        return pdf
