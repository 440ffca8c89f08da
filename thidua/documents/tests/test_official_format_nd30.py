"""The frame every document shares (Nghị định 30/2020/NĐ-CP): A4, margins, Times New Roman
13–14 pt, national motto, issuer, number, place and date with leading zeros, the signature
block and "Nơi nhận"."""
import datetime
import io

import docx

from thidua.documents import fmt, render, samples
from thidua.documents.data import SignerBlock
from thidua.documents.reports import builder, output

from .conftest import docx_text


def test_dates_take_leading_zeros_for_days_below_ten_and_january_february():
    assert fmt.date_line("Nam Thanh Miện", datetime.date(2026, 1, 5)) == "Nam Thanh Miện, ngày 05 tháng 01 năm 2026"
    assert fmt.date_line("Nam Thanh Miện", datetime.date(2025, 12, 15)) == "Nam Thanh Miện, ngày 15 tháng 12 năm 2025"
    assert fmt.date_line("Nam Thanh Miện", datetime.date(2025, 3, 9)) == "Nam Thanh Miện, ngày 09 tháng 3 năm 2025"


def test_number_line_keeps_a_gap_on_a_draft():
    assert fmt.number_line("123/QĐ-UBND") == "Số: 123/QĐ-UBND"
    assert fmt.number_line("/BC-UBND").startswith("Số:") and fmt.number_line("/BC-UBND").endswith("/BC-UBND")


def test_decision_docx_page_fonts_and_blocks():
    data = samples.decision(day=datetime.date(2025, 12, 15))
    content = render.render_decision_docx(data)
    document = docx.Document(io.BytesIO(content))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]
    # Page numbers: top centre, from the second page on.
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml and "PAGE" not in section.first_page_header._element.xml
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    text = docx_text(content)
    for expected in ("ỦY BAN NHÂN DÂN", "XÃ NAM THANH MIỆN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Nam Thanh Miện, ngày 15 tháng 12 năm 2025", "QUYẾT ĐỊNH",
                     "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ NAM THANH MIỆN", "QUYẾT ĐỊNH:", "Điều 1.", "Nơi nhận:",
                     "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Văn Nguyễn", "DANH SÁCH",
                     "(Kèm theo Quyết định số", "(Bằng chữ: Ba triệu bốn trăm năm mươi nghìn đồng./.)"):
        assert expected in text, expected
    # The list: one row per line, then the total.
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["TT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu, hình thức",
                                                     "Số tiền (đồng)"]
    assert [c.text for c in table.rows[1].cells][:2] == ["1", "Nguyễn Thị Mai"]
    assert table.rows[-1].cells[-1].text == "3.450.000"
    # Every run is set in Times New Roman or inherits it.
    fonts = {r.font.name for p in document.paragraphs for r in p.runs} - {None}
    assert fonts <= {"Times New Roman"}


def test_the_report_is_signed_on_behalf_of_the_committee_with_its_recipients(commune):
    report = builder.build_report(kind="five_year", commune=commune, year_from=2021, year_to=2025)
    text = docx_text(output.render_report_docx(report))
    assert "BÁO CÁO" in text
    for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vũ Văn Nguyễn", "Nơi nhận:",
                 "- Ban Thi đua Khen thưởng thành phố;", "- Lưu: VT."):
        assert line in text, line


def test_signer_blocks_distinguish_the_committee_from_the_chairman():
    assert SignerBlock.committee_deputy("A").lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert SignerBlock.chairman_deputy("A").lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
