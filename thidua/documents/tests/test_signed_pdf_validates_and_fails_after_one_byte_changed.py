"""A decision PDF signed with pyHanko (PAdES baseline B) validates against the configured
certificate's own chain, and no longer does once one signed byte is changed."""
import pytest
import weasyprint

from thidua.documents import signing


@pytest.fixture(scope="module")
def pdf():
    return weasyprint.HTML(string="<h1>QUYẾT ĐỊNH</h1><p>Quyết định khen thưởng số 1/QĐ-UBND</p>").write_pdf()


def test_a_signed_pdf_is_valid(pdf, signing_certificate):
    signed = signing.sign_pdf(pdf, p12_path=signing_certificate, passphrase="bi-mat",
                              reason="Ban hành quyết định khen thưởng", location="Xã Nam Thanh Miện")
    status = signing.verify_pdf(signed)
    assert status.valid and status.intact
    assert status.signer == "UBND xã Nam Thanh Miện (chứng thư thử nghiệm)"
    assert status.signed_at is not None
    assert status.message.startswith("Chữ ký hợp lệ")


def test_changing_one_signed_byte_breaks_the_signature(pdf, signing_certificate):
    signed = signing.sign_with_configured(pdf, reason="Ban hành quyết định khen thưởng")
    at = len(pdf) // 2  # inside the original document, covered by the signature
    tampered = signed[:at] + bytes([signed[at] ^ 0x01]) + signed[at + 1:]
    assert len(tampered) == len(signed)
    status = signing.verify_pdf(tampered)
    assert not status.valid and not status.intact
    assert "đã bị thay đổi" in status.message or "Không đọc được" in status.message


def test_a_certificate_outside_the_trusted_chain_is_not_valid(pdf, signing_certificate, tmp_path):
    other = tmp_path / "khac.p12"
    other.write_bytes(signing.make_test_p12(passphrase="x", common_name="Người lạ"))
    signed = signing.sign_pdf(pdf, p12_path=other, passphrase="x", reason="Thử")
    status = signing.verify_pdf(signed)  # trusts only the configured certificate's CA
    assert status.intact and not status.valid


def test_unsigned_or_broken_files_are_reported_not_raised(pdf, signing_certificate):
    assert signing.verify_pdf(pdf).message == "Tệp PDF không có chữ ký số."
    assert not signing.verify_pdf(b"not a pdf").valid


def test_signing_without_configuration_says_so(pdf, settings):
    settings.THIDUA_SIGNING_P12 = ""
    with pytest.raises(signing.SigningNotConfigured):
        signing.sign_with_configured(pdf, reason="x")
