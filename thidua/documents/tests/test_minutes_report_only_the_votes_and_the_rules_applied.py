"""What a reader of the council's minutes sees in the results: only the nominations put to the
vote (one left out before the vote has no count to print), and the rule each count applied
cited as the council applies it — never a repealed decree nor the check screens' note on it."""
import pytest
from django.urls import reverse

from thidua.documents.tests.conftest import docx_text, pdf_text
from thidua.proposals import services
from thidua.proposals.models import Meeting, Nomination
from thidua.proposals.tests.conftest import Flow

pytestmark = pytest.mark.django_db


def _minutes(client, meeting: Meeting, tmp_path) -> tuple[str, str]:
    """(DOCX text, PDF text) of the meeting's minutes, whitespace collapsed."""
    words = " ".join(docx_text(client.get(reverse("documents:minutes", args=[meeting.pk, "docx"])).content).split())
    pdf = client.get(reverse("documents:minutes", args=[meeting.pk, "pdf"]))
    assert pdf.status_code == 200
    (tmp_path / "bb.pdf").write_bytes(pdf.content)
    return words, pdf_text(tmp_path / "bb.pdf")


def test_a_nominee_left_out_before_the_vote_has_no_count_in_the_minutes(demo_user, client_as, tmp_path):
    flow = Flow(demo_user)
    dossier = flow.accepted(nominees=[("Nguyễn Thị Mai", "LDTT"), ("Vũ Thị Minh Hương", "LDTT")])
    left_out = dossier.nominations.get(person__full_name="Vũ Thị Minh Hương")
    Nomination.objects.filter(pk=left_out.pk).update(eligible=False)  # fails a check, not passed with a reason
    dossier = flow.at_council(services.publish_dossier(actor=flow.officer, dossier=dossier))
    services.open_meeting(actor=flow.officer, meeting=dossier.meeting)
    flow.vote(dossier)
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    left_out.refresh_from_db()
    assert left_out.outcome == Nomination.Outcome.EXCLUDED and left_out.tally is None

    for text in _minutes(client_as("canbotdkt"), dossier.meeting, tmp_path):
        assert "Nguyễn Thị Mai" in text  # voted on: in the results
        assert "Vũ Thị Minh Hương" not in text  # never voted on: neither in the text nor in the ballot table
        assert " 0/0 " not in text and "(0,0%" not in text and "không đạt" not in text

