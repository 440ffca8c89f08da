"""A decision signed in the system is downloadable through the API: its DOCX and PDF are the very
bytes frozen at the signature — the same SHA-256 as the page's downloads. A decision outside the
token's scope, an unknown one, or one without a document made at signing answers 404 with a
reason; a stored file that cannot be read answers 503, never 500."""
import hashlib

import pytest
from django.urls import reverse

from thidua.documents.models import FrozenDecision
from thidua.ops.testing import run_queued_tasks
from thidua.proposals import services
from thidua.proposals.tests.conftest import Flow

pytestmark = pytest.mark.django_db
API = "/du-lieu/api"


@pytest.fixture
def signed(demo_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    flow = Flow(demo_user)
    dossier = flow.decided(nominees=[("Nguyễn Thị Mai", "LDTT")])  # Trường Mầm non Hồng Phong
    run_queued_tasks()  # the worker makes the signed files
    return flow, dossier.decision


def test_the_api_hands_out_the_same_bytes_as_the_page(signed, client_as, client, token_for):
    _flow, decision = signed
    frozen = FrozenDecision.objects.get(decision=decision)
    auth = token_for("canbotdkt")
    page = client_as("canbotdkt")
    for kind in ("docx", "pdf"):
        from_page = page.get(reverse("documents:signed_decision", args=[decision.pk, kind])).content
        response = client.get(f"{API}/decisions/{decision.pk}/{kind}", HTTP_AUTHORIZATION=auth)
        assert response.status_code == 200
        assert response.content == from_page
        assert hashlib.sha256(response.content).hexdigest() == getattr(frozen, f"{kind}_sha256")
        assert response["ETag"] == f'"{getattr(frozen, f"{kind}_sha256")}"'
        assert response["Content-Disposition"].startswith("attachment; filename=")
    assert client.get(f"{API}/decisions/{decision.pk}/pdf", HTTP_AUTHORIZATION=auth)["Content-Type"] == "application/pdf"


def test_the_decision_record_points_to_its_downloads(signed, client, token_for):
    _flow, decision = signed
    frozen = FrozenDecision.objects.get(decision=decision)
    data = client.get(f"{API}/decisions/{decision.pk}", HTTP_AUTHORIZATION=token_for("chutich")).json()
    assert (data["number"], data["frozen"], data["pdf_sha256"]) == (decision.number, True, frozen.pdf_sha256)
    assert data["signer_name"] == "Nguyễn Văn Thịnh" and data["signer_capacity"] == "CHỦ TỊCH"
    assert data["pdf_url"].endswith(f"{API}/decisions/{decision.pk}/pdf")
    assert data["docx_url"].endswith(f"{API}/decisions/{decision.pk}/docx")
    assert data["page_url"].endswith(decision.get_absolute_url())


def test_another_units_clerk_and_an_unknown_id_get_404_with_a_reason(signed, client, token_for):
    _flow, decision = signed
    outsider = token_for("vanthu_thcstg")
    for path in (f"/decisions/{decision.pk}", f"/decisions/{decision.pk}/pdf", f"/decisions/{decision.pk}/docx"):
        response = client.get(API + path, HTTP_AUTHORIZATION=outsider)
        assert response.status_code == 404 and response.json() == {"detail": "Không tìm thấy quyết định."}
    assert client.get(f"{API}/decisions/{decision.pk}/pdf", HTTP_AUTHORIZATION=token_for("vanthu_mnhp")).status_code == 200
    unknown = client.get(f"{API}/decisions/987654321/pdf", HTTP_AUTHORIZATION=token_for("canbotdkt"))
    assert unknown.status_code == 404 and unknown.json()["detail"]
    assert client.get(f"{API}/decisions/{decision.pk}/pdf").status_code == 401


def test_a_decision_without_a_document_made_at_signing_has_nothing_to_download(signed, client, token_for, demo_user):
    _flow, decision = signed
    nomination = decision.dossiers.get().nominations.get()
    revocation = services.revoke_decision(actor=demo_user("chutich"), decision=decision, nominations=[nomination],
                                          reason="Phát hiện kê khai thành tích không đúng sự thật.")
    response = client.get(f"{API}/decisions/{revocation.pk}/pdf", HTTP_AUTHORIZATION=token_for("canbotdkt"))
    assert response.status_code == 404
    assert "không có văn bản lập khi ký trong hệ thống" in response.json()["detail"]
    record = client.get(f"{API}/decisions/{revocation.pk}", HTTP_AUTHORIZATION=token_for("canbotdkt")).json()
    assert record["frozen"] is False and record["pdf_url"] is None


def test_a_stored_file_that_cannot_be_read_answers_503_not_500(signed, client, token_for):
    _flow, decision = signed
    frozen = FrozenDecision.objects.get(decision=decision)
    frozen.pdf.storage.delete(frozen.pdf.name)
    response = client.get(f"{API}/decisions/{decision.pk}/pdf", HTTP_AUTHORIZATION=token_for("canbotdkt"))
    assert response.status_code == 503 and "báo quản trị hệ thống" in response.json()["detail"]


def test_a_stored_file_changed_since_the_signature_is_not_handed_out(signed, client, token_for):
    _flow, decision = signed
    frozen = FrozenDecision.objects.get(decision=decision)
    with open(frozen.docx.path, "ab") as handle:
        handle.write(b"\0")
    response = client.get(f"{API}/decisions/{decision.pk}/docx", HTTP_AUTHORIZATION=token_for("canbotdkt"))
    assert response.status_code == 409 and "SHA-256" in response.json()["detail"]


def test_the_api_pdf_of_a_digitally_signed_decision_validates_with_pyhanko(signing_certificate, demo_user, settings,
                                                                           tmp_path, client, token_for, client_as):
    from thidua.documents import signing

    settings.MEDIA_ROOT = tmp_path / "media"
    decision = Flow(demo_user).decided(nominees=[("Nguyễn Thị Mai", "LDTT")]).decision
    run_queued_tasks()
    frozen = FrozenDecision.objects.get(decision=decision)
    assert frozen.pdf_signed
    auth = token_for("chutich")
    first = client.get(f"{API}/decisions/{decision.pk}/pdf", HTTP_AUTHORIZATION=auth).content
    second = client.get(f"{API}/decisions/{decision.pk}/pdf", HTTP_AUTHORIZATION=auth).content
    page = client_as("chutich").get(reverse("documents:signed_decision", args=[decision.pk, "pdf"])).content
    assert first == second == page
    status = signing.verify_pdf(first)
    assert status.valid, status.message


def test_a_download_asked_before_the_worker_made_the_files_gets_them_made_once(demo_user, settings, tmp_path,
                                                                               client, token_for):
    settings.MEDIA_ROOT = tmp_path / "media"
    decision = Flow(demo_user).decided(nominees=[("Nguyễn Thị Mai", "LDTT")]).decision
    assert not FrozenDecision.objects.get(decision=decision).ready
    first = client.get(f"{API}/decisions/{decision.pk}/pdf", HTTP_AUTHORIZATION=token_for("canbotdkt"))
    again = client.get(f"{API}/decisions/{decision.pk}/pdf", HTTP_AUTHORIZATION=token_for("canbotdkt"))
    frozen = FrozenDecision.objects.get(decision=decision)
    assert first.status_code == 200 and first.content == again.content
    assert hashlib.sha256(first.content).hexdigest() == frozen.pdf_sha256
