"""Many office computers run an English Windows and Chrome, which ask for English first. The
system speaks Vietnamese to everyone: a date typed dd/mm/yyyy is read as such, a bad one is
refused in Vietnamese, and dates are shown dd/mm/yyyy — whatever the browser prefers."""
import datetime

import pytest
from django.urls import reverse

from thidua.proposals.models import CouncilTerm

pytestmark = pytest.mark.django_db
ENGLISH_FIRST = "en-US,en;q=0.9"


@pytest.fixture
def term(demo_user):
    return CouncilTerm.objects.filter(members__isnull=False).distinct().first()


def test_a_date_typed_dd_mm_yyyy_is_accepted_from_an_english_browser(client_as, term):
    client = client_as("canbotdkt")
    response = client.post(reverse("proposals:meeting_create", args=[term.pk]),
                           {"held_on": "15/12/2026", "starts_at": "14:00", "location": "Hội trường"},
                           HTTP_ACCEPT_LANGUAGE=ENGLISH_FIRST)
    assert response.status_code == 302
    meeting = term.meetings.get(held_on=datetime.date(2026, 12, 15))
    page = client.get(response.url, HTTP_ACCEPT_LANGUAGE=ENGLISH_FIRST).content.decode()
    assert "15/12/2026" in page and "Dec. 15, 2026" not in page and meeting.starts_at == datetime.time(14, 0)


def test_a_bad_date_is_refused_in_vietnamese_from_an_english_browser(client_as, term):
    response = client_as("canbotdkt").post(reverse("proposals:meeting_create", args=[term.pk]),
                                           {"held_on": "32/13/2026"}, HTTP_ACCEPT_LANGUAGE=ENGLISH_FIRST)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nhập một ngày hợp lệ." in html and "Enter a valid date." not in html
