"""Hostile uploads of issue #22 (hole 7), built on demand: small .xlsx files that would be
huge once read. The tests of the import limits and the security-load benchmark
(``manage.py benchmark --security-load``) upload them; nothing here is used by the pages."""
from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook

from .importers import IMPORTERS

MIB = 1024 * 1024
PLACEHOLDER = "CHỖ-THAY-THẾ"
_PLACEHOLDER_XML = '<c r="A2" t="inlineStr"><is><t>CH&#7894;-THAY-TH&#7870;</t></is></c>'
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"


def people_book(rows: list[list]) -> bytes:
    """An ordinary workbook in the people template's layout (header row, then ``rows``)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    ws.append([c.header for c in IMPORTERS["people"].columns])
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _stream(member, size: int) -> None:
    chunk = b"A" * min(size, MIB)
    for _ in range(max(size // MIB, 1)):
        member.write(chunk)


def shared_string_bomb(size: int = 200 * MIB) -> bytes:
    """A valid workbook whose cell A2 is one shared string of ``size`` bytes (200 MiB deflate
    to about 200 KiB), streamed in 1 MiB chunks."""
    source = zipfile.ZipFile(io.BytesIO(people_book([[PLACEHOLDER, "Nam"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename).decode()
            if info.filename == "xl/worksheets/sheet1.xml":
                assert _PLACEHOLDER_XML in data
                data = data.replace(_PLACEHOLDER_XML, '<c r="A2" t="s"><v>0</v></c>')
            elif info.filename == "[Content_Types].xml":
                data = data.replace("</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_SST_TYPE}"/>'
                                                "</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>",
                                    f'<Relationship Type="{_SST_REL}" Target="sharedStrings.xml" Id="rId99"/>'
                                    "</Relationships>")
            target.writestr(info.filename, data)
        with target.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
                         b'uniqueCount="1"><si><t>')
            _stream(member, size)
            member.write(b"</t></si></sst>")
    return out.getvalue()


def sheet_bomb(size: int = 200 * MIB) -> bytes:
    """A valid workbook whose cell A2 holds ``size`` bytes inline, in the worksheet itself."""
    source = zipfile.ZipFile(io.BytesIO(people_book([[PLACEHOLDER, "Nam"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info.filename, data)
                continue
            head, tail = data.decode().split(_PLACEHOLDER_XML)
            with target.open(info.filename, "w", force_zip64=True) as member:
                member.write((head + '<c r="A2" t="inlineStr"><is><t>').encode())
                _stream(member, size)
                member.write(("</t></is></c>" + tail).encode())
    return out.getvalue()


def far_row_workbook() -> bytes:
    """A header row, then one cell at the sheet's last row and column (XFD1048576)."""
    wb = Workbook()
    ws = wb.active
    ws.append([c.header for c in IMPORTERS["people"].columns])
    ws.cell(row=1_048_576, column=16_384, value="cuối")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
