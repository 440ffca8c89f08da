"""Personal tokens: created on a page for the signed-in user, shown once, stored hashed,
revocable; errors are JSON in Vietnamese."""
import hashlib

import pytest

from thidua.exchange.models import ApiToken

pytestmark = pytest.mark.django_db
API = "/du-lieu/api"


def test_token_is_shown_once_and_stored_hashed(client_as):
    client = client_as("canbotdkt")
    response = client.post("/du-lieu/ma-truy-cap/", {"name": "Phần mềm kế toán"})
    assert response.status_code == 200
    key = response.context["new_key"]
    token = ApiToken.objects.get(name="Phần mềm kế toán")
    assert key.startswith("td_") and key not in token.digest
    assert token.digest == hashlib.sha256(key.encode()).hexdigest()
    assert key.encode() in response.content
    assert key.encode() not in client.get("/du-lieu/ma-truy-cap/").content  # never again
    me = client.get(f"{API}/me", HTTP_AUTHORIZATION=f"Bearer {key}").json()
    assert me["username"] == "canbotdkt"

    client.post(f"/du-lieu/ma-truy-cap/{token.pk}/thu-hoi/")
    assert client.get(f"{API}/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_errors_are_vietnamese_json(client, token_for):
    assert client.get(f"{API}/me").json() == {"detail": "Thiếu hoặc sai mã truy cập (Authorization: Bearer …)."}
    assert client.get(f"{API}/me", HTTP_AUTHORIZATION="Bearer td_wrong").status_code == 401
    auth = token_for("canbotdkt")
    bad = client.get(f"{API}/people", {"page": "abc"}, HTTP_AUTHORIZATION=auth)
    assert bad.status_code == 422
    assert bad.json()["detail"] == "Tham số không hợp lệ."
    assert bad.json()["errors"] == [{"field": "page", "message": "Phải là số nguyên."}]
    assert client.get(f"{API}/people/99999999", HTTP_AUTHORIZATION=auth).json() == {"detail": "Không tìm thấy cá nhân."}
    huge = client.get(f"{API}/awards/{2**70}", HTTP_AUTHORIZATION=auth)
    assert huge.status_code == 422


def test_openapi_schema_is_served(client):
    schema = client.get(f"{API}/openapi.json").json()
    assert schema["info"]["title"] == "ThiĐua API"
    assert {"/du-lieu/api/people", "/du-lieu/api/awards/{award_id}/credential", "/du-lieu/api/export/ledger"} <= \
        set(schema["paths"])
