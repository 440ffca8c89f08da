"""Excel of the funds (through the shared writer ``thidua.core.excel``): a year's reward fund
(summary, receipts, spending by signed decision, commitments) and the youth talent fund
(donations and payouts). Amounts are numbers in đồng, dates are dates."""
from __future__ import annotations

from thidua.core.excel import Book, Column

DONATION_COLUMNS = [Column("STT", "int", width=6), Column("Ngày", "date", width=12),
                    Column("Người, đơn vị ủng hộ", width=36), Column("Địa chỉ", width=28),
                    Column("Số tiền (đồng)", "money", width=16), Column("Ghi chú", width=30)]
PAYOUT_COLUMNS = [Column("STT", "int", width=6), Column("Ngày chi", "date", width=12), Column("Người nhận", width=28),
                  Column("Đối tượng", width=12), Column("Trường, đơn vị", width=32), Column("Thành tích", width=40),
                  Column("Dịp khen thưởng", width=44), Column("Số tiền (đồng)", "money", width=16)]


def _total_row(sheet, rows: list[list], money_index: int) -> None:
    total = [None] * len(sheet.columns)
    total[money_index - 1] = "Tổng cộng"
    total[money_index] = sum(r[money_index] or 0 for r in rows)
    sheet.append(total, bold=True, data=False)


def _table(book, title: str, heading: str, columns: list[Column], rows: list[list], *, money_index: int):
    sheet = book.sheet(title, columns, heading=heading)
    for row in rows:
        sheet.append(row)
    _total_row(sheet, rows, money_index)
    return sheet


def talent_workbook(*, fund, donations, payouts, year: int | None = None) -> bytes:
    book = Book()
    period = f" NĂM {year}" if year else ""
    _table(book, "Thu", f"DANH SÁCH ỦNG HỘ {fund.name.upper()}{period}", DONATION_COLUMNS,
           [[i, d.date, d.donor_name, d.address, d.amount, d.note] for i, d in enumerate(donations, start=1)],
           money_index=4)
    _table(book, "Chi", f"DANH SÁCH CHI {fund.name.upper()}{period}", PAYOUT_COLUMNS,
           [[i, p.date, p.recipient_name, p.get_recipient_kind_display(), p.school, p.achievement, p.occasion,
             p.amount] for i, p in enumerate(payouts, start=1)], money_index=7)
    return book.to_bytes()


def fund_workbook(figures) -> bytes:
    """The reward fund of one year (``selectors.year_detail``) as four sheets."""
    book = Book()
    name = f"QUỸ THI ĐUA, KHEN THƯỞNG NĂM {figures.year} — {figures.commune.name.upper()}"
    summary = book.sheet("Tổng hợp", [Column("Khoản", width=40), Column("Số tiền (đồng)", "money", width=20)],
                         heading=name)
    for label, value in [("Số dư đầu năm", figures.opening), ("Ngân sách cấp", figures.budget),
                         ("Ủng hộ, tài trợ", figures.donations), ("Tổng thu", figures.receipts),
                         ("Đã chi (quyết định đã ký)", figures.spending),
                         ("Cam kết (quyết định chờ ký)", figures.commitments), ("Số dư", figures.balance)]:
        summary.append([label, value], bold=label in ("Tổng thu", "Số dư"))
    _table(book, "Các khoản thu", f"CÁC KHOẢN THU — {name}",
           [Column("STT", "int", width=6), Column("Ngày", "date", width=12), Column("Nguồn", width=18),
            Column("Người, đơn vị ủng hộ", width=36), Column("Chứng từ", width=20), Column("Ghi chú", width=30),
            Column("Số tiền (đồng)", "money", width=18)],
           [[i, r.date, r.get_kind_display(), r.donor, r.reference, r.note, r.amount]
            for i, r in enumerate(figures.receipt_list, start=1)], money_index=6)
    _table(book, "Đã chi", f"ĐÃ CHI THEO QUYẾT ĐỊNH ĐÃ KÝ — {name}",
           [Column("STT", "int", width=6), Column("Số quyết định", width=18), Column("Ngày quyết định", "date", width=14),
            Column("Cơ quan ban hành", width=36), Column("Số khen thưởng", "int", width=12),
            Column("Tiền thưởng (đồng)", "money", width=18)],
           [[i, s.decision_number, s.decision_date, s.issuer_name, s.count, s.total]
            for i, s in enumerate(figures.spending_rows, start=1)], money_index=5)
    _table(book, "Cam kết", f"CAM KẾT: QUYẾT ĐỊNH ĐANG CHỜ KÝ — {name}",
           [Column("STT", "int", width=6), Column("Hồ sơ", width=50), Column("Ghi chú", width=30),
            Column("Số đề nghị được thông qua", "int", width=14), Column("Tiền thưởng dự kiến (đồng)", "money", width=18)],
           [[i, c.label, c.note, c.count, c.total] for i, c in enumerate(figures.commitment_rows, start=1)],
           money_index=4)
    return book.to_bytes()
