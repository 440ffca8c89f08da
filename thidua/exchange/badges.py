"""Open Badges 3.0 that a verifier can check: issuer profiles, achievement definitions, the
revocation list and the signature.

- Every issuing body has one stable public profile (``/du-lieu/ob/to-chuc/<key>.json``, and a page
  for people at ``/du-lieu/ob/to-chuc/<key>/``): its key is the body's name, diacritic-free.
- Every award type is a public achievement definition (``/du-lieu/ob/danh-hieu/<code>.json``).
- Revocation is the W3C Bitstring Status List: each credential carries a
  ``BitstringStatusListEntry`` (purpose ``revocation``, index = the award's number) pointing to
  its issuer's status list credential (``/du-lieu/ob/to-chuc/<key>/thu-hoi.jwt``); the bit is 1
  when the award was revoked.
- Credentials and status lists are secured as VC-JWT (VC-JOSE-COSE: a compact JWS whose payload is
  the credential, ``typ: vc+jwt``, ES256), signed with the commune's key. The key lives in a file
  outside the database (``THIDUA_BADGE_KEY``, made on first use with mode 0600); its public half
  is the ``verificationMethod`` of every issuer profile, named by the JWS ``kid``.
"""
from __future__ import annotations

import base64
import gzip
import json
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from thidua.core.text import search_key

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
JWT_MEDIA_TYPE = "application/vc+jwt"
LD_MEDIA_TYPE = "application/vc+ld+json"
ALG = "ES256"
KEY_FRAGMENT = "khoa-1"
STATUS_LIST_BITS = 131_072   # the spec's minimum size (16 KB): hides which award a check is about


# --- keys ---------------------------------------------------------------------------------------

def key_path() -> Path:
    return Path(getattr(settings, "THIDUA_BADGE_KEY", "") or Path(settings.BASE_DIR) / "var" / "khoa" /
                "open-badges-es256.pem")


def signing_key():
    """The commune's P-256 private key (joserfc ECKey), from its file; made once when missing."""
    from joserfc.jwk import ECKey

    path = key_path()
    if not path.exists():
        # written whole to a private temporary file, then linked into place: two workers starting
        # at once never read half a key, and the first one's key wins
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".khoa-")  # mode 0600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(ECKey.generate_key("P-256").as_pem(private=True))
            os.link(tmp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    return ECKey.import_key(path.read_bytes())


def public_jwk() -> dict:
    jwk = signing_key().as_dict(private=False)
    return {k: jwk[k] for k in ("kty", "crv", "x", "y")} | {"alg": ALG, "use": "sig"}


def sign(payload: dict, *, kid: str) -> str:
    """A compact JWS (VC-JWT) of ``payload``."""
    from joserfc import jws

    header = {"alg": ALG, "typ": "vc+jwt", "cty": "vc", "kid": kid}
    return jws.serialize_compact(header, json.dumps(payload, ensure_ascii=False).encode(), signing_key(),
                                 algorithms=[ALG])


# --- identifiers ----------------------------------------------------------------------------------

def issuer_key(issuer_name: str) -> str:
    """'UBND xã Nam Thanh Miện' -> 'ubnd-xa-nam-thanh-mien' (stable, whatever the award)."""
    return slugify(search_key(issuer_name)) or "khong-ro"


def issuer_name_for(key: str) -> str | None:
    from thidua.awards.models import Award

    for name in Award.objects.order_by().values_list("issuer_name", flat=True).distinct():
        if issuer_key(name) == key:
            return name
    return None


def issuer_id(base_url: str, key: str) -> str:
    return f"{base_url}/du-lieu/ob/to-chuc/{key}.json"


def issuer_page(base_url: str, key: str) -> str:
    return f"{base_url}/du-lieu/ob/to-chuc/{key}/"


def status_list_url(base_url: str, key: str) -> str:
    return f"{base_url}/du-lieu/ob/to-chuc/{key}/thu-hoi.jwt"


def achievement_url(base_url: str, code: str) -> str:
    return f"{base_url}/du-lieu/ob/danh-hieu/{code}.json"


def kid(base_url: str, key: str) -> str:
    return f"{issuer_id(base_url, key)}#{KEY_FRAGMENT}"


# --- documents ------------------------------------------------------------------------------------

def issuer_profile(*, base_url: str, key: str, name: str) -> dict:
    ident = issuer_id(base_url, key)
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": ident,
        "type": ["Profile"],
        "name": name,
        "url": issuer_page(base_url, key),
        "description": f"Cơ quan ban hành quyết định khen thưởng: {name}. Chứng nhận điện tử do hệ thống "
                       "ThiĐua của xã ký bằng khóa công khai dưới đây.",
        "verificationMethod": [{
            "id": f"{ident}#{KEY_FRAGMENT}",
            "type": "JsonWebKey",
            "controller": ident,
            "publicKeyJwk": public_jwk(),
        }],
    }


def achievement(award_type, *, base_url: str) -> dict:
    t = award_type
    return {
        "id": achievement_url(base_url, t.code),
        "type": ["Achievement"],
        "achievementType": "Award",
        "name": t.name,
        "description": f"{t.get_kind_display()}: {t.name}" + (f" — {t.authority}" if t.authority else ""),
        "criteria": {"narrative": t.legal_basis or "Theo Luật Thi đua, khen thưởng 2022 và văn bản hướng dẫn."},
        "humanCode": t.code,
        "inLanguage": "vi",
    }


def status_entry(award, *, base_url: str) -> dict:
    url = status_list_url(base_url, issuer_key(award.issuer_name))
    return {"id": f"{url}#{award.pk}", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": str(award.pk), "statusListCredential": url}


def encode_bits(revoked_indexes, size: int) -> str:
    """Multibase (base64url, 'u') of the GZIP of the bitstring; bit 0 is the first byte's highest."""
    bits = bytearray(size // 8)
    for index in revoked_indexes:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + base64.urlsafe_b64encode(gzip.compress(bytes(bits), mtime=0)).decode().rstrip("=")


def decode_bits(encoded: str) -> bytes:
    if not encoded.startswith("u"):
        raise ValueError("encodedList must be multibase base64url ('u')")
    data = encoded[1:]
    return gzip.decompress(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)))


def bit(bitstring: bytes, index: int) -> bool:
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(*, base_url: str, key: str, name: str) -> dict:
    from thidua.awards.models import Award

    awards = Award.objects.order_by()
    names = [n for n in awards.values_list("issuer_name", flat=True).distinct() if issuer_key(n) == key]
    revoked = list(awards.filter(issuer_name__in=names, revoked=True).values_list("pk", flat=True))
    top = max(awards.filter(issuer_name__in=names).values_list("pk", flat=True), default=0)
    size = STATUS_LIST_BITS * (top // STATUS_LIST_BITS + 1)
    url = status_list_url(base_url, key)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": {"id": issuer_id(base_url, key), "name": name},
        "validFrom": timezone.now().replace(microsecond=0).isoformat(),
        "credentialSubject": {"id": f"{url}#danh-sach", "type": "BitstringStatusList",
                              "statusPurpose": "revocation", "encodedList": encode_bits(revoked, size)},
    }
