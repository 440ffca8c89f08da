"""The council: terms and members, meetings with attendance and quorum, written opinions of
absent members, the secret electronic ballot and the count against the rules' thresholds.

Secrecy: a member votes once per meeting, on one ballot paper listing every nominee she may
vote on. ``cast_paper`` writes a ``Participation`` per nominee (member X voted on nomination N —
audited) and ``SealedBallot`` envelopes (each choice with its own receipt hash, derived from
the paper's one receipt code, and the paper's hash — encrypted with a key that is not in the
database, never audited). ``close_meeting`` opens the meeting's envelopes and writes
the ``Ballot`` rows in one shuffled batch in its own transaction, then counts them: neither a
column, nor the storage order, nor the writing transaction (PostgreSQL xmin, kept in dead row
versions too), nor the audit log ties a ballot to its voter. The receipt code is returned once
and never stored.
"""
from __future__ import annotations

import base64
import dataclasses
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
from thidua.core.text import nfc
from thidua.org.models import Organisation
from thidua.rules.council import ballot_check, quorum_check

from .. import sealing
from ..access import can_run_meeting, is_office, require, seat
from ..models import (
    Attendance, Ballot, BallotPaper, CouncilMember, CouncilTerm, Dossier, Meeting, Nomination, Participation,
    SealedBallot, WrittenOpinion,
)
from . import notices
from ..selectors import current_term, nominee_label, paper_nominations, recused_member_ids, voting_refusal  # noqa: F401
from ..workflow import OFFICE_ONLY, RUN_ONLY, meeting_date_refusal  # noqa: F401
from .transitions import move, start

S = Dossier.State
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


# -- meetings --------------------------------------------------------------------------------

def _lock_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update(of=("self",)).select_related("term__commune").get(pk=meeting.pk)


def _run(actor, meeting: Meeting) -> Meeting:
    meeting = _lock_meeting(meeting)
    require(can_run_meeting(actor, meeting.term), RUN_ONLY)
    return meeting


@transaction.atomic
def schedule_meeting(*, actor, term: CouncilTerm, held_on, location: str = "", starts_at=None) -> Meeting:
    require(can_run_meeting(actor, term), RUN_ONLY)
    if not term.members.exists():
        raise ValidationError("Nhiệm kỳ Hội đồng chưa có thành viên.")
    return create_record(actor=actor, model=Meeting, term=term, held_on=held_on, starts_at=starts_at,
                         location=nfc(location))


@transaction.atomic
def put_on_agenda(*, actor, dossier: Dossier, meeting: Meeting) -> Dossier:
    """Send a published dossier to a council meeting, once its publicity period is over."""
    dossier = start(actor=actor, dossier=dossier, name="trinh-hoi-dong")
    meeting = _lock_meeting(meeting)
    if not dossier.publicity_ended():
        raise ValidationError("Chưa hết thời gian công khai (đến hết ngày %s); chưa trình Hội đồng được."
                              % f"{dossier.published_until:%d/%m/%Y}")
    if meeting.state != Meeting.State.PLANNED:
        raise ValidationError("Chỉ bổ sung hồ sơ vào phiên họp chưa khai mạc.")
    if meeting.term.commune_id != dossier.round.commune_id:
        raise ValidationError("Phiên họp không thuộc Hội đồng của xã xét đợt khen thưởng này.")
    refusal = meeting_date_refusal(dossier, meeting)
    if refusal:
        raise ValidationError(refusal)
    return move(actor=actor, dossier=dossier, name="trinh-hoi-dong", note=str(meeting), meeting=meeting)


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


def _normalised(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def _receipt_hash(code: str) -> str:
    return hashlib.sha256(_normalised(code).encode()).hexdigest()


def _new_receipt() -> str:
    raw = base64.b32encode(secrets.token_bytes(10)).decode()  # 16 characters, 80 bits
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


PAPER = "paper"  # the choice field of the envelope that holds a paper's own receipt hash
PAPER_TWICE = "Bạn đã nộp phiếu bầu của phiên họp này; mỗi thành viên chỉ bỏ một phiếu."


def _ballot_hash(code: str, nomination_id: int) -> str:
    """The receipt hash of one ballot of a paper: from the paper's code and the nomination, so
    the ballots of one paper share nothing a reader of the database could match."""
    return hashlib.sha256(f"{_normalised(code)}/{nomination_id}".encode()).hexdigest()


@transaction.atomic
def cast_paper(*, actor, meeting: Meeting, choices: dict) -> str:
    """Vote once, secretly, on the member's one ballot paper of the meeting: ``choices`` maps
    each nomination on the paper (its id) to "yes" or "no". Returns the paper's one receipt code
    (shown once). All or nothing: a paper with a nominee left blank, with a nominee that is not
    on it, or while a nominee's vote is blocked (an unanswered objection) is refused whole.
    The meeting row is locked first (the order close_meeting takes too): a close waits for a
    paper being written and counts it; a paper arriving after the close is refused."""
    meeting = _lock_meeting(meeting)
    if meeting.state != Meeting.State.OPEN:
        raise ValidationError("Phiên bỏ phiếu chưa mở hoặc đã kết thúc.")
    member = seat(actor, meeting.term)
    require(member is not None, "Bạn không phải thành viên Hội đồng nhiệm kỳ này.")
    if not Attendance.objects.filter(meeting=meeting, member=member, present=True).exists():
        raise ValidationError("Bạn vắng mặt ở phiên họp này; thành viên vắng mặt gửi ý kiến bằng văn bản.")
    if Participation.objects.filter(member=member, nomination__dossier__meeting=meeting).exists():
        raise ValidationError(PAPER_TWICE)
    paper = paper_nominations(meeting, member)
    if not paper:
        raise ValidationError("Không có đề nghị nào trên phiếu bầu của bạn (bạn là người được đề nghị hoặc cùng "
                              "hộ gia đình với người được đề nghị).")
    list(Nomination.objects.select_for_update().filter(pk__in=[n.pk for n in paper]).values_list("pk", flat=True))
    blocked = [f"{nominee_label(n)}: {refusal}" for n in paper if (refusal := voting_refusal(n))]
    if blocked:
        raise ValidationError("Chưa nộp phiếu được. " + " ".join(blocked))
    choices = {str(key): value for key, value in (choices or {}).items()}
    on_paper = {str(n.pk): n for n in paper}
    if set(choices) - set(on_paper):
        raise ValidationError("Phiếu không hợp lệ: có đề nghị không thuộc phiếu bầu của bạn.")
    blank = [nominee_label(n) for key, n in on_paper.items() if not choices.get(key)]
    if blank:
        raise ValidationError("Phiếu chưa đầy đủ, chưa được ghi nhận: hãy chọn Đồng ý hoặc Không đồng ý cho %s."
                              % "; ".join(blank))
    if any(value not in Ballot.Choice.values for value in choices.values()):
        raise ValidationError("Phiếu không hợp lệ: hãy chọn Đồng ý hoặc Không đồng ý.")
    for n in paper:
        participation = Participation.objects.create(nomination=n, member=member)
        log_create(actor=actor, instance=participation, note="Đã bỏ phiếu kín (nội dung phiếu không ghi nhật ký)")
    receipt = _new_receipt()
    _seal(meeting=meeting, nomination=None, choice=PAPER, receipt_hash=_receipt_hash(receipt))
    for n in paper:
        _seal(meeting=meeting, nomination=n, choice=choices[str(n.pk)], receipt_hash=_ballot_hash(receipt, n.pk))
    return receipt


def _seal(*, meeting: Meeting, nomination: Nomination | None, choice: str, receipt_hash: str) -> None:
    """Put a ballot (or, without a nomination, the paper's own receipt) in its envelope —
    written in the voter's transaction: nothing readable, every envelope of one size."""
    SealedBallot.objects.create(meeting=meeting, envelope=sealing.seal(
        meeting_id=meeting.pk, nomination_id=nomination.pk if nomination else None, choice=choice,
        receipt_hash=receipt_hash))


def _open_ballot_box(meeting: Meeting) -> int:
    """At the close (the meeting row locked): open every envelope of the meeting and write the
    ballots and the papers in shuffled batches — in the close's transaction, never a voter's.
    Refuses (and changes nothing) if an envelope does not open, rather than count without a
    ballot."""
    envelopes = list(SealedBallot.objects.filter(meeting=meeting))
    ballots, papers = [], []
    for envelope in envelopes:
        try:
            content = sealing.open_envelope(meeting_id=meeting.pk, envelope=envelope.envelope)
        except ValueError:
            raise ValidationError(
                "Không mở được phiếu bầu niêm phong: khóa bí mật của máy chủ (DJANGO_SECRET_KEY) đã đổi trong lúc "
                "bỏ phiếu. Quản trị viên đặt lại khóa cũ (hoặc thêm vào SECRET_KEY_FALLBACKS) rồi kết thúc phiên họp."
            ) from None
        if content["c"] == PAPER:
            papers.append(BallotPaper(meeting=meeting, receipt_hash=content["r"]))
        else:
            ballots.append(Ballot(nomination_id=content["n"], choice=content["c"], receipt_hash=content["r"]))
    _shuffle(ballots)
    _shuffle(papers)
    SealedBallot.objects.filter(pk__in=[e.pk for e in envelopes]).delete()
    Ballot.objects.bulk_create(ballots)
    BallotPaper.objects.bulk_create(papers)
    return len(ballots)


@dataclasses.dataclass
class PaperCheck:
    """What a receipt code finds: the meeting, and the ballots of the paper (unsaved while the
    vote is open: they are still in their envelopes)."""
    meeting: Meeting
    ballots: list[Ballot]

    @property
    def counted(self) -> bool:
        return self.meeting.state == Meeting.State.CLOSED


def _with_nominations(ballots: list[Ballot]) -> list[Ballot]:
    nominations = Nomination.objects.select_related("award_type", "person", "organisation", "household").in_bulk(
        [b.nomination_id for b in ballots])
    for b in ballots:
        b.nomination = nominations[b.nomination_id]
    return sorted(ballots, key=lambda b: (b.nomination.dossier_id, b.nomination_id))


def find_paper(code: str) -> PaperCheck | None:
    """The ballot paper a receipt code belongs to (for the voter to check it was counted):
    the paper's hash finds its meeting, the code and each nomination of the meeting its
    ballots. While the vote is open they are read from the meeting's envelopes."""
    digest = _receipt_hash(code)
    paper = BallotPaper.objects.select_related("meeting").filter(receipt_hash=digest).first()
    if paper is not None:
        hashes = [_ballot_hash(code, pk) for pk in
                  Nomination.objects.filter(dossier__meeting=paper.meeting).values_list("pk", flat=True)]
        return PaperCheck(paper.meeting, _with_nominations(list(Ballot.objects.filter(receipt_hash__in=hashes))))
    single = Ballot.objects.select_related("nomination__dossier__meeting").filter(receipt_hash=digest).first()
    if single is not None:  # a ballot cast one nominee at a time, before ballot papers
        return PaperCheck(single.nomination.dossier.meeting, _with_nominations([single]))
    for meeting in Meeting.objects.filter(state=Meeting.State.OPEN):
        contents = []
        for envelope in SealedBallot.objects.filter(meeting=meeting):
            try:
                contents.append(sealing.open_envelope(meeting_id=meeting.pk, envelope=envelope.envelope))
            except ValueError:
                continue
        if not any(c["c"] == PAPER and c["r"] == digest for c in contents):
            continue
        hashes = {_ballot_hash(code, pk) for pk in
                  Nomination.objects.filter(dossier__meeting=meeting).values_list("pk", flat=True)}
        return PaperCheck(meeting, _with_nominations(
            [Ballot(nomination_id=c["n"], choice=c["c"], receipt_hash=c["r"]) for c in contents if c["r"] in hashes]))
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
        dossier = start(actor=actor, dossier=dossier, name="ket-thuc-bo-phieu")
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
        move(actor=actor, dossier=dossier, name="ket-thuc-bo-phieu", note=f"Hội đồng thông qua {passed}/{total} đề nghị")
    meeting.state, meeting.closed_at = Meeting.State.CLOSED, timezone.now()
    meeting.save(update_fields=["state", "closed_at"])
    log_transition(actor=actor, instance=meeting, from_state=Meeting.State.OPEN, to_state=meeting.state)
    return meeting
