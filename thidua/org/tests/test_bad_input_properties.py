"""Property-based: whatever a user types into the people and search forms — Vietnamese,
emoji, HTML/JS, huge or empty values — the app answers without a server error, stores
text composed (NFC), and never echoes markup unescaped."""
import unicodedata

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from thidua.org.models import Organisation, Person

pytestmark = pytest.mark.django_db

PAYLOADS = st.sampled_from([
    "<script>window.__pwned=1</script>", "\"><img src=x onerror=alert(1)>", "Nguyễn Thị Mai 👩‍🏫",
    "x" * 5000, "", "   ", "Đ\u0300", "'; DROP TABLE org_person; --", "\u202e\u200b", "null", "0" * 13,
])
TEXT = st.one_of(PAYLOADS, st.text(max_size=300))
HYPO = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@HYPO
@given(name=TEXT, note=TEXT, cccd=TEXT, dob=TEXT)
def test_the_person_form_never_fails_with_a_server_error(client_as, name, note, cccd, dob):
    client = client_as("vanthu_mnhp")
    unit = Organisation.objects.get(code="mn-hong-phong")
    before = Person.objects.count()
    response = client.post("/ca-nhan/them/", {"full_name": name, "gender": "F", "date_of_birth": dob,
                                              "citizen_id": cccd, "category": "vien_chuc", "note": note,
                                              "organisation": unit.pk, "position": "Giáo viên"})
    assert response.status_code in (200, 302)
    body = response.content.decode()
    assert "<script>window.__pwned" not in body and "<img src=x onerror" not in body
    if response.status_code == 302:
        person = Person.objects.order_by("-pk").first()
        assert unicodedata.is_normalized("NFC", person.full_name)
        assert Person.objects.count() == before + 1
    else:
        assert Person.objects.count() == before


@HYPO
@given(query=TEXT)
def test_search_answers_any_query(client_as, query):
    response = client_as("canbotdkt").get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert "<script>window.__pwned" not in response.content.decode()


@HYPO
@given(year=TEXT, unit=TEXT, target=TEXT)
@example(year="2025", unit="¹", target="")  # a superscript digit: str.isdigit() says yes, int() says no
@example(year="²⁰²⁵", unit="٣", target="LDTT")
def test_the_candidate_filter_answers_any_input(client_as, year, unit, target):
    response = client_as("canbotdkt").get("/khen-thuong/du-dieu-kien/", {"nam": year, "don_vi": unit, "doi_tuong": target})
    assert response.status_code == 200


@HYPO
@given(username=TEXT, password=TEXT)
def test_login_answers_any_input_without_a_server_error(client, username, password):
    response = client.post("/tai-khoan/dang-nhap/", {"username": username, "password": password})
    assert response.status_code in (200, 429)  # 429: the address is throttled after many failures
