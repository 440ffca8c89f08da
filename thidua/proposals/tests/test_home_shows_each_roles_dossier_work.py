"""The home page is a work queue per role (issue #16, item 3): each line links to the page
that does the work, with its due date, overdue lines marked."""
import datetime
import re

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def _links(html: str) -> list[str]:
    main = html.split("Việc cần làm", 1)[1]
    return re.findall(r'<li[^>]*><a href="([^"]+)"', main)


def test_the_officer_sees_a_submitted_dossier_with_its_due_date(flow, client_as):
    dossier = flow.submitted()
    html = client_as("canbotdkt").get("/").content.decode()
    assert "Hồ sơ chờ tiếp nhận, thẩm định" in html
    assert f"/de-nghi/ho-so/{dossier.pk}/" in _links(html)
    from thidua.proposals.selectors import processing_due

    assert f"hạn {processing_due(dossier):%d/%m/%Y}" in html


def test_an_overdue_dossier_is_marked_overdue(flow, client_as):
    from thidua.proposals.models import Dossier

    dossier = flow.submitted()
    Dossier.objects.filter(pk=dossier.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=30))
    html = client_as("canbotdkt").get("/").content.decode()
    row = re.search(rf'<li class="overdue"><a href="/de-nghi/ho-so/{dossier.pk}/".*?</li>', html, re.S)
    assert row and "quá hạn" in row.group(0)


def test_the_chairman_sees_what_waits_for_her_signature(flow, client_as):
    dossier = flow.voted()
    html = client_as("chutich").get("/").content.decode()
    assert "Chờ Chủ tịch ký quyết định" in html and f"/de-nghi/ho-so/{dossier.pk}/" in _links(html)


def test_a_council_member_sees_the_open_ballot(flow, client_as):
    dossier = flow.open_vote()
    html = client_as("hoidong").get("/").content.decode()
    assert "Phiếu bầu đang mở" in html and f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/phieu-bau/" in _links(html)


def test_a_clerk_sees_her_returned_dossier_with_the_reason(flow, client_as):
    from thidua.proposals import services

    dossier = services.return_dossier(actor=flow.officer, dossier=flow.submitted(),
                                      reason="Thiếu biên bản họp xét của đơn vị")
    html = client_as("vanthu_mnhp").get("/").content.decode()
    assert f"/de-nghi/ho-so/{dossier.pk}/" in _links(html)
    assert "bị trả lại: Thiếu biên bản họp xét" in html


def test_every_line_of_every_role_opens(flow, client_as):
    flow.submitted()
    for username in ("canbotdkt", "vanthu_mnhp", "chutich", "hoidong", "kiemtra", "quantri"):
        client = client_as(username)
        for link in _links(client.get("/").content.decode()):
            assert client.get(link, follow=True).status_code == 200, f"{username}: {link}"
