"""The yearly statistical tables (0601–0605.N/BNV-TĐKT, Thông tư 18/2025/TT-BNV) of a small
commune built by hand: every figure equals a count made here, the Excel file has the official
heading (symbol, title, period, reporting and receiving units) and the admin page says what is
not verified."""
import io

import pytest
from openpyxl import load_workbook

from thidua.exchange import statistics

from .national_world import build

pytestmark = pytest.mark.django_db


def _rows(table):
    return {row[1]: row[2:] for row in table.rows}


def test_the_tables_equal_counts_made_by_hand():
    w = build()
    report = statistics.report(user=w.officer, year=2025)
    # 0601: one regular movement launched by the commune.
    assert _rows(report.table("0601"))["Xã"] == [1, 1, 0, 0, 0]
    assert _rows(report.table("0601"))["Tổng cộng"] == [1, 1, 0, 0, 0]
    # 0602 titles — columns: total, individuals, of whom women, collectives, households.
    titles = _rows(report.table("0602"))
    assert titles["Lao động tiên tiến"] == [1, 1, 1, 0, 0]          # Lan (2025 only, not 2024)
    assert titles["Chiến sĩ thi đua cơ sở"] == [1, 1, 0, 0, 0]       # Hùng
    assert titles["Tập thể lao động tiên tiến"] == [1, 0, 0, 1, 0]   # the school
    assert titles["Gia đình văn hóa"] == [1, 0, 0, 0, 1]             # the household
    assert titles["Tổng cộng"] == [4, 2, 1, 1, 1]
    # 0603 forms: the commune's Giấy khen to Lan and Bình; Hùng's revoked one is not counted.
    forms = _rows(report.table("0603"))
    assert forms["Tổng cộng"] == [2, 2, 1, 0, 0] and len(forms) == 2
    # 0604: 4 awards to people — 1 to a leader (Hùng, Hiệu trưởng), 1 to a direct worker
    # (Bình), 2 to staff (Lan); 2 to women; the school and the household on their own lines.
    holders = {label: values[0] for label, values in _rows(report.table("0604")).items()}
    assert holders == {"Cá nhân": 4, "Trong đó: lãnh đạo, quản lý": 1,
                       "Trong đó: cán bộ, công chức, viên chức, chiến sĩ": 2,
                       "Trong đó: người trực tiếp lao động sản xuất": 1, "Trong đó: nữ": 2,
                       "Tập thể": 1, "Hộ gia đình": 1}
    assert _rows(report.table("0604"))["Trong đó: nữ"][1] == 50.0
    # 0605: no dossier in the year.
    assert _rows(report.table("0605"))["Hồ sơ đề nghị đã nộp"] == [0]


def test_the_workbook_has_the_official_heading_and_the_figures(client):
    w = build()
    client.force_login(w.officer)
    response = client.get("/du-lieu/quoc-gia/bieu-thong-ke.xlsx?nam=2025")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Biểu 0601", "Biểu 0602", "Biểu 0603", "Biểu 0604", "Biểu 0605"]
    sheet = book["Biểu 0602"]
    heading = [sheet.cell(row=r, column=1).value for r in range(1, 7)]
    assert heading[0] == "Biểu số 0602.N/BNV-TĐKT" and heading[1] == "SỐ DANH HIỆU THI ĐUA ĐƯỢC TẶNG"
    assert heading[2] == "Kỳ báo cáo: Năm 2025 (từ ngày 01/01/2025 đến ngày 31/12/2025)"
    assert heading[3] == "Đơn vị báo cáo: Ủy ban nhân dân xã Thử Nghiệm"
    assert heading[4].startswith("Đơn vị nhận báo cáo: Sở Nội vụ")
    assert "18/2025/TT-BNV" in heading[5]
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=8)]
    assert ["Tổng cộng", 4, 2, 1, 1, 1] in [v[1:] for v in values]
    for sheet in book.worksheets:  # "chưa kiểm chứng" belongs on the page, never in the file
        assert not any("kiểm chứng" in str(c.value or "") for row in sheet.iter_rows() for c in row)


def test_the_page_cites_the_circular_and_tells_the_administrator_what_is_not_verified(client):
    w = build()
    client.force_login(w.officer)
    html = client.get("/du-lieu/quoc-gia/").content.decode()
    assert "Thông tư số 18/2025/TT-BNV" in html and "kiểm chứng" not in html
    client.force_login(w.admin)
    html = client.get("/du-lieu/quoc-gia/").content.decode()
    assert "Thông tư số 18/2025/TT-BNV" in html and "Chưa kiểm chứng" in html


def test_a_province_user_reports_for_the_province_to_the_ministry():
    from thidua.accounts.models import Role, User

    w = build()
    city = w.commune.parent
    province_officer = User.objects.create_user(username="cb-tinh-thu-nghiem", password="mat-khau-thu-nghiem-9",
                                                role=Role.OFFICER, unit=city, first_name="Cán bộ Ban TĐKT")
    commune_report = statistics.report(user=w.officer, year=2025)
    province_report = statistics.report(user=province_officer, year=2025)
    assert province_report.unit == f"Ủy ban nhân dân {city.name[:1].lower()}{city.name[1:]}"
    assert province_report.receiver == "Bộ Nội vụ"
    assert commune_report.receiver == f"Sở Nội vụ {city.name}"
    # The province's tables hold the commune's awards, and more (the other communes').
    for symbol in ("0602", "0603"):
        province_total = _rows(province_report.table(symbol))["Tổng cộng"][0]
        assert province_total >= _rows(commune_report.table(symbol))["Tổng cộng"][0]
    assert _rows(province_report.table("0602"))["Gia đình văn hóa"][4] >= 1
