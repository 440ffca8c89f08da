"""Browser: the officer plans an inspection of a movement, records the finding at a school with
its checklist and an evidence file, makes a recommendation, closes it, and downloads the
movement's review report, which tells the finding and the closed recommendation."""
import io
import os

import pytest
from docx import Document

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SHOTS = os.environ.get("THIDUA_SCREENSHOTS", "")


def _shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_officer_plans_inspects_recommends_closes_and_the_review_report_tells_it(login_page, live_demo, tmp_path):
    evidence = tmp_path / "bien-ban-kiem-tra.pdf"
    evidence.write_bytes(PDF)
    page = login_page("canbotdkt")

    page.get_by_role("link", name="Kiểm tra", exact=True).click()
    page.wait_for_url("**/kiem-tra/")
    page.get_by_role("link", name="Lập kế hoạch kiểm tra").click()
    page.get_by_label("Tên kế hoạch").fill("Kế hoạch kiểm tra phong trào chuyển đổi số năm 2026")
    page.get_by_role("button", name="Lưu kế hoạch").click()
    page.wait_for_url("**/kiem-tra/ke-hoach/*/")

    page.get_by_role("link", name="Thêm đợt kiểm tra").click()
    page.get_by_label("Phong trào").select_option(label="Chuyển đổi số toàn diện")
    page.get_by_label("Đơn vị được kiểm tra").select_option(label="Trường THCS Thanh Giang")
    page.get_by_label("Thành phần đoàn kiểm tra").fill(
        "Ông Vũ Văn Nguyễn, Phó Chủ tịch UBND xã — Trưởng đoàn\nCông chức thi đua – khen thưởng — Thư ký")
    page.get_by_label("Từ ngày").fill("02/03/2026")
    page.get_by_label("Đến ngày").fill("06/03/2026")
    _shot(page, "1-dot-kiem-tra")
    page.get_by_role("button", name="Lưu đợt kiểm tra").click()
    page.wait_for_url("**/kiem-tra/dot/*/")

    page.get_by_role("button", name="Ghi kết quả kiểm tra").click()
    page.wait_for_url("**/kiem-tra/ket-qua/*/")
    assert page.locator("table.checklist tbody tr").count() > 1  # criteria of the block + registration
    page.locator("table.checklist select").first.select_option("met")
    page.get_by_label("Ngày kiểm tra tại đơn vị").fill("03/03/2026")
    page.get_by_label("Kết luận", exact=True).fill("Trường triển khai chuyển đổi số đúng kế hoạch; cần bổ sung sổ theo dõi.")
    page.get_by_role("button", name="Lưu kết quả kiểm tra").click()
    page.wait_for_url("**/kiem-tra/ket-qua/*/")
    page.locator("input[name=file]").set_input_files(str(evidence))
    page.get_by_role("button", name="Tải lên minh chứng").click()
    page.wait_for_url("**#minh-chung")
    assert page.get_by_role("link", name="bien-ban-kiem-tra.pdf").is_visible()
    _shot(page, "2-ket-qua-kiem-tra")

    page.get_by_role("link", name="Thêm kiến nghị").click()
    page.get_by_label("Nội dung kiến nghị").fill("Cập nhật sổ theo dõi khen thưởng điện tử của trường.")
    page.get_by_label("Người chịu trách nhiệm").select_option(label="Nguyễn Thị Hiền")
    page.get_by_label("Thời hạn (ngày làm việc)").fill("5")
    page.get_by_label("Ngày kiến nghị").fill("03/03/2026")
    page.get_by_role("button", name="Lưu kiến nghị").click()
    page.wait_for_url("**/kiem-tra/kien-nghi/*/")
    assert "10/03/2026" in page.locator("dl.facts").inner_text()  # 5 working days after Tue 03/03
    page.get_by_label("Ngày hoàn thành").fill("09/03/2026")
    page.get_by_label("Kết quả khắc phục").fill("Đã cập nhật sổ theo dõi trên máy tính của văn thư.")
    page.get_by_role("button", name="Đã hoàn thành").click()
    page.wait_for_url("**/kiem-tra/kien-nghi/*/")
    assert "Đã hoàn thành 09/03/2026" in page.locator("dl.facts").inner_text()
    _shot(page, "3-kien-nghi-hoan-thanh")

    page.get_by_role("link", name="Kiểm tra", exact=True).click()
    page.get_by_role("link", name="Kế hoạch kiểm tra phong trào chuyển đổi số năm 2026").click()
    page.get_by_role("link", name="Phong trào thi đua: Chuyển đổi số toàn diện").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Báo cáo sơ kết phong trào (DOCX)").click()
    path = download.value.path()
    content = open(path, "rb").read()
    if SHOTS:
        with open(os.path.join(SHOTS, "bao-cao-so-ket.docx"), "wb") as fh:
            fh.write(content)
    doc = Document(io.BytesIO(content))
    text = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "SƠ KẾT PHONG TRÀO THI ĐUA" in text
    assert "Trường triển khai chuyển đổi số đúng kế hoạch" in text
    assert "Cập nhật sổ theo dõi khen thưởng điện tử của trường." in text
    assert "Đã hoàn thành ngày 09/03/2026: Đã cập nhật sổ theo dõi trên máy tính của văn thư." in text
