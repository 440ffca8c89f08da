"""The narrative sections of each report: what only a person can write. Each is stored per
commune and period (``ReportSection``) and placed verbatim, one paragraph per line."""
from __future__ import annotations

from dataclasses import dataclass

from ..models import ReportKind


@dataclass(frozen=True)
class SectionSpec:
    key: str
    label: str        # where it goes in the report
    help: str = ""
    fallback: bool = False  # used only when the data it stands for is missing


FIVE_YEAR = [
    SectionSpec("leadership", "Phần I.1 — Công tác lãnh đạo, chỉ đạo của cấp ủy Đảng, chính quyền"),
    SectionSpec("directives", "Phần I.2 — Công tác xây dựng văn bản chỉ đạo và tổ chức thực hiện"),
    SectionSpec("movements_central", "Phần II.1 — Kết quả các phong trào do Thủ tướng Chính phủ phát động",
                "Số liệu các phong trào (nếu có) được lập thành bảng ngay sau mục II."),
    SectionSpec("movements_city", "Phần II.2 — Kết quả phong trào thi đua do Thành phố phát động"),
    SectionSpec("propaganda", "Phần III.1 — Công tác tuyên truyền, nhân rộng, biểu dương điển hình tiên tiến"),
    SectionSpec("exemplars_intro", "Phần III.2 — Lời dẫn mục “Một số gương điển hình”",
                "Danh sách gương điển hình theo lĩnh vực do hệ thống lập từ sổ khen thưởng."),
    SectionSpec("lead_giao_duc", "Phần III.2 — Lời dẫn lĩnh vực giáo dục"),
    SectionSpec("lead_y_te", "Phần III.2 — Lời dẫn lĩnh vực y tế"),
    SectionSpec("lead_an_ninh", "Phần III.2 — Lời dẫn lĩnh vực an ninh trật tự"),
    SectionSpec("lead_mttq", "Phần III.2 — Lời dẫn Mặt trận Tổ quốc và các tổ chức chính trị - xã hội"),
    SectionSpec("lead_thon", "Phần III.2 — Lời dẫn các thôn, xóm"),
    SectionSpec("lead_hien_dat", "Phần III.2 — Lời dẫn phong trào hiến đất làm đường"),
    SectionSpec("lead_sxkd", "Phần III.2 — Lời dẫn sản xuất, kinh doanh giỏi"),
    SectionSpec("commendation_renewal", "Phần IV.1 — Đổi mới khen thưởng"),
    SectionSpec("commendation_results", "Phần IV.2 — Kết quả cụ thể (lời dẫn trước các bảng thống kê)"),
    SectionSpec("council", "Phần V — Hoạt động của Hội đồng Thi đua - Khen thưởng"),
    SectionSpec("strengths", "Phần VI.1 — Ưu điểm"),
    SectionSpec("weaknesses", "Phần VI.2 — Tồn tại"),
    SectionSpec("causes", "Phần VI.3 — Nguyên nhân"),
    SectionSpec("lessons", "Phần VI.4 — Bài học kinh nghiệm"),
    SectionSpec("goals", "Phần thứ hai, I — Mục tiêu"),
    SectionSpec("targets", "Phần thứ hai, II.1 — Một số chỉ tiêu chủ yếu",
                "Dùng khi chưa có chỉ tiêu 2026–2030 trong hệ thống (mục Chỉ tiêu).", fallback=True),
    SectionSpec("tasks", "Phần thứ hai, II.2 — Những nhiệm vụ chủ yếu"),
    SectionSpec("solutions", "Phần thứ hai, III — Giải pháp thực hiện"),
    SectionSpec("closing", "Đoạn kết (“Trên đây là báo cáo…”)"),
    SectionSpec("recipients", "Nơi nhận (mỗi dòng một nơi)"),
    SectionSpec("signer_lines", "Thẩm quyền ký (mỗi dòng một dòng, ví dụ TM. ỦY BAN NHÂN DÂN)"),
    SectionSpec("signer_name", "Họ tên người ký"),
]

ANNUAL = [
    SectionSpec("leadership", "Phần I.1 — Công tác lãnh đạo, chỉ đạo"),
    SectionSpec("movements", "Phần I.2 — Kết quả các phong trào thi đua",
                "Số liệu các phong trào của năm (nếu có) được lập thành bảng ngay sau."),
    SectionSpec("commendation", "Phần I.3 — Công tác khen thưởng (lời dẫn trước các bảng thống kê)"),
    SectionSpec("exemplars_intro", "Phần I.4 — Lời dẫn mục gương điển hình"),
    SectionSpec("assessment", "Phần I.5 — Đánh giá chung (ưu điểm, tồn tại, nguyên nhân)"),
    SectionSpec("plan", "Phần thứ hai — Phương hướng, nhiệm vụ năm sau"),
    SectionSpec("targets", "Phần thứ hai — Chỉ tiêu năm sau",
                "Dùng khi chưa có chỉ tiêu trong hệ thống (mục Chỉ tiêu).", fallback=True),
    SectionSpec("closing", "Đoạn kết"),
    SectionSpec("recipients", "Nơi nhận (mỗi dòng một nơi)"),
    SectionSpec("signer_lines", "Thẩm quyền ký (mỗi dòng một dòng)"),
    SectionSpec("signer_name", "Họ tên người ký"),
]

SPECS = {ReportKind.FIVE_YEAR: FIVE_YEAR, ReportKind.ANNUAL: ANNUAL}


def specs(report_kind: str) -> list[SectionSpec]:
    return SPECS[ReportKind(report_kind)]


def keys(report_kind: str) -> set[str]:
    return {spec.key for spec in specs(report_kind)}


def period_of(report_kind: str, *, year_from: int | None = None, year_to: int | None = None,
              year: int | None = None) -> str:
    if report_kind == ReportKind.FIVE_YEAR:
        return f"{year_from}-{year_to}"
    return str(year)


def load(*, commune, report_kind: str, period: str) -> dict[str, str]:
    from ..models import ReportSection

    rows = ReportSection.objects.filter(commune=commune, report_kind=report_kind, period=period)
    return {row.key: row.text for row in rows}
