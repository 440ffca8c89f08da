"""Sample data of every document kind: used to check an uploaded template before it replaces
the built-in one, and offered as "bản mẫu" downloads until the proposals app produces the
real tờ trình, biên bản and giấy mời from its rounds and meetings."""
from __future__ import annotations

import datetime

from .data import (
    AchievementReportData, AwardRow, BallotResult, DecisionData, DecisionLine, InvitationData, IssuerBlock,
    MinutesData, SignerBlock, SubmissionData,
)
from thidua.awards.engine import council_rule_for

from .fmt import place_of
from .models import TemplateKind

COMMUNE = "Xã Nam Thanh Miện"
DEPUTY = "Vũ Văn Nguyễn"
LEGAL_BASES = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ quy định chi tiết "
    "một số điều của Luật Thi đua, khen thưởng;",
    "Căn cứ Nghị định số 129/2025/NĐ-CP của Chính phủ quy định việc phân định thẩm quyền của chính quyền "
    "địa phương 02 cấp trong lĩnh vực quản lý nhà nước của Bộ Nội vụ;",
]


def decision(commune_name: str = COMMUNE, day: datetime.date | None = None) -> DecisionData:
    lines = [
        DecisionLine("Nguyễn Thị Mai", "Phó Hiệu trưởng, Trường Mầm non Hồng Phong", "Giấy khen", 710_000),
        DecisionLine("Trần Thị Thảo", "Hiệu trưởng, Trường Tiểu học Chi Lăng Nam", "Giấy khen", 710_000),
        DecisionLine("Nguyễn Thị Hiền", "Giáo viên, Trường THCS Thanh Giang", "Giấy khen", 710_000),
        DecisionLine("Trường THCS Thanh Giang", "", "Giấy khen", 1_320_000),
    ]
    total = sum(line.amount for line in lines)
    from thidua.core.text import format_vnd

    from thidua.core.words import amount_in_words
    upper = commune_name.upper()
    return DecisionData(
        issuer=IssuerBlock.commune_committee(commune_name), number="/QĐ-UBND",
        date=day, place=place_of(commune_name),
        title="Về việc tặng Giấy khen cho các tập thể, cá nhân đã có thành tích xuất sắc năm học 2024-2025",
        authority=f"CHỦ TỊCH ỦY BAN NHÂN DÂN {upper}", legal_bases=LEGAL_BASES + [
            "Theo đề nghị của Hội đồng Thi đua - Khen thưởng xã."],
        body=["Điều 1. Tặng Giấy khen cho 01 tập thể và 03 cá nhân (có danh sách kèm theo) đã có thành tích "
              "xuất sắc trong năm học 2024-2025.",
              f"Điều 2. Tiền thưởng kèm theo Giấy khen theo quy định tại Nghị định số 152/2025/NĐ-CP; tổng số tiền "
              f"{format_vnd(total)} ({amount_in_words(total)}), chi từ Quỹ thi đua, khen thưởng của xã.",
              "Điều 3. Chánh Văn phòng HĐND và UBND xã, các tập thể và cá nhân có tên tại Điều 1 chịu trách "
              "nhiệm thi hành Quyết định này./."],
        signer=SignerBlock.chairman_deputy(DEPUTY), recipients=["- Như Điều 3;", "- Lưu: VT."],
        lines=lines, list_subtitle="TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN",
        decided_by=f"Chủ tịch UBND {commune_name[:1].lower()}{commune_name[1:]}")


def submission(commune_name: str = COMMUNE, day: datetime.date | None = None) -> SubmissionData:
    return SubmissionData(
        issuer=IssuerBlock.commune_committee(commune_name), number="/TTr-UBND", date=day,
        place=place_of(commune_name),
        title="Về việc đề nghị tặng Bằng khen của Chủ tịch UBND thành phố",
        addressee="Chủ tịch Ủy ban nhân dân thành phố Hải Phòng (qua Sở Nội vụ)",
        body=["Căn cứ Luật Thi đua, khen thưởng năm 2022 và Nghị định số 152/2025/NĐ-CP ngày 01/7/2025 của Chính phủ;",
              "Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng xã, Ủy ban nhân dân xã kính đề nghị Chủ tịch UBND "
              "thành phố xem xét, tặng Bằng khen cho 02 cá nhân đã có thành tích xuất sắc (có danh sách và hồ sơ kèm theo).",
              "Ủy ban nhân dân xã kính trình Chủ tịch UBND thành phố xem xét, quyết định./."],
        signer=SignerBlock.committee_deputy(DEPUTY),
        recipients=["- Như trên;", "- Sở Nội vụ;", "- Lưu: VT."],
        lines=[DecisionLine("Nguyễn Thị Hiền", "Giáo viên, Trường THCS Thanh Giang", "Bằng khen của Chủ tịch UBND thành phố"),
               DecisionLine("Đào Duy Kiên", "Phó Trưởng Công an xã", "Bằng khen của Chủ tịch UBND thành phố")])


def minutes(commune_name: str = COMMUNE, day: datetime.date | None = None) -> MinutesData:
    when = datetime.datetime.combine(day or datetime.date.today(), datetime.time(14, 0))
    members = 9
    return MinutesData(
        issuer=IssuerBlock.council_of(commune_name), number="/BB-HĐTĐKT", date=day, place=place_of(commune_name),
        title="Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng tổng kết năm học 2024-2025",
        opened_at=when, location=f"Hội trường UBND {commune_name[:1].lower()}{commune_name[1:]}",
        chair=f"Ông {DEPUTY}, Phó Chủ tịch UBND xã - Phó Chủ tịch Hội đồng (được Chủ tịch Hội đồng ủy quyền)",
        secretary="Bà Đinh Thị Sen, Thư ký Hội đồng", members_total=members,
        attendees=["Ông Vũ Văn Nguyễn", "Bà Đinh Thị Sen", "Ông Vũ Đình Ba", "Ông Lê Bình Giang",
                   "Bà Phạm Thị Bạch Yến", "Bà Nguyễn Thúy Hoa", "Ông Đào Duy Kiên", "Bà Nguyễn Thị Thu Minh"],
        absentees=["Bà Trần Thị Thảo (có ý kiến bằng văn bản)"],
        body=["Hội đồng nghe Thường trực Hội đồng báo cáo tổng hợp hồ sơ đề nghị khen thưởng của các đơn vị; các "
              "thành viên thảo luận và bỏ phiếu kín đối với các trường hợp đề nghị danh hiệu Chiến sĩ thi đua cơ sở.",
              council_rule_for().sentence],
        ballots=[BallotResult("Nguyễn Thị Hiền", "Giáo viên, Trường THCS Thanh Giang", "Chiến sĩ thi đua cơ sở", 8, members, 80),
                 BallotResult("Vũ Thị Thanh", "Giáo viên, Trường THCS Thanh Giang", "Chiến sĩ thi đua cơ sở", 7, members, 80)],
        closing=["Hội đồng thống nhất đề nghị Chủ tịch UBND xã công nhận danh hiệu cho các trường hợp đạt tỷ lệ phiếu "
                 "theo quy định."],
        closed_at=when.replace(hour=16, minute=30),
        chair_signature=SignerBlock(lines=["CHỦ TRÌ"], name=DEPUTY),
        secretary_signature=SignerBlock(lines=["THƯ KÝ"], name="Đinh Thị Sen"))


def invitation(commune_name: str = COMMUNE, day: datetime.date | None = None) -> InvitationData:
    when = datetime.datetime.combine(day or datetime.date.today(), datetime.time(14, 0))
    return InvitationData(
        issuer=IssuerBlock.commune_committee(commune_name), number="/GM-UBND", date=day, place=place_of(commune_name),
        title="Họp Hội đồng Thi đua - Khen thưởng xã", invitees=["Các thành viên Hội đồng Thi đua - Khen thưởng xã"],
        purpose="Dự họp Hội đồng Thi đua - Khen thưởng xét khen thưởng tổng kết năm học 2024-2025.",
        meeting_at=when, location=f"Hội trường UBND {commune_name[:1].lower()}{commune_name[1:]}",
        agenda=["Nghe báo cáo tổng hợp hồ sơ đề nghị khen thưởng;", "Thảo luận, bỏ phiếu kín."],
        note="Đề nghị các đồng chí nghiên cứu tài liệu gửi kèm và tham dự đầy đủ, đúng giờ./.",
        signer=SignerBlock.committee_deputy(DEPUTY), recipients=["- Như thành phần mời;", "- Lưu: VT."])


def achievement() -> AchievementReportData:
    return AchievementReportData(
        issuer=IssuerBlock.unit("Trường Mầm non Hồng Phong", "UBND xã Nam Thanh Miện"), date=None,
        place="Nam Thanh Miện", proposed="Chiến sĩ thi đua cơ sở", period="2021-2025", full_name="Nguyễn Thị Mai",
        gender="Nữ", unit="Trường Mầm non Hồng Phong", position="Phó Hiệu trưởng", category="Viên chức",
        ratings=[("2025", "Hoàn thành xuất sắc nhiệm vụ")],
        initiatives=[("2024", "Ứng dụng công nghệ thông tin trong quản lý trường mầm non", "Cấp cơ sở")],
        titles=[AwardRow("2022", "Chiến sĩ thi đua cấp tỉnh", "QĐ số 120/QĐ-UBND ngày 20/12/2022 của UBND tỉnh Hải Dương")],
        forms=[])


def context_for(kind: str) -> dict:
    """A rendering context of the kind, to test-render an uploaded template."""
    from . import render
    from .reports.builder import Block, ReportDocument
    from .reports.output import report_context
    from .reports.statistics import Row, StatTable

    kind = TemplateKind(kind)
    if kind == TemplateKind.DECISION:
        return render.decision_context(decision())
    if kind == TemplateKind.SUBMISSION:
        return render.submission_context(submission())
    if kind == TemplateKind.MINUTES:
        return render.minutes_context(minutes())
    if kind == TemplateKind.INVITATION:
        return render.invitation_context(invitation())
    if kind == TemplateKind.ACHIEVEMENT:
        return render.achievement_context(achievement())

    class _Commune:
        name = COMMUNE

    table = StatTable("t", "Bảng 1. Mẫu", ["Năm", "Tổng số"], [Row(["2025", 1])])
    report = ReportDocument(
        kind="five_year", commune=_Commune(), period="2021-2025", issuer=IssuerBlock.commune_committee(COMMUNE),
        number="/BC-UBND", date=None, place="Nam Thanh Miện", title_lines=["BÁO CÁO MẪU"],
        blocks=[Block("h1", "I. MỤC"), Block("p", "Nội dung."), Block("table", table=table)],
        closing=["Trên đây là báo cáo./."], recipients=["- Lưu: VT."], signer=SignerBlock.committee_deputy(DEPUTY))
    return report_context(report)
