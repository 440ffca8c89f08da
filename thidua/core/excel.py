"""The one Excel writer of every export, and the guarded reader of every uploaded workbook.

Writing (``Book``): every sheet has its title rows, one header row (bold, frozen, with an
autofilter over the data), then data rows. Each column says what it holds:

- ``text``: written as a string cell, always. A value that a spreadsheet would take for a
  formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return — the OWASP
  CSV-injection list) is stored with the string type *and* Excel's quote prefix, so it is
  shown as typed and never evaluated, not even after the cell is edited (issue #22, hole 6).
- ``int``, ``money``, ``number``: numbers (``#,##0`` — Excel and LibreOffice show the
  grouping of the reader's locale, ``3.450.000`` on a Vietnamese desktop); the unit belongs in
  the header ("Số tiền (đồng)", "Tỷ lệ (%)"), never in the cell.
- ``year``: a number without grouping (2025, not 2.025).
- ``date``: a date shown dd/mm/yyyy (an aware datetime is taken to Asia/Ho_Chi_Minh first).

Sheet names are shortened at a word boundary to Excel's 31 characters and made unique.

Reading (``read_rows``): an .xlsx is a zip; the sizes its members claim once uncompressed are
checked before any XML is parsed (a 200 KiB file can hold a 200 MiB shared string), then the
sheet is streamed (openpyxl read-only) with bounds on rows, columns, cells and cell length, so
a hostile workbook is refused with a Vietnamese message in a few milliseconds and a few
kilobytes of memory, before anything is stored (issue #22, hole 7).
"""
from __future__ import annotations

import datetime
import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.##"
YEAR_FORMAT = "0"
DATE_FORMAT = "dd/mm/yyyy"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
MAX_TEXT = 32_767          # Excel's limit for one cell
SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
HEAD_FILL = PatternFill("solid", fgColor="DDEBF7")
KINDS = {"text", "int", "money", "number", "year", "date"}


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"
    width: int | None = None
    wrap: bool = False

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def sheet_title(text: str, used: set[str] | None = None) -> str:
    """``text`` as an Excel sheet name: forbidden characters replaced, cut at a word boundary
    to 31 characters, and unique (case-insensitively) among ``used`` (which it extends)."""
    used = used if used is not None else set()
    base = re.sub(r"\s+", " ", _SHEET_FORBIDDEN.sub("-", str(text))).strip().strip("'") or "Trang"
    taken = {u.casefold() for u in used}
    candidate, n = _shorten(base, SHEET_NAME_MAX), 2
    while candidate.casefold() in taken:
        suffix = f" ({n})"
        candidate = _shorten(base, SHEET_NAME_MAX - len(suffix)) + suffix
        n += 1
    used.add(candidate)
    return candidate


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > limit // 3 else text[:limit]
    return cut.rstrip(" ,;:.-–—(") or text[:limit]


def _clean_text(value) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))[:MAX_TEXT]


def _local_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    return value


def _number(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class Sheet:
    def __init__(self, ws, columns: list[Column], *, heading: list[str], freeze_cols: int = 0):
        self.ws, self.columns = ws, columns
        for index, line in enumerate(heading, start=1):
            self._text(ws.cell(row=index, column=1), line).font = Font(bold=True, size=13 if index == 1 else 12)
        self.header_row = len(heading) + 2 if heading else 1
        for index, column in enumerate(columns, start=1):
            cell = self._text(ws.cell(row=self.header_row, column=index), column.header)
            cell.font, cell.fill = Font(bold=True), HEAD_FILL
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.freeze_panes = f"{get_column_letter(freeze_cols + 1)}{self.header_row + 1}"
        self.last_data_row = self.header_row
        self.next_row = self.header_row + 1
        self._widths = [len(c.header) for c in columns]

    @staticmethod
    def _text(cell, value):
        cell.value = _clean_text(value)
        cell.data_type = "s"  # never a formula, whatever the first character
        if looks_like_formula(cell.value):
            cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
        return cell

    def _write(self, cell, column: Column, value):
        if value is None or value == "":
            return cell
        if column.kind == "text" or isinstance(value, str):
            self._text(cell, value)
            if column.wrap:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        elif column.kind == "date":
            cell.value = _local_date(value)
            cell.number_format = DATE_FORMAT
        elif column.kind == "year":
            cell.value = int(value)
            cell.number_format = YEAR_FORMAT
        else:
            cell.value = _number(value)
            cell.number_format = INTEGER_FORMAT if isinstance(cell.value, int) else DECIMAL_FORMAT
        return cell

    def append(self, values, *, bold: bool = False, italic: bool = False, data: bool = True) -> int:
        """One row, values in column order; ``data=False`` for a total row below the filter."""
        row = self.next_row
        self.next_row += 1
        for index, (column, value) in enumerate(zip(self.columns, values)):
            cell = self._write(self.ws.cell(row=row, column=index + 1), column, value)
            if bold or italic:
                cell.font = Font(bold=bold, italic=italic)
            if cell.value is not None:
                shown = cell.value.strftime("dd/mm/yyyy") if isinstance(cell.value, datetime.date) else str(cell.value)
                self._widths[index] = max(self._widths[index], min(len(shown) + 2, 60))
        if data:
            self.last_data_row = row
        return row

    def note(self, text: str) -> None:
        self._text(self.ws.cell(row=self.next_row + 1, column=1), text).font = Font(italic=True)
        self.next_row += 2

    def finish(self) -> None:
        for index, column in enumerate(self.columns, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = column.width or max(8, self._widths[index - 1] + 2)
        last = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A{self.header_row}:{last}{max(self.last_data_row, self.header_row)}"


class Book:
    """``Book().sheet(title, columns, heading=[...])`` then ``.append(row)``; ``to_bytes()``."""

    def __init__(self):
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.sheets: list[Sheet] = []
        self._names: set[str] = set()

    def sheet(self, title: str, columns: list[Column], *, heading: list[str] | str = (),
              freeze_cols: int = 0) -> Sheet:
        heading = [heading] if isinstance(heading, str) else list(heading)
        sheet = Sheet(self.wb.create_sheet(sheet_title(title, self._names)), columns, heading=heading,
                      freeze_cols=freeze_cols)
        self.sheets.append(sheet)
        return sheet

    def to_bytes(self) -> bytes:
        if not self.sheets:
            self.sheet("Trang 1", [Column("")])
        for sheet in self.sheets:
            sheet.finish()
        buffer = io.BytesIO()
        self.wb.save(buffer)
        return buffer.getvalue()


def xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    ascii_name = filename.encode("ascii", "ignore").decode() or "bang.xlsx"
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
    return response


# --- reading uploads -------------------------------------------------------------------------

@dataclass(frozen=True)
class Limits:
    """Bounds on an uploaded workbook, checked before anything is parsed or stored."""
    file_bytes: int = 10 * 1024 * 1024          # the upload itself
    member_bytes: int = 48 * 1024 * 1024        # one worksheet's XML, uncompressed
    shared_strings_bytes: int = 16 * 1024 * 1024  # all shared strings, uncompressed (read whole)
    total_bytes: int = 160 * 1024 * 1024        # every member, uncompressed
    members: int = 200
    rows: int = 50_100                          # rows read (blank rows count: no skipping by row number)
    columns: int = 64                           # columns read per row (more are ignored)
    cells: int = 1_500_000                      # non-empty cells read
    cell_chars: int = 5_000                     # one cell's text (a paragraph of achievements)
    text_chars: int = 24_000_000                # all the text read (a shared string can be used many times)


DEFAULT_LIMITS = Limits()


class WorkbookRefused(ValidationError):
    """The workbook is unreadable or over a limit; the message says which, in Vietnamese."""


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def _n(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def check_archive(data: bytes, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse an .xlsx whose zip members would be too large once uncompressed (read from the
    zip directory: nothing is decompressed here)."""
    if len(data) > limits.file_bytes:
        raise WorkbookRefused(f"Tệp lớn quá {_mib(limits.file_bytes)}; hãy chia nhỏ.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookRefused("Không đọc được tệp: hãy dùng tệp Excel .xlsx (tải mẫu ở trang nhập).") from exc
    if len(members) > limits.members:
        raise WorkbookRefused(f"Tệp Excel có quá nhiều thành phần ({len(members)}); hãy lưu lại thành tệp mới.")
    total = 0
    for member in members:
        total += member.file_size
        name = member.filename.lower()
        bound = limits.shared_strings_bytes if name.endswith("sharedstrings.xml") else limits.member_bytes
        if member.file_size > bound:
            raise WorkbookRefused(
                f"Tệp Excel chứa phần “{member.filename}” lớn {_mib(member.file_size)} khi giải nén "
                f"(giới hạn {_mib(bound)}): có thể có ô chứa chữ quá dài. Hãy kiểm tra, chia nhỏ tệp.")
    if total > limits.total_bytes:
        raise WorkbookRefused(f"Tệp Excel lớn {_mib(total)} khi giải nén (giới hạn {_mib(limits.total_bytes)}); "
                              "hãy chia nhỏ.")


def open_workbook(data: bytes, limits: Limits = DEFAULT_LIMITS):
    """A read-only (streaming) openpyxl workbook, after ``check_archive``. Close it after use."""
    check_archive(data, limits)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 — openpyxl raises many kinds for a broken file
        raise WorkbookRefused("Không đọc được tệp: hãy dùng tệp Excel .xlsx (tải mẫu ở trang nhập).") from exc


def bounded_rows(ws, limits: Limits = DEFAULT_LIMITS):
    """(row number, values) of a read-only sheet, refusing the file past a limit."""
    cells = chars = 0
    declared = getattr(ws, "max_row", None)  # from the sheet's <dimension>, read without parsing rows
    if declared and declared > limits.rows:
        raise WorkbookRefused(f"Trang tính khai báo tới dòng {_n(declared)} (giới hạn {_n(limits.rows)} dòng): hãy xóa "
                              "các dòng thừa ở cuối trang, lưu lại rồi tải lên.")
    try:
        rows = ws.iter_rows(values_only=True, max_col=limits.columns)
        for number, values in enumerate(rows, start=1):
            if number > limits.rows:
                raise WorkbookRefused(f"Tệp có quá {_n(limits.rows)} dòng; hãy chia nhỏ.")
            for column, value in enumerate(values, start=1):
                if value is None:
                    continue
                cells += 1
                if isinstance(value, str):
                    chars += len(value)
                    if len(value) > limits.cell_chars:
                        raise WorkbookRefused(f"Ô {get_column_letter(column)}{number} dài {_n(len(value))} ký tự, "
                                              f"quá giới hạn {_n(limits.cell_chars)} ký tự; hãy sửa tệp.")
            if cells > limits.cells:
                raise WorkbookRefused(f"Tệp có quá {_n(limits.cells)} ô dữ liệu; hãy chia nhỏ.")
            if chars > limits.text_chars:
                raise WorkbookRefused(f"Tệp có quá {_n(limits.text_chars)} ký tự chữ; hãy chia nhỏ.")
            yield number, values
    except WorkbookRefused:
        raise
    except Exception as exc:  # noqa: BLE001 — malformed XML inside a valid zip
        raise WorkbookRefused("Không đọc được nội dung tệp Excel: hãy lưu lại bằng Excel rồi tải lên.") from exc
