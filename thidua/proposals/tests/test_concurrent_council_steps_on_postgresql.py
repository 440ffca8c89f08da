"""Two people acting on the same record at the same moment, on real PostgreSQL (threads, each with
its own connection): one of them wins, the other gets a clear refusal, and the record, its number
and its audit trail are written once.

- two officers accept the same dossier: one acceptance, one "already accepted" refusal, one
  audit transition;
- the chairman and the vice-chairman sign the same dossier: one decision, one number;
- a ballot cast while the meeting is being closed is either counted in the closed tally or
  refused — the stored tally always equals the stored ballots.
"""
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from thidua.core.models import AuditEntry
from thidua.proposals import services
from thidua.proposals.models import Ballot, Decision, Dossier, Nomination, NumberCounter
from thidua.proposals.services import council

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="needs PostgreSQL row locks between real connections; SQLite serialises writers"),
]


@pytest.fixture
def flow(live_demo, demo_user, settings, tmp_path):
    # ``live_demo``: these tests commit, so they run with the live-server tests at the end and
    # start from the demo commune (reloaded after their flushes).
    from thidua.proposals.tests.conftest import Flow

    settings.MEDIA_ROOT = tmp_path
    return Flow(demo_user)


def race(*calls, timeout=30):
    """Run the calls in threads released together; [(result, exception)] in the calls' order."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait(timeout=10)
            outcomes[i] = (call(), None)
        except Exception as exc:  # noqa: BLE001 — reported to the test
            outcomes[i] = (None, exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    assert not any(t.is_alive() for t in threads), "a thread is stuck (deadlock?)"
    return outcomes


def transitions(dossier, to_state):
    return AuditEntry.objects.filter(action=AuditEntry.Action.TRANSITION, object_id=str(dossier.pk),
                                     content_type__model="dossier", after__state=to_state).count()


def test_two_officers_accepting_the_same_dossier_accept_it_once(flow, demo_user):
    dossier = flow.submitted()
    officer, admin = demo_user("canbotdkt"), demo_user("quantri")
    outcomes = race(lambda: services.accept_dossier(actor=officer, dossier=dossier),
                    lambda: services.accept_dossier(actor=admin, dossier=dossier))
    accepted = [r for r, e in outcomes if e is None]
    refused = [e for r, e in outcomes if e is not None]
    assert len(accepted) == 1 and len(refused) == 1, outcomes
    assert isinstance(refused[0], ValidationError)
    assert "Chỉ tiếp nhận được hồ sơ đã nộp" in refused[0].messages[0]
    assert Dossier.objects.get(pk=dossier.pk).state == Dossier.State.ACCEPTED
    assert transitions(dossier, Dossier.State.ACCEPTED) == 1


def test_two_signatures_of_the_same_dossier_make_one_decision_with_one_number(flow, demo_user):
    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "LDTT")])
    counter = {"issuer": flow.round.commune, "year": timezone.localdate().year, "series": "QĐ-UBND"}
    counter_before = NumberCounter.objects.filter(**counter).values_list("last", flat=True).first() or 0
    outcomes = race(lambda: services.sign_decision(actor=demo_user("chutich"), dossier=dossier),
                    lambda: services.sign_decision(actor=demo_user("phochutich"), dossier=dossier))
    signed = [r for r, e in outcomes if e is None]
    refused = [e for r, e in outcomes if e is not None]
    assert len(signed) == 1 and len(refused) == 1, outcomes
    assert isinstance(refused[0], ValidationError)
    assert "đã bỏ phiếu" in refused[0].messages[0]
    decisions = Decision.objects.filter(dossiers=dossier)
    assert decisions.count() == 1
    assert NumberCounter.objects.get(**counter).last == counter_before + 1
    assert decisions.get().sequence == counter_before + 1
    assert transitions(dossier, Dossier.State.DECIDED) == 1
    nomination = dossier.nominations.get()
    assert nomination.outcome == Nomination.Outcome.AWARDED and nomination.award.decision_number == decisions.get().number


def _stored_and_counted(nomination):
    n = Nomination.objects.get(pk=nomination.pk)
    stored = Ballot.objects.filter(nomination=n).count()
    return stored, n.tally["yes"] + n.tally["no"]


def test_a_ballot_cast_while_the_meeting_closes_is_counted_or_refused(flow, demo_user, monkeypatch):
    """The ballot has passed its checks and is being written when the secretary closes the
    meeting: the count must wait for it (and include it), not count the box without it."""
    dossier = flow.open_vote(nominees=[("Nguyễn Thị Mai", "LDTT")])
    nomination = dossier.nominations.get()
    for username in ("chutich", "phochutich", "hoidong"):
        services.cast_paper(actor=demo_user(username), meeting=dossier.meeting, choices={nomination.pk: "yes"})

    writing = threading.Event()
    real_seal = council._seal

    def slow_seal(**kwargs):  # inside cast_paper, after its checks, before the ballot is stored
        writing.set()
        threading.Event().wait(1.0)
        real_seal(**kwargs)

    monkeypatch.setattr(council, "_seal", slow_seal)

    def close_once_the_ballot_is_being_written():
        assert writing.wait(timeout=10)
        return services.close_meeting(actor=demo_user("canbotdkt"), meeting=dossier.meeting)

    outcomes = race(lambda: services.cast_paper(actor=demo_user("canbotdkt"), meeting=dossier.meeting,
                                                choices={nomination.pk: "no"}),
                    close_once_the_ballot_is_being_written)
    (receipt, vote_error), (_meeting, close_error) = outcomes
    assert close_error is None, close_error
    stored, counted = _stored_and_counted(nomination)
    assert stored == counted, f"{stored} ballots stored, the closed tally counts {counted}"
    if vote_error is None:
        assert stored == 4 and Nomination.objects.get(pk=nomination.pk).tally["no"] == 1
    else:
        assert isinstance(vote_error, ValidationError) and stored == 3


def test_ballots_and_the_close_released_together_never_disagree(flow, demo_user):
    dossier = flow.open_vote(nominees=[("Nguyễn Thị Mai", "LDTT")])
    nomination = dossier.nominations.get()
    services.cast_paper(actor=demo_user("chutich"), meeting=dossier.meeting, choices={nomination.pk: "yes"})
    outcomes = race(
        lambda: services.cast_paper(actor=demo_user("phochutich"), meeting=dossier.meeting,
                                    choices={nomination.pk: "yes"}),
        lambda: services.cast_paper(actor=demo_user("hoidong"), meeting=dossier.meeting, choices={nomination.pk: "no"}),
        lambda: services.close_meeting(actor=demo_user("canbotdkt"), meeting=dossier.meeting),
    )
    assert outcomes[2][1] is None, outcomes[2][1]
    for _receipt, error in outcomes[:2]:
        assert error is None or isinstance(error, ValidationError), error
    stored, counted = _stored_and_counted(nomination)
    assert stored == counted == 1 + sum(1 for _r, e in outcomes[:2] if e is None)
