"""The official documents of the proposal flow, each composed once into one structure
(``thidua.documents.data``) from which both the DOCX and the PDF are rendered:

- the decision: from the draft the office wrote (``proposals.services.drafts``) and the data
  (the passed nominations, their money, the number, the signer). The chairman previews the
  draft rendered (marked DỰ THẢO); at her signature the same composition, with the number and
  date, is kept (``FrozenDecision.structure``) and a task renders it once to DOCX and PDF:
  every later delivery hands out those bytes, whatever the ledger says afterwards;
- the minutes of a council meeting: members present and absent by name and position, written
  opinions, each nominee's count against all members, the rule applied and its source (as the
  count recorded them at the close), the real times the vote opened and closed.
"""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils import timezone

from thidua.accounts import people
from thidua.awards.catalogue import title_name
from thidua.awards.engine import current_parameters
from thidua.core.audit import log_create
from thidua.core.text import collation_key
from thidua.org.models import Person
from thidua.proposals import access
from thidua.proposals.models import CouncilMember, Decision, Dossier, Meeting, Nomination
from thidua.proposals.services import decisions as decision_services
from thidua.proposals.services import drafts
from thidua.rules import articles

from .data import BallotResult, DecisionData, DecisionLine, IssuerBlock, MinutesData, SignerBlock
from .fmt import place_of
from .frozen import structure_of
from .ledger import in_list_order, list_key, membership_on
from .models import FrozenDecision
from .tasks import render_signed_decision

DRAFT_MARK = "DỰ THẢO"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def signer_block(capacity: str, name: str) -> SignerBlock:
    lines = [line.strip().upper() for line in (capacity or "CHỦ TỊCH").splitlines() if line.strip()]
    return SignerBlock(lines=lines or ["CHỦ TỊCH"], name=name)


def _line(n: Nomination, amount, day) -> tuple:
    if n.person_id:
        m = membership_on(n.person, day)
        detail = ", ".join(x for x in [m.position if m else "", m.organisation.name if m else ""] if x)
        if not detail and n.person.household_id:
            detail = n.person.household.village.name
        return list_key(n.person.full_name, person=True), DecisionLine(n.person.full_name, detail, n.award_type.name,
                                                                         amount)
    if n.organisation_id:
        return list_key(n.organisation.name, person=False), DecisionLine(
            n.organisation.name, "", title_name(n.award_type, n.organisation), amount)
    household = n.household
    return (list_key(household.head_name, person=False),
            DecisionLine(f"Hộ gia đình {household.head_name}", household.village.name, n.award_type.name, amount))


def decision_lines(nominations, money: dict, day) -> list[DecisionLine]:
    """The attached list, by form then given name (the order of the ledger's decisions)."""
    prefetch_related_objects([n.person for n in nominations if n.person_id],
                             "memberships__organisation", "household__village")  # not one query per name
    return in_list_order([_line(n, money.get(n.pk), day) for n in nominations])


def decision_data(*, dossier: Dossier, texts: dict, nominations, money: dict, number: str | None, day,
                  signer: SignerBlock, marking: str = "") -> DecisionData:
    commune = dossier.round.commune
    committee = commune.issuer_name  # "UBND xã Nam Thanh Miện"
    if number is None:
        given = texts.get("register_number")
        number = drafts.format_number(given, decision_services.DECISION_SERIES) if given \
            else f"/{decision_services.DECISION_SERIES}"
    when = f"năm học {dossier.round.period_label}" if dossier.round.period_label else f"năm {dossier.round.year}"
    return DecisionData(
        issuer=IssuerBlock.commune_committee(commune.name), number=number, date=day,
        place=place_of(commune.name), title=texts["title"],
        authority=f"CHỦ TỊCH ỦY BAN NHÂN DÂN {commune.name.upper()}", body=list(texts["articles"]),
        signer=signer, recipients=[f"- {r}" for r in texts["recipients"]],
        lines=decision_lines(nominations, money, day), legal_bases=list(texts["legal_bases"]),
        list_subtitle=f"TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG {when.upper()}",
        decided_by=f"Chủ tịch {committee}", marking=marking)


# -- the draft -------------------------------------------------------------------------------

def draft_data(*, dossier: Dossier, viewer=None) -> tuple[DecisionData, str]:
    """The draft as the chairman will sign it (marked DỰ THẢO; number and date still blank
    unless the register gave the number), and its fingerprint."""
    texts = drafts.texts_of(dossier)
    nominations = drafts.passed_nominations(dossier)
    day = timezone.localdate()
    try:
        money = decision_services.amounts(nominations, year=dossier.round.year, day=day,
                                          params=current_parameters())
    except ValidationError:  # no base salary for the day: the list shows no amount, the signature will refuse
        money = {}
    if viewer is not None and access.is_signer(viewer, dossier.round.commune):
        signer = signer_block(access.signer_capacity(viewer), people.full_name(viewer))
    else:
        signer = SignerBlock(lines=["CHỦ TỊCH"])
    data = decision_data(dossier=dossier, texts=texts, nominations=nominations, money=money, number=None, day=None,
                         signer=signer, marking=DRAFT_MARK)
    return data, drafts.fingerprint(texts)


# -- the signature ---------------------------------------------------------------------------

def freeze_decision(*, decision: Decision, dossier: Dossier, texts: dict, money: dict, nominations, **_ignored):
    """``proposals.checks.at_signing`` hook: keep, in the signing transaction, the structure of
    the signed decision (from the draft the chairman saw, with its number, date and signer) and
    queue the task that renders its DOCX and PDF from it (``frozen.render_frozen``)."""
    data = decision_data(dossier=dossier, texts=texts, nominations=nominations, money=money, number=decision.number,
                         day=decision.date, signer=signer_block(decision.signer_capacity, decision.signer_name))
    frozen = FrozenDecision.objects.create(decision=decision, structure=structure_of(data))
    log_create(actor=decision.signer, instance=frozen,
               note=f"Văn bản Quyết định số {decision.number}: giữ nguyên nội dung đã ký; DOCX và PDF đang được tạo")
    render_signed_decision.enqueue(frozen.pk)  # in the signing transaction: queued exactly when signed
    return frozen


# -- the minutes -----------------------------------------------------------------------------

def _honorific(user) -> str:
    person = getattr(user, "person", None)
    if person is None:
        return ""
    return "Bà " if person.gender == Person.Gender.FEMALE else "Ông "


def member_line(member: CouncilMember, day=None) -> str:
    """"Ông Vũ Văn Nguyễn, Phó Chủ tịch UBND xã - Phó Chủ tịch Hội đồng"."""
    position = people.position(member.user, day) or member.position
    parts = [f"{_honorific(member.user)}{people.full_name(member.user)}", position]
    return ", ".join(p for p in parts if p) + f" - {member.get_role_display()}"


def _nominee(n: Nomination, day) -> tuple[str, str]:
    if n.person_id:
        m = membership_on(n.person, day)
        return n.person.full_name, ", ".join(x for x in [m.position if m else "", m.organisation.name if m else ""] if x)
    if n.organisation_id:
        return n.organisation.name, ""
    return f"Hộ gia đình {n.household.head_name}", n.household.village.name


def minutes_data(meeting: Meeting) -> MinutesData:
    commune = meeting.term.commune
    opened = timezone.localtime(meeting.opened_at) if meeting.opened_at else None
    closed = timezone.localtime(meeting.closed_at) if meeting.closed_at else None
    day = opened.date() if opened else None
    members = sorted(meeting.term.members.select_related("user__person"), key=lambda m: CouncilMember.ROLE_ORDER[m.role])
    present = {a.member_id: a.present for a in meeting.attendance.all()}
    attendees = [member_line(m, day) for m in members if present.get(m.pk)]
    absentees = [member_line(m, day) for m in members if not present.get(m.pk)]
    chair = next((m for m in members if m.role == CouncilMember.Role.CHAIRMAN and present.get(m.pk)), None) \
        or next((m for m in members if m.role == CouncilMember.Role.VICE_CHAIRMAN and present.get(m.pk)), None)
    secretary = next((m for m in members if m.role == CouncilMember.Role.SECRETARY), None)
    # Only the nominations put to the vote: one left out before it (excluded at publication,
    # withdrawn) has no count and is not in the results.
    nominations = list(Nomination.objects.filter(dossier__meeting=meeting, tally__isnull=False).exclude(tally={})
                       .select_related("award_type", "person__household__village", "organisation",
                                       "household__village", "dossier__unit").order_by("dossier_id", "pk"))
    opinions = []
    for o in meeting.written_opinions.select_related("member__user__person", "nomination__person",
                                                       "nomination__organisation", "nomination__household"):
        name, _detail = _nominee(o.nomination, day)
        opinions.append(f"{_honorific(o.member.user)}{people.full_name(o.member.user)} "
                        f"{'đồng ý' if o.agrees else 'không đồng ý'} đề nghị khen thưởng {name}"
                        + (f" ({o.text})" if o.text else ""))
    ballots, rules = [], []
    for n in nominations:
        t = n.tally or {}
        name, detail = _nominee(n, day)
        approvals = t.get("yes", 0) + (t.get("written_yes", 0) if t.get("written_counted") else 0)
        ballots.append(BallotResult(name=name, position_unit=detail, proposed=n.award_type.name, approvals=approvals,
                                    members_total=t.get("members", 0), passed=bool(t.get("passed")),
                                    against=t.get("no")))
        article = articles.on_paper(t.get("article", ""))
        rule = t.get("rule", "") + (f" (căn cứ {article})" if article and t.get("rule") else article)
        if rule and rule not in rules:
            rules.append(rule)
    body = [f"Nguyên tắc xét: {rule}." for rule in rules]
    for b in ballots:
        body.append(f"- {b.name} ({b.proposed}): {b.approvals}/{b.members_total} thành viên Hội đồng đồng ý "
                    f"({b.percent_text}% tổng số thành viên)"
                    + (f", {b.against} không đồng ý" if b.against is not None else "")
                    + f"; {'đạt' if b.is_passed else 'không đạt'}.")
    if opened:
        body.append(f"Bỏ phiếu kín mở lúc {opened:%H} giờ {opened:%M} phút ngày {opened:%d/%m/%Y}"
                    + (f", kết thúc lúc {closed:%H} giờ {closed:%M} phút ngày {closed:%d/%m/%Y}." if closed else "."))
    who = ", ".join(sorted({d.unit.name for d in meeting.dossiers.select_related("unit")}, key=collation_key))
    return MinutesData(
        issuer=IssuerBlock.council_of(commune.name), number="/BB-HĐTĐKT", date=day, place=place_of(commune.name),
        title="Họp xét khen thưởng" + (f" (hồ sơ đề nghị của {who})" if who else ""),
        opened_at=opened, location=meeting.location or f"Trụ sở UBND {_lower_first(commune.name)}",
        chair=member_line(chair, day) if chair else "", secretary=member_line(secretary, day) if secretary else "",
        members_total=len(members), attendees=attendees, absentees=absentees, body=body, ballots=ballots,
        closed_at=closed, written_opinions=opinions,
        chair_signature=SignerBlock(lines=["CHỦ TRÌ"], name=people.full_name(chair.user) if chair else ""),
        secretary_signature=SignerBlock(lines=["THƯ KÝ"], name=people.full_name(secretary.user) if secretary else ""))
