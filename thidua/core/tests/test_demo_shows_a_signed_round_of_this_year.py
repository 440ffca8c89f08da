"""`load_demo` gives a new user the end of the chain: a round of the current year carried through
to signed decisions, each with its frozen DOCX and PDF and the certificates of its awards, whose
public verification page opens without login. Loading the demo again adds no second round."""
import hashlib
import os

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from thidua.documents.models import FrozenDecision
from thidua.proposals.models import AwardRound, Decision, Dossier, Nomination

pytestmark = pytest.mark.django_db


def _this_years_signed_dossiers():
    return list(Dossier.objects.filter(round__year=timezone.localdate().year, decision__kind=Decision.Kind.AWARD,
                                       decision__signer__isnull=False).select_related("decision", "unit", "round"))


def test_the_demo_holds_signed_decisions_of_this_year_from_several_units(client_as):
    dossiers = _this_years_signed_dossiers()
    assert len({d.unit_id for d in dossiers}) >= 2
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
        # Điều 1 counts people: a nominee with two titles is counted once.
        awarded = list(dossier.nominations.filter(outcome=Nomination.Outcome.AWARDED))
        people = len({n.person_id for n in awarded})
        assert people < len(awarded) and f"cho {people:02d} cá nhân" in decision.body


def test_each_award_of_the_demo_round_has_its_certificate_and_public_page(client_as, client):
    dossier = _this_years_signed_dossiers()[0]
    awarded = list(dossier.nominations.filter(outcome=Nomination.Outcome.AWARDED).select_related("award", "person"))
    officer = client_as("canbotdkt")
    for n in awarded:
        pdf = officer.get(reverse("documents:certificate_pdf", args=[n.award_id]))
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    client.logout()
    public = client.get(f"/xac-minh/{awarded[0].award.verification_code}")
    assert public.status_code == 200 and awarded[0].person.full_name in public.content.decode()


def test_loading_the_demo_again_adds_no_second_round():
    counts = (AwardRound.objects.count(), Dossier.objects.count(), Decision.objects.count())
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    assert (AwardRound.objects.count(), Dossier.objects.count(), Decision.objects.count()) == counts
