"""The ledger exports as open JSON, and each award as an Open Badges 3.0 credential (JSON-LD here;
the signed VC-JWT and what a verifier does with it: test_open_badges_a_verifier_can_check.py)."""
import pytest

from thidua.awards.models import Award

pytestmark = pytest.mark.django_db
API = "/du-lieu/api"


def test_an_award_as_an_open_badges_3_credential(client, token_for):
    auth = token_for("canbotdkt")
    award = Award.objects.filter(person__isnull=False).select_related("award_type", "person").first()
    doc = client.get(f"{API}/awards/{award.pk}/credential", HTTP_AUTHORIZATION=auth).json()
    assert doc["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert doc["@context"][1].startswith("https://purl.imsglobal.org/spec/ob/v3p0/context")
    assert doc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert doc["id"].endswith(f"/xac-minh/{award.verification_code}")
    assert doc["issuer"]["type"] == ["Profile"] and doc["issuer"]["name"] == award.issuer_name
    assert doc["validFrom"][:4].isdigit() and "T" in doc["validFrom"]
    subject = doc["credentialSubject"]
    assert subject["type"] == ["AchievementSubject"]
    assert subject["achievement"]["type"] == ["Achievement"] and subject["achievement"]["name"] == award.award_type.name
    assert subject["identifier"][0]["identityHash"] == award.person.full_name
    assert "proof" not in doc  # the JSON-LD form; its secured form is the VC-JWT


def test_ledger_export_for_the_signed_in_user(client_as):
    response = client_as("canbotdkt").get("/du-lieu/xuat/so-khen-thuong.json")
    data = response.json()
    assert data["format"] == "thidua-ledger" and data["version"] == "1.0"
    assert data["count"] == len(data["awards"]) > 0
    first = data["awards"][0]
    assert {"code", "rules_code", "year", "subject_name", "issuer_name", "verification_url"} <= set(first)
    years = [a["year"] for a in data["awards"]]
    assert years == sorted(years, reverse=True)
