"""Tables of the movements app to Excel, through the shared writer (``thidua.core.excel``)."""
from __future__ import annotations

from django.http import HttpResponse

from thidua.core.excel import Book, Column, xlsx_response

from . import selectors
from .titles import title_label

__all__ = ["Column", "movements_workbook", "ranking_workbook", "registrations_workbook", "table_response"]


def table_response(*, filename: str, sheet: str, title: str, columns: list[Column], rows) -> HttpResponse:
    book = Book()
    ws = book.sheet(sheet, columns, heading=title)
    for row in rows:
        ws.append(row)
    return xlsx_response(book.to_bytes(), filename)


def movements_workbook(*, user, year: int) -> HttpResponse:
    """The year's movements, a row for each result (or one row for a movement without any)."""
    rows = []
    for m in selectors.visible_movements(user, year=year).prefetch_related("results__organisation"):
        results = list(m.results.all()) or [None]
        for r in results:
            measured = r is not None and r.value is not None
            rows.append([m.name, m.get_level_display(), m.launched_by, m.get_kind_display(), m.theme,
                         m.get_state_display(), m.step_date, r.indicator if r else "",
                         r.get_comparator_display() if measured and r.comparator != r.Comparator.EQUAL else "",
                         r.value if measured else None, r.unit if measured else "",
                         str(r.organisation or "") if r else "", r.period if r else ""])
    return table_response(filename=f"phong-trao-{year}.xlsx", sheet=f"Phong trào {year}",
                          title=f"Phong trào thi đua và kết quả năm {year}",
                          columns=[Column("Phong trào", width=40), Column("Cấp phát động"), Column("Người phát động"),
                                   Column("Loại"), Column("Chủ đề", width=30), Column("Trạng thái"),
                                   Column("Ngày của bước", "date"), Column("Chỉ tiêu, kết quả", width=40),
                                   Column("So sánh"), Column("Giá trị", "number"), Column("Đơn vị tính"),
                                   Column("Đơn vị đạt", width=30), Column("Thời kỳ")],
                          rows=rows)


def registrations_workbook(*, user, year: int) -> HttpResponse:
    """Who registered for the year and who did not, with the "100 %" figure in the title."""
    coverage = selectors.registration_coverage(user=user, year=year)
    rows = [[i, r["unit"].name, ", ".join(r["blocks"]),
             title_label(r["registration"].title) if r["registration"] else "Chưa đăng ký",
             r["registration"].registered_on if r["registration"] else None, r["individuals"], r["reminders"]]
            for i, r in enumerate(coverage["rows"], start=1)]
    percent = f"{coverage['percent']}".replace(".", ",") if coverage["percent"] is not None else "—"
    return table_response(filename=f"dang-ky-thi-dua-{year}.xlsx", sheet=f"Đăng ký {year}",
                          title=f"Đăng ký thi đua năm {year}: {coverage['registered']}/{coverage['expected']} đơn vị "
                                f"({percent} %)",
                          columns=[Column("STT", "int"), Column("Đơn vị", width=36), Column("Khối thi đua", width=30),
                                   Column("Danh hiệu tập thể đăng ký", width=30), Column("Ngày đăng ký", "date"),
                                   Column("Số cá nhân đăng ký", "int"), Column("Số lần nhắc", "int")], rows=rows)


def ranking_workbook(*, user, year: int) -> HttpResponse:
    """Each block's ranking of the year."""
    rows = []
    for b in selectors.block_rankings(user=user, year=year):
        for e in b["entries"]:
            rows.append([b["block"].name, e["rank"], e["unit"].name, e["regular"], e["bonus"], e["penalty"], e["total"],
                         e["band"].get_code_display() if e["band"] else "",
                         e["scorecard"].get_state_display() if e["scorecard"] else "Chưa chấm",
                         e["version"]])
    return table_response(filename=f"xep-hang-thi-dua-{year}.xlsx", sheet=f"Xếp hạng {year}",
                          title=f"Kết quả chấm điểm, xếp hạng thi đua các khối năm {year}",
                          columns=[Column("Khối thi đua", width=30), Column("Hạng", "int"), Column("Đơn vị", width=36),
                                   Column("Điểm tiêu chí", "number"), Column("Điểm thưởng", "number"),
                                   Column("Điểm trừ", "number"), Column("Tổng điểm", "number"), Column("Xếp loại"),
                                   Column("Trạng thái"), Column("Phiên bản tiêu chí", "int")], rows=rows)
