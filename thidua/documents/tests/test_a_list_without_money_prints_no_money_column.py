"""A decision whose list carries no money (Gia đình văn hóa rebuilt from the ledger: a title
with no reward) prints no "Số tiền (đồng)" column, no "Tổng cộng 0" and no "(Bằng chữ: Không
đồng./.)", in the DOCX as in the PDF; a list with money keeps all three."""
import datetime
import io

import docx
import pytest

from thidua.awards.models import Award, AwardType
from thidua.documents import ledger, render, samples
from thidua.org.models import Household, Organisation
from thidua.testing.builder import Builder

from .conftest import docx_text, pdf_text


def _families_decision():
    """Three households of one village recognised "Gia đình văn hóa" by one decision, no money."""
    commune = Builder().commune("Xã Thử Gia Đình")
    village = Organisation.objects.create(code=f"{commune.code}-thon", name="Thôn Đông", parent=commune,
                                          kind=Organisation.Kind.VILLAGE)
    title = AwardType.objects.get(code="GIA_DINH_VAN_HOA")
    awards = [Award.objects.create(household=Household.objects.create(village=village, head_name=name),
                                   award_type=title, year=2025, decision_number="728/QĐ-UBND",
                                   decision_date=datetime.date(2025, 12, 20), issuer=commune,
                                   issuer_name=commune.issuer_name, source="test")
              for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")]
    return ledger.decision_data(awards[0])


@pytest.mark.django_db
def test_a_decision_for_cultured_families_prints_no_money_column_total_or_words(tmp_path):
    data = _families_decision()
    assert len(data.lines) == 3 and not any(line.amount for line in data.lines)
    content = render.render_decision_docx(data)
    heads = [c.text for c in docx.Document(io.BytesIO(content)).tables[-1].rows[0].cells]
    assert heads == ["TT", "Họ và tên", "Chức vụ, đơn vị", "Danh hiệu, hình thức"]
    text = docx_text(content)
    assert "Số tiền" not in text and "Tổng cộng" not in text and "Bằng chữ" not in text
    assert data.lines[0].name in text
    pdf = tmp_path / "qd.pdf"
    pdf.write_bytes(render.render_decision_pdf(data))
    text = pdf_text(pdf)
    assert "Số tiền" not in text and "Tổng cộng" not in text and "Bằng chữ" not in text
    assert "DANH SÁCH" in text and data.lines[0].name in text


def test_a_decision_with_reward_money_keeps_its_column_total_and_words(tmp_path):
    data = samples.decision()
    pdf = tmp_path / "qd.pdf"
    pdf.write_bytes(render.render_decision_pdf(data))
    for text in (docx_text(render.render_decision_docx(data)), pdf_text(pdf)):
        assert "Số tiền (đồng)" in text and "Tổng cộng" in text
        assert "(Bằng chữ: Ba triệu bốn trăm năm mươi nghìn đồng./.)" in text
