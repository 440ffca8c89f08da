"""Before a council meeting the officer prints its giấy mời from the meeting's page: the
members invited by name, position and role in the council, the day and hour she set, the place,
the dossiers on the agenda, signed for the People's Committee by the council's chairman by
name — the DOCX and the PDF from one structure, saying the same thing."""
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from thidua.documents.tests.conftest import docx_text, pdf_text
from thidua.proposals import services
from thidua.proposals.tests.conftest import Flow

pytestmark = pytest.mark.django_db


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def planned(demo_user):
    flow = Flow(demo_user)
    day = timezone.localdate() + datetime.timedelta(days=3)
    meeting = services.schedule_meeting(actor=flow.officer, term=flow.term, held_on=day,
                                        starts_at=datetime.time(14, 30), location="Hội trường UBND xã Nam Thanh Miện")
    dossier = services.put_on_agenda(actor=flow.officer, dossier=flow.end_publicity(
        flow.published(nominees=[("Nguyễn Thị Mai", "LDTT")])), meeting=meeting)
    return flow, meeting, dossier


def test_the_giay_moi_names_every_member_the_hour_the_place_and_the_agenda_in_docx_and_pdf(planned, client_as,
                                                                                          tmp_path):
    flow, meeting, dossier = planned
    client = client_as("canbotdkt")
    page = client.get(reverse("proposals:meeting", args=[meeting.pk])).content.decode()
    pdf_url = reverse("documents:invitation", args=[meeting.pk, "pdf"])
    docx_url = reverse("documents:invitation", args=[meeting.pk, "docx"])
    assert pdf_url in page and docx_url in page

    docx_bytes = client.get(docx_url).content
    words = _flat(docx_text(docx_bytes))
    (tmp_path / "gm.pdf").write_bytes(client.get(pdf_url).content)
    printed = pdf_text(tmp_path / "gm.pdf")

    when = f"14 giờ 30 phút, ngày {meeting.held_on.day:02d} tháng {meeting.held_on.month:02d} năm {meeting.held_on.year}"
    expected = ["GIẤY MỜI", "Họp Hội đồng Thi đua - Khen thưởng xã", "Số: /GM-UBND", when,
                "Hội trường UBND xã Nam Thanh Miện", f"Xét hồ sơ đề nghị khen thưởng của {dossier.unit.name}",
                "TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn Thịnh"]
    members = list(flow.term.members.select_related("user__person"))
    assert len(members) >= 3
    for member in members:
        expected.append(f"{member.user.person.full_name if member.user.person else member.user.get_full_name()}")
        expected.append(member.get_role_display())
    for phrase in expected:
        assert _flat(phrase) in words, phrase
        assert _flat(phrase) in printed, phrase
    assert "chutich" not in words and "canbotdkt" not in printed  # people, never accounts


def test_a_meeting_without_an_hour_leaves_the_hour_to_fill_but_prints_its_day(planned, client_as, tmp_path):
    flow, meeting, _dossier = planned
    type(meeting).objects.filter(pk=meeting.pk).update(starts_at=None)
    (tmp_path / "gm.pdf").write_bytes(
        client_as("canbotdkt").get(reverse("documents:invitation", args=[meeting.pk, "pdf"])).content)
    printed = pdf_text(tmp_path / "gm.pdf")
    day = meeting.held_on
    assert f"phút, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}" in printed


def test_the_hour_is_set_on_the_scheduling_form(planned, client_as):
    flow, _meeting, _dossier = planned
    client = client_as("canbotdkt")
    day = timezone.localdate() + datetime.timedelta(days=5)
    response = client.post(reverse("proposals:meeting_create", args=[flow.term.pk]),
                           {"held_on": day.strftime("%d/%m/%Y"), "starts_at": "08:00", "location": "Phòng họp"})
    assert response.status_code == 302
    meeting = flow.term.meetings.get(held_on=day)
    assert meeting.starts_at == datetime.time(8, 0)
    assert 'id="gio-hop">08:00<' in client.get(response.url).content.decode()  # the page shows the hour
