"""Tables to Excel (openpyxl): Vietnamese headers, dates dd/mm/yyyy, one sheet."""
from __future__ import annotations

import datetime
import io
from decimal import Decimal
from urllib.parse import quote

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(*, filename: str, sheet: str, title: str, headers: list[str], rows) -> HttpResponse:
    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append(headers)
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEF1F5")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(h) for h in headers]
    for row in rows:
        values = [float(v) if isinstance(v, Decimal) else v for v in row]
        ws.append(values)
        for i, value in enumerate(values):
            cell = ws.cell(row=ws.max_row, column=i + 1)
            if isinstance(value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, float):
                cell.number_format = "#,##0.##"
            widths[i] = max(widths[i], min(len(str(value if value is not None else "")), 60))
    for i, width in enumerate(widths):
        ws.column_dimensions[ws.cell(row=3, column=i + 1).column_letter].width = width + 2
    ws.freeze_panes = "A4"
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    ascii_name = filename.encode("ascii", "ignore").decode() or "bang.xlsx"
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return response
