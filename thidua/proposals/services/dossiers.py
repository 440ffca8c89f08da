"""Rounds, dossiers, nominations, attachments, checking, publicity and objections.

Every state change is a row of the workflow table (``proposals.workflow``), taken through
``transitions.start`` (the lock, who, the state, the guard) and ``transitions.move`` (the state,
the fields, the audit row in the same transaction — the dossier's history is read back from there).
"""
from __future__ import annotations

import datetime
import hashlib
import hmac
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from thidua.accounts.scoping import can_edit_in, can_see_organisation
from thidua.awards.engine import current_parameters
from thidua.awards.models import AwardType
from thidua.core.audit import log_create, log_update, snapshot
from thidua.core.services import create_record, delete_record, update_record
from thidua.core.text import nfc
from thidua.org.models import Household, Membership, Organisation, Person
from thidua.rules import codes
from thidua.rules.dossiers import needs_achievement_report

from .. import checking, files, reports, workflow
from ..checks import at_rejection, at_submission, before_adding
from . import notices
from ..access import can_process, is_office, require
from ..models import Attachment, AwardRound, Dossier, Nomination, Objection
from ..reports import old_guidance_message
from ..selectors import Problem, submission_problems, unanswered_objections  # noqa: F401 — read here by callers
from ..workflow import NOT_YOURS, OFFICE_ONLY
from .transitions import lock_dossier, move, start

S = Dossier.State
COMMUNE_AUTHORITY = codes.Authority.CHU_TICH_UBND_XA.value

def _require_text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(message)
    return value


# -- rounds ----------------------------------------------------------------------------------

@transaction.atomic
def create_round(*, actor, commune: Organisation, name: str, kind: str, year: int, deadline: datetime.date,
                 publicity_days: int | None = None, period_label: str = "", movement_name: str = "") -> AwardRound:
    """A round of proposals. Its publicity length defaults to the rule parameter
    ``publicity_days`` (the province's rule: Law Điều 84 khoản 5 asks for publicity, the
    province sets how long — editable in the catalogue)."""
    require(is_office(actor) and can_see_organisation(actor, commune), OFFICE_ONLY)
    if publicity_days is None:
        from thidua.awards.engine import current_parameters

        publicity_days = current_parameters(cite_province=False).publicity_days
    if publicity_days < 1:
        raise ValidationError("Thời gian công khai phải từ 1 ngày trở lên.")
    return create_record(actor=actor, model=AwardRound, commune=commune, name=nfc(name), kind=kind, year=year,
                         deadline=deadline, publicity_days=publicity_days, period_label=period_label,
                         movement_name=nfc(movement_name))


# -- preparing a dossier (the unit) ----------------------------------------------------------

@transaction.atomic
def create_dossier(*, actor, award_round: AwardRound, unit: Organisation) -> Dossier:
    require(can_edit_in(actor, unit), "Bạn không có quyền lập hồ sơ cho đơn vị này.")
    if not unit.path.startswith(award_round.commune.path):
        raise ValidationError("Đơn vị không thuộc xã của đợt khen thưởng này.")
    return create_record(actor=actor, model=Dossier, round=award_round, unit=unit, created_by=actor)


def _prepare(actor, dossier: Dossier) -> Dossier:
    locked = lock_dossier(dossier)
    require(can_edit_in(actor, locked.unit), NOT_YOURS)
    if not workflow.in_state_for("prepare", locked):
        raise ValidationError("Hồ sơ đã nộp (trạng thái “%s”); chỉ sửa được khi đang soạn hoặc bị trả lại."
                              % locked.get_state_display())
    return locked


def _belongs_to(subject, unit: Organisation) -> bool:
    if isinstance(subject, Organisation):
        return subject.path.startswith(unit.path)
    if isinstance(subject, Household):
        return subject.village.path.startswith(unit.path)
    return (Membership.objects.filter(person=subject, organisation__path__startswith=unit.path).exists()
            or (subject.household_id is not None and subject.household.village.path.startswith(unit.path)))


def _subject_field(subject) -> str:
    if isinstance(subject, Person):
        return "person"
    if isinstance(subject, Organisation):
        return "organisation"
    if isinstance(subject, Household):
        return "household"
    raise ValidationError("Đối tượng đề nghị không hợp lệ.")


def _fits(award_type: AwardType, field: str) -> bool:
    return {"person": award_type.for_individual, "organisation": award_type.for_collective,
            "household": award_type.for_household}[field]


@transaction.atomic
def add_nomination(*, actor, dossier: Dossier, subject, award_type: AwardType, report: str | None = None,
                   audit_note: str = "") -> Nomination:
    """Propose ``subject`` for ``award_type``. The report is pre-filled from the record.
    A dossier holds the commune's own awards or awards for the province, not both."""
    dossier = _prepare(actor, dossier)
    before_adding.run(actor=actor, dossier=dossier)
    kind = _subject_field(subject)
    if not _belongs_to(subject, dossier.unit):
        raise ValidationError("“%(s)s” không thuộc %(u)s." % {"s": subject, "u": dossier.unit})
    if not _fits(award_type, kind):
        raise ValidationError("“%(t)s” không áp dụng cho đối tượng này." % {"t": award_type.name})
    authority = current_parameters().authority_for(award_type.code)
    if authority is None:
        raise ValidationError("“%(t)s” không do Chủ tịch UBND xã quyết định hay đề nghị lên; xã không lập hồ sơ "
                              "đề nghị hình thức này." % {"t": award_type.name})
    others = list(dossier.nominations.values_list("authority", flat=True).distinct())
    upward = authority != COMMUNE_AUTHORITY
    if others and (others[0] != COMMUNE_AUTHORITY) != upward:
        raise ValidationError("“%(t)s” thuộc thẩm quyền %(a)s; hồ sơ này gồm các đề nghị thuộc thẩm quyền khác. "
                              "Hãy lập hồ sơ riêng." % {"t": award_type.name, "a": authority.label})
    if dossier.nominations.filter(**{kind: subject}, award_type=award_type).exists():
        raise ValidationError("“%(s)s” đã được đề nghị “%(t)s” trong hồ sơ này." % {"s": subject, "t": award_type.name})
    if report is None:
        # Only where the dossier rules ask for one (rules.dossiers): LĐTT and TTLĐTT need none.
        report = reports.prefill(subject, dossier.round.year) if needs_achievement_report(award_type.code) else ""
    return create_record(actor=actor, model=Nomination, dossier=dossier, award_type=award_type,
                         authority=authority.value, report=report.strip(), audit_note=audit_note, **{kind: subject})


@dataclass
class BulkNomination:
    dossier: Dossier
    added: list = field(default_factory=list)    # people nominated now
    skipped: list = field(default_factory=list)  # people already nominated for the title in this round


@transaction.atomic
def nominate_qualifying(*, actor, award_round: AwardRound, unit: Organisation,
                        code: str = codes.Title.LDTT) -> BulkNomination:
    """Nominate, in ``unit``'s dossier of ``award_round`` (its draft, made when there is none),
    every member the candidate list finds eligible for ``code`` in the round's year. People
    already nominated for it in the round are skipped (so a second click adds nobody); each
    nomination is audited."""
    from thidua.awards import candidates

    require(can_edit_in(actor, unit), "Bạn không có quyền lập hồ sơ cho đơn vị này.")
    if not unit.path.startswith(award_round.commune.path):
        raise ValidationError("Đơn vị không thuộc xã của đợt khen thưởng này.")
    award_type = AwardType.objects.filter(code=code).first()
    if award_type is None or not award_type.for_individual:
        raise ValidationError("Danh hiệu này không đề nghị hàng loạt được.")
    eligible = [c.subject for target in candidates.build(user=actor, year=award_round.year, unit=unit,
                                                          targets=[code], round_id=award_round.pk)
                for c in target.eligible if c.kind == "individual"]
    standing = {pk for pk, held in checking.nominations_of_round(
        year=award_round.year, person_ids=[p.pk for p in eligible], round_id=award_round.pk).items() if code in held}
    dossier = (Dossier.objects.filter(round=award_round, unit=unit, state__in=Dossier.EDITABLE_STATES)
               .exclude(nominations__authority__in=[a for a, _ in codes.Authority.choices()
                                                    if a != COMMUNE_AUTHORITY])
               .order_by("created_at").first())
    fresh = [p for p in eligible if p.pk not in standing]
    if dossier is None and fresh:
        dossier = create_dossier(actor=actor, award_round=award_round, unit=unit)
    result = BulkNomination(dossier=dossier, skipped=[p for p in eligible if p.pk in standing])
    note = f"Đề nghị tất cả người đủ điều kiện “{award_type.name}” từ danh sách đủ điều kiện"
    for person in fresh:
        add_nomination(actor=actor, dossier=dossier, subject=person, award_type=award_type, audit_note=note)
        result.added.append(person)
    return result


@transaction.atomic
def update_report(*, actor, nomination: Nomination, report: str) -> Nomination:
    _prepare(actor, nomination.dossier)
    report = (report or "").strip()
    if nomination.needs_report:
        _require_text(report, "Báo cáo thành tích không được để trống.")
    line = reports.old_guidance(report)
    if line:
        raise ValidationError(old_guidance_message(nomination, line))
    return update_record(actor=actor, instance=nomination, report=report)


@transaction.atomic
def remove_nomination(*, actor, nomination: Nomination) -> None:
    _prepare(actor, nomination.dossier)
    delete_record(actor=actor, instance=nomination)


@transaction.atomic
def update_dossier(*, actor, dossier: Dossier, unit_minutes: str) -> Dossier:
    dossier = _prepare(actor, dossier)
    return update_record(actor=actor, instance=dossier, unit_minutes=unit_minutes.strip())


@transaction.atomic
def add_attachment(*, actor, dossier: Dossier, upload, description: str) -> Attachment:
    dossier = _prepare(actor, dossier)
    content_type, digest = files.check_upload(upload)
    attachment = Attachment(dossier=dossier, description=_require_text(description, "Hãy ghi nội dung tệp."),
                            original_name=nfc(upload.name)[-255:], content_type=content_type, size=upload.size,
                            sha256=digest, uploaded_by=actor)
    attachment.file.save(upload.name, upload, save=False)  # stored under attachment_path's name
    attachment.save()
    log_create(actor=actor, instance=attachment)
    return attachment


@transaction.atomic
def remove_attachment(*, actor, attachment: Attachment) -> None:
    _prepare(actor, attachment.dossier)
    stored = attachment.file.name
    storage = attachment.file.storage
    delete_record(actor=actor, instance=attachment)
    transaction.on_commit(lambda: storage.delete(stored))


class Incomplete(ValidationError):
    """The dossier is refused: ``problems`` lists each one with the page that fixes it."""

    def __init__(self, problems: list[Problem]):
        super().__init__([p.message for p in problems])
        self.problems = problems


@transaction.atomic
def submit_dossier(*, actor, dossier: Dossier) -> Dossier:
    dossier = _prepare(actor, dossier)
    problems = submission_problems(dossier)
    if problems:
        raise Incomplete(problems)
    late = dossier.round.is_overdue()
    note = f"Nộp muộn (hạn {dossier.round.deadline:%d/%m/%Y})" if late else ""
    previous = dossier.state
    dossier = move(actor=actor, dossier=dossier, name="nop", note=note, submitted_at=timezone.now(), return_reason="")
    at_submission.run(actor=actor, dossier=dossier, previous=previous)
    return dossier


# -- checking (the office) -------------------------------------------------------------------

def _process(actor, dossier: Dossier) -> Dossier:
    locked = lock_dossier(dossier)
    require(can_process(actor, locked), OFFICE_ONLY)
    return locked


@transaction.atomic
def return_dossier(*, actor, dossier: Dossier, reason: str) -> Dossier:
    dossier = start(actor=actor, dossier=dossier, name="tra-lai")
    reason = _require_text(reason, "Phải ghi lý do trả lại hồ sơ để đơn vị bổ sung.")
    dossier = move(actor=actor, dossier=dossier, name="tra-lai", note=reason, return_reason=reason)
    notices.dossier_returned(dossier=dossier, reason=reason)
    return dossier


@transaction.atomic
def accept_dossier(*, actor, dossier: Dossier) -> Dossier:
    """Accept the dossier and run the eligibility engine on every nominee; a previous pass
    of a failing nominee does not survive a new check."""
    dossier = start(actor=actor, dossier=dossier, name="tiep-nhan")
    results = checking.check_dossier(user=actor, dossier=dossier, day=timezone.localdate())
    for nomination in dossier.nominations.all():
        verdict, eligible = results[nomination.pk]
        Nomination.objects.filter(pk=nomination.pk).update(
            verdict=verdict, eligible=eligible, override_reason="", overridden_by=None,
            outcome=Nomination.Outcome.PENDING)
    passed = sum(1 for _, ok in results.values() if ok)
    return move(actor=actor, dossier=dossier, name="tiep-nhan",
                note=f"Kiểm tra điều kiện: {passed}/{len(results)} đề nghị đủ điều kiện")


@transaction.atomic
def pass_nominee(*, actor, nomination: Nomination, reason: str) -> Nomination:
    """The officer sends a nominee who fails a check to the council anyway: only with a
    written reason, which is audited and shown to the council."""
    dossier = _process(actor, nomination.dossier)
    if not workflow.in_state_for("pass_nominee", dossier):
        raise ValidationError("Chỉ quyết định được khi hồ sơ đang thẩm định.")
    if nomination.eligible is not False:
        raise ValidationError("Đề nghị này đủ điều kiện, không cần lý do.")
    reason = _require_text(reason, "Đề nghị chưa đủ điều kiện chỉ được trình Hội đồng khi có lý do bằng văn bản.")
    if len(reason) < 20:
        raise ValidationError("Lý do quá ngắn: hãy nêu căn cứ cụ thể (ít nhất 20 ký tự).")
    before = snapshot(nomination)
    nomination.override_reason, nomination.overridden_by = reason, actor
    nomination.save(update_fields=["override_reason", "overridden_by"])
    log_update(actor=actor, instance=nomination, before=before, note="Trình Hội đồng dù chưa đủ điều kiện")
    return nomination


@transaction.atomic
def publish_dossier(*, actor, dossier: Dossier, on: datetime.date | None = None) -> Dossier:
    """Publish the nominee list for the round's number of days from ``on`` (today; a past day
    when the list was put up on the notice board earlier, e.g. a round replayed on its own
    clock). Nominees who fail a check and were not passed with a reason are left out (and do
    not reach the council)."""
    dossier = start(actor=actor, dossier=dossier, name="cong-khai")
    nominations = list(dossier.nominations.all())
    if not any(n.goes_to_council for n in nominations):
        raise ValidationError("Không có đề nghị nào đủ điều kiện để công khai: hãy trả lại hồ sơ hoặc "
                              "đề nghị không khen thưởng.")
    excluded = [n.pk for n in nominations if not n.goes_to_council]
    Nomination.objects.filter(pk__in=excluded).update(outcome=Nomination.Outcome.EXCLUDED)
    today = on or timezone.localdate()
    if today > timezone.localdate():
        raise ValidationError("Ngày bắt đầu công khai không được sau hôm nay.")
    until = today + datetime.timedelta(days=dossier.round.publicity_days - 1)
    note = f"Công khai từ {today:%d/%m/%Y} đến hết {until:%d/%m/%Y}"
    if excluded:
        note += f"; {len(excluded)} đề nghị không đủ điều kiện không được công khai"
    return move(actor=actor, dossier=dossier, name="cong-khai", note=note, published_on=today, published_until=until)


@transaction.atomic
def reject_dossier(*, actor, dossier: Dossier, reason: str) -> Dossier:
    """Không khen thưởng: the office while checking, the chairman after the vote."""
    dossier = lock_dossier(dossier)
    reason = _require_text(reason, "Phải ghi lý do không khen thưởng.")
    dossier = start(actor=actor, dossier=dossier, name="khong-khen", locked=True)  # who: by the state, in the table
    dossier = move(actor=actor, dossier=dossier, name="khong-khen", note=reason)
    at_rejection.run(actor=actor, dossier=dossier, reason=reason)
    return dossier


# -- publicity and objections ----------------------------------------------------------------

def _ip_hash(ip: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), (ip or "").encode(), hashlib.sha256).hexdigest()


def objection_limit() -> tuple[int, int]:
    """(objections, per seconds) one address may send."""
    return getattr(settings, "PROPOSALS_OBJECTION_RATE", (3, 3600))


class RateLimited(Exception):
    """Too many objections from one address (the page answers 429 Too Many Requests)."""

    status = 429


@transaction.atomic
def submit_objection(*, dossier: Dossier, nomination: Nomination | None, name: str, contact: str,
                     content: str, ip: str) -> Objection:
    """A citizen's objection to a published list (no login). Name and contact are required;
    one address may send only a few per hour."""
    dossier = lock_dossier(dossier)
    if not dossier.publicity_open():
        raise ValidationError("Danh sách này không còn trong thời gian lấy ý kiến.")
    if nomination is not None and (nomination.dossier_id != dossier.pk or not nomination.goes_to_council):
        raise ValidationError("Đề nghị không có trong danh sách công khai.")
    ip_hash = _ip_hash(ip)
    limit, seconds = objection_limit()
    since = timezone.now() - datetime.timedelta(seconds=seconds)
    if Objection.objects.filter(ip_hash=ip_hash, created_at__gte=since).count() >= limit:
        raise RateLimited("Bạn đã gửi %d ý kiến trong thời gian ngắn; vui lòng thử lại sau." % limit)
    objection = Objection(dossier=dossier, nomination=nomination, name=nfc(name), contact=nfc(contact),
                          content=(content or "").strip(), ip_hash=ip_hash)
    if not objection.name or not objection.contact:
        raise ValidationError("Phải ghi họ tên và số điện thoại hoặc email để được trả lời.")
    if not objection.content:
        raise ValidationError("Hãy ghi nội dung ý kiến.")
    objection.full_clean()
    objection.save()
    log_create(actor=None, instance=objection, note="Ý kiến của công dân về danh sách công khai")
    return objection


@transaction.atomic
def answer_objection(*, actor, objection: Objection, answer: str) -> Objection:
    dossier = _process(actor, objection.dossier)
    if not workflow.in_state_for("answer_objection", dossier):
        raise ValidationError("Không còn trả lời được ý kiến ở trạng thái hồ sơ này.")
    if objection.answered:
        raise ValidationError("Ý kiến này đã được trả lời.")
    return update_record(actor=actor, instance=objection,
                         answer=_require_text(answer, "Hãy ghi nội dung trả lời."),
                         answered_by=actor, answered_at=timezone.now())


