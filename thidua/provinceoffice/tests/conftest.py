"""A small province of three communes whose figures are counted by hand (see each comment)."""
from __future__ import annotations

import datetime
import zoneinfo
from types import SimpleNamespace

import pytest

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def _at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(9, 0), tzinfo=VN)


@pytest.fixture
def province_world(db):
    from thidua.accounts.models import Role, User
    from thidua.awards.models import Award, AwardType, new_verification_code
    from thidua.funds.models import Fund
    from thidua.movements.models import Registration, RegistrationPeriod
    from thidua.org.models import EmulationBlock, Household, Membership, Organisation, Person
    from thidua.proposals.models import AwardRound, Decision, Dossier

    K = Organisation.Kind
    types = {t.code: t for t in AwardType.objects.all()}

    def org(code, name, kind, parent):
        o = Organisation(code=code, name=name, kind=kind, parent=parent)
        o.save()
        return o

    def person(name, gender, category, unit=None, position="", household=None, end=None):
        p = Person.objects.create(full_name=name, gender=gender, category=category, household=household)
        if unit is not None:
            Membership.objects.create(person=p, organisation=unit, position=position, end=end)
        return p

    def award(code, year, **kw):
        kw.setdefault("issuer_name", "UBND xã")
        kw.setdefault("decision_number", "01/QĐ-UBND")
        return Award.objects.create(award_type=types[code], year=year, verification_code=new_verification_code(), **kw)

    province = org("tinh-thu-77", "Tỉnh Mô Phỏng 77", K.CITY, None)
    other_province = org("tinh-thu-78", "Tỉnh Mô Phỏng 78", K.CITY, None)
    a = org("thu77-an-binh", "Xã An Bình", K.COMMUNE, province)
    b = org("thu77-binh-minh", "Xã Bình Minh", K.COMMUNE, province)
    c = org("thu77-ap-bac", "Xã Ấp Bắc", K.COMMUNE, province)  # Vietnamese order: An Bình, Ấp Bắc, Bình Minh
    foreign = org("thu78-xa", "Xã Ngoài Tỉnh", K.COMMUNE, other_province)

    # Commune A --------------------------------------------------------------------------------
    a1 = org("thu77-a-mn", "Trường Mầm non An Bình", K.PRESCHOOL, a)
    a2 = org("thu77-a-vp", "Văn phòng UBND An Bình", K.SPECIALISED_OFFICE, a)
    village = org("thu77-a-thon", "Thôn Một An Bình", K.VILLAGE, a)
    home = Household.objects.create(village=village, head_name="Trần Văn Hộ")
    p1 = person("Lê Thị Hiệu", "F", "vien_chuc", a1, "Hiệu trưởng")          # leader, woman
    p2 = person("Phạm Văn Chuyên", "M", "cong_chuc", a2, "Chuyên viên")      # staff
    p3 = person("Đỗ Thị Cấp", "F", "nguoi_lao_dong", a1, "Cấp dưỡng")        # direct worker, woman
    p4 = person("Trần Văn Dân", "M", "nhan_dan", household=home)             # direct worker (resident)
    gone = person("Vũ Văn Đi", "M", "vien_chuc", a1, "Giáo viên", end=datetime.date(2024, 6, 30))
    # 2025: individual 5 (leader 2, staff 1, direct 2; women 3), collective 1, household 1
    award("LDTT", 2025, person=p1, issuer=a, amount=500_000, decision_number="10/QĐ-UBND",
          decision_date=datetime.date(2025, 12, 20))
    award("CSTD_CO_SO", 2025, person=p1, issuer=a)
    award("LDTT", 2025, person=p2, issuer=a, amount=500_000, decision_number="10/QĐ-UBND",
          decision_date=datetime.date(2025, 12, 20))
    award("LDTT", 2025, person=p3, issuer=a, decision_number="")             # no decision number
    award("GIAY_KHEN_XA", 2025, person=p4, issuer=a)
    award("TTLDTT", 2025, organisation=a1, issuer=a)
    award("GIA_DINH_VAN_HOA", 2025, household=home, issuer=a)
    award("LDTT", 2024, person=p2, issuer=a)                                  # another year
    award("GIAY_KHEN_XA", 2025, person=p2, issuer=a, revoked=True)            # revoked: not counted
    # fund: 4 000 000 available, 1 000 000 paid by decision 10/QĐ-UBND → 25,0 %
    Fund.objects.create(commune=a, year=2025, opening_balance=4_000_000)
    # registration: 2 units expected (the block's members), 1 registered → 50,0 %
    block = EmulationBlock.objects.create(commune=a, year=2025, name="Khối An Bình")
    block.members.set([a1, a2])
    period = RegistrationPeriod.objects.create(commune=a, year=2025, deadline=datetime.date(2025, 3, 31))
    Registration.objects.create(period=period, organisation=a1, title="TTLDTT", registered_on=datetime.date(2025, 3, 1))
    # dossiers: submitted 01/12/2025, due 29/12/2025 (20 working days), decided 20/12 → on time;
    # submitted 01/10/2025, decided 20/12 → late; accepted 03/11/2025, still open → overdue; a draft
    rnd = AwardRound.objects.create(commune=a, name="Cuối năm 2025", kind="year_end", year=2025,
                                    deadline=datetime.date(2025, 11, 30))
    decision = Decision.objects.create(kind="award", issuer=a, issuer_name="UBND xã An Bình", year=2025,
                                       number="10/QĐ-UBND", date=datetime.date(2025, 12, 20), body="Khen thưởng")
    Dossier.objects.create(round=rnd, unit=a1, state="decided", submitted_at=_at(datetime.date(2025, 12, 1)),
                           decision=decision)
    Dossier.objects.create(round=rnd, unit=a2, state="decided", submitted_at=_at(datetime.date(2025, 10, 1)),
                           decision=decision)
    Dossier.objects.create(round=rnd, unit=a1, state="accepted", submitted_at=_at(datetime.date(2025, 11, 3)))
    Dossier.objects.create(round=rnd, unit=a2, state="draft")

    # Commune B: individual 2 (leader 1, staff 1; women 1); 1 unit expected, 1 registered ----------
    b1 = org("thu77-b-th", "Trường Tiểu học Bình Minh", K.PRIMARY_SCHOOL, b)
    q1 = person("Nguyễn Văn Giáo", "M", "vien_chuc", b1, "Giáo viên")
    q2 = person("Hoàng Thị Phó", "F", "vien_chuc", b1, "Phó Hiệu trưởng")
    award("LDTT", 2025, person=q1, issuer=b)
    award("LDTT", 2025, person=q2, issuer=b)
    block_b = EmulationBlock.objects.create(commune=b, year=2025, name="Khối Bình Minh")
    block_b.members.set([b1])
    period_b = RegistrationPeriod.objects.create(commune=b, year=2025, deadline=datetime.date(2025, 3, 31))
    Registration.objects.create(period=period_b, organisation=b1, title="TTLDTT", registered_on=datetime.date(2025, 3, 2))

    # Commune C: nothing yet.

    officer = User.objects.create_user("tinh77_tdkt", role=Role.OFFICER, unit=province, first_name="Cán bộ tỉnh")
    admin = User.objects.create_user("tinh77_quantri", role=Role.ADMIN, unit=province, first_name="Quản trị tỉnh")
    auditor = User.objects.create_user("tinh77_kiemtra", role=Role.AUDITOR, unit=province)
    commune_officer = User.objects.create_user("xa77_tdkt", role=Role.OFFICER, unit=a)
    foreign_officer = User.objects.create_user("tinh78_tdkt", role=Role.OFFICER, unit=other_province)
    return SimpleNamespace(province=province, other_province=other_province, a=a, b=b, c=c, foreign=foreign,
                           a1=a1, a2=a2, b1=b1, p1=p1, p3=p3, gone=gone, officer=officer, admin=admin,
                           auditor=auditor, commune_officer=commune_officer, foreign_officer=foreign_officer)
