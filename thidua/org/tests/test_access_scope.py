import pytest

from thidua.org.models import Membership, Organisation

pytestmark = pytest.mark.django_db


def _unit(code):
    return Organisation.objects.get(code=code)


def _someone_in(code):
    return Membership.objects.filter(organisation__code=code).first().person


def test_clerk_opens_her_own_unit_and_its_people(client_as):
    client = client_as("vanthu_mnhp")
    assert client.get(f"/to-chuc/{_unit('mn-hong-phong').pk}/").status_code == 200
    assert client.get(f"/ca-nhan/{_someone_in('mn-hong-phong').pk}/").status_code == 200


def test_clerk_cannot_open_another_units_pages_by_changing_the_id(client_as):
    client = client_as("vanthu_mnhp")
    other = _unit("thcs-thanh-giang")
    assert client.get(f"/to-chuc/{other.pk}/").status_code == 404
    assert client.get(f"/ca-nhan/{_someone_in('thcs-thanh-giang').pk}/").status_code == 404
    assert client.get(f"/to-chuc/{_unit('xa-nam-thanh-mien').pk}/").status_code == 404


def test_clerk_search_only_lists_people_of_her_unit(client_as):
    html = client_as("vanthu_mnhp").get("/tim-kiem/", {"q": "nguyen thi"}).content.decode()
    assert "Nguyễn Thị Mai" in html
    assert "Nguyễn Thị Hiền" not in html  # THCS Thanh Giang


def test_clerk_cannot_edit_people_of_another_unit(client_as):
    person = _someone_in("thcs-thanh-giang")
    response = client_as("vanthu_mnhp").post(f"/ca-nhan/{person.pk}/sua/", {"full_name": "X"})
    assert response.status_code == 404


def test_officer_sees_the_whole_commune(client_as):
    client = client_as("canbotdkt")
    for code in ("mn-hong-phong", "thcs-thanh-giang", "thon-hoi-yen", "cong-an-chi-lang-nam"):
        assert client.get(f"/to-chuc/{_unit(code).pk}/").status_code == 200


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(f"/to-chuc/{_unit('mn-hong-phong').pk}/")
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]


def test_auditor_can_read_but_not_add_people(client_as):
    client = client_as("kiemtra")
    assert client.get("/to-chuc/").status_code == 200
    assert client.get("/ca-nhan/them/").status_code == 403
