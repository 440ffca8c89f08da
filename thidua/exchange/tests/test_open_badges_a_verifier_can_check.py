"""An Open Badges 3.0 credential of the ledger can be checked by a verifier who only has the
credential: it validates against the official 1EdTech JSON Schema (kept in
thidua/exchange/schemas/), its VC-JWT signature verifies with the key published in the issuer's
public profile (found from the JWS ``kid``, no login), its achievement is public, and the
issuer's Bitstring Status List says whether it was revoked — a revoked award reads as revoked.

The verifier below uses only maintained libraries (joserfc for JOSE, jsonschema) and HTTP GETs."""
import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.test import Client
from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import ECKey

from thidua.accounts.models import User
from thidua.awards import services as award_services
from thidua.awards.models import Award
from thidua.exchange import badges

pytestmark = pytest.mark.django_db
API = "/du-lieu/api"
SCHEMA = json.loads((Path(badges.__file__).parent / "schemas" / "ob_v3p0_achievementcredential_schema.json")
                    .read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def badge_key(tmp_path, settings):
    settings.THIDUA_BADGE_KEY = str(tmp_path / "khoa" / "ob.pem")


class Verifier:
    """What a relying party does with a VC-JWT: anonymous HTTP GETs, nothing else."""

    def __init__(self):
        self.web = Client()  # no login, no token

    def get(self, url: str):
        response = self.web.get(urlsplit(url).path)
        assert response.status_code == 200, (url, response.status_code)
        return response

    def key_for(self, kid: str) -> ECKey:
        profile_url, _, fragment = kid.partition("#")
        profile = self.get(profile_url).json()
        method = next(m for m in profile["verificationMethod"] if m["id"] == kid)
        return ECKey.import_key(method["publicKeyJwk"])

    def open(self, token: str) -> dict:
        """The verified payload of a VC-JWT (raises BadSignatureError when it does not verify)."""
        header = jws.extract_compact(token.encode()).headers()
        assert header["typ"] == "vc+jwt" and header["alg"] == "ES256"
        payload = json.loads(jws.deserialize_compact(token, self.key_for(header["kid"]), algorithms=["ES256"]).payload)
        assert header["kid"].split("#")[0] == payload["issuer"]["id"]  # signed by the key its issuer names
        return payload

    def is_revoked(self, credential: dict) -> bool:
        status = credential["credentialStatus"]
        assert status["type"] == "BitstringStatusListEntry" and status["statusPurpose"] == "revocation"
        response = self.get(status["statusListCredential"])
        assert response["Content-Type"].startswith("application/vc+jwt")
        status_list = self.open(response.content.decode())
        assert status_list["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
        assert status_list["issuer"]["id"] == credential["issuer"]["id"]
        subject = status_list["credentialSubject"]
        assert subject["statusPurpose"] == "revocation"
        bits = badges.decode_bits(subject["encodedList"])
        assert len(bits) * 8 >= 131_072
        index = int(status["statusListIndex"])
        return bool(bits[index // 8] & (0x80 >> (index % 8)))


def _credential_jwt(client, auth, award) -> str:
    response = client.get(f"{API}/awards/{award.pk}/credential.jwt", HTTP_AUTHORIZATION=auth)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vc+jwt")
    return response.content.decode()


def _award(**filters):
    return Award.objects.filter(revoked=False, person__isnull=False, **filters).select_related("award_type") \
        .order_by("pk").first()


def test_a_credential_validates_against_the_official_schema_and_its_signature_verifies(client, token_for):
    award = _award()
    credential = Verifier().open(_credential_jwt(client, token_for("canbotdkt"), award))
    jsonschema.Draft201909Validator(SCHEMA).validate(credential)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["credentialSubject"]["identifier"][0]["identityHash"] == award.person.full_name
    # the JSON-LD form of the API is the same credential and validates too
    plain = client.get(f"{API}/awards/{award.pk}/credential", HTTP_AUTHORIZATION=token_for("canbotdkt")).json()
    assert plain == credential
    jsonschema.Draft201909Validator(SCHEMA).validate(plain)


def test_a_changed_credential_or_a_foreign_key_does_not_verify(client, token_for):
    token = _credential_jwt(client, token_for("canbotdkt"), _award())
    header, payload, signature = token.split(".")
    forged = json.loads(jws.extract_compact(token.encode()).payload)
    forged["credentialSubject"]["achievement"]["name"] = "Huân chương Lao động hạng Nhất"
    import base64

    body = base64.urlsafe_b64encode(json.dumps(forged).encode()).decode().rstrip("=")
    with pytest.raises(BadSignatureError):
        Verifier().open(f"{header}.{body}.{signature}")
    stranger = jws.serialize_compact(jws.extract_compact(token.encode()).headers(), json.dumps(forged).encode(),
                                     ECKey.generate_key("P-256"), algorithms=["ES256"])
    with pytest.raises(BadSignatureError):
        Verifier().open(stranger)


def test_a_revoked_award_is_reported_revoked_by_the_status_list(client, token_for):
    award = _award()
    verifier = Verifier()
    credential = verifier.open(_credential_jwt(client, token_for("canbotdkt"), award))
    assert verifier.is_revoked(credential) is False

    award_services.revoke_award(actor=User.objects.get(username="canbotdkt"), award=award,
                                reason="Quyết định thu hồi số 3/QĐ-UBND")
    # the credential the holder already has is the same; the issuer's list now marks it
    assert verifier.is_revoked(credential) is True
    again = verifier.open(_credential_jwt(client, token_for("canbotdkt"), award))
    jsonschema.Draft201909Validator(SCHEMA).validate(again)
    assert verifier.is_revoked(again) is True
    other = Award.objects.filter(revoked=False, issuer_name=award.issuer_name).exclude(pk=award.pk).first()
    if other is not None:
        assert verifier.is_revoked(verifier.open(_credential_jwt(client, token_for("canbotdkt"), other))) is False


def test_one_public_issuer_profile_per_issuing_body_and_public_achievements(client, token_for):
    auth = token_for("canbotdkt")
    name = Award.objects.values("issuer_name").order_by("issuer_name").first()["issuer_name"]
    two = list(Award.objects.filter(issuer_name=name).order_by("pk")[:2])
    issuers = {client.get(f"{API}/awards/{a.pk}/credential", HTTP_AUTHORIZATION=auth).json()["issuer"]["id"]
               for a in two}
    assert len(issuers) == 1  # the same body, the same profile, whatever the award
    verifier = Verifier()
    profile = verifier.get(issuers.pop())
    assert profile["Content-Type"].startswith("application/ld+json")
    assert profile.json()["type"] == ["Profile"] and profile.json()["name"] == name
    page = verifier.get(profile.json()["url"]).content.decode()
    assert name in page and "ES256" in page
    credential = client.get(f"{API}/awards/{two[0].pk}/credential", HTTP_AUTHORIZATION=auth).json()
    achievement = verifier.get(credential["credentialSubject"]["achievement"]["id"]).json()
    assert achievement["type"] == ["Achievement"] and achievement["humanCode"] == two[0].award_type.code
    assert Client().get("/du-lieu/ob/to-chuc/khong-co-co-quan-nay.json").status_code == 404


def test_the_api_schema_describes_the_credential(client):
    spec = client.get(f"{API}/openapi.json").json()
    credential = spec["components"]["schemas"]["OpenBadgeCredential"]
    assert {"@context", "issuer", "credentialSubject", "credentialStatus"} <= set(credential["properties"])
    jwt = spec["paths"][f"{API}/awards/{{award_id}}/credential.jwt"]["get"]["responses"]["200"]
    assert "application/vc+jwt" in jwt["content"]
