"""Excel exports of the registration, ranking and movement tables, with Vietnamese headers."""
import io

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def _sheet(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    return load_workbook(io.BytesIO(response.content)).active


def test_the_registration_table_exports_with_the_coverage_in_its_title(client_as):
    ws = _sheet(client_as("canbotdkt").get("/phong-trao/dang-ky/2026/excel/"))
    assert ws["A1"].value == "Đăng ký thi đua năm 2026: 37/42 đơn vị (88,1 %)"
    assert [c.value for c in ws[3]][:4] == ["STT", "Đơn vị", "Khối thi đua", "Danh hiệu tập thể đăng ký"]
    rows = {r[1]: r for r in ws.iter_rows(min_row=4, values_only=True)}
    assert rows["Trường Mầm non Hồng Phong"][3] == "Chưa đăng ký"
    assert rows["Trường THCS Thanh Giang"][3] == "Tập thể lao động xuất sắc"
    assert ws.cell(row=4, column=5).number_format in ("dd/mm/yyyy", "General")


def test_the_ranking_exports_block_by_block(client_as):
    ws = _sheet(client_as("hoidong").get("/phong-trao/xep-hang/2026/excel/"))
    assert [c.value for c in ws[3]] == ["Khối thi đua", "Hạng", "Đơn vị", "Điểm tiêu chí", "Điểm thưởng", "Điểm trừ",
                                        "Tổng điểm", "Xếp loại", "Trạng thái", "Phiên bản tiêu chí"]
    first = next(r for r in ws.iter_rows(min_row=4, values_only=True) if r[0] == "Khối các trường học")
    assert first[1:3] == (1, "Trường THCS Thanh Giang") and first[6] == 101.5 and first[9] == 1


def test_the_movements_export_lists_each_result(client_as):
    ws = _sheet(client_as("canbotdkt").get("/phong-trao/nam/2025/excel/"))
    values = [r for r in ws.iter_rows(min_row=4, values_only=True)]
    assert [c.value for c in ws[3]][7:11] == ["Chỉ tiêu, kết quả", "So sánh", "Giá trị", "Đơn vị tính"]
    assert any(r[7] == "Tổng kinh phí sửa chữa nhà ở" and r[9] == 3_450_000_000 and r[10] == "đồng" for r in values)


def test_the_communes_registration_table_is_not_for_a_units_clerk(client_as):
    client = client_as("vanthu_mnhp")
    assert client.get("/phong-trao/dang-ky/2026/excel/").status_code == 403
    assert client.get("/phong-trao/dang-ky/2026/").status_code == 403
