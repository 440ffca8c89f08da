"""The honour board (no login): published exemplars and the year's awards, highest first;
nothing revoked, nothing unpublished; a fixed number of queries whatever the year."""
import pytest

from thidua.awards import services as award_services
from thidua.awards.models import Award
from thidua.public.models import Exemplar

pytestmark = pytest.mark.django_db
BOARD_QUERIES = 12


def test_the_board_shows_exemplars_and_the_years_awards(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(BOARD_QUERIES):
        response = client.get("/cong-khai/", {"nam": 2024})
    html = response.content.decode()
    assert response.status_code == 200 and "Bảng vàng" in html and "Khen thưởng năm 2024" in html
    for e in Exemplar.objects.public()[:6]:
        assert e.display_name in html
    assert "Chiến sĩ thi đua cơ sở" in html and "Vũ Thị Nhạn" in html and "Trường Mầm non Thanh Giang" in html
    families = Award.objects.filter(year=2024, award_type__code="GIA_DINH_VAN_HOA", revoked=False).count()
    assert f"<strong>{families}</strong> hộ đạt Gia đình văn hóa" in html
    assert "Thôn Triều Dương" in html  # Thôn văn hóa 2024, and its households per village


def test_the_query_count_does_not_grow_with_the_number_of_awards(client, django_assert_max_num_queries):
    for year in (2021, 2023, 2025):
        with django_assert_max_num_queries(BOARD_QUERIES):
            assert client.get("/cong-khai/", {"nam": year}).status_code == 200
    assert client.get("/cong-khai/", {"nam": "abc"}).status_code == 200


def test_revoked_awards_and_unpublished_exemplars_stay_off(client, demo_user):
    officer = demo_user("canbotdkt")
    award = Award.objects.get(person__full_name="Nguyễn Thị Hiền", award_type__code="BANG_KHEN_TINH")
    assert "Nguyễn Thị Hiền" in client.get("/cong-khai/", {"nam": award.year}).content.decode()
    award_services.revoke_award(actor=officer, award=award, reason="QĐ thu hồi số 2/QĐ-UBND")
    assert "Nguyễn Thị Hiền" not in client.get("/cong-khai/", {"nam": award.year}).content.decode()

    exemplar = Exemplar.objects.public().first()
    from thidua.public import services

    services.unpublish(actor=officer, exemplar=exemplar)
    assert exemplar.display_name not in client.get("/cong-khai/").content.decode()
    assert client.get(f"/cong-khai/guong-dien-hinh/{exemplar.slug}/").status_code == 404


def test_the_nominee_list_has_a_slot_but_no_dead_link(client):
    html = client.get("/cong-khai/").content.decode()
    assert "Xác minh giấy khen" in html and "Gương điển hình" in html
