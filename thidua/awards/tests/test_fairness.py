import pytest

from thidua.awards import fairness
from thidua.awards.models import Award
from thidua.org.models import Membership

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("position, leader", [
    ("Phó Hiệu trưởng", True), ("Hiệu trưởng", True), ("Trạm trưởng", True), ("Bí thư Đoàn xã", True),
    ("Giáo viên", False), ("Chuyên viên", False), ("Giáo viên - Tổng phụ trách Đội", False),
])
def test_leaders_are_recognised_by_their_position(position, leader):
    assert fairness.is_leader(position) is leader


def test_the_direct_worker_share_equals_a_count_by_hand(demo_user):
    rows = {r.year: r for r in fairness.figures(user=demo_user("canbotdkt"), years=range(2021, 2026))}
    for year in range(2021, 2026):
        awards = Award.objects.filter(year=year, revoked=False)
        individual = awards.filter(person__isnull=False)
        direct = individual.filter(person__category__in=["nguoi_lao_dong", "nhan_dan"]).count()
        women = individual.filter(person__gender="F").count()
        households = awards.filter(household__isnull=False).count()
        assert (rows[year].individual, rows[year].direct, rows[year].women, rows[year].household) == \
            (individual.count(), direct, women, households)
        leaders = sum(1 for a in individual.filter(person__isnull=False).exclude(
            person__category__in=["nguoi_lao_dong", "nhan_dan"]).select_related("person")
            if any(fairness.is_leader(m.position) for m in Membership.objects.filter(person=a.person)))
        assert rows[year].leader == leaders
        assert rows[year].staff == individual.count() - direct - leaders


def test_the_page_shows_the_goal_and_the_trend(client_as):
    html = client_as("canbotdkt").get("/khen-thuong/cong-bang/", {"tu": 2021, "den": 2025}).content.decode()
    assert "tăng tỷ lệ khen thưởng cán bộ cơ sở, người trực tiếp lao động sản xuất" in html
    assert 'id="xu-huong"' in html and "Người trực tiếp lao động sản xuất" in html


def test_a_clerk_sees_only_her_units_figures(demo_user):
    mine = sum(r.individual for r in fairness.figures(user=demo_user("vanthu_mnhp"), years=range(2021, 2026)))
    everyone = sum(r.individual for r in fairness.figures(user=demo_user("canbotdkt"), years=range(2021, 2026)))
    assert 0 < mine < everyone


def test_households_are_counted_on_their_own_line_never_as_direct_workers(demo_user):
    """3.051 "Gia đình văn hóa" households a year once made 99,7 % "direct workers"."""
    from thidua.org.models import Household, Organisation
    from thidua.awards.models import AwardType

    officer = demo_user("canbotdkt")
    before = {r.year: r for r in fairness.figures(user=officer, years=range(2030, 2031))}[2030]
    village = Organisation.objects.filter(kind=Organisation.Kind.VILLAGE).first()
    gdvh = AwardType.objects.get(code="GIA_DINH_VAN_HOA")
    for i in range(5):
        household = Household.objects.create(head_name=f"Hộ thử {i}", village=village)
        Award.objects.create(household=household, award_type=gdvh, year=2030, issuer_name="UBND xã thử")
    after = {r.year: r for r in fairness.figures(user=officer, years=range(2030, 2031))}[2030]
    assert after.household == before.household + 5
    assert (after.individual, after.direct, after.share("direct")) == \
        (before.individual, before.direct, before.share("direct"))
