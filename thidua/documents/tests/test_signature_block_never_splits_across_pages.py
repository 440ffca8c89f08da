"""A printed DOCX keeps its signature block on one page, as the PDF does: the authority lines
("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"), the gap for the signature, the signer's name and "Nơi nhận"
beside them never part at a page break (the row cannot split; its paragraphs keep together
and with the next; the paragraph before the block keeps with it)."""
import dataclasses
import io

import docx
from docx.oxml.ns import qn

from thidua.documents import render, samples


def _signature_table(content: bytes, name: str):
    document = docx.Document(io.BytesIO(content))
    tables = [t for t in document.tables if any(name in c.text for row in t.rows for c in row.cells)]
    assert tables, name
    return tables[-1]


def _kept_on_one_page(table) -> None:
    (row,) = table.rows
    assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    for cell in row.cells:
        paragraphs = [p for p in cell.paragraphs]
        assert all(p.paragraph_format.keep_together for p in paragraphs)
        assert all(p.paragraph_format.keep_with_next for p in paragraphs[:-1])
    before = table._tbl.getprevious()
    assert before.tag == qn("w:p") and before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


def test_the_deputy_chairmans_title_and_name_and_the_recipients_stay_on_one_page():
    data = samples.decision()
    long = dataclasses.replace(data, body=list(data.body) + ["Điều bổ sung. Nội dung thử nghiệm. " * 8] * 4)
    table = _signature_table(render.render_decision_docx(long), data.signer.name)
    assert "PHÓ CHỦ TỊCH" in table.rows[0].cells[1].text and "Nơi nhận:" in table.rows[0].cells[0].text
    _kept_on_one_page(table)


def test_the_submission_and_the_minutes_signatures_stay_on_one_page():
    submission = samples.submission()
    _kept_on_one_page(_signature_table(render.render_submission_docx(submission), submission.signer.name))
    minutes = samples.minutes()
    _kept_on_one_page(_signature_table(render.render_minutes_docx(minutes), minutes.chair_signature.name))
