"""The certificate (giấy khen, bằng khen, danh hiệu) as a DOCX, laid out from the same printed
texts as its PDF (``render.certificate_context``): A4 landscape inside a double frame, the
national name and motto, the issuing authority, "TẶNG" / "CÔNG NHẬN DANH HIỆU", the award's
name, the recipient and the achievement; at the foot the QR code of the public verification
page with its address, the decision's number, and the place and date over the signer's
capacity and name.

A certificate is not an ND 30/2020 administrative document in layout (no number-and-date
header, no "Nơi nhận", landscape): it borrows the official fonts and sizes where they apply
(Times New Roman; national name 13 pt and motto 14 pt bold; place and date in italics; the
signer's capacity in bold capitals) and otherwise follows the customary commendation layout.
"""
from __future__ import annotations

import io

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor

from . import docxbuild as b

MARGIN_MM = 15
TEXT_WIDTH_CM = (297 - 2 * MARGIN_MM) / 10  # 26.7 cm
FOOT_WIDTHS_CM = [9.4, 6.3, 11.0]
RED, BLUE = RGBColor(0xC0, 0x00, 0x00), RGBColor(0x00, 0x30, 0x7A)
GOLD = "B8860B"


def _page_border(section) -> None:
    """A gold double frame around the page (like the PDF's)."""
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        for key, value in (("w:val", "double"), ("w:sz", "18"), ("w:space", "24"), ("w:color", GOLD)):
            el.set(qn(key), value)
        borders.append(el)
    sectpr = section._sectPr
    # Schema order: pgBorders comes right after pgMar.
    margins = sectpr.find(qn("w:pgMar"))
    if margins is not None:
        margins.addnext(borders)
    else:
        sectpr.append(borders)


def _line(container, text: str, *, size: float, bold=False, italic=False, color=None, before=0, after=0,
          align=b.CENTER):
    p = b.para(container, text, align=align, bold=bold, italic=italic, size=size, before=before, after=after)
    if color is not None:
        for r in p.runs:
            r.font.color.rgb = color
    return p


def _properties(document, context: dict) -> None:
    props = document.core_properties
    props.title = f"{context['award_name']} — {context['recipient']}"[:255]
    props.author = " ".join(context["authority_lines"])[:255]
    props.last_modified_by = props.author
    props.language = "vi-VN"
    props.comments = ""


def build_certificate(context: dict, qr_png: bytes) -> bytes:
    """DOCX bytes of the certificate described by ``context`` (``render.certificate_context``),
    with ``qr_png`` as the verification QR code."""
    doc = b.new_document(landscape=True)
    section = doc.sections[0]
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(MARGIN_MM))
    _page_border(section)

    _line(doc, context["national_name"], size=13, bold=True)
    _line(doc, context["national_motto"], size=14, bold=True)
    b.rule(doc, width_cm=5.5, cell_width_cm=TEXT_WIDTH_CM)
    for i, line in enumerate(context["authority_lines"]):
        _line(doc, line, size=15, bold=True, before=6 if i == 0 else 0)
    _line(doc, context["verb"], size=15, bold=True, before=8)
    _line(doc, context["award_name"], size=26 if context["long_name"] else 40, bold=True, color=RED, before=2,
          after=4)
    _line(doc, context["recipient"], size=24, bold=True, italic=True, color=BLUE)
    if context["recipient_detail"]:
        _line(doc, context["recipient_detail"], size=15, before=4)
    if context["achievement"]:
        p = _line(doc, context["achievement"], size=15, italic=True, before=8)
        p.paragraph_format.left_indent = p.paragraph_format.right_indent = Mm(20)
    if context["revoked_mark"]:
        _line(doc, context["revoked_mark"], size=20, bold=True, color=RED, before=6)

    b.para(doc, "", after=24)
    t = b.table(doc, 1, FOOT_WIDTHS_CM, borders=False)
    qr_cell, number_cell, signer_cell = t.rows[0].cells
    for cell in t.rows[0].cells:
        b.clear_cell(cell)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    picture = b.para(qr_cell, "", align=b.LEFT)
    picture.add_run().add_picture(io.BytesIO(qr_png), width=Mm(30), height=Mm(30))
    drawing = picture._p.find(".//" + qn("wp:docPr"))
    if drawing is not None:  # the image's text alternative, as the PDF's <img alt>
        drawing.set("descr", context["qr_alt"])
        drawing.set("title", context["qr_alt"])
    _line(qr_cell, context["verification_note"], size=8.5, align=b.LEFT)
    _line(qr_cell, context["verification_url"], size=8.5, align=b.LEFT)
    if context["number_line"]:
        _line(number_cell, context["number_line"], size=13)
    _line(signer_cell, context["date_line"], size=14, italic=True, after=3)
    for line in context["signer"].lines:
        _line(signer_cell, line, size=14, bold=True)
    for _ in range(4):
        b.para(signer_cell, "", align=b.CENTER)
    _line(signer_cell, context["signer"].name, size=14, bold=True)

    _properties(doc, context)
    return b.to_bytes(doc)
