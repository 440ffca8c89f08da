"""The council: terms and members, meetings with attendance and quorum, written opinions of
absent members, the secret electronic ballot and the count against the rules' thresholds.

Secrecy: ``cast_ballot`` writes a ``Participation`` (member X voted on nomination N — audited)
and a ``SealedBallot`` (the choice and the hash of a receipt code, encrypted with a key that is
not in the database — never audited). ``close_meeting`` opens the meeting's envelopes and writes
the ``Ballot`` rows in one shuffled batch in its own transaction, then counts them: neither a
column, nor the storage order, nor the writing transaction (PostgreSQL xmin, kept in dead row
versions too), nor the audit log ties a ballot to its voter. The receipt code is returned once
and never stored.
"""
from __future__ import annotations

import base64
import datetime
import hashlib
import random
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.accounts.scoping import can_see_organisation
from thidua.awards.engine import current_parameters
from thidua.core.audit import log_create, log_event, log_transition
from thidua.core.models import AuditEntry
from thidua.core.services import create_record
from thidua.org.models import Organisation
from thidua.rules.council import ballot_check, quorum_check

from .. import sealing
from ..access import can_process, can_run_meeting, is_office, require, seat
from ..models import (
    Attendance, Ballot, CouncilMember, CouncilTerm, Dossier, Meeting, Nomination, Participation, SealedBallot,
    WrittenOpinion,
)
from . import notices
from .dossiers import OFFICE_ONLY, _lock, _move, unanswered_objections

S = Dossier.State
RUN_ONLY = "Chỉ cán bộ thi đua – khen thưởng, Chủ tịch hoặc Ủy viên thư ký Hội đồng điều hành phiên họp."
_shuffle = random.SystemRandom().shuffle


# -- terms and members -----------------------------------------------------------------------

@transaction.atomic
def create_term(*, actor, commune: Organisation, name: str, start, end=None,
                written_opinions_count: bool = False) -> CouncilTerm:
    require(is_office(actor) and can_see_organisation(actor, commune), OFFICE_ONLY)
    return create_record(actor=actor, model=CouncilTerm, commune=commune, name=name, start=start, end=end,
                         written_opinions_count=written_opinions_count)


@transaction.atomic
def add_member(*, actor, term: CouncilTerm, user, role: str = CouncilMember.Role.MEMBER,
               position: str = "") -> CouncilMember:
    require(is_office(actor) and can_see_organisation(actor, term.commune), OFFICE_ONLY)
    if term.members.filter(user=user).exists():
        raise ValidationError("%s đã là thành viên Hội đồng nhiệm kỳ này." % user.get_full_name())
    if role == CouncilMember.Role.CHAIRMAN and term.members.filter(role=role).exists():
        raise ValidationError("Hội đồng đã có Chủ tịch.")
    if term.meetings.exclude(state=Meeting.State.PLANNED).exists():
        raise ValidationError("Hội đồng đã họp xét trong nhiệm kỳ; thay đổi thành viên bằng nhiệm kỳ mới.")
    return create_record(actor=actor, model=CouncilMember, term=term, user=user, role=role,
                         position=position or user.title)


def current_term(commune: Organisation, day=None) -> CouncilTerm | None:
    day = day or timezone.localdate()
    return (CouncilTerm.objects.filter(commune=commune, start__lte=day)
            .exclude(end__lt=day).order_by("-start").first())


# -- meetings --------------------------------------------------------------------------------

def _lock_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update(of=("self",)).select_related("term__commune").get(pk=meeting.pk)


def _run(actor, meeting: Meeting) -> Meeting:
    meeting = _lock_meeting(meeting)
    require(can_run_meeting(actor, meeting.term), RUN_ONLY)
    return meeting


@transaction.atomic
def schedule_meeting(*, actor, term: CouncilTerm, held_on, location: str = "") -> Meeting:
    require(can_run_meeting(actor, term), RUN_ONLY)
    if not term.members.exists():
        raise ValidationError("Nhiệm kỳ Hội đồng chưa có thành viên.")
    return create_record(actor=actor, model=Meeting, term=term, held_on=held_on, location=location)


def meeting_date_refusal(dossier: Dossier, meeting: Meeting) -> str | None:
    """Why ``meeting`` cannot take ``dossier``: a meeting dated before the public comment
    period of the dossier ends (its last day included) would decide before the people had
    their say. None when the date is fine."""
    if dossier.published_until is not None and meeting.held_on <= dossier.published_until:
        return ("Phiên họp ngày %s trước khi hết thời gian lấy ý kiến nhân dân về hồ sơ của %s (đến hết ngày %s); "
                "hãy chọn phiên họp từ ngày %s trở đi." % (
                    f"{meeting.held_on:%d/%m/%Y}", dossier.unit.name, f"{dossier.published_until:%d/%m/%Y}",
                    f"{dossier.published_until + datetime.timedelta(days=1):%d/%m/%Y}"))
    return None


@transaction.atomic
def put_on_agenda(*, actor, dossier: Dossier, meeting: Meeting) -> Dossier:
    """Send a published dossier to a council meeting, once its publicity period is over."""
    dossier = _lock(dossier)
    require(can_process(actor, dossier), OFFICE_ONLY)
    meeting = _lock_meeting(meeting)
    if dossier.state == S.PUBLISHED and not dossier.publicity_ended():
        raise ValidationError("Chưa hết thời gian công khai (đến hết ngày %s); chưa trình Hội đồng được."
                              % f"{dossier.published_until:%d/%m/%Y}")
    if meeting.state != Meeting.State.PLANNED:
        raise ValidationError("Chỉ bổ sung hồ sơ vào phiên họp chưa khai mạc.")
    if meeting.term.commune_id != dossier.round.commune_id:
        raise ValidationError("Phiên họp không thuộc Hội đồng của xã xét đợt khen thưởng này.")
    refusal = meeting_date_refusal(dossier, meeting)
    if refusal:
        raise ValidationError(refusal)
    return _move(actor=actor, dossier=dossier, to=S.AT_COUNCIL, allowed_from=(S.PUBLISHED,),
                 verb="trình Hội đồng", note=str(meeting), meeting=meeting)


@transaction.atomic
def record_attendance(*, actor, meeting: Meeting, present: set[int]) -> Meeting:
    """Attendance before the meeting opens: ``present`` holds the ids of the members present."""
    meeting = _run(actor, meeting)
    if meeting.state != Meeting.State.PLANNED:
        raise ValidationError("Chỉ điểm danh được trước khi khai mạc phiên họp.")
    members = list(meeting.term.members.select_related("user__person"))
    Attendance.objects.filter(meeting=meeting).delete()
    Attendance.objects.bulk_create([Attendance(meeting=meeting, member=m, present=m.pk in present) for m in members])
    log_event(actor=actor, instance=meeting, action=AuditEntry.Action.UPDATE, note="Điểm danh",
              after={"có mặt": [m.name for m in members if m.pk in present],
                     "vắng mặt": [m.name for m in members if m.pk not in present]})
    return meeting


@transaction.atomic
def add_written_opinion(*, actor, meeting: Meeting, member: CouncilMember, nomination: Nomination,
                        agrees: bool, text: str = "") -> WrittenOpinion:
    """The secretary records an absent member's written (signed, not secret) opinion."""
    meeting = _run(actor, meeting)
    if meeting.state == Meeting.State.CLOSED:
        raise ValidationError("Phiên họp đã kết thúc.")
    if member.term_id != meeting.term_id:
        raise ValidationError("Người này không phải thành viên Hội đồng nhiệm kỳ này.")
    if Attendance.objects.filter(meeting=meeting, member=member, present=True).exists():
        raise ValidationError("Thành viên có mặt thì bỏ phiếu kín, không gửi ý kiến bằng văn bản.")
    if nomination.dossier.meeting_id != meeting.pk:
        raise ValidationError("Đề nghị không có trong chương trình phiên họp.")
    if WrittenOpinion.objects.filter(member=member, nomination=nomination).exists():
        raise ValidationError("Đã ghi ý kiến của thành viên này về đề nghị này.")
    return create_record(actor=actor, model=WrittenOpinion, meeting=meeting, member=member,
                         nomination=nomination, agrees=agrees, text=text.strip())


@transaction.atomic
def open_meeting(*, actor, meeting: Meeting) -> Meeting:
    """Open the meeting and the vote, if enough members are present (quorum of an award session)."""
    meeting = _run(actor, meeting)
    if meeting.state != Meeting.State.PLANNED:
        raise ValidationError("Phiên họp đã khai mạc hoặc đã kết thúc.")
    if not meeting.dossiers.filter(state=S.AT_COUNCIL).exists():
        raise ValidationError("Chưa có hồ sơ nào trong chương trình phiên họp.")
    members = meeting.term.members.count()
    attendance = list(meeting.attendance.all())
    if len(attendance) != members:
        raise ValidationError("Chưa điểm danh thành viên Hội đồng.")
    check = quorum_check(sum(a.present for a in attendance), members, award_session=True,
                         params=current_parameters(meeting.term.commune))
    if not check.passed:
        raise ValidationError("Không đủ số thành viên để họp xét khen thưởng: %(rule)s (%(detail)s; %(article)s)."
                              % {"rule": check.rule, "detail": check.detail, "article": check.article})
    meeting.state, meeting.opened_at = Meeting.State.OPEN, timezone.now()
    meeting.save(update_fields=["state", "opened_at"])
    log_transition(actor=actor, instance=meeting, from_state=Meeting.State.PLANNED, to_state=meeting.state,
                   note=check.detail)
    notices.ballot_open(meeting=meeting)
    return meeting


# -- the secret ballot -----------------------------------------------------------------------

def recused_member_ids(nomination: Nomination, members) -> set[int]:
    """Members who are the nominee, or of the nominee's household (or of the nominated household)."""
    households = set()
    if nomination.household_id:
        households.add(nomination.household_id)
    if nomination.person_id and nomination.person.household_id:
        households.add(nomination.person.household_id)
    recused = set()
    for m in members:
        person = m.user.person
        if person is None:
            continue
        if person.pk == nomination.person_id or (person.household_id and person.household_id in households):
            recused.add(m.pk)
    return recused


def _receipt_hash(code: str) -> str:
    normalised = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    return hashlib.sha256(normalised.encode()).hexdigest()


def _new_receipt() -> str:
    raw = base64.b32encode(secrets.token_bytes(10)).decode()  # 16 characters, 80 bits
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def voting_refusal(nomination: Nomination, *, open_objections: int | None = None) -> str | None:
    """Why nobody may vote on the nomination now (None when the vote is open).
    ``open_objections``: the count of unanswered objections, when the caller has it."""
    dossier = nomination.dossier
    meeting = dossier.meeting
    if dossier.state != S.AT_COUNCIL or meeting is None or meeting.state != Meeting.State.OPEN:
        return "Phiên bỏ phiếu chưa mở hoặc đã kết thúc."
    if not nomination.goes_to_council or nomination.outcome != Nomination.Outcome.PENDING:
        return "Đề nghị này không được đưa ra bỏ phiếu."
    pending = unanswered_objections(nomination).count() if open_objections is None else open_objections
    if pending:
        return ("Chưa bỏ phiếu được: còn %d ý kiến của nhân dân về danh sách công khai chưa được trả lời. "
                "Cán bộ thi đua – khen thưởng phải trả lời trước khi Hội đồng bỏ phiếu." % pending)
    return None


@transaction.atomic
def cast_ballot(*, actor, nomination: Nomination, choice: str) -> str:
    """Vote once, secretly, on a nomination; returns the receipt code (shown once).
    The meeting row is locked first (the order close_meeting takes too): a close waits for a
    ballot being written and counts it; a ballot arriving after the close is refused."""
    meeting_id = Nomination.objects.filter(pk=nomination.pk).values_list("dossier__meeting_id", flat=True).first()
    if meeting_id is not None:
        list(Meeting.objects.select_for_update().filter(pk=meeting_id).values_list("pk", flat=True))
    nomination = (Nomination.objects.select_for_update(of=("self",))
                  .select_related("dossier__meeting__term", "person").get(pk=nomination.pk))
    refusal = voting_refusal(nomination)
    if refusal:
        raise ValidationError(refusal)
    meeting = nomination.dossier.meeting
    member = seat(actor, meeting.term)
    require(member is not None, "Bạn không phải thành viên Hội đồng nhiệm kỳ này.")
    if not Attendance.objects.filter(meeting=meeting, member=member, present=True).exists():
        raise ValidationError("Bạn vắng mặt ở phiên họp này; thành viên vắng mặt gửi ý kiến bằng văn bản.")
    if member.pk in recused_member_ids(nomination, [member]):
        raise ValidationError("Bạn không bỏ phiếu đề nghị này vì là người được đề nghị hoặc cùng hộ gia đình.")
    if choice not in Ballot.Choice.values:
        raise ValidationError("Phiếu không hợp lệ: hãy chọn Đồng ý hoặc Không đồng ý.")
    if Participation.objects.filter(nomination=nomination, member=member).exists():
        raise ValidationError("Bạn đã bỏ phiếu đề nghị này; mỗi thành viên chỉ bỏ một phiếu.")
    participation = Participation.objects.create(nomination=nomination, member=member)
    log_create(actor=actor, instance=participation, note="Đã bỏ phiếu kín (nội dung phiếu không ghi nhật ký)")
    receipt = _new_receipt()
    _seal(meeting=meeting, nomination=nomination, choice=choice, receipt_hash=_receipt_hash(receipt))
    return receipt


def _seal(*, meeting: Meeting, nomination: Nomination, choice: str, receipt_hash: str) -> None:
    """Put the ballot in its envelope (written in the voter's transaction: nothing readable)."""
    SealedBallot.objects.create(meeting=meeting, envelope=sealing.seal(
        meeting_id=meeting.pk, nomination_id=nomination.pk, choice=choice, receipt_hash=receipt_hash))


def _open_ballot_box(meeting: Meeting) -> int:
    """At the close (the meeting row locked): open every envelope of the meeting and write the
    ballots in one shuffled batch — in the close's transaction, never a voter's. Refuses (and
    changes nothing) if an envelope does not open, rather than count without a ballot."""
    envelopes = list(SealedBallot.objects.filter(meeting=meeting))
    ballots = []
    for envelope in envelopes:
        try:
            content = sealing.open_envelope(meeting_id=meeting.pk, envelope=envelope.envelope)
        except ValueError:
            raise ValidationError(
                "Không mở được phiếu bầu niêm phong: khóa bí mật của máy chủ (DJANGO_SECRET_KEY) đã đổi trong lúc "
                "bỏ phiếu. Quản trị viên đặt lại khóa cũ (hoặc thêm vào SECRET_KEY_FALLBACKS) rồi kết thúc phiên họp."
            ) from None
        ballots.append(Ballot(nomination_id=content["n"], choice=content["c"], receipt_hash=content["r"]))
    _shuffle(ballots)
    SealedBallot.objects.filter(pk__in=[e.pk for e in envelopes]).delete()
    Ballot.objects.bulk_create(ballots)
    return len(ballots)


def find_ballot(code: str) -> Ballot | None:
    """The ballot a receipt code belongs to (for the voter to check it was counted). While the
    vote is open the ballot is still in its envelope: an unsaved ``Ballot`` is returned."""
    digest = _receipt_hash(code)
    ballot = Ballot.objects.select_related("nomination__dossier__meeting", "nomination__award_type").filter(
        receipt_hash=digest).first()
    if ballot is not None:
        return ballot
    for envelope in SealedBallot.objects.filter(meeting__state=Meeting.State.OPEN):
        try:
            content = sealing.open_envelope(meeting_id=envelope.meeting_id, envelope=envelope.envelope)
        except ValueError:
            continue
        if content["r"] == digest:
            nomination = Nomination.objects.select_related("dossier__meeting", "award_type").get(pk=content["n"])
            return Ballot(id=envelope.pk, nomination=nomination, choice=content["c"], receipt_hash=digest)
    return None


def tally(nomination: Nomination, *, members: list[CouncilMember], present_ids: set[int], term: CouncilTerm,
          params) -> dict:
    """The count of one nomination against the rules' threshold (rules.council.ballot_check).
    Recused members do not vote and are not counted among the members."""
    recused = recused_member_ids(nomination, members)
    voting = [m for m in members if m.pk not in recused]
    present = sum(1 for m in voting if m.pk in present_ids)
    counts = {c: 0 for c in Ballot.Choice.values}
    for choice in Ballot.objects.filter(nomination=nomination).values_list("choice", flat=True):
        counts[choice] += 1
    opinions = [o for o in nomination.written_opinions.all() if o.member_id not in recused]
    written_yes = sum(1 for o in opinions if o.agrees)
    yes, counted_present = counts["yes"], present
    if term.written_opinions_count:
        yes += written_yes
        counted_present += len(opinions)
    result = {"members": len(voting), "recused": [m.name for m in members if m.pk in recused],
              "present": present, "yes": counts["yes"], "no": counts["no"],
              "not_voted": present - counts["yes"] - counts["no"],
              "written_yes": written_yes, "written_no": len(opinions) - written_yes,
              "written_counted": term.written_opinions_count}
    if not voting:
        result.update(passed=False, rule="Không còn thành viên nào được bỏ phiếu", article="", detail="")
        return result
    check = ballot_check(nomination.award_type.code, yes, len(voting), counted_present, params=params)
    result.update(passed=check.passed, rule=check.rule, article=check.article, detail=check.detail)
    return result


@transaction.atomic
def close_meeting(*, actor, meeting: Meeting) -> Meeting:
    """Close the vote: count every nomination, record the results, move the dossiers on."""
    meeting = _run(actor, meeting)
    if meeting.state != Meeting.State.OPEN:
        raise ValidationError("Phiên họp chưa khai mạc hoặc đã kết thúc.")
    _open_ballot_box(meeting)
    params = current_parameters(meeting.term.commune)
    members = list(meeting.term.members.select_related("user__person"))
    present_ids = set(meeting.attendance.filter(present=True).values_list("member_id", flat=True))
    for dossier in meeting.dossiers.filter(state=S.AT_COUNCIL):
        dossier = _lock(dossier)
        passed = total = 0
        for n in (dossier.nominations.filter(outcome=Nomination.Outcome.PENDING)
                  .select_related("award_type", "person").prefetch_related("written_opinions")):
            if not n.goes_to_council:
                continue
            result = tally(n, members=members, present_ids=present_ids, term=meeting.term, params=params)
            n.tally = result
            n.outcome = Nomination.Outcome.PASSED if result["passed"] else Nomination.Outcome.FAILED
            n.save(update_fields=["tally", "outcome"])
            total += 1
            passed += result["passed"]
        _move(actor=actor, dossier=dossier, to=S.VOTED, allowed_from=(S.AT_COUNCIL,), verb="kết thúc bỏ phiếu",
              note=f"Hội đồng thông qua {passed}/{total} đề nghị")
    meeting.state, meeting.closed_at = Meeting.State.CLOSED, timezone.now()
    meeting.save(update_fields=["state", "closed_at"])
    log_transition(actor=actor, instance=meeting, from_state=Meeting.State.OPEN, to_state=meeting.state)
    return meeting
