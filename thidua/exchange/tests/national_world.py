"""A small commune built by hand for the national exports and the statutory statistics: its
officer, a school and a village, four people, a household, and their awards of 2025 (plus one
of 2024 and one revoked, which the 2025 figures must leave out)."""
from __future__ import annotations

import datetime
from types import SimpleNamespace

from thidua.accounts.models import Role, User
from thidua.awards.models import Award, AwardType
from thidua.movements.models import Movement
from thidua.org.models import Household, Membership, Organisation, Person

ISSUER = "Ủy ban nhân dân xã Thử Nghiệm"


def build() -> SimpleNamespace:
    w = SimpleNamespace()
    city = Organisation.objects.filter(kind=Organisation.Kind.CITY).order_by("pk").first()
    w.commune = Organisation.objects.create(code="xa-thu-nghiem-qg", name="Xã Thử Nghiệm", kind="commune", parent=city)
    w.school = Organisation.objects.create(code="th-thu-nghiem-qg", name="Trường Tiểu học Thử Nghiệm",
                                           kind="primary", parent=w.commune)
    w.village = Organisation.objects.create(code="thon-thu-nghiem-qg", name="Thôn Đông Thử Nghiệm", kind="village",
                                            parent=w.commune)
    w.officer = User.objects.create_user(username="cb-thu-nghiem-qg", password="mat-khau-thu-nghiem-9",
                                         role=Role.OFFICER, unit=w.commune, first_name="Cán bộ thử nghiệm")
    w.admin = User.objects.create_user(username="qt-thu-nghiem-qg", password="mat-khau-thu-nghiem-9",
                                       role=Role.ADMIN, unit=w.commune, first_name="Quản trị thử nghiệm")

    def person(name, gender, category, position=None, household=None, **extra):
        p = Person.objects.create(full_name=name, gender=gender, category=category, household=household, **extra)
        if position is not None:
            Membership.objects.create(person=p, organisation=w.school, position=position,
                                      start=datetime.date(2015, 9, 1))
        return p

    w.household = Household.objects.create(village=w.village, head_name="Đỗ Văn Bình")
    w.lan = person("Trần Thị Lan", "F", "vien_chuc", "Giáo viên", citizen_id="034190009876",
                   date_of_birth=datetime.date(1990, 4, 2))
    w.hung = person("Lê Văn Hùng", "M", "cong_chuc", "Hiệu trưởng")
    w.binh = person("Đỗ Văn Bình", "M", "nhan_dan", household=w.household)

    def award(code, year, **subject):
        return Award.objects.create(award_type=AwardType.objects.get(code=code), year=year, issuer_name=ISSUER,
                                    decision_number=f"{10 + year % 100}/QĐ-UBND",
                                    decision_date=datetime.date(year, 12, 20), **subject)

    w.awards = [award("LDTT", 2025, person=w.lan), award("GIAY_KHEN_XA", 2025, person=w.lan),
                award("CSTD_CO_SO", 2025, person=w.hung), award("GIAY_KHEN_XA", 2025, person=w.binh),
                award("TTLDTT", 2025, organisation=w.school), award("GIA_DINH_VAN_HOA", 2025, household=w.household),
                award("LDTT", 2024, person=w.lan)]
    Award.objects.create(award_type=AwardType.objects.get(code="GIAY_KHEN_XA"), year=2025, issuer_name=ISSUER,
                         person=w.hung, revoked=True, revocation_note="Thu hồi do trùng")
    Movement.objects.create(commune=w.commune, name="Thi đua dạy tốt, học tốt năm 2025", level="commune",
                            kind="regular", year=2025)
    return w
