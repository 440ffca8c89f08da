"""The clerk rates her unit in the browser with the keyboard only, sends the sheet; the officer
confirms it (issue #16, item 2)."""
import datetime

import pytest

from thidua.awards.models import Rating, RatingSheet
from thidua.awards.work import rating_year
from thidua.org.models import Organisation

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_clerk_rates_her_unit_with_the_keyboard_and_the_officer_confirms(login_page, live_demo, shot):
    year = datetime.date.today().year
    page = login_page("vanthu_mnhp")
    page.get_by_role("link", name="Xếp loại", exact=True).click()
    page.wait_for_selector("#bang-xep-loai")
    unit = Organisation.objects.get(code="mn-hong-phong")
    assert page.url.endswith(f"/khen-thuong/xep-loai/{unit.pk}/{year}/")
    selects = page.locator("#bang-xep-loai select")
    count = selects.count()
    assert count > 0
    selects.nth(0).focus()
    for i in range(count):
        page.keyboard.press("x" if i == 0 else "t")   # one letter a row
        page.keyboard.press("Enter")                  # down to the next row's rating
    shot(page, "xep-loai-1-nhap")
    page.get_by_role("button", name="Lưu xếp loại").click()
    page.wait_for_selector(".messages, .message, [role=status]")
    rated = Rating.objects.filter(year=year, person__memberships__organisation=unit)
    assert rated.filter(rating="HTTNV").count() == count - 1 and rated.filter(rating="HTXSNV").count() == 1
    page.get_by_role("button", name="Gửi cán bộ thi đua xã").click()
    page.wait_for_selector("#trang-thai:has-text('chờ xác nhận')")
    shot(page, "xep-loai-2-da-gui")

    page.context.clear_cookies()
    page = login_page("canbotdkt")   # her home page is her work queue: the sheet is on it
    shot(page, "xep-loai-2b-trang-chu-can-bo")
    if year == rating_year(datetime.date.today()):
        page.locator(f'.work-items a[href="/khen-thuong/xep-loai/{unit.pk}/{year}/"]').click()
    else:
        page.goto(f"{live_demo.url}/khen-thuong/xep-loai/?nam={year}")
        page.get_by_role("link", name=unit.name).click()
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_selector("#trang-thai:has-text('Đã xác nhận')")
    shot(page, "xep-loai-3-xac-nhan")
    assert RatingSheet.objects.get(organisation=unit, year=year).state == RatingSheet.State.CONFIRMED
    # the inspector's view of it: Vietnamese labels and values, no raw codes
    page.goto(f"{live_demo.url}/nhat-ky/?model=awards.ratingsheet")
    text = page.locator("table").inner_text()
    shot(page, "xep-loai-4-nhat-ky")
    assert "Trạng thái" in text and "Đã xác nhận" in text and "confirmed" not in text
