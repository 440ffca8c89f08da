"""Each role finds its work on /de-nghi/: the clerk her unit's dossiers and the rounds with
their deadlines, the officer what waits for checking (overdue after 5 working days), a council
member her pending ballots, the chairman the decisions to sign. Odd input never gives a 500."""
import datetime

import pytest
from django.utils import timezone

from thidua.proposals import services
from thidua.proposals.models import AwardRound, Dossier
from thidua.core.workdays import working_days_between

pytestmark = pytest.mark.django_db


def test_working_days_skip_weekends():
    friday = datetime.date(2025, 12, 5)
    assert working_days_between(friday, friday + datetime.timedelta(days=3)) == 1  # to Monday
    assert working_days_between(friday, friday + datetime.timedelta(days=7)) == 5


def test_a_draft_past_the_rounds_deadline_is_marked_overdue(flow, client_as):
    late_round = AwardRound.objects.create(commune=flow.round.commune, name="Chuyên đề phòng chống bão 2025",
                                           kind="thematic", year=2025,
                                           deadline=timezone.localdate() - datetime.timedelta(days=2))
    services.create_dossier(actor=flow.clerk, award_round=late_round, unit=flow.clerk.unit)
    html = client_as("vanthu_mnhp").get("/de-nghi/").content.decode()
    section = html.split('id="dot-khen-thuong"')[1]
    assert "Chuyên đề phòng chống bão 2025" in section and "Quá hạn" in section and "Đã hết hạn" in section


def test_a_submission_waiting_more_than_five_working_days_is_overdue_for_the_officer(flow, client_as):
    dossier = flow.submitted()
    client = client_as("canbotdkt")
    assert "Quá hạn" not in client.get("/de-nghi/").content.decode().split('id="can-xu-ly"')[1].split("</table>")[0]
    Dossier.objects.filter(pk=dossier.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=10))
    waiting = client.get("/de-nghi/").content.decode().split('id="can-xu-ly"')[1].split("</table>")[0]
    assert "Trường Mầm non Hồng Phong" in waiting and "Quá hạn" in waiting


def test_each_role_sees_its_own_work(flow, client_as):
    to_sign = flow.voted(nominees=[("Bùi Thị Thu", "LDTT")])
    to_vote = flow.open_vote(nominees=[("Nguyễn Thị Mai", "LDTT")])
    chairman = client_as("chutich").get("/de-nghi/").content.decode()
    assert 'id="cho-ky"' in chairman and f"/de-nghi/ho-so/{to_sign.pk}/" in chairman.split('id="cho-ky"')[1].split("</section>")[0]
    member = client_as("hoidong").get("/de-nghi/").content.decode()
    assert "Nguyễn Thị Mai" in member.split('id="phieu-cho-bau"')[1].split("</section>")[0]
    assert f"/de-nghi/hoi-dong/hop/{to_vote.meeting_id}/" in member
    auditor = client_as("kiemtra").get("/de-nghi/").content.decode()
    assert 'id="cho-ky"' not in auditor and 'id="can-xu-ly"' not in auditor
    assert f"/de-nghi/ho-so/{to_sign.pk}/" in auditor  # read-only, everything in scope


@pytest.mark.parametrize("method,url,data", [
    ("post", "/de-nghi/ho-so/{d}/khong-co-viec-nay/", {}),
    ("post", "/de-nghi/ho-so/{d}/ky/", {"day": "31/02/2025"}),
    ("post", "/de-nghi/ho-so/{d}/ky/", {"day": "abc"}),
    ("post", "/de-nghi/ho-so/{d}/de-nghi/them/", {"subject": "person:abc", "award_type": "x"}),
    ("post", "/de-nghi/ho-so/{d}/de-nghi/them/", {"subject": "household:999999", "award_type": "1"}),
    ("post", "/de-nghi/ho-so/{d}/tra-lai/", {"reason": ""}),
    ("post", "/de-nghi/ho-so/{d}/trinh-hoi-dong/", {"meeting": "zz"}),
    ("post", "/de-nghi/hoi-dong/kiem-tra-phieu/", {"code": "không-có-mã"}),
    ("get", "/de-nghi/dot/999999/ho-so/them/", {}),
    ("get", "/de-nghi/quyet-dinh/999999/", {}),
    ("get", "/de-nghi/cong-khai/999999/", {}),
])
def test_odd_input_never_gives_a_server_error(flow, client_as, method, url, data):
    dossier = flow.submitted()
    for username in ("canbotdkt", "vanthu_mnhp", "chutich"):
        response = getattr(client_as(username), method)(url.format(d=dossier.pk), data)
        assert response.status_code in (200, 302, 403, 404), (username, response.status_code)
