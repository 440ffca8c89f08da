"""Writes of the award world. Keyword-only, atomic, permission-checked, audited."""
from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import NotificationKind, Role, User
from thidua.accounts.notifications import notify
from thidua.accounts.permissions import can
from thidua.accounts.scoping import can_edit_in, can_see_organisation
from thidua.core.audit import log_create_many
from thidua.core.services import create_record, delete_record, update_record
from thidua.org.models import Household, Organisation, Person
from thidua.rules import codes
from thidua.rules.parameters import ParameterError, parameters_from_rows

from . import summaries, verdicts
from .engine import used_for_text
from .models import (
    Award, AwardType, Contribution, Discipline, Initiative, PendingMatter, ProvincialRegulation, Rating,
    RatingSheet, RegulationArticle, RuleParameter,
)

def _require_ledger_role(actor, *, by_signature: bool = False) -> None:
    """The office keeps the ledger; a signer's signature on a decision writes its awards."""
    if actor is not None and not (can(actor, "manage_ledger") or (by_signature and can(actor, "decide"))):
        raise PermissionDenied("Chỉ cán bộ thi đua – khen thưởng được ghi sổ khen thưởng.")


def _subject_fields(subject) -> dict:
    if isinstance(subject, Person):
        return {"person": subject}
    if isinstance(subject, Organisation):
        return {"organisation": subject}
    if isinstance(subject, Household):
        return {"household": subject}
    raise ValidationError("Đối tượng khen thưởng không hợp lệ.")


@transaction.atomic
def record_award(*, actor, subject, award_type: AwardType, year: int, issuer_name: str = "",
                 issuer: Organisation | None = None, decision_number: str = "",
                 decision_date: datetime.date | None = None, amount: int | None = None,
                 round_kind: str = "year_end", period_label: str = "", achievement: str = "",
                 source: str = "", initiatives=None, contributions=(), by_signature: bool = False) -> Award:
    """Write one conferred title or form into the ledger. Initiatives and contributions given
    as its grounds are marked used (an initiative grounds one award only: Công văn
    5007/BNV-TĐKT 2023); when ``initiatives`` is not given, the initiative a CSTĐ title rests on
    is found and marked (``grounding_initiatives``). ``by_signature``:
    written because ``actor`` signed the decision (the caller checked the signing right), so
    the chairman or a vice-chairman is the one the audit log names."""
    _require_ledger_role(actor, by_signature=by_signature)
    award = create_record(actor=actor, model=Award, award_type=award_type, year=year, issuer=issuer,
                          issuer_name=issuer_name or (issuer.issuer_name if issuer else ""),
                          decision_number=decision_number, decision_date=decision_date, amount=amount,
                          round_kind=round_kind, period_label=period_label, achievement=achievement,
                          source=source, **_subject_fields(subject))
    summaries.changed([award.person_id])
    verdicts.units_changed([award.organisation_id])  # a unit's own ledger: its stored verdicts
    if initiatives is None:
        initiatives = grounding_initiatives(award)
    for initiative in initiatives:
        use_initiative_as_ground(actor=actor, initiative=initiative, award=award)
    for contribution in contributions:
        if contribution.used_for_award_id:
            raise ValidationError("Đóng góp “%s” đã được dùng làm căn cứ khen thưởng." % contribution.description)
        update_record(actor=actor, instance=contribution, used_for_award=award)
    return award


@transaction.atomic
def record_awards(*, actor, entries: list[dict], by_signature: bool = False, audit_note: str = "") -> list[Award]:
    """Many awards of one decision (a signature of 500 names) written as ``record_award`` writes
    them — each validated, each with its own audit row, CSTĐ titles taking their grounding
    initiative — but in a fixed number of statements. ``entries``: the keyword arguments of
    ``record_award`` (subject, award_type, year, issuer…) without ``initiatives``/``contributions``.
    The awards' subjects and types are the caller's model instances: the checks that would read
    them back one by one are made in Python (``Award.clean``), the database keeps the unique and
    subject constraints."""
    _require_ledger_role(actor, by_signature=by_signature)
    awards = []
    for entry in entries:
        fields = dict(entry)
        subject = fields.pop("subject")
        issuer = fields.get("issuer")
        fields["issuer_name"] = fields.get("issuer_name") or (issuer.issuer_name if issuer else "")
        award = Award(**fields, **_subject_fields(subject))
        award.clean()
        awards.append(award)
    Award.objects.bulk_create(awards, batch_size=500)
    log_create_many(actor=actor, instances=awards, note=audit_note)
    summaries.changed(a.person_id for a in awards)
    verdicts.units_changed(a.organisation_id for a in awards)
    for award in awards:
        if award.person_id and award.award_type.code in ("CSTD_CO_SO", "CSTD_TINH"):
            for initiative in grounding_initiatives(award):
                use_initiative_as_ground(actor=actor, initiative=initiative, award=award)
    return awards


def grounding_initiatives(award: Award) -> list[Initiative]:
    """The initiative a person's CSTĐ title rests on, when it rests on one (Luật Điều 22–23):
    CSTĐ cơ sở without an excellent rating that year rests on an initiative (or science topic)
    of the year; CSTĐ cấp tỉnh on one of province-wide scope in its chain of years. The first
    one not yet used grounds it; nothing else is consumed."""
    from thidua.rules.codes import Rating as R, Scope

    from .engine import current_parameters

    code = award.award_type.code
    if not award.person_id or code not in ("CSTD_CO_SO", "CSTD_TINH"):
        return []
    params = current_parameters()
    if code == "CSTD_CO_SO":
        rating = Rating.objects.filter(person_id=award.person_id, year=award.year).values_list("rating", flat=True).first()
        if rating and R(rating).at_least(params.cstd_co_so_rating_ground):
            return []
        years, minimum = [award.year], params.cstd_co_so_min_initiative_scope
    else:
        years = list(range(award.year - params.cstd_tinh_chain_years + 1, award.year + 1))
        minimum = params.cstd_tinh_min_initiative_scope
    for initiative in Initiative.objects.filter(authors=award.person_id, year__in=years,
                                                used_for_award__isnull=True).order_by("year", "pk"):
        if Scope(initiative.scope).at_least(minimum):
            return [initiative]
    return []


@transaction.atomic
def use_initiative_as_ground(*, actor, initiative: Initiative, award: Award) -> Initiative:
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    if initiative.used_for_award_id and initiative.used_for_award_id != award.pk:
        used = initiative.used_for_award
        raise ValidationError(
            "Sáng kiến “%(title)s” đã được dùng làm căn cứ cho %(award)s của %(subject)s; mỗi sáng kiến chỉ làm "
            "căn cứ cho một khen thưởng (Công văn 5007/BNV-TĐKT năm 2023)."
            % {"title": initiative.title, "award": used_for_text(used.award_type.name, used.year, used.decision_number),
               "subject": used.subject})
    summaries.changed(initiative.authors.values_list("pk", flat=True))  # their stored verdicts read it
    return update_record(actor=actor, instance=initiative, used_for_award=award)


@transaction.atomic
def revoke_award(*, actor, award: Award, reason: str, by_signature: bool = False) -> Award:
    _require_ledger_role(actor, by_signature=by_signature)
    if not reason.strip():
        raise ValidationError("Phải ghi căn cứ thu hồi.")
    summaries.changed([award.person_id])
    verdicts.units_changed([award.organisation_id])  # a unit's own ledger: its stored verdicts
    return update_record(actor=actor, instance=award, revoked=True, revocation_note=reason.strip())


@transaction.atomic
def set_rating(*, actor, subject, year: int, rating: str, note: str = "") -> Rating:
    """Record (or change) the yearly rating of a person or collective. A unit clerk may
    rate the people and collectives of her own unit."""
    unit = subject if isinstance(subject, Organisation) else None
    if actor is not None and not can(actor, "manage_ledger"):
        units = [unit] if unit else [m.organisation for m in subject.memberships.select_related("organisation")]
        if not any(can_edit_in(actor, u) for u in units if u):
            raise PermissionDenied("Bạn không có quyền xếp loại đối tượng này.")
    fields = _subject_fields(subject)
    if isinstance(subject, Person):
        summaries.changed([subject.pk])
    elif unit is not None:
        verdicts.units_changed([unit.pk])
    existing = Rating.objects.select_for_update().filter(year=year, **fields).first()
    if existing:
        return update_record(actor=actor, instance=existing, rating=rating, note=note)
    return create_record(actor=actor, model=Rating, year=year, rating=rating, note=note, **fields)


@transaction.atomic
def add_initiative(*, actor, title: str, kind: str, authors, year: int, scope: str,
                   unit: Organisation | None = None, recognition_decision: str = "",
                   recognition_date=None, recognised_by: str = "") -> Initiative:
    _require_ledger_role(actor)
    initiative = create_record(actor=actor, model=Initiative, title=title, kind=kind, year=year, scope=scope,
                               unit=unit, recognition_decision=recognition_decision,
                               recognition_date=recognition_date, recognised_by=recognised_by)
    initiative.authors.set(authors)
    summaries.changed(initiative.authors.values_list("pk", flat=True))  # their stored verdicts read it
    return initiative


@transaction.atomic
def record_discipline(*, actor, person: Person, form: str, start, end, decision_number: str = "",
                      note: str = "") -> Discipline:
    _require_ledger_role(actor)
    summaries.changed([person.pk])  # the person's stored candidate verdicts read it
    return create_record(actor=actor, model=Discipline, person=person, form=form, start=start, end=end,
                         decision_number=decision_number, note=note)


@transaction.atomic
def open_pending_matter(*, actor, subject, kind: str, opened_on, note: str = "") -> PendingMatter:
    _require_ledger_role(actor)
    if isinstance(subject, Person):
        summaries.changed([subject.pk])  # the person's stored candidate verdicts read it
    elif isinstance(subject, Organisation):
        verdicts.units_changed([subject.pk])
    return create_record(actor=actor, model=PendingMatter, kind=kind, opened_on=opened_on, note=note,
                         **_subject_fields(subject))


@transaction.atomic
def close_pending_matter(*, actor, matter: PendingMatter, closed_on) -> PendingMatter:
    _require_ledger_role(actor)
    matter = PendingMatter.objects.select_for_update().get(pk=matter.pk)
    if matter.closed_on is not None:
        raise ValidationError("Vụ việc đã kết thúc ngày %s." % f"{matter.closed_on:%d/%m/%Y}")
    if closed_on < matter.opened_on:
        raise ValidationError("Ngày kết thúc không được trước ngày bắt đầu (%s)." % f"{matter.opened_on:%d/%m/%Y}")
    summaries.changed([matter.person_id])  # the person's stored candidate verdicts read it
    verdicts.units_changed([matter.organisation_id])
    return update_record(actor=actor, instance=matter, closed_on=closed_on)


@transaction.atomic
def add_contribution(*, actor, household: Household, year: int, kind: str, description: str,
                     value_vnd: int | None = None, area_m2: int | None = None) -> Contribution:
    if actor is not None and not can_see_organisation(actor, household.village):
        raise PermissionDenied("Hộ gia đình ngoài phạm vi của bạn.")
    return create_record(actor=actor, model=Contribution, household=household, year=year, kind=kind,
                         description=description, value_vnd=value_vnd, area_m2=area_m2)


def _check_parameters(rows: list[dict]) -> None:
    try:
        parameters_from_rows(rows)
    except (ParameterError, ValueError) as exc:
        raise ValidationError(f"Giá trị không hợp lệ: {exc}") from exc


@transaction.atomic
def update_parameter(*, actor, parameter: RuleParameter, value_text: str, source_note: str) -> RuleParameter:
    """The administrator edits a rule's number; the whole catalogue must still be readable
    by the engine, and the change must say where the new value comes from."""
    if actor is not None and not can(actor, "administer"):
        raise PermissionDenied("Chỉ quản trị hệ thống được sửa tham số quy định.")
    if not source_note.strip():
        raise ValidationError("Phải ghi nguồn (văn bản, điều khoản) của giá trị mới.")
    rows = list(RuleParameter.objects.exclude(pk=parameter.pk).values("key", "value_text", "article", "marker", "description"))
    rows.append({"key": parameter.key, "value_text": value_text.strip(), "article": parameter.article,
                 "marker": parameter.marker, "description": parameter.description})
    _check_parameters(rows)
    verdicts.rules_changed()
    return update_record(actor=actor, instance=parameter, value_text=value_text.strip(),
                         source_note=source_note.strip())


@transaction.atomic
def add_base_salary(*, actor, effective_from: datetime.date, amount: int, article: str) -> RuleParameter:
    if actor is not None and not can(actor, "administer"):
        raise PermissionDenied("Chỉ quản trị hệ thống được sửa bảng lương cơ sở.")
    key = f"base_salary.{effective_from.isoformat()}"
    if RuleParameter.objects.filter(key=key).exists():
        raise ValidationError("Đã có mức lương cơ sở áp dụng từ ngày này.")
    if amount <= 0:
        raise ValidationError("Mức lương cơ sở phải lớn hơn 0.")
    verdicts.rules_changed()
    return create_record(actor=actor, model=RuleParameter, key=key, value_text=str(amount), article=article,
                         marker="V", description=f"Lương cơ sở từ ngày {effective_from:%d/%m/%Y}")


# --- Yearly ratings entered in the grid of a unit (clerk enters and sends, officer confirms) ---

def _is_office(actor) -> bool:
    return can(actor, "manage_ledger")


def _require_rater(actor, unit: Organisation) -> None:
    if not (_is_office(actor) or (actor.role == Role.CLERK and can_edit_in(actor, unit))):
        raise PermissionDenied("Bạn không có quyền xếp loại thành viên của đơn vị này.")


def _sheet(unit: Organisation, year: int) -> RatingSheet:
    sheet, _ = RatingSheet.objects.select_for_update().get_or_create(organisation=unit, year=year)
    return sheet


@transaction.atomic
def save_rating_grid(*, actor, unit: Organisation, year: int, ratings: dict[int, str],
                     notes: dict[int, str] | None = None, unit_rating: str | None = None) -> RatingSheet:
    """Record the ratings of the unit's members for ``year`` in one go (all or nothing).
    ``ratings`` maps a member's person id to a rating code, or "" to clear it. A clerk may
    change her unit's sheet until she sends it; the office may change it at any time."""
    from .selectors import year_members

    _require_rater(actor, unit)
    sheet = _sheet(unit, year)
    if not _is_office(actor) and sheet.state != RatingSheet.State.DRAFT:
        raise ValidationError(f"Bảng xếp loại năm {year} đã gửi ({sheet.get_state_display().lower()}); "
                              "muốn sửa, đề nghị cán bộ thi đua – khen thưởng trả lại.")
    members = {m.person_id: m.person for m in year_members(unit=unit, year=year)}
    strangers = set(ratings) - set(members)
    if strangers:
        raise ValidationError("Có người không phải thành viên của đơn vị trong năm này; không lưu gì.")
    valid = {m.value for m in codes.Rating}
    wrong = [members[pid].full_name for pid, code in ratings.items() if code and code not in valid]
    if wrong:
        raise ValidationError("Xếp loại không hợp lệ của: " + ", ".join(wrong) + ".")
    notes = notes or {}
    existing = {r.person_id: r for r in Rating.objects.select_for_update().filter(year=year, person_id__in=ratings)}
    with summaries.batched():  # one refresh task for the sheet, not one per member
        for pid, code in ratings.items():
            note = (notes.get(pid) or "").strip()[:255]
            if code:
                set_rating(actor=actor, subject=members[pid], year=year, rating=code, note=note)
            elif pid in existing:
                summaries.changed([pid])
                delete_record(actor=actor, instance=existing[pid], audit_note="Xóa xếp loại trong bảng của đơn vị")
    if unit_rating:
        if unit_rating not in valid:
            raise ValidationError("Xếp loại của tập thể không hợp lệ.")
        set_rating(actor=actor, subject=unit, year=year, rating=unit_rating)
    return sheet


@transaction.atomic
def submit_rating_sheet(*, actor, unit: Organisation, year: int) -> RatingSheet:
    """The clerk sends the complete sheet to the commune's officer."""
    from .selectors import rating_grid

    _require_rater(actor, unit)
    sheet = _sheet(unit, year)
    if sheet.state != RatingSheet.State.DRAFT:
        raise ValidationError("Bảng xếp loại này đã được gửi.")
    missing = rating_grid(unit=unit, year=year).missing
    if missing:
        names = ", ".join(r.person.full_name for r in missing[:10]) + ("…" if len(missing) > 10 else "")
        raise ValidationError(f"Còn {len(missing)} người chưa xếp loại: {names}.")
    sheet = update_record(actor=actor, instance=sheet, state=RatingSheet.State.SUBMITTED,
                          submitted_by=actor, submitted_at=timezone.now(), return_reason="")
    officers = User.objects.filter(role=Role.OFFICER, is_active=True)
    notify(users=[u for u in officers if can_see_organisation(u, unit)], kind=NotificationKind.GENERAL,
           title=f"{unit.name} đã gửi xếp loại năm {year}",
           body="Đề nghị xem và xác nhận bảng xếp loại.",
           url=reverse("awards:rating_grid", args=[unit.pk, year]))
    return sheet


@transaction.atomic
def confirm_rating_sheet(*, actor, unit: Organisation, year: int) -> RatingSheet:
    """The officer confirms the unit's ratings; the clerk can no longer change them."""
    from .selectors import rating_grid

    if not _is_office(actor):
        raise PermissionDenied("Chỉ cán bộ thi đua – khen thưởng xác nhận xếp loại.")
    sheet = _sheet(unit, year)
    if sheet.state == RatingSheet.State.CONFIRMED:
        raise ValidationError("Bảng xếp loại này đã được xác nhận.")
    if rating_grid(unit=unit, year=year).missing:
        raise ValidationError("Chưa thể xác nhận: còn thành viên chưa xếp loại.")
    return update_record(actor=actor, instance=sheet, state=RatingSheet.State.CONFIRMED,
                         confirmed_by=actor, confirmed_at=timezone.now())


@transaction.atomic
def return_rating_sheet(*, actor, unit: Organisation, year: int, reason: str) -> RatingSheet:
    """The officer gives the sheet back to the unit, with the reason, so that it is corrected."""
    if not _is_office(actor):
        raise PermissionDenied("Chỉ cán bộ thi đua – khen thưởng trả lại bảng xếp loại.")
    if not reason.strip():
        raise ValidationError("Phải ghi lý do trả lại.")
    sheet = _sheet(unit, year)
    if sheet.state == RatingSheet.State.DRAFT:
        raise ValidationError("Bảng xếp loại này đang ở đơn vị.")
    sheet = update_record(actor=actor, instance=sheet, state=RatingSheet.State.DRAFT, confirmed_by=None,
                          confirmed_at=None, return_reason=reason.strip()[:255])
    clerks = User.objects.filter(role=Role.CLERK, is_active=True, unit=unit)
    notify(users=clerks, kind=NotificationKind.GENERAL, title=f"Bảng xếp loại năm {year} được trả lại",
           body=reason.strip(), url=reverse("awards:rating_grid", args=[unit.pk, year]))
    return sheet


@transaction.atomic
def set_person_rating(*, actor, person: Person, year: int, rating: str, note: str = "") -> RatingSheet:
    """One rating from the person's page, by the same rules as the unit's grid: it goes into
    the sheet of the unit where the person worked that year (the one the actor may rate)."""
    from .selectors import year_units

    units = [u for u in year_units(person=person, year=year)
             if _is_office(actor) or (actor.role == Role.CLERK and can_edit_in(actor, u))]
    if not units:
        raise ValidationError(f"{person.full_name} không là thành viên của đơn vị nào bạn được xếp loại "
                              f"trong năm {year}.")
    return save_rating_grid(actor=actor, unit=units[0], year=year, ratings={person.pk: rating},
                            notes={person.pk: note})

def _require_admin(actor) -> None:
    if actor is not None and not can(actor, "administer"):
        raise PermissionDenied("Chỉ quản trị hệ thống được nhập quy định của tỉnh.")


@transaction.atomic
def save_regulation(*, actor, province: Organisation, number: str, signed_on: datetime.date, issuer: str,
                    title: str = "", document_kind: str = "Quyết định", articles: dict[str, str] | None = None,
                    council_vote_rule: str = "share") -> ProvincialRegulation:
    """Enter (or correct) the province's regulation, the article of each provincial rule, and
    the council's vote rule the province chose (its article is then what the ballot cites)."""
    from thidua.rules.articles import PROVINCIAL_RULES
    from thidua.rules.parameters import COUNCIL_RULES

    _require_admin(actor)
    articles = {k: (v or "").strip() for k, v in (articles or {}).items()}
    unknown = sorted(set(articles) - set(PROVINCIAL_RULES))
    if unknown:
        raise ValidationError("Không có quy định của tỉnh về: %s." % ", ".join(unknown))
    if council_vote_rule not in COUNCIL_RULES:
        raise ValidationError("Cách biểu quyết của Hội đồng không hợp lệ.")
    if council_vote_rule == "majority" and not articles.get("council_vote"):
        raise ValidationError("Chọn biểu quyết theo đa số thì phải ghi điều, khoản của quy định tỉnh quy định việc đó.")
    fields = {"document_kind": (document_kind or "").strip() or "Quyết định", "number": number.strip(),
              "signed_on": signed_on, "issuer": issuer.strip(), "title": (title or "").strip()}
    regulation = ProvincialRegulation.objects.select_for_update().filter(province=province).first()
    if regulation is None:
        regulation = create_record(actor=actor, model=ProvincialRegulation, province=province, **fields)
    else:
        regulation = update_record(actor=actor, instance=regulation, **fields)
    existing = {a.rule_key: a for a in regulation.articles.all()}
    for key in PROVINCIAL_RULES:
        text, row = articles.get(key, ""), existing.get(key)
        if text and row is None:
            create_record(actor=actor, model=RegulationArticle, regulation=regulation, rule_key=key, article=text)
        elif text and row.article != text:
            update_record(actor=actor, instance=row, article=text)
        elif not text and row is not None:
            delete_record(actor=actor, instance=row)
    _set_council_vote_rule(actor=actor, mode=council_vote_rule,
                           source=f"{regulation.heading}, {articles['council_vote']}" if articles.get("council_vote")
                           else "")
    verdicts.rules_changed()  # the checks cite the regulation's articles
    return regulation


def _set_council_vote_rule(*, actor, mode: str, source: str) -> None:
    from thidua.rules.parameters import DEFAULT_PARAMETERS

    parameter = RuleParameter.objects.select_for_update().filter(key="council_vote_rule").first()
    if parameter is None:
        src = DEFAULT_PARAMETERS.source("council_vote_rule")
        create_record(actor=actor, model=RuleParameter, key="council_vote_rule", value_text=mode,
                      article=src.article, marker=str(src.marker), description=src.description, source_note=source)
    elif parameter.value_text != mode or parameter.source_note != source:
        update_record(actor=actor, instance=parameter, value_text=mode, source_note=source)
