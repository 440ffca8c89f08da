"""Demo: the commune's reward funds of 2025 and 2026 (budget allocation and a few donations), and
the youth talent fund "raised from society" (seed report, Part One III.1): donations by the
seed's good producers (Part One III.3) and payouts to pupils and teachers on 20/11/2025.

Written once, with one audit row per batch; a second run changes nothing. Pupils' names are
made up with a seeded random generator, so every run gives the same names.
"""
from __future__ import annotations

import datetime
import random

from thidua.core.audit import log_batch
from thidua.org import demo as org_demo
from thidua.org.models import Organisation, Person

from .models import Fund, FundReceipt, TalentDonation, TalentFund, TalentPayout

FUNDS = {
    2025: [("budget", "", datetime.date(2025, 7, 15), 30_000_000,
            "Quyết định giao dự toán ngân sách xã Nam Thanh Miện năm 2025 (từ 01/7/2025)"),
           ("donation", "Ông Vũ Văn Xa, thôn Tiên Động", datetime.date(2025, 9, 2), 5_000_000, "Phiếu thu số 12"),
           ("donation", "Ông Phan Đắc Thống, thôn Hội Yên", datetime.date(2025, 9, 2), 3_000_000, "Phiếu thu số 13")],
    2026: [("budget", "", datetime.date(2026, 1, 12), 60_000_000,
            "Quyết định giao dự toán ngân sách xã Nam Thanh Miện năm 2026")],
}
TALENT_NAME = "Quỹ tài năng trẻ xã Nam Thanh Miện"
DONORS = [("Vũ Văn Xa", 10_000_000), ("Phan Đắc Thống", 5_000_000), ("Phan Đắc Thược", 3_000_000),
          ("Vũ Duy Triển", 3_000_000), ("Vũ Văn Hưng", 2_000_000)]
OCCASION = "Kỷ niệm ngày Nhà giáo Việt Nam 20/11/2025"
PAYDAY = datetime.date(2025, 11, 20)
TEACHERS = [("Nguyễn Thị Hiền", "Bồi dưỡng học sinh giỏi nhiều năm"),
            ("Dương Thị Luyến", "Bồi dưỡng học sinh đạt giải cấp tỉnh"),
            ("Nguyễn Thị Hà", "Bồi dưỡng học sinh đạt giải tỉnh môn Toán, Tin học"),
            ("Vũ Ngọc Nguyễn", "Bồi dưỡng học sinh đạt giải"),
            ("Hoàng Thị Thu Thủy", "Bồi dưỡng học sinh đạt giải cấp tỉnh")]
SCHOOLS = ["Trường THCS Thanh Giang", "Trường THCS Hồng Phong", "Trường THCS Chi Lăng Bắc",
           "Trường Tiểu học Chi Lăng Nam", "Trường Tiểu học Thanh Giang"]
FAMILY = ["Nguyễn", "Vũ", "Phạm", "Trần", "Bùi", "Đỗ", "Hoàng", "Phan", "Lê"]
MIDDLE = ["Minh", "Thu", "Gia", "Bảo", "Ngọc", "Đức", "Thanh", "Khánh"]
GIVEN = ["An", "Anh", "Châu", "Hà", "Huy", "Linh", "Nam", "Phúc", "Quân", "Trang", "Vy", "Yến"]
PRIZES = ["Giải Nhất học sinh giỏi cấp tỉnh", "Giải Nhì học sinh giỏi cấp tỉnh", "Giải Ba học sinh giỏi cấp tỉnh",
          "Giải Khuyến khích Olympic Tiếng Anh cấp tỉnh", "Giải Nhất khoa học kỹ thuật cấp thành phố"]


def _person(name: str) -> Person | None:
    return Person.objects.filter(full_name=name).first()


def _load_funds(log, commune) -> None:
    for year, rows in FUNDS.items():
        if Fund.objects.filter(commune=commune, year=year).exists():
            continue
        fund = Fund.objects.create(commune=commune, year=year, opening_balance=0,
                                   note="Dữ liệu mẫu." if year == 2025 else "")
        receipts = [FundReceipt.objects.create(fund=fund, kind=kind, donor=donor, date=day, amount=amount,
                                               reference=ref) for kind, donor, day, amount, ref in rows]
        log_batch(actor=None, model=Fund, objects=[fund], note=f"Dữ liệu mẫu: quỹ thi đua, khen thưởng năm {year}")
        log_batch(actor=None, model=FundReceipt, objects=receipts, note=f"Dữ liệu mẫu: các khoản thu năm {year}")
        log(f"  quỹ thi đua, khen thưởng năm {year}: {len(receipts)} khoản thu")


def _load_talent(log, commune) -> None:
    if TalentFund.objects.filter(commune=commune).exists():
        return
    fund = TalentFund.objects.create(
        commune=commune, name=TALENT_NAME, founded_on=datetime.date(2025, 8, 1),
        note="Xây dựng bằng nguồn xã hội hóa (Báo cáo tổng kết 2021–2025, Phần thứ nhất, mục III.1).")
    donations = []
    for i, (name, amount) in enumerate(DONORS):
        person = _person(name)
        village = person.household.village.name if person and person.household_id and person.household.village_id else ""
        donations.append(TalentDonation.objects.create(
            fund=fund, donor_name=f"Ông {name}", donor_person=person, address=village,
            date=datetime.date(2025, 10, 10 + i), amount=amount, note="Sản xuất, kinh doanh giỏi"))
    payouts = []
    for name, achievement in TEACHERS:
        person = _person(name)
        school = ""
        if person is not None:
            membership = person.memberships.select_related("organisation").first()
            school = membership.organisation.name if membership else ""
        payouts.append(TalentPayout.objects.create(
            fund=fund, recipient_name=name, recipient_kind=TalentPayout.RecipientKind.TEACHER, recipient_person=person,
            school=school, achievement=achievement, occasion=OCCASION, date=PAYDAY, amount=1_000_000))
    rng = random.Random(2011)
    for i in range(10):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        payouts.append(TalentPayout.objects.create(
            fund=fund, recipient_name=name, recipient_kind=TalentPayout.RecipientKind.STUDENT,
            school=SCHOOLS[i % len(SCHOOLS)], achievement=PRIZES[i % len(PRIZES)], occasion=OCCASION, date=PAYDAY,
            amount=500_000))
    log_batch(actor=None, model=TalentFund, objects=[fund], note="Dữ liệu mẫu: quỹ tài năng trẻ")
    log_batch(actor=None, model=TalentDonation, objects=donations, note="Dữ liệu mẫu: ủng hộ quỹ tài năng trẻ")
    log_batch(actor=None, model=TalentPayout, objects=payouts, note=f"Dữ liệu mẫu: chi quỹ tài năng trẻ — {OCCASION}")
    log(f"  quỹ tài năng trẻ: {len(donations)} khoản ủng hộ, {len(payouts)} khoản chi")


def load(log=print) -> None:
    commune = Organisation.objects.filter(code=org_demo.COMMUNE).first()
    if commune is None:
        return
    _load_funds(log, commune)
    _load_talent(log, commune)
