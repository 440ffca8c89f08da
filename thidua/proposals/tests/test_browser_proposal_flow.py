"""Browser: one dossier from a clerk's submission to a signed decision — returned once for
correction, published with a citizen's objection answered, voted by secret ballot at a council
meeting, signed by the chairman — and the award then shows on the person's page."""
import datetime
import re

import pytest
from django.utils import timezone

from thidua.org.models import Person
from thidua.proposals.models import Dossier

pytestmark = pytest.mark.django_db(transaction=True)


def switch_to(page, login_page, username):
    page.context.clear_cookies()  # log out
    return login_page(username)


def test_a_dossier_from_submission_to_signed_decision(login_page, live_demo, browser):
    url = live_demo.url
    mai = Person.objects.get(full_name="Nguyễn Thị Mai")

    # The clerk of Trường Mầm non Hồng Phong prepares and submits the dossier.
    page = login_page("vanthu_mnhp")
    page.goto(f"{url}/de-nghi/")
    page.locator("#dot-khen-thuong").get_by_role("link", name="Lập hồ sơ đề nghị").first.click()
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r".*/de-nghi/ho-so/\d+/$"))
    dossier_url = page.url
    dossier = Dossier.objects.get(pk=int(dossier_url.rstrip("/").rsplit("/", 1)[1]))
    page.select_option("#them-de-nghi select[name=subject]", label="Nguyễn Thị Mai")
    page.select_option("#them-de-nghi select[name=award_type]", label="Lao động tiên tiến")
    page.get_by_role("button", name="Thêm đề nghị").click()
    # LĐTT goes by the unit's list and minutes: straight back to the dossier, no report page
    page.wait_for_url(re.compile(r".*/de-nghi/ho-so/\d+/#de-nghi$"))
    assert page.locator("textarea[name=achievements]").count() == 0
    page.get_by_role("button", name="Nộp hồ sơ").click()
    assert "Chưa nộp được hồ sơ" in page.locator(".messages").inner_text()
    assert "Chưa có biên bản họp xét" in page.locator("#can-bo-sung").inner_text()
    page.fill("textarea[name=unit_minutes]", "Họp bình xét ngày 05/12: 25/25 thành viên nhất trí.")
    page.get_by_role("button", name="Lưu biên bản").click()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    assert "Đã nộp" in page.locator("#trang-thai").inner_text()

    # The officer returns it for correction.
    page = switch_to(page, login_page, "canbotdkt")
    page.goto(dossier_url)
    page.fill("#ly-do-tra-lai", "Biên bản chưa ghi kết quả bỏ phiếu.")
    page.get_by_role("button", name="Trả lại hồ sơ").click()
    assert "Trả lại" in page.locator("#trang-thai").inner_text()

    # The clerk corrects and submits again.
    page = switch_to(page, login_page, "vanthu_mnhp")
    page.goto(dossier_url)
    assert "Biên bản chưa ghi kết quả bỏ phiếu." in page.locator("[role=alert]").inner_text()
    page.fill("textarea[name=unit_minutes]", "Họp bình xét ngày 05/12: 25/25 thành viên, bỏ phiếu kín 25/25 đồng ý.")
    page.get_by_role("button", name="Lưu biên bản").click()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    assert "Đã nộp" in page.locator("#trang-thai").inner_text()

    # The officer accepts (the engine checks the nominee) and publishes the list.
    page = switch_to(page, login_page, "canbotdkt")
    page.goto(dossier_url)
    page.get_by_role("button", name="Tiếp nhận và kiểm tra điều kiện").click()
    assert "✓ Đủ điều kiện" in page.locator("tr", has_text="Nguyễn Thị Mai").inner_text()
    page.get_by_role("button", name=re.compile("Công khai danh sách")).click()
    assert "Đang công khai" in page.locator("#trang-thai").inner_text()

    # A citizen, without logging in, sends an objection from the public page.
    page.context.clear_cookies()
    page.goto(f"{url}/de-nghi/cong-khai/")
    page.get_by_role("link", name="Trường Mầm non Hồng Phong").click()
    assert "Nguyễn Thị Mai" in page.locator("#danh-sach").inner_text()
    page.fill("#gui-y-kien input[name=name]", "Trần Văn Bình")
    page.fill("#gui-y-kien input[name=contact]", "0912 345 678")
    page.fill("#gui-y-kien textarea[name=content]", "Đề nghị làm rõ thành tích dạy giỏi.")
    page.get_by_role("button", name="Gửi ý kiến").click()
    assert "Đã nhận ý kiến" in page.locator(".messages").inner_text()

    # The officer answers it; when the publicity period is over she schedules the council.
    page = login_page("canbotdkt")
    page.goto(dossier_url + "#y-kien")
    page.locator("textarea[name=answer]").fill("Đã xác minh: có Giấy chứng nhận giáo viên dạy giỏi cấp xã.")
    page.get_by_role("button", name="Gửi trả lời").click()
    assert "Đã trả lời ý kiến" in page.locator(".messages").inner_text()
    Dossier.objects.filter(pk=dossier.pk).update(published_until=timezone.localdate() - datetime.timedelta(days=1))
    page.goto(f"{url}/de-nghi/hoi-dong/")
    page.get_by_role("link", name="Lên lịch phiên họp").click()
    page.fill("input[name=location]", "Hội trường UBND xã")
    page.get_by_role("button", name="Lưu").click()
    meeting_url = page.url
    for box in page.locator("#diem-danh input[name=present]").all():
        box.check()
    page.get_by_role("button", name="Lưu điểm danh").click()
    page.goto(dossier_url)
    page.locator("#trinh-hoi-dong select[name=meeting]").select_option(index=1)
    page.get_by_role("button", name="Trình Hội đồng").click()
    assert "Trình Hội đồng" in page.locator("#trang-thai").inner_text()
    page.goto(meeting_url)
    page.get_by_role("button", name="Khai mạc, mở bỏ phiếu").click()
    assert "Đang họp" in page.locator("#trang-thai-hop").inner_text()

    def vote(page):
        page.goto(meeting_url)
        page.get_by_role("link", name="Bỏ phiếu kín (một phiếu cho tất cả đề nghị)").click()
        row = page.locator("#phieu-bau tr", has_text="Nguyễn Thị Mai")  # the one ballot paper
        row.get_by_label("Đồng ý: Nguyễn Thị Mai", exact=True).check()
        page.get_by_role("button", name="Nộp phiếu bầu").click()
        receipt = page.locator("[data-receipt]")  # one code for the paper, shown once
        assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", receipt.inner_text().strip())
        page.goto(meeting_url)
        assert "Bạn đã bỏ phiếu" in page.locator("tr", has_text="Nguyễn Thị Mai").inner_text()

    vote(page)  # the officer is the council's secretary
    page = switch_to(page, login_page, "hoidong")
    page.goto(f"{url}/de-nghi/")
    assert "Nguyễn Thị Mai" in page.locator("#phieu-cho-bau").inner_text()
    vote(page)

    # The chairman votes, closes the vote, reads the minutes and signs the decision.
    page = switch_to(page, login_page, "chutich")
    vote(page)
    page.get_by_role("button", name="Kết thúc bỏ phiếu và kiểm phiếu").click()
    page.get_by_role("link", name="Biên bản phiên họp").click()
    minutes = page.locator("#bien-ban-hop").inner_text()
    assert "Đồng ý: 3" in minutes and "Thông qua" in minutes
    page.goto(f"{url}/de-nghi/")
    page.locator("#cho-ky").get_by_role("link", name="Trường Mầm non Hồng Phong").click()
    page.get_by_role("link", name="Xem dự thảo và ký").click()  # she sees the draft she signs
    page.get_by_role("button", name="Ký quyết định theo dự thảo này").click()
    number = re.search(r"số (\d+/QĐ-UBND)", page.locator("h1").inner_text()).group(1)
    assert page.locator("#van-ban-quyet-dinh object").count() == 1  # the signed document itself

    # The award is on her page, with the decision.
    page.goto(f"{url}/ca-nhan/{mai.pk}/")
    timeline = page.locator("#qua-trinh-thi-dua").inner_text()
    assert "Lao động tiên tiến" in timeline and f"QĐ số {number}" in timeline
    # And the history of the dossier shows every step.
    page.goto(dossier_url)
    steps = page.locator("#lich-su").inner_text()
    for label in ("Trả lại để bổ sung", "Đang công khai lấy ý kiến", "Hội đồng đã bỏ phiếu", "Đã có quyết định"):
        assert label in steps
