"""ND 30/2020 (Phụ lục I) checked on the DOCX of every kind of document: A4; margins top and
bottom 20–25 mm, left 30–35 mm, right 15–20 mm; Times New Roman; Quốc hiệu 12–13 pt bold
capitals; tiêu ngữ 13–14 pt bold; "Số:" with the symbol; place and date in italics; the kind of
document in bold capitals; body 13–14 pt; "Nơi nhận:" 12 pt bold italic; the signer's capacity
in bold capitals."""
import dataclasses
import datetime
import io

import docx
import pytest

from thidua.documents import render, samples

DAY = datetime.date(2025, 12, 15)
KINDS = {
    "decision": (lambda: render.render_decision_docx(samples.decision(day=DAY)), "QUYẾT ĐỊNH", True),
    "submission": (lambda: render.render_submission_docx(samples.submission(day=DAY)), "TỜ TRÌNH", True),
    "minutes": (lambda: render.render_minutes_docx(samples.minutes(day=DAY)), "BIÊN BẢN", False),
    "invitation": (lambda: render.render_invitation_docx(samples.invitation(day=DAY)), "GIẤY MỜI", True),
    # báo cáo thành tích: written by the unit and the nominee — no number, no "Nơi nhận"
    "achievement": (lambda: render.render_achievement_docx(dataclasses.replace(samples.achievement(), date=DAY)),
                    "BÁO CÁO THÀNH TÍCH", False),
    # giấy khen / giấy chứng nhận: not an ND 30/2020 administrative document in layout (A4
    # landscape in a frame, no issuer-and-number header, no "Nơi nhận"), so it is not forced in
    # here; the ND 30 fonts it keeps are checked in test_certificate_docx_and_pdf_are_one_document.
}
UNNUMBERED = {"achievement"}


def _paragraphs(document):
    """Every paragraph, those in table cells included (the header and signature are tables)."""
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _size(run, normal_pt):
    return run.font.size.pt if run.font.size is not None else normal_pt


def _find(document, text):
    found = [p for p in _paragraphs(document) if p.text.strip() == text]
    assert found, text
    return found[0]


@pytest.mark.parametrize("kind", KINDS)
def test_the_docx_follows_the_official_layout(kind):
    produce, doc_title, has_recipients = KINDS[kind]
    document = docx.Document(io.BytesIO(produce()))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25 and 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35 and 15 <= round(section.right_margin.mm) <= 20
    normal = document.styles["Normal"]
    normal_pt = normal.font.size.pt
    assert normal.font.name == "Times New Roman" and 13 <= normal_pt <= 14
    fonts = {r.font.name for p in _paragraphs(document) for r in p.runs} - {None}
    assert fonts <= {"Times New Roman"}

    def check(text, *, size, bold=None, italic=None, upper=False):
        paragraph = _find(document, text)
        runs = [r for r in paragraph.runs if r.text.strip()]
        assert runs, text
        for r in runs:
            assert size[0] <= _size(r, normal_pt) <= size[1], (text, _size(r, normal_pt))
            if bold is not None:
                assert bool(r.bold) is bold, text
            if italic is not None:
                assert bool(r.italic) is italic, text
        if upper:
            assert paragraph.text == paragraph.text.upper(), text

    check("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=(12, 13), bold=True, upper=True)
    check("Độc lập - Tự do - Hạnh phúc", size=(13, 14), bold=True)
    check(doc_title, size=(13, 14), bold=True, upper=True)
    if kind not in UNNUMBERED:
        number = next(p for p in _paragraphs(document) if p.text.startswith("Số:"))
        assert "/" in number.text  # the number with the document's symbol
    date = next(p for p in _paragraphs(document) if p.text.strip() == "Nam Thanh Miện, ngày 15 tháng 12 năm 2025")
    assert all(r.italic for r in date.runs if r.text.strip())
    body = [p for p in _paragraphs(document) if p.text.startswith(("Điều 1.", "Thời gian", "Nội dung", "Căn cứ",
                                                                   "- Họ và tên"))
            or p.paragraph_format.first_line_indent]
    assert body and all(13 <= _size(r, normal_pt) <= 14 for p in body for r in p.runs if r.text.strip())
    if has_recipients:
        check("Nơi nhận:", size=(12, 12), bold=True, italic=True)
    signer_lines = [p for p in _paragraphs(document) if p.text.strip() in {"CHỦ TỊCH", "PHÓ CHỦ TỊCH", "KT. CHỦ TỊCH",
                                                                         "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH HỘI ĐỒNG",
                                                                         "THƯ KÝ", "THỦ TRƯỞNG ĐƠN VỊ",
                                                                         "NGƯỜI BÁO CÁO THÀNH TÍCH"}]
    assert signer_lines
    for p in signer_lines:
        assert all(r.bold for r in p.runs if r.text.strip()) and p.text == p.text.upper()
