"""The city's queue: the communes' dossiers waiting to be received, then the received ones with
their state; the office's home page points to the waiting ones; the page reads a bounded
number of queries however many dossiers wait."""
import pytest

from thidua.province import services as province_services

pytestmark = pytest.mark.django_db


def test_the_queue_shows_waiting_then_received_dossiers_and_home_points_to_them(upward, client,
                                                                                django_assert_max_num_queries):
    sent = upward.sent(upward.person("Vũ Thị Nhạn"))
    client.force_login(upward.p_officer)
    home = client.get("/").content.decode()
    assert "Hồ sơ các xã, đề nghị của các cụm thi đua trình thành phố, chờ tiếp nhận" in home and "Xã Nam Thanh Miện" in home
    with django_assert_max_num_queries(25):
        page = client.get("/thanh-pho/").content.decode()
    assert f"/thanh-pho/ho-so/{sent.pk}/tiep-nhan/" in page and sent.submission_number in page
    case = province_services.receive(actor=upward.p_officer, dossier=sent)
    with django_assert_max_num_queries(25):
        page = client.get("/thanh-pho/").content.decode()
    assert f"/thanh-pho/ho-so/{sent.pk}/tiep-nhan/" not in page
    assert f"/de-nghi/ho-so/{case.province_dossier_id}/" in page and "Đã nộp, chờ tiếp nhận" in page
    assert f"/de-nghi/ho-so/{case.province_dossier_id}/" in client.get("/de-nghi/").content.decode()  # her work


def test_a_council_member_of_the_city_reads_the_queue_without_the_receive_button(upward, client):
    sent = upward.sent(upward.person("Vũ Thị Nhạn"))
    client.force_login(upward.p_member)
    page = client.get("/thanh-pho/").content.decode()
    assert "Xã Nam Thanh Miện" in page and f"/thanh-pho/ho-so/{sent.pk}/tiep-nhan/" not in page
