"""A decision in the ledger (awards sharing an issuer, number and date) is rebuilt as a DOCX
and a PDF in the official format, its list totalled in figures and in words."""
import datetime

from thidua.awards.models import Award, AwardType
from thidua.documents import ledger, render
from thidua.org.models import Organisation, Person

from .conftest import docx_text


def _one_decision_of_three(commune):
    giay_khen = AwardType.objects.get(code="GIAY_KHEN_XA")
    people = Person.objects.filter(full_name__in=["Nguyễn Thị Mai", "Bùi Thị Thu"])
    school = Organisation.objects.get(code="thcs-thanh-giang")
    day = datetime.date(2026, 1, 5)
    common = dict(award_type=giay_khen, year=2025, decision_number="7/QĐ-UBND", decision_date=day, issuer=commune,
                  issuer_name=commune.issuer_name, source="test")
    for person in people:
        Award.objects.create(person=person, amount=710_000, **common)
    return Award.objects.create(organisation=school, amount=2_030_000, **common)


def test_awards_of_one_decision_make_one_list_with_total_in_words(commune):
    award = _one_decision_of_three(commune)
    data = ledger.decision_data(award)
    assert data.number == "7/QĐ-UBND" and len(data.lines) == 3
    assert data.total == 3_450_000 and data.total_in_words == "Ba triệu bốn trăm năm mươi nghìn đồng"
    assert data.signer.lines == ["CHỦ TỊCH"] and data.signer.name == "Nguyễn Văn Thịnh"  # the demo chairman
    assert data.body[0].startswith("Điều 1. Tặng Giấy khen cho 01 tập thể, 02 cá nhân")
    assert "Nghị định số 152/2025/NĐ-CP" in " ".join(data.legal_bases)
    text = docx_text(render.render_decision_docx(data))
    assert "Nam Thanh Miện, ngày 05 tháng 01 năm 2026" in text and "Số: 7/QĐ-UBND" in text
    assert "(Bằng chữ: Ba triệu bốn trăm năm mươi nghìn đồng./.)" in text
    assert "Bà Nguyễn Thị Mai" not in text and "Nguyễn Thị Mai" in text


def test_the_decision_pages_answer_docx_and_pdf(client_as, commune):
    award = _one_decision_of_three(commune)
    client = client_as("canbotdkt")
    listing = client.get("/van-ban/quyet-dinh/?nam=2025").content.decode()
    assert "7/QĐ-UBND" in listing
    docx_response = client.get(f"/van-ban/quyet-dinh/{award.pk}/docx/")
    assert docx_response.status_code == 200 and docx_response.content.startswith(b"PK")
    pdf_response = client.get(f"/van-ban/quyet-dinh/{award.pk}/pdf/")
    assert pdf_response.status_code == 200 and pdf_response.content.startswith(b"%PDF")


def test_old_decisions_cite_the_law_of_their_day(db):
    assert "Nghị định số 91/2017/NĐ-CP" in " ".join(ledger.legal_bases(datetime.date(2021, 12, 20)))
    assert "Nghị định số 98/2023/NĐ-CP" in " ".join(ledger.legal_bases(datetime.date(2024, 12, 20)))


def test_a_decision_signed_in_the_proposals_app_keeps_its_signer(commune):
    from django.apps import apps

    if not apps.is_installed("thidua.proposals"):
        import pytest
        pytest.skip("the proposals app is not installed")
    award = _one_decision_of_three(commune)
    Decision = apps.get_model("proposals", "Decision")
    Decision.objects.create(kind="award", issuer=commune, issuer_name=commune.issuer_name, year=2026,
                            number="7/QĐ-UBND", date=award.decision_date, signer_name="Trần Văn Ký",
                            signer_capacity="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", body="…")
    data = ledger.decision_data(award)
    assert data.signer.lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] and data.signer.name == "Trần Văn Ký"
    assert ledger.certificate_data(award).signer.name == "Trần Văn Ký"
