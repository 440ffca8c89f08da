"""Every kind of PDF the system makes is a tagged PDF (PDF/UA-1): ``pdfinfo`` says ``Tagged: yes``,
the title is the document's own, the language Vietnamese, and the structure tree holds the
headings and tables a screen reader announces. All PDFs are written in one place
(``documents.engine.html_to_pdf``), so a new kind is tagged the day it is added."""
import shutil
import subprocess
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse

from thidua.awards.models import Award

pytestmark = pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils (pdfinfo) is not installed")


def pdfinfo(pdf: bytes, tmp_path) -> dict:
    path = tmp_path / "tep.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line) | {"_raw": out}


def catalogue(pdf: bytes):
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    return PdfFileReader(io.BytesIO(pdf), strict=False).root


def structure(pdf: bytes) -> set[str]:
    """The structure element types of the PDF's tag tree (read with pyHanko's reader)."""
    found, todo = set(), [catalogue(pdf)["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        if hasattr(node, "get_object"):
            node = node.get_object()
        if isinstance(node, list):
            todo.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        if node.get("/S") is not None:
            found.add(str(node["/S"]).lstrip("/"))
        kids = node.get("/K")
        if kids is not None:
            todo.extend(kids if isinstance(kids, list) else [kids])
    return found


@pytest.fixture
def award():
    return Award.objects.filter(person__full_name="Nguyễn Thị Mai").exclude(decision_number="") \
        .order_by("-year").first()


def kinds(award):
    yield "quyết định khen thưởng", reverse("documents:decision_pdf", args=[award.pk]), {"H1", "Table"}
    yield "giấy khen", reverse("documents:certificate_pdf", args=[award.pk]), {"H1"}
    yield "quyết định mẫu", reverse("documents:sample", args=["quyet-dinh-pdf"]), {"H1", "Table"}


@pytest.mark.django_db
def test_every_kind_of_pdf_is_tagged_with_its_title_language_headings_and_tables(client_as, award, tmp_path):
    client = client_as("canbotdkt")
    for kind, url, tags in kinds(award):
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), kind
        info = pdfinfo(response.content, tmp_path)
        assert info["Tagged"].strip() == "yes", f"{kind}: {info['_raw']}"
        assert info["Title"].strip() and "ThiĐua" not in info["Title"], kind
        assert tags <= structure(response.content), f"{kind}: {structure(response.content)}"
        assert str(catalogue(response.content)["/Lang"]) == "vi", kind


@pytest.mark.django_db
@pytest.mark.skipif(not apps.is_installed("thidua.funds"), reason="signing lives in the funds app")
def test_a_digitally_signed_decision_stays_tagged(client_as, demo_user, signing_certificate, tmp_path):
    from thidua.proposals.tests.conftest import Flow

    dossier = Flow(demo_user).decided(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")])
    award = Award.objects.get(pk=dossier.nominations.get().award_id)
    pdf = client_as("canbotdkt").get(reverse("documents:decision_pdf", args=[award.pk])).content
    info = pdfinfo(pdf, tmp_path)
    assert b"/ByteRange" in pdf
    assert info["Tagged"].strip() == "yes"


def test_pdfs_are_written_in_one_place_only():
    root = Path(__file__).resolve().parents[2]  # the thidua package
    writers = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                     if "/tests/" not in str(p) and ".write_pdf(" in p.read_text(encoding="utf-8"))
    assert writers == ["documents/engine.py"], writers


@pytest.mark.django_db
def test_the_council_minutes_and_the_honour_board_poster_are_tagged_too(demo_user, client_as, tmp_path):
    """The kinds added after the tagging (the minutes of #15, the A3 poster of #21) go through the
    same writer: tagged, titled, in Vietnamese."""
    from thidua.documents.tests.test_council_minutes_are_an_official_document import closed_meeting

    meeting, _nomination = closed_meeting.__wrapped__(demo_user)
    client = client_as("canbotdkt")
    for kind, url in (("biên bản họp Hội đồng", reverse("documents:minutes", args=[meeting.pk, "pdf"])),
                      ("bảng vàng A3", reverse("public:poster"))):
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(b"%PDF"), kind
        info = pdfinfo(response.content, tmp_path)
        assert info["Tagged"].strip() == "yes", f"{kind}: {info['_raw']}"
        assert info["Title"].strip(), kind
        assert str(catalogue(response.content)["/Lang"]) == "vi", kind
