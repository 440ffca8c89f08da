"""`load_demo` gives a new user the end of the chain: a round of the current year carried through
to signed decisions, each with its frozen DOCX and PDF and the certificates of its awards, whose
public verification page opens without login. Loading the demo again adds no second round.

(The test suite's database is loaded without that round, THIDUA_DEMO_SIGNED_ROUND = False in
thidua/conftest.py; this test loads the demo as `make run` does.)"""
import hashlib
import os

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from thidua.documents.models import FrozenDecision
from thidua.proposals.models import AwardRound, Decision, Dossier, Nomination

pytestmark = pytest.mark.django_db


def _load_demo():
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", verbosity=0, stdout=quiet)


def _counts():
    return AwardRound.objects.count(), Dossier.objects.count(), Decision.objects.count()


@pytest.fixture
def demo(settings):
    settings.THIDUA_DEMO_SIGNED_ROUND = True
    _load_demo()
    return list(Dossier.objects.filter(round__year=timezone.localdate().year, decision__kind=Decision.Kind.AWARD,
                                       decision__signer__isnull=False).select_related("decision", "unit", "round"))


def test_the_demo_holds_signed_decisions_of_this_year_with_certificates(demo, client_as, client):
    dossiers = demo
    assert len({d.unit_id for d in dossiers}) >= 2  # dossiers of several units
    chairman = client_as("chutich")
    for dossier in dossiers:
        decision = dossier.decision
        assert decision.signer.username == "chutich" and decision.date <= timezone.localdate()
        frozen = FrozenDecision.objects.get(decision=decision)
        page = chairman.get(decision.get_absolute_url())
        assert page.status_code == 200 and decision.number in page.content.decode()
        for kind in ("docx", "pdf"):
            content = chairman.get(reverse("documents:signed_decision", args=[decision.pk, kind])).content
            assert hashlib.sha256(content).hexdigest() == getattr(frozen, f"{kind}_sha256")
        awarded = list(dossier.nominations.filter(outcome=Nomination.Outcome.AWARDED).select_related("award", "person"))
        # Điều 1 counts people: a nominee with two titles is counted once.
        people = len({n.person_id for n in awarded})
        assert people < len(awarded) and f"cho {people:02d} cá nhân" in decision.body
        for n in awarded:
            pdf = chairman.get(reverse("documents:certificate_pdf", args=[n.award_id]))
            assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    client.logout()
    award = awarded[0].award
    public = client.get(f"/xac-minh/{award.verification_code}")
    assert public.status_code == 200 and awarded[0].person.full_name in public.content.decode()


def test_loading_the_demo_again_adds_no_second_round(demo):
    counts = _counts()
    _load_demo()
    assert _counts() == counts
