"""Browser: a commune sends its dossier for Chiến sĩ thi đua cấp tỉnh to the city; the city's
officer receives it, checks it with the engine and returns it once; the commune completes and
resubmits it; the city publishes it and its council votes by secret ballot; the city's
chairman signs the numbered decision — and the award is in the commune's ledger and on the
person's page with the city's decision number, and the commune's officer is notified."""
import datetime
import re

import pytest
from django.utils import timezone

from thidua.proposals.models import Dossier
from thidua.proposals.tests.conftest import Flow

from .conftest import commune_voted

pytestmark = pytest.mark.django_db(transaction=True)

REASON = "Thiếu bản xác nhận sáng kiến được áp dụng trong phạm vi thành phố."
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def switch_to(page, login_page, username):
    page.context.clear_cookies()  # log out
    return login_page(username)


def vote_in_browser(page, meeting_url: str, nominee: str) -> None:
    """One member's secret ballot paper, reached from the meeting page (the one place this walk
    votes): every nominee on one paper, one receipt code."""
    page.goto(meeting_url)
    page.get_by_role("link", name="Bỏ phiếu kín (một phiếu cho tất cả đề nghị)").click()
    row = page.locator("#phieu-bau tr", has_text=nominee)
    row.get_by_label(f"Đồng ý: {nominee}", exact=True).check()
    page.get_by_role("button", name="Nộp phiếu bầu").click()
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", page.locator("[data-receipt]").inner_text().strip())
    page.goto(meeting_url)


def test_a_commune_dossier_decided_by_the_city_reaches_the_communes_ledger(login_page, live_demo, demo_user, shot,
                                                                          settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    url = live_demo.url
    flow = Flow(demo_user)
    nhan = flow.person("Vũ Thị Nhạn")
    commune_dossier = commune_voted(flow, nhan)  # the commune's council passed it
    commune_url = f"{url}/de-nghi/ho-so/{commune_dossier.pk}/"

    # The commune's chairman signs the submission sending it to the city.
    page = login_page("chutich")
    page.goto(commune_url)
    page.get_by_role("button", name="Ký tờ trình gửi cấp tỉnh").click()
    assert "Đã trình cấp tỉnh" in page.locator("#trang-thai").inner_text()
    assert "chờ Ban Thi đua – Khen thưởng thành phố tiếp nhận" in page.locator("#thanh-pho-xu-ly").inner_text()
    shot(page, "province-01-commune-sent")

    # The city's officer finds it in the city's queue and receives it with its documents.
    page = switch_to(page, login_page, "tp_canbotdkt")
    page.get_by_role("link", name="Hồ sơ trình thành phố").click()
    assert "Xã Nam Thanh Miện" in page.locator("#cho-tiep-nhan").inner_text()
    shot(page, "province-02-city-queue")
    page.locator("#cho-tiep-nhan").get_by_role("button", name="Tiếp nhận").click()
    page.wait_for_url(re.compile(r".*/de-nghi/ho-so/\d+/$"))
    city_url = page.url
    assert "Báo cáo thành tích có xác nhận" in page.content()
    assert "Xã Nam Thanh Miện" in page.locator("#ho-so-cua-xa").inner_text()

    # She checks it with the engine at the city's level and returns it once, with a reason.
    page.get_by_role("button", name="Tiếp nhận và kiểm tra điều kiện").click()
    assert "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh" in page.locator("#de-nghi + .table-wrap").inner_text()
    shot(page, "province-03-city-checked")
    page.fill("#ly-do-tra-lai", REASON)
    page.get_by_role("button", name="Trả lại hồ sơ").click()
    assert "Trả lại" in page.locator("#trang-thai").inner_text()

    # The commune's officer reads the reason, adds the missing paper and resubmits.
    page = switch_to(page, login_page, "canbotdkt")
    page.goto(commune_url)
    assert REASON in page.locator("#ly-do-thanh-pho").inner_text()
    shot(page, "province-04-commune-reads-reason")
    page.get_by_role("link", name="Bổ sung và nộp lại cho thành phố").click()
    page.fill("input[name=description]", "Xác nhận sáng kiến của Hội đồng sáng kiến thành phố")
    page.set_input_files("input[name=file]", files=[{"name": "xac-nhan-sang-kien.pdf", "mimeType": "application/pdf",
                                                     "buffer": PDF}])
    page.get_by_role("button", name="Tải lên").click()
    assert "Đã đính kèm tệp" in page.locator(".messages").inner_text()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    assert "Đã nộp" in page.locator("#trang-thai").inner_text()

    # The city checks again, passes the nominee with a written reason if the engine says so,
    # and publishes the list for comment.
    page = switch_to(page, login_page, "tp_canbotdkt")
    page.goto(city_url)
    page.get_by_role("button", name="Tiếp nhận và kiểm tra điều kiện").click()
    if page.get_by_role("button", name="Trình kèm lý do").count():
        page.locator(".pass-form textarea").fill("Đã bổ sung xác nhận sáng kiến; Hội đồng thành phố xem xét.")
        page.get_by_role("button", name="Trình kèm lý do").click()
    page.get_by_role("button", name=re.compile("Công khai danh sách")).click()
    assert "Đang công khai" in page.locator("#trang-thai").inner_text()
    city_dossier = Dossier.objects.get(pk=int(city_url.rstrip("/").rsplit("/", 1)[1]))
    Dossier.objects.filter(pk=city_dossier.pk).update(published_until=timezone.localdate() - datetime.timedelta(days=1))

    # The city's council meets: attendance, agenda, the vote opens.
    page.get_by_role("link", name="Hội đồng", exact=True).click()
    assert "Hội đồng Thi đua – Khen thưởng thành phố Hải Phòng" in page.content()
    page.get_by_role("link", name="Lên lịch phiên họp").click()
    page.fill("input[name=location]", "Trụ sở UBND thành phố")
    page.get_by_role("button", name="Lưu").click()
    meeting_url = page.url
    for box in page.locator("#diem-danh input[name=present]").all():
        box.check()
    page.get_by_role("button", name="Lưu điểm danh").click()
    page.goto(city_url)
    page.locator("#trinh-hoi-dong select[name=meeting]").select_option(index=1)
    page.get_by_role("button", name="Trình Hội đồng").click()
    page.goto(meeting_url)
    page.get_by_role("button", name="Khai mạc, mở bỏ phiếu").click()
    vote_in_browser(page, meeting_url, "Vũ Thị Nhạn")  # the office's officer is the council's secretary
    for member in ("tp_hoidong", "tp_phochutich"):
        page = switch_to(page, login_page, member)
        vote_in_browser(page, meeting_url, "Vũ Thị Nhạn")

    # The city's chairman votes, closes the vote and signs the draft he sees.
    page = switch_to(page, login_page, "tp_chutich")
    vote_in_browser(page, meeting_url, "Vũ Thị Nhạn")
    page.get_by_role("button", name="Kết thúc bỏ phiếu và kiểm phiếu").click()
    shot(page, "province-05-city-council-closed")
    page.goto(city_url)
    assert "Hội đồng thông qua" in page.locator("#de-nghi + .table-wrap").inner_text()
    page.get_by_role("link", name="Xem dự thảo và ký").click()
    shot(page, "province-06-city-draft")
    page.get_by_role("button", name="Ký quyết định theo dự thảo này").click()
    number = re.search(r"số (\d+/QĐ-UBND)", page.locator("h1").inner_text()).group(1)
    shot(page, "province-07-city-decision")
    assert "UBND thành phố Hải Phòng" in page.content()

    # At the commune: notified, in the ledger, on the person's page, the dossier decided.
    page = switch_to(page, login_page, "canbotdkt")
    page.goto(f"{url}/tai-khoan/thong-bao/")
    assert f"Thành phố đã khen thưởng: Quyết định số {number}" in page.content()
    shot(page, "province-08-commune-notified")
    page.goto(f"{url}/khen-thuong/so-khen-thuong/?nam={commune_dossier.round.year}")
    assert number in page.locator("tr", has_text="Vũ Thị Nhạn").first.inner_text()
    shot(page, "province-09-commune-ledger")
    page.goto(f"{url}/ca-nhan/{nhan.pk}/")
    timeline = page.locator("#qua-trinh-thi-dua").inner_text()
    assert "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh" in timeline and f"QĐ số {number}" in timeline
    shot(page, "province-10-person-timeline")
    page.goto(commune_url)
    assert "Đã có quyết định" in page.locator("#trang-thai").inner_text()
    assert number in page.locator("#thanh-pho-xu-ly").inner_text()
