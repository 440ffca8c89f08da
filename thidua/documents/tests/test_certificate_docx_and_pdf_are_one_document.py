"""Every certificate (giấy khen) is composed once (``render.certificate_context``) and both its
DOCX and its PDF are laid out from that composition: the same issuing authority, title,
recipient, achievement, decision number and date, place and date, signer's capacity and name,
verification address — and in the DOCX the same QR code, which a phone reads as the public
verification address on THIDUA_PUBLIC_BASE_URL."""
import datetime
import io
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from docx.shared import Mm

from thidua.awards.models import Award, AwardType
from thidua.documents import ledger, render
from thidua.org.models import Membership, Organisation, Person

from .conftest import docx_text, pdf_text

BASE = "https://thidua.namthanhmien.gov.vn"
DAY = datetime.date(2026, 1, 5)


@pytest.fixture
def award(commune):
    school = Organisation.objects.get(code="thcs-thanh-giang")
    person = Person.objects.create(full_name="Đỗ Thị Hồng Nhung", gender=Person.Gender.FEMALE,
                                   category=Person.Category.VIEN_CHUC)
    Membership.objects.create(person=person, organisation=school, position="Giáo viên",
                              start=datetime.date(2020, 9, 1))
    return Award.objects.create(person=person, award_type=AwardType.objects.get(code="GIAY_KHEN_XA"), year=2025,
                                period_label="2024-2025", decision_number="07/QĐ-UBND", decision_date=DAY,
                                issuer=commune, issuer_name=commune.issuer_name, amount=710_000, source="test")


def _oneline(text: str) -> str:
    return " ".join(text.split())


def _embedded_images(content: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return [z.read(n) for n in z.namelist() if n.startswith("word/media/")]


def _scan(png: bytes, tmp_path) -> str:
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (zbar-tools) is not installed")
    path = tmp_path / "qr.png"
    path.write_bytes(png)
    return subprocess.run(["zbarimg", "-q", "--raw", str(path)], capture_output=True, text=True).stdout.strip()


def test_the_docx_and_the_pdf_print_the_same_certificate(award, settings, tmp_path):
    settings.THIDUA_PUBLIC_BASE_URL = BASE + "/"
    data = ledger.certificate_data(award)
    docx_bytes = render.render_certificate_docx(data)
    in_docx = _oneline(docx_text(docx_bytes))
    (tmp_path / "c.pdf").write_bytes(render.render_certificate_pdf(data))
    in_pdf = pdf_text(tmp_path / "c.pdf")
    address = f"{BASE}/xac-minh/{award.verification_code}"
    expected = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CHỦ TỊCH ỦY BAN NHÂN DÂN", "XÃ NAM THANH MIỆN", "TẶNG",
                "GIẤY KHEN", "Bà Đỗ Thị Hồng Nhung", "Giáo viên, Trường THCS Thanh Giang",
                "Đã có thành tích xuất sắc trong năm học 2024-2025.", "Số: 07/QĐ-UBND",
                "Nam Thanh Miện, ngày 05 tháng 01 năm 2026", data.signer.lines[-1], data.signer.name,
                f"mã xác minh: {award.verification_code}", address]
    assert data.signer.name  # the signer by name, never an account label
    for text in expected:
        assert text in in_docx, ("DOCX", text)
        assert text in in_pdf, ("PDF", text)


def test_the_qr_code_in_the_docx_opens_the_public_verification_page(award, settings, tmp_path):
    settings.THIDUA_PUBLIC_BASE_URL = BASE
    docx_bytes = render.render_certificate_docx(ledger.certificate_data(award))
    images = _embedded_images(docx_bytes)
    assert len(images) == 1 and images[0].startswith(b"\x89PNG")
    assert _scan(images[0], tmp_path) == f"{BASE}/xac-minh/{award.verification_code}"


def test_the_certificate_docx_is_a_landscape_a4_page_in_times_new_roman(award):
    """Not an ND 30/2020 administrative document in layout (see ``certificate_docx``), but its
    official parts keep ND 30's fonts: national name 13 pt and motto 14 pt bold, place and date in
    italics, the signer's capacity in bold capitals."""
    document = docx.Document(io.BytesIO(render.render_certificate_docx(ledger.certificate_data(award))))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    assert document.core_properties.title == "GIẤY KHEN — Bà Đỗ Thị Hồng Nhung"
    paragraphs = list(document.paragraphs) + [p for t in document.tables for row in t.rows for cell in row.cells
                                              for p in cell.paragraphs]
    fonts = {r.font.name for p in paragraphs for r in p.runs} - {None}
    assert fonts <= {"Times New Roman"} and document.styles["Normal"].font.name == "Times New Roman"

    def runs(text):
        found = [p for p in paragraphs if p.text.strip() == text]
        assert found, text
        return [r for r in found[0].runs if r.text.strip()]

    assert all(r.bold and r.font.size.pt == 13 for r in runs("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert all(r.bold and r.font.size.pt == 14 for r in runs("Độc lập - Tự do - Hạnh phúc"))
    assert all(r.italic for r in runs("Nam Thanh Miện, ngày 05 tháng 01 năm 2026"))
    assert all(r.bold for r in runs("GIẤY KHEN"))
    capacity = ledger.certificate_data(award).signer.lines
    for line in capacity:
        assert line == line.upper() and all(r.bold for r in runs(line))
    qr = document.inline_shapes[0]
    assert abs(qr.width - Mm(30)) < Mm(1)


def test_a_revoked_award_prints_as_revoked_in_the_docx_too(award):
    award.revoked = True
    assert "ĐÃ THU HỒI" in docx_text(render.render_certificate_docx(ledger.certificate_data(award)))


def test_the_certificate_pages_offer_the_docx_next_to_the_pdf(client_as, award):
    client = client_as("canbotdkt")
    page = client.get(f"/van-ban/ca-nhan/{award.person_id}/giay-khen/").content.decode()
    assert f"/van-ban/giay-khen/{award.pk}/pdf/" in page and f"/van-ban/giay-khen/{award.pk}/docx/" in page
    unit = client.get(f"/van-ban/tap-the/{Organisation.objects.get(code='thcs-thanh-giang').pk}/giay-khen/")
    assert unit.status_code == 200
    response = client.get(f"/van-ban/giay-khen/{award.pk}/docx/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert re.search(r'attachment; filename="giay-khen-.*-2025\.docx"', response["Content-Disposition"])
    assert "Bà Đỗ Thị Hồng Nhung" in docx_text(response.content)


def test_a_clerk_of_another_unit_cannot_download_the_docx(client_as, award):
    assert client_as("vanthu_mnhp").get(f"/van-ban/giay-khen/{award.pk}/docx/").status_code == 404
