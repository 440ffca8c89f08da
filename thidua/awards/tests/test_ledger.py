import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.awards import services
from thidua.awards.models import Award, AwardType, Initiative
from thidua.core.models import AuditEntry
from thidua.org.models import Organisation, Person

pytestmark = pytest.mark.django_db


def test_a_person_page_shows_her_history_with_the_real_former_issuers(client_as):
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    html = client_as("canbotdkt").get(f"/ca-nhan/{mai.pk}/").content.decode()
    assert "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh" in html and "UBND tỉnh Hải Dương" in html
    assert "UBND huyện Thanh Miện" in html
    assert "Hoàn thành xuất sắc nhiệm vụ" in html
    assert "trò chơi dân gian" in html  # her provincial initiative


def test_a_former_unit_keeps_its_collective_history(client_as):
    unit = Organisation.objects.get(code="cong-an-chi-lang-nam")
    html = client_as("canbotdkt").get(f"/to-chuc/{unit.pk}/").content.decode()
    assert html.count("Đơn vị quyết thắng") >= 3 and "Bộ Công an" in html


def test_a_unit_page_shows_its_members_titles_per_year(client_as):
    unit = Organisation.objects.get(code="mn-thanh-giang")
    html = client_as("canbotdkt").get(f"/to-chuc/{unit.pk}/").content.decode()
    assert "Danh hiệu của thành viên theo năm" in html and "Vũ Thị Nhạn" in html


def test_an_initiative_grounds_only_one_award(demo_user):
    officer = demo_user("canbotdkt")
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    used = Initiative.objects.get(authors=mai, scope="TINH")
    award = services.record_award(actor=officer, subject=mai, award_type=AwardType.objects.get(code="GIAY_KHEN_XA"),
                                  year=2025, issuer_name="UBND xã Nam Thanh Miện")
    with pytest.raises(ValidationError, match="đã được dùng"):
        services.use_initiative_as_ground(actor=officer, initiative=used, award=award)


def test_recording_an_award_is_audited_and_kept_to_the_officer(demo_user, client_as):
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    with pytest.raises(PermissionDenied):
        services.record_award(actor=demo_user("vanthu_mnhp"), subject=mai,
                              award_type=AwardType.objects.get(code="GIAY_KHEN_XA"), year=2025, issuer_name="X")
    client = client_as("canbotdkt")
    response = client.post(f"/khen-thuong/ca-nhan/{mai.pk}/ghi-so/", {
        "award_type": AwardType.objects.get(code="GIAY_KHEN_HUYEN").pk, "year": 2019, "period_label": "",
        "decision_number": "55/QĐ-UBND", "decision_date": "10/12/2019", "issuer_name": "UBND huyện Thanh Miện",
        "amount": "", "round_kind": "year_end"})
    assert response.status_code == 302
    award = Award.objects.get(person=mai, year=2019)
    assert award.decision_date.isoformat() == "2019-12-10"
    assert AuditEntry.objects.filter(content_type__model="award", object_id=str(award.pk), action="create").count() == 1


def test_an_award_must_fit_its_subject_kind(demo_user):
    unit = Organisation.objects.get(code="mn-hong-phong")
    with pytest.raises(ValidationError, match="không áp dụng"):
        services.record_award(actor=demo_user("canbotdkt"), subject=unit,
                              award_type=AwardType.objects.get(code="LDTT"), year=2025, issuer_name="UBND xã")


def test_a_clerk_rates_her_own_people_but_not_others(demo_user):
    clerk = demo_user("vanthu_mnhp")
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")
    rating = services.set_rating(actor=clerk, subject=mai, year=2026, rating="HTXSNV")
    assert rating.rating == "HTXSNV"
    hien = Person.objects.get(full_name="Nguyễn Thị Hiền")
    with pytest.raises(PermissionDenied):
        services.set_rating(actor=clerk, subject=hien, year=2026, rating="HTXSNV")
