"""A built report as DOCX (through the "report" docxtpl template) and as an Excel workbook."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from thidua.core.text import format_vnd

from .. import docxbuild as b
from .. import engine
from ..fmt import date_line, number_line
from ..models import TemplateKind
from .builder import Block, ReportDocument
from .statistics import StatTable


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

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
NUMBER_FORMAT = "#,##0"


def _sheet_title(text: str, used: set[str]) -> str:
    title = text.split(".", 1)[-1].strip()[:28] or "Bảng"
    for ch in "[]:*?/\\":
        title = title.replace(ch, "-")
    candidate, n = title, 2
    while candidate in used:
        candidate = f"{title[:25]} {n}"
        n += 1
    used.add(candidate)
    return candidate


def _write_table(ws, table: StatTable, heading: str) -> None:
    ws.append([heading])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([table.title])
    ws["A2"].font = Font(bold=True, size=12)
    ws.append([])
    ws.append(table.headers)
    for cell in ws[4]:
        cell.font, cell.fill, cell.border = Font(bold=True), HEAD_FILL, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in table.rows:
        ws.append([c if isinstance(c, int) or c == "" else str(c) for c in row.cells])
        for index, cell in enumerate(ws[ws.max_row]):
            cell.border = BOX
            if row.style:
                cell.font = Font(bold=True, italic=row.style == "group")
            if index >= table.label_cols:
                cell.number_format = NUMBER_FORMAT
                cell.alignment = Alignment(horizontal="right")
    if table.note:
        ws.append([])
        ws.append([table.note])
        ws.cell(ws.max_row, 1).font = Font(italic=True)
    for index, header in enumerate(table.headers, start=1):
        width = 34 if index <= table.label_cols and index == 1 else 16 if index <= table.label_cols else 12
        if index - 1 in table.money_cols:
            width = 20
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = ws.cell(5, table.label_cols + 1)


def render_report_xlsx(report: ReportDocument) -> bytes:
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    heading = f"{' '.join(report.title_lines)} — UBND {report.commune.name}"
    for table in report.tables:
        _write_table(wb.create_sheet(_sheet_title(table.title, used)), table, heading)
    ws = wb.create_sheet("Chi tiết")
    ws.append(["Năm", "Mã danh hiệu, hình thức", "Danh hiệu, hình thức", "Đối tượng", "Cấp ban hành", "Số lượt"])
    for cell in ws[1]:
        cell.font, cell.fill, cell.border = Font(bold=True), HEAD_FILL, BOX
    if report.stats is not None:
        from .labels import KIND_LABEL, LEVEL_LABEL

        for fact, n in sorted(report.stats.counts.items(), key=lambda kv: (kv[0].year, kv[0].code, kv[0].subject_kind)):
            t = report.stats.types.get(fact.code)
            ws.append([fact.year, fact.code, t.name if t else fact.code, KIND_LABEL[fact.subject_kind],
                       LEVEL_LABEL[fact.level], n])
            ws.cell(ws.max_row, 6).number_format = NUMBER_FORMAT
    for index, width in enumerate([8, 26, 52, 14, 16, 10], start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.auto_filter.ref = f"A1:F{ws.max_row}"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
