"""What a reader of the council's minutes sees in the results: only the nominations put to the
vote (one left out before the vote has no count to print), and the rule each count applied
cited as the council applies it — never a repealed decree nor the check screens' note on it."""
import datetime
import io
import shutil
import subprocess

import docx
import pytest
from django.urls import reverse

from thidua.awards import services as award_services
from thidua.documents.tests.conftest import docx_text, pdf_text
from thidua.org.models import Organisation
from thidua.proposals import services
from thidua.proposals.models import Meeting, Nomination
from thidua.proposals.tests.conftest import Flow
from thidua.rules import articles

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


def test_the_minutes_cite_the_councils_working_rules_not_a_repealed_decree(demo_user, client_as, tmp_path):
    flow = Flow(demo_user)
    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")])
    n = dossier.nominations.get()
    assert articles.ND98 in n.tally["article"]  # the check screens keep their note on the repealed decree

    for text in _minutes(client_as("canbotdkt"), dossier.meeting, tmp_path):
        assert n.tally["rule"] in text
        assert f"(căn cứ {articles.COUNCIL_WORKING_RULES})" in text
        assert "98/2023" not in text and "hết hiệu lực" not in text


def test_the_minutes_cite_the_provinces_regulation_once_it_is_entered(demo_user, client_as, tmp_path):
    flow = Flow(demo_user)
    award_services.save_regulation(actor=flow.user("quantri"), province=Organisation.objects.get(code="hai-phong"),
                                   number="12/2025/QĐ-UBND", signed_on=datetime.date(2025, 3, 20),
                                   issuer="UBND thành phố Hải Phòng", articles={"council_vote": "Điều 9 khoản 2"})
    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")])
    cited = "Quyết định số 12/2025/QĐ-UBND ngày 20/03/2025 của UBND thành phố Hải Phòng, Điều 9 khoản 2"

    for text in _minutes(client_as("canbotdkt"), dossier.meeting, tmp_path):
        assert f"(căn cứ {cited})" in text
        assert "98/2023" not in text and "hết hiệu lực" not in text


HEADER = ["ỦY BAN NHÂN DÂN", "XÃ NAM THANH MIỆN", "HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG"]


def test_the_minutes_header_breaks_between_whole_names(demo_user, client_as, tmp_path):
    """Not "ỦY BAN NHÂN DÂN XÃ NAM / THANH MIỆN" nor "HỘI ĐỒNG THI ĐUA - KHEN / THƯỞNG"."""
    meeting = Flow(demo_user).voted(nominees=[("Nguyễn Thị Mai", "LDTT")]).meeting
    client = client_as("canbotdkt")
    document = docx.Document(io.BytesIO(client.get(reverse("documents:minutes", args=[meeting.pk, "docx"])).content))
    issuer_cell = document.tables[0].rows[0].cells[0]
    assert [p.text for p in issuer_cell.paragraphs if p.text.strip()] == HEADER
    bold = [p.text for p in issuer_cell.paragraphs if p.text.strip() and all(r.bold for r in p.runs if r.text.strip())]
    assert bold == HEADER[2:]  # the council bold, its committee above it not
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    (tmp_path / "bb.pdf").write_bytes(client.get(reverse("documents:minutes", args=[meeting.pk, "pdf"])).content)
    # the issuer's column of the first page (left margin 30 mm + 38 % of the text width), as printed line by line
    printed = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-r", "72", "-x", "0", "-y", "0", "-W", "268", "-H", "130",
                              str(tmp_path / "bb.pdf"), "-"], check=True, capture_output=True, text=True).stdout
    assert [line.strip() for line in printed.splitlines() if line.strip()] == HEADER
