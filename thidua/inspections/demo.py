"""Demo data of inspections, from the seed report: Part Two III.4 asks to inspect and supervise
the movements regularly and to find new factors and good practices; Part One III names some
(the automated rice-paper line of Hội Yên craft village, the “Quỹ đền ơn đáp nghĩa” model).

Idempotent (natural keys: the plan's title in its year; the inspection's movement and start
date in the plan; the practice's title). The plan, the team, the dates, the findings and the
recommendations are assumptions for the demo ("giả định" in the plan's purpose).
"""
from __future__ import annotations

import datetime

from thidua.movements.models import Movement
from thidua.org.demo import COMMUNE
from thidua.org.models import Membership, Organisation, Person

from . import services
from .models import GoodPractice, Inspection, InspectionPlan

D = datetime.date
YEAR = 2026
PLAN = "Kế hoạch kiểm tra công tác thi đua, khen thưởng năm 2026"
MOVEMENT = "Thi đua thực hiện chủ đề năm 2026 của thành phố"
TEAM = ("Ông Vũ Văn Nguyễn, Phó Chủ tịch UBND xã — Trưởng đoàn\n"
        "Công chức phụ trách thi đua – khen thưởng xã — Thư ký\n"
        "Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam xã — Thành viên")
UNITS = ("mn-hong-phong", "thcs-thanh-giang")

PRACTICES = [
    # (title, person name or None, organisation code or None, practice, result, source unit code)
    ("Mô hình sản xuất bánh đa tự động (Làng nghề Hội Yên)", "Vũ Duy Triển", None,
     "Đầu tư dây chuyền tráng, sấy bánh đa tự động thay cho tráng tay; hướng dẫn các hộ trong làng nghề cùng áp dụng.",
     "Nâng cao năng suất và chất lượng sản phẩm, tạo việc làm cho lao động địa phương, góp phần giữ gìn làng nghề.",
     None),
    ("Mô hình “Quỹ đền ơn đáp nghĩa” hỗ trợ trực tiếp các đối tượng chính sách", None, "mttq",
     "Vận động quỹ “Vì người nghèo”, quỹ “Đền ơn đáp nghĩa”; hỗ trợ trực tiếp đối tượng chính sách, hộ nghèo, hộ cận "
     "nghèo, hộ có hoàn cảnh khó khăn, người già cô đơn trên địa bàn.",
     "100 % hộ nghèo được hỗ trợ tiếp cận các chính sách xã hội.", "mttq"),
]


def load(log) -> None:
    commune = Organisation.objects.get(code=COMMUNE)
    plan = InspectionPlan.objects.filter(commune=commune, year=YEAR, title=PLAN).first()
    if plan is None:
        plan = services.create_plan(actor=None, commune=commune, year=YEAR, title=PLAN, purpose=(
            "Kiểm tra việc tổ chức phong trào thi đua và công tác khen thưởng tại các đơn vị; phát hiện nhân tố mới, "
            "cách làm hay để rút kinh nghiệm và nhân rộng (Báo cáo tổng kết 5 năm, Phần thứ hai, mục III.4). "
            "Thành phần, thời gian là giả định cho dữ liệu mẫu."))
        log(f"  {plan}")
    movement = Movement.objects.filter(commune=commune, name=MOVEMENT).first()
    units = list(Organisation.objects.filter(code__in=UNITS))
    if movement is not None and not Inspection.objects.filter(plan=plan, movement=movement).exists():
        inspection = services.create_inspection(
            actor=None, plan=plan, topic=Inspection.Topic.MOVEMENT, movement=movement, units=units, team=TEAM,
            start_date=D(YEAR, 3, 9), end_date=D(YEAR, 3, 13))
        school = next(u for u in units if u.code == "mn-hong-phong")
        finding = services.open_finding(actor=None, inspection=inspection, unit=school)
        results = {item.pk: ("met", "") for item in finding.items.all()}
        services.record_finding(
            actor=None, finding=finding, inspected_on=D(YEAR, 3, 10), results=results,
            strengths="Đơn vị đăng ký thi đua đầy đủ, đúng hạn; hồ sơ tự chấm điểm có minh chứng.",
            shortcomings="Sổ theo dõi khen thưởng chưa cập nhật kết quả năm học 2024–2025.",
            conclusion="Đơn vị triển khai phong trào nghiêm túc; cần hoàn thiện sổ theo dõi khen thưởng.")
        head = (Membership.objects.filter(organisation=school, position__icontains="Hiệu trưởng")
                .select_related("person").order_by("position").first())
        if head is not None:
            services.add_recommendation(
                actor=None, finding=finding, responsible=head.person, working_days=10, issued_on=D(YEAR, 3, 10),
                text="Cập nhật đầy đủ sổ theo dõi khen thưởng của đơn vị, kể cả kết quả năm học 2024–2025.")
        log(f"  {inspection}")
    for title, person_name, org_code, practice, result, source_unit in PRACTICES:
        if GoodPractice.objects.filter(commune=commune, title=title).exists():
            continue
        person = Person.objects.filter(full_name=person_name).first() if person_name else None
        organisation = Organisation.objects.filter(code=org_code).first() if org_code else None
        if person is None and organisation is None:
            continue
        services.record_practice(
            actor=None, commune=commune, title=title, person=person, organisation=organisation, practice=practice,
            result=result, source=GoodPractice.Source.UNIT_REPORT,
            reporting_unit=Organisation.objects.filter(code=source_unit).first() if source_unit else commune,
            recorded_on=D(YEAR, 4, 15), year=YEAR)
        log(f"  {title}")
