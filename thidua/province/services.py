"""The province's side of a commune's upward dossier (keyword-only, atomic, audited).

- ``receive``: the province's office takes a dossier the commune's chairman sent upward into a
  dossier of the province's own round, with its nominations and its documents; from there the
  proposals process runs at the province (check, return, publicity, council, signature), the
  city being the issuing body.
- ``settle_on_signature`` (``proposals.checks.at_signing``): when the city's chairman signs, the
  commune's dossier is decided by that decision, its nominations awarded or declined, and the
  commune's officers and the unit's clerks are told. The awards entered the ledger once, by the
  signature (``proposals.services.sign_decision``): nobody types them again.
- ``cast_council_paper``: the one place this app (its tests, its walk) casts a council ballot paper.
"""
from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import NotificationKind, Role, User
from thidua.accounts.notifications import notify
from thidua.awards.engine import current_parameters
from thidua.core.audit import log_batch, log_create, log_transition
from thidua.core.services import create_record
from thidua.org.models import Organisation
from thidua.proposals import services as proposal_services
from thidua.proposals.access import acts_for, is_office, require
from thidua.proposals.models import Attachment, AwardRound, Dossier, Nomination
from thidua.proposals.services.drafts import count_subjects
from thidua.rules import codes

from .models import UpwardCase

S = Dossier.State
O = Nomination.Outcome
PROVINCE_ONLY = "Chỉ cán bộ Ban Thi đua – Khen thưởng thành phố được tiếp nhận hồ sơ các xã trình lên."
NATIONAL = {codes.Authority.THU_TUONG.value, codes.Authority.CHU_TICH_NUOC.value}


def province_above(organisation: Organisation) -> Organisation | None:
    """The province (city) a commune belongs to."""
    for ancestor in reversed(organisation.ancestors()):
        if ancestor.kind == Organisation.Kind.CITY:
            return ancestor
    return None


def province_round(*, actor, province: Organisation, commune_round: AwardRound) -> AwardRound:
    """The province's round that receives the communes' dossiers of ``commune_round``'s year
    and kind (one round, whichever commune sends first)."""
    found = (AwardRound.objects.filter(commune=province, year=commune_round.year, kind=commune_round.kind,
                                       period_label=commune_round.period_label).order_by("pk").first())
    if found is not None:
        return found
    when = f"năm học {commune_round.period_label}" if commune_round.period_label else f"năm {commune_round.year}"
    kind = codes.RoundKind(commune_round.kind).label
    return create_record(
        actor=actor, model=AwardRound, commune=province,
        name=f"Xét khen thưởng cấp thành phố {when} ({kind[:1].lower()}{kind[1:]})", kind=commune_round.kind,
        year=commune_round.year, period_label=commune_round.period_label,
        deadline=datetime.date(commune_round.year + 1, 12, 31),
        publicity_days=current_parameters(cite_province=False).publicity_days)


def _copy_attachment(attachment: Attachment, *, to: Dossier) -> Attachment:
    copy = Attachment(dossier=to, description=attachment.description, original_name=attachment.original_name,
                      content_type=attachment.content_type, size=attachment.size, sha256=attachment.sha256,
                      uploaded_by=attachment.uploaded_by)
    with attachment.file.open("rb") as handle:
        copy.file.save(attachment.original_name, File(handle), save=False)
    copy.save()
    return copy


@transaction.atomic
def receive(*, actor, dossier: Dossier) -> UpwardCase:
    """The province's office receives a commune's upward dossier: the nominations its council
    passed and its documents enter a dossier of the province's round, waiting for the check."""
    dossier = (Dossier.objects.select_for_update(of=("self",)).select_related("round__commune", "unit")
               .get(pk=dossier.pk))
    commune = dossier.round.commune
    province = province_above(commune)
    require(province is not None and is_office(actor) and acts_for(actor, province), PROVINCE_ONLY)
    if dossier.state != S.SENT_TO_PROVINCE:
        raise ValidationError("Hồ sơ chưa được Chủ tịch UBND xã ký tờ trình gửi thành phố.")
    if UpwardCase.objects.filter(commune_dossier=dossier).exists():
        raise ValidationError("Hồ sơ này đã được tiếp nhận.")
    passed = list(dossier.nominations.filter(outcome=O.PASSED).order_by("pk"))
    if not passed:
        raise ValidationError("Hồ sơ không có đề nghị nào được Hội đồng của xã thông qua.")
    award_round = province_round(actor=actor, province=province, commune_round=dossier.round)
    submitted = (f"Tờ trình số {dossier.submission_number} ngày {dossier.submission_date:%d/%m/%Y} của "
                 f"{commune.issuer_name}" if dossier.submission_date else f"Tờ trình của {commune.issuer_name}")
    minutes = "\n".join(x for x in [
        f"{submitted}: Hội đồng Thi đua – Khen thưởng xã đã bỏ phiếu thông qua {len(passed)} đề nghị.",
        dossier.unit_minutes.strip()] if x)
    copy = Dossier.objects.create(round=award_round, unit=commune, state=S.SUBMITTED, unit_minutes=minutes,
                                  submitted_at=timezone.now(), submission_number=dossier.submission_number,
                                  submission_date=dossier.submission_date, created_by=actor)
    log_create(actor=actor, instance=copy, note=f"Tiếp nhận hồ sơ của {commune.name} ({submitted})")
    nominations = [Nomination.objects.create(
        dossier=copy, award_type_id=n.award_type_id, authority=n.authority, report=n.report,
        person_id=n.person_id, organisation_id=n.organisation_id, household_id=n.household_id) for n in passed]
    log_batch(actor=actor, model=Nomination, objects=nominations, note="Các đề nghị Hội đồng của xã đã thông qua")
    for attachment in dossier.attachments.all():
        log_create(actor=actor, instance=_copy_attachment(attachment, to=copy), note="Tệp của hồ sơ xã gửi lên")
    case = UpwardCase.objects.create(commune_dossier=dossier, province_dossier=copy, province=province,
                                     received_by=actor,
                                     for_ministry=any(n.authority in NATIONAL for n in passed))
    log_create(actor=actor, instance=case, note="Tiếp nhận hồ sơ xã trình thành phố"
               + ("; trình Thủ tướng Chính phủ, Chủ tịch nước: lập bộ hồ sơ gửi Bộ" if case.for_ministry else ""))
    return case


def _subject_key(n: Nomination) -> tuple:
    return n.person_id, n.organisation_id, n.household_id, n.award_type_id


def commune_recipients(dossier: Dossier) -> list[User]:
    """Who at the commune is told of the province's result: its officers and the unit's clerks."""
    officers = list(User.objects.filter(unit=dossier.round.commune, role=Role.OFFICER, is_active=True))
    clerks = list(User.objects.filter(unit=dossier.unit, role=Role.CLERK, is_active=True))
    return officers + [c for c in clerks if c not in officers]


def settle_on_signature(*, decision, dossier: Dossier, nominations=(), **_ignored) -> None:
    """``at_signing`` hook, inside the city chairman's signing transaction: the commune's
    dossier takes the city's decision; its nominations are awarded (those the city awarded) or
    declined; the commune is told."""
    case = UpwardCase.objects.select_for_update().filter(province_dossier_id=dossier.pk).first()
    if case is None:
        return
    commune_dossier = (Dossier.objects.select_for_update(of=("self",)).select_related("round__commune", "unit")
                       .get(pk=case.commune_dossier_id))
    awarded = {_subject_key(n) for n in nominations}
    for n in commune_dossier.nominations.filter(outcome=O.PASSED):
        n.outcome = O.AWARDED if _subject_key(n) in awarded else O.DECLINED
        n.save(update_fields=["outcome"])
    before = commune_dossier.state
    commune_dossier.state, commune_dossier.decision = S.DECIDED, decision
    commune_dossier.save(update_fields=["state", "decision"])
    note = f"Quyết định số {decision.number} ngày {decision.date:%d/%m/%Y} của Chủ tịch {decision.issuer_name}"
    log_transition(actor=decision.signer, instance=commune_dossier, from_state=before, to_state=S.DECIDED, note=note)
    case.settled_at = timezone.now()
    case.save(update_fields=["settled_at"])
    notify(users=commune_recipients(commune_dossier), kind=NotificationKind.DECISION_SIGNED,
           title="Thành phố đã khen thưởng: Quyết định số %s" % decision.number,
           body=("%(signer)s, Chủ tịch %(issuer)s, đã ký Quyết định số %(number)s ngày %(day)s khen thưởng "
                 "%(count)s theo hồ sơ đề nghị của %(commune)s (%(round)s). Các khen thưởng đã "
                 "vào sổ khen thưởng của xã." % {
                     "signer": decision.signer_name, "issuer": decision.issuer_name, "number": decision.number,
                     "day": f"{decision.date:%d/%m/%Y}", "count": count_subjects(nominations),
                     "commune": commune_dossier.round.commune.name, "round": commune_dossier.round.name}),
           url=reverse("proposals:decision", args=[decision.pk]))


def settle_on_rejection(*, actor, dossier: Dossier, reason: str, **_ignored) -> None:
    """``at_rejection`` hook: the province ends its dossier without award (its office while
    checking, its chairman after the vote) — the commune's dossier ends so too, its
    nominations declined, and the commune is told why."""
    case = UpwardCase.objects.select_for_update().filter(province_dossier_id=dossier.pk).first()
    if case is None:
        return
    commune_dossier = (Dossier.objects.select_for_update(of=("self",)).select_related("round__commune", "unit")
                       .get(pk=case.commune_dossier_id))
    commune_dossier.nominations.filter(outcome=O.PASSED).update(outcome=O.DECLINED)
    before = commune_dossier.state
    commune_dossier.state = S.REJECTED
    commune_dossier.save(update_fields=["state"])
    log_transition(actor=actor, instance=commune_dossier, from_state=before, to_state=S.REJECTED,
                   note=f"{case.province.name} không khen thưởng: {reason}")
    case.settled_at = timezone.now()
    case.save(update_fields=["settled_at"])
    notify(users=commune_recipients(commune_dossier), kind=NotificationKind.GENERAL,
           title="Thành phố không khen thưởng — hồ sơ của %s" % commune_dossier.unit.name,
           body=("%(province)s kết thúc hồ sơ đề nghị của %(commune)s (%(round)s), không khen thưởng.\nLý do: %(reason)s"
                 % {"province": case.province.name, "commune": commune_dossier.round.commune.name,
                    "round": commune_dossier.round.name, "reason": reason}),
           url=reverse("proposals:dossier", args=[commune_dossier.pk]))


def cast_council_paper(*, actor, meeting, choices: dict) -> str:
    """A member's one secret ballot paper at the province's council (``choices``: nomination
    id → "yes"/"no" for every nominee on her paper) — the one call of the council's voting
    service in this app. Returns the paper's receipt code."""
    return proposal_services.cast_paper(actor=actor, meeting=meeting, choices=choices)
