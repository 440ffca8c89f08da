"""The paragraphs only a person can write are stored per commune and period, edited on a
page by the officer (audited), and placed verbatim; the demo's five-year report carries the
seed's own text."""
from thidua.core.models import AuditEntry
from thidua.documents.demo_text import FIVE_YEAR_2021_2025
from thidua.documents.models import ReportSection
from thidua.documents.reports import builder, output

from .conftest import docx_text

SEED_SENTENCES = [
    "Ban Thường vụ Đảng ủy, UBND xã Nam Thanh Miện luôn xác định thi đua yêu nước là động lực quan trọng",
    "Đến nay xã đã đã sửa chữa nhà ở cho 41 đối tượng người có công, người nghèo, người khuyết tật, với tổng số "
    "tiền là 3 tỷ 450 triệu đồng.",
    "Hằng năm, xã đã đề nghị cấp huyện khen thưởng cho trên 60 cá nhân, 20 tập thể",
    "- Cán bộ, công chức làm công tác thi đua, khen thưởng thực hiện nhiệm vụ kiêm nhiệm nhiều công việc, chưa có "
    "cán bộ chuyên trách.",
    "Trên đây là báo cáo Tổng kết phong trào thi đua, công tác khen thưởng 5 năm giai đoạn 2020-2025",
]


def test_the_demo_report_places_the_seed_narrative_verbatim(commune):
    assert ReportSection.objects.filter(commune=commune, report_kind="five_year", period="2021-2025").count() \
        == len(FIVE_YEAR_2021_2025)
    text = docx_text(output.render_report_docx(
        builder.build_report(kind="five_year", commune=commune, year_from=2021, year_to=2025)))
    for sentence in SEED_SENTENCES:
        assert sentence in text, sentence
    for line in FIVE_YEAR_2021_2025["weaknesses"].splitlines():
        assert line in text
    assert "[Chưa nhập nội dung" not in text


def test_headings_follow_the_seed_structure(commune):
    report = builder.build_report(kind="five_year", commune=commune, year_from=2021, year_to=2025)
    headings = [b.text for b in report.blocks if b.kind in ("part", "h1")]
    assert headings == [
        "PHẦN THỨ NHẤT", "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "II. KẾT QUẢ NỔI BẬT CỦA PHONG TRÀO THI ĐUA YÊU NƯỚC",
        "III. CÔNG TÁC TUYÊN TRUYỀN, NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN", "IV. KẾT QUẢ CÔNG TÁC KHEN THƯỞNG",
        "V. HOẠT ĐỘNG CỦA HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "VI. ĐÁNH GIÁ CHUNG", "PHẦN THỨ HAI",
        "I. MỤC TIÊU", "II. CHỈ TIÊU VÀ NHIỆM VỤ CHỦ YẾU", "III. GIẢI PHÁP THỰC HIỆN"]


def test_an_unwritten_section_shows_a_placeholder(commune):
    report = builder.build_report(kind="five_year", commune=commune, year_from=2016, year_to=2020)
    missing = [b.text for b in report.blocks if b.kind == "missing"]
    assert "[Chưa nhập nội dung: Phần I.1 — Công tác lãnh đạo, chỉ đạo của cấp ủy Đảng, chính quyền]" in missing


def test_the_officer_edits_a_section_and_the_change_is_audited(client_as, commune):
    client = client_as("canbotdkt")
    url = f"/van-ban/bao-cao/nam/noi-dung/?xa={commune.pk}&nam=2025"
    page = client.get(url)
    assert page.status_code == 200 and "Phần I.1" in page.content.decode()
    text = "- Đảng ủy, UBND xã chỉ đạo sát sao.\n- Ban hành 12 kế hoạch thi đua chuyên đề & thường xuyên."
    response = client.post(url, {"leadership": text, "luu": "1"})
    assert response.status_code == 302
    section = ReportSection.objects.get(commune=commune, report_kind="annual", period="2025", key="leadership")
    assert section.text == text
    assert AuditEntry.objects.filter(content_type__model="reportsection", object_id=str(section.pk)).exists()
    report = builder.build_report(kind="annual", commune=commune, year=2025)
    assert "- Ban hành 12 kế hoạch thi đua chuyên đề & thường xuyên." in docx_text(output.render_report_docx(report))


def test_a_clerk_and_the_auditor_cannot_edit_sections(client_as, commune):
    url = f"/van-ban/bao-cao/nam/noi-dung/?xa={commune.pk}&nam=2025"
    assert client_as("kiemtra").post(url, {"leadership": "x", "luu": "1"}).status_code == 403
    assert client_as("vanthu_mnhp").get(url).status_code == 403
    assert not ReportSection.objects.filter(report_kind="annual", period="2025", text="x").exists()
