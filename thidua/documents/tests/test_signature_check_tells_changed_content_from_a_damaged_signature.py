"""The public signature check tells two different failures apart: the signed content was changed
(the signature is sound, the document is not what was signed) and the signature itself is damaged
(its bytes were broken, so it proves nothing — the document may well be unchanged)."""
import pytest
import weasyprint
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.documents import signing


@pytest.fixture
def signed(signing_certificate):
    pdf = weasyprint.HTML(string="<h1>QUYẾT ĐỊNH</h1><p>Khen thưởng số 7/QĐ-UBND</p>").write_pdf()
    return pdf, signing.sign_with_configured(pdf, reason="Ban hành quyết định khen thưởng")


def _signature_value_offset(pdf: bytes) -> int:
    """Where the signer's signature value (inside the hex /Contents of the CMS blob) starts."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    embedded = PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures[-1]
    value = embedded.signed_data["signer_infos"][0]["signature"].native
    at = pdf.lower().find(value.hex().encode())
    assert at > 0
    return at


def _flip_hex_digit(pdf: bytes, at: int) -> bytes:
    digit = chr(pdf[at]).lower()
    other = b"0" if digit != "0" else b"1"
    return pdf[:at] + other + pdf[at + 1:]


def test_a_changed_byte_of_the_content_is_reported_as_changed_content(signed):
    pdf, signed_pdf = signed
    at = len(pdf) // 2
    status = signing.verify_pdf(signed_pdf[:at] + bytes([signed_pdf[at] ^ 0x01]) + signed_pdf[at + 1:])
    assert not status.valid and not status.intact
    assert status.content_changed and not status.signature_damaged
    assert status.label == "Nội dung đã bị thay đổi sau khi ký"
    assert "nội dung văn bản đã bị thay đổi" in status.message


def test_a_damaged_signature_value_is_reported_as_a_damaged_signature_not_as_changed_content(signed):
    _, signed_pdf = signed
    damaged = _flip_hex_digit(signed_pdf, _signature_value_offset(signed_pdf) + 20)
    assert len(damaged) == len(signed_pdf)
    status = signing.verify_pdf(damaged)
    assert not status.valid
    assert status.signature_damaged and not status.content_changed
    assert status.label == "Chữ ký số bị hỏng"
    assert "đã bị thay đổi" not in status.message


def test_an_unreadable_signature_block_is_a_damaged_signature(signed):
    _, signed_pdf = signed
    # the first bytes of the CMS blob (its DER header): the signature can no longer be parsed
    start = signed_pdf.find(b"/Contents <") + len(b"/Contents <")
    damaged = signed_pdf[:start] + b"ff" + signed_pdf[start + 2:]
    status = signing.verify_pdf(damaged)
    assert not status.valid and status.signature_damaged
    assert "đã bị thay đổi" not in status.message


@pytest.mark.django_db
def test_the_public_page_says_which_failure_it_is(signed, client):
    _, signed_pdf = signed
    url = reverse("public:verify_document")
    damaged = _flip_hex_digit(signed_pdf, _signature_value_offset(signed_pdf) + 20)
    page = client.post(url, {"tep": SimpleUploadedFile("qd.pdf", damaged, "application/pdf")}).content.decode()
    assert "Chữ ký số bị hỏng" in page and "nội dung văn bản đã bị thay đổi" not in page

    at = len(signed_pdf) // 3
    changed = signed_pdf[:at] + bytes([signed_pdf[at] ^ 0x01]) + signed_pdf[at + 1:]
    page = client.post(url, {"tep": SimpleUploadedFile("qd.pdf", changed, "application/pdf")}).content.decode()
    assert "Nội dung đã bị thay đổi sau khi ký" in page and "Chữ ký số bị hỏng" not in page
