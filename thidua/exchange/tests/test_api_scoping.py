"""API scoping: a clerk's token sees her unit only, exactly as the web pages do."""
import pytest

from thidua.accounts.scoping import visible_people
from thidua.org.models import Organisation, Person

pytestmark = pytest.mark.django_db
API = "/du-lieu/api"


def test_a_clerks_token_never_returns_another_units_people(client, token_for, demo_user):
    auth = token_for("vanthu_mnhp")
    clerk = demo_user("vanthu_mnhp")
    other = Person.objects.filter(memberships__organisation__name="Trường THCS Thanh Giang").first()
    own = Person.objects.get(full_name="Nguyễn Thị Mai")

    response = client.get(f"{API}/people/{other.pk}", HTTP_AUTHORIZATION=auth)
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy cá nhân."}
    assert client.get(f"{API}/people/{own.pk}", HTTP_AUTHORIZATION=auth).status_code == 200

    listed, page = [], 1
    while True:
        data = client.get(f"{API}/people", {"page": page, "page_size": 200}, HTTP_AUTHORIZATION=auth).json()
        listed += [p["id"] for p in data["items"]]
        if page >= data["pages"]:
            break
        page += 1
    assert other.pk not in listed
    assert set(listed) == set(visible_people(clerk).values_list("pk", flat=True))
    names = client.get(f"{API}/search", {"q": "nguyen"}, HTTP_AUTHORIZATION=auth).json()["people"]
    assert all(p["id"] in listed for p in names)
    thcs = Organisation.objects.get(name="Trường THCS Thanh Giang")
    assert client.get(f"{API}/units/{thcs.pk}", HTTP_AUTHORIZATION=auth).status_code == 404
    assert client.get(f"{API}/people", {"unit": thcs.pk}, HTTP_AUTHORIZATION=auth).status_code == 404


def test_the_clerks_ledger_and_ratings_stay_in_her_unit(client, token_for, demo_user):
    auth = token_for("vanthu_mnhp")
    people = set(visible_people(demo_user("vanthu_mnhp")).values_list("pk", flat=True))
    awards = client.get(f"{API}/awards", {"page_size": 200}, HTTP_AUTHORIZATION=auth).json()["items"]
    assert all(a["person_id"] in people for a in awards if a["person_id"])
    exported = client.get(f"{API}/export/ledger", HTTP_AUTHORIZATION=auth).json()
    assert exported["format"] == "thidua-ledger" and exported["count"] >= len(awards)
    assert all(a["person_id"] in people for a in exported["awards"] if a["person_id"])
    ratings = client.get(f"{API}/ratings", {"page_size": 200}, HTTP_AUTHORIZATION=auth).json()["items"]
    assert all(r["person_id"] in people for r in ratings if r["person_id"])


def test_search_without_diacritics_in_any_case_is_sorted_in_vietnamese_order(client, token_for):
    auth = token_for("canbotdkt")
    data = client.get(f"{API}/search", {"q": "VU THI NHAN"}, HTTP_AUTHORIZATION=auth).json()
    assert [p["full_name"] for p in data["people"]] == ["Vũ Thị Nhạn"]
    units = client.get(f"{API}/units", {"q": "mam non", "page_size": 200}, HTTP_AUTHORIZATION=auth).json()["items"]
    assert [u["name"] for u in units] == ["Trường Mầm non Chi Lăng Bắc", "Trường Mầm non Chi Lăng Nam",
                                          "Trường Mầm non Hồng Phong", "Trường Mầm non Thanh Giang"]
    people = client.get(f"{API}/people", {"q": "thi", "page_size": 30}, HTTP_AUTHORIZATION=auth).json()["items"]
    from thidua.core.text import given_name_key
    names = [p["full_name"] for p in people]
    assert names == sorted(names, key=given_name_key)
