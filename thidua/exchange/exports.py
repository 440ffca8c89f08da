"""Open exports of the award ledger: a plain JSON document (format "thidua-ledger", version 1)
and each award as an Open Badges 3.0 credential (JSON-LD, W3C Verifiable Credentials 2.0 data
model). The credentials are NOT signed (no proof): they state what the ledger holds; the
verification page named in ``id`` is where a reader confirms them."""
from __future__ import annotations

import datetime

from django.utils import timezone

from thidua.rules import codes

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
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
    """The award as an (unsigned) Open Badges 3.0 OpenBadgeCredential."""
    t = award.award_type
    subject = award.subject
    kind_label = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}[award.subject_kind]
    issuer_id = f"{base_url}/to-chuc/{award.issuer_id}/" if award.issuer_id else \
        f"{base_url}/du-lieu/api/issuers/{award.verification_code}"
    achievement = {
        "id": f"{base_url}/khen-thuong/danh-muc/#{t.code}",
        "type": ["Achievement"],
        "achievementType": "Award",
        "name": t.name,
        "description": f"{t.get_kind_display()}: {t.name}" + (f" — {t.authority}" if t.authority else ""),
        "criteria": {"narrative": t.legal_basis or "Theo Luật Thi đua, khen thưởng 2022 và văn bản hướng dẫn."},
        "humanCode": t.code,
        "inLanguage": "vi",
    }
    credential = {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": f"{base_url}/xac-minh/{award.verification_code}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": f"{t.name} — {subject}",
        "issuer": {"id": issuer_id, "type": ["Profile"], "name": award.issuer_name},
        "validFrom": _valid_from(award),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "name", "hashed": False,
                            "identityHash": str(subject)}],
            "achievement": achievement,
            "narrative": award.achievement or f"{kind_label}: {subject}",
            "term": award.period_label or str(award.year),
        },
        "evidence": [{"type": ["Evidence"], "name": f"Quyết định số {award.decision_number}"
                      + (f" ngày {award.decision_date:%d/%m/%Y}" if award.decision_date else ""),
                      "description": award.issuer_name}] if award.decision_number else [],
    }
    if award.revoked:
        credential["credentialStatus"] = {"type": "RevocationNote", "revoked": True,
                                          "reason": award.revocation_note}
    return credential
