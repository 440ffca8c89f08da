"""Workbook builders for the import tests."""
from __future__ import annotations

import io

from openpyxl import Workbook

from thidua.exchange.importers import IMPORTERS


def workbook(kind: str, rows: list[dict], *, legacy_headers: bool = False) -> bytes:
    """An .xlsx in the template's layout: Vietnamese headers, then one row per dict."""
    columns = IMPORTERS[kind].columns
    wb = Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws.append([c.header for c in columns])
    for row in rows:
        ws.append([row.get(c.key, "") for c in columns])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


GIVEN = ["An", "Bình", "Chi", "Dung", "Giang", "Hà", "Khánh", "Lan", "Minh", "Ngọc", "Oanh", "Phúc", "Quân",
         "Sơn", "Thảo", "Uyên", "Vy", "Xuân", "Yến"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Hữu", "Thanh"]
SURNAME = ["Lò", "Quàng", "Cầm", "Vi", "Hứa", "Lục"]  # rare in the demo, so no accidental duplicates


def people_rows(n: int, *, unit: str = "Trường Mầm non Hồng Phong", start_id: int = 790_000_000_000) -> list[dict]:
    rows = []
    for i in range(n):
        name = f"{SURNAME[i % len(SURNAME)]} {MIDDLE[(i // 6) % len(MIDDLE)]} {GIVEN[(i // 48) % len(GIVEN)]} {i}"
        rows.append({"full_name": name, "gender": "Nữ" if i % 3 else "Nam",
                     "date_of_birth": f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1970 + i % 30}",
                     "citizen_id": str(start_id + i), "category": "Viên chức", "unit": unit,
                     "position": "Giáo viên", "start": "01/09/2020"})
    return rows
