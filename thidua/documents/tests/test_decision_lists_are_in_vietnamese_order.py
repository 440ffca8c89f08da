"""A decision's attached list reads in Vietnamese alphabetical order (a ă â b c d đ e ê …):
"Thôn Đông Hồ" comes after "Thôn Đào Xá" and before "Thôn Lại Xá", "Thôn Lại Xá" before
"Thôn Lưu Xá" — not in the order of their bytes, which puts "Đ" after "Z" and "ư" after "ạ"."""
import datetime

import pytest

from thidua.awards.models import Award, AwardType
from thidua.documents import ledger, official, render
from thidua.documents.tests.conftest import docx_text, pdf_text
from thidua.org.models import Organisation
from thidua.proposals.models import Nomination
from thidua.testing.builder import Builder

pytestmark = pytest.mark.django_db
IN_ORDER = ["Thôn Đào Xá", "Thôn Đông Hồ", "Thôn Lại Xá", "Thôn Lưu Xá"]


def _villages():
    commune = Builder().commune("Xã Thử Vĩnh Lại")
    made = {name: Organisation.objects.create(code=f"{commune.code}-{i}", name=name, kind=Organisation.Kind.VILLAGE,
                                              parent=commune)
            for i, name in enumerate(["Thôn Lưu Xá", "Thôn Lại Xá", "Thôn Đông Hồ", "Thôn Đào Xá"])}
    return commune, made


def _positions(text: str) -> list[int]:
    return [text.index(name) for name in IN_ORDER]


def test_the_villages_of_a_rebuilt_decision_are_listed_in_vietnamese_order(tmp_path):
    commune, villages = _villages()
    title = AwardType.objects.get(code="THON_VAN_HOA")
    awards = [Award.objects.create(organisation=village, award_type=title, year=2025, decision_number="9/QĐ-UBND",
                                   decision_date=datetime.date(2025, 12, 20), issuer=commune,
                                   issuer_name=commune.issuer_name, source="test")
              for village in villages.values()]
    data = ledger.decision_data(awards[0])
    assert [line.name for line in data.lines] == IN_ORDER
    words = " ".join(docx_text(render.render_decision_docx(data)).split())
    (tmp_path / "qd.pdf").write_bytes(render.render_decision_pdf(data))
    for text in (words, pdf_text(tmp_path / "qd.pdf")):
        assert _positions(text) == sorted(_positions(text))


def test_the_collectives_of_a_drafted_decision_are_listed_in_vietnamese_order():
    _commune, villages = _villages()
    title = AwardType.objects.get(code="THON_VAN_HOA")
    nominations = [Nomination(organisation=village, award_type=title) for village in villages.values()]
    lines = official.decision_lines(nominations, {}, datetime.date(2025, 12, 20))
    assert [line.name for line in lines] == IN_ORDER
