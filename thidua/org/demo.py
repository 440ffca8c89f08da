"""The demo commune: Nam Thanh Miện as the seed report describes it.

Idempotent: every record has a natural key (organisation code; person name + unit;
household head + village) and is created only when missing, through the audited
services (actor: the system).
"""
from __future__ import annotations

import datetime
import random

from thidua.core.text import nfc

from . import services
from .models import EmulationBlock, Household, Organisation, Person

K = Organisation.Kind
C = Person.Category
REFORM_END = datetime.date(2025, 6, 30)   # the former province, district and communes end
REFORM_START = datetime.date(2025, 7, 1)  # two-level local government begins
COMMUNE = "xa-nam-thanh-mien"

# (code, name, kind, parent code, valid_from, valid_until, merged_into code, note)
ORGANISATIONS = [
    ("hai-phong", "Thành phố Hải Phòng", K.CITY, None, None, None, None, ""),
    ("hai-duong", "Tỉnh Hải Dương", K.CITY, None, None, REFORM_END, "hai-phong",
     "Hợp nhất vào thành phố Hải Phòng từ 01/7/2025."),
    ("huyen-thanh-mien", "Huyện Thanh Miện", K.DISTRICT, "hai-duong", None, REFORM_END, None,
     "Kết thúc hoạt động cấp huyện từ 01/7/2025; thẩm quyền khen thưởng chuyển về Chủ tịch UBND xã (NĐ 129/2025, Điều 59)."),
    (COMMUNE, "Xã Nam Thanh Miện", K.COMMUNE, "hai-phong", REFORM_START, None, None,
     "Thành lập trên cơ sở sắp xếp các xã Chi Lăng Nam, Chi Lăng Bắc, Thanh Giang, Hồng Phong của huyện Thanh Miện (cũ)."),
    ("xa-chi-lang-nam", "Xã Chi Lăng Nam", K.COMMUNE, "huyen-thanh-mien", None, REFORM_END, COMMUNE,
     "Đạt xã Nông thôn mới kiểu mẫu."),
    ("xa-chi-lang-bac", "Xã Chi Lăng Bắc", K.COMMUNE, "huyen-thanh-mien", None, REFORM_END, COMMUNE,
     "Đạt xã Nông thôn mới nâng cao."),
    ("xa-thanh-giang", "Xã Thanh Giang", K.COMMUNE, "huyen-thanh-mien", None, REFORM_END, COMMUNE,
     "Đạt xã Nông thôn mới nâng cao."),
    ("xa-hong-phong", "Xã Hồng Phong", K.COMMUNE, "huyen-thanh-mien", None, REFORM_END, COMMUNE, ""),
    # Units of the commune
    ("ubnd-van-phong", "Văn phòng HĐND và UBND xã", K.SPECIALISED_OFFICE, COMMUNE, REFORM_START, None, None, ""),
    ("phong-vhxh", "Phòng Văn hóa - Xã hội", K.SPECIALISED_OFFICE, COMMUNE, REFORM_START, None, None, ""),
    ("phong-kinh-te", "Phòng Kinh tế", K.SPECIALISED_OFFICE, COMMUNE, REFORM_START, None, None, ""),
    ("trung-tam-pvhcc", "Trung tâm Phục vụ hành chính công xã", K.SERVICE_CENTRE, COMMUNE, REFORM_START, None, None, ""),
    ("mn-hong-phong", "Trường Mầm non Hồng Phong", K.PRESCHOOL, COMMUNE, None, None, None, ""),
    ("mn-chi-lang-bac", "Trường Mầm non Chi Lăng Bắc", K.PRESCHOOL, COMMUNE, None, None, None, ""),
    ("mn-chi-lang-nam", "Trường Mầm non Chi Lăng Nam", K.PRESCHOOL, COMMUNE, None, None, None, ""),
    ("mn-thanh-giang", "Trường Mầm non Thanh Giang", K.PRESCHOOL, COMMUNE, None, None, None, ""),
    ("th-chi-lang-nam", "Trường Tiểu học Chi Lăng Nam", K.PRIMARY_SCHOOL, COMMUNE, None, None, None, ""),
    ("th-chi-lang-bac", "Trường Tiểu học Chi Lăng Bắc", K.PRIMARY_SCHOOL, COMMUNE, None, None, None, ""),
    ("th-thanh-giang", "Trường Tiểu học Thanh Giang", K.PRIMARY_SCHOOL, COMMUNE, None, None, None, ""),
    ("thcs-thanh-giang", "Trường THCS Thanh Giang", K.LOWER_SECONDARY, COMMUNE, None, None, None, ""),
    ("thcs-chi-lang-bac", "Trường THCS Chi Lăng Bắc", K.LOWER_SECONDARY, COMMUNE, None, None, None, ""),
    ("thcs-hong-phong", "Trường THCS Hồng Phong", K.LOWER_SECONDARY, COMMUNE, None, None, None, ""),
    ("tram-y-te-1", "Trạm Y tế xã Nam Thanh Miện số 1", K.HEALTH_STATION, COMMUNE, REFORM_START, None, None, ""),
    ("tram-y-te-2", "Trạm Y tế xã Nam Thanh Miện số 2", K.HEALTH_STATION, COMMUNE, REFORM_START, None, None, ""),
    ("tram-y-te-3", "Trạm Y tế xã Nam Thanh Miện số 3", K.HEALTH_STATION, COMMUNE, REFORM_START, None, None, ""),
    ("tram-y-te-4", "Trạm Y tế xã Nam Thanh Miện số 4", K.HEALTH_STATION, COMMUNE, REFORM_START, None, None, ""),
    ("cong-an-xa", "Công an xã Nam Thanh Miện", K.POLICE, COMMUNE, REFORM_START, None, None, ""),
    ("ban-chqs", "Ban Chỉ huy Quân sự xã", K.MILITARY, COMMUNE, REFORM_START, None, None, ""),
    ("dang-uy", "Đảng ủy xã Nam Thanh Miện", K.PARTY, COMMUNE, REFORM_START, None, None, ""),
    ("mttq", "Ủy ban Mặt trận Tổ quốc Việt Nam xã", K.FATHERLAND_FRONT, COMMUNE, REFORM_START, None, None, ""),
    ("doan-xa", "Đoàn TNCS Hồ Chí Minh xã", K.YOUTH_UNION, COMMUNE, REFORM_START, None, None, ""),
    ("hoi-phu-nu", "Hội Liên hiệp Phụ nữ xã", K.WOMEN_UNION, COMMUNE, REFORM_START, None, None, ""),
    ("hoi-ccb", "Hội Cựu chiến binh xã", K.VETERANS, COMMUNE, REFORM_START, None, None, ""),
    ("hoi-nong-dan", "Hội Nông dân xã", K.FARMERS, COMMUNE, REFORM_START, None, None, ""),
    # Former units whose awards keep their real issuer and holder
    ("cong-an-chi-lang-nam", "Công an xã Chi Lăng Nam (cũ)", K.POLICE, "xa-chi-lang-nam", None, REFORM_END, "cong-an-xa",
     "Bằng khen Bộ Công an; Đơn vị Quyết thắng 2021, 2022, 2023."),
    ("doan-chi-lang-nam", "Đoàn TNCS Hồ Chí Minh xã Chi Lăng Nam (cũ)", K.YOUTH_UNION, "xa-chi-lang-nam", None, REFORM_END, "doan-xa", ""),
    ("hoi-phu-nu-chi-lang-bac", "Hội Phụ nữ xã Chi Lăng Bắc (cũ)", K.WOMEN_UNION, "xa-chi-lang-bac", None, REFORM_END, "hoi-phu-nu", ""),
]

# The seed names seven villages; the other ten complete the 17 "Làng văn hóa" (names assumed for the demo).
SEED_VILLAGES = ["Triều Dương", "Tiên Động", "Thống Nhất", "Phú Khê", "Phù Tải 1", "Hội Yên", "Tào Khê"]
OTHER_VILLAGES = ["Phù Tải 2", "Chi Lăng", "Lại Xá", "Hoàng Xá", "Thọ Xuân", "Phương Khê", "Đông Hồ",
                  "Tiêu Lâm", "Lưu Xá", "Tân Hưng"]
VILLAGES = SEED_VILLAGES + OTHER_VILLAGES


def village_code(name: str) -> str:
    from thidua.core.text import search_key
    return "thon-" + search_key(name).replace(" ", "-")


# People the seed names: (full name, gender, unit code, position, category, note)
F, M = Person.Gender.FEMALE, Person.Gender.MALE
SEED_PEOPLE = [
    ("Nguyễn Thị Mai", F, "mn-hong-phong", "Phó Hiệu trưởng", C.VIEN_CHUC, ""),
    ("Vũ Thị Phương", F, "mn-chi-lang-bac", "Giáo viên", C.VIEN_CHUC, ""),
    ("Bùi Thị Thu", F, "mn-hong-phong", "Giáo viên", C.VIEN_CHUC, "Thành tích xuất sắc trong hội thi giáo viên giỏi."),
    ("Nguyễn Thị Ánh", F, "mn-chi-lang-nam", "Giáo viên", C.VIEN_CHUC, "Thành tích hiến máu và bồi dưỡng trẻ tài năng."),
    ("Bùi Thị Phương", F, "mn-hong-phong", "Giáo viên", C.VIEN_CHUC, ""),
    ("Nguyễn Thị Kim Nga", F, "mn-hong-phong", "Giáo viên", C.VIEN_CHUC, ""),
    ("Vũ Thị Nhạn", F, "mn-thanh-giang", "Giáo viên", C.VIEN_CHUC, ""),
    ("Trần Thị Thảo", F, "th-chi-lang-nam", "Hiệu trưởng", C.VIEN_CHUC, ""),
    ("Nguyễn Thị Thu Minh", F, "th-thanh-giang", "Hiệu trưởng", C.VIEN_CHUC, ""),
    ("Nguyễn Thị Anh", F, "th-chi-lang-bac", "Giáo viên", C.VIEN_CHUC, "Bồi dưỡng học sinh giỏi; Đảng viên tiêu biểu."),
    ("Hoàng Thị Thu Thủy", F, "th-chi-lang-nam", "Giáo viên", C.VIEN_CHUC, "Giáo viên dạy giỏi cấp tỉnh."),
    ("Vũ Thị Mỵ", F, "th-chi-lang-bac", "Giáo viên - Tổng phụ trách Đội", C.VIEN_CHUC, ""),
    ("Nguyễn Thị Hiền", F, "thcs-thanh-giang", "Giáo viên", C.VIEN_CHUC, ""),
    ("Vũ Thị Thanh", F, "thcs-thanh-giang", "Giáo viên", C.VIEN_CHUC, ""),
    ("Nguyễn Thị Phương Chi", F, "thcs-chi-lang-bac", "Giáo viên", C.VIEN_CHUC, "Giáo viên dạy giỏi tỉnh (2020-2021)."),
    ("Vũ Ngọc Nguyễn", M, "thcs-chi-lang-bac", "Giáo viên", C.VIEN_CHUC, ""),
    ("Dương Thị Luyến", F, "thcs-hong-phong", "Giáo viên", C.VIEN_CHUC, ""),
    ("Nguyễn Thị Mận", F, "thcs-hong-phong", "Giáo viên", C.VIEN_CHUC, ""),
    ("Nguyễn Thị Hà", F, "thcs-hong-phong", "Giáo viên", C.VIEN_CHUC, "Bồi dưỡng học sinh đạt giải tỉnh môn Toán/Tin học."),
    ("Nguyễn Thị Lan Anh", F, "tram-y-te-4", "Trạm trưởng", C.VIEN_CHUC, ""),
    ("Vũ Thị Thêu", F, "tram-y-te-3", "Trạm trưởng", C.VIEN_CHUC, ""),
    ("Đào Duy Kiên", M, "cong-an-xa", "Phó Trưởng Công an xã", C.LUC_LUONG_VU_TRANG, ""),
    ("Vũ Đình Ba", M, "phong-vhxh", "Công chức", C.CONG_CHUC, ""),
    ("Lê Bình Giang", M, "trung-tam-pvhcc", "Công chức", C.CONG_CHUC, ""),
    ("Nguyễn Thúy Hoa", F, "doan-xa", "Bí thư Đoàn xã", C.CAN_BO, ""),
    ("Phạm Thị Bạch Yến", F, "hoi-phu-nu", "Chủ tịch Hội LHPN xã", C.CAN_BO, ""),
    ("Đinh Thị Sen", F, "mttq", "Chuyên viên", C.CONG_CHUC, ""),
    ("Vũ Văn Nguyễn", M, COMMUNE, "Phó Chủ tịch UBND xã", C.CAN_BO, ""),
    ("Nguyễn Văn Thịnh", M, COMMUNE, "Chủ tịch UBND xã", C.CAN_BO, ""),
    ("Trần Thị Hương", F, COMMUNE, "Công chức Văn hóa - Xã hội", C.CONG_CHUC, ""),
]

# Citizens the seed praises: (full name, gender, village, category, note, membership (unit, position) or None)
SEED_CITIZENS = [
    ("Nguyễn Thị Kim Nhài", F, "Hội Yên", C.NHAN_DAN, "", ("hoi-phu-nu", "Chi hội trưởng Phụ nữ thôn Hội Yên")),
    ("Phạm Ngọc Gốt", M, "Thống Nhất", C.NHAN_DAN, "Hiến 123 m² đất thổ cư làm đường giao thông nông thôn.", None),
    ("Trần Văn Khảm", M, "Phú Khê", C.NHAN_DAN, "Hiến 120 m² đất làm đường giao thông.", None),
    ("Vũ Đình Thúy", M, "Triều Dương", C.NHAN_DAN, "Ủng hộ làm đường giao thông trên 60 triệu đồng.", None),
    ("Bùi Hữu Đồi", M, "Phù Tải 1", C.NHAN_DAN, "Hiến 31 m² đất ở làm đường giao thông và trên 20 triệu đồng.", None),
    ("Vũ Văn Xa", M, "Tiên Động", C.DOANH_NHAN, "Doanh nghiệp kinh doanh giỏi, tạo việc làm cho nhiều lao động, tích cực làm đường nông thôn.", None),
    ("Vũ Văn Hưng", M, "Tào Khê", C.NHAN_DAN, "Mô hình nhà vườn đào, quất, ổi (diện tích 10 mẫu).", None),
    ("Phan Đắc Thược", M, "Hội Yên", C.NHAN_DAN, "Bánh đa Q5 (sản phẩm OCOP).", None),
    ("Phan Đắc Thống", M, "Hội Yên", C.DOANH_NHAN, "Mô hình kinh doanh vật liệu xây dựng, tích cực ủng hộ xây dựng NTM.", None),
    ("Vũ Duy Triển", M, "Hội Yên", C.NHAN_DAN, "Mô hình sản xuất bánh đa tự động (Làng nghề Hội Yên).", None),
    ("Vũ Văn Phong", M, "Triều Dương", C.NHAN_DAN, "Mô hình nhà vườn Phong Cò (Farm).", None),
    ("Vũ Thông Hoa", M, "Phù Tải 1", C.NHAN_DAN, "Mô hình trồng hoa, rau trái vụ.", None),
    ("Vũ Đình Chinh", M, "Thống Nhất", C.NHAN_DAN, "Mô hình VAC rộng trên 1 ha: chăn nuôi trâu, vịt, thả cá.", None),
]

# Staff sizes for generated colleagues (so that collective rules such as "≥ 70 % LĐTT" have members).
STAFF_SIZES = {K.PRESCHOOL: 22, K.PRIMARY_SCHOOL: 26, K.LOWER_SECONDARY: 28, K.HEALTH_STATION: 7,
               K.SPECIALISED_OFFICE: 8, K.SERVICE_CENTRE: 6, K.POLICE: 12, K.MILITARY: 5,
               K.FATHERLAND_FRONT: 3, K.YOUTH_UNION: 2, K.WOMEN_UNION: 2, K.VETERANS: 2, K.FARMERS: 2}
STAFF_CATEGORY = {K.POLICE: C.LUC_LUONG_VU_TRANG, K.MILITARY: C.LUC_LUONG_VU_TRANG,
                  K.SPECIALISED_OFFICE: C.CONG_CHUC, K.SERVICE_CENTRE: C.CONG_CHUC,
                  K.FATHERLAND_FRONT: C.CAN_BO, K.YOUTH_UNION: C.CAN_BO, K.WOMEN_UNION: C.CAN_BO,
                  K.VETERANS: C.CAN_BO, K.FARMERS: C.CAN_BO}
STAFF_POSITION = {K.PRESCHOOL: "Giáo viên", K.PRIMARY_SCHOOL: "Giáo viên", K.LOWER_SECONDARY: "Giáo viên",
                  K.HEALTH_STATION: "Y sĩ", K.POLICE: "Cán bộ Công an xã", K.MILITARY: "Chỉ huy phó"}

SURNAMES = ["Nguyễn", "Vũ", "Phạm", "Trần", "Bùi", "Đỗ", "Hoàng", "Lê", "Đào", "Phan", "Đinh", "Dương", "Ngô", "Lương"]
FEMALE_MIDDLE = ["Thị", "Thị", "Thị Thu", "Thị Thanh", "Thị Hồng", "Thị Minh", "Thị Kim", "Thị Ngọc"]
MALE_MIDDLE = ["Văn", "Văn", "Đức", "Đình", "Minh", "Quang", "Ngọc", "Hữu", "Duy"]
FEMALE_GIVEN = ["Hoa", "Lan", "Hương", "Hằng", "Huyền", "Trang", "Nhung", "Loan", "Yến", "Dung", "Hạnh", "Liên",
                "Ngân", "Oanh", "Thúy", "Vân", "Xuân", "Linh", "Quyên", "Tâm", "Hiên", "Duyên"]
MALE_GIVEN = ["Hùng", "Dũng", "Tuấn", "Hải", "Long", "Nam", "Quân", "Sơn", "Thắng", "Trung", "Khánh", "Cường", "Tùng", "Việt"]
FEMALE_SHARE = {K.PRESCHOOL: 1.0, K.PRIMARY_SCHOOL: 0.85, K.LOWER_SECONDARY: 0.75, K.HEALTH_STATION: 0.7,
                K.WOMEN_UNION: 1.0, K.POLICE: 0.15, K.MILITARY: 0.0}


def _org(code: str) -> Organisation:
    return Organisation.objects.get(code=code)


def _ensure_organisations(log) -> None:
    for code, name, kind, parent, valid_from, valid_until, _merged, note in ORGANISATIONS:
        if not Organisation.objects.filter(code=code).exists():
            services.create_organisation(actor=None, code=code, name=name, kind=kind,
                                         parent=_org(parent) if parent else None,
                                         valid_from=valid_from, valid_until=valid_until, note=note)
            log(f"  + {name}")
    for code, *_rest, merged, _note in ORGANISATIONS:
        org = _org(code)
        if merged and org.merged_into_id is None:
            services.update_organisation(actor=None, organisation=org, merged_into=_org(merged))
    commune = _org(COMMUNE)
    for name in VILLAGES:
        code = village_code(name)
        if not Organisation.objects.filter(code=code).exists():
            note = "" if name in SEED_VILLAGES else "Tên thôn giả định cho dữ liệu mẫu."
            services.create_organisation(actor=None, code=code, name=f"Thôn {name}", kind=K.VILLAGE,
                                         parent=commune, note=note)


def _ensure_person(*, full_name, gender, unit, position, category, note="", household=None) -> Person:
    existing = Person.objects.filter(full_name=nfc(full_name)).filter(
        memberships__organisation=unit).first() if unit else Person.objects.filter(
        full_name=nfc(full_name), household=household).first()
    if existing:
        return existing
    return services.create_person(actor=None, organisation=unit, position=position, full_name=full_name,
                                  gender=gender, category=category, note=note, household=household)


def _ensure_people(log) -> None:
    for full_name, gender, unit_code, position, category, note in SEED_PEOPLE:
        _ensure_person(full_name=full_name, gender=gender, unit=_org(unit_code), position=position,
                       category=category, note=note)
    for full_name, gender, village, category, note, membership in SEED_CITIZENS:
        village_org = _org(village_code(village))
        household = Household.objects.filter(village=village_org, head_name=full_name).first() or \
            services.create_household(actor=None, village=village_org, head_name=full_name)
        if membership:
            unit_code, position = membership
            person = _ensure_person(full_name=full_name, gender=gender, unit=_org(unit_code), position=position,
                                    category=category, note=note, household=household)
        else:
            person = _ensure_person(full_name=full_name, gender=gender, unit=None, position="",
                                    category=category, note=note, household=household)
        if person.household_id is None:
            services.update_person(actor=None, person=person, household=household)


def _ensure_staff(log) -> None:
    """Deterministic colleagues for each current unit, never reusing a name the seed gives."""
    seed_names = {nfc(p[0]) for p in SEED_PEOPLE} | {nfc(c[0]) for c in SEED_CITIZENS}
    for code, *_ in ORGANISATIONS:
        org = _org(code)
        size = STAFF_SIZES.get(org.kind)
        if not size or org.valid_until:
            continue
        rng = random.Random(f"staff:{code}")
        names: dict[str, bool] = {}
        while len(names) < size:
            female = rng.random() < FEMALE_SHARE.get(org.kind, 0.5)
            name = " ".join([rng.choice(SURNAMES), rng.choice(FEMALE_MIDDLE if female else MALE_MIDDLE),
                             rng.choice(FEMALE_GIVEN if female else MALE_GIVEN)])
            if name not in seed_names:
                names.setdefault(name, female)
        for name, female in names.items():
            _ensure_person(full_name=name, gender=F if female else M, unit=org,
                           position=STAFF_POSITION.get(org.kind, "Chuyên viên"),
                           category=STAFF_CATEGORY.get(org.kind, C.VIEN_CHUC),
                           note="Dữ liệu mẫu (sinh tự động).")


BLOCKS = [
    ("Khối các trường học", lambda o: o.kind in Organisation.SCHOOL_KINDS),
    ("Khối y tế và đơn vị sự nghiệp", lambda o: o.kind in (K.HEALTH_STATION, K.SERVICE_CENTRE)),
    ("Khối cơ quan chuyên môn", lambda o: o.kind == K.SPECIALISED_OFFICE),
    ("Khối Mặt trận và đoàn thể", lambda o: o.kind in (K.FATHERLAND_FRONT, K.YOUTH_UNION, K.WOMEN_UNION,
                                                      K.VETERANS, K.FARMERS)),
    ("Khối lực lượng vũ trang", lambda o: o.kind in (K.POLICE, K.MILITARY)),
    ("Khối các thôn", lambda o: o.kind == K.VILLAGE),
]
BLOCK_YEARS = (2025, 2026)


def _ensure_blocks(log) -> None:
    commune = _org(COMMUNE)
    units = [o for o in commune.subtree().exclude(pk=commune.pk) if o.valid_until is None]
    for year in BLOCK_YEARS:
        for name, belongs in BLOCKS:
            block = EmulationBlock.objects.filter(commune=commune, year=year, name=name).first()
            if block is None:
                services.create_block(actor=None, commune=commune, year=year, name=name,
                                      members=[o for o in units if belongs(o)])


def load(log=print) -> None:
    _ensure_organisations(log)
    _ensure_people(log)
    _ensure_staff(log)
    _ensure_blocks(log)
