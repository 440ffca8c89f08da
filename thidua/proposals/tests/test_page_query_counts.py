"""The queue and dossier pages answer in a fixed number of queries, however many dossiers,
nominations, objections and history rows there are."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.proposals import services

pytestmark = pytest.mark.django_db
NOMINEES = [("Nguyễn Thị Mai", "LDTT"), ("Bùi Thị Thu", "LDTT"), ("Lê Thị Hồng Hiên", "LDTT"),
            ("Vũ Thị Minh Hương", "LDTT")]
# Measured: queue 9–11, dossier 13–14 (session, user, menu, the procedure's deadlines as rule
# parameters and the page's own reads); a little headroom for the shared layout.
QUEUE_LIMIT, DOSSIER_LIMIT = 13, 16
PAPER_LIMIT = 12  # the ballot paper: session, user, menu, the meeting, its members, attendance, the paper


def objection(dossier, ip):
    services.submit_objection(dossier=dossier, nomination=None, name="Trần Văn Bình",
                              contact="0912345678", content="Ý kiến", ip=ip)


def count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("username", ["canbotdkt", "vanthu_mnhp", "chutich", "hoidong"])
def test_the_queue_page(flow, client_as, django_assert_max_num_queries, username):
    client = client_as(username)
    flow.published(nominees=NOMINEES[:1])
    few = count(client, "/de-nghi/")
    for i, nominee in enumerate(NOMINEES[1:3]):
        objection(flow.published(nominees=[nominee]), f"10.0.0.{i}")
    flow.voted(nominees=[("Phạm Thị Thu Xuân", "LDTT")])
    flow.draft(nominees=[("Đào Thị Kim Hương", "LDTT")])
    with django_assert_max_num_queries(QUEUE_LIMIT):
        many = count(client, "/de-nghi/")
    assert many == few


@pytest.mark.parametrize("username", ["canbotdkt", "vanthu_mnhp", "chutich"])
def test_the_dossier_page(flow, client_as, django_assert_max_num_queries, username):
    client = client_as(username)
    small = flow.published(nominees=NOMINEES[:1])
    few = count(client, f"/de-nghi/ho-so/{small.pk}/")
    big = flow.published(nominees=NOMINEES[1:])
    for i in range(3):
        objection(big, f"10.0.1.{i}")
    with django_assert_max_num_queries(DOSSIER_LIMIT):
        many = count(client, f"/de-nghi/ho-so/{big.pk}/")
    assert many == few
    assert client.get(f"/de-nghi/ho-so/{big.pk}/").content.decode().count('id="de-nghi-') == 3


def test_the_ballot_paper_page(flow, client_as, django_assert_max_num_queries):
    """The member's ballot paper reads the same number of queries for one nominee or four."""
    client = client_as("hoidong")
    small = flow.open_vote(nominees=NOMINEES[:1])
    few = count(client, f"/de-nghi/hoi-dong/hop/{small.meeting_id}/phieu-bau/")
    services.close_meeting(actor=flow.officer, meeting=small.meeting)
    big = flow.open_vote(nominees=[("Phạm Thị Thu Xuân", "LDTT"), *NOMINEES[1:3]])
    with django_assert_max_num_queries(PAPER_LIMIT):
        many = count(client, f"/de-nghi/hoi-dong/hop/{big.meeting_id}/phieu-bau/")
    assert many == few
    assert client.get(f"/de-nghi/hoi-dong/hop/{big.meeting_id}/phieu-bau/").content.decode().count(
        'type="radio"') == 2 * big.nominations.filter(eligible=True).count()
