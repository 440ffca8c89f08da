"""Digitally signed decisions: PAdES baseline B signatures with pyHanko.

The administrator configures the signing certificate (a PKCS#12 file and its passphrase):

    THIDUA_SIGNING_P12 = "/srv/thidua/ky-so/ubnd-xa.p12"
    THIDUA_SIGNING_PASSPHRASE = "…"

``sign_pdf`` appends one signature (an incremental update, SHA-256, sub-filter
ETSI.CAdES.detached). ``verify_pdf`` checks a PDF's signature: the signed bytes are unchanged
(intact) and the signer's certificate chains up to a trusted root — the roots of the configured
certificate's chain (the CA certificates inside the .p12, e.g. the self-made test CA of
``manage.py make_test_certificate``; a self-signed signer certificate trusts itself), plus any
PEM/DER files listed in ``THIDUA_SIGNING_TRUST_ROOTS``. No network: revocation is not fetched.

``make_test_p12`` builds a self-made test CA and signer certificate with ``cryptography`` — for
the demo and the tests only, never for real decisions.
"""
from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

__all__ = ["SignatureStatus", "SigningNotConfigured", "sign_pdf", "sign_with_configured", "verify_pdf",
           "make_test_p12", "configured_trust_roots"]


class SigningNotConfigured(Exception):
    """No signing certificate is configured (THIDUA_SIGNING_P12)."""


# What is wrong with a signed PDF (SignatureStatus.problem), worst first
CONTENT_CHANGED = "content_changed"        # the signature is sound but the bytes it covers changed
SIGNATURE_DAMAGED = "signature_damaged"    # the signature itself is broken: cannot vouch for anything
UNTRUSTED = "untrusted"                    # sound and intact, but the signer is not a trusted body
ADDED_AFTER = "added_after"                # sound and intact, but more was appended after signing
UNSIGNED = "unsigned"
UNREADABLE = "unreadable"


@dataclass(frozen=True)
class SignatureStatus:
    valid: bool                      # intact, cryptographically sound and trusted
    intact: bool                     # the signature is sound and the signed bytes are unchanged
    signer: str                      # the signer certificate's subject, readable
    signed_at: datetime.datetime | None
    message: str                     # Vietnamese, for the verification page
    problem: str = ""                # one of the constants above; "" when valid

    @property
    def label(self) -> str:
        if self.valid:
            return "Chữ ký hợp lệ"
        if self.problem == CONTENT_CHANGED:
            return "Nội dung đã bị thay đổi sau khi ký"
        if self.problem == SIGNATURE_DAMAGED:
            return "Chữ ký số bị hỏng"
        if self.problem == UNTRUSTED:
            return "Chữ ký không được tin cậy"
        return "Chữ ký không hợp lệ"

    @property
    def content_changed(self) -> bool:
        return self.problem == CONTENT_CHANGED

    @property
    def signature_damaged(self) -> bool:
        return self.problem == SIGNATURE_DAMAGED


def _passphrase(value) -> bytes | None:
    if value in (None, ""):
        return None
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def sign_pdf(pdf_bytes: bytes, *, p12_path, passphrase, reason: str = "", location: str = "",
             field_name: str = "ChuKyUBND") -> bytes:
    """Sign ``pdf_bytes`` with the key and certificate in ``p12_path`` (PAdES baseline B)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = signers.SimpleSigner.load_pkcs12(pfx_file=str(p12_path), passphrase=_passphrase(passphrase))
    if signer is None:
        raise ValueError("Không đọc được tệp chứng thư số (sai mật khẩu hoặc tệp hỏng).")
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, reason=reason or None, location=location or None, md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES)
    out = signers.sign_pdf(writer, meta, signer=signer)
    return out.getvalue()


def is_configured() -> bool:
    """The administrator configured a certificate file that exists."""
    path = getattr(settings, "THIDUA_SIGNING_P12", "")
    return bool(path) and Path(path).is_file()


def sign_with_configured(pdf_bytes: bytes, *, reason: str, location: str = "") -> bytes:
    """``sign_pdf`` with the certificate the administrator configured; ``SigningNotConfigured``
    when there is none."""
    if not is_configured():
        raise SigningNotConfigured("Chưa cấu hình chứng thư số để ký (THIDUA_SIGNING_P12).")
    path = settings.THIDUA_SIGNING_P12
    return sign_pdf(pdf_bytes, p12_path=path, passphrase=getattr(settings, "THIDUA_SIGNING_PASSPHRASE", ""),
                    reason=reason, location=location)


def _load_cert_file(path: Path):
    from asn1crypto import pem, x509

    data = path.read_bytes()
    if pem.detect(data):
        return [x509.Certificate.load(der) for _, _, der in pem.unarmor(data, multiple=True)]
    return [x509.Certificate.load(data)]


def configured_trust_roots(p12_path=None, passphrase=None) -> list:
    """Trust anchors (asn1crypto certificates): the CA certificates shipped in the configured
    .p12 (or the signer certificate itself when it comes alone), plus THIDUA_SIGNING_TRUST_ROOTS."""
    from asn1crypto import x509
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

    roots = []
    p12_path = p12_path or getattr(settings, "THIDUA_SIGNING_P12", "")
    if passphrase is None:
        passphrase = getattr(settings, "THIDUA_SIGNING_PASSPHRASE", "")
    if p12_path and Path(p12_path).is_file():
        try:
            _, cert, extra = pkcs12.load_key_and_certificates(Path(p12_path).read_bytes(), _passphrase(passphrase))
        except ValueError:
            cert, extra = None, []
        certs = list(extra or []) or ([cert] if cert is not None else [])
        roots.extend(x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in certs)
    for extra_path in getattr(settings, "THIDUA_SIGNING_TRUST_ROOTS", []) or []:
        if Path(extra_path).is_file():
            roots.extend(_load_cert_file(Path(extra_path)))
    return roots


def _signer_name(cert) -> str:
    if cert is None:
        return ""
    native = cert.subject.native
    return native.get("common_name") or cert.subject.human_friendly


def _damaged_block(exc) -> str:
    return (f"Chữ ký số bị hỏng (không đọc được khối chữ ký, {exc.__class__.__name__}): chữ ký không chứng minh "
            "được điều gì về văn bản này. Đề nghị đối chiếu với bản lưu của cơ quan ban hành.")


def verify_pdf(pdf_bytes: bytes, *, trust_roots=None) -> SignatureStatus:
    """The status of the last signature in ``pdf_bytes``. Never raises on bad input: a damaged
    or unsigned file is reported as not valid, with the reason in Vietnamese."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        reader.root  # noqa: B018 — reads the trailer and the catalogue: is this a PDF at all?
    except Exception as exc:  # noqa: BLE001 — any parse failure means "not a valid signed PDF"
        return SignatureStatus(False, False, "", None, f"Không đọc được tệp PDF ({exc.__class__.__name__}).",
                               UNREADABLE)
    try:
        signatures = reader.embedded_signatures
    except Exception as exc:  # noqa: BLE001 — a readable PDF whose signature block does not parse
        return SignatureStatus(False, False, "", None, _damaged_block(exc), SIGNATURE_DAMAGED)
    if not signatures:
        return SignatureStatus(False, False, "", None, "Tệp PDF không có chữ ký số.", UNSIGNED)
    embedded = signatures[-1]
    roots = configured_trust_roots() if trust_roots is None else list(trust_roots)
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    try:
        status = validate_pdf_signature(embedded, context)
    except Exception as exc:  # noqa: BLE001 — the signature block cannot even be read: it is damaged
        return SignatureStatus(False, False, "", None, _damaged_block(exc), SIGNATURE_DAMAGED)
    signer = _signer_name(status.signing_cert)
    signed_at = status.signer_reported_dt
    # pyHanko: ``valid`` — the signer's key signed these signed attributes (the signature itself
    # is sound); ``intact`` — the digest of the covered bytes equals the one the signature holds.
    # Sound but not intact: the content changed. Not sound: the signature is damaged (or forged),
    # whatever the content, so it proves nothing either way.
    sound = bool(status.valid)
    intact = sound and bool(status.intact)
    covers_all = status.coverage is not None and status.coverage.name in ("ENTIRE_FILE", "ENTIRE_REVISION")
    trusted = bool(status.trusted)
    valid = intact and trusted and covers_all and status.bottom_line
    problem = ""
    if valid:
        when = f" lúc {signed_at.astimezone(datetime.timezone(datetime.timedelta(hours=7))):%H:%M ngày %d/%m/%Y}" \
            if signed_at else ""
        message = f"Chữ ký hợp lệ: văn bản không bị sửa sau khi ký; người ký {signer}{when}."
    elif not sound:
        problem = SIGNATURE_DAMAGED
        message = ("Chữ ký số bị hỏng hoặc không khớp với chứng thư của người ký: chữ ký không chứng minh được "
                   "điều gì về văn bản này. Đề nghị đối chiếu với bản lưu của cơ quan ban hành.")
    elif not intact:
        problem = CONTENT_CHANGED
        message = "Chữ ký không hợp lệ: nội dung văn bản đã bị thay đổi sau khi ký."
    elif not trusted:
        problem = UNTRUSTED
        message = "Văn bản còn nguyên vẹn nhưng chứng thư số của người ký không thuộc tổ chức được tin cậy."
    else:
        problem = ADDED_AFTER
        message = "Chữ ký không hợp lệ: văn bản có phần được thêm sau khi ký."
    return SignatureStatus(valid=valid, intact=intact, signer=signer, signed_at=signed_at, message=message,
                           problem=problem)


def make_test_p12(*, passphrase: str, common_name: str = "UBND xã Nam Thanh Miện (chứng thư thử nghiệm)",
                  organisation: str = "UBND xã Nam Thanh Miện", days: int = 3650) -> bytes:
    """A PKCS#12 archive with a signer key and certificate issued by a self-made test CA (the
    CA certificate travels in the archive, so ``verify_pdf`` trusts it). For demos and tests."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5)
    until = now + datetime.timedelta(days=days)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                         x509.NameAttribute(NameOID.COMMON_NAME, "ThiĐua — CA thử nghiệm (không dùng thật)")])
    ca_cert = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
               .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now).not_valid_after(until)
               .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
               .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                            key_encipherment=False, data_encipherment=False, key_agreement=False,
                                            key_cert_sign=True, crl_sign=True, encipher_only=False,
                                            decipher_only=False), critical=True)
               .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
               .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                         x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(ca_name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(until)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
            .sign(ca_key, hashes.SHA256()))
    encryption = (serialization.BestAvailableEncryption(passphrase.encode("utf-8")) if passphrase
                  else serialization.NoEncryption())
    return pkcs12.serialize_key_and_certificates(
        name=b"thidua-test-signer", key=key, cert=cert, cas=[ca_cert], encryption_algorithm=encryption)
