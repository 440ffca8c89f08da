"""Open exports of the award ledger: a plain JSON document (format "thidua-ledger", version 1)
and each award as an Open Badges 3.0 credential (W3C Verifiable Credentials 2.0 data model),
whose issuer profile, achievement and revocation list are public (``badges``); the API serves it
as JSON-LD and, signed with the commune's key, as a VC-JWT."""
from __future__ import annotations

import datetime

from django.utils import timezone

from thidua.rules import codes

from . import badges

VC_CONTEXT = badges.VC_CONTEXT
OB_CONTEXT = badges.OB_CONTEXT
LEDGER_FORMAT = "thidua-ledger"
LEDGER_VERSION = "1.0"


VALUE_FIELDS = ["pk", "award_type__code", "award_type__name", "award_type__kind", "year", "period_label",
                "round_kind", "person_id", "organisation_id", "household_id", "person__full_name",
                "organisation__name", "household__head_name", "household__village__name", "decision_number",
                "decision_date", "issuer_name", "amount", "achievement", "revoked", "verification_code"]


def award_values(queryset) -> list[dict]:
    """Ledger rows as plain values (no model instances: a commune's ledger has thousands),
    with the subject's name and kind."""
    rows = list(queryset.order_by().values(*VALUE_FIELDS))
    for row in rows:
        if row["person_id"]:
            row["subject_kind"], row["subject_name"] = "individual", row["person__full_name"]
        elif row["organisation_id"]:
            row["subject_kind"], row["subject_name"] = "collective", row["organisation__name"]
        else:
            row["subject_kind"] = "household"
            row["subject_name"] = f"Hộ {row['household__head_name']} ({row['household__village__name']})"
    return rows


def award_record(row: dict, *, base_url: str = "") -> dict:
    """One ledger row (from ``award_values``) as plain JSON; ``rules_code`` is the code of
    rules.md when the award type has one."""
    code = row["award_type__code"]
    return {
        "id": row["pk"],
        "code": code,
        "rules_code": code if codes.parse_award_code(code) else None,
        "name": row["award_type__name"],
        "kind": row["award_type__kind"],
        "year": row["year"],
        "period_label": row["period_label"] or None,
        "round_kind": row["round_kind"],
        "subject_kind": row["subject_kind"],
        "person_id": row["person_id"],
        "organisation_id": row["organisation_id"],
        "household_id": row["household_id"],
        "subject_name": row["subject_name"],
        "decision_number": row["decision_number"] or None,
        "decision_date": row["decision_date"].isoformat() if row["decision_date"] else None,
        "issuer_name": row["issuer_name"],
        "amount": row["amount"],
        "achievement": row["achievement"] or None,
        "revoked": row["revoked"],
        "verification_code": row["verification_code"],
        "verification_url": f"{base_url}/xac-minh/{row['verification_code']}",
        "credential_url": f"{base_url}/du-lieu/api/awards/{row['pk']}/credential",
    }


def ledger_document(awards, *, base_url: str, scope: str) -> dict:
    items = [award_record(a, base_url=base_url) for a in awards]
    return {
        "format": LEDGER_FORMAT,
        "version": LEDGER_VERSION,
        "generated_at": timezone.now().isoformat(),
        "scope": scope,
        "count": len(items),
        "codes": "https://thidua.local/rules#codes (mã theo quy định: LDTT, CSTD_CO_SO, GIAY_KHEN_XA, …)",
        "awards": items,
    }


def _valid_from(award) -> str:
    if award.decision_date:
        moment = datetime.datetime.combine(award.decision_date, datetime.time(0, 0),
                                           tzinfo=timezone.get_current_timezone())
    else:
        moment = timezone.localtime(award.created_at) if award.created_at else timezone.now()
    return moment.replace(microsecond=0).isoformat()


def open_badge(award, *, base_url: str) -> dict:
    """The award as an Open Badges 3.0 OpenBadgeCredential (unsecured; ``signed_open_badge``
    gives the VC-JWT). Its issuer, achievement and status list are public URLs."""
    t = award.award_type
    subject = award.subject
    kind_label = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}[award.subject_kind]
    key = badges.issuer_key(award.issuer_name)
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"{base_url}/xac-minh/{award.verification_code}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{t.name} — {subject}",
        "issuer": {"id": badges.issuer_id(base_url, key), "type": ["Profile"], "name": award.issuer_name},
        "validFrom": _valid_from(award),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                            "identityHash": str(subject)}],
            "achievement": badges.achievement(t, base_url=base_url),
            "narrative": award.achievement or f"{kind_label}: {subject}",
            "term": award.period_label or str(award.year),
        },
        "evidence": [{"type": ["Evidence"], "name": f"Quyết định số {award.decision_number}"
                      + (f" ngày {award.decision_date:%d/%m/%Y}" if award.decision_date else ""),
                      "description": award.issuer_name}] if award.decision_number else [],
        "credentialSchema": [{"id": badges.OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
        "credentialStatus": badges.status_entry(award, base_url=base_url),
    }


def signed_open_badge(award, *, base_url: str) -> str:
    """The credential as a VC-JWT signed with the commune's key (``kid`` names the key in the
    issuer profile)."""
    return badges.sign(open_badge(award, base_url=base_url),
                       kid=badges.kid(base_url, badges.issuer_key(award.issuer_name)))
