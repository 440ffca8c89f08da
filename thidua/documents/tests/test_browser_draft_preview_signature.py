"""Browser: the officer writes the draft of a decision, the chairman previews exactly that draft
and signs it, the decision page shows the signed document, and a citizen who scans the
certificate's QR code (zbarimg) lands on its public page without logging in. Before that, a
meeting dated before the comment period ends is refused on the dossier page."""
import re
import shutil
import subprocess

import pytest

from thidua.documents.tests.conftest import pdf_text
from thidua.proposals import services
from thidua.proposals.models import Decision, Dossier
from thidua.proposals.tests.conftest import Flow

pytestmark = pytest.mark.django_db(transaction=True)
TITLE = "Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2025 cho Trường Mầm non Hồng Phong"
SHOTS = "/tmp/thidua-record-shots"


def _shot(page, name):
    import os

    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def _qr_address(pdf: bytes, tmp_path) -> str:
    if shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None:
        pytest.skip("zbarimg (zbar-tools) or pdftoppm (poppler-utils) is not installed")
    (tmp_path / "giay-khen.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / "giay-khen.pdf"),
                    str(tmp_path / "giay-khen")], check=True)
    out = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "giay-khen.png")], capture_output=True, text=True)
    return out.stdout.strip()


def test_officer_drafts_chairman_previews_and_signs_citizen_scans(login_page, live_demo, browser, demo_user,
                                                                  settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.THIDUA_PUBLIC_BASE_URL = live_demo.url  # the address a phone reaches
    url = live_demo.url
    flow = Flow(demo_user)

    # A meeting on the last day of the comment period cannot take the dossier.
    waiting = flow.end_publicity(flow.published(nominees=[("Bùi Thị Thu", "LDTT")]))
    early = services.schedule_meeting(actor=flow.officer, term=flow.term, held_on=waiting.published_until)
    page = login_page("canbotdkt")
    page.goto(f"{url}/de-nghi/ho-so/{waiting.pk}/")
    page.select_option("#trinh-hoi-dong select[name=meeting]", value=str(early.pk))
    page.get_by_role("button", name="Trình Hội đồng").click()
    assert "trước khi hết thời gian lấy ý kiến nhân dân" in page.content()
    _shot(page, "1-meeting-date-refused")
    assert Dossier.objects.get(pk=waiting.pk).state == Dossier.State.PUBLISHED

    # The officer writes the draft.
    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "LDTT")])
    page.goto(f"{url}/de-nghi/ho-so/{dossier.pk}/")
    page.get_by_role("link", name="Soạn dự thảo quyết định").click()
    page.fill("input[name=title]", TITLE)
    page.get_by_role("button", name="Lưu dự thảo").click()
    assert "Đã lưu dự thảo quyết định." in page.content()
    _shot(page, "2-officer-draft")

    # The chairman opens it from the dossier, sees the rendered draft, and signs it.
    page.context.clear_cookies()
    page = login_page("chutich")
    page.goto(f"{url}/de-nghi/ho-so/{dossier.pk}/")
    page.get_by_role("link", name="Xem dự thảo và ký").click()
    preview = page.locator("#xem-du-thao").get_attribute("data")
    draft_pdf = page.request.get(f"{url}{preview}")
    assert draft_pdf.ok and draft_pdf.headers["content-type"] == "application/pdf"
    (tmp_path / "du-thao.pdf").write_bytes(draft_pdf.body())
    assert "DỰ THẢO" in pdf_text(tmp_path / "du-thao.pdf") and TITLE in pdf_text(tmp_path / "du-thao.pdf")
    page.wait_for_timeout(1500)  # let the inline PDF viewer draw before the screenshot
    _shot(page, "3-chairman-preview")
    page.get_by_role("button", name="Ký quyết định theo dự thảo này").click()
    page.wait_for_url(re.compile(r".*/de-nghi/quyet-dinh/\d+/$"))
    decision = Decision.objects.get(dossiers=dossier)
    assert decision.number in page.locator("h1").inner_text()
    signed = page.request.get(f"{url}{page.locator('#van-ban-quyet-dinh object').get_attribute('data')}")
    (tmp_path / "qd.pdf").write_bytes(signed.body())
    printed = pdf_text(tmp_path / "qd.pdf")
    assert TITLE in printed and f"Số: {decision.number}" in printed and "DỰ THẢO" not in printed
    page.wait_for_timeout(1500)
    _shot(page, "4-signed-decision")

    # A citizen scans the certificate's QR code: the public page opens, no login.
    award = dossier.nominations.get().award
    address = _qr_address(page.request.get(f"{url}/van-ban/giay-khen/{award.pk}/pdf/").body(), tmp_path)
    assert address == f"{url}/xac-minh/{award.verification_code}"
    citizen = browser.new_context(locale="vi-VN").new_page()
    response = citizen.goto(address)
    assert response.status == 200 and "Nguyễn Thị Mai" in citizen.content()
    _shot(citizen, "5-citizen-verifies")
    citizen.context.close()
