"""The checklist of a finding: drawn from the movement's criteria set (the current version for
the unit's emulation block in the movement's year) and the unit's registration that year; for
an inspection of the commendation work, the standing points of that work (Luật Thi đua, khen
thưởng 2022, Điều 8 and 84; Nghị định 98/2023/NĐ-CP, Điều 39 on dossiers) and the
registration. Pure reads: the service copies the lines into the finding."""
from __future__ import annotations

from dataclasses import dataclass

from thidua.movements.models import Registration
from thidua.movements.selectors import active_sets
from thidua.movements.titles import title_label
from thidua.org.models import EmulationBlock

COMMENDATION_POINTS = [
    ("KT1", "Ban hành quy chế thi đua, khen thưởng của đơn vị; kiện toàn Hội đồng (Tổ) thi đua – khen thưởng."),
    ("KT2", "Tổ chức phát động, đăng ký thi đua đầu năm; sơ kết, tổng kết phong trào đúng kế hoạch."),
    ("KT3", "Hồ sơ đề nghị khen thưởng đúng thành phần, đúng thời hạn; có biên bản họp xét và công khai danh sách."),
    ("KT4", "Khen thưởng đúng đối tượng, chú trọng người lao động trực tiếp; bảo đảm chính xác, công khai, công bằng."),
    ("KT5", "Lưu trữ hồ sơ, sổ theo dõi khen thưởng; chi tiền thưởng đúng quy định."),
    ("KT6", "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến, nhân tố mới, cách làm hay."),
]


@dataclass
class Line:
    source: str
    code: str
    text: str


def _year(inspection) -> int:
    movement = inspection.movement
    if movement is not None and movement.year:
        return movement.year
    return inspection.start_date.year


def criteria_lines(inspection, unit) -> list[Line]:
    year = _year(inspection)
    blocks = EmulationBlock.objects.filter(commune=inspection.plan.commune, year=year, members=unit)
    lines = []
    for criteria_set in active_sets(blocks.values_list("pk", flat=True)).values():
        for criterion in criteria_set.criteria.all():
            text = criterion.text
            if criterion.evidence_required:
                text += f" (minh chứng: {criterion.evidence_required})"
            lines.append(Line("criterion", criterion.code, text))
    return lines


def registration_lines(inspection, unit) -> list[Line]:
    year = _year(inspection)
    registrations = list(Registration.objects.filter(period__commune=inspection.plan.commune, period__year=year,
                                                     organisation=unit))
    collective = next((r for r in registrations if r.person_id is None), None)
    people = [r for r in registrations if r.person_id]
    if collective is None:
        first = f"Đơn vị chưa đăng ký danh hiệu thi đua năm {year}: kiểm tra lý do."
    else:
        first = (f"Thực hiện đăng ký danh hiệu “{title_label(collective.title)}” năm {year} "
                 f"(đăng ký ngày {collective.registered_on:%d/%m/%Y}).")
    lines = [Line("registration", "ĐK1", first)]
    if people:
        lines.append(Line("registration", "ĐK2", f"Thực hiện đăng ký thi đua của {len(people)} cá nhân năm {year}."))
    return lines


def build(inspection, unit) -> list[Line]:
    if inspection.topic == "movement":
        lines = criteria_lines(inspection, unit)
    else:
        lines = [Line("commendation", code, text) for code, text in COMMENDATION_POINTS]
    return lines + registration_lines(inspection, unit)
