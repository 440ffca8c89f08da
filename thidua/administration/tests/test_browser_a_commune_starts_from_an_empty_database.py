"""From an empty database, through the pages only: the administrator sets up the commune, adds
a unit and its clerk; the clerk signs in with her one-time password and must change it first
(issue #16, item 1)."""
import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_commune_is_set_up_and_staffed_from_the_pages(page, live_server, shot):
    call_command("flush", "--noinput", verbosity=0)   # a new commune's empty database
    base = live_server.url
    page.goto(f"{base}/")
    assert page.url == f"{base}/bat-dau/"
    for name, value in {"province_name": "Thành phố Hải Phòng", "commune_name": "Xã Thử Nghiệm",
                        "admin_name": "Nguyễn Văn Quản", "admin_username": "quantri",
                        "admin_password": "Quản-trị-xã-2027!", "chairman_name": "Phạm Thị Hằng",
                        "chairman_username": "chutich", "officer_name": "Lê Văn Thành",
                        "officer_username": "canbo"}.items():
        page.fill(f"[name={name}]", value)
    page.select_option("[name=chairman_gender]", "F")
    page.select_option("[name=officer_gender]", "M")
    shot(page, "bat-dau-1-form")
    page.get_by_role("button", name="Thiết lập").click()
    page.wait_for_selector("text=Đã thiết lập Xã Thử Nghiệm")
    shot(page, "bat-dau-2-xong")

    # a unit, then its clerk's account
    page.goto(f"{base}/quan-tri/tai-khoan/them/")
    page.fill("[name=username]", "vanthu_th")
    page.fill("[name=last_name]", "Đỗ Thị")
    page.fill("[name=first_name]", "Vân")
    page.select_option("[name=role]", "clerk")
    page.select_option("[name=unit]", label="Xã Thử Nghiệm")
    page.get_by_role("button", name="Tạo tài khoản và cấp mật khẩu").click()
    password = page.locator("#mat-khau").inner_text()
    shot(page, "bat-dau-3-mat-khau")
    assert re.fullmatch(r"[\w-]{10,}", password)

    page.context.clear_cookies()
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", "vanthu_th")
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/tai-khoan/doi-mat-khau/")
    page.fill("[name=old_password]", password)
    page.fill("[name=new_password1]", "Văn-thư-trường-2027")
    page.fill("[name=new_password2]", "Văn-thư-trường-2027")
    page.click("button[type=submit]")
    page.goto(f"{base}/")
    assert page.url == f"{base}/"
    assert "Đỗ Thị Vân" in page.locator("header").inner_text(), "her name in Vietnamese order"
    shot(page, "bat-dau-4-van-thu")
