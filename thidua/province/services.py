"""The province's side of a commune's upward dossier (keyword-only, atomic, audited).

- ``receive``: the province's office takes a dossier the commune's chairman sent upward into a
  dossier of the province's own round, with its nominations and its documents; from there the
  proposals process runs at the province (check, return, publicity, council, signature), the
  city being the issuing body.
- ``settle_on_signature`` (``proposals.checks.at_signing``): when the city's chairman signs, the
  commune's dossier is decided by that decision, its nominations awarded or declined, and the
  commune's officers and the unit's clerks are told. The awards entered the ledger once, by the
  signature (``proposals.services.sign_decision``): nobody types them again.
- ``receive_cluster``: the office receives a cluster's proposal (the leader commune's chairman
  signed its tờ trình, ``clusters.services.send_to_city``) into a dossier of the city's round:
  the leader commune proposes, each member commune is nominated as a collective (Cờ thi đua of
  the city for the leading one, the chairman's Bằng khen for the next ones), the tờ trình is its
  first document. The same process follows; on signature the communes' awards are in the ledger.
- ``settle_on_revocation`` (``proposals.checks.at_revocation``): a city decision revoked marks
  the commune's nominations revoked and tells the communes (or the cluster) concerned.
- ``guard_returned_copy`` (``proposals.checks.before_adding``): a city copy the city returned
  takes corrections, never a nominee the commune's council (or the cluster) did not propose.
- ``cast_council_paper``: the one place this app (its tests, its walk) casts a council ballot paper.
"""
from __future__ import annotations

import datetime
import hashlib

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import NotificationKind, Role, User
from thidua.accounts.notifications import notify
from thidua.awards.engine import current_parameters
from thidua.awards.models import AwardType
from thidua.clusters.models import ClusterProposal, ClusterYear
from thidua.core.audit import log_batch, log_create, log_event, log_transition
from thidua.core.models import AuditEntry
from thidua.core.services import create_record
from thidua.org.models import Organisation
from thidua.proposals import services as proposal_services
from thidua.proposals.access import acts_for, is_office, require
from thidua.proposals.models import Attachment, AwardRound, Dossier, Nomination
from thidua.proposals.services.drafts import count_subjects
from thidua.rules import codes

from .models import UpwardCase
from .selectors import CHANGES_NOTE, changes_since_return

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


def province_round(*, actor, province: Organisation, commune_round: AwardRound | None = None, year: int | None = None,
                   kind: str = codes.RoundKind.YEAR_END.value, period_label: str = "") -> AwardRound:
    """The province's round that receives the communes' dossiers of ``commune_round``'s year
    and kind (one round, whichever commune sends first); a cluster's proposal goes to the
    year-end round of its ``year``."""
    if commune_round is not None:
        year, kind, period_label = commune_round.year, commune_round.kind, commune_round.period_label
    found = (AwardRound.objects.filter(commune=province, year=year, kind=kind,
                                       period_label=period_label).order_by("pk").first())
    if found is not None:
        return found
    when = f"năm học {period_label}" if period_label else f"năm {year}"
    label = codes.RoundKind(kind).label
    return create_record(
        actor=actor, model=AwardRound, commune=province,
        name=f"Xét khen thưởng cấp thành phố {when} ({label[:1].lower()}{label[1:]})", kind=kind,
        year=year, period_label=period_label, deadline=datetime.date(year + 1, 12, 31),
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


CLUSTER_AWARDS = {ClusterProposal.Award.FLAG: codes.Title.CO_THI_DUA_TINH.value,
                  ClusterProposal.Award.MERIT: codes.RewardForm.BANG_KHEN_TINH.value}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@transaction.atomic
def receive_cluster(*, actor, cluster_year: ClusterYear) -> UpwardCase:
    """The city's office receives the cluster's proposal its leader commune's chairman sent: a
    dossier of the city's year-end round, proposed by the leader commune, one collective
    nomination per commune the cluster proposed, the cluster's tờ trình as its first document."""
    from thidua.clusters.documents import submission_docx

    cluster_year = (ClusterYear.objects.select_for_update(of=("self",))
                    .select_related("cluster__city", "leader", "block").get(pk=cluster_year.pk))
    province = cluster_year.cluster.city
    require(is_office(actor) and acts_for(actor, province), PROVINCE_ONLY)
    if cluster_year.sent_at is None:
        raise ValidationError("Cụm trưởng chưa ký tờ trình gửi thành phố.")
    if UpwardCase.objects.filter(cluster_year=cluster_year).exists():
        raise ValidationError("Đề nghị của cụm này đã được tiếp nhận.")
    proposals = list(cluster_year.proposals.select_related("commune").order_by("rank"))
    if not proposals:
        raise ValidationError("Cụm chưa đề nghị khen thưởng xã, phường nào.")
    award_round = province_round(actor=actor, province=province, year=cluster_year.year)
    leader, cluster = cluster_year.leader, cluster_year.cluster
    submitted = (f"Tờ trình số {cluster_year.submission_number} ngày {cluster_year.submission_date:%d/%m/%Y} của "
                 f"{leader.issuer_name}, cụm trưởng {cluster.name} năm {cluster_year.year}")
    members = cluster_year.block.members.count()
    minutes = (f"{submitted}: đề nghị khen thưởng {len(proposals)} xã, phường dẫn đầu {cluster.name} theo giao ước "
               f"thi đua và kết quả chấm điểm, xếp hạng năm {cluster_year.year} của {members} xã, phường trong cụm.")
    copy = Dossier.objects.create(round=award_round, unit=leader, state=S.SUBMITTED, unit_minutes=minutes,
                                  submitted_at=timezone.now(), submission_number=cluster_year.submission_number,
                                  submission_date=cluster_year.submission_date, created_by=actor)
    log_create(actor=actor, instance=copy, note=f"Tiếp nhận đề nghị của {cluster.name} năm {cluster_year.year} "
               f"({submitted})")
    types = {t.code: t for t in AwardType.objects.filter(code__in=CLUSTER_AWARDS.values())}
    params = current_parameters()
    nominations = []
    for p in proposals:
        award_type = types.get(CLUSTER_AWARDS[p.award])
        if award_type is None:
            raise ValidationError("Danh mục khen thưởng chưa có “%s”." % p.get_award_display())
        nominations.append(Nomination.objects.create(
            dossier=copy, award_type=award_type, authority=params.authority_for(award_type.code).value,
            organisation=p.commune,
            report=(f"Kết quả thi đua năm {cluster_year.year} trong {cluster.name} ({members} xã, phường): "
                    f"xếp hạng {p.rank}, tổng {p.total} điểm theo bộ tiêu chí của cụm (chấm điểm có minh chứng, "
                    f"kết quả đã khóa). Cụm đề nghị: {p.get_award_display()}.")))
    log_batch(actor=actor, model=Nomination, objects=nominations, note=f"Các đề nghị của {cluster.name}")
    content = submission_docx(cluster_year)
    attachment = Attachment(dossier=copy, description=f"Tờ trình của {leader.issuer_name}, cụm trưởng",
                            original_name=f"to-trinh-{cluster.name}-{cluster_year.year}.docx", content_type=DOCX,
                            size=len(content), sha256=hashlib.sha256(content).hexdigest(),
                            uploaded_by=cluster_year.sent_by)
    attachment.file.save(attachment.original_name, ContentFile(content), save=False)
    attachment.save()
    log_create(actor=actor, instance=attachment, note="Tờ trình của cụm thi đua")
    case = UpwardCase.objects.create(cluster_year=cluster_year, province_dossier=copy, province=province,
                                     received_by=actor)
    log_create(actor=actor, instance=case, note=f"Tiếp nhận đề nghị của {cluster.name} năm {cluster_year.year}")
    return case


def cluster_recipients(cluster_year: ClusterYear, communes=()) -> list[User]:
    """Who hears the city's result on a cluster's proposal: the leader commune's officers and
    chairmen, and the officers of the communes concerned."""
    leader = list(User.objects.filter(unit=cluster_year.leader, role__in=(Role.OFFICER, Role.CHAIRMAN),
                                      is_active=True))
    others = list(User.objects.filter(unit__in=[c.pk for c in communes], role=Role.OFFICER, is_active=True)
                  .exclude(unit=cluster_year.leader))
    return leader + others


def _subject_key(n: Nomination) -> tuple:
    return n.person_id, n.organisation_id, n.household_id, n.award_type_id


def _proposed(city_copy: Dossier) -> set[tuple]:
    """The subjects still proposed on the city's copy: a nominee the commune withdrew from the
    copy the city returned ends "withdrawn" on the commune's dossier, not "declined" by the city."""
    return {_subject_key(n) for n in city_copy.nominations.all()}


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
    if case.cluster_year_id:
        return _settle_cluster(case=case, decision=decision, nominations=nominations)
    commune_dossier = (Dossier.objects.select_for_update(of=("self",)).select_related("round__commune", "unit")
                       .get(pk=case.commune_dossier_id))
    awarded = {_subject_key(n) for n in nominations}
    still_proposed = _proposed(dossier)
    for n in commune_dossier.nominations.filter(outcome=O.PASSED):
        n.outcome = (O.AWARDED if _subject_key(n) in awarded
                     else O.DECLINED if _subject_key(n) in still_proposed else O.WITHDRAWN)
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


def _settle_cluster(*, case: UpwardCase, decision, nominations) -> None:
    """The city signed on a cluster's proposal: the awards are in the communes' ledgers (the
    signature wrote them); the leader commune and the communes awarded are told."""
    cy = ClusterYear.objects.select_related("cluster", "leader").get(pk=case.cluster_year_id)
    case.settled_at = timezone.now()
    case.save(update_fields=["settled_at"])
    awarded = [n for n in nominations if n.organisation_id]
    names = "; ".join(f"{n.organisation.name}: {n.award_type.name}" for n in awarded)
    notify(users=cluster_recipients(cy, [n.organisation for n in awarded]), kind=NotificationKind.DECISION_SIGNED,
           title="Thành phố đã khen thưởng theo đề nghị của %s: Quyết định số %s" % (cy.cluster.name, decision.number),
           body=("%(signer)s, Chủ tịch %(issuer)s, đã ký Quyết định số %(number)s ngày %(day)s theo Tờ trình số "
                 "%(submission)s của %(leader)s, cụm trưởng %(cluster)s năm %(year)s. Khen thưởng: %(names)s. "
                 "Các khen thưởng đã vào sổ khen thưởng của xã, phường." % {
                     "signer": decision.signer_name, "issuer": decision.issuer_name, "number": decision.number,
                     "day": f"{decision.date:%d/%m/%Y}", "submission": cy.submission_number,
                     "leader": cy.leader.issuer_name, "cluster": cy.cluster.name, "year": cy.year, "names": names}),
           url=reverse("proposals:decision", args=[decision.pk]))


def settle_on_rejection(*, actor, dossier: Dossier, reason: str, **_ignored) -> None:
    """``at_rejection`` hook: the province ends its dossier without award (its office while
    checking, its chairman after the vote) — the commune's dossier ends so too, its
    nominations declined, and the commune is told why."""
    case = UpwardCase.objects.select_for_update().filter(province_dossier_id=dossier.pk).first()
    if case is None:
        return
    if case.cluster_year_id:
        cy = ClusterYear.objects.select_related("cluster", "leader").get(pk=case.cluster_year_id)
        case.settled_at = timezone.now()
        case.save(update_fields=["settled_at"])
        notify(users=cluster_recipients(cy), kind=NotificationKind.GENERAL,
               title="Thành phố không khen thưởng theo đề nghị của %s" % cy.cluster.name,
               body=("%(province)s kết thúc đề nghị của %(cluster)s năm %(year)s (Tờ trình số %(number)s), "
                     "không khen thưởng.\nLý do: %(reason)s" % {
                         "province": case.province.name, "cluster": cy.cluster.name, "year": cy.year,
                         "number": cy.submission_number, "reason": reason}),
               url=reverse("clusters:cluster", args=[cy.cluster_id]) + f"?nam={cy.year}")
        return
    commune_dossier = (Dossier.objects.select_for_update(of=("self",)).select_related("round__commune", "unit")
                       .get(pk=case.commune_dossier_id))
    still_proposed = _proposed(dossier)
    for n in commune_dossier.nominations.filter(outcome=O.PASSED):
        n.outcome = O.DECLINED if _subject_key(n) in still_proposed else O.WITHDRAWN
        n.save(update_fields=["outcome"])
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


def guard_returned_copy(*, actor, dossier: Dossier, **_ignored) -> None:
    """``before_adding`` hook: the city's dossier received from a commune (or a cluster) holds
    exactly what the commune's council passed and its chairman's tờ trình proposed (or what the
    cluster proposed). When the city returns it, the commune completes reports, minutes and
    files, and may withdraw a nominee — the city sees each change — but a nominee added here
    would reach the city's council without the commune's council and tờ trình: it is refused."""
    case = UpwardCase.objects.filter(province_dossier_id=dossier.pk).select_related(
        "commune_dossier__round__commune", "cluster_year__cluster", "cluster_year__leader").first()
    if case is None:
        return
    if case.cluster_year_id:
        where = ("Đề nghị thêm xã, phường phải do cụm trưởng lập và ký tờ trình mới, theo kết quả chấm điểm "
                 "của cụm.")
    else:
        where = ("Đề nghị thêm cá nhân, tập thể phải được Hội đồng Thi đua – Khen thưởng xã xét, bỏ phiếu và "
                 "Chủ tịch UBND xã ký tờ trình mới (một hồ sơ mới).")
    raise ValidationError(
        "Hồ sơ này là bản %(province)s đã tiếp nhận theo tờ trình của %(source)s: chỉ được bổ sung, sửa báo cáo "
        "thành tích, biên bản và tài liệu của các đề nghị đã trình, hoặc rút đề nghị; không thêm đề nghị mới. %(where)s"
        % {"province": case.province.name if case.province_id else "thành phố", "source": case.source_name,
           "where": where})


def record_changes(*, actor, dossier: Dossier, previous: str, **_ignored) -> None:
    """``at_submission`` hook: the city's copy comes back after a return — what the commune
    changed since (``selectors.changes_since_return``) is written once on the dossier's audit
    trail, where the city's page reads it."""
    if previous != S.RETURNED or not UpwardCase.objects.filter(province_dossier_id=dossier.pk).exists():
        return
    log_event(actor=actor, instance=dossier, action=AuditEntry.Action.UPDATE, note=CHANGES_NOTE,
              after={"changes": changes_since_return(dossier) or ["Không sửa gì, nộp lại như cũ"]})


def settle_on_revocation(*, actor, decision, revocation, nominations, **_ignored) -> None:
    """``at_revocation`` hook: the city revoked awards of its decision. On a commune's dossier,
    the commune's own nominations of those subjects are marked revoked (its dossier shows it)
    and its officers are told; on a cluster's proposal, the leader commune and the communes
    concerned are told (the cluster's page shows the outcome from the city's nominations). The
    ledger rows were revoked by the decision itself: the people's timelines show it."""
    by_dossier: dict[int, list[Nomination]] = {}
    for n in nominations:
        by_dossier.setdefault(n.dossier_id, []).append(n)
    cases = UpwardCase.objects.filter(province_dossier_id__in=list(by_dossier)).select_related(
        "province", "cluster_year__cluster", "cluster_year__leader")
    what = f"Quyết định số {revocation.number} ngày {revocation.date:%d/%m/%Y}"
    for case in cases:
        revoked = by_dossier[case.province_dossier_id]
        items = "; ".join(f"{n.subject}: {n.award_type.name}" for n in revoked)
        body = ("%(what)s của Chủ tịch %(issuer)s thu hồi khen thưởng tại Quyết định số %(number)s ngày %(day)s: "
                "%(items)s.\nLý do: %(reason)s\nSổ khen thưởng và lý lịch khen thưởng đã ghi “đã thu hồi”." % {
                    "what": what, "issuer": revocation.issuer_name, "number": decision.number,
                    "day": f"{decision.date:%d/%m/%Y}", "items": items, "reason": revocation.reason})
        title = "Thành phố thu hồi khen thưởng: Quyết định số %s" % revocation.number
        url = reverse("proposals:decision", args=[revocation.pk])
        if case.cluster_year_id:
            notify(users=cluster_recipients(case.cluster_year, [n.organisation for n in revoked if n.organisation_id]),
                   kind=NotificationKind.GENERAL, title=title, body=body, url=url)
            continue
        commune_dossier = (Dossier.objects.select_for_update(of=("self",)).select_related("round__commune", "unit")
                           .get(pk=case.commune_dossier_id))
        keys = {_subject_key(n) for n in revoked}
        theirs = [n for n in commune_dossier.nominations.filter(outcome=O.AWARDED) if _subject_key(n) in keys]
        for n in theirs:
            n.outcome = O.REVOKED
            n.save(update_fields=["outcome"])
            log_transition(actor=actor, instance=n, from_state=O.AWARDED, to_state=O.REVOKED,
                           note=f"Thành phố thu hồi khen thưởng ({what})")
        notify(users=commune_recipients(commune_dossier), kind=NotificationKind.GENERAL, title=title, body=body,
               url=url)


def cast_council_paper(*, actor, meeting, choices: dict) -> str:
    """A member's one secret ballot paper at the province's council (``choices``: nomination
    id → "yes"/"no" for every nominee on her paper) — the one call of the council's voting
    service in this app. Returns the paper's receipt code."""
    return proposal_services.cast_paper(actor=actor, meeting=meeting, choices=choices)
