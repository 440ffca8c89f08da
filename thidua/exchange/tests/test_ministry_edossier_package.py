"""The Ministry's e-dossier package (issue #20, 6b): for a dossier with an award the Prime
Minister decides, one ZIP holds every document of the dossier — the submission, the nominee's
achievement report, the council's minutes — as DOCX and as PDF, and a manifest whose SHA-256 of
each file matches the file."""
import hashlib
import io
import json
import zipfile

import pytest

from thidua.proposals import services
from thidua.proposals.models import Dossier
from thidua.proposals.tests.conftest import Flow

pytestmark = pytest.mark.django_db


@pytest.fixture
def flow(db, demo_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return Flow(demo_user)


def _ministry_dossier(flow) -> Dossier:
    dossier = flow.accepted(nominees=[("Nguyễn Thị Mai", "BANG_KHEN_TTG")])
    nomination = dossier.nominations.get()
    assert nomination.authority == "THU_TUONG"
    if not nomination.goes_to_council:
        services.pass_nominee(actor=flow.officer, nomination=nomination,
                              reason="Thành tích xuất sắc, tiêu biểu trong phong trào thi đua của tỉnh.")
    dossier = flow.at_council(services.publish_dossier(actor=flow.officer, dossier=dossier))
    services.open_meeting(actor=flow.officer, meeting=dossier.meeting)
    flow.vote(dossier)
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    return Dossier.objects.get(pk=dossier.pk)


def test_the_archive_holds_a_docx_and_a_pdf_of_every_document_with_matching_hashes(flow, client_as):
    dossier = _ministry_dossier(flow)
    client = client_as("canbotdkt")
    assert f"/du-lieu/quoc-gia/ho-so/{dossier.pk}/goi-ho-so.zip" in client.get("/du-lieu/quoc-gia/").content.decode()
    response = client.get(f"/du-lieu/quoc-gia/ho-so/{dossier.pk}/goi-ho-so.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    manifest = json.loads(archive.read("manifest.json"))
    listed = {f["file"]: f for f in manifest["files"]}
    assert set(archive.namelist()) == set(listed) | {"manifest.json"}
    kinds = {}
    for name, entry in listed.items():
        content = archive.read(name)
        assert hashlib.sha256(content).hexdigest() == entry["sha256"] and len(content) == entry["size"]
        assert content.startswith(b"%PDF-" if entry["format"] == "pdf" else b"PK\x03\x04")
        kinds.setdefault(entry["kind"], set()).add(entry["format"])
    assert kinds == {"to_trinh": {"docx", "pdf"}, "bao_cao_thanh_tich": {"docx", "pdf"},
                     "bien_ban_hop_hoi_dong": {"docx", "pdf"}}
    assert any("nguyen-thi-mai" in name for name in listed)


def test_a_dossier_without_an_award_for_the_ministry_has_no_package(flow, client_as):
    dossier = flow.accepted(nominees=[("Nguyễn Thị Mai", "LDTT")])
    assert client_as("canbotdkt").get(f"/du-lieu/quoc-gia/ho-so/{dossier.pk}/goi-ho-so.zip").status_code == 404
    assert client_as("vanthu_mnhp").get(f"/du-lieu/quoc-gia/ho-so/{dossier.pk}/goi-ho-so.zip").status_code == 403
