"""The dashboard as a workbook (``core.excel``, the project's one Excel writer)."""
from __future__ import annotations

from django.utils import timezone

from thidua.core import excel


def dashboard_workbook(data: dict, label: str) -> bytes:
    book = excel.Book()
    metrics = data["metrics"]
    columns = [excel.Column("STT", "int", 6), excel.Column("Xã, phường", "text", 30),
               *[excel.Column(f"{m.label} (%)", "number", 16) for m in metrics],
               excel.Column("Đơn vị phải đăng ký", "int"), excel.Column("Đơn vị đã đăng ký", "int"),
               excel.Column("Hồ sơ đã có quyết định", "int"), excel.Column("Hồ sơ đúng hạn", "int"),
               excel.Column("Hồ sơ quá hạn chưa giải quyết", "int"),
               excel.Column("Khen thưởng cá nhân", "int"), excel.Column("Lãnh đạo, quản lý", "int"),
               excel.Column("Cán bộ, công chức, viên chức, chiến sĩ", "int"),
               excel.Column("Người trực tiếp lao động sản xuất", "int"), excel.Column("Nữ", "int"),
               excel.Column("Khen thưởng tập thể", "int"), excel.Column("Khen thưởng hộ gia đình", "int"),
               excel.Column("Nguồn quỹ (đồng)", "money"), excel.Column("Đã chi (đồng)", "money"),
               excel.Column("Số chỉ tiêu chưa đạt", "int")]
    computed = data["computed_at"]
    targets = data["targets"]
    wanted = "; ".join(f"{m.label} {'không quá' if m.direction == 'at_most' else 'từ'} "
                       f"{str(targets[m.key].normalize()).replace('.', ',')} %" for m in metrics if m.key in targets)
    sheet = book.sheet(f"Số liệu {label}", columns, heading=[
        f"{data['province'].name.upper()} — SỐ LIỆU THI ĐUA, KHEN THƯỞNG CỦA CÁC XÃ, PHƯỜNG {label}",
        "Số liệu tính lúc " + (timezone.localtime(computed).strftime("%H:%M %d/%m/%Y") if computed else "—"),
        "Chỉ tiêu của tỉnh: " + (wanted or "chưa đặt")])

    def row(number, name, line):
        v = line.values
        return [number, name, *[line.cells[m.key].value for m in metrics],
                v["units_expected"], v["units_registered"], v["dossiers_settled"], v["dossiers_on_time"],
                v["dossiers_overdue_open"], v["individual"], v["leader"], v["staff"], v["direct"], v["women"],
                v["collective"], v["household"], v["fund_receipts"], v["fund_spending"], line.missed]

    for i, line in enumerate(data["lines"], start=1):
        sheet.append(row(i, line.commune.name, line))
    sheet.append(row(None, "Toàn tỉnh", data["total"]), bold=True)
    return book.to_bytes()
