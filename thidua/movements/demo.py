"""Demo data of the movements process, from the seed report (Part One I.1, II.1, II.2; Part Two
I–II) plus the yearly work the report describes in general terms: registration, pacts,
quantified criteria per block, scores.

Idempotent: every record has a natural key (movement name in the commune; period by year;
a unit's registration in a period; a block's pact and criteria set; a unit's scorecard) and is
created only when missing, through the audited services (actor: the system).

What the seed does not say and the demo assumes is marked "giả định" in the records' notes:
the years of the city's yearly themes, the registration deadlines, the signing dates, and every
score.
"""
from __future__ import annotations

import datetime
import random
from collections import defaultdict
from decimal import Decimal

from django.utils import timezone

from thidua.core.audit import log_batch
from thidua.org.demo import COMMUNE, SEED_PEOPLE
from thidua.org.models import EmulationBlock, Membership, Organisation
from thidua.rules.codes import RewardForm, Title

from . import services
from .models import (
    Band, CriteriaSet, Criterion, Movement, Pact, PactSignature, Registration, RegistrationPeriod, Reminder, Score,
    ScoreChange, Scorecard,
)

D = datetime.date
L, KD, ST = Movement.Level, Movement.Kind, Movement.State
TTG = "Thủ tướng Chính phủ"
CITY = "Ủy ban nhân dân thành phố Hải Phòng"
REPORT = "Báo cáo tổng kết phong trào thi đua yêu nước và công tác khen thưởng 5 năm (2021–2025) của UBND xã."
P5 = "2021–2025"

# (name, level, launched_by, kind, year, theme, start, end, state, description, results)
# result: (indicator, comparator, value, unit, organisation code or None, period, note)
MOVEMENTS = [
    ("Cả nước chung sức xây dựng nông thôn mới", L.CENTRAL, TTG, KD.REGULAR, None, "", None, None, ST.RUNNING,
     "Triển khai đồng bộ, rộng khắp, sát thực tế; tạo chuyển biến mạnh mẽ trong phát triển kinh tế – xã hội ở "
     "nông thôn. Mục tiêu: năm 2027 xã đạt nông thôn mới nâng cao, năm 2030 đạt nông thôn mới kiểu mẫu.", [
         ("Xã đạt chuẩn Nông thôn mới kiểu mẫu (UBND tỉnh công nhận)", "eq", 1, "xã", "xa-chi-lang-nam", P5, ""),
         ("Xã đạt chuẩn Nông thôn mới nâng cao (UBND tỉnh công nhận)", "eq", 1, "xã", "xa-chi-lang-bac", P5, ""),
         ("Xã đạt chuẩn Nông thôn mới nâng cao (UBND tỉnh công nhận)", "eq", 1, "xã", "xa-thanh-giang", P5, ""),
     ]),
    ("Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau", L.CENTRAL, TTG, KD.REGULAR, None, "",
     None, None, ST.RUNNING,
     "UBND xã ban hành Kế hoạch triển khai; giảm nghèo là nhiệm vụ trọng tâm, thường xuyên.", [
         ("Hộ nghèo được hỗ trợ tiếp cận các chính sách xã hội", "eq", 100, "%", None, P5, ""),
         ("Ký kết Chương trình phối hợp giữa UBND xã và Ủy ban MTTQ Việt Nam xã về giảm nghèo bền vững, xây dựng "
          "nông thôn mới", "eq", None, "", "mttq", P5, ""),
         ("Vận động quỹ “Vì người nghèo”; mô hình “Quỹ đền ơn đáp nghĩa” hỗ trợ trực tiếp đối tượng chính sách, "
          "hộ nghèo, hộ cận nghèo, người già cô đơn", "eq", None, "", None, P5, ""),
     ]),
    ("Phòng, chống và chiến thắng đại dịch Covid-19", L.CENTRAL, TTG, KD.THEMATIC, None, "",
     D(2021, 1, 1), D(2022, 12, 31), ST.FINAL_REVIEW,
     "Thực hiện phương châm “04 tại chỗ”. Thời gian của đợt là giả định cho dữ liệu mẫu.", [
         ("Kiện toàn Ban chỉ đạo phòng, chống dịch Covid-19 của xã; tổ COVID cộng đồng tại các thôn; tổ an toàn "
          "COVID tại cơ quan, đơn vị", "eq", None, "", None, "2021–2022", ""),
         ("Tình hình dịch Covid-19 trên địa bàn được ổn định", "eq", None, "", None, "2021–2022", ""),
     ]),
    ("Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở", L.CENTRAL, TTG, KD.THEMATIC, None, "",
     D(2020, 1, 1), D(2025, 12, 31), ST.FINAL_REVIEW,
     "Giai đoạn 2020–2025. Ký cam kết không gây phiền hà, sách nhiễu; xin lỗi công khai người dân khi giải "
     "quyết hồ sơ quá hạn; theo dõi giờ giấc làm việc bằng bảng.", [
         ("Cán bộ, công chức hoàn thành nhiệm vụ", "eq", 100, "%", None, P5, ""),
         ("Cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên", "gt", 80, "%", None, P5, ""),
         ("Tỷ lệ hài lòng của người dân với giải quyết thủ tục hành chính", "gt", 98, "%", None, P5, ""),
     ]),
    ("Cả nước thi đua đổi mới sáng tạo và chuyển đổi số", L.CENTRAL, TTG, KD.REGULAR, None, "", None, None,
     ST.RUNNING, "", [
         ("Số hóa hồ sơ thủ tục hành chính", "eq", 100, "%", None, P5, ""),
         ("Triển khai sử dụng dịch vụ công trực tuyến mức độ 3, 4", "eq", None, "", None, P5, ""),
         ("Hồ sơ thủ tục hành chính được tiếp nhận và xử lý trên phần mềm điện tử", "eq", 100, "%", None, P5, ""),
     ]),
    ("Cả nước chung tay xóa nhà tạm, nhà dột nát trong năm 2025", L.CENTRAL, TTG, KD.THEMATIC, None, "",
     D(2025, 1, 1), D(2025, 12, 31), ST.FINAL_REVIEW,
     "Phối hợp các tổ chức, đoàn thể, doanh nghiệp, cá nhân hảo tâm (xã hội hóa).", [
         ("Nhà ở được sửa chữa cho người có công, người nghèo, người khuyết tật", "eq", 41, "nhà", None, "2025", ""),
         ("Tổng kinh phí sửa chữa nhà ở", "eq", 3_450_000_000, "đồng", None, "2025", "Nguồn xã hội hóa."),
     ]),
    # Part One II.2: movements the city launched in its sectors.
    ("Thi đua chuyển đổi số", L.CITY, CITY, KD.REGULAR, None, "", None, None, ST.RUNNING, "", [
        ("Cán bộ, công chức được tập huấn chuyển đổi số", "eq", 100, "%", None, P5, ""),
        ("Triển khai Đề án 06", "eq", None, "", None, P5, ""),
    ]),
    ("Phong trào khoa học, đổi mới sáng tạo", L.CITY, CITY, KD.REGULAR, None, "", None, None, ST.RUNNING, "", [
        ("Thành lập Ban chỉ đạo khoa học – chuyển đổi số", "eq", None, "", None, P5, ""),
        ("Đề xuất sáng kiến cải cách thủ tục hành chính và ứng dụng CNTT vào quản lý văn bản, lưu trữ", "eq",
         None, "", None, P5, ""),
    ]),
    ("Phong trào thi đua ngành giáo dục, y tế, an ninh quốc phòng", L.CITY, CITY, KD.REGULAR, None, "", None,
     None, ST.RUNNING, "", [
         ("Học sinh tốt nghiệp THCS", "eq", 100, "%", None, P5, ""),
         ("Dân số tham gia bảo hiểm y tế", "gt", 98, "%", None, P5, ""),
         ("Hoàn thành chỉ tiêu tuyển quân", "eq", 100, "%", None, P5, ""),
         ("An ninh chính trị, trật tự xã hội giữ vững ổn định", "eq", None, "", "cong-an-xa", P5, ""),
     ]),
    # Part One I.1: the city's yearly themes (the report gives no years: assumed).
    ("Thi đua thực hiện chủ đề năm 2025 của thành phố", L.CITY, CITY, KD.REGULAR, 2025,
     "Đẩy mạnh chỉnh trang hiện đại hóa đô thị – xây dựng nông thôn mới kiểu mẫu – thực hiện chuyển đổi số",
     None, None, ST.FINAL_REVIEW, "Năm áp dụng là giả định cho dữ liệu mẫu (báo cáo không ghi năm).", []),
    ("Thi đua thực hiện chủ đề năm 2026 của thành phố", L.CITY, CITY, KD.REGULAR, 2026,
     "Nâng cao ý chí tự lực, tự cường và khát vọng vươn lên, phát huy vị thế của Hải Phòng trong giai đoạn "
     "phát triển mới", None, None, ST.RUNNING,
     "Năm áp dụng là giả định cho dữ liệu mẫu (báo cáo không ghi năm).", []),
    # Part Two II.1: the commune's movements for 2026–2030.
    ("Chuyển đổi số toàn diện", L.COMMUNE, "Ủy ban nhân dân xã", KD.THEMATIC, None, "",
     D(2026, 1, 1), D(2030, 12, 31), ST.RUNNING,
     "Chỉ tiêu giai đoạn 2026–2030: tỷ lệ hồ sơ thủ tục hành chính trực tuyến hằng năm đạt 80 %, đến năm 2030 "
     "trên 85 %; giải quyết thủ tục hành chính đúng hạn trên 95 %.", []),
    ("Chính quyền thân thiện, phục vụ nhân dân", L.COMMUNE, "Ủy ban nhân dân xã", KD.THEMATIC, None, "",
     D(2026, 1, 1), D(2027, 12, 31), ST.RUNNING,
     "Đến năm 2027, chính quyền xã được công nhận đạt chuẩn “Chính quyền thân thiện”.", []),
]

SECTOR_MOVEMENT = "Phong trào thi đua ngành giáo dục, y tế, an ninh quốc phòng"
SCHOOLS = "Khối các trường học"
K = Organisation.Kind


def _org(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


def _ensure_movements(commune, log) -> None:
    existing = set(Movement.objects.filter(commune=commune).values_list("name", flat=True))
    for name, level, by, kind, year, theme, start, end, state, description, results in MOVEMENTS:
        if name in existing:
            continue
        participants = []
        if name == SECTOR_MOVEMENT:
            participants = list(commune.subtree().filter(
                kind__in=[*Organisation.SCHOOL_KINDS, K.HEALTH_STATION, K.POLICE, K.MILITARY], valid_until__isnull=True))
        movement = services.create_movement(
            actor=None, commune=commune, name=name, level=level, launched_by=by, kind=kind, year=year, theme=theme,
            start_date=start, end_date=end, state=state, description=description, participants=participants)
        for order, (indicator, comparator, value, unit, org, period, note) in enumerate(results, start=1):
            services.add_result(actor=None, movement=movement, indicator=indicator, comparator=comparator,
                                value=Decimal(value) if value is not None else None, unit=unit,
                                organisation=_org(org) if org else None, period=period, note=note, order=order)
        log(f"  + phong trào {name}")


# --- Registration, reminders, pacts ----------------------------------------------------------

# year -> (deadline, day the units registered, day the pacts were signed). Assumed: after the
# July 2025 reform the new commune's units registered again for 2025.
YEARS = {
    2025: (D(2025, 8, 15), D(2025, 8, 8), D(2025, 8, 20)),
    2026: (D(2026, 12, 31), D(2026, 2, 10), D(2026, 2, 24)),
}
# Units that have not registered for 2026 in the demo (the officer's coverage shows them).
NOT_REGISTERED_2026 = {"mn-hong-phong", "tram-y-te-2", "hoi-nong-dan", "thon-tan-hung", "thon-luu-xa"}
REMINDED_2026 = {"hoi-nong-dan", "thon-tan-hung"}
NOT_SIGNED_2026 = {"mn-hong-phong", "thon-tan-hung"}
# Collective titles aimed higher than the default, from the seed's record of these units.
HIGHER_TITLES = {"thcs-thanh-giang": Title.TTLDXS, "th-chi-lang-nam": Title.TTLDXS, "th-thanh-giang": Title.TTLDXS,
                 "cong-an-xa": Title.DVQT, "ban-chqs": Title.DVQT}
# People the seed records as Chiến sĩ thi đua cơ sở in recent years.
CSTD_PEOPLE = {"Vũ Thị Nhạn", "Trần Thị Thảo", "Vũ Thị Phương", "Vũ Thị Thanh", "Đào Duy Kiên", "Nguyễn Thị Mai"}
SEED_NAMES = {p[0] for p in SEED_PEOPLE}


def _default_title(unit: Organisation) -> str:
    if unit.kind == K.VILLAGE:
        return Title.THON_VAN_HOA
    if unit.code in HIGHER_TITLES:
        return HIGHER_TITLES[unit.code]
    return Title.DVTT if unit.kind in (K.POLICE, K.MILITARY) else Title.TTLDTT


# Units whose whole staff registered individually in the demo (the demo clerks' units); elsewhere
# only the people the seed names did, to keep the demo quick to load.
FULL_STAFF = {"mn-hong-phong", "thcs-thanh-giang"}


def _member_titles(units: list[Organisation], on: datetime.date) -> dict[int, dict]:
    """unit id -> {person: individual title} for the members who register in the demo."""
    result: dict[int, dict] = defaultdict(dict)
    memberships = Membership.objects.filter(Membership.current_q(on), organisation__in=units).select_related(
        "person", "organisation")
    for m in memberships:
        person = m.person
        if m.organisation.code not in FULL_STAFF and person.full_name not in SEED_NAMES:
            continue
        base = Title.CSTT if person.category == person.Category.LUC_LUONG_VU_TRANG else Title.LDTT
        result[m.organisation_id][person] = Title.CSTD_CO_SO if person.full_name in CSTD_PEOPLE else base
    return result


def _ensure_registrations(commune, log) -> None:
    for year, (deadline, registered_on, signed_on) in YEARS.items():
        period = RegistrationPeriod.objects.filter(commune=commune, year=year).first() or \
            services.set_registration_period(actor=None, commune=commune, year=year, deadline=deadline,
                                             note="Hạn đăng ký là giả định cho dữ liệu mẫu.")
        blocks = list(EmulationBlock.objects.filter(commune=commune, year=year).prefetch_related("members"))
        units = {u.pk: u for b in blocks for u in b.members.all()}
        if not period.registrations.exists():
            registering = [u for u in units.values() if not (year == 2026 and u.code in NOT_REGISTERED_2026)]
            members = _member_titles(registering, registered_on)
            rows, seen = [], set()
            for unit in registering:
                rows.append(Registration(period=period, organisation=unit, title=_default_title(unit),
                                         registered_on=registered_on))
                for person, title in members.get(unit.pk, {}).items():
                    if person.pk not in seen:
                        seen.add(person.pk)
                        rows.append(Registration(period=period, organisation=unit, person=person, title=title,
                                                 registered_on=registered_on))
            log_batch(actor=None, model=Registration, objects=Registration.objects.bulk_create(rows),
                      note=f"Dữ liệu mẫu: đăng ký thi đua năm {year}")
        new_pacts = Pact.objects.bulk_create([
            Pact(block=b, title=f"Giao ước thi đua năm {year} — {b.name}", text=_pact_text(b))
            for b in blocks if not Pact.objects.filter(block=b).exists()])
        if new_pacts:
            log_batch(actor=None, model=Pact, objects=new_pacts, note=f"Dữ liệu mẫu: giao ước thi đua năm {year}")
            signatures = PactSignature.objects.bulk_create([
                PactSignature(pact=pact, organisation=unit, signed_on=signed_on, signatory="Thủ trưởng đơn vị")
                for pact in new_pacts for unit in pact.block.members.all()
                if not (year == 2026 and unit.code in NOT_SIGNED_2026)])
            log_batch(actor=None, model=PactSignature, objects=signatures,
                      note=f"Dữ liệu mẫu: các đơn vị ký giao ước năm {year}")
        if year == 2026 and not Reminder.objects.filter(period=period).exists():
            for code in sorted(REMINDED_2026):
                services.send_reminder(actor=None, period=period, organisation=_org(code))
        log(f"  + đăng ký, giao ước thi đua năm {year}")


def _pact_text(block: EmulationBlock) -> str:
    return (
        f"Thực hiện Kế hoạch thi đua, khen thưởng năm {block.year} của UBND xã Nam Thanh Miện, các đơn vị "
        f"{block.name.lower()} cùng ký giao ước thi đua với các nội dung:\n"
        "1. Hoàn thành xuất sắc nhiệm vụ chính trị được giao; 100 % cán bộ, công chức, viên chức, người lao động "
        "đăng ký danh hiệu thi đua.\n"
        "2. Hưởng ứng các phong trào thi đua của Trung ương, thành phố và xã: “Chuyển đổi số toàn diện”, "
        "“Chính quyền thân thiện, phục vụ nhân dân”, nông thôn mới kiểu mẫu, bảo vệ môi trường.\n"
        "3. Thực hiện nghiêm kỷ luật, kỷ cương hành chính; không có cá nhân bị kỷ luật từ khiển trách trở lên.\n"
        "4. Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến; báo cáo đầy đủ, đúng hạn.\n"
        "Các đơn vị thường xuyên trao đổi, học tập kinh nghiệm, giúp nhau cùng hoàn thành nhiệm vụ."
    )


# --- Criteria sets ---------------------------------------------------------------------------

BANDS = {Band.Code.EXCELLENT: Decimal(95), Band.Code.GOOD: Decimal(85), Band.Code.COMPLETED: Decimal(70),
         Band.Code.NOT_COMPLETED: Decimal(0)}
G1, G2, G3 = ("I. Thực hiện nhiệm vụ chuyên môn", "II. Xây dựng tổ chức, đội ngũ",
              "III. Thực hiện phong trào thi đua và công tác khác")
GB, GP = "IV. Điểm thưởng", "V. Điểm trừ"
R, B, P = Criterion.Kind.REGULAR, Criterion.Kind.BONUS, Criterion.Kind.PENALTY

# Group I per block (50 points): (code, text, points, evidence)
TASKS = {
    "Khối các trường học": [
        ("1.1", "Tỷ lệ trẻ hoàn thành chương trình, học sinh lên lớp, học sinh lớp 9 tốt nghiệp THCS đạt 100 %",
         15, "Báo cáo tổng kết năm học"),
        ("1.2", "Duy trì sĩ số; huy động trẻ ra lớp đúng độ tuổi; tỷ lệ học sinh bỏ học dưới 0,5 %", 10,
         "Báo cáo thống kê sĩ số"),
        ("1.3", "Học sinh giỏi, giáo viên dạy giỏi, giáo viên giỏi các cấp (mỗi giải cấp tỉnh 2 điểm, cấp xã 1 điểm)",
         10, "Quyết định công nhận, giấy chứng nhận giải"),
        ("1.4", "Trường đạt chuẩn quốc gia, đạt kiểm định chất lượng giáo dục", 10, "Quyết định công nhận"),
        ("1.5", "Chuyển đổi số trong quản lý, dạy học: 100 % hồ sơ, sổ điểm điện tử", 5, "Báo cáo, ảnh chụp hệ thống"),
    ],
    "Khối y tế và đơn vị sự nghiệp": [
        ("1.1", "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt từ 98 % trở lên", 15, "Báo cáo tiêm chủng"),
        ("1.2", "Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 98 %", 10, "Số liệu Bảo hiểm xã hội"),
        ("1.3", "Hồ sơ thủ tục hành chính giải quyết đúng hạn trên 95 %; hồ sơ trực tuyến đạt 80 %", 10,
         "Số liệu Cổng dịch vụ công"),
        ("1.4", "Không để dịch bệnh lớn, sự cố chuyên môn nghiêm trọng xảy ra", 10, ""),
        ("1.5", "Tỷ lệ hài lòng của người dân đạt trên 98 %", 5, "Kết quả khảo sát"),
    ],
    "Khối cơ quan chuyên môn": [
        ("1.1", "Hoàn thành 100 % nhiệm vụ theo chương trình công tác năm của UBND xã", 15, "Báo cáo tổng kết năm"),
        ("1.2", "Tỷ lệ giải quyết thủ tục hành chính đúng hạn trên 95 %", 10, "Số liệu Cổng dịch vụ công"),
        ("1.3", "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến đạt 80 %", 10, "Số liệu Cổng dịch vụ công"),
        ("1.4", "Tham mưu văn bản đúng hạn, đúng thể thức; 100 % văn bản trên phần mềm quản lý văn bản", 10, ""),
        ("1.5", "Tỷ lệ hài lòng của người dân với giải quyết thủ tục hành chính trên 98 %", 5, "Kết quả khảo sát"),
    ],
    "Khối Mặt trận và đoàn thể": [
        ("1.1", "Tổ chức được xếp loại vững mạnh (chỉ tiêu: 100 % vững mạnh, không có tổ chức yếu kém)", 15,
         "Quyết định xếp loại"),
        ("1.2", "Phát triển đoàn viên, hội viên đạt chỉ tiêu được giao", 10, "Báo cáo tổng kết"),
        ("1.3", "Vận động quỹ “Vì người nghèo”, quỹ “Đền ơn đáp nghĩa” đạt chỉ tiêu", 10, "Sổ quỹ, biên lai"),
        ("1.4", "Giám sát, phản biện xã hội; tham gia xây dựng nông thôn mới, đô thị văn minh", 10, ""),
        ("1.5", "Ứng dụng công nghệ thông tin trong sinh hoạt, tuyên truyền", 5, ""),
    ],
    "Khối lực lượng vũ trang": [
        ("1.1", "Hoàn thành 100 % chỉ tiêu giao quân", 15, "Báo cáo kết quả giao quân"),
        ("1.2", "Giữ vững an ninh chính trị, trật tự an toàn xã hội; không để xảy ra điểm nóng", 10, "Báo cáo tổng kết"),
        ("1.3", "17/17 thôn và các cơ quan đạt danh hiệu an toàn về an ninh trật tự", 10, "Quyết định công nhận"),
        ("1.4", "Huấn luyện, diễn tập đạt khá, giỏi", 10, "Kết quả kiểm tra"),
        ("1.5", "Giải quyết hồ sơ hành chính về cư trú, căn cước đúng hạn 100 %", 5, ""),
    ],
    "Khối các thôn": [
        ("1.1", "Tỷ lệ hộ đạt danh hiệu “Gia đình văn hóa” trên 96 %", 15, "Danh sách bình xét"),
        ("1.2", "Không có hộ tái nghèo; tỷ lệ hộ nghèo đa chiều giảm theo kế hoạch", 10, "Kết quả rà soát hộ nghèo"),
        ("1.3", "Hoàn thành thu nộp ngân sách, các loại quỹ được giao", 10, "Biên lai, sổ thu"),
        ("1.4", "Thôn đạt “an toàn về an ninh trật tự”; không có tội phạm, tệ nạn phát sinh", 10, ""),
        ("1.5", "Vệ sinh môi trường, cảnh quan xanh – sạch – đẹp theo tiêu chí nông thôn mới kiểu mẫu", 5, ""),
    ],
}
COMMON = [
    (G2, "2.1", "100 % cán bộ, công chức, viên chức hoàn thành nhiệm vụ, trong đó từ 80 % hoàn thành tốt trở lên",
     R, 10, "Biên bản đánh giá, xếp loại"),
    (G2, "2.2", "Có sáng kiến, đề tài được công nhận cấp cơ sở trở lên", R, 5, "Quyết định công nhận sáng kiến"),
    (G2, "2.3", "Chi bộ, công đoàn, chi đoàn của đơn vị đạt vững mạnh", R, 5, "Quyết định xếp loại"),
    (G2, "2.4", "Không có cá nhân bị kỷ luật trong năm", R, 5, ""),
    (G3, "3.1", "Đăng ký thi đua, ký giao ước đầy đủ, đúng hạn; 100 % cá nhân đăng ký danh hiệu thi đua", R, 5,
     "Bản đăng ký thi đua"),
    (G3, "3.2", "Hưởng ứng các phong trào thi đua của Trung ương, thành phố, xã; có kết quả lượng hóa được", R, 10,
     "Báo cáo kết quả phong trào"),
    (G3, "3.3", "Phát hiện, giới thiệu gương người tốt, việc tốt (tối thiểu 01 gương mỗi quý)", R, 5, ""),
    (G3, "3.4", "Báo cáo định kỳ đầy đủ, đúng hạn", R, 5, ""),
    (GB, "T.1", "Tập thể, cá nhân được khen thưởng cấp tỉnh trở lên trong năm", B, 3, "Quyết định khen thưởng"),
    (GB, "T.2", "Mô hình, cách làm hay được xã nhân rộng", B, 2, "Văn bản của UBND xã"),
    (GP, "Tr.1", "Để xảy ra vụ việc mất an toàn, vi phạm đạo đức công vụ, đạo đức nhà giáo", P, 5, ""),
    (GP, "Tr.2", "Chậm, thiếu báo cáo (mỗi lần trừ 1 điểm)", P, 3, ""),
    (GP, "Tr.3", "Có đơn thư khiếu nại, tố cáo được kết luận đúng", P, 2, ""),
]


def _ensure_criteria(commune, log) -> None:
    for year in YEARS:
        blocks = [b for b in EmulationBlock.objects.filter(commune=commune, year=year).order_by("name")
                  if b.name in TASKS and (year == 2026 or b.name == SCHOOLS)  # 2025: the schools block only
                  and not CriteriaSet.objects.filter(block=b).exists()]
        if not blocks:
            continue
        # The sets score the city's theme movement of their year (assumed for the demo).
        movement = Movement.objects.filter(commune=commune, year=year, name__startswith="Thi đua thực hiện chủ đề năm").first()
        sets = CriteriaSet.objects.bulk_create([
            CriteriaSet(block=b, movement=movement, name=f"Tiêu chí thi đua năm {year} — {b.name}", version=1,
                        top_award=RewardForm.GIAY_KHEN_XA,
                        note="Tổng 100 điểm tiêu chí; điểm thưởng tối đa 5; điểm trừ tối đa 10. Thang điểm là dữ "
                             "liệu mẫu.") for b in blocks])
        bands = Band.objects.bulk_create([Band(criteria_set=cs, code=code, min_points=points)
                                          for cs in sets for code, points in BANDS.items()])
        criteria = []
        for cs in sets:
            rows = [(G1, *task[:2], R, task[2], task[3]) for task in TASKS[cs.block.name]] + COMMON
            criteria += [Criterion(criteria_set=cs, group=group, code=code, text=text, kind=kind,
                                   max_points=Decimal(points), evidence_required=evidence, order=order)
                         for order, (group, code, text, kind, points, evidence) in enumerate(rows, start=1)]
        criteria = Criterion.objects.bulk_create(criteria)
        for model, objects in ((CriteriaSet, sets), (Band, bands), (Criterion, criteria)):
            log_batch(actor=None, model=model, objects=objects, note=f"Dữ liệu mẫu: bộ tiêu chí thi đua năm {year}")
        log(f"  + bộ tiêu chí năm {year}")


# --- Scores ----------------------------------------------------------------------------------

# 2026, schools block: (unit code, final state, {criterion code: self-score} overriding the maximum
# of a regular criterion (bonus and penalty: none unless given), scorers' changes {code: (points, reason)}).
# Totals: THCS Thanh Giang 101,5 · TH Chi Lăng Nam 99 · TH Thanh Giang 96 · MN Chi Lăng Nam 93 · drafts 50.
SCHOOLS_2026 = [
    ("thcs-thanh-giang", Scorecard.State.LOCKED, {"T.1": 3, "T.2": Decimal("1.5"), "Tr.2": -1},
     {"1.3": (8, "Giải cấp tỉnh: 1 học sinh giỏi, 1 giáo viên dạy giỏi (theo quyết định); đơn vị tự chấm 10.")}),
    ("th-chi-lang-nam", Scorecard.State.LOCKED, {"1.4": 9}, {}),
    ("th-thanh-giang", Scorecard.State.SUBMITTED, {"1.3": 6}, {}),
    ("mn-chi-lang-nam", Scorecard.State.SUBMITTED, {"1.3": 5, "3.2": 8}, {}),
    ("thcs-chi-lang-bac", Scorecard.State.DRAFT, {}, {}),
    ("mn-thanh-giang", Scorecard.State.DRAFT, {}, {}),
]
DRAFT_SCORED = 5  # a draft has its first five criteria self-scored
# When the demo's scorecards were submitted and locked (assumed).
STAMPS = {2025: (datetime.datetime(2025, 12, 18, 9, 0), datetime.datetime(2025, 12, 22, 15, 0)),
          2026: (datetime.datetime(2026, 11, 20, 9, 0), datetime.datetime(2026, 11, 25, 15, 0))}


def _plan_2025(units) -> list[tuple]:
    """Every school was scored and locked for 2025: deterministic sample deductions."""
    plans = []
    for unit in units:
        rng = random.Random(f"2025:{unit.code}")
        points = {code: -rng.choice([0, 0, 0, 1, 1, 2]) for code in ("1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "3.2")}
        points.update({"T.1": rng.choice([0, 0, 1, 2, 3]), "Tr.2": -rng.choice([0, 0, 0, 1])})
        plans.append((unit.code, Scorecard.State.LOCKED, points, {}))
    return plans


def _ensure_scores(commune, log) -> None:
    """Scorecards with their scores, written in bulk (one audit row per model and year)."""
    sets = CriteriaSet.objects.filter(block__commune=commune, block__name=SCHOOLS).select_related("block")
    for cs in sets:
        year = cs.block.year
        if Scorecard.objects.filter(criteria_set=cs).exists():
            continue
        criteria = list(cs.criteria.all())
        plans = _plan_2025(cs.block.members.all()) if year == 2025 else SCHOOLS_2026
        submitted_at, locked_at = (timezone.make_aware(t) for t in STAMPS[year])
        units = {u.code: u for u in Organisation.objects.filter(code__in=[p[0] for p in plans])}
        cards = Scorecard.objects.bulk_create([
            Scorecard(criteria_set=cs, organisation=units[code], state=state,
                      submitted_at=submitted_at if state != Scorecard.State.DRAFT else None,
                      locked_at=locked_at if state == Scorecard.State.LOCKED else None)
            for code, state, _points, _changes in plans])
        scores, changes = [], []
        for card, (_code, state, points, reviewed) in zip(cards, plans):
            todo = criteria[:DRAFT_SCORED] if state == Scorecard.State.DRAFT else criteria
            for c in todo:
                claimed = _claimed(c, points.get(c.code), year)
                final = reviewed.get(c.code)
                if claimed is None and final is None:
                    continue
                score = Score(scorecard=card, criterion=c, self_points=claimed,
                              points=Decimal(final[0]) if final else None)
                scores.append(score)
                if final:
                    changes.append(ScoreChange(score=score, old_points=claimed, new_points=Decimal(final[0]),
                                               reason=final[1]))
        scores = Score.objects.bulk_create(scores)
        changes = ScoreChange.objects.bulk_create(changes)
        for model, objects in ((Scorecard, cards), (Score, scores), (ScoreChange, changes)):
            log_batch(actor=None, model=model, objects=objects, note=f"Dữ liệu mẫu: chấm điểm thi đua năm {year}")
    log("  + bảng điểm thi đua")


def _claimed(c: Criterion, value, year: int) -> Decimal | None:
    """What the unit self-scored: the maximum of a regular criterion unless the plan says
    otherwise (2026: the points; 2025: a deduction from the maximum); bonus/penalty as planned."""
    if c.kind == Criterion.Kind.REGULAR:
        if value is None:
            return c.max_points
        return c.max_points + Decimal(value) if year == 2025 else Decimal(value)
    return Decimal(value) if value is not None else None


def load(log=print) -> None:
    commune = Organisation.objects.filter(code=COMMUNE).first()
    if commune is None:
        return
    _ensure_movements(commune, log)
    _ensure_registrations(commune, log)
    _ensure_criteria(commune, log)
    _ensure_scores(commune, log)
