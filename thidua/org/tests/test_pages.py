import pytest

from thidua.org.models import Organisation, Person

pytestmark = pytest.mark.django_db


def test_tree_shows_the_commune_its_villages_and_the_former_bodies(client_as):
    html = client_as("canbotdkt").get("/to-chuc/").content.decode()
    for name in ("Xã Nam Thanh Miện", "Thôn Hội Yên", "Công an xã Chi Lăng Nam (cũ)", "Trường THCS Thanh Giang"):
        assert name in html
    assert "Công an xã Chi Lăng Nam (cũ)" not in client_as("canbotdkt").get("/to-chuc/", {"cu": "0"}).content.decode()


def test_unit_page_lists_its_people_with_positions(client_as, django_assert_max_num_queries):
    unit = Organisation.objects.get(code="mn-hong-phong")
    client = client_as("canbotdkt")
    with django_assert_max_num_queries(15):
        html = client.get(f"/to-chuc/{unit.pk}/").content.decode()
    assert "Nguyễn Thị Mai" in html and "Phó Hiệu trưởng" in html


def test_person_page_shows_her_unit_and_position(client_as, django_assert_max_num_queries):
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    client = client_as("canbotdkt")
    with django_assert_max_num_queries(13):
        html = client.get(f"/ca-nhan/{mai.pk}/").content.decode()
    assert "Trường Mầm non Hồng Phong" in html and "Phó Hiệu trưởng" in html


def test_former_unit_page_links_to_what_it_merged_into(client_as):
    unit = Organisation.objects.get(code="cong-an-chi-lang-nam")
    html = client_as("canbotdkt").get(f"/to-chuc/{unit.pk}/").content.decode()
    assert "Công an xã Nam Thanh Miện" in html and "30/06/2025" in html
