"""Excel exports (openpyxl) with Vietnamese headers."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

STATUS = {"eligible": "Đủ điều kiện", "one_short": "Thiếu một điều kiện", "others": "Chưa đủ điều kiện"}


def candidates_workbook(lists, *, year: int, scope_name: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = f"Đủ điều kiện {year}"
    ws.append([f"DANH SÁCH XÉT KHEN THƯỞNG NĂM {year} — {scope_name}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    headers = ["Danh hiệu/hình thức", "Kết quả", "Đối tượng", "Loại", "Đơn vị", "Số tiền (đồng)",
               "Điều kiện chưa đạt", "Căn cứ"]
    ws.append(headers)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    kinds = {"individual": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình"}
    for tl in lists:
        for status in ("eligible", "one_short", "others"):
            for c in getattr(tl, status):
                failed = c.failed
                ws.append([tl.label, STATUS[status], str(c.subject), kinds[c.kind], c.unit,
                           c.verdict.amount_vnd if status == "eligible" else None,
                           "; ".join(f"{f.rule} ({f.detail})" for f in failed),
                           "; ".join(sorted({f.article for f in failed}))])
    for idx, width in enumerate([30, 20, 28, 12, 32, 16, 80, 40], start=1):
        ws.column_dimensions[get_column_letter(idx)].width = width
    for row in ws.iter_rows(min_row=4):
        row[6].alignment = Alignment(wrap_text=True, vertical="top")
        row[5].number_format = "#,##0"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
