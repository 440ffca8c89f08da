"""The office records a person's discipline and matters under consideration on her page
(/khen-thuong/ca-nhan/<id>/ky-luat/), and the candidate lists follow: an open complaint takes
her off the eligible list, closing it puts her back; a reprimand bars her for its term."""
import datetime

import pytest
from django.urls import reverse

from thidua.awards import candidates
from thidua.awards.models import Discipline, PendingMatter
from thidua.core.models import AuditEntry
from thidua.org.models import Person

pytestmark = pytest.mark.django_db


def _ldtt_2025_eligible(user) -> list[str]:
    lists = candidates.build(user=user, year=2025, targets=["LDTT"])
    return [str(c.subject) for tl in lists if tl.code == "LDTT" for c in tl.eligible]


@pytest.fixture
def mai():
    return Person.objects.get(full_name="Nguyễn Thị Mai")


def test_an_open_matter_takes_her_off_the_list_and_closing_it_puts_her_back(client_as, demo_user, mai):
    officer = demo_user("canbotdkt")
    assert "Nguyễn Thị Mai" in _ldtt_2025_eligible(officer)
    client = client_as("canbotdkt")
    url = reverse("awards:person_conduct", args=[mai.pk])
    assert reverse("awards:person_conduct", args=[mai.pk]) in client.get(reverse("org:person", args=[mai.pk])).content.decode()

    response = client.post(url, {"loai": "vu-viec", "vv-kind": "complaint", "vv-opened_on": "01/11/2025",
                                 "vv-note": "Đơn thư đang xác minh"})
    assert response.status_code == 302
    matter = PendingMatter.objects.get(person=mai)
    assert AuditEntry.objects.filter(object_id=str(matter.pk), action="create").exists()
    assert "Nguyễn Thị Mai" not in _ldtt_2025_eligible(officer)

    refused = client.post(reverse("awards:pending_close", args=[matter.pk]), {"closed_on": "01/10/2025"}, follow=True)
    assert "không được trước ngày bắt đầu" in refused.content.decode()
    client.post(reverse("awards:pending_close", args=[matter.pk]), {"closed_on": datetime.date.today().strftime("%d/%m/%Y")})
    matter.refresh_from_db()
    assert matter.closed_on == datetime.date.today()
    assert "Nguyễn Thị Mai" in _ldtt_2025_eligible(officer)


def test_a_reprimand_recorded_on_the_page_bars_her_for_its_term(client_as, demo_user, mai):
    client = client_as("canbotdkt")
    url = reverse("awards:person_conduct", args=[mai.pk])
    bad = client.post(url, {"loai": "ky-luat", "kl-form": "KHIEN_TRACH", "kl-start": "01/06/2025", "kl-end": "01/01/2025"})
    assert bad.status_code == 400 and not Discipline.objects.filter(person=mai).exists()
    client.post(url, {"loai": "ky-luat", "kl-form": "KHIEN_TRACH", "kl-start": "01/06/2025", "kl-end": "31/05/2026",
                      "kl-decision_number": "12/QĐ-KL"})
    assert Discipline.objects.filter(person=mai, decision_number="12/QĐ-KL").exists()
    assert "Nguyễn Thị Mai" not in _ldtt_2025_eligible(demo_user("canbotdkt"))
    assert "12/QĐ-KL" in client.get(url).content.decode()


def test_only_the_office_records_and_only_in_scope(client_as, mai):
    url = reverse("awards:person_conduct", args=[mai.pk])
    assert client_as("kiemtra").get(url).status_code == 403
    hien = Person.objects.get(full_name="Nguyễn Thị Hiền")  # not of her school
    assert client_as("vanthu_mnhp").get(reverse("awards:person_conduct", args=[hien.pk])).status_code == 404
