"""The minutes of a council meeting are an ND 30/2020 document, DOCX and PDF from one
structure: Quốc hiệu, members present and absent by name and position, written opinions, each
nominee's count against all members with its percentage, the rule applied with its source, and
the real times the vote opened and closed."""
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.documents.tests.conftest import docx_text, pdf_text
from thidua.org.models import Person
from thidua.proposals import services
from thidua.proposals.models import Nomination
from thidua.proposals.tests.conftest import Flow

pytestmark = pytest.mark.django_db
PRESENT = ["chutich", "phochutich", "hoidong", "canbotdkt"]


@pytest.fixture
def closed_meeting(demo_user):
    flow = Flow(demo_user)
    # A fifth member, the person Đinh Thị Sen, is absent and sends her opinion in writing.
    absent_user = demo_user("kiemtra")
    absent_user.person = Person.objects.get(full_name="Đinh Thị Sen")
    absent_user.save()
    term = services.create_term(actor=flow.officer, commune=flow.round.commune, name="Nhiệm kỳ thử",
                                start=timezone.localdate() - datetime.timedelta(days=30))
    roles = {"chutich": "chairman", "phochutich": "vice_chairman", "canbotdkt": "secretary"}
    for username in [*PRESENT, "kiemtra"]:
        services.add_member(actor=flow.officer, term=term, user=demo_user(username), role=roles.get(username, "member"))
    flow.term = term
    dossier = flow.published(nominees=[("Nguyễn Thị Mai", "LDTT")])
    meeting = flow.meeting(present=PRESENT)
    dossier = services.put_on_agenda(actor=flow.officer, dossier=flow.end_publicity(dossier), meeting=meeting)
    nomination = dossier.nominations.get()
    absent = term.members.get(user__username="kiemtra")
    services.add_written_opinion(actor=flow.officer, meeting=meeting, member=absent, nomination=nomination,
                                 agrees=True, text="Nhất trí")
    services.open_meeting(actor=flow.officer, meeting=meeting)
    for username in PRESENT:
        services.cast_paper(actor=demo_user(username), meeting=meeting, choices={nomination.pk: "yes"})
    services.close_meeting(actor=flow.officer, meeting=meeting)
    meeting.refresh_from_db()
    return meeting, Nomination.objects.get(pk=nomination.pk)


def test_the_minutes_docx_and_pdf_name_people_and_give_the_count(closed_meeting, client_as, tmp_path):
    meeting, nomination = closed_meeting
    client = client_as("canbotdkt")
    words = " ".join(docx_text(client.get(reverse("documents:minutes", args=[meeting.pk, "docx"])).content).split())
    pdf = client.get(reverse("documents:minutes", args=[meeting.pk, "pdf"]))
    assert pdf.status_code == 200
    (tmp_path / "bb.pdf").write_bytes(pdf.content)
    printed = pdf_text(tmp_path / "bb.pdf")
    tally = nomination.tally
    opened, closed = timezone.localtime(meeting.opened_at), timezone.localtime(meeting.closed_at)
    approvals = tally["yes"] + (tally["written_yes"] if tally["written_counted"] else 0)
    percent = f"{100 * approvals / tally['members']:.1f}".replace(".", ",")
    for text in (words, printed):
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
        assert "BIÊN BẢN" in text
        assert "Nguyễn Văn Thịnh" in text and "Vũ Văn Nguyễn" in text  # present, by name
        assert "Bà Đinh Thị Sen, Chuyên viên" in text  # absent, by name and position
        assert "vắng 1" in text and "Cán bộ TĐKT xã" not in text  # the secretary by name, not her account's label
        assert "Trần Thị Hương" in text
        assert "Ý kiến bằng văn bản" in text and "Bà Đinh Thị Sen đồng ý đề nghị khen thưởng Nguyễn Thị Mai" in text
        assert f"{approvals}/{tally['members']}" in text and f"{percent}%" in text
        assert tally["rule"] in text  # the rule the count applied, as the threshold code gave it
        assert f"mở lúc {opened:%H} giờ {opened:%M} phút ngày {opened:%d/%m/%Y}" in text
        assert f"kết thúc lúc {closed:%H} giờ {closed:%M} phút" in text
        assert f"ngày {opened:%d}" in text  # dated by the vote itself


def test_the_meeting_page_offers_the_minutes_once_the_vote_is_closed(closed_meeting, client_as):
    meeting, _nomination = closed_meeting
    page = client_as("chutich").get(reverse("proposals:meeting", args=[meeting.pk])).content.decode()
    assert reverse("documents:minutes", args=[meeting.pk, "pdf"]) in page
    assert reverse("documents:minutes", args=[meeting.pk, "docx"]) in page
