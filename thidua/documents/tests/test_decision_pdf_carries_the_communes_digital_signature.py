"""A decision the chairman signed in the system is delivered as a PDF carrying the commune's
digital signature (PAdES, documents.signing) when the administrator had configured the certificate
at the signature; anyone can check it on the public page, and a changed byte shows. Decisions
only entered into the ledger, and a decision signed without a configured certificate, stay
unsigned. Decisions signed before their document was kept at the signature (``legacy``) are
signed once at their first delivery and kept (``SignedDecisionPdf``)."""
import datetime
import hashlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.awards import services as award_services
from thidua.awards.models import Award, AwardType
from thidua.org.models import Person

pytestmark = pytest.mark.skipif(
    not (apps.is_installed("thidua.proposals") and apps.is_installed("thidua.funds")),
    reason="needs the proposals app (signed decisions) and the funds app (signing)")
SIGNER = "UBND xã Nam Thanh Miện (chứng thư thử nghiệm)"


@pytest.fixture
def signed_award(demo_user):
    from thidua.proposals.tests.conftest import Flow

    dossier = Flow(demo_user).decided(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")])
    return Award.objects.get(pk=dossier.nominations.get().award_id)


@pytest.fixture
def legacy_award(signed_award):
    """A decision signed before the system kept its document at the signature."""
    from thidua.documents.models import FrozenDecision

    FrozenDecision.objects.all().delete()  # the queryset's delete: what an older version left
    return signed_award


def _pdf(client_as, award) -> bytes:
    response = client_as("canbotdkt").get(reverse("documents:decision_pdf", args=[award.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    return response.content


def test_a_decision_signed_in_the_system_comes_digitally_signed(signing_certificate, signed_award, client_as):
    from thidua.documents import signing

    status = signing.verify_pdf(_pdf(client_as, signed_award))
    assert status.valid and status.signer == SIGNER


def test_without_a_certificate_or_for_a_ledger_only_decision_the_pdf_is_unsigned(
        settings, signing_certificate, client_as, demo_user, commune):
    from thidua.documents import signing
    from thidua.proposals.tests.conftest import Flow

    settings.THIDUA_SIGNING_P12 = ""
    dossier = Flow(demo_user).decided(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")])
    unsigned = Award.objects.get(pk=dossier.nominations.get().award_id)
    assert signing.verify_pdf(_pdf(client_as, unsigned)).message == "Tệp PDF không có chữ ký số."

    settings.THIDUA_SIGNING_P12 = str(signing_certificate)
    # signed without a certificate: the kept document stays as it was signed
    assert signing.verify_pdf(_pdf(client_as, unsigned)).message == "Tệp PDF không có chữ ký số."
    by_hand = award_services.record_award(
        actor=demo_user("canbotdkt"), subject=Person.objects.get(full_name="Vũ Thị Thanh"),
        award_type=AwardType.objects.get(code="GIAY_KHEN_XA"), year=2024, issuer=commune,
        decision_number="55/QĐ-UBND", decision_date=datetime.date(2024, 12, 20), amount=450_000)
    assert signing.verify_pdf(_pdf(client_as, by_hand)).message == "Tệp PDF không có chữ ký số."


def test_the_public_page_tells_a_valid_signature_from_a_changed_file(signing_certificate, signed_award, client_as, client):
    pdf = _pdf(client_as, signed_award)
    client.logout()
    url = reverse("public:verify_document")
    assert client.get(url).status_code == 200

    page = client.post(url, {"tep": SimpleUploadedFile("qd.pdf", pdf, "application/pdf")})
    assert page.status_code == 200
    assert "Chữ ký hợp lệ: văn bản không bị sửa sau khi ký" in page.content.decode()
    assert SIGNER in page.content.decode()

    at = len(pdf) // 3
    tampered = pdf[:at] + bytes([pdf[at] ^ 0x01]) + pdf[at + 1:]
    page = client.post(url, {"tep": SimpleUploadedFile("qd.pdf", tampered, "application/pdf")}).content.decode()
    assert "Chữ ký không hợp lệ" in page

    refused = client.post(url, {"tep": SimpleUploadedFile("qd.pdf", b"not a pdf", "application/pdf")})
    assert refused.status_code == 400 and "Tệp không phải là PDF." in refused.content.decode()


def test_the_signed_pdf_is_made_once_at_signing_and_every_download_is_the_same_bytes(
        signing_certificate, demo_user, client_as, django_capture_on_commit_callbacks):
    from thidua.core.models import AuditEntry
    from thidua.documents.models import FrozenDecision, SignedDecisionPdf
    from thidua.documents import signing
    from thidua.proposals.tests.conftest import Flow

    from thidua.ops.testing import run_queued_tasks

    with django_capture_on_commit_callbacks(execute=True):
        dossier = Flow(demo_user).decided(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")])
    decision = dossier.decision
    run_queued_tasks()  # the signature queued the rendering of its DOCX and PDF
    kept = FrozenDecision.objects.get(decision=decision)
    award = Award.objects.get(pk=dossier.nominations.get().award_id)
    first, second = _pdf(client_as, award), _pdf(client_as, award)
    by_decision = client_as("canbotdkt").get(reverse("documents:signed_decision", args=[decision.pk, "pdf"])).content
    assert first == second == by_decision
    assert hashlib.sha256(first).hexdigest() == kept.pdf_sha256 and kept.pdf_signed
    assert signing.verify_pdf(first).valid
    assert AuditEntry.objects.filter(note__contains=kept.pdf_sha256).exists()
    assert SignedDecisionPdf.objects.count() == 0  # nothing signed again after the signature


def test_a_kept_signed_pdf_changed_on_disk_no_longer_validates(signing_certificate, legacy_award, client_as):
    from thidua.documents.models import SignedDecisionPdf
    from thidua.documents import signing

    signed_award = legacy_award
    pdf = _pdf(client_as, signed_award)  # first delivery: made and kept
    kept = SignedDecisionPdf.objects.get()
    tampered = bytearray(pdf)
    tampered[len(tampered) // 3] ^= 0x01
    with open(kept.file.path, "wb") as handle:
        handle.write(bytes(tampered))
    assert not signing.verify_pdf(_pdf(client_as, signed_award)).valid


def test_a_second_signed_copy_made_in_a_race_gives_way_to_the_first_and_leaves_no_file(signed_award):
    from thidua.documents import signatures
    from thidua.documents.models import SignedDecisionPdf

    decision = signatures.signing_decision(signed_award)
    first = signatures._keep(decision, b"%PDF-1.7 first copy")
    second = signatures._keep(decision, b"%PDF-1.7 second copy")
    kept = SignedDecisionPdf.objects.get()
    assert first == second == b"%PDF-1.7 first copy" == signatures.kept_bytes(kept)
    folder = Path(kept.file.path).parent
    assert [p.read_bytes() for p in folder.iterdir() if p.name.startswith(f"quyet-dinh-{decision.year}-{decision.pk}")] \
        == [b"%PDF-1.7 first copy"]


def test_a_lost_kept_file_is_signed_again_once_and_kept(signing_certificate, legacy_award, client_as):
    from thidua.documents.models import SignedDecisionPdf
    from thidua.documents import signing

    signed_award = legacy_award
    _pdf(client_as, signed_award)
    kept = SignedDecisionPdf.objects.get()
    Path(kept.file.path).unlink()
    again = _pdf(client_as, signed_award)
    assert signing.verify_pdf(again).valid
    kept.refresh_from_db()
    assert hashlib.sha256(again).hexdigest() == kept.sha256
    assert _pdf(client_as, signed_award) == again  # kept: not signed anew on every download
