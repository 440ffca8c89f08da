"""A built report as DOCX (through the "report" docxtpl template) and as an Excel workbook."""
from __future__ import annotations

import re

from thidua.core.excel import Book, Column
from thidua.core.text import format_vnd

from .. import docxbuild as b
from .. import engine
from ..fmt import date_line, number_line
from ..models import TemplateKind
from .builder import Block, ReportDocument
from .statistics import Measure, StatTable


def _cell_value(value, money: bool) -> str:
    if isinstance(value, int):
        return format_vnd(value, suffix="") if money or value >= 1000 else str(value)
    return str(value)


def _table(doc, table: StatTable) -> None:
    b.para(doc, table.title, align=b.CENTER, bold=True, size=13, before=6, after=4, keep_next=True)
    n = len(table.headers)
    widths = {1: [3.0], 2: [5.2, 2.3], 3: [4.0, 2.2, 3.6]}.get(table.label_cols, [3.0] * table.label_cols)
    rest = (b.TEXT_WIDTH_CM - sum(widths)) / max(n - table.label_cols, 1)
    widths += [rest] * (n - table.label_cols)
    if table.money_cols:  # the money column needs room for "3.450.000.000"
        extra = 1.2
        widths = [w - extra / (n - 1) for w in widths[:-1]] + [widths[-1] + extra]
    size = 11 if n <= 8 else 9.5
    t = b.table(doc, len(table.rows) + 1, widths, borders=True)
    for cell, head in zip(t.rows[0].cells, table.headers):
        b.cell_text(cell, head, align=b.CENTER, bold=True, size=size)
    b.repeat_header(t.rows[0])
    for row, data in zip(t.rows[1:], table.rows):
        for index, (cell, value) in enumerate(zip(row.cells, data.cells)):
            is_label = index < table.label_cols
            b.cell_text(cell, _cell_value(value, index in table.money_cols),
                        align=b.LEFT if is_label else b.RIGHT, bold=data.style in ("group", "total"),
                        italic=data.style == "group", size=size)
    if table.note:
        b.para(doc, table.note, italic=True, size=11, before=3, after=6)
    else:
        b.para(doc, "", after=6)


def body_document(report: ReportDocument):
    doc = b.new_document()
    for block in report.blocks:
        _block(doc, block)
    return doc


def _block(doc, block: Block) -> None:
    if block.kind == "part":
        b.para(doc, block.text, align=b.CENTER, bold=True, size=14, before=12, keep_next=True)
    elif block.kind == "title":
        b.para(doc, block.text, align=b.CENTER, bold=True, size=14, after=12, keep_next=True)
    elif block.kind == "h1":
        b.para(doc, block.text, bold=True, size=14, before=8, after=4, indent_cm=1.0, keep_next=True)
    elif block.kind == "h2":
        b.para(doc, block.text, bold=True, size=14, before=4, after=4, indent_cm=1.0, keep_next=True)
    elif block.kind == "table":
        _table(doc, block.table)
    else:
        p = b.para(doc, "", indent_cm=1.0, after=6, line_spacing=1.15)
        if block.lead:
            b.run(p, block.lead, bold=True, italic=block.kind == "h3")
        if block.text:
            b.run(p, block.text, italic=block.kind == "missing")


def report_context(report: ReportDocument) -> dict:
    return {
        "issuer": report.issuer, "number_line": number_line(report.number),
        "date_line": date_line(report.place, report.date), "doc_title": "BÁO CÁO", "title": "",
        "title_lines": report.title_lines, "body": b.body_xml(body_document(report)),
        "closing": report.closing, "recipients": report.recipients, "signer": report.signer,
    }


def render_report_docx(report: ReportDocument) -> bytes:
    return engine.render_docx(TemplateKind.REPORT, report_context(report))


# --- Excel ------------------------------------------------------------------------------------

SHEET_NAMES = {"by_year": "Theo năm", "by_type": "Danh hiệu theo năm", "by_level": "Theo cấp ban hành",
               "by_type_level": "Danh hiệu theo cấp", "movements": "Kết quả phong trào"}
YEAR = re.compile(r"(19|20)\d\d")


def _columns(table: StatTable) -> list[Column]:
    columns = []
    for index, header in enumerate(table.headers):
        if index == table.measure_col:
            columns += [Column("So sánh", width=12), Column("Giá trị", "number", width=16),
                        Column("Đơn vị tính", width=12), Column("Ghi chú", width=40, wrap=True)]
        elif index < table.label_cols:
            is_year = header == "Năm"
            columns.append(Column(header, "year" if is_year else "text", width=8 if is_year else 34 if index == 0 else 16))
        else:
            columns.append(Column(header, "money" if index in table.money_cols else "int",
                                  width=20 if index in table.money_cols else 12))
    return columns


def _excel_cells(table: StatTable, cells: list) -> list:
    out = []
    for index, value in enumerate(cells):
        if index == table.measure_col:
            if isinstance(value, Measure):
                out += [value.comparator, value.value, value.unit, ""]
            else:
                out += ["", None, "", value]
        elif isinstance(value, str) and YEAR.fullmatch(value):
            out.append(int(value))
        else:
            out.append(value)
    return out


def render_report_xlsx(report: ReportDocument) -> bytes:
    from .labels import KIND_LABEL, LEVEL_LABEL

    book = Book()
    heading = f"{' '.join(report.title_lines)} — {report.commune.issuer_name}"
    for table in report.tables:
        sheet = book.sheet(SHEET_NAMES.get(table.key, table.title.split(".", 1)[-1]), _columns(table),
                           heading=[heading, table.title], freeze_cols=table.label_cols)
        for row in table.rows:
            sheet.append(_excel_cells(table, row.cells), bold=bool(row.style), italic=row.style == "group",
                         data=row.style != "total")
        if table.note:
            sheet.note(table.note)
    detail = book.sheet("Chi tiết", [Column("Năm", "year", width=8), Column("Mã danh hiệu, hình thức", width=26),
                                     Column("Danh hiệu, hình thức", width=52), Column("Đối tượng", width=14),
                                     Column("Cấp ban hành", width=16), Column("Số lượt", "int", width=10)])
    if report.stats is not None:
        for fact, n in sorted(report.stats.counts.items(), key=lambda kv: (kv[0].year, kv[0].code, kv[0].subject_kind)):
            t = report.stats.types.get(fact.code)
            detail.append([fact.year, fact.code, t.name if t else fact.code, KIND_LABEL[fact.subject_kind],
                           LEVEL_LABEL[fact.level], n])
    return book.to_bytes()
