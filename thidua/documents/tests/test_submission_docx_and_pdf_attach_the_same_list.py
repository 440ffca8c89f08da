"""A tờ trình reads the same in the DOCX and the PDF: after the signature, on a page of its
own, "DANH SÁCH / TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG" with "(Kèm theo Tờ trình số … ngày … của
Ủy ban nhân dân xã …)" — the number said once, not "số Số:" — and the column "Danh hiệu, hình
thức đề nghị"."""
import dataclasses
import datetime
import io

import docx

from thidua.documents import render, samples

from .conftest import docx_text, pdf_text

NOTE = "(Kèm theo Tờ trình số 12/TTr-UBND ngày 05/01/2026 của Ủy ban nhân dân xã Nam Thanh Miện)"
SUBTITLE = "TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG"


def _submission():
    return dataclasses.replace(samples.submission(), number="12/TTr-UBND", date=datetime.date(2026, 1, 5))


def _after_the_signer(text: str, data) -> str:
    assert data.signer.name in text
    return text[text.index(data.signer.name):]


def test_the_submissions_list_is_annexed_after_the_signature_with_its_kem_theo_line_in_both(tmp_path):
    data = _submission()
    content = render.render_submission_docx(data)
    pdf = tmp_path / "tt.pdf"
    pdf.write_bytes(render.render_submission_pdf(data))
    document = docx.Document(io.BytesIO(content))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert paragraphs.index("DANH SÁCH") > paragraphs.index("Kính gửi")
    assert "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" not in paragraphs
    heads = [c.text for c in document.tables[-1].rows[0].cells]
    assert heads == ["TT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu, hình thức đề nghị"]
    # the list's table comes after the signature's in the body
    body = document.element.body
    assert body.index(document.tables[-1]._tbl) > body.index(
        next(t for t in document.tables if data.signer.name in t._tbl.xml)._tbl)
    # the page break before the list: the annex starts a page
    assert 'w:type="page"' in document.element.xml
    for text in (docx_text(content), pdf_text(pdf)):
        assert NOTE in text and "số Số" not in text and SUBTITLE in text
        assert "Danh hiệu, hình thức đề nghị" in text and "Số tiền" not in text
    annex = _after_the_signer(pdf_text(pdf), data)
    assert "DANH SÁCH" in annex and NOTE in annex and "Nguyễn Thị Hiền" in annex


def test_a_draft_submissions_list_leaves_a_gap_for_the_number():
    text = docx_text(render.render_submission_docx(samples.submission()))
    assert "(Kèm theo Tờ trình số ………/TTr-UBND ngày …/…/… của Ủy ban nhân dân xã Nam Thanh Miện)" in text
