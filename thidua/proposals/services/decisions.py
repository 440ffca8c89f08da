"""Decisions: the chairman signs (numbered, frozen, written into the ledger), revokes by a later
decision, or sends the dossier to the province — whose decision the office records later.

Numbers: the next number of the year for the issuer comes from a ``NumberCounter`` row locked
with ``select_for_update`` (on SQLite the IMMEDIATE transaction mode serialises writers), so
two signatures at the same moment get two consecutive numbers.

Ledger: the awards are written through ``awards.services.record_award`` / ``revoke_award``.
Those accept only the office as actor; a chairman's signature writes them as the system
(actor ``None``), the award's ``source`` naming the decision and the decision's own audit row
naming the signer.
"""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from thidua.accounts import people
from thidua.awards import services as award_services
from thidua.awards import summaries as award_summaries
from thidua.awards.engine import current_parameters
from thidua.core.audit import log_create
from thidua.core.text import nfc

from ..access import is_signer, require, signer_capacity
from ..checks import after_signing, at_revocation, at_signing, before_signing
from ..models import Decision, Dossier, Nomination
from . import drafts
from . import notices as flow_notices
from ..selectors import amounts, passed_for_signature, signing_notices  # noqa: F401 — funds and documents read them here
from ..workflow import SIGNERS_ONLY
from .transitions import move, start

S = Dossier.State
O = Nomination.Outcome
DECISION_SERIES = "QĐ-UBND"
SUBMISSION_SERIES = "TTr-UBND"


def next_number(*, issuer, year: int, series: str) -> int:
    """The next number of ``series`` in ``year`` for ``issuer`` from the outgoing-documents
    register; call inside the transaction that uses it (the row stays locked until it commits)."""
    return drafts.take_number(issuer=issuer, year=year, series=series)


def _day(value: datetime.date | None, *, not_before: datetime.date | None = None) -> datetime.date:
    today = timezone.localdate()
    day = value or today
    if day > today:
        raise ValidationError("Ngày ký không được sau hôm nay.")
    if not_before and day < not_before:
        raise ValidationError("Ngày ký không được trước ngày Hội đồng họp (%s)." % f"{not_before:%d/%m/%Y}")
    return day


def _write_ledger(*, actor, nominations: list[Nomination], decision: Decision, dossier: Dossier,
                  money: dict[int, int | None], issuer=None, by_signature: bool = False) -> None:
    award_round = dossier.round
    source = f"Quyết định số {decision.number} (hồ sơ đề nghị #{dossier.pk})"
    awards = award_services.record_awards(actor=actor, by_signature=by_signature, entries=[dict(
        subject=n.subject, award_type=n.award_type, year=award_round.year, issuer=issuer,
        issuer_name=decision.issuer_name, decision_number=decision.number, decision_date=decision.date,
        amount=money[n.pk], round_kind=award_round.kind, period_label=award_round.period_label, source=source)
        for n in nominations])
    for n, award in zip(nominations, awards):
        n.award, n.outcome = award, O.AWARDED
    Nomination.objects.bulk_update(nominations, ["award", "outcome"], batch_size=500)


def _place(commune) -> str:
    """"Xã Nam Thanh Miện" -> "Nam Thanh Miện"; "Thành phố Hải Phòng" -> "Hải Phòng"."""
    for prefix in ("Xã ", "Phường ", "Thành phố ", "Tỉnh "):
        if commune.name.startswith(prefix):
            return commune.name[len(prefix):]
    return commune.name


@transaction.atomic
def sign_decision(*, actor, dossier: Dossier, day: datetime.date | None = None, confirmed: bool = False,
                  seen: str | None = None) -> Decision:
    """The chairman (or a vice-chairman, "KT. Chủ tịch") signs the draft of the decision on what
    the council passed: the decision takes its number from the UBND's register (the number the
    draft carries, or the register's next), is frozen, every award enters the ledger, and the
    ``at_signing`` hooks make its document once (the documents app: DOCX and PDF).

    ``seen``: the fingerprint of the draft the signer previewed (``drafts.fingerprint``); a draft
    changed since refuses the signature. The checks registered in ``before_signing`` run first
    (the funds app: the year's reward fund must cover the money, or the signer confirms the
    overrun — ``confirmed``); a notice that needs confirmation refuses the signature
    (``ValidationError`` with code ``needs_confirmation``). The decision carries the notices in
    ``signing_notices``."""
    dossier = start(actor=actor, dossier=dossier, name="ky")
    commune = dossier.round.commune
    nominations = passed_for_signature(dossier)
    texts = drafts.texts_of(dossier)
    if seen is not None and seen != drafts.fingerprint(texts):
        raise ValidationError("Dự thảo đã được sửa sau khi bạn xem; hãy xem lại dự thảo trước khi ký.", code="stale_draft")
    day = _day(day, not_before=drafts.vote_day(dossier))
    money = amounts(nominations, year=dossier.round.year, day=day, params=current_parameters())
    notices = before_signing.notices(actor=actor, dossier=dossier, total=sum(v or 0 for v in money.values()),
                                     day=day, confirmed=confirmed)
    waiting = [n.message for n in notices if n.needs_confirmation]
    if waiting:
        raise ValidationError(" ".join(waiting), code="needs_confirmation")
    sequence = drafts.take_number(issuer=commune, year=day.year, series=DECISION_SERIES,
                                  given=texts["register_number"])
    number = drafts.format_number(sequence, DECISION_SERIES)
    capacity = signer_capacity(actor)
    signer_name = people.full_name(actor)
    body = render_to_string("proposals/decision_body.txt", {
        "commune": commune, "place": _place(commune), "number": number, "day": day, "texts": texts,
        "items": [(n, money[n.pk]) for n in nominations], "total": sum(v or 0 for v in money.values()),
        "capacity": capacity, "signer": signer_name,
    })
    decision = Decision.objects.create(
        kind=Decision.Kind.AWARD, issuer=commune, issuer_name=commune.issuer_name, year=day.year,
        sequence=sequence, number=number, date=day, signer=actor, signer_name=signer_name,
        signer_capacity=capacity, body=body)
    log_create(actor=actor, instance=decision, note=f"Ký quyết định khen thưởng ({capacity.splitlines()[0]})",
               anchor=True)  # the audit chain's head, kept with the signed decision (docs/security.md)
    _write_ledger(actor=actor, by_signature=True, nominations=nominations, decision=decision, dossier=dossier,
                  money=money, issuer=commune)
    move(actor=actor, dossier=dossier, name="ky", note=f"Quyết định số {number} ngày {day:%d/%m/%Y}",
         decision=decision)
    at_signing.run(decision=decision, dossier=dossier, texts=texts, money=money, nominations=nominations)
    flow_notices.decision_signed(decision=decision, dossier=dossier)
    transaction.on_commit(lambda: after_signing.run(decision=decision))
    decision.signing_notices = notices
    return decision


@transaction.atomic
def revoke_decision(*, actor, decision: Decision, reason: str, nominations: list[Nomination] | None = None,
                    day: datetime.date | None = None) -> Decision:
    """A later decision that refers to ``decision`` and revokes its awards (all, or those of
    ``nominations``). The original stays as it was signed."""
    if decision.kind != Decision.Kind.AWARD or decision.issuer is None:
        raise ValidationError("Chỉ thu hồi được quyết định khen thưởng do UBND xã hoặc thành phố ban hành.")
    require(is_signer(actor, decision.issuer), SIGNERS_ONLY)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("Phải ghi căn cứ, lý do thu hồi.")
    awarded = list(Nomination.objects.select_for_update(of=("self",)).filter(dossier__decision=decision, outcome=O.AWARDED,
                                                                             award__isnull=False)
                   .select_related("award", "award_type", "person", "organisation", "household"))
    if nominations is not None:
        wanted = {n.pk for n in nominations}
        awarded = [n for n in awarded if n.pk in wanted]
    if not awarded:
        raise ValidationError("Không còn khen thưởng nào của quyết định này để thu hồi.")
    day = _day(day, not_before=decision.date)
    sequence = next_number(issuer=decision.issuer, year=day.year, series=DECISION_SERIES)
    number = drafts.format_number(sequence, DECISION_SERIES)
    capacity = signer_capacity(actor)
    body = render_to_string("proposals/revocation_body.txt", {
        "commune": decision.issuer, "place": _place(decision.issuer), "number": number, "day": day,
        "original": decision, "items": awarded, "reason": reason, "capacity": capacity,
        "signer": people.full_name(actor),
    })
    revocation = Decision.objects.create(
        kind=Decision.Kind.REVOCATION, issuer=decision.issuer, issuer_name=decision.issuer_name, year=day.year,
        sequence=sequence, number=number, date=day, signer=actor, signer_name=people.full_name(actor),
        signer_capacity=capacity, revokes=decision, reason=reason, body=body)
    log_create(actor=actor, instance=revocation, note=f"Thu hồi khen thưởng của Quyết định số {decision.number}")
    with award_summaries.batched():
        for n in awarded:
            award_services.revoke_award(actor=actor, by_signature=True, award=n.award,
                                        reason=f"Quyết định số {number} ngày {day:%d/%m/%Y}: {reason}"[:255])
            n.outcome = O.REVOKED
            n.save(update_fields=["outcome"])
    at_revocation.run(actor=actor, decision=decision, revocation=revocation, nominations=awarded)
    return revocation


@transaction.atomic
def send_to_province(*, actor, dossier: Dossier, day: datetime.date | None = None) -> Dossier:
    """The chairman signs the submission (tờ trình) sending what the council passed upward."""
    dossier = start(actor=actor, dossier=dossier, name="trinh-tinh")
    commune = dossier.round.commune
    if not dossier.nominations.filter(outcome=O.PASSED).exists():
        raise ValidationError("Hội đồng không thông qua đề nghị nào; hãy kết thúc hồ sơ không khen thưởng.")
    day = _day(day, not_before=drafts.vote_day(dossier))
    number = drafts.format_number(next_number(issuer=commune, year=day.year, series=SUBMISSION_SERIES),
                                  SUBMISSION_SERIES)
    return move(actor=actor, dossier=dossier, name="trinh-tinh", note=f"Tờ trình số {number} ngày {day:%d/%m/%Y}",
                submission_number=number, submission_date=day)


@transaction.atomic
def record_province_decision(*, actor, dossier: Dossier, number: str, day: datetime.date, issuer_name: str,
                             approved: list[Nomination] | None = None) -> Decision:
    """The office records the province's decision on a dossier sent upward; the awards it
    grants (all the council passed, or ``approved``) enter the ledger."""
    dossier = start(actor=actor, dossier=dossier, name="ket-qua-tinh")  # not once the province app received it
    number, issuer_name = nfc(number), nfc(issuer_name)
    if not number or not issuer_name:
        raise ValidationError("Phải ghi số quyết định và cơ quan ban hành.")
    day = _day(day, not_before=dossier.submission_date)
    if Decision.objects.filter(kind=Decision.Kind.PROVINCE, number=number, issuer_name=issuer_name).exists():
        raise ValidationError("Quyết định số %s của %s đã được ghi nhận." % (number, issuer_name))
    passed = list(dossier.nominations.filter(outcome=O.PASSED).select_related(
        "award_type", "person", "organisation", "household"))
    granted = passed if approved is None else [n for n in passed if n.pk in {a.pk for a in approved}]
    if not granted:
        raise ValidationError("Hãy chọn ít nhất một đề nghị được cấp tỉnh khen thưởng.")
    province = dossier.round.commune.parent
    body = "\n".join([f"{issuer_name} — Quyết định số {number} ngày {day:%d/%m/%Y}", "Khen thưởng:",
                      *(f"- {n.subject}: {n.award_type.name}" for n in granted)])
    decision = Decision.objects.create(
        kind=Decision.Kind.PROVINCE, issuer=province, issuer_name=issuer_name, year=day.year, number=number,
        date=day, recorded_by=actor, body=body)
    log_create(actor=actor, instance=decision, note="Ghi nhận quyết định khen thưởng của cấp tỉnh")
    money = amounts(granted, year=dossier.round.year, day=day, params=current_parameters())
    _write_ledger(actor=actor, nominations=granted, decision=decision, dossier=dossier, money=money,
                  issuer=province)
    Nomination.objects.filter(pk__in=[n.pk for n in passed if n not in granted]).update(outcome=O.DECLINED)
    move(actor=actor, dossier=dossier, name="ket-qua-tinh", note=f"Quyết định số {number} của {issuer_name}",
         decision=decision)
    flow_notices.decision_signed(decision=decision, dossier=dossier, recorded_by=actor)
    return decision
