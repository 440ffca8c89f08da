"""Báo cáo thành tích of any person, filled from the ledger: ratings, initiatives, titles and
forms with their decisions; a page generates it for anyone the user may see."""
from thidua.awards.models import AwardType
from thidua.documents import ledger
from thidua.org.models import Person

from .conftest import docx_text


def test_the_report_carries_ratings_initiatives_and_awards(db):
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    data = ledger.achievement_data(person=mai, proposed="Chiến sĩ thi đua cơ sở", year_from=2021, year_to=2025)
    assert data.unit == "Trường Mầm non Hồng Phong" and data.position == "Phó Hiệu trưởng"
    assert [r for _y, r in data.ratings] == ["Hoàn thành xuất sắc nhiệm vụ"] * 5
    assert any("phát triển ngôn ngữ cho trẻ 5–6 tuổi" in title for _y, title, _r in data.initiatives)
    cstd_name = AwardType.objects.get(code="CSTD_TINH").name
    cstd = next(a for a in data.titles if a.year == "2022" and a.name == cstd_name)
    assert "UBND tỉnh Hải Dương" in cstd.decision and "QĐ số" in cstd.decision


def test_the_page_downloads_a_docx_for_a_visible_person(client_as):
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    client = client_as("vanthu_mnhp")  # her own unit's clerk
    page = client.get(f"/van-ban/thanh-tich/{mai.pk}/")
    assert page.status_code == 200 and "Hoàn thành xuất sắc nhiệm vụ" in page.content.decode()
    response = client.get(f"/van-ban/thanh-tich/{mai.pk}/?de_nghi=Chiến sĩ thi đua cơ sở&tu=2021&den=2025&tai=docx")
    assert response.status_code == 200
    text = docx_text(response.content)
    for expected in ("BÁO CÁO THÀNH TÍCH", "ĐỀ NGHỊ CHIẾN SĨ THI ĐUA CƠ SỞ", "TRƯỜNG MẦM NON HỒNG PHONG",
                     "Nguyễn Thị Mai", AwardType.objects.get(code="CSTD_TINH").name, "NGƯỜI BÁO CÁO THÀNH TÍCH"):
        assert expected in text, expected


def test_a_person_out_of_scope_is_not_found(client_as):
    hien = Person.objects.get(full_name="Nguyễn Thị Hiền")  # THCS Thanh Giang
    assert client_as("vanthu_mnhp").get(f"/van-ban/thanh-tich/{hien.pk}/").status_code == 404


def test_bad_years_show_the_form_again(client_as):
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    response = client_as("canbotdkt").get(f"/van-ban/thanh-tich/{mai.pk}/?tu=2025&den=2001&tai=docx")
    assert response.status_code == 200 and "Giai đoạn phải" in response.content.decode()
