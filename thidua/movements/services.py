"""Writes of the movements app. Keyword-only, atomic, permission-checked; every change writes
its audit row in the same transaction (thidua.core.services / thidua.core.audit).

Refusals are Vietnamese: ``PermissionDenied`` when the user may not act at all,
``ValidationError`` for bad input or a closed window, ``LockedError`` (a ValidationError) for a
locked scorecard.
"""
from __future__ import annotations

import copy
import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from thidua.accounts.models import NotificationKind, User
from thidua.accounts.notifications import notify
from thidua.accounts.scoping import can_see_organisation
from thidua.core.audit import log_event, log_transition
from thidua.core.models import AuditEntry
from thidua.core.services import create_record, delete_record, update_record
from thidua.core.text import nfc
from thidua.org.models import EmulationBlock, Membership, Organisation, Person

from .access import can_act_for, can_manage, can_score
from .files import validate_evidence, validate_plan_document
from .models import (
    Band, CriteriaSet, Criterion, Evidence, HeldUpload, LockedError, Movement, MovementResult, Pact, PactSignature,
    Registration, RegistrationPeriod, RegistrationReopening, Reminder, Score, ScoreChange, Scorecard,
    format_number,
)
from .selectors import registration_coverage
from .titles import NON_COMPETING_KINDS, collective_titles_for, individual_titles_for, title_label


def today() -> datetime.date:
    return timezone.localdate()


def _d(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


# ``actor=None`` is the system itself (the demo loader, imports): no permission checks, as in
# thidua.org.services. Views always pass the signed-in user.

def _require_manager(actor) -> None:
    if actor is not None and not can_manage(actor):
        raise PermissionDenied(_("Chỉ cán bộ thi đua – khen thưởng xã được làm việc này."))


def _require_scorer(actor) -> None:
    if actor is not None and not can_score(actor):
        raise PermissionDenied(_("Chỉ thành viên Hội đồng hoặc cán bộ thi đua – khen thưởng được chấm điểm."))


def _require_unit_actor(actor, organisation: Organisation) -> None:
    if actor is not None and not can_act_for(actor, organisation):
        raise PermissionDenied(_("Bạn không thể làm việc này cho đơn vị “%(unit)s”.") % {"unit": organisation})


def _require_in_commune(actor, organisation: Organisation | None) -> None:
    if actor is not None and organisation is not None and not can_see_organisation(actor, organisation):
        raise ValidationError(_("Đơn vị “%(unit)s” không thuộc phạm vi của bạn.") % {"unit": organisation})


def _set_members(*, actor, instance, relation, members, field_name: str) -> None:
    manager = getattr(instance, relation)
    before = {field_name: sorted(manager.values_list("pk", flat=True))}
    manager.set(members)
    after = {field_name: sorted(manager.values_list("pk", flat=True))}
    if before != after:
        log_event(actor=actor, instance=instance, action=AuditEntry.Action.UPDATE, before=before, after=after)


# --- Files held across a refused form ---------------------------------------------------------

HELD_FOR = datetime.timedelta(days=1)

@transaction.atomic
def hold_upload(*, actor, upload) -> HeldUpload:
    """Keep a checked upload of a refused form on the server, for its uploader's next try. Her
    held files older than a day (forms she abandoned) are removed."""
    for stale in HeldUpload.objects.filter(uploaded_by=actor, uploaded_at__lt=timezone.now() - HELD_FOR):
        release_upload(actor=actor, held=stale)
    upload.seek(0)
    return create_record(actor=actor, model=HeldUpload, file=upload, original_name=upload.name[-255:],
                         size=upload.size, uploaded_by=actor)


def held_upload(*, actor, pk) -> HeldUpload | None:
    """The actor's own held upload named by a form's hidden field (anything else: None)."""
    try:
        number = int(str(pk or "").strip())
    except ValueError:
        return None
    if not 0 < number < 2 ** 31 or actor is None or not actor.is_authenticated:
        return None
    return HeldUpload.objects.filter(pk=number, uploaded_by=actor).first()


def held_file(held: HeldUpload):
    """The held upload as a file to hand to a service (named as the user named it)."""
    from django.core.files import File

    return File(held.file.open("rb"), name=held.original_name)


@transaction.atomic
def release_upload(*, actor, held: HeldUpload) -> None:
    """The held upload has been used: remove the record and its file."""
    held.file.close()
    storage, name = held.file.storage, held.file.name
    delete_record(actor=actor, instance=held)
    transaction.on_commit(lambda: storage.delete(name))


# --- Movements -------------------------------------------------------------------------------

def _require_commune(commune: Organisation | None) -> None:
    """A province-level user has no commune of her own (accounts.scoping.commune_of): refused."""
    if commune is None:
        raise PermissionDenied(_("Việc này do cán bộ thi đua – khen thưởng của từng xã làm."))


def _check_movement_links(actor, commune, fields, participants) -> None:
    _require_commune(commune)
    _require_in_commune(actor, commune)
    _require_in_commune(actor, fields.get("organiser"))
    for org in participants or ():
        _require_in_commune(actor, org)


def _check_step_dates(movement: Movement) -> None:
    """The dates of the steps reached never go backwards and none is in the future."""
    previous = None
    for label, day, reached in movement.timeline():
        if day is None or not reached:
            continue
        if day > today():
            raise ValidationError(_("Ngày %(step)s (%(day)s) không được ở tương lai.") % {"step": label.lower(), "day": _d(day)})
        if previous and day < previous:
            raise ValidationError(_("Ngày %(step)s (%(day)s) không được trước bước trước đó (%(prev)s).")
                                  % {"step": label.lower(), "day": _d(day), "prev": _d(previous)})
        previous = day


@transaction.atomic
def create_movement(*, actor, commune: Organisation, participants=(), plan_document=None, **fields) -> Movement:
    _require_manager(actor)
    _check_movement_links(actor, commune, fields, participants)
    if plan_document is not None:
        validate_plan_document(plan_document)
        fields.update(plan_document=plan_document, plan_document_name=plan_document.name[-255:])
    if fields.get("state", Movement.State.LAUNCHED) not in Movement.State.values:
        raise ValidationError(_("Trạng thái phong trào không hợp lệ."))
    _check_step_dates(Movement(commune=commune, **{k: v for k, v in fields.items() if k != "plan_document"}))
    movement = create_record(actor=actor, model=Movement, commune=commune, **fields)
    if participants:
        _set_members(actor=actor, instance=movement, relation="participants", members=participants,
                     field_name="participants")
    return movement


@transaction.atomic
def update_movement(*, actor, movement: Movement, participants=None, plan_document=None, **fields) -> Movement:
    _require_manager(actor)
    _check_movement_links(actor, movement.commune, fields, participants)
    for forbidden in ("state", "commune"):
        if forbidden in fields:
            raise ValidationError(_("Không sửa trực tiếp trường này; dùng chức năng chuyển bước."))
    if plan_document is not None:
        validate_plan_document(plan_document)
        fields.update(plan_document=plan_document, plan_document_name=plan_document.name[-255:])
    probe = copy.copy(movement)
    for name, value in fields.items():
        if name != "plan_document":
            setattr(probe, name, value)
    _check_step_dates(probe)  # before the file is stored
    movement = update_record(actor=actor, instance=movement, **fields)
    if participants is not None:
        _set_members(actor=actor, instance=movement, relation="participants", members=participants,
                     field_name="participants")
    return movement


@transaction.atomic
def advance_movement(*, actor, movement: Movement, to_state: str, on: datetime.date, note: str = "") -> Movement:
    """launched → running → (interim review →) final review, each step dated and audited."""
    _require_manager(actor)
    movement = Movement.objects.select_for_update().get(pk=movement.pk)
    if to_state not in movement.next_states:
        raise ValidationError(_("Không thể chuyển phong trào từ “%(from)s” sang “%(to)s”.")
                              % {"from": movement.get_state_display(),
                                 "to": Movement.State(to_state).label if to_state in Movement.State.values else to_state})
    if on is None:
        raise ValidationError(_("Phải ghi ngày của bước này."))
    from_state = movement.state
    setattr(movement, Movement.STEPS[Movement.State(to_state)][0], on)
    movement.state = to_state
    _check_step_dates(movement)
    movement.save()
    log_transition(actor=actor, instance=movement, from_state=from_state, to_state=to_state,
                   note=f"{Movement.State(to_state).label} ngày {_d(on)}. {nfc(note)}".strip())
    return movement


@transaction.atomic
def add_result(*, actor, movement: Movement, **fields) -> MovementResult:
    _require_manager(actor)
    _require_in_commune(actor, fields.get("organisation"))
    return create_record(actor=actor, model=MovementResult, movement=movement, **fields)


@transaction.atomic
def update_result(*, actor, result: MovementResult, **fields) -> MovementResult:
    _require_manager(actor)
    _require_in_commune(actor, fields.get("organisation"))
    return update_record(actor=actor, instance=result, **fields)


@transaction.atomic
def delete_result(*, actor, result: MovementResult) -> None:
    _require_manager(actor)
    delete_record(actor=actor, instance=result)


# --- Registration ----------------------------------------------------------------------------

@transaction.atomic
def set_registration_period(*, actor, commune: Organisation, year: int, deadline: datetime.date,
                            note: str = "") -> RegistrationPeriod:
    _require_manager(actor)
    _require_commune(commune)
    _require_in_commune(actor, commune)
    period = RegistrationPeriod.objects.filter(commune=commune, year=year).first()
    if period is None:
        return create_record(actor=actor, model=RegistrationPeriod, commune=commune, year=year,
                             deadline=deadline, note=nfc(note))
    return update_record(actor=actor, instance=period, deadline=deadline, note=nfc(note))


@transaction.atomic
def reopen_registration(*, actor, period: RegistrationPeriod, organisation: Organisation,
                        until: datetime.date, reason: str) -> RegistrationReopening:
    _require_manager(actor)
    _require_in_commune(actor, organisation)
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do mở lại đăng ký.")})
    if until < today():
        raise ValidationError({"until": _("Ngày mở đến phải từ hôm nay trở đi.")})
    reopening = period.reopenings.filter(organisation=organisation).first()
    if reopening is None:
        return create_record(actor=actor, model=RegistrationReopening, period=period, organisation=organisation,
                             until=until, reason=reason, created_by=actor)
    return update_record(actor=actor, instance=reopening, until=until, reason=reason, created_by=actor)


def registration_is_open(period: RegistrationPeriod, organisation: Organisation, on: datetime.date) -> bool:
    return period.is_open(on, period.reopenings.filter(organisation=organisation).first())


def _period_for(organisation: Organisation, year: int) -> RegistrationPeriod:
    commune = organisation.commune()
    period = RegistrationPeriod.objects.filter(commune=commune, year=year).first() if commune else None
    if period is None:
        raise ValidationError(_("Xã chưa mở đăng ký thi đua năm %(year)s.") % {"year": year}, code="no_period")
    return period


def _parse_title(value, allowed, who) -> str:
    if value not in {str(t) for t in allowed}:
        raise ValidationError(_("Danh hiệu “%(title)s” không dành cho %(who)s.")
                              % {"title": title_label(value or "—"), "who": who}, code="bad_title")
    return str(value)


@transaction.atomic
def register_unit(*, actor, organisation: Organisation, year: int, title: str,
                  members: dict[Person, str] | None = None, on: datetime.date | None = None) -> Registration:
    """Register the unit for a collective title and, optionally, its members for individual
    titles (an empty title withdraws a member's registration). Refused after the deadline
    unless the officer has reopened registration for this unit."""
    _require_unit_actor(actor, organisation)
    if organisation.kind in NON_COMPETING_KINDS or organisation.is_former:
        raise ValidationError(_("“%(unit)s” không đăng ký thi đua.") % {"unit": organisation})
    period = _period_for(organisation, year)
    on = on or today()
    if not registration_is_open(period, organisation, on):
        raise ValidationError(
            _("Đã hết hạn đăng ký thi đua năm %(year)s (hạn %(deadline)s). Đề nghị liên hệ cán bộ thi đua – "
              "khen thưởng xã để được mở lại đăng ký cho đơn vị.") % {"year": year, "deadline": _d(period.deadline)},
            code="deadline_passed")
    title = _parse_title(title, collective_titles_for(organisation), organisation.name)
    registration = period.registrations.filter(organisation=organisation, person__isnull=True).first()
    if registration is None:
        registration = create_record(actor=actor, model=Registration, period=period, organisation=organisation,
                                     title=title, registered_on=on, registered_by=actor)
    elif registration.title != title:
        registration = update_record(actor=actor, instance=registration, title=title, registered_on=on,
                                     registered_by=actor)
    if members:
        _register_members(actor=actor, period=period, organisation=organisation, members=members, on=on)
    return registration


def _register_members(*, actor, period, organisation, members: dict[Person, str], on) -> None:
    current = set(Membership.objects.filter(Membership.current_q(on), organisation=organisation)
                  .values_list("person_id", flat=True))
    existing = {r.person_id: r for r in period.registrations.filter(person__in=list(members)).select_related("organisation")}
    for person, title in members.items():
        if person.pk not in current:
            raise ValidationError(_("%(person)s không phải thành viên hiện tại của %(unit)s.")
                                  % {"person": person, "unit": organisation})
        registration = existing.get(person.pk)
        if registration is not None and registration.organisation_id != organisation.pk:
            raise ValidationError(_("%(person)s đã được %(unit)s đăng ký thi đua năm %(year)s.")
                                  % {"person": person, "unit": registration.organisation, "year": period.year})
        if not title:
            if registration is not None:
                delete_record(actor=actor, instance=registration, audit_note="Rút đăng ký cá nhân")
            continue
        title = _parse_title(title, individual_titles_for(person), person.full_name)
        if registration is None:
            create_record(actor=actor, model=Registration, period=period, organisation=organisation, person=person,
                          title=title, registered_on=on, registered_by=actor)
        elif registration.title != title:
            update_record(actor=actor, instance=registration, title=title, registered_on=on, registered_by=actor)


@transaction.atomic
def send_reminder(*, actor, period: RegistrationPeriod, organisation: Organisation, message: str = "") -> Reminder:
    """Record a reminder for a unit that has not registered; its clerk sees it on her to-do page."""
    _require_manager(actor)
    _require_in_commune(actor, organisation)
    if period.registrations.filter(organisation=organisation, person__isnull=True).exists():
        raise ValidationError(_("%(unit)s đã đăng ký thi đua năm %(year)s.") % {"unit": organisation, "year": period.year})
    message = nfc(message) or _(
        "Đơn vị chưa đăng ký thi đua năm %(year)s (hạn %(deadline)s). Đề nghị đăng ký danh hiệu tập thể "
        "và danh hiệu cá nhân của các thành viên.") % {"year": period.year, "deadline": _d(period.deadline)}
    reminder = create_record(actor=actor, model=Reminder, period=period, organisation=organisation,
                             message=message, sent_by=actor)
    notify(users=User.objects.filter(unit=organisation, is_active=True), kind=NotificationKind.REGISTRATION_REMINDER,
           title=_("Nhắc đăng ký thi đua năm %(year)s") % {"year": period.year}, body=message,
           url=f"{reverse('movements:todo')}?nam={period.year}")
    return reminder


@transaction.atomic
def remind_unregistered(*, actor, year: int) -> int:
    """Remind every unit the actor sees that has not registered for ``year``; the number reminded."""
    _require_manager(actor)
    coverage = registration_coverage(user=actor, year=year)
    if coverage["period"] is None:
        raise ValidationError(_("Xã chưa mở đăng ký thi đua năm %(year)s.") % {"year": year})
    unregistered = [row["unit"] for row in coverage["rows"] if row["registration"] is None]
    for unit in unregistered:
        send_reminder(actor=actor, period=coverage["period"], organisation=unit)
    return len(unregistered)


# --- Pacts -----------------------------------------------------------------------------------

@transaction.atomic
def create_pact(*, actor, block: EmulationBlock, title: str, text: str) -> Pact:
    _require_manager(actor)
    _require_in_commune(actor, block.commune)
    if Pact.objects.filter(block=block).exists():
        raise ValidationError(_("Khối này đã có giao ước thi đua năm %(year)s.") % {"year": block.year})
    return create_record(actor=actor, model=Pact, block=block, title=nfc(title), text=text.strip())


@transaction.atomic
def sign_pact(*, actor, pact: Pact, organisation: Organisation, signed_on: datetime.date,
              signatory: str = "") -> PactSignature:
    _require_unit_actor(actor, organisation)
    if not pact.block.members.filter(pk=organisation.pk).exists():
        raise ValidationError(_("%(unit)s không thuộc %(block)s.") % {"unit": organisation, "block": pact.block})
    if pact.signatures.filter(organisation=organisation).exists():
        raise ValidationError(_("%(unit)s đã ký giao ước này.") % {"unit": organisation})
    if signed_on > today():
        raise ValidationError({"signed_on": _("Ngày ký không được ở tương lai.")})
    return create_record(actor=actor, model=PactSignature, pact=pact, organisation=organisation,
                         signed_on=signed_on, signatory=nfc(signatory), recorded_by=actor)


# --- Criteria sets ---------------------------------------------------------------------------

def _require_editable(criteria_set: CriteriaSet) -> None:
    latest = CriteriaSet.objects.filter(block_id=criteria_set.block_id).aggregate(v=Max("version"))["v"]
    if criteria_set.version != latest:
        raise ValidationError(_("Đây là phiên bản cũ; chỉ sửa được phiên bản mới nhất."), code="old_version")
    if criteria_set.in_use:
        raise ValidationError(_("Bộ tiêu chí đã có đơn vị chấm điểm nên không sửa trực tiếp được; "
                                "hãy tạo phiên bản mới."), code="in_use")


def _check_bands(bands: dict[str, Decimal]) -> None:
    codes = set(Band.Code.values)
    if set(bands) - codes:
        raise ValidationError(_("Mức xếp loại không hợp lệ."))
    ordered = [bands[c] for c in Band.Code.values if bands.get(c) is not None]
    if any(low >= high for high, low in zip(ordered, ordered[1:])):
        raise ValidationError(_("Điểm tối thiểu của các mức xếp loại phải giảm dần: xuất sắc > tốt > hoàn thành > "
                                "chưa hoàn thành."), code="bands_order")


def _write_bands(*, actor, criteria_set, bands: dict[str, Decimal]) -> None:
    existing = {b.code: b for b in criteria_set.bands.all()}
    for code, min_points in bands.items():
        band = existing.pop(code, None)
        if min_points is None:
            if band is not None:
                delete_record(actor=actor, instance=band)
        elif band is None:
            create_record(actor=actor, model=Band, criteria_set=criteria_set, code=code, min_points=min_points)
        elif band.min_points != min_points:
            update_record(actor=actor, instance=band, min_points=min_points)


def _check_movement_of_set(movement: Movement | None, block: EmulationBlock) -> None:
    """A criteria set scores one movement of the block's commune."""
    if movement is None:
        raise ValidationError({"movement": _("Phải chọn phong trào thi đua mà bộ tiêu chí dùng để chấm điểm.")})
    if movement.commune_id != block.commune_id:
        raise ValidationError({"movement": _("Phong trào “%(name)s” không thuộc xã của khối thi đua.")
                               % {"name": movement.name}})


@transaction.atomic
def create_criteria_set(*, actor, block: EmulationBlock, name: str, bands: dict[str, Decimal],
                        movement: Movement | None, top_award: str = "", note: str = "") -> CriteriaSet:
    _require_manager(actor)
    _require_in_commune(actor, block.commune)
    _check_movement_of_set(movement, block)
    _check_bands(bands)
    version = (CriteriaSet.objects.filter(block=block).aggregate(v=Max("version"))["v"] or 0) + 1
    criteria_set = create_record(actor=actor, model=CriteriaSet, block=block, movement=movement, name=nfc(name),
                                 version=version, top_award=top_award, note=note)
    _write_bands(actor=actor, criteria_set=criteria_set, bands=bands)
    return criteria_set


@transaction.atomic
def update_criteria_set(*, actor, criteria_set: CriteriaSet, bands: dict[str, Decimal] | None = None,
                        **fields) -> CriteriaSet:
    _require_manager(actor)
    _require_editable(criteria_set)
    if "name" in fields:
        fields["name"] = nfc(fields["name"])
    if "movement" in fields:
        _check_movement_of_set(fields["movement"], criteria_set.block)
    criteria_set = update_record(actor=actor, instance=criteria_set, **fields)
    if bands is not None:
        _check_bands(bands)
        _write_bands(actor=actor, criteria_set=criteria_set, bands=bands)
    return criteria_set


@transaction.atomic
def add_criterion(*, actor, criteria_set: CriteriaSet, **fields) -> Criterion:
    _require_manager(actor)
    _require_editable(criteria_set)
    return create_record(actor=actor, model=Criterion, criteria_set=criteria_set, **fields)


@transaction.atomic
def update_criterion(*, actor, criterion: Criterion, **fields) -> Criterion:
    _require_manager(actor)
    _require_editable(criterion.criteria_set)
    return update_record(actor=actor, instance=criterion, **fields)


@transaction.atomic
def delete_criterion(*, actor, criterion: Criterion) -> None:
    _require_manager(actor)
    _require_editable(criterion.criteria_set)
    delete_record(actor=actor, instance=criterion)


@transaction.atomic
def new_version(*, actor, criteria_set: CriteriaSet) -> CriteriaSet:
    """Copy a criteria set (bands and criteria) into the block's next version. The scorecards
    entered under the earlier versions stay with them (see ``rescore_under_version``)."""
    _require_manager(actor)
    version = CriteriaSet.objects.filter(block_id=criteria_set.block_id).aggregate(v=Max("version"))["v"] + 1
    copy = create_record(actor=actor, model=CriteriaSet, block=criteria_set.block, movement=criteria_set.movement,
                         name=criteria_set.name, version=version, previous=criteria_set, top_award=criteria_set.top_award,
                         note=criteria_set.note, audit_note=f"Sao từ phiên bản {criteria_set.version}")
    for band in criteria_set.bands.all():
        create_record(actor=actor, model=Band, criteria_set=copy, code=band.code, min_points=band.min_points)
    for c in criteria_set.criteria.all():
        create_record(actor=actor, model=Criterion, criteria_set=copy, group=c.group, code=c.code, text=c.text,
                      kind=c.kind, max_points=c.max_points, evidence_required=c.evidence_required, order=c.order)
    return copy


# --- Scoring ---------------------------------------------------------------------------------

def parse_points(value) -> Decimal | None:
    """'9,5' or '9.5' -> Decimal('9.5'); '' -> None."""
    if value is None or isinstance(value, Decimal):
        return value
    text = str(value).strip().replace(",", ".")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(_("“%(value)s” không phải là số điểm.") % {"value": value},
                              code="not_a_number") from None
    if not number.is_finite():
        raise ValidationError(_("“%(value)s” không phải là số điểm.") % {"value": value}, code="not_a_number")
    return number


CENTS = Decimal("0.01")


def check_points(criterion: Criterion, points: Decimal | None) -> Decimal | None:
    """The points within the criterion's range, to two decimals (as stored)."""
    if points is None:
        return None
    if points != points.quantize(CENTS):
        raise ValidationError(_("Điểm chỉ được có tối đa 2 chữ số thập phân."), code="precision")
    if not criterion.min_score <= points <= criterion.max_score:
        if criterion.kind == Criterion.Kind.PENALTY:
            message = _("Điểm trừ của tiêu chí %(code)s phải từ %(min)s đến 0 (đã nhập %(value)s).")
        else:
            message = _("Điểm tiêu chí %(code)s phải từ 0 đến %(max)s (đã nhập %(value)s).")
        raise ValidationError(message % {"code": criterion.code, "min": format_number(criterion.min_score),
                                         "max": format_number(criterion.max_score), "value": format_number(points)},
                              code="out_of_range")
    return points.quantize(CENTS)


def _fresh(scorecard: Scorecard) -> Scorecard:
    """Re-read the scorecard under a row lock so that a concurrent lock is seen."""
    return Scorecard.objects.select_for_update().select_related("organisation", "criteria_set").get(pk=scorecard.pk)


lock_for_update = _fresh  # for the apps that score through these models (clusters)


def _ensure_not_locked(scorecard: Scorecard) -> None:
    if scorecard.is_locked:
        raise LockedError(
            _("Kết quả chấm điểm của %(unit)s đã khóa ngày %(day)s; không ai được sửa.")
            % {"unit": scorecard.organisation, "day": timezone.localtime(scorecard.locked_at).strftime("%d/%m/%Y")},
            code="locked")


def _criterion_of(scorecard: Scorecard, criterion: Criterion) -> Criterion:
    if criterion.criteria_set_id != scorecard.criteria_set_id:
        raise ValidationError(_("Tiêu chí không thuộc bộ tiêu chí của bảng điểm này."))
    return criterion


@transaction.atomic
def open_scorecard(*, actor, organisation: Organisation, criteria_set: CriteriaSet) -> Scorecard:
    """The unit's scorecard in the block: the one it already has, whatever its version, or a new
    one under the block's current criteria set."""
    _require_unit_actor(actor, organisation)
    if not criteria_set.block.members.filter(pk=organisation.pk).exists():
        raise ValidationError(_("%(unit)s không thuộc %(block)s.") % {"unit": organisation, "block": criteria_set.block})
    latest = CriteriaSet.objects.filter(block_id=criteria_set.block_id).aggregate(v=Max("version"))["v"]
    existing = (Scorecard.objects.filter(criteria_set__block_id=criteria_set.block_id, organisation=organisation)
                .order_by("-criteria_set__version").first())
    if existing is not None:
        # The unit keeps the version it was scored under; only the officer moves it to a newer one.
        return existing
    if criteria_set.version != latest:
        raise ValidationError(_("Bộ tiêu chí này đã có phiên bản mới; hãy chấm theo phiên bản mới nhất."))
    return create_record(actor=actor, model=Scorecard, criteria_set=criteria_set, organisation=organisation)


def _scorable(scorecard: Scorecard, criterion: Criterion, *, state: str, refusal: str, code: str) -> Scorecard:
    """The scorecard as it is now in the database, where ``criterion`` may be scored: not locked,
    in ``state`` (else ``refusal``), and the criterion one of its set's."""
    scorecard = _fresh(scorecard)
    _ensure_not_locked(scorecard)
    if scorecard.state != state:
        raise ValidationError(refusal, code=code)
    _criterion_of(scorecard, criterion)
    return scorecard


@transaction.atomic
def self_score(*, actor, scorecard: Scorecard, criterion: Criterion, points, note: str = "",
               files=()) -> Score:
    """The unit's own score of one criterion, with its explanation and evidence files."""
    _require_unit_actor(actor, scorecard.organisation)
    scorecard = _scorable(scorecard, criterion, state=Scorecard.State.DRAFT, code="submitted",
                          refusal=_("Đơn vị đã nộp kết quả tự chấm; đang chờ Hội đồng chấm."))
    points = check_points(criterion, parse_points(points))
    for upload in files:
        validate_evidence(upload)
    return record_score(actor=actor, scorecard=scorecard, criterion=criterion, note=note, files=files,
                        self_points=points)


def record_score(*, actor, scorecard: Scorecard, criterion: Criterion, note: str, files, **points) -> Score:
    """Write one criterion's points (``self_points`` or ``points``), its note and its evidence
    files, audited. The caller has checked who may, the state and the points."""
    score = scorecard.scores.filter(criterion=criterion).first()
    if score is None:
        score = create_record(actor=actor, model=Score, scorecard=scorecard, criterion=criterion,
                              self_note=nfc(note), **points)
    else:
        score = update_record(actor=actor, instance=score, self_note=nfc(note), **points)
    for upload in files:
        create_record(actor=actor, model=Evidence, score=score, file=upload, original_name=upload.name[-255:],
                      size=upload.size, uploaded_by=actor)
    return score


@transaction.atomic
def delete_evidence(*, actor, evidence: Evidence) -> None:
    scorecard = _fresh(evidence.score.scorecard)
    _require_unit_actor(actor, scorecard.organisation)
    _ensure_not_locked(scorecard)
    if scorecard.state != Scorecard.State.DRAFT:
        raise ValidationError(_("Đơn vị đã nộp kết quả tự chấm; không xóa được minh chứng."))
    delete_record(actor=actor, instance=evidence)


@transaction.atomic
def submit_scorecard(*, actor, scorecard: Scorecard) -> Scorecard:
    _require_unit_actor(actor, scorecard.organisation)
    scorecard = _fresh(scorecard)
    _ensure_not_locked(scorecard)
    if scorecard.state != Scorecard.State.DRAFT:
        raise ValidationError(_("Kết quả tự chấm đã được nộp."))
    scored = set(scorecard.scores.filter(self_points__isnull=False).values_list("criterion_id", flat=True))
    missing = [c.code for c in scorecard.criteria_set.criteria.filter(kind=Criterion.Kind.REGULAR)
               if c.pk not in scored]
    if missing:
        raise ValidationError(_("Còn %(n)s tiêu chí chưa tự chấm: %(codes)s.") % {"n": len(missing), "codes": ", ".join(missing)},
                              code="incomplete")
    scorecard.state, scorecard.submitted_at, scorecard.submitted_by = Scorecard.State.SUBMITTED, timezone.now(), actor
    scorecard.save()
    log_transition(actor=actor, instance=scorecard, from_state=Scorecard.State.DRAFT, to_state=scorecard.state)
    return scorecard


@transaction.atomic
def review_score(*, actor, scorecard: Scorecard, criterion: Criterion, points, reason: str = "") -> Score:
    """A scorer's score of one criterion. A change from the current score needs a written
    reason, kept with the old value (ScoreChange) and in the audit log."""
    _require_scorer(actor)
    _require_in_commune(actor, scorecard.organisation)
    scorecard = _scorable(scorecard, criterion, state=Scorecard.State.SUBMITTED, code="not_submitted",
                          refusal=_("Chỉ chấm được khi đơn vị đã nộp kết quả tự chấm."))
    points = parse_points(points)
    if points is None:
        raise ValidationError({"points": _("Phải nhập số điểm.")})
    points = check_points(criterion, points)
    score = scorecard.scores.filter(criterion=criterion).first()
    old = score.effective if score is not None else None
    if old is not None and old == points:
        return score
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do khi sửa điểm (điểm cũ: %(old)s).")
                               % {"old": format_number(old) if old is not None else _("chưa chấm")}})
    if score is None:
        score = create_record(actor=actor, model=Score, scorecard=scorecard, criterion=criterion, points=points,
                              audit_note=reason)
    else:
        score = update_record(actor=actor, instance=score, points=points, audit_note=reason)
    create_record(actor=actor, model=ScoreChange, score=score, old_points=old, new_points=points, reason=reason,
                  changed_by=actor)
    return score


@transaction.atomic
def return_scorecard(*, actor, scorecard: Scorecard, reason: str) -> Scorecard:
    """Send a submitted scorecard back to the unit to complete its self-score."""
    _require_scorer(actor)
    _require_in_commune(actor, scorecard.organisation)
    scorecard = _fresh(scorecard)
    _ensure_not_locked(scorecard)
    if scorecard.state != Scorecard.State.SUBMITTED:
        raise ValidationError(_("Chỉ trả lại được bảng điểm đã nộp."))
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do trả lại.")})
    scorecard.state = Scorecard.State.DRAFT
    scorecard.save()
    log_transition(actor=actor, instance=scorecard, from_state=Scorecard.State.SUBMITTED, to_state=scorecard.state,
                   note=reason)
    return scorecard


@transaction.atomic
def lock_scorecard(*, actor, scorecard: Scorecard) -> Scorecard:
    _require_scorer(actor)
    _require_in_commune(actor, scorecard.organisation)
    scorecard = _fresh(scorecard)
    _ensure_not_locked(scorecard)
    if scorecard.state != Scorecard.State.SUBMITTED:
        raise ValidationError(_("Chỉ khóa được bảng điểm đơn vị đã nộp."), code="not_submitted")
    scorecard.state, scorecard.locked_at, scorecard.locked_by = Scorecard.State.LOCKED, timezone.now(), actor
    scorecard.save()
    log_transition(actor=actor, instance=scorecard, from_state=Scorecard.State.SUBMITTED, to_state=scorecard.state)
    return scorecard


@transaction.atomic
def rescore_under_version(*, actor, scorecard: Scorecard, reason: str) -> Scorecard:
    """The officer's decision that a unit scored under an earlier criteria-set version be scored
    again under the block's newest version. The earlier scorecard is kept unchanged (a locked one
    stays locked, with its scores); the new one starts as a draft carrying over the unit's
    self-scores of the criteria whose code is unchanged; the ranking then uses the new one. The
    decision and its reason are in the audit log of both scorecards."""
    _require_manager(actor)
    _require_in_commune(actor, scorecard.organisation)
    scorecard = _fresh(scorecard)
    reason = nfc(reason)
    if not reason:
        raise ValidationError({"reason": _("Phải ghi lý do chấm lại theo phiên bản mới.")})
    block_id = scorecard.criteria_set.block_id
    latest = CriteriaSet.objects.filter(block_id=block_id).order_by("-version").first()
    current = (Scorecard.objects.filter(criteria_set__block_id=block_id, organisation=scorecard.organisation)
               .order_by("-criteria_set__version").first())
    if current.pk != scorecard.pk:
        raise ValidationError(_("%(unit)s đã có bảng điểm theo phiên bản %(v)s.")
                              % {"unit": scorecard.organisation, "v": current.criteria_set.version})
    if latest.version <= scorecard.criteria_set.version:
        raise ValidationError(_("Bảng điểm đã theo phiên bản mới nhất (%(v)s) của bộ tiêu chí.")
                              % {"v": scorecard.criteria_set.version})
    note = _("Chấm lại theo phiên bản %(new)s thay bảng điểm phiên bản %(old)s. Lý do: %(reason)s") % {
        "new": latest.version, "old": scorecard.criteria_set.version, "reason": reason}
    card = create_record(actor=actor, model=Scorecard, criteria_set=latest, organisation=scorecard.organisation,
                         replaces=scorecard, replace_reason=reason, audit_note=note)
    log_event(actor=actor, instance=scorecard, action=AuditEntry.Action.UPDATE, note=note)
    by_code = {c.code: c for c in latest.criteria.all()}
    for score in scorecard.scores.select_related("criterion"):
        criterion = by_code.get(score.criterion.code)
        if criterion is None or score.self_points is None:
            continue
        try:
            points = check_points(criterion, score.self_points)
        except ValidationError:
            continue  # out of the new version's range: the unit scores it again
        create_record(actor=actor, model=Score, scorecard=card, criterion=criterion, self_points=points,
                      self_note=score.self_note, audit_note=note)
    return card
