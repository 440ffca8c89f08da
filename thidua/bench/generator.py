"""A synthetic province, deterministic for a seed: communes with units, staff, citizens,
households, five years of ratings and awards — loaded with bulk inserts.

Sizes per commune default to the province-scale figures of the benchmark issue
(~30 units, ~1 000 people, ~3 000 households, ~5 000 award records)."""
from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction

from thidua.awards.models import Award, AwardType, Rating, new_verification_code
from thidua.core.audit import log_batch
from thidua.core.text import search_key
from thidua.org.models import Household, Membership, Organisation, Person

K = Organisation.Kind
SYLLABLES = ["An", "Bình", "Hòa", "Tân", "Phú", "Thịnh", "Hưng", "Lạc", "Long", "Thành", "Đông", "Tây",
             "Quang", "Minh", "Hồng", "Kim", "Vĩnh", "Đại", "Cẩm", "Gia", "Ngọc", "Thanh", "Trung", "Hải"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
            "Đào", "Đinh", "Phan", "Lương", "Trịnh", "Mai"]
F_MIDDLE = ["Thị", "Thị", "Thị Thu", "Thị Minh", "Thị Hồng", "Ngọc", "Thị Thanh", "Thị Kim"]
M_MIDDLE = ["Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Đình", "Xuân", "Công"]
F_GIVEN = ["Lan", "Hoa", "Mai", "Hương", "Hằng", "Trang", "Linh", "Nhung", "Thảo", "Yến", "Hà", "Ngân", "Phương",
           "Dung", "Huyền", "Vân", "Loan", "Oanh", "Thúy", "Quyên", "Nhạn", "Mận", "Hiền", "Ánh"]
M_GIVEN = ["Hùng", "Dũng", "Tuấn", "Nam", "Long", "Sơn", "Thắng", "Trung", "Khánh", "Cường", "Tùng", "Việt",
           "Hải", "Quân", "Bình", "Kiên", "Giang", "Phong", "Hưng", "Đức"]

# (kind, how many per commune, staff per unit, name pattern)
UNIT_PLAN = [
    (K.SPECIALISED_OFFICE, 3, 9, ["Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Phòng Kinh tế"]),
    (K.SERVICE_CENTRE, 1, 7, ["Trung tâm Phục vụ hành chính công"]),
    (K.PRESCHOOL, 3, 26, None), (K.PRIMARY_SCHOOL, 3, 30, None), (K.LOWER_SECONDARY, 2, 34, None),
    (K.HEALTH_STATION, 2, 9, None), (K.POLICE, 1, 16, ["Công an xã"]), (K.MILITARY, 1, 6, ["Ban Chỉ huy Quân sự"]),
    (K.FATHERLAND_FRONT, 1, 4, ["Ủy ban MTTQ Việt Nam"]), (K.YOUTH_UNION, 1, 3, ["Đoàn TNCS Hồ Chí Minh"]),
    (K.WOMEN_UNION, 1, 3, ["Hội Liên hiệp Phụ nữ"]), (K.VETERANS, 1, 3, ["Hội Cựu chiến binh"]),
    (K.FARMERS, 1, 3, ["Hội Nông dân"]),
]
SCHOOL_PREFIX = {K.PRESCHOOL: "Trường Mầm non", K.PRIMARY_SCHOOL: "Trường Tiểu học",
                 K.LOWER_SECONDARY: "Trường THCS", K.HEALTH_STATION: "Trạm Y tế"}
STAFF_CATEGORY = {K.POLICE: "luc_luong_vu_trang", K.MILITARY: "luc_luong_vu_trang", K.SPECIALISED_OFFICE: "cong_chuc",
                  K.SERVICE_CENTRE: "cong_chuc", K.FATHERLAND_FRONT: "can_bo", K.YOUTH_UNION: "can_bo",
                  K.WOMEN_UNION: "can_bo", K.VETERANS: "can_bo", K.FARMERS: "can_bo"}


@dataclass
class Sizes:
    villages: int = 12
    citizens: int = 400
    households: int = 3000
    years: tuple[int, ...] = (2021, 2022, 2023, 2024, 2025)
    staff_scale: float = 1.0


def _name(rng: random.Random, female: bool) -> str:
    return " ".join([rng.choice(SURNAMES), rng.choice(F_MIDDLE if female else M_MIDDLE),
                     rng.choice(F_GIVEN if female else M_GIVEN)])


def _org(code, name, kind, parent, **extra) -> Organisation:
    org = Organisation(code=code, name=name, kind=kind, parent=parent, **extra)
    org.save()  # computes the tree path
    return org


def province_code(seed: int) -> str:
    return f"tinh-mo-phong-{seed}"


@transaction.atomic
def make_province(*, communes: int, seed: int, sizes: Sizes | None = None, log=print) -> Organisation:
    sizes = sizes or Sizes()
    code = province_code(seed)
    if Organisation.objects.filter(code=code).exists():
        raise ValueError(f"Tỉnh mô phỏng với seed {seed} đã có; dùng seed khác hoặc xóa CSDL.")
    options = "".join(f" --{flag} {value:g}" for flag, value, default in (
        ("households", sizes.households, Sizes.households), ("citizens", sizes.citizens, Sizes.citizens),
        ("staff-scale", sizes.staff_scale, Sizes.staff_scale)) if value != default)
    province = _org(code, f"Tỉnh Mô Phỏng {seed}", K.CITY, None,
                    note=f"Dữ liệu tổng hợp cho đo hiệu năng: python manage.py make_province --communes {communes} "
                         f"--seed {seed}{options}" + (f" (thôn mỗi xã: {sizes.villages})" if sizes.villages != Sizes.villages else ""))
    types = {t.code: t for t in AwardType.objects.all()}
    used_names: set[str] = set()
    for index in range(1, communes + 1):
        rng = random.Random(f"{seed}:{index}")
        while True:
            name = f"Xã {rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
            if name not in used_names:
                used_names.add(name)
                break
        commune = _org(f"{code}-xa-{index:03d}", name, K.COMMUNE, province)
        _fill_commune(commune, rng, sizes, types)
        if log and (index % 10 == 0 or index == communes):
            log(f"  {index}/{communes} xã")
    _province_level(province, seed)
    _upward_dossiers(province, seed)
    _clusters(province, seed)
    return province


# The province level: the city's office users (scope = the city, thidua.accounts.scoping.province_of)
# and, in each commune, what the province's dashboards count besides the ledger — the year's
# emulation block with its registrations, and the reward fund.
PROVINCE_USERS = (("quantri", "admin", "Quản trị hệ thống"), ("tdkt", "officer", "Chuyên viên Ban Thi đua – Khen thưởng"),
                  ("chutich", "chairman", "Chủ tịch UBND"), ("hoidong", "council", "Ủy viên Hội đồng TĐKT"),
                  ("kiemtra", "auditor", "Kiểm tra, giám sát"))
DASHBOARD_YEAR = 2025


def province_username(seed: int, key: str) -> str:
    return f"tinh{seed}_{key}"


def _communes(province: Organisation) -> list[Organisation]:
    """The province's communes, in the order of their codes."""
    return list(Organisation.objects.filter(parent=province, kind=K.COMMUNE).order_by("code"))


def _province_officer(seed: int):
    """The city's emulation and commendation officer, who works the province's queues."""
    from thidua.accounts.models import User

    return User.objects.get(username=province_username(seed, "tdkt"))


def _province_level(province: Organisation, seed: int) -> None:
    from thidua.accounts.models import User
    from thidua.funds.models import Fund
    from thidua.movements.models import Registration, RegistrationPeriod
    from thidua.org.models import EmulationBlock

    for key, role, title in PROVINCE_USERS:
        user = User(username=province_username(seed, key), role=role, unit=province, title=title,
                    first_name=title, is_staff=role == "admin")
        user.set_unusable_password()
        user.save()
    rng = random.Random(f"{seed}:tinh")
    communes = _communes(province)
    units = {}
    for org_id, parent_id in (Organisation.objects.filter(parent__in=communes).exclude(kind=K.VILLAGE)
                              .values_list("pk", "parent_id")):
        units.setdefault(parent_id, []).append(org_id)
    blocks = EmulationBlock.objects.bulk_create([EmulationBlock(commune=c, year=DASHBOARD_YEAR, name="Khối các cơ quan, "
                                                                "đơn vị") for c in communes])
    EmulationBlock.members.through.objects.bulk_create([
        EmulationBlock.members.through(emulationblock_id=b.pk, organisation_id=u)
        for b in blocks for u in units.get(b.commune_id, ())], batch_size=5000)
    periods = RegistrationPeriod.objects.bulk_create([
        RegistrationPeriod(commune=c, year=DASHBOARD_YEAR, deadline=datetime.date(DASHBOARD_YEAR, 3, 31))
        for c in communes])
    share = {c.pk: rng.uniform(0.7, 1.0) for c in communes}
    Registration.objects.bulk_create([
        Registration(period=p, organisation_id=u, title="TTLDTT", registered_on=datetime.date(DASHBOARD_YEAR, 3, 1))
        for p in periods for u in units.get(p.commune_id, ()) if rng.random() < share[p.commune_id]], batch_size=5000)
    Fund.objects.bulk_create([Fund(commune=c, year=DASHBOARD_YEAR, opening_balance=rng.randrange(50, 400) * 1_000_000)
                              for c in communes])


def _fill_commune(commune: Organisation, rng: random.Random, sizes: Sizes, types: dict) -> None:
    units: list[tuple[Organisation, int]] = []
    for kind, count, staff, names in UNIT_PLAN:
        for i in range(count):
            label = names[i] if names else f"{SCHOOL_PREFIX[kind]} {commune.name[3:]} {'ABCDE'[i]}"
            org = _org(f"{commune.code}-u{len(units):02d}", f"{label} {commune.name[3:]}" if names else label,
                       kind, commune)
            units.append((org, max(1, round(staff * sizes.staff_scale))))
    villages = [_org(f"{commune.code}-thon-{i:02d}", f"Thôn {rng.choice(SYLLABLES)} {i + 1}", K.VILLAGE, commune)
                for i in range(sizes.villages)]

    households = []
    for i in range(sizes.households):
        head = _name(rng, rng.random() < 0.3)
        households.append(Household(village=villages[i % len(villages)], head_name=head, search_key=search_key(head)))
    Household.objects.bulk_create(households, batch_size=2000)

    people: list[Person] = []
    memberships: list[tuple[int, Organisation]] = []
    for org, staff in units:
        female_share = 0.85 if org.kind in (K.PRESCHOOL, K.PRIMARY_SCHOOL) else 0.5
        for _ in range(staff):
            female = rng.random() < female_share
            name = _name(rng, female)
            people.append(Person(full_name=name, gender="F" if female else "M", search_key=search_key(name),
                                 category=STAFF_CATEGORY.get(org.kind, "vien_chuc"),
                                 date_of_birth=datetime.date(rng.randint(1965, 2000), rng.randint(1, 12), rng.randint(1, 28))))
            memberships.append((len(people) - 1, org))
    for i in range(sizes.citizens):
        female = rng.random() < 0.5
        name = _name(rng, female)
        people.append(Person(full_name=name, gender="F" if female else "M", search_key=search_key(name),
                             category="nhan_dan", household=households[i % len(households)]))
    Person.objects.bulk_create(people, batch_size=2000)
    Membership.objects.bulk_create([Membership(person=people[i], organisation=org,
                                               position="Giáo viên" if org.kind in (K.PRESCHOOL, K.PRIMARY_SCHOOL, K.LOWER_SECONDARY) else "Chuyên viên")
                                    for i, org in memberships], batch_size=2000)

    ratings, awards = [], []
    issuer_name = f"UBND {commune.name[:1].lower()}{commune.name[1:]}"
    for i, _unit in memberships:
        person = people[i]
        title = types["CSTT"] if person.category == "luc_luong_vu_trang" else types["LDTT"]
        streak = 0
        for year in sizes.years:
            roll = rng.random()
            value = "HTXSNV" if roll < 0.2 else "HTTNV" if roll < 0.94 else "HTNV"
            ratings.append(Rating(person=person, year=year, rating=value))
            if value == "HTNV":
                streak = 0
                continue
            day = datetime.date(year, 12, 20)
            awards.append(Award(person=person, award_type=title, year=year, issuer=commune, issuer_name=issuer_name,
                                decision_number=f"{100 + year % 100}/QĐ-UBND", decision_date=day,
                                verification_code=new_verification_code(), source="make_province"))
            if value == "HTXSNV":
                streak += 1
                awards.append(Award(person=person, award_type=types["CSTD_CO_SO"], year=year, issuer=commune,
                                    issuer_name=issuer_name, decision_number=f"{100 + year % 100}/QĐ-UBND",
                                    decision_date=day, verification_code=new_verification_code(), source="make_province"))
                if streak >= 2 and rng.random() < 0.3:
                    awards.append(Award(person=person, award_type=types["BANG_KHEN_TINH"], year=year, issuer=None,
                                        issuer_name="UBND tỉnh", decision_number=f"{900 + year % 100}/QĐ-UBND",
                                        decision_date=day, verification_code=new_verification_code(), source="make_province"))
            if rng.random() < 0.12:
                awards.append(Award(person=person, award_type=types["GIAY_KHEN_XA"], year=year, issuer=commune,
                                    issuer_name=issuer_name, decision_number=f"{200 + year % 100}/QĐ-UBND",
                                    decision_date=day, verification_code=new_verification_code(), source="make_province"))
    for org, _ in units:
        for year in sizes.years:
            value = "HTXSNV" if rng.random() < 0.35 else "HTTNV"
            ratings.append(Rating(organisation=org, year=year, rating=value))
            awards.append(Award(organisation=org, award_type=types["TTLDTT"], year=year, issuer=commune,
                                issuer_name=issuer_name, decision_number=f"{100 + year % 100}/QĐ-UBND",
                                decision_date=datetime.date(year, 12, 20), verification_code=new_verification_code(),
                                source="make_province"))
    for village in villages:
        for year in sizes.years:
            awards.append(Award(organisation=village, award_type=types["THON_VAN_HOA"], year=year, issuer=commune,
                                issuer_name=issuer_name, decision_number=f"{300 + year % 100}/QĐ-UBND",
                                decision_date=datetime.date(year, 12, 25), verification_code=new_verification_code(),
                                source="make_province"))
    # One year-end decision a year recognises the "Gia đình văn hóa" households: a sixth of them
    # (500 names at the default 3 000 households: the benchmark's 500-name decision).
    for year in sizes.years:
        for h in rng.sample(households, len(households) // 6):
            awards.append(Award(household=h, award_type=types["GIA_DINH_VAN_HOA"], year=year, issuer=commune,
                                issuer_name=issuer_name, decision_number=f"{400 + year % 100}/QĐ-UBND",
                                decision_date=datetime.date(year, 12, 28), verification_code=new_verification_code(),
                                source="make_province"))
    Rating.objects.bulk_create(ratings, batch_size=5000)
    Award.objects.bulk_create(awards, batch_size=5000)
    log_batch(actor=None, model=Award, objects=awards[:1],
              note=f"make_province: {commune.name}: {len(people)} người, {len(households)} hộ, "
                   f"{len(ratings)} xếp loại, {len(awards)} khen thưởng")


# The city's queue: each commune's chairman has sent UPWARD_PER_COMMUNE dossiers (one nominee for
# the city's Chiến sĩ thi đua or Bằng khen each) to the city. The commune side is bulk-loaded in
# its final state ("Đã trình cấp tỉnh", the commune council's PASSED nominations), as the ledger
# is; the city's office then receives all but the last of each commune through
# ``province.services.receive`` — the province's dossiers, their nominations and the UpwardCase
# are the service's own.
UPWARD_PER_COMMUNE = 3
CLUSTER_SIZE = 12
CLUSTER_YEAR = DASHBOARD_YEAR
CLUSTER_CRITERIA = (("1", "Phát triển kinh tế - xã hội", 40), ("2", "Cải cách hành chính, chuyển đổi số", 30),
                    ("3", "Văn hóa - xã hội, an sinh", 30))


def _upward_dossiers(province: Organisation, seed: int) -> None:
    from thidua.proposals.models import AwardRound, Dossier, Nomination
    from thidua.province import services as province_services
    from thidua.rules import codes

    officer = _province_officer(seed)
    rng = random.Random(f"{seed}:hang-ho-so")
    communes = _communes(province)
    rounds = AwardRound.objects.bulk_create([AwardRound(
        commune=c, name=f"Xét khen thưởng năm {DASHBOARD_YEAR}", kind=codes.RoundKind.YEAR_END.value,
        year=DASHBOARD_YEAR, deadline=datetime.date(DASHBOARD_YEAR, 12, 15)) for c in communes])
    staff: dict[int, list[int]] = {}
    for person_id, commune_id in (Membership.objects.filter(organisation__parent__in=communes)
                                  .values_list("person_id", "organisation__parent_id").order_by("pk")):
        staff.setdefault(commune_id, []).append(person_id)
    types = {t.code: t.pk for t in AwardType.objects.filter(code__in=("CSTD_TINH", "BANG_KHEN_TINH"))}
    dossiers, picked = [], []
    sent_at = datetime.datetime(DASHBOARD_YEAR + 1, 1, 10, 9, 0, tzinfo=datetime.timezone.utc)
    for award_round in rounds:
        people = rng.sample(staff[award_round.commune_id], UPWARD_PER_COMMUNE)
        for i, person_id in enumerate(people):
            dossiers.append(Dossier(round=award_round, unit_id=award_round.commune_id, state=Dossier.State.SENT_TO_PROVINCE,
                                    submitted_at=sent_at, submission_number=f"{10 + i}/TTr-UBND",
                                    submission_date=datetime.date(DASHBOARD_YEAR + 1, 1, 10 + i),
                                    unit_minutes="Hội đồng Thi đua – Khen thưởng xã đã bỏ phiếu thông qua."))
            picked.append(person_id)
    Dossier.objects.bulk_create(dossiers, batch_size=2000)
    Nomination.objects.bulk_create([Nomination(
        dossier=d, person_id=person_id, award_type_id=types["CSTD_TINH" if i % 2 == 0 else "BANG_KHEN_TINH"],
        authority=codes.Authority.CHU_TICH_UBND_TINH.value, eligible=True, outcome=Nomination.Outcome.PASSED,
        report="Báo cáo thành tích (dữ liệu tổng hợp).") for i, (d, person_id) in enumerate(zip(dossiers, picked))],
        batch_size=2000)
    for i, dossier in enumerate(dossiers):
        if i % UPWARD_PER_COMMUNE != UPWARD_PER_COMMUNE - 1:  # the last of each commune still waits
            province_services.receive(actor=officer, dossier=dossier)


# Clusters of the city's communes (thidua.clusters), CLUSTER_SIZE communes each, for CLUSTER_YEAR:
# opened, given criteria, scored by the leader commune's officer and locked, all through the
# clusters' services.
def _clusters(province: Organisation, seed: int) -> None:
    from decimal import Decimal

    from thidua.accounts.models import User
    from thidua.clusters import services as cluster_services
    from thidua.movements import services as movement_services

    officer = _province_officer(seed)
    rng = random.Random(f"{seed}:cum")
    communes = _communes(province)
    bands = {"xuat_sac": Decimal(90), "tot": Decimal(70), "hoan_thanh": Decimal(50), "chua_hoan_thanh": Decimal(0)}
    for number, start in enumerate(range(0, len(communes), CLUSTER_SIZE), start=1):
        members = communes[start:start + CLUSTER_SIZE]
        if len(members) < 2:
            break
        cluster = cluster_services.create_cluster(actor=officer, name=f"Cụm thi đua số {number}")
        leader = members[(seed + number) % len(members)]
        cluster_year = cluster_services.open_year(actor=officer, cluster=cluster, year=CLUSTER_YEAR, members=members,
                                                  leader=leader, leader_note="Luân phiên theo thứ tự trong cụm")
        criteria_set = cluster_services.create_criteria(actor=officer, cluster_year=cluster_year,
                                                        name=f"Tiêu chí cụm số {number} năm {CLUSTER_YEAR}", bands=bands)
        criteria = [movement_services.add_criterion(actor=officer, criteria_set=criteria_set, code=code, text=text,
                                                    kind="regular", max_points=Decimal(points), order=order)
                    for order, (code, text, points) in enumerate(CLUSTER_CRITERIA, start=1)]
        scorer = User(username=f"{province_username(seed, 'cumtruong')}_{number}", role="officer", unit=leader,
                      title="Cán bộ thi đua – khen thưởng xã cụm trưởng", first_name="Cán bộ cụm trưởng")
        scorer.set_unusable_password()
        scorer.save()
        for commune in members:
            for criterion in criteria:
                cluster_services.enter_score(actor=scorer, cluster_year=cluster_year, commune=commune,
                                             criterion=criterion,
                                             points=Decimal(rng.randint(int(criterion.max_points) // 2,
                                                                        int(criterion.max_points))))
        cluster_services.lock_scores(actor=scorer, cluster_year=cluster_year)
