"""The title "Thôn, tổ dân phố văn hóa" is a category of the catalogue; the paper names the one
community it is conferred on by its own kind: the certificate of "Thôn Lưu Xá" reads "THÔN VĂN
HÓA", a tổ dân phố's "Tổ dân phố văn hóa" — never the category "Thôn, tổ dân phố văn hóa"."""
import datetime

import pytest

from thidua.awards.models import Award, AwardType
from thidua.documents import ledger, official, render
from thidua.documents.tests.conftest import docx_text, pdf_text
from thidua.org.models import Organisation
from thidua.proposals.models import Nomination
from thidua.testing.builder import Builder

pytestmark = pytest.mark.django_db
CATEGORY = "thôn, tổ dân phố văn hóa"  # the catalogue's name, in any case


def _village(commune, name: str) -> Organisation:
    return Organisation.objects.create(code=f"{commune.code}-{len(name)}-{name[-2:].lower()}", name=name,
                                       kind=Organisation.Kind.VILLAGE, parent=commune)


def _title(commune, village) -> Award:
    return Award.objects.create(organisation=village, award_type=AwardType.objects.get(code="THON_VAN_HOA"),
                                year=2025, decision_number="11/QĐ-UBND", decision_date=datetime.date(2025, 12, 20),
                                issuer=commune, issuer_name=commune.issuer_name, source="test")


def _texts(docx: bytes, pdf: bytes, tmp_path) -> list[str]:
    (tmp_path / "doc.pdf").write_bytes(pdf)
    return [" ".join(docx_text(docx).split()), pdf_text(tmp_path / "doc.pdf")]


def test_the_certificate_of_a_thon_reads_thon_van_hoa(tmp_path):
    commune = Builder().commune("Xã Thử Lưu Xá")
    award = _title(commune, _village(commune, "Thôn Lưu Xá"))
    data = ledger.certificate_data(award)
    for text in _texts(render.render_certificate_docx(data), render.render_certificate_pdf(data), tmp_path):
        assert "CÔNG NHẬN DANH HIỆU" in text and "THÔN VĂN HÓA" in text and "Thôn Lưu Xá" in text
        assert CATEGORY not in text.lower()


def test_the_decision_names_each_village_by_its_kind(tmp_path):
    commune = Builder().commune("Xã Thử Hòa Bình")
    thon = _title(commune, _village(commune, "Thôn Lưu Xá"))
    _title(commune, _village(commune, "Tổ dân phố số 3"))
    data = ledger.decision_data(thon)
    assert [(line.name, line.title_or_form) for line in data.lines] == [
        ("Thôn Lưu Xá", "Thôn văn hóa"), ("Tổ dân phố số 3", "Tổ dân phố văn hóa")]
    for text in _texts(render.render_decision_docx(data), render.render_decision_pdf(data), tmp_path):
        assert "danh hiệu “Thôn văn hóa”, “Tổ dân phố văn hóa”" in text
        assert CATEGORY not in text.lower()


def test_a_village_named_without_its_kind_takes_its_communes(tmp_path):
    ward = Builder().commune("Phường Thử Lê Chân")
    award = _title(ward, _village(ward, "Khu Đông"))
    assert ledger.certificate_data(award).award_name == "TỔ DÂN PHỐ VĂN HÓA"
    nomination = Nomination(organisation=award.organisation, award_type=award.award_type)
    [line] = official.decision_lines([nomination], {}, datetime.date(2025, 12, 20))
    assert line.title_or_form == "Tổ dân phố văn hóa"


def test_the_drafted_decisions_article_1_names_the_villages_kinds(demo_user, monkeypatch):
    from thidua.proposals.services import drafts
    from thidua.proposals.tests.conftest import Flow

    dossier = Flow(demo_user).draft()
    commune = dossier.round.commune
    thon_van_hoa = AwardType.objects.get(code="THON_VAN_HOA")
    passed = [Nomination(organisation=_village(commune, name), award_type=thon_van_hoa)
              for name in ("Thôn Lưu Xá", "Tổ dân phố số 3")]
    monkeypatch.setattr(drafts, "passed_nominations", lambda _dossier: passed)
    article_1 = drafts.default_texts(dossier)["articles"][0]
    assert "danh hiệu “Thôn văn hóa”, “Tổ dân phố văn hóa”" in article_1
    assert CATEGORY not in article_1.lower()
