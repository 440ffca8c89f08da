"""Issue #16, "Must show": from an EMPTY database and through the pages only, the administrator
sets up a commune and its users, a clerk enters her unit's ratings in the grid, prepares a
dossier without a detour (every LĐTT-eligible member in one click from the candidate list, no
achievement-report page) and submits it at the first try; the officer's home queue shows it with
its due date in working days."""
import datetime
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from thidua.awards.catalogue import ensure_catalogue
from thidua.awards.models import AwardType, RuleParameter
from thidua.core.workdays import add_working_days
from thidua.proposals.models import Dossier

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = [("Trần Thị Hoa", "F", "Công chức Văn phòng – Thống kê"), ("Lê Văn Đức", "M", "Công chức Tư pháp – Hộ tịch"),
          ("Ngô Thị Lan", "F", "Công chức Tài chính – Kế toán")]


def _sign_in(page, base, username, password, new_password=None):
    page.context.clear_cookies()
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    if new_password:   # a one-time password: changed at the first sign-in
        page.wait_for_url(f"{base}/tai-khoan/doi-mat-khau/")
        page.fill("[name=old_password]", password)
        page.fill("[name=new_password1]", new_password)
        page.fill("[name=new_password2]", new_password)
        page.click("button[type=submit]")
    page.goto(f"{base}/")


def test_a_commune_prepares_and_submits_a_dossier_from_an_empty_database(page, live_server, shot):
    call_command("flush", "--noinput", verbosity=0)
    # A freshly migrated database holds the catalogue of titles (a data migration); flush emptied it.
    ensure_catalogue(AwardType, RuleParameter)
    base = live_server.url
    year = timezone.localdate().year

    # 1. The administrator's first run.
    page.goto(f"{base}/")
    assert page.url == f"{base}/bat-dau/"
    for name, value in {"province_name": "Thành phố Hải Phòng", "commune_name": "Xã An Thử",
                        "admin_name": "Nguyễn Văn Quản", "admin_username": "quantri",
                        "admin_password": "Quản-trị-xã-2027!", "chairman_name": "Phạm Thị Hằng",
                        "chairman_username": "chutich", "officer_name": "Vũ Thị Thanh",
                        "officer_username": "canbo"}.items():
        page.fill(f"[name={name}]", value)
    page.select_option("[name=chairman_gender]", "F")
    page.select_option("[name=officer_gender]", "F")
    page.get_by_role("button", name="Thiết lập").click()
    page.wait_for_selector("text=Đã thiết lập Xã An Thử")
    officer_password = page.locator("tr", has_text="canbo").locator("code").inner_text().strip()
    shot(page, "walk-01-thiet-lap")

    # 2. ...and the clerk's account.
    page.goto(f"{base}/quan-tri/tai-khoan/them/")
    page.fill("[name=username]", "vanthu")
    page.fill("[name=last_name]", "Đỗ Thị")
    page.fill("[name=first_name]", "Vân")
    page.select_option("[name=role]", "clerk")
    page.select_option("[name=unit]", label="Xã An Thử")
    page.fill("[name=title]", "Văn thư UBND xã")
    page.get_by_role("button", name="Tạo tài khoản và cấp mật khẩu").click()
    clerk_password = page.locator("#mat-khau").inner_text().strip()
    shot(page, "walk-02-tai-khoan-van-thu")

    # 3. The officer opens the year-end round.
    _sign_in(page, base, "canbo", officer_password, "Cán-bộ-thi-đua-2027")
    page.goto(f"{base}/de-nghi/dot/them/")
    page.fill("[name=name]", f"Tổng kết phong trào thi đua năm {year}")
    page.select_option("[name=kind]", "year_end")
    page.fill("[name=year]", str(year))
    deadline = timezone.localdate() + datetime.timedelta(days=20)
    page.fill("[name=deadline]", deadline.strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_selector("text=Đã tạo đợt khen thưởng")

    # 4. The clerk records her unit's people and rates them in the grid, with the keyboard.
    _sign_in(page, base, "vanthu", clerk_password, "Văn-thư-xã-2027")
    for full_name, gender, position in PEOPLE:
        page.goto(f"{base}/ca-nhan/them/")
        page.fill("[name=full_name]", full_name)
        page.select_option("[name=gender]", gender)
        page.select_option("[name=category]", "cong_chuc")
        page.select_option("[name=organisation]", label="Xã An Thử")
        page.fill("[name=position]", position)
        page.get_by_role("button", name="Lưu").click()
        page.wait_for_selector(f"text=Đã thêm {full_name}")
    page.get_by_role("link", name="Xếp loại", exact=True).click()
    page.wait_for_selector("#bang-xep-loai")
    selects = page.locator("#bang-xep-loai select")
    count = selects.count()
    assert count == len(PEOPLE) + 2   # with the chairman and the officer set up at the first run
    selects.nth(0).focus()
    for _ in range(count):
        page.keyboard.press("t")      # Hoàn thành tốt nhiệm vụ
        page.keyboard.press("Enter")
    page.get_by_role("button", name="Lưu xếp loại").click()
    page.wait_for_selector(f"text=Đã lưu xếp loại của {count} người")
    shot(page, "walk-03-xep-loai")

    # 5. From the candidate list, every member eligible for LĐTT in one click: no detour.
    page.goto(f"{base}/khen-thuong/du-dieu-kien/")
    page.fill("[name=nam]", str(year))
    page.select_option("[name=doi_tuong]", "LDTT")
    page.get_by_role("button", name="Xem").click()
    assert page.locator("#muc-LDTT table.eligible tbody tr").count() == count
    shot(page, "walk-04-du-dieu-kien")
    page.get_by_role("button", name=re.compile(f"Đề nghị {count} người đủ điều kiện")).click()
    page.wait_for_url(re.compile(r".*/de-nghi/ho-so/\d+/#de-nghi$"))
    dossier = Dossier.objects.get(pk=int(re.search(r"/ho-so/(\d+)/", page.url).group(1)))
    assert "/bao-cao/" not in page.content()   # no achievement-report page to visit
    assert page.locator("#de-nghi + .table-wrap tbody tr").count() == count
    assert "Đã đề nghị “Lao động tiên tiến” cho" in page.locator(".messages").inner_text()
    shot(page, "walk-05-ho-so")
    # What is still missing is listed, with the link that fixes it: the unit's minutes.
    missing = page.locator("#can-bo-sung").inner_text()
    assert "Chưa có biên bản họp xét của đơn vị." in missing and "báo cáo" not in missing.lower()
    page.locator("#can-bo-sung").get_by_role("link", name="Ghi biên bản họp xét").click()
    page.fill("textarea[name=unit_minutes]",
              f"Họp bình xét ngày {timezone.localdate():%d/%m/%Y}: {count}/{count} thành viên có mặt, nhất trí đề nghị.")
    page.get_by_role("button", name="Lưu biên bản").click()
    assert page.locator("#can-bo-sung").count() == 0
    page.get_by_role("button", name="Nộp hồ sơ").click()   # the first try
    assert "Đã nộp" in page.locator("#trang-thai").inner_text()
    shot(page, "walk-06-da-nop")
    dossier.refresh_from_db()
    assert dossier.state == Dossier.State.SUBMITTED

    # 6. The officer's home page: the dossier waits, with its due date in working days.
    _sign_in(page, base, "canbo", "Cán-bộ-thi-đua-2027")
    due = add_working_days(timezone.localtime(dossier.submitted_at).date(), 5)
    line = page.locator(".work-items li", has_text="Xã An Thử")
    assert line.count() == 1
    assert f"hạn {due:%d/%m/%Y}" in line.inner_text() and "5 ngày làm việc kể từ ngày nộp" in line.inner_text()
    shot(page, "walk-07-trang-chu-can-bo")
    line.get_by_role("link").click()
    assert f"{due:%d/%m/%Y}" in page.locator("#han-xu-ly").inner_text()
