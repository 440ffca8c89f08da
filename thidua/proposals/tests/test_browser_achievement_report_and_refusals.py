"""Browser: a CSTĐ cơ sở nomination opens its achievement report, where the guidance is the
placeholder of an empty box (never text to delete); submitting before it is written lists what
is missing per nomination, each with the link that fixes it (issue #16, item 4)."""
import re

import pytest

from thidua.proposals.models import Dossier

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_report_guidance_is_a_placeholder_and_refusals_link_to_their_fix(login_page, live_demo, shot):
    page = login_page("vanthu_mnhp")
    page.goto(f"{live_demo.url}/de-nghi/")
    page.locator("#dot-khen-thuong").get_by_role("link", name="Lập hồ sơ đề nghị").first.click()
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r".*/de-nghi/ho-so/\d+/$"))
    dossier_url = page.url
    page.select_option("#them-de-nghi select[name=subject]", label="Nguyễn Thị Mai")
    page.select_option("#them-de-nghi select[name=award_type]", label="Chiến sĩ thi đua cơ sở")
    page.get_by_role("button", name="Thêm đề nghị").click()
    achievements = page.locator("textarea[name=achievements]")
    assert achievements.input_value() == ""
    assert achievements.get_attribute("placeholder").startswith("Ghi thành tích nổi bật, số liệu cụ thể của năm 2025")
    assert "Phó Hiệu trưởng" in page.locator("textarea[name=record]").input_value()
    shot(page, "bao-cao-1-goi-y-mo")

    page.goto(dossier_url)
    page.get_by_role("button", name="Nộp hồ sơ").click()
    assert "Chưa nộp được hồ sơ: còn 2 việc phải làm" in page.locator(".messages").inner_text()
    listed = page.locator("#can-bo-sung")
    assert "Nguyễn Thị Mai — Chiến sĩ thi đua cơ sở" in listed.inner_text()
    assert "chưa ghi thành tích năm 2025" in listed.inner_text()
    shot(page, "bao-cao-2-danh-sach-thieu")
    listed.get_by_role("link", name="Sửa báo cáo thành tích").click()
    page.fill("textarea[name=achievements]", "Giáo viên dạy giỏi cấp xã; sáng kiến “Trò chơi phát triển ngôn ngữ”.")
    page.get_by_role("button", name="Lưu").click()
    assert page.url.startswith(dossier_url)
    assert "Nguyễn Thị Mai" not in page.locator("#can-bo-sung").inner_text()
    page.locator("#can-bo-sung").get_by_role("link", name="Ghi biên bản họp xét").click()
    page.fill("textarea[name=unit_minutes]", "Họp bình xét ngày 05/12: 25/25 thành viên, bỏ phiếu kín 25/25 đồng ý.")
    page.get_by_role("button", name="Lưu biên bản").click()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    assert "Đã nộp" in page.locator("#trang-thai").inner_text()
    dossier = Dossier.objects.get(pk=int(dossier_url.rstrip("/").rsplit("/", 1)[1]))
    report = dossier.nominations.get().report
    assert report.endswith("Thành tích năm 2025:\nGiáo viên dạy giỏi cấp xã; sáng kiến “Trò chơi phát triển ngôn ngữ”.")
    assert "Ghi thành tích nổi bật" not in report
