"""Reads of the proposal flow, always scoped by the user: a unit clerk sees her unit's
dossiers; commune-wide roles see the commune's. Out-of-scope objects answer 404."""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.awards.engine import current_parameters
from thidua.awards.models import Award, AwardType
from thidua.accounts.scoping import can_see_organisation, province_of, visible_organisations
from thidua.core import workdays
from thidua.core.models import AuditEntry
from thidua.org.models import Organisation
from thidua.rules import codes
from thidua.rules.money import NoBaseSalaryError, payable_amounts

from . import access, reports, workflow
from .checks import before_signing
from .models import (
    Attachment, Attendance, AwardRound, CouncilMember, CouncilTerm, Decision, Dossier, Meeting, Nomination,
    NumberCounter, Objection, Participation, WrittenOpinion, format_number, own_authority,
)

S = Dossier.State
O = Nomination.Outcome
NOMINEE_RELATED = ("award_type", "person", "organisation", "household__village")
# After acceptance, until the decision: the commune settles a CSTĐ cơ sở dossier within
# ``cstd_co_so_processing_working_days`` (20) of the complete dossier (QĐ 638/QĐ-BNV 2025).
SETTLING_STATES = (S.ACCEPTED, S.PUBLISHED, S.AT_COUNCIL, S.VOTED)
SETTLED_CODE = "CSTD_CO_SO"


def procedure_parameters(params=None):
    """The procedure's deadlines are editable rule parameters ([S] in rules.md)."""
    return params or current_parameters(cite_province=False)


def _calendar_around(*days: datetime.date | None) -> dict[datetime.date, bool]:
    """The administrator's days off and swapped working days around ``days`` (one query),
    enough for every deadline computed from them."""
    known = [d for d in days if d is not None]
    if not known:
        return {}
    return workdays.calendar(min(known), max(known) + datetime.timedelta(days=90))


def processing_due(dossier: Dossier, overrides=None, params=None) -> datetime.date | None:
    """The office's deadline: submission + 5 working days (weekends, holidays, Tết skipped)."""
    if dossier.submitted_at is None:
        return None
    return workdays.add_working_days(timezone.localtime(dossier.submitted_at).date(),
                                     procedure_parameters(params).dossier_return_working_days, overrides)


def sending_down_due(decision: Decision | None, overrides=None, params=None) -> datetime.date | None:
    """A signed decision of the commune is sent down to the units within 10 working days."""
    if decision is None or decision.kind != Decision.Kind.AWARD or decision.date is None:
        return None
    return workdays.add_working_days(decision.date, procedure_parameters(params).decision_sending_working_days, overrides)


def settling_due(dossier: Dossier, *, has_cstd: bool, overrides=None, params=None) -> datetime.date | None:
    """The commune's deadline to settle a dossier proposing Chiến sĩ thi đua cơ sở: 20 working
    days (the parameter) from the complete dossier — the submission the office accepted
    (QĐ 638/QĐ-BNV 2025). ``None`` for other dossiers, before acceptance and once settled."""
    if not has_cstd or dossier.submitted_at is None or dossier.state not in SETTLING_STATES:
        return None
    return workdays.add_working_days(timezone.localtime(dossier.submitted_at).date(),
                                     procedure_parameters(params).cstd_co_so_processing_working_days, overrides)


def settling_rule(params=None) -> str:
    """The rule in words, with its source, as the pages show it."""
    from thidua.rules.articles import QD638_PROCEDURE

    p = procedure_parameters(params)
    source = p.source("cstd_co_so_processing_working_days")
    return (f"{p.cstd_co_so_processing_working_days} ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ "
            f"({source.article if source else QD638_PROCEDURE})")


# -- dossiers --------------------------------------------------------------------------------

def visible_dossiers(user) -> QuerySet[Dossier]:
    """Dossiers of units the user sees; drafts only for those who prepare dossiers."""
    if not user.is_authenticated:
        return Dossier.objects.none()
    qs = Dossier.objects.filter(unit__in=visible_organisations(user))
    if not user.can_manage_records:
        qs = qs.exclude(state=S.DRAFT)
    return qs


def _annotated(qs: QuerySet[Dossier]) -> QuerySet[Dossier]:
    return qs.select_related("round", "unit", "meeting", "decision").annotate(
        n_nominations=Count("nominations", distinct=True),
        n_open_objections=Count("objections", filter=Q(objections__answer=""), distinct=True),
        goes_up=Exists(Nomination.objects.filter(dossier=OuterRef("pk")).exclude(
            authority=codes.Authority.CHU_TICH_UBND_XA)),
        has_cstd=_has_cstd(),
    )


def _has_cstd():
    return Exists(Nomination.objects.filter(dossier=OuterRef("pk"), award_type__code=SETTLED_CODE))


def get_dossier(*, user, pk: int) -> Dossier:
    dossier = visible_dossiers(user).select_related("round__commune", "unit", "meeting", "decision",
                                                    "created_by").filter(pk=pk).first()
    if dossier is None:
        raise Http404("Không tìm thấy hồ sơ.")
    return dossier


def get_nomination(*, user, pk: int) -> Nomination:
    nomination = Nomination.objects.select_related("dossier", *NOMINEE_RELATED).filter(
        pk=pk, dossier__in=visible_dossiers(user)).first()
    if nomination is None:
        raise Http404("Không tìm thấy đề nghị.")
    return nomination


def get_attachment(*, user, pk: int) -> Attachment:
    attachment = Attachment.objects.select_related("dossier").filter(pk=pk, dossier__in=visible_dossiers(user)).first()
    if attachment is None:
        raise Http404("Không tìm thấy tệp.")
    return attachment


def get_objection(*, user, pk: int) -> Objection:
    objection = Objection.objects.select_related("dossier").filter(pk=pk, dossier__in=visible_dossiers(user)).first()
    if objection is None:
        raise Http404("Không tìm thấy ý kiến.")
    return objection


def history(dossier: Dossier) -> list[AuditEntry]:
    """The dossier's audit rows, oldest first: every transition with its note."""
    labels = dict(S.choices)
    entries = list(AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Dossier),
                                             object_id=str(dossier.pk)).order_by("id"))
    for e in entries:
        if e.action == AuditEntry.Action.TRANSITION:
            e.from_label, e.to_label = labels.get(e.before["state"], ""), labels.get(e.after["state"], "")
    return entries


def dossier_page(*, user, dossier: Dossier) -> dict:
    nominations = list(dossier.nominations.select_related(*NOMINEE_RELATED, "overridden_by", "award")
                       .prefetch_related("written_opinions"))
    submitted = timezone.localtime(dossier.submitted_at).date() if dossier.submitted_at else None
    decision = dossier.decision if dossier.decision_id else None
    overrides = _calendar_around(submitted, decision.date if decision else None)
    params = procedure_parameters()
    due = processing_due(dossier, overrides, params) if dossier.state in (S.SUBMITTED, S.ACCEPTED) else None
    settle = settling_due(dossier, has_cstd=any(n.award_type.code == SETTLED_CODE for n in nominations),
                          overrides=_calendar_around(submitted), params=params)
    # Dossier.upward from the list already read (the signing check filters dossier.nominations,
    # so the list cannot stand in as that manager's prefetch cache).
    upward = any(n.authority not in (codes.Authority.CHU_TICH_UBND_XA, own_authority(dossier.round.commune))
                 for n in nominations)
    return {
        "dossier": dossier,
        "nominations": nominations,
        "upward": upward,
        # the transitions of the workflow table this user may take now: the page's buttons
        "actions": workflow.available(user, dossier, upward=upward),
        "attachments": list(dossier.attachments.all()),
        "objections": list(dossier.objections.select_related("nomination__person", "nomination__organisation",
                                                              "nomination__household", "answered_by")),
        "history": history(dossier),
        "meetings": list(Meeting.objects.filter(term__commune=dossier.round.commune, state=Meeting.State.PLANNED))
        if dossier.state == S.PUBLISHED else [],
        "can_prepare": access.can_prepare(user, dossier),
        "can_process": access.can_process(user, dossier),
        "may_pass_nominees": workflow.may_do(user, dossier, "pass_nominee"),
        "may_answer_objections": workflow.may_do(user, dossier, "answer_objection"),
        "is_signer": access.is_signer(user, dossier.round.commune),
        "signing_notices": signing_notices(actor=user, dossier=dossier),
        "late": dossier.submitted_at is not None
        and timezone.localtime(dossier.submitted_at).date() > dossier.round.deadline,
        "processing_due": due,
        "processing_overdue": due is not None and dossier.state == S.SUBMITTED and timezone.localdate() > due,
        "sending_down_due": sending_down_due(decision, overrides, params),
        "return_days": params.dossier_return_working_days,
        "sending_days": params.decision_sending_working_days,
        "settling_due": settle,
        "settling_overdue": settle is not None and timezone.localdate() > settle,
        "settling_rule": settling_rule(params),
    }


def open_rounds(*, user, today: datetime.date) -> list[AwardRound]:
    """Rounds a user may file dossiers in: those of her commune (above her unit, or in her
    scope), with a deadline within the last year."""
    ancestors = [int(x) for x in (user.unit.path if user.unit_id else "").strip("/").split("/") if x]
    communes = Q(commune_id__in=ancestors) | Q(commune__in=visible_organisations(user).filter(kind="commune"))
    return list(AwardRound.objects.filter(communes, deadline__gte=today - datetime.timedelta(days=365)))


def _mark(dossier: Dossier, today: datetime.date, overrides=None, params=None) -> Dossier:
    """Deadlines: a dossier still with its unit after the round's deadline is overdue; one
    waiting for the office more than 5 working days after submission is overdue too; a
    CSTĐ cơ sở dossier not settled within 20 working days of the complete dossier is overdue.
    ``processing_due`` is the office's deadline (submission + 5 Vietnamese working days),
    ``settling_due`` the commune's (``settling_due``)."""
    dossier.overdue = dossier.settling_overdue = False
    dossier.processing_due = None
    dossier.settling_due = settling_due(dossier, has_cstd=getattr(dossier, "has_cstd", False),
                                        overrides=overrides, params=params)
    if dossier.state in Dossier.EDITABLE_STATES:
        dossier.overdue = today > dossier.round.deadline
    elif dossier.state in (S.SUBMITTED, S.ACCEPTED) and dossier.submitted_at:
        dossier.processing_due = processing_due(dossier, overrides, params)
        dossier.overdue = dossier.state == S.SUBMITTED and today > dossier.processing_due
    if dossier.settling_due is not None and today > dossier.settling_due:
        dossier.overdue = dossier.settling_overdue = True
    return dossier


def calendar_for_queue(today: datetime.date) -> dict[datetime.date, bool]:
    """The administrator's days for every deadline a work list shows (dossiers of the last
    two years and their deadlines ahead): one query."""
    return workdays.calendar(today - datetime.timedelta(days=3 * 365), today + datetime.timedelta(days=90))


def overdue_dossiers(*, today: datetime.date | None = None) -> list[Dossier]:
    """Every dossier overdue today, all communes (for the deadline notices): still with its
    unit after the round's deadline, or waiting for the office past its processing deadline."""
    today = today or timezone.localdate()
    overrides = calendar_for_queue(today)
    params = procedure_parameters()
    candidates = (Dossier.objects.filter(Q(state__in=Dossier.EDITABLE_STATES, round__deadline__lt=today)
                                         | Q(state=S.SUBMITTED, submitted_at__isnull=False)
                                         | Q(state__in=SETTLING_STATES, submitted_at__isnull=False,
                                             nominations__award_type__code=SETTLED_CODE))
                  .distinct().annotate(has_cstd=_has_cstd())
                  .select_related("round__commune", "unit").order_by("pk"))
    return [d for d in (_mark(d, today, overrides, params) for d in candidates) if d.overdue]


def queue(*, user) -> dict:
    """The user's work: what waits for her, by role, with deadlines and overdue marks."""
    today = timezone.localdate()
    recent = visible_dossiers(user).filter(round__deadline__gte=today - datetime.timedelta(days=2 * 365))
    province = province_of(user)
    if province is not None:  # the province's users work on the province's own rounds, not the communes'
        recent = recent.filter(round__commune=province)
    overrides = calendar_for_queue(today)
    params = procedure_parameters()
    dossiers = [_mark(d, today, overrides, params) for d in _annotated(recent).order_by("round__deadline", "pk")]
    office = access.is_office(user)
    signer = user.role == Role.CHAIRMAN
    context = {"today": today, "office": office, "signer": signer}
    if user.can_manage_records:
        context["rounds"] = open_rounds(user=user, today=today)
        context["preparing"] = [d for d in dossiers if d.state in Dossier.EDITABLE_STATES]
    if office:
        context["to_check"] = [d for d in dossiers if d.state in (S.SUBMITTED, S.ACCEPTED)]
        context["in_publicity"] = [d for d in dossiers if d.state == S.PUBLISHED]
        context["at_province"] = [d for d in dossiers if d.state == S.SENT_TO_PROVINCE]
    if signer:
        context["to_sign"] = [d for d in dossiers if d.state == S.VOTED]
    if CouncilMember.objects.filter(user=user).exists():
        context["ballots"] = pending_ballots(user=user)
    context["dossiers"] = dossiers
    return context


def pending_ballots(*, user) -> list[Nomination]:
    """Nominations of open meetings the user attends and has not voted on yet."""
    seats = {a.meeting_id: a.member for a in Attendance.objects.filter(
        member__user=user, present=True, meeting__state=Meeting.State.OPEN).select_related("member__user__person")}
    if not seats:
        return []
    voted = set(Participation.objects.filter(member__user=user).values_list("nomination_id", flat=True))
    nominations = (Nomination.objects.filter(dossier__meeting_id__in=seats, dossier__state=S.AT_COUNCIL,
                                             outcome=Nomination.Outcome.PENDING)
                   .exclude(pk__in=voted).select_related("dossier__unit", *NOMINEE_RELATED))
    return [n for n in nominations if n.goes_to_council
            and not recused_member_ids(n, [seats[n.dossier.meeting_id]])]


# -- council ---------------------------------------------------------------------------------

def can_see_council(user, commune) -> bool:
    return user.is_authenticated and user.is_commune_wide and can_see_organisation(user, commune)


def get_term(*, user, pk: int) -> CouncilTerm:
    """A council term of a commune the user sees; another commune's term does not exist for her (404)."""
    return get_object_or_404(CouncilTerm.objects.select_related("commune").filter(
        commune__in=visible_organisations(user).filter(kind__in=("commune", "city"))), pk=pk)


def council_overview(*, user) -> dict:
    communes = visible_organisations(user).filter(kind="commune", valid_until__isnull=True)
    province = province_of(user)
    if province is not None:  # the province's own council, not its communes'
        communes = visible_organisations(user).filter(pk=province.pk)
    terms = list(CouncilTerm.objects.filter(commune__in=communes).select_related("commune")
                 .prefetch_related(Prefetch("members", queryset=CouncilMember.objects.select_related("user__person"))))
    current = [t for t in terms if current_term(t.commune) == t]
    for term in terms:
        term.sorted_members = sorted(term.members.all(), key=lambda m: CouncilMember.ROLE_ORDER[m.role])
        term.can_run = access.can_run_meeting(user, term)
    meetings = list(Meeting.objects.filter(term__in=terms).select_related("term")
                    .annotate(n_dossiers=Count("dossiers")))
    return {"terms": terms, "current": current, "meetings": meetings}


def get_meeting(*, user, pk: int) -> Meeting:
    meeting = Meeting.objects.select_related("term__commune").prefetch_related(
        Prefetch("term__members", queryset=CouncilMember.objects.select_related("user__person"))).filter(pk=pk).first()
    if meeting is None or not can_see_council(user, meeting.term.commune):
        raise Http404("Không tìm thấy phiên họp.")
    return meeting


def meeting_page(*, user, meeting: Meeting) -> dict:
    members = sorted(meeting.term.members.all(), key=lambda m: CouncilMember.ROLE_ORDER[m.role])
    attendance = {a.member_id: a.present for a in meeting.attendance.all()}
    for m in members:
        m.present = attendance.get(m.pk)
    me = access.seat(user, meeting.term)
    voted = set(Participation.objects.filter(member=me, nomination__dossier__meeting=meeting)
                .values_list("nomination_id", flat=True)) if me else set()
    dossiers = list(meeting.dossiers.select_related("unit", "round").prefetch_related(
        Prefetch("nominations", queryset=Nomination.objects.select_related(*NOMINEE_RELATED, "overridden_by")
                 .prefetch_related("written_opinions")),
        Prefetch("objections", queryset=Objection.objects.select_related("nomination__person",
                                                                          "nomination__organisation",
                                                                          "nomination__household"))))
    for dossier in dossiers:
        dossier.agenda = [n for n in dossier.nominations.all() if n.goes_to_council]
        for n in dossier.agenda:
            n.dossier = dossier
            n.my_vote = None
            if me is not None and attendance.get(me.pk):
                if n.pk in voted:
                    n.my_vote = "voted"
                elif me.pk in recused_member_ids(n, [me]):
                    n.my_vote = "recused"
                else:
                    blocking = sum(1 for o in dossier.objections.all()
                                   if not o.answer and o.nomination_id in (None, n.pk))
                    n.refusal = voting_refusal(n, open_objections=blocking)
                    n.my_vote = "blocked" if n.refusal else "open"
    absent = [m for m in members if attendance.get(m.pk) is False]
    votes = {n.my_vote for d in dossiers for n in d.agenda}
    my_paper = "voted" if "voted" in votes else "open" if votes & {"open", "blocked"} else None
    return {
        "my_paper": my_paper if meeting.state == Meeting.State.OPEN else None,
        "fairness": round_fairness(user=user, dossiers=dossiers),
        "meeting": meeting, "members": members, "attendance": attendance, "me": me, "dossiers": dossiers,
        "present_count": sum(1 for v in attendance.values() if v), "absent": absent,
        "opinions": list(WrittenOpinion.objects.filter(meeting=meeting).select_related(
            "member__user", "nomination__award_type", "nomination__person", "nomination__organisation",
            "nomination__household")),
        "can_run": access.can_run_meeting(user, meeting.term),
        "open": meeting.state == Meeting.State.OPEN, "closed": meeting.state == Meeting.State.CLOSED,
        "planned": meeting.state == Meeting.State.PLANNED,
    }


def ballot_paper(*, user, meeting: Meeting) -> dict:
    """The user's ballot paper of the meeting: its nominees (with the reason a vote is blocked,
    if one is), and whether she may still vote. Only a member of the term has a paper."""
    me = access.seat(user, meeting.term)
    if me is None:
        raise PermissionDenied("Bạn không phải thành viên Hội đồng nhiệm kỳ này.")
    present = meeting.attendance.filter(member=me, present=True).exists()
    voted = Participation.objects.filter(member=me, nomination__dossier__meeting=meeting).exists()
    nominations = paper_nominations(meeting, me) if present and not voted else []
    unanswered = list(Objection.objects.filter(dossier__meeting=meeting, answer="")
                      .values_list("dossier_id", "nomination_id")) if nominations else []
    for n in nominations:
        n.refusal = voting_refusal(n, open_objections=sum(
            1 for dossier_id, nomination_id in unanswered
            if dossier_id == n.dossier_id and nomination_id in (None, n.pk)))
    is_open = meeting.state == Meeting.State.OPEN
    return {"me": me, "present": present, "voted": voted, "nominations": nominations, "open": is_open,
            "can_vote": is_open and present and not voted and bool(nominations)
            and not any(n.refusal for n in nominations)}


def round_fairness(*, user, dossiers: list[Dossier]) -> list[dict]:
    """For each round on a meeting's agenda: who its proposals go to (awards.fairness classes:
    leaders, staff, direct production workers, women; per proposing unit), beside the share
    of direct workers among the commune's awards of the year before — the seed's goal is to
    raise it. ``dossiers`` carry their ``agenda`` (meeting_page)."""
    from thidua.awards import fairness

    by_round: dict[int, tuple[AwardRound, list[Nomination]]] = {}
    for dossier in dossiers:
        by_round.setdefault(dossier.round_id, (dossier.round, []))[1].extend(dossier.agenda)
    panels = []
    for award_round, nominations in by_round.values():
        proposed = fairness.proposal_figures(nominations, year=award_round.year)
        # The round's commune: a province-wide user would otherwise compare with the province.
        # (A commune's own staff keep their scope, which adds the bodies merged into the commune.)
        commune = None if user.unit_id == award_round.commune_id else award_round.commune
        before = fairness.figures(user=user, years=range(award_round.year - 1, award_round.year), unit=commune)[0]
        direct, earlier = proposed.share("direct"), before.share("direct")
        panels.append({
            "round": award_round, "figures": proposed, "before": before, "labels": fairness.LABELS,
            "shares": {g: proposed.share(g) for g in ("leader", "staff", "direct", "women")},
            "before_direct": earlier, "by_unit": sorted(proposed.by_unit.items()),
            "direct_vs_before": None if direct is None or earlier is None
            else "cao hơn" if direct > earlier else "thấp hơn" if direct < earlier else "bằng",
        })
    return panels


# -- decisions and the public list -----------------------------------------------------------

def get_decision(*, user, pk: int) -> Decision:
    decision = Decision.objects.select_related("issuer", "revokes", "signer").filter(pk=pk).first()
    # A revocation is read by whoever reads the decision it revokes (a commune reads the city's
    # revocation of the awards the city granted on its dossier).
    decided = [decision.pk, decision.revokes_id] if decision is not None and decision.revokes_id else [pk]
    # A commune awarded as a collective on a dossier it does not keep (a cluster's proposal, kept
    # by the leader commune) reads the decision that names it, and the city's notice links to it.
    visible = decision is not None and (
        visible_dossiers(user).filter(decision_id__in=decided).exists()
        or (decision.issuer is not None and user.is_commune_wide and can_see_organisation(user, decision.issuer))
        or (user.is_commune_wide and Nomination.objects.filter(
            dossier__decision_id__in=decided, organisation__kind=Organisation.Kind.COMMUNE,
            organisation__in=visible_organisations(user)).exists()))
    if not visible:
        raise Http404("Không tìm thấy quyết định.")
    return decision


def published_dossiers() -> list[Dossier]:
    today = timezone.localdate()
    return list(Dossier.objects.filter(state=S.PUBLISHED, published_on__lte=today, published_until__gte=today)
                .select_related("unit", "round").annotate(
                    n_public=Count("nominations", filter=~Q(nominations__outcome=Nomination.Outcome.EXCLUDED)))
                .order_by("published_until", "unit__name"))


def get_published(pk: int) -> tuple[Dossier, list[Nomination]]:
    dossier = Dossier.objects.select_related("unit", "round").filter(pk=pk, state=S.PUBLISHED).first()
    if dossier is None or not dossier.publicity_open():
        raise Http404("Danh sách không còn được công khai.")
    nominations = [n for n in dossier.nominations.select_related(*NOMINEE_RELATED) if n.goes_to_council]
    return dossier, nominations


def register_rows(commune) -> list[dict]:
    """Each year and symbol of the commune's register: the last number given and the next."""
    return [{"year": c.year, "series": c.series, "last": format_number(c.last, c.series) if c.last else "—",
             "next": format_number(c.last + 1, c.series)}
            for c in NumberCounter.objects.filter(issuer=commune).order_by("-year", "series")]


# -- the council's reads (the ballot paper, recusal, the vote's refusals) -----------------------

def current_term(commune: Organisation, day=None) -> CouncilTerm | None:
    day = day or timezone.localdate()
    return (CouncilTerm.objects.filter(commune=commune, start__lte=day)
            .exclude(end__lt=day).order_by("-start").first())


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


def unanswered_objections(nomination: Nomination):
    """Objections that block the vote on ``nomination``: about it, or about its whole dossier."""
    return Objection.objects.filter(dossier_id=nomination.dossier_id, answer="").filter(
        Q(nomination__isnull=True) | Q(nomination=nomination))


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


def paper_nominations(meeting: Meeting, member: CouncilMember) -> list[Nomination]:
    """The nominees on the member's ballot paper, in the agenda's order: every nomination of the
    meeting put to the vote, except those she is recused from (the nominee or her household)."""
    nominations = (Nomination.objects.filter(dossier__meeting=meeting, dossier__state=S.AT_COUNCIL,
                                             outcome=Nomination.Outcome.PENDING)
                   .select_related("dossier__meeting", "dossier__unit", "award_type", "person", "organisation",
                                   "household").order_by("dossier_id", "id"))
    return [n for n in nominations if n.goes_to_council and member.pk not in recused_member_ids(n, [member])]


def nominee_label(nomination: Nomination) -> str:
    return f"{nomination.subject} ({nomination.award_type.name})"


# -- what stops a dossier: its submission, its signature --------------------------------------

@dataclass(frozen=True)
class Problem:
    """Why a dossier cannot be submitted yet: ``fix`` names the page that fixes it —
    "report" (the nomination's achievement report), "minutes" or "nominations" (the dossier page)."""

    message: str
    fix: str
    nomination: Nomination | None = None


def submission_problems(dossier: Dossier) -> list[Problem]:
    """Everything that stops ``dossier`` from being submitted, nomination by nomination."""
    nominations = list(dossier.nominations.select_related("award_type", "person", "organisation", "household"))
    problems = []
    if not nominations:
        problems.append(Problem("Hồ sơ chưa có đề nghị nào.", "nominations"))
    for n in nominations:
        message = reports.report_problem(n, dossier.round.year)
        if message:
            problems.append(Problem(message, "report", n))
    if not dossier.round.simplified and not dossier.unit_minutes.strip():
        problems.append(Problem("Chưa có biên bản họp xét của đơn vị.", "minutes"))
    return problems


def amounts(nominations: list[Nomination], *, year: int, day: datetime.date, params) -> dict[int, int | None]:
    """Reward money of each nomination at ``day`` (rules.money.payable_amounts): for one subject
    in one period only the highest title is paid, counting titles already in the ledger."""
    by_subject: dict[tuple, list[Nomination]] = defaultdict(list)
    for n in nominations:
        by_subject[(n.person_id, n.organisation_id, n.household_id)].append(n)
    # An award has exactly one subject: three id lists select the same rows as one condition
    # per subject would (which took longer to build than to run for 500 names).
    subjects = Q(pk__in=[])
    for i, column in enumerate(("person_id", "organisation_id", "household_id")):
        ids = {key[i] for key in by_subject if key[i] is not None}
        if ids:
            subjects |= Q(**{f"{column}__in": sorted(ids)})
    held: dict[tuple, list[str]] = defaultdict(list)
    for *key, code in Award.objects.filter(subjects, year=year, revoked=False, award_type__kind=AwardType.Kind.TITLE) \
            .values_list("person_id", "organisation_id", "household_id", "award_type__code"):
        if tuple(key) in by_subject and codes.parse_award_code(code):
            held[tuple(key)].append(code)
    result = {}
    try:
        for key, group in by_subject.items():
            wanted = [n.award_type.code for n in group]
            payments = {p.code: p for p in payable_amounts([*held[key], *wanted], group[0].subject_kind, day, params)}
            for n in group:
                payment = payments[n.award_type.code]
                result[n.pk] = payment.amount_vnd if payment.paid else None
    except NoBaseSalaryError as exc:
        raise ValidationError(str(exc)) from exc
    return result


def passed_for_signature(dossier: Dossier) -> list[Nomination]:
    if dossier.upward:
        raise ValidationError("Hồ sơ này thuộc thẩm quyền cấp tỉnh: hãy ký tờ trình gửi cấp tỉnh.")
    nominations = list(dossier.nominations.filter(outcome=O.PASSED).select_related(
        "award_type", "person", "organisation", "household__village"))
    if not nominations:
        raise ValidationError("Hội đồng không thông qua đề nghị nào; hãy kết thúc hồ sơ không khen thưởng.")
    return nominations


def signing_notices(*, actor, dossier: Dossier, day: datetime.date | None = None) -> list:
    """What the registered checks (``proposals.checks.before_signing``, e.g. the reward fund's
    balance) would tell the signer if she signed ``dossier`` on ``day`` (today); writes nothing.
    Empty when the dossier cannot be signed here."""
    if dossier.state != S.VOTED or not access.is_signer(actor, dossier.round.commune):
        return []
    try:
        nominations = passed_for_signature(dossier)
        day = day or timezone.localdate()
        money = amounts(nominations, year=dossier.round.year, day=day, params=current_parameters())
    except ValidationError:
        return []
    return before_signing.notices(actor=actor, dossier=dossier, total=sum(v or 0 for v in money.values()),
                                  day=day, dry_run=True)
