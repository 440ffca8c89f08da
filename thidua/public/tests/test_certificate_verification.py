"""/xac-minh/<code>: the award of a printed certificate — holder, decision number and date,
issuer — marked "ĐÃ THU HỒI" when revoked; an unknown code is a clear "not found" (404)."""
import pytest

from thidua.awards import services as award_services
from thidua.awards.models import Award

pytestmark = pytest.mark.django_db


def _award(name="Nguyễn Thị Mai", code="CSTD_TINH"):
    return Award.objects.select_related("award_type").get(person__full_name=name, award_type__code=code)


def test_a_code_shows_the_award_its_holder_decision_and_issuer(client, django_assert_max_num_queries):
    award = _award()
    with django_assert_max_num_queries(3):
        response = client.get(f"/xac-minh/{award.verification_code}")
    html = response.content.decode()
    assert response.status_code == 200
    assert award.award_type.name in html and "Nguyễn Thị Mai" in html
    assert award.decision_number in html and award.decision_date.strftime("%d/%m/%Y") in html
    assert "UBND tỉnh Hải Dương" in html and "Còn hiệu lực" in html and "ĐÃ THU HỒI" not in html
    assert response["X-Robots-Tag"] == "noindex"


def test_a_household_certificate_names_the_household_and_its_village(client):
    award = Award.objects.filter(award_type__code="GIA_DINH_VAN_HOA").select_related("household__village").first()
    html = client.get(f"/xac-minh/{award.verification_code}").content.decode()
    assert f"Hộ {award.household.head_name}" in html and award.household.village.name in html


def test_a_revoked_award_shows_as_revoked(client, demo_user):
    award = _award("Đào Duy Kiên", "BANG_KHEN_TINH")
    award_services.revoke_award(actor=demo_user("canbotdkt"), award=award, reason="QĐ thu hồi số 15/QĐ-UBND")
    response = client.get(f"/xac-minh/{award.verification_code}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "ĐÃ THU HỒI" in html and "Đã thu hồi" in html and "Còn hiệu lực" not in html


@pytest.mark.parametrize("code", ["khongcoma", "A" * 16, "x" * 80, "a b", "<script>", "'; drop table"])
def test_an_unknown_code_is_a_clear_not_found(client, code):
    response = client.get(f"/xac-minh/{code}")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy mã xác minh" in html and "<script>" not in html


def test_the_lookup_form_leads_to_the_page(client):
    award = _award()
    response = client.get("/cong-khai/xac-minh/", {"ma": f"  {award.verification_code} "})
    assert response.status_code == 302 and response["Location"] == f"/xac-minh/{award.verification_code}"
    bad = client.get("/cong-khai/xac-minh/", {"ma": "mã có dấu"})
    assert bad.status_code == 400 and "chỉ gồm chữ cái không dấu" in bad.content.decode()
    assert client.get("/cong-khai/xac-minh/").status_code == 200
