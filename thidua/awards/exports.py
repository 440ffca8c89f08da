"""Excel exports of the awards app (through the shared writer ``thidua.core.excel``): the
candidate lists and the award ledger."""
from __future__ import annotations

from thidua.core.excel import Book, Column

STATUS = {"eligible": "Đủ điều kiện", "one_short": "Thiếu một điều kiện", "others": "Chưa đủ điều kiện"}
KINDS = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}

CANDIDATE_COLUMNS = [
    Column("Danh hiệu/hình thức", width=30), Column("Kết quả", width=20), Column("Đối tượng", width=28),
    Column("Loại", width=12), Column("Đơn vị", width=32), Column("Số tiền (đồng)", "money", width=16),
    Column("Điều kiện chưa đạt", width=80, wrap=True), Column("Căn cứ", width=40, wrap=True),
]


def candidates_workbook(lists, *, year: int, scope_name: str) -> bytes:
    book = Book()
    sheet = book.sheet(f"Đủ điều kiện {year}", CANDIDATE_COLUMNS,
                       heading=f"DANH SÁCH XÉT KHEN THƯỞNG NĂM {year} — {scope_name}")
    for tl in lists:
        for status in ("eligible", "one_short", "others"):
            for c in getattr(tl, status):
                failed = c.failed
                sheet.append([tl.label, STATUS[status], str(c.subject), KINDS[c.kind], c.unit,
                              c.verdict.amount_vnd if status == "eligible" else None,
                              "; ".join(f"{f.rule} ({f.detail})" for f in failed),
                              "; ".join(sorted({f.article for f in failed}))])
    return book.to_bytes()


LEDGER_COLUMNS = [
    Column("STT", "int", width=6), Column("Năm", "year", width=8), Column("Năm học, giai đoạn", width=14),
    Column("Đối tượng", width=30), Column("Loại", width=12),
    Column("Mã danh hiệu, hình thức", width=22), Column("Danh hiệu, hình thức", width=36),
    Column("Số quyết định", width=16), Column("Ngày quyết định", "date", width=14),
    Column("Cơ quan ban hành", width=30), Column("Tiền thưởng (đồng)", "money", width=16),
    Column("Đã thu hồi", width=10), Column("Thành tích", width=50, wrap=True),
]


def ledger_workbook(awards, *, scope_name: str, year: int | None = None) -> bytes:
    """The award ledger as read by ``selectors.ledger_listing`` (already scoped)."""
    book = Book()
    period = f" NĂM {year}" if year else ""
    sheet = book.sheet(f"Sổ khen thưởng{' ' + str(year) if year else ''}", LEDGER_COLUMNS,
                       heading=[f"SỔ KHEN THƯỞNG{period}", scope_name])
    for index, a in enumerate(awards, start=1):
        kind = "Cá nhân" if a.person_id else ("Hộ gia đình" if a.household_id else "Tập thể")
        sheet.append([index, a.year, a.period_label or "", str(a.subject), kind, a.award_type.code,
                      a.award_type.name, a.decision_number, a.decision_date, a.issuer_name, a.amount,
                      "Có" if a.revoked else "", a.achievement])
    return book.to_bytes()
