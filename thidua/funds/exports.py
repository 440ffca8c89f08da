"""Excel lists of the youth talent fund (openpyxl): receipts (donations) and payouts, with
Vietnamese headers, amounts as numbers formatted #,##0 and dates as dd/mm/yyyy."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

MONEY = "#,##0"
DATE = "dd/mm/yyyy"
DONATION_HEADERS = ["STT", "Ngày", "Người, đơn vị ủng hộ", "Địa chỉ", "Số tiền (đồng)", "Ghi chú"]
PAYOUT_HEADERS = ["STT", "Ngày chi", "Người nhận", "Đối tượng", "Trường, đơn vị", "Thành tích", "Dịp khen thưởng",
                  "Số tiền (đồng)"]


def _sheet(ws, title: str, headers: list[str], rows: list[list], *, money_col: int, date_col: int,
           widths: list[int]) -> None:
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append(headers)
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        ws.append(row)
    total_row = ws.max_row + 1
    ws.cell(row=total_row, column=money_col - 1, value="Tổng cộng").font = Font(bold=True)
    total = ws.cell(row=total_row, column=money_col, value=sum(r[money_col - 1] or 0 for r in rows))
    total.font = Font(bold=True)
    for r in range(4, total_row + 1):
        ws.cell(row=r, column=money_col).number_format = MONEY
        if r < total_row:
            ws.cell(row=r, column=date_col).number_format = DATE
    for idx, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(idx)].width = width
    ws.freeze_panes = "A4"


def talent_workbook(*, fund, donations, payouts, year: int | None = None) -> bytes:
    wb = Workbook()
    period = f" NĂM {year}" if year else ""
    ws = wb.active
    ws.title = "Thu"
    _sheet(ws, f"DANH SÁCH ỦNG HỘ {fund.name.upper()}{period}",
           DONATION_HEADERS,
           [[i, d.date, d.donor_name, d.address, d.amount, d.note] for i, d in enumerate(donations, start=1)],
           money_col=5, date_col=2, widths=[6, 12, 36, 28, 16, 30])
    _sheet(wb.create_sheet("Chi"), f"DANH SÁCH CHI {fund.name.upper()}{period}", PAYOUT_HEADERS,
           [[i, p.date, p.recipient_name, p.get_recipient_kind_display(), p.school, p.achievement, p.occasion,
             p.amount] for i, p in enumerate(payouts, start=1)],
           money_col=8, date_col=2, widths=[6, 12, 28, 12, 32, 40, 44, 16])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
