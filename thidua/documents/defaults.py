"""The built-in docxtpl templates, generated with python-docx at first use.

Every template shares the official frame (ND 30/2020): issuer and national motto, number
and place-date line, title, body, "Nơi nhận" and the signature block. Jinja tags sit each in
a run of its own, so docxtpl renders them as written. The administrator downloads one of
these, edits it in Word or LibreOffice and uploads it back (``DocumentTemplate``); the
variables each kind receives are listed in ``VARIABLES``.
"""
from __future__ import annotations

import functools

from . import docxbuild as b
from .models import TemplateKind

LEFT_W, RIGHT_W = 6.3, 10.2

COMMON_VARIABLES = [
    ("issuer.superior_lines", "Cơ quan chủ quản (chữ in hoa, không đậm), mỗi dòng một phần tử"),
    ("issuer.name_lines", "Cơ quan ban hành (chữ in hoa, đậm)"),
    ("number_line", "“Số: 123/QĐ-UBND”"),
    ("date_line", "“Nam Thanh Miện, ngày 15 tháng 12 năm 2025”"),
    ("doc_title", "Tên loại văn bản: QUYẾT ĐỊNH, TỜ TRÌNH…"),
    ("title", "Trích yếu: “Về việc …”"),
    ("body", "Các đoạn nội dung; mỗi đoạn có p.lead (số điều, mục — in đậm) và p.rest"),
    ("signer.lines", "Thẩm quyền ký: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"),
    ("signer.name", "Họ tên người ký"),
    ("recipients", "Nơi nhận, mỗi dòng một phần tử"),
]
LINE_VARIABLES = [
    ("list_subtitle", "Tiêu đề danh sách kèm theo"),
    ("list_note", "“(Kèm theo Quyết định/Tờ trình số … ngày … của …)”"),
    ("heads", "Tiêu đề cột của danh sách: heads.name, heads.detail, heads.award"),
    ("lines", "Danh sách: line.name, line.position_unit, line.title_or_form, line.amount_text"),
    ("with_amount", "Có dòng nào ghi số tiền không (không có: bỏ cột tiền, tổng cộng và dòng bằng chữ)"),
    ("total_text", "Tổng số tiền bằng số"),
    ("total_in_words", "Tổng số tiền bằng chữ"),
]
VARIABLES = {
    TemplateKind.DECISION: COMMON_VARIABLES + [("authority", "Thẩm quyền ban hành"),
                                               ("marking", "“DỰ THẢO” / “BẢN TÁI TẠO TỪ SỔ KHEN THƯỞNG” (trống trên bản gốc)"),
                                               ("legal_bases", "Các căn cứ")]
    + LINE_VARIABLES,
    TemplateKind.SUBMISSION: COMMON_VARIABLES + [("addressee", "Kính gửi")] + LINE_VARIABLES,
    TemplateKind.MINUTES: COMMON_VARIABLES + [
        ("ballots", "Kết quả bỏ phiếu: b.name, b.position_unit, b.proposed, b.approvals, b.percent_text, b.result"),
        ("closing", "Các đoạn kết thúc"), ("chair_signature", "Chủ trì ký"), ("secretary_signature", "Thư ký ký")],
    TemplateKind.INVITATION: COMMON_VARIABLES + [("greeting", "“Ủy ban nhân dân xã … trân trọng kính mời:”"),
                                                 ("invitees", "Người được mời"),
                                                 ("details", "Nội dung, thời gian, địa điểm: d.label, d.value")],
    TemplateKind.ACHIEVEMENT: COMMON_VARIABLES + [
        ("profile", "Sơ lược lý lịch: các cặp (nhãn, giá trị)"), ("duties", "Chức năng, nhiệm vụ"),
        ("achievements", "Thành tích"), ("ratings", "Xếp loại: r.year, r.rating"),
        ("initiatives", "Sáng kiến: i.year, i.title, i.recognition"),
        ("titles", "Danh hiệu: a.year, a.name, a.decision"), ("forms", "Hình thức khen thưởng: a.year, a.name, a.decision"),
        ("head_title", "Chức danh thủ trưởng xác nhận"), ("head_name", "Họ tên thủ trưởng"), ("full_name", "Người báo cáo")],
    TemplateKind.REPORT: COMMON_VARIABLES + [("title_lines", "Tên báo cáo, mỗi dòng một phần tử"),
                                             ("body", "Toàn bộ nội dung báo cáo ({{p body }})"),
                                             ("closing", "Đoạn kết")],
}


def _loop(container, tag: str, *, size=None, align=b.CENTER, bold=False, italic=False, body_tag: str,
          indent_cm=None, after=0):
    b.para(container, "{%p for " + tag + " %}", align=align)
    b.para(container, "{{ " + body_tag + " }}", align=align, bold=bold, italic=italic, size=size,
           indent_cm=indent_cm, after=after)
    b.para(container, "{%p endfor %}", align=align)


def _header(doc, *, with_number: bool = True) -> None:
    t = b.table(doc, 2 if with_number else 1, [LEFT_W, RIGHT_W], borders=False)
    left, right = t.rows[0].cells
    b.clear_cell(left)
    b.clear_cell(right)
    _loop(left, "line in issuer.superior_lines", size=13, body_tag="line")
    _loop(left, "line in issuer.name_lines", size=13, bold=True, body_tag="line")
    b.rule(left, width_cm=2.2, cell_width_cm=LEFT_W)
    b.para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", align=b.CENTER, bold=True, size=12.5)
    b.para(right, "Độc lập - Tự do - Hạnh phúc", align=b.CENTER, bold=True, size=13.5)
    b.rule(right, width_cm=5.4, cell_width_cm=RIGHT_W)
    if with_number:
        left, right = t.rows[1].cells
        b.cell_text(left, "{{ number_line }}", align=b.CENTER, size=13)
        b.cell_text(right, "{{ date_line }}", align=b.CENTER, italic=True, size=14)


def _titles(doc, *, extra: str = "") -> None:
    b.para(doc, "{{ doc_title }}", align=b.CENTER, bold=True, size=14, before=18, keep_next=True)
    b.para(doc, "{%p if title %}", align=b.CENTER)
    b.para(doc, "{{ title }}", align=b.CENTER, bold=True, size=14, keep_next=True)
    b.para(doc, "{%p endif %}", align=b.CENTER)
    b.rule(doc, width_cm=3.5, cell_width_cm=b.TEXT_WIDTH_CM)
    if extra:
        b.para(doc, extra, align=b.CENTER, bold=True, size=14, before=6, after=6)


def _body(doc, tag: str = "p in body") -> None:
    b.para(doc, "{%p for " + tag + " %}")
    p = b.para(doc, "", indent_cm=1.0, after=6, line_spacing=1.15)
    b.run(p, "{{ p.lead }}", bold=True)
    b.run(p, "{{ p.rest }}")
    b.para(doc, "{%p endfor %}")


def _spacer(doc, *, keep_next: bool = False) -> None:
    """A paragraph between two tables, which Word and LibreOffice would otherwise join
    (``keep_next``: on the page of the signature block that follows it)."""
    b.para(doc, "", after=6, keep_next=keep_next)


def _signature(doc, *, recipients: bool = True) -> None:
    _spacer(doc, keep_next=True)
    t = b.table(doc, 1, [7.0, 9.5], borders=False)
    left, right = t.rows[0].cells
    b.clear_cell(left)
    b.clear_cell(right)
    if recipients:
        b.para(left, "{%p if recipients %}", align=b.LEFT)
        b.para(left, "Nơi nhận:", align=b.LEFT, bold=True, italic=True, size=12, before=6)
        _loop(left, "r in recipients", size=11, align=b.LEFT, body_tag="r")
        b.para(left, "{%p endif %}", align=b.LEFT)
    _loop(right, "line in signer.lines", size=14, bold=True, body_tag="line")
    for _ in range(4):
        b.para(right, "", align=b.CENTER)
    b.para(right, "{{ signer.name }}", align=b.CENTER, bold=True, size=14)
    b.keep_on_one_page(t.rows[0])


def _lines_table(doc, *, with_amount: bool) -> None:
    widths = [1.1, 4.6, 4.6, 3.6, 2.6] if with_amount else [1.1, 5.4, 5.6, 4.4]
    heads = ["TT", "{{ heads.name }}", "{{ heads.detail }}", "{{ heads.award }}"] + (["Số tiền (đồng)"] if with_amount else [])
    t = b.table(doc, 4 + (1 if with_amount else 0), widths, borders=True)
    for cell, head in zip(t.rows[0].cells, heads):
        b.cell_text(cell, head, align=b.CENTER, bold=True)
    b.repeat_header(t.rows[0])
    b.cell_text(t.rows[1].cells[0], "{%tr for line in lines %}")
    values = ["{{ loop.index }}", "{{ line.name }}", "{{ line.position_unit }}", "{{ line.title_or_form }}",
              "{{ line.amount_text }}"]
    aligns = [b.CENTER, b.LEFT, b.LEFT, b.LEFT, b.RIGHT]
    for cell, value, align in zip(t.rows[2].cells, values, aligns):
        b.cell_text(cell, value, align=align)
    b.cell_text(t.rows[3].cells[0], "{%tr endfor %}")
    if with_amount:
        total = t.rows[4].cells
        merged = total[0].merge(total[3])
        b.cell_text(merged, "Tổng cộng", align=b.CENTER, bold=True)
        b.cell_text(total[4], "{{ total_text }}", align=b.RIGHT, bold=True)


def _annex(doc) -> None:
    """The list attached after the signature, on a page of its own under the letterhead: its
    money column, total and total in words only when a line carries an amount."""
    b.para(doc, "{%p if lines %}")
    b.page_break(doc)
    _header(doc, with_number=False)
    b.para(doc, "DANH SÁCH", align=b.CENTER, bold=True, before=12)
    b.para(doc, "{{ list_subtitle }}", align=b.CENTER, bold=True)
    b.para(doc, "{{ list_note }}", align=b.CENTER, italic=True, after=12)
    b.para(doc, "{%p if with_amount %}")
    _lines_table(doc, with_amount=True)
    b.para(doc, "(Bằng chữ: {{ total_in_words }}./.)", italic=True, before=6)
    b.para(doc, "{%p else %}")
    _lines_table(doc, with_amount=False)
    b.para(doc, "{%p endif %}")
    b.para(doc, "{%p endif %}")


def _marking(doc) -> None:
    """"DỰ THẢO" or "BẢN TÁI TẠO TỪ SỔ KHEN THƯỞNG" above a document that is not the signed
    original (nothing on the original)."""
    b.para(doc, "{%p if marking %}", align=b.CENTER)
    b.para(doc, "{{ marking }}", align=b.CENTER, bold=True, size=13, after=6)
    b.para(doc, "{%p endif %}", align=b.CENTER)


def build_decision():
    doc = b.new_document()
    _marking(doc)
    _header(doc)
    _titles(doc)
    b.para(doc, "{{ authority }}", align=b.CENTER, bold=True, size=14, before=6, after=6)
    b.para(doc, "{%p for basis in legal_bases %}")
    b.para(doc, "{{ basis }}", italic=True, indent_cm=1.0, after=4, line_spacing=1.15)
    b.para(doc, "{%p endfor %}")
    b.para(doc, "QUYẾT ĐỊNH:", align=b.CENTER, bold=True, size=14, before=6, after=6)
    _body(doc)
    _signature(doc)
    _annex(doc)
    return doc


def build_submission():
    doc = b.new_document()
    _header(doc)
    _titles(doc)
    b.para(doc, "Kính gửi: {{ addressee }}", align=b.CENTER, size=14, before=6, after=12)
    _body(doc)
    _signature(doc)
    _annex(doc)
    return doc


def build_minutes():
    doc = b.new_document()
    _header(doc)
    _titles(doc)
    _body(doc)
    b.para(doc, "{%p if ballots %}")
    b.para(doc, "KẾT QUẢ BỎ PHIẾU KÍN", align=b.CENTER, bold=True, before=6, after=6)
    widths = [1.0, 3.6, 3.6, 3.0, 1.8, 1.7, 1.8]
    heads = ["TT", "Họ và tên", "Chức vụ, đơn vị", "Đề nghị", "Số phiếu đồng ý", "Tỷ lệ (%)", "Kết quả"]
    t = b.table(doc, 4, widths, borders=True)
    for cell, head in zip(t.rows[0].cells, heads):
        b.cell_text(cell, head, align=b.CENTER, bold=True, size=11)
    b.repeat_header(t.rows[0])
    b.cell_text(t.rows[1].cells[0], "{%tr for v in ballots %}")
    values = ["{{ loop.index }}", "{{ v.name }}", "{{ v.position_unit }}", "{{ v.proposed }}",
              "{{ v.approvals }}/{{ v.members_total }}", "{{ v.percent_text }}", "{{ v.result }}"]
    aligns = [b.CENTER, b.LEFT, b.LEFT, b.LEFT, b.CENTER, b.CENTER, b.CENTER]
    for cell, value, align in zip(t.rows[2].cells, values, aligns):
        b.cell_text(cell, value, align=align, size=11)
    b.cell_text(t.rows[3].cells[0], "{%tr endfor %}")
    b.para(doc, "{%p endif %}")
    b.para(doc, "{%p for p in closing %}")
    b.para(doc, "{{ p }}", indent_cm=1.0, before=6, line_spacing=1.15)
    b.para(doc, "{%p endfor %}")
    _spacer(doc, keep_next=True)
    t = b.table(doc, 1, [8.2, 8.3], borders=False)
    for cell, sig in zip(t.rows[0].cells, ("secretary_signature", "chair_signature")):
        b.clear_cell(cell)
        _loop(cell, f"line in {sig}.lines", size=14, bold=True, body_tag="line")
        for _ in range(4):
            b.para(cell, "", align=b.CENTER)
        b.para(cell, "{{ " + sig + ".name }}", align=b.CENTER, bold=True, size=14)
    b.keep_on_one_page(t.rows[0])
    return doc


def build_invitation():
    doc = b.new_document()
    _header(doc)
    _titles(doc)
    b.para(doc, "{{ greeting }}", indent_cm=1.0, before=6, after=6)
    b.para(doc, "{%p for who in invitees %}")
    b.para(doc, "- {{ who }}", indent_cm=1.0, after=2)
    b.para(doc, "{%p endfor %}")
    b.para(doc, "{%p for d in details %}")
    p = b.para(doc, "", indent_cm=1.0, after=4)
    b.run(p, "{{ d.label }}", bold=True)
    b.run(p, "{{ d.value }}")
    b.para(doc, "{%p endfor %}")
    _body(doc)
    _signature(doc)
    return doc


def _rows_table(doc, heads: list[str], widths: list[float], loop: str, values: list[str]) -> None:
    t = b.table(doc, 4, widths, borders=True)
    for cell, head in zip(t.rows[0].cells, heads):
        b.cell_text(cell, head, align=b.CENTER, bold=True)
    b.repeat_header(t.rows[0])
    b.cell_text(t.rows[1].cells[0], "{%tr for " + loop + " %}")
    for cell, value in zip(t.rows[2].cells, values):
        b.cell_text(cell, value, align=b.CENTER if value.endswith(".year }}") else b.LEFT)
    b.cell_text(t.rows[3].cells[0], "{%tr endfor %}")


def build_achievement():
    doc = b.new_document()
    _header(doc)
    _titles(doc)
    b.para(doc, "I. SƠ LƯỢC LÝ LỊCH", bold=True, before=12, after=6)
    b.para(doc, "{%p for item in profile %}")
    p = b.para(doc, "", indent_cm=1.0, after=3)
    b.run(p, "- {{ item.label }}: ")
    b.run(p, "{{ item.value }}")
    b.para(doc, "{%p endfor %}")
    b.para(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC", bold=True, before=12, after=6)
    b.para(doc, "1. Quyền hạn, nhiệm vụ được giao", bold=True, after=4)
    b.para(doc, "{%p for p in duties %}")
    b.para(doc, "{{ p }}", indent_cm=1.0, after=4, line_spacing=1.15)
    b.para(doc, "{%p endfor %}")
    b.para(doc, "2. Thành tích đạt được", bold=True, after=4)
    b.para(doc, "{%p for p in achievements %}")
    b.para(doc, "{{ p }}", indent_cm=1.0, after=4, line_spacing=1.15)
    b.para(doc, "{%p endfor %}")
    b.para(doc, "a) Kết quả xếp loại hoàn thành nhiệm vụ", italic=True, after=4)
    _rows_table(doc, ["Năm", "Xếp loại"], [3.0, 13.5], "r in ratings", ["{{ r.year }}", "{{ r.rating }}"])
    b.para(doc, "b) Sáng kiến, đề tài khoa học", italic=True, before=6, after=4)
    _rows_table(doc, ["Năm", "Tên sáng kiến, đề tài", "Cấp công nhận"], [2.0, 9.5, 5.0], "i in initiatives",
                ["{{ i.year }}", "{{ i.title }}", "{{ i.recognition }}"])
    b.para(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG", bold=True, before=12, after=6)
    b.para(doc, "1. Danh hiệu thi đua", bold=True, after=4)
    _rows_table(doc, ["Năm", "Danh hiệu thi đua", "Số, ngày, tháng, năm của quyết định; cơ quan ban hành"],
                [2.0, 5.5, 9.0], "a in titles", ["{{ a.year }}", "{{ a.name }}", "{{ a.decision }}"])
    b.para(doc, "2. Hình thức khen thưởng", bold=True, before=6, after=4)
    _rows_table(doc, ["Năm", "Hình thức khen thưởng", "Số, ngày, tháng, năm của quyết định; cơ quan ban hành"],
                [2.0, 5.5, 9.0], "a in forms", ["{{ a.year }}", "{{ a.name }}", "{{ a.decision }}"])
    _spacer(doc, keep_next=True)
    t = b.table(doc, 1, [8.2, 8.3], borders=False)
    left, right = t.rows[0].cells
    for cell, head, name in ((left, "{{ head_title }}", "{{ head_name }}"), (right, "NGƯỜI BÁO CÁO THÀNH TÍCH", "{{ full_name }}")):
        b.clear_cell(cell)
        b.para(cell, head, align=b.CENTER, bold=True, size=13, before=12)
        b.para(cell, "(Ký, ghi rõ họ tên)" if cell is right else "(Ký, đóng dấu)", align=b.CENTER, italic=True, size=12)
        for _ in range(4):
            b.para(cell, "", align=b.CENTER)
        b.para(cell, name, align=b.CENTER, bold=True, size=14)
    b.keep_on_one_page(t.rows[0])
    return doc


def build_report():
    doc = b.new_document()
    _header(doc)
    b.para(doc, "{{ doc_title }}", align=b.CENTER, bold=True, size=14, before=18)
    _loop(doc, "line in title_lines", size=14, bold=True, body_tag="line")
    b.rule(doc, width_cm=3.5, cell_width_cm=b.TEXT_WIDTH_CM)
    b.para(doc, "{{p body }}")
    b.para(doc, "{%p for p in closing %}")
    b.para(doc, "{{ p }}", indent_cm=1.0, before=6, after=6, line_spacing=1.15)
    b.para(doc, "{%p endfor %}")
    _signature(doc)
    return doc


BUILDERS = {
    TemplateKind.DECISION: build_decision,
    TemplateKind.SUBMISSION: build_submission,
    TemplateKind.MINUTES: build_minutes,
    TemplateKind.INVITATION: build_invitation,
    TemplateKind.ACHIEVEMENT: build_achievement,
    TemplateKind.REPORT: build_report,
}


@functools.lru_cache(maxsize=None)
def default_template(kind: str) -> bytes:
    """The built-in template of a kind, as .docx bytes (generated once per process)."""
    return b.to_bytes(BUILDERS[TemplateKind(kind)]())
