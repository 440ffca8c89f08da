"""Browser, on a phone (390 × 844), no login: the honour board, an exemplar, a certificate
found from its code (by the address and by the lookup form), a revoked one, an unknown one."""
import importlib

import pytest

from thidua.awards import services as award_services
from thidua.awards.models import Award
from thidua.accounts.models import User

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def award_catalogue(live_server):
    """A live-server test that ran before this one flushed the database, and with it the rows
    the awards migration seeds (the catalogue) that the demo loader needs: seed them again,
    with the migration's own function, before ``live_demo`` loads the demo."""
    from django.apps import apps

    seed = importlib.import_module("thidua.awards.migrations.0002_seed_catalogue").seed
    seed(apps, None)


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_phone_reader_uses_the_public_site(award_catalogue, live_demo, page):
    page.set_viewport_size({"width": 390, "height": 844})
    base = live_demo.url

    page.goto(f"{base}/cong-khai/")
    assert page.locator("h1").inner_text() == "Bảng vàng thi đua – khen thưởng"
    assert page.get_by_role("navigation", name="Trang công khai").is_visible()
    assert _fits_the_screen(page)

    card = page.locator(".exemplar-card h3 a").first
    name = card.inner_text()
    card.click()
    page.wait_for_url("**/cong-khai/guong-dien-hinh/**")
    assert page.locator("h1").inner_text() == name
    assert _fits_the_screen(page)

    award = Award.objects.select_related("award_type").get(person__full_name="Nguyễn Thị Mai",
                                                           award_type__code="CSTD_TINH")
    page.goto(f"{base}/xac-minh/{award.verification_code}")
    assert page.get_by_text("Có trong sổ khen thưởng").is_visible()
    assert page.locator("dd.holder").inner_text() == "Nguyễn Thị Mai"
    assert award.decision_date.strftime("%d/%m/%Y") in page.content()
    assert _fits_the_screen(page)

    page.goto(f"{base}/cong-khai/xac-minh/")
    page.get_by_label("Mã xác minh in trên giấy khen, bằng khen").fill(award.verification_code)
    page.get_by_role("button", name="Xác minh").click()
    page.wait_for_url(f"**/xac-minh/{award.verification_code}")
    assert page.locator("h1").inner_text() == award.award_type.name

    revoked = Award.objects.get(person__full_name="Đào Duy Kiên", award_type__code="BANG_KHEN_TINH")
    award_services.revoke_award(actor=User.objects.get(username="canbotdkt"), award=revoked,
                                reason="QĐ thu hồi số 15/QĐ-UBND")
    page.goto(f"{base}/xac-minh/{revoked.verification_code}")
    assert page.locator(".stamp").inner_text() == "ĐÃ THU HỒI"
    assert page.get_by_text("Đào Duy Kiên").is_visible()

    response = page.goto(f"{base}/xac-minh/ma-khong-ton-tai")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Không tìm thấy mã xác minh"
    assert _fits_the_screen(page)
