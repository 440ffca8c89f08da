"""python-docx helpers for the official format: A4, margins 20/20/30/15 mm, Times New Roman
14 pt (LibreOffice renders it with the metric-compatible Liberation Serif), direct formatting
only (so that the XML works inside any uploaded template, whatever its styles)."""
from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from lxml import etree
from markupsafe import Markup

FONT = "Times New Roman"
BODY_PT = 14
CENTER, LEFT, RIGHT, JUSTIFY = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY)
TEXT_WIDTH_CM = 16.5  # 210 mm - 30 mm - 15 mm


def _set_fonts(rpr) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def new_document(*, landscape: bool = False) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    _set_fonts(normal.element.get_or_add_rPr())
    pf = normal.paragraph_format
    pf.space_before, pf.space_after, pf.line_spacing = Pt(0), Pt(0), 1.0
    # Document defaults too, so that nothing falls back to the theme fonts (Calibri, Cambria).
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            _set_fonts(rpr)
    _page_numbers(section)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)
    return doc


def _page_numbers(section) -> None:
    """Page number centred at the top, in Arabic figures, not on the first page
    (ND 30/2020, Phụ lục I, mục I.7)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.paragraph_format.alignment = CENTER
    r = p.add_run()
    r.font.size = Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        r._r.append(el)


def para(container, text: str = "", *, align=JUSTIFY, bold=False, italic=False, size: float | None = None,
         indent_cm: float | None = None, before: float = 0, after: float = 0, upper=False,
         keep_next=False, line_spacing: float | None = None):
    """A paragraph with one run (or none when text is empty)."""
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if line_spacing:
        fmt.line_spacing = line_spacing
    if indent_cm:
        fmt.first_line_indent = Cm(indent_cm)
    if keep_next:
        fmt.keep_with_next = True
    if text:
        run(p, text.upper() if upper else text, bold=bold, italic=italic, size=size)
    elif size:
        p.paragraph_format.line_spacing = Pt(size)
    return p


def run(paragraph, text: str, *, bold=False, italic=False, size: float | None = None, underline=False):
    r = paragraph.add_run(text)
    r.bold, r.italic = bold or None, italic or None
    if underline:
        r.underline = True
    if size:
        r.font.size = Pt(size)
    return r


def rule(container, *, width_cm: float, cell_width_cm: float) -> None:
    """A short centred line (under the issuer, the motto, the title): an empty paragraph whose
    bottom border spans its indented width."""
    p = container.add_paragraph()
    side = max((cell_width_cm - width_cm) / 2, 0)
    p.paragraph_format.left_indent = Cm(side)
    p.paragraph_format.right_indent = Cm(side)
    p.paragraph_format.space_before = Pt(0)
    p.paragraph_format.space_after = Pt(6)
    p.paragraph_format.line_spacing = Pt(7)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)


def page_break(container) -> None:
    p = container.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)


def clear_cell(cell) -> None:
    for p in list(cell.paragraphs):
        p._p.getparent().remove(p._p)


def table(container, rows: int, widths_cm: list[float], *, borders: bool):
    t = container.add_table(rows=rows, cols=len(widths_cm))
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    tblpr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    if borders:
        tbl_borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{side}")
            for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
                el.set(qn(key), value)
            tbl_borders.append(el)
        tblpr.append(tbl_borders)
    for row in t.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)
    grid = t._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    return t


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def keep_on_one_page(row) -> None:
    """A row that never breaks across pages (``w:cantSplit``), its paragraphs kept with the
    next and together: a signature block — authority lines, the gap, the name, and "Nơi
    nhận" beside them — stays on one page, as it does in the PDF."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    for cell in row.cells:
        for p in cell.paragraphs:
            p.paragraph_format.keep_together = True
            p.paragraph_format.keep_with_next = p is not cell.paragraphs[-1] or None


def cell_text(cell, text: str, *, align=LEFT, bold=False, italic=False, size: float = 12) -> None:
    clear_cell(cell)
    para(cell, text, align=align, bold=bold, italic=italic, size=size, before=2, after=2)


def to_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def body_xml(doc) -> Markup:
    """The body of a python-docx document as WordprocessingML, to drop into a template with
    ``{{p body }}`` (docxtpl, autoescape on)."""
    parts = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:sectPr"):
            continue
        parts.append(etree.tostring(child, encoding="unicode"))
    return Markup("".join(parts))
