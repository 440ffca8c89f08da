"""Every generated DOCX opens with python-docx; a decision DOCX converted by LibreOffice and a
certificate rendered by WeasyPrint come back as PDF text with their diacritics, in Liberation
Serif, and render to PNG. (One LibreOffice conversion in the whole suite: it is slow.)"""
import shutil
import subprocess

import pytest

from thidua.awards.models import Award
from thidua.documents import ledger, render, samples
from thidua.documents.reports import builder, output
from thidua.org.models import Person

from .conftest import docx_text, pdf_text


def _pdffonts(path) -> str:
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts (poppler-utils) is not installed")
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout


def _png(pdf, tmp_path) -> bytes:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")],
                   check=True, capture_output=True, timeout=60)
    png = next(tmp_path.glob("page*.png")).read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 2000
    return png


def test_every_generated_docx_opens_with_python_docx(commune):
    person = Person.objects.get(full_name="Nguyễn Thị Mai")
    award = Award.objects.filter(person=person, award_type__code="CSTD_TINH").first()
    produced = {
        "decision": render.render_decision_docx(samples.decision()),
        "ledger decision": render.render_decision_docx(ledger.decision_data(award)),
        "submission": render.render_submission_docx(samples.submission()),
        "minutes": render.render_minutes_docx(samples.minutes()),
        "invitation": render.render_invitation_docx(samples.invitation()),
        "achievement": render.render_achievement_docx(ledger.achievement_data(
            person=person, proposed="Chiến sĩ thi đua cơ sở", year_from=2021, year_to=2025)),
        "five-year report": output.render_report_docx(builder.build_report(
            kind="five_year", commune=commune, year_from=2021, year_to=2025)),
        "annual report": output.render_report_docx(builder.build_report(kind="annual", commune=commune, year=2025)),
    }
    for name, content in produced.items():
        text = docx_text(content)
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text, name
        assert "{{" not in text and "{%" not in text, f"{name}: an unrendered template tag"
    assert "BIÊN BẢN" in docx_text(produced["minutes"]) and "KẾT QUẢ BỎ PHIẾU KÍN" in docx_text(produced["minutes"])
    invitation = docx_text(produced["invitation"])
    assert "GIẤY MỜI" in invitation and "Ủy ban nhân dân xã Nam Thanh Miện trân trọng kính mời:" in invitation
    assert "TỜ TRÌNH" in docx_text(produced["submission"])
    assert "BÁO CÁO THÀNH TÍCH" in docx_text(produced["achievement"])


def test_decision_docx_converted_by_libreoffice_keeps_its_diacritics(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    source = tmp_path / "quyet-dinh.docx"
    source.write_bytes(render.render_decision_docx(samples.decision()))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=120)
    pdf = tmp_path / "quyet-dinh.pdf"
    text = pdf_text(pdf)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
                     "XÃ NAM THANH MIỆN", "QUYẾT ĐỊNH", "Nguyễn Thị Mai", "Phó Hiệu trưởng, Trường Mầm non Hồng Phong",
                     "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Văn Nguyễn", "Nơi nhận:", "3.450.000",
                     "Ba triệu bốn trăm năm mươi nghìn đồng"):
        assert expected in text, expected
    fonts = _pdffonts(pdf)
    assert "LiberationSerif" in fonts.replace("-", ""), fonts  # Times New Roman → Liberation Serif
    assert "DejaVu" not in fonts, "a glyph fell back to another font"
    _png(pdf, tmp_path)


def test_certificate_pdf_from_weasyprint_keeps_its_diacritics(tmp_path):
    award = Award.objects.filter(person__full_name="Vũ Thị Mỵ", award_type__code="GIAY_KHEN_XA", year=2025).first()
    pdf = tmp_path / "giay-khen.pdf"
    pdf.write_bytes(render.render_certificate_pdf(ledger.certificate_data(award)))
    text = pdf_text(pdf)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CHỦ TỊCH ỦY BAN NHÂN DÂN", "XÃ NAM THANH MIỆN",
                     "GIẤY KHEN", "Bà Vũ Thị Mỵ", "Trường Tiểu học Chi Lăng Bắc", award.verification_code):
        assert expected in text, expected
    fonts = _pdffonts(pdf)
    assert "Liberation" in fonts and "DejaVu" not in fonts, fonts
    _png(pdf, tmp_path)


def test_decision_pdf_from_weasyprint_has_the_list_and_the_total_in_words(tmp_path):
    pdf = tmp_path / "quyet-dinh.pdf"
    pdf.write_bytes(render.render_decision_pdf(samples.decision()))
    text = pdf_text(pdf)
    assert "DANH SÁCH" in text and "TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN" in text
    assert "Tổng cộng" in text and "3.450.000" in text
    assert "Ba triệu bốn trăm năm mươi nghìn đồng" in text
