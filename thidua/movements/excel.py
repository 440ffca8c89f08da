"""Tables of the movements app to Excel, through the shared writer (``thidua.core.excel``)."""
from __future__ import annotations

from django.http import HttpResponse

from thidua.core.excel import Book, Column, xlsx_response

__all__ = ["Column", "table_response"]


def table_response(*, filename: str, sheet: str, title: str, columns: list[Column], rows) -> HttpResponse:
    book = Book()
    ws = book.sheet(sheet, columns, heading=title)
    for row in rows:
        ws.append(row)
    return xlsx_response(book.to_bytes(), filename)
