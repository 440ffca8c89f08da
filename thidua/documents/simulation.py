"""A whole round of proposals, from the units' dossiers to the signed decisions and their
certificates, driven through the very services the pages call — the demo's current-year round
(``documents.demo``) and ``manage.py simulate_round --year Y`` share this one code path.

The round runs on its own clock: the lists are put up for public comment early enough that the
comment period has really ended today (``publish_dossier(on=…)``); the council meets today,
after it, votes and closes; the office drafts each decision from the council's result; the
chairman previews the draft (its fingerprint) and signs it. Nothing is written around the
services: a refusal of any service stops the round and nothing of it is kept.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import Role, User
from thidua.awards import services as award_services
from thidua.awards.models import AwardType, Rating, RatingSheet
from thidua.awards.selectors import year_members
from thidua.org.models import Organisation
from thidua.proposals import reports, services
from thidua.proposals.models import (
    AwardRound,
    CouncilMember,
    Decision,
    Dossier,
    Meeting,
    Nomination,
)
from thidua.rules.codes import RoundKind

from . import official
from .frozen import frozen_of, render_frozen
from .ledger import verification_url
from .models import FrozenDecision

NOMINEES_PER_UNIT = 3  # the first is proposed for "Chiến sĩ thi đua cơ sở" as well
LOCATION = "Hội trường UBND xã"


class RoundRefused(Exception):
    """The round cannot be simulated (Vietnamese message): the year already has a signed
    round, a year to come, or data the round needs is missing."""


def round_name(year: int) -> str:
    return f"Tổng kết phong trào thi đua yêu nước năm {year}"


def absolute(path: str) -> str:
    """``path`` on the instance's public address (THIDUA_PUBLIC_BASE_URL)."""
    return settings.THIDUA_PUBLIC_BASE_URL.rstrip("/") + path


# -- who acts ------------------------------------------------------------------------------

@dataclass
class Cast:
    officer: User
    chairman: User
    term: object
    members: list[CouncilMember]
    clerks: list[tuple[Organisation, User]]  # (unit, its clerk), in the order of the units' names


def signed_round(*, commune: Organisation, year: int) -> Dossier | None:
    """A dossier of ``year``'s rounds decided by the commune's own signed decision, if any."""
    return (Dossier.objects.filter(round__commune=commune, round__year=year, decision__kind=Decision.Kind.AWARD,
                                   decision__signer__isnull=False)
            .select_related("decision").order_by("decision__date", "decision__pk").first())


def _cast(commune: Organisation, day: datetime.date) -> Cast:
    missing = []
    officer = (User.objects.filter(role=Role.OFFICER, is_active=True, unit=commune).order_by("pk").first())
    if officer is None:
        missing.append("cán bộ thi đua – khen thưởng của xã (tài khoản đang hoạt động)")
    term = services.current_term(commune, day)
    members = list(term.members.select_related("user__person").order_by("pk")) if term is not None else []
    if term is None:
        missing.append(f"Hội đồng Thi đua – Khen thưởng nhiệm kỳ có hiệu lực ngày {day:%d/%m/%Y}")
    elif not members:
        missing.append(f"thành viên của {term.name}")
    chairman = next((m.user for m in members if m.role == CouncilMember.Role.CHAIRMAN and m.user.is_active
                     and m.user.role == Role.CHAIRMAN), None)
    if chairman is None:
        chairman = (User.objects.filter(role=Role.CHAIRMAN, is_active=True, unit=commune)
                    .select_related("person").order_by("pk").first())
    if chairman is None:
        missing.append("Chủ tịch UBND xã (tài khoản người ký)")
    clerks = {}
    for clerk in (User.objects.filter(role=Role.CLERK, is_active=True, unit__path__startswith=commune.path)
                  .exclude(unit=commune).select_related("unit").order_by("pk")):
        if clerk.unit.valid_until is None:
            clerks.setdefault(clerk.unit_id, (clerk.unit, clerk))
    if not clerks:
        missing.append("văn thư của các đơn vị (để lập hồ sơ đề nghị)")
    if missing:
        raise RoundRefused("Thiếu dữ liệu để mô phỏng đợt khen thưởng: " + "; ".join(missing) + ".")
    return Cast(officer=officer, chairman=chairman, term=term, members=members,
                clerks=sorted(clerks.values(), key=lambda uc: uc[0].name))


# -- the council's ballot (one place, so the ballot's form can change in one place) ------------

def _vote(meeting: Meeting, member: CouncilMember, choices: dict[Nomination, str]) -> None:
    """``member`` votes in ``meeting``: ``choices`` maps each nomination to "yes" or "no"."""
    services.cast_paper(actor=member.user, meeting=meeting,
                        choices={nomination.pk: choice for nomination, choice in choices.items()})


# -- the round ---------------------------------------------------------------------------------

@dataclass
class Result:
    year: int
    award_round: AwardRound
    meeting: Meeting
    dossiers: list[Dossier] = field(default_factory=list)

    def summary(self) -> dict:
        """The round as JSON: each decision with the addresses of its page, DOCX, PDF and
        certificates on the public base address."""
        decisions = []
        for dossier in self.dossiers:
            decision = dossier.decision
            frozen = FrozenDecision.objects.get(decision=decision)
            certificates = []
            for n in (dossier.nominations.filter(outcome=Nomination.Outcome.AWARDED)
                      .select_related("award", "award_type", "person", "organisation", "household__village")
                      .order_by("pk")):
                certificates.append({
                    "award_id": n.award_id, "subject": str(n.subject), "award": n.award_type.name,
                    "pdf": absolute(reverse("documents:certificate_pdf", args=[n.award_id])),
                    "docx": absolute(reverse("documents:certificate_docx", args=[n.award_id])),
                    "verification": verification_url(n.award.verification_code)})
            decisions.append({
                "id": decision.pk, "number": decision.number, "date": decision.date.isoformat(),
                "unit": dossier.unit.name, "signer": decision.signer_name,
                "page": absolute(decision.get_absolute_url()),
                "docx": absolute(reverse("documents:signed_decision", args=[decision.pk, "docx"])),
                "pdf": absolute(reverse("documents:signed_decision", args=[decision.pk, "pdf"])),
                "docx_sha256": frozen.docx_sha256, "pdf_sha256": frozen.pdf_sha256,
                "certificates": certificates})
        return {
            "year": self.year, "round": {"id": self.award_round.pk, "name": self.award_round.name},
            "meeting": {"id": self.meeting.pk, "date": self.meeting.held_on.isoformat(),
                        "page": absolute(reverse("proposals:meeting", args=[self.meeting.pk])),
                        "minutes_docx": absolute(reverse("documents:minutes", args=[self.meeting.pk, "docx"])),
                        "minutes_pdf": absolute(reverse("documents:minutes", args=[self.meeting.pk, "pdf"]))},
            "decisions": decisions,
        }


def refusal(*, commune: Organisation, year: int, today: datetime.date | None = None) -> str | None:
    """Why the round of ``year`` cannot be simulated now (None when it can)."""
    today = today or timezone.localdate()
    if year > today.year:
        return f"Năm {year} chưa đến: chỉ mô phỏng được đợt khen thưởng của năm nay ({today.year}) trở về trước."
    done = signed_round(commune=commune, year=year)
    if done is not None:
        return (f"Năm {year} đã có đợt khen thưởng được ký quyết định ({done.decision}, hồ sơ của "
                f"{done.unit.name}): không mô phỏng thêm.")
    return None


def _nominees(unit: Organisation, year: int, exclude: set[int]) -> list:
    """A few of the unit's members of the year, spread over its list (not the first names only)."""
    people = [m.person for m in year_members(unit=unit, year=year) if m.person_id not in exclude]
    step = max(1, len(people) // NOMINEES_PER_UNIT)
    return people[::step][:NOMINEES_PER_UNIT]


def _rate(*, clerk: User, unit: Organisation, year: int, people: list, log) -> None:
    """The unit's clerk records the year's ratings of the people she proposes (ratings already
    entered are kept; a sheet already sent is the office's to change, and is left alone)."""
    sheet = RatingSheet.objects.filter(organisation=unit, year=year).first()
    if sheet is not None and sheet.state != RatingSheet.State.DRAFT:
        return
    rated = set(Rating.objects.filter(year=year, person__in=people).values_list("person_id", flat=True))
    wanted = {p.pk: ("HTXSNV" if i == 0 else "HTTNV") for i, p in enumerate(people) if p.pk not in rated}
    if wanted:
        award_services.save_rating_grid(actor=clerk, unit=unit, year=year, ratings=wanted)
        log(f"  {unit.name}: xếp loại năm {year} của {len(wanted)} người")


def _prepare_dossier(*, cast_round: AwardRound, unit: Organisation, clerk: User, year: int, types: dict,
                     log) -> Dossier | None:
    taken = set(Nomination.objects.filter(dossier__round__year=year, person__isnull=False)
                .exclude(dossier__state=Dossier.State.REJECTED).values_list("person_id", flat=True))
    people = _nominees(unit, year, taken)
    if not people:
        return None
    _rate(clerk=clerk, unit=unit, year=year, people=people, log=log)
    dossier = services.create_dossier(actor=clerk, award_round=cast_round, unit=unit)
    wanted = [(people[0], types["LDTT"]), (people[0], types["CSTD_CO_SO"]), *((p, types["LDTT"]) for p in people[1:])]
    for person, award_type in wanted:
        nomination = services.add_nomination(actor=clerk, dossier=dossier, subject=person, award_type=award_type)
        if nomination.needs_report:  # the CSTĐ's achievement report; LĐTT has none (the list and minutes)
            record, _ = reports.split(nomination.report, year)
            services.update_report(actor=clerk, nomination=nomination, report=reports.join(record, (
                f"Hoàn thành tốt nhiệm vụ được giao năm {year}; tích cực tham gia các phong trào thi đua của đơn vị "
                f"và của xã; đoàn kết, gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước."),
                year))
    services.update_dossier(actor=clerk, dossier=dossier, unit_minutes=(
        f"Biên bản họp bình xét thi đua, khen thưởng năm {year} của {unit.name}: hội nghị cán bộ, viên chức "
        f"bình xét công khai, biểu quyết nhất trí đề nghị {len(people)} cá nhân."))
    dossier = services.submit_dossier(actor=clerk, dossier=dossier)
    log(f"  {unit.name}: nộp hồ sơ {len(wanted)} đề nghị")
    return dossier


@transaction.atomic
def simulate_round(*, commune: Organisation, year: int, log=lambda message: None) -> Result:
    """Drive one year-end round of ``year`` through the services to signed decisions. Raises
    ``RoundRefused`` (nothing written) when it cannot be done."""
    today = timezone.localdate()
    reason = refusal(commune=commune, year=year, today=today)
    if reason:
        raise RoundRefused(reason)
    cast = _cast(commune, today)
    types = {t.code: t for t in AwardType.objects.filter(code__in=("LDTT", "CSTD_CO_SO"))}
    if len(types) != 2:
        raise RoundRefused("Thiếu dữ liệu để mô phỏng đợt khen thưởng: danh mục chưa có danh hiệu "
                           "“Lao động tiên tiến” và “Chiến sĩ thi đua cơ sở”.")
    try:
        return _run(cast=cast, commune=commune, year=year, today=today, types=types, log=log)
    except ValidationError as exc:
        raise RoundRefused(f"Không mô phỏng được đợt khen thưởng năm {year}: {' '.join(exc.messages)}") from exc
    except PermissionDenied as exc:  # an account without the rights its step needs
        raise RoundRefused(f"Không mô phỏng được đợt khen thưởng năm {year}: {exc}") from exc


def _run(*, cast: Cast, commune: Organisation, year: int, today: datetime.date, types: dict, log) -> Result:
    officer, chairman = cast.officer, cast.chairman
    award_round = (AwardRound.objects.filter(commune=commune, year=year, kind=RoundKind.YEAR_END.value,
                                             name=round_name(year)).order_by("pk").first()
                   or services.create_round(actor=officer, commune=commune, name=round_name(year),
                                            kind=RoundKind.YEAR_END.value, year=year,
                                            deadline=max(datetime.date(year, 12, 10), today)))
    log(f"  {award_round.name}")
    # The round's clock: the lists go up early enough for the comment period to have ended
    # yesterday at the latest; the council meets today, after it.
    published_on = today - datetime.timedelta(days=award_round.publicity_days + 1)

    dossiers = []
    for unit, clerk in cast.clerks:
        dossier = _prepare_dossier(cast_round=award_round, unit=unit, clerk=clerk, year=year, types=types, log=log)
        if dossier is not None:
            dossiers.append(dossier)
    if not dossiers:
        raise RoundRefused(f"Thiếu dữ liệu để mô phỏng đợt khen thưởng: các đơn vị không còn ai để đề nghị năm {year}.")
    for i, dossier in enumerate(dossiers):
        dossiers[i] = services.accept_dossier(actor=officer, dossier=dossier)
        dossiers[i] = services.publish_dossier(actor=officer, dossier=dossiers[i], on=published_on)
    log(f"  công khai từ {published_on:%d/%m/%Y} đến hết {dossiers[0].published_until:%d/%m/%Y}")

    meeting = services.schedule_meeting(actor=officer, term=cast.term, held_on=today, location=LOCATION)
    for dossier in dossiers:
        services.put_on_agenda(actor=officer, dossier=dossier, meeting=meeting)
    services.record_attendance(actor=officer, meeting=meeting, present={m.pk for m in cast.members})
    services.open_meeting(actor=officer, meeting=meeting)
    on_agenda = list(Nomination.objects.filter(dossier__meeting=meeting, outcome=Nomination.Outcome.PENDING)
                     .select_related("person", "household", "dossier__meeting__term").order_by("pk"))
    on_agenda = [n for n in on_agenda if n.goes_to_council]
    for member in cast.members:
        recused = set()
        for n in on_agenda:
            if member.pk in services.recused_member_ids(n, [member]):
                recused.add(n.pk)
        _vote(meeting, member, {n: "yes" for n in on_agenda if n.pk not in recused})
    services.close_meeting(actor=officer, meeting=meeting)
    log(f"  Hội đồng họp ngày {today:%d/%m/%Y}: {len(on_agenda)} đề nghị được bỏ phiếu")

    signed = []
    for dossier in dossiers:
        dossier = Dossier.objects.get(pk=dossier.pk)
        if dossier.state != Dossier.State.VOTED or dossier.upward:
            continue
        if not any(n.outcome == Nomination.Outcome.PASSED for n in dossier.nominations.all()):
            services.reject_dossier(actor=chairman, dossier=dossier, reason="Hội đồng không thông qua đề nghị nào.")
            continue
        texts = services.default_texts(dossier)  # the office's draft: what the data writes
        services.save_decision_draft(actor=officer, dossier=dossier, title=texts["title"],
                                     legal_bases="\n".join(texts["legal_bases"]), articles="\n".join(texts["articles"]),
                                     recipients="\n".join(texts["recipients"]))
        _preview, seen = official.draft_data(dossier=dossier, viewer=chairman)
        notices = services.signing_notices(actor=chairman, dossier=dossier)
        decision = services.sign_decision(actor=chairman, dossier=dossier, seen=seen,
                                          confirmed=any(n.needs_confirmation for n in notices))
        # The signed files now, as the worker's task would moments later: the summary gives their hashes.
        render_frozen(frozen_of(decision).pk)
        log(f"  + {decision} ({dossier.unit.name})")
        signed.append(Dossier.objects.select_related("decision", "unit").get(pk=dossier.pk))
    if not signed:
        raise RoundRefused(f"Không mô phỏng được đợt khen thưởng năm {year}: không có quyết định nào được ký.")
    return Result(year=year, award_round=award_round, meeting=meeting, dossiers=signed)
