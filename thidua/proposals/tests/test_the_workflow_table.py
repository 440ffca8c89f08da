"""The workflow table (proposals/workflow.py) is what the dossier page and the services do: a
dossier in each state shows each user exactly the actions written below; each action, posted
by the right user, goes through (or is refused in Vietnamese for the data), and posted by anyone
else is refused (403/404) and moves nothing."""
from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.accounts.models import Role
from thidua.awards.models import AwardType
from thidua.proposals import services, workflow
from thidua.proposals.models import AwardRound, CouncilTerm, Dossier, Meeting, Nomination
from thidua.rules import codes
from thidua.testing.builder import Builder

pytestmark = pytest.mark.django_db
S = Dossier.State
ROLES = ("clerk", "other_clerk", "officer", "chairman", "council", "auditor")

# What the dossier page offers, state by state and user by user (nobody else: nothing).
EXPECTED = {
    S.DRAFT: {"clerk": {"nop"}, "officer": {"nop"}},
    S.RETURNED: {"clerk": {"nop"}, "officer": {"nop"}},
    S.SUBMITTED: {"officer": {"tiep-nhan", "tra-lai", "khong-khen"}},
    S.ACCEPTED: {"officer": {"cong-khai", "tra-lai", "khong-khen"}},
    S.PUBLISHED: {"officer": {"trinh-hoi-dong"}},
    S.AT_COUNCIL: {},  # the vote closes on the meeting's page
    S.VOTED: {"chairman": {"ky", "khong-khen"}},
    S.SENT_TO_PROVINCE: {"officer": {"ket-qua-tinh"}},
    S.DECIDED: {},
    S.REJECTED: {},
}
EXPECTED_UPWARD_VOTED = {"chairman": {"trinh-tinh", "khong-khen"}}
# Posted by the right user in a world where nothing else is missing, these reach their target.
REACH_TARGET = {"nop", "tra-lai", "tiep-nhan", "cong-khai", "trinh-hoi-dong", "trinh-tinh", "khong-khen"}


class World:
    def __init__(self):
        b = Builder()
        self.today = timezone.localdate()
        self.commune = b.commune()
        self.unit = b.unit(self.commune)
        other = b.unit(self.commune)
        self.person = b.person(unit=self.unit)
        self.users = {
            "clerk": b.user(Role.CLERK, unit=self.unit), "other_clerk": b.user(Role.CLERK, unit=other),
            "officer": b.user(Role.OFFICER, unit=self.commune), "chairman": b.user(Role.CHAIRMAN, unit=self.commune),
            "council": b.user(Role.COUNCIL, unit=self.commune), "auditor": b.user(Role.AUDITOR, unit=self.commune),
        }
        self.round = AwardRound.objects.create(commune=self.commune, name="Đợt thử cuối năm", year=self.today.year,
                                               kind=codes.RoundKind.choices()[0][0], publicity_days=5,
                                               deadline=self.today + datetime.timedelta(days=30))
        term = CouncilTerm.objects.create(commune=self.commune, name="Nhiệm kỳ thử",
                                          start=self.today - datetime.timedelta(days=365))
        self.meeting = Meeting.objects.create(term=term, held_on=self.today)

    def dossier(self, state: str, *, upward: bool = False) -> Dossier:
        """A dossier of the unit in ``state``, with what that state carries: one nominee (eligible,
        passed by the council from "voted" on), the unit's minutes, its dates."""
        yesterday = self.today - datetime.timedelta(days=1)
        reached = list(S).index(state)
        dossier = Dossier.objects.create(
            round=self.round, unit=self.unit, state=state, unit_minutes="Biên bản họp xét của đơn vị.",
            submitted_at=None if state == S.DRAFT else timezone.now(),
            published_on=yesterday - datetime.timedelta(days=5) if reached >= list(S).index(S.PUBLISHED) else None,
            published_until=yesterday if reached >= list(S).index(S.PUBLISHED) else None,
            return_reason="Thiếu biên bản." if state == S.RETURNED else "")
        authority = codes.Authority.CHU_TICH_UBND_TINH if upward else codes.Authority.CHU_TICH_UBND_XA
        outcome = Nomination.Outcome.PASSED if state in (S.VOTED, S.SENT_TO_PROVINCE) else Nomination.Outcome.PENDING
        Nomination.objects.create(dossier=dossier, person=self.person, award_type=AwardType.objects.get(code="LDTT"),
                                  authority=authority.value, eligible=state != S.DRAFT or None, outcome=outcome)
        return dossier

    def data(self, transition, dossier) -> dict:
        day = self.today.strftime("%d/%m/%Y")
        return {"reason": {"reason": "Lý do ghi rõ để đơn vị và Hội đồng cùng biết."},
                "agenda": {"meeting": self.meeting.pk}, "day": {"day": day}, "panel": {"day": day},
                "province": {"number": "15/QĐ-UBND", "day": day, "issuer_name": "UBND tỉnh Thử",
                             "approved": [str(n.pk) for n in dossier.nominations.all()]},
                }.get(transition.form, {})


@pytest.fixture
def world():
    return World()


def offered(html: str) -> set[str]:
    """The actions the page offers: its elements marked with a transition."""
    return set(re.findall(r'data-transition="([^"]+)"', html))


def url_of(transition, dossier) -> str:
    if transition.url == "proposals:transition":
        return reverse(transition.url, args=[dossier.pk, transition.name])
    return reverse(transition.url, args=[dossier.pk])


def test_the_table_is_whole():
    """Every row names a service that exists, a who and a guard the table defines, fields of a
    dossier; every state but the final ones leads on, and every state is reached from a draft."""
    fields = {f.name for f in Dossier._meta.get_fields()}
    for t in workflow.TRANSITIONS:
        assert callable(getattr(services, t.service)), t.name
        assert t.who in workflow.WHO and (t.guard is None or t.guard in workflow.GUARDS), t.name
        assert set(t.writes) <= fields, t.name
        assert t.target in workflow.STATES and set(t.sources) <= set(workflow.STATES), t.name
    assert workflow.FINAL == {S.DECIDED, S.REJECTED}
    reached, frontier = {S.DRAFT}, [S.DRAFT]
    while frontier:
        for t in workflow.leaving(frontier.pop()):
            if t.target not in reached:
                reached.add(t.target)
                frontier.append(t.target)
    assert reached == set(workflow.STATES)


@pytest.mark.parametrize("state", list(EXPECTED))
def test_a_dossier_shows_each_user_exactly_the_actions_of_its_state(world, client, state):
    dossier = world.dossier(state)
    for role in ROLES:
        client.force_login(world.users[role])
        page = client.get(reverse("proposals:dossier", args=[dossier.pk]))
        shown = offered(page.content.decode()) if page.status_code == 200 else set()
        assert shown == EXPECTED[state].get(role, set()), f"{state}, {role}: {shown}"


def test_a_voted_dossier_for_the_province_offers_the_submission_instead_of_the_decision(world, client):
    dossier = world.dossier(S.VOTED, upward=True)
    for role in ROLES:
        client.force_login(world.users[role])
        page = client.get(reverse("proposals:dossier", args=[dossier.pk]))
        shown = offered(page.content.decode()) if page.status_code == 200 else set()
        assert shown == EXPECTED_UPWARD_VOTED.get(role, set()), role


CASES = [(t, state) for t in workflow.TRANSITIONS if t.page in ("dossier", "panel") for state in t.sources]


@pytest.mark.parametrize("transition,state", CASES, ids=[f"{t.name}-from-{s}" for t, s in CASES])
def test_each_transition_is_taken_by_its_users_and_refused_to_the_others(world, client, transition, state):
    upward = transition.guard == "upward"
    takers = {role for role, names in (EXPECTED_UPWARD_VOTED if upward else EXPECTED[state]).items()
              if transition.name in names}
    assert takers, "a transition nobody may take"
    for role in sorted(set(ROLES) - takers):
        dossier = world.dossier(state, upward=upward)
        client.force_login(world.users[role])
        response = client.post(url_of(transition, dossier), world.data(transition, dossier))
        assert response.status_code in (403, 404), f"{role} was not refused"
        assert Dossier.objects.get(pk=dossier.pk).state == state
    for role in sorted(takers):
        dossier = world.dossier(state, upward=upward)
        client.force_login(world.users[role])
        response = client.post(url_of(transition, dossier), world.data(transition, dossier))
        assert response.status_code == 302, role
        moved = Dossier.objects.get(pk=dossier.pk).state
        if transition.name in REACH_TARGET:
            assert moved == transition.target, f"{role}: {[str(m) for m in response.wsgi_request._messages]}"
        else:
            assert moved in (state, transition.target)


def test_the_services_refuse_a_transition_from_a_state_the_table_does_not_list(world):
    dossier = world.dossier(S.PUBLISHED)
    with pytest.raises(Exception, match="Chỉ tiếp nhận được hồ sơ đã nộp"):
        services.accept_dossier(actor=world.users["officer"], dossier=dossier)
    with pytest.raises(Exception, match="không thể trả lại"):
        services.return_dossier(actor=world.users["officer"], dossier=dossier, reason="Thiếu biên bản.")
    assert Dossier.objects.get(pk=dossier.pk).state == S.PUBLISHED
