"""Demo data: the 2026–2030 targets of the five-year report (Part Two II.1), households for the
17 villages and their cultural reviews of 2024 and 2025.

Written once, in bulk, with one audit row per batch (``log_batch``); a second run changes
nothing. Households are generated with a seeded random generator, so every run of the demo
gives the same villages. In 2025 one village (Tân Hưng) has held its meeting but has no
decision yet, so that the decision can be tried out.
"""
from __future__ import annotations

import datetime
import random
from decimal import Decimal
from types import SimpleNamespace

from django.db import connection
from django.db.models import Count
from django.utils import timezone

from thidua.awards.engine import current_parameters
from thidua.awards.models import Award, AwardType
from thidua.core.audit import log_batch
from thidua.core.text import nfc, search_key
from thidua.org import demo as org_demo
from thidua.org.models import Household, Organisation
from thidua.rules.money import NoBaseSalaryError, reward_amount

from . import culture
from .models import HouseholdReview, Target, TargetValue, VillageReview

COMMUNE = org_demo.COMMUNE
D = Target.Direction
G = Target.Group
NTM_LEVELS = ["Chưa đạt chuẩn", "Nông thôn mới", "Nông thôn mới nâng cao", "Nông thôn mới kiểu mẫu"]
UNIT_LEVELS = ["Không đạt danh hiệu", "Đơn vị tiên tiến", "Đơn vị quyết thắng"]
PLAN = range(2026, 2031)
SEED_NOTE = "Báo cáo tổng kết 2021–2025, Phần thứ hai, mục II.1."


def _each_year(value, years=PLAN):
    return {y: value for y in years}


# (code, group, name, plan text, unit, direction, strict, annual, levels, deadline year,
#  computed key or "", planned {year: value}, note)
TARGETS = [
    ("dang-ky-thi-dua", G.EMULATION, "Cơ quan, đơn vị đăng ký giao ước thi đua hằng năm",
     "100% cơ quan, đơn vị đăng ký giao ước thi đua hàng năm.", "%", D.AT_LEAST, False, True, [], 2030,
     "registration_coverage", _each_year(100), "Tính từ phân hệ phong trào thi đua khi được cài đặt."),
    ("lao-dong-tien-tien", G.EMULATION, "Cá nhân, tập thể đạt danh hiệu Lao động tiên tiến",
     "Trên 90% cá nhân, tập thể đạt danh hiệu lao động tiên tiến.", "%", D.AT_LEAST, True, True, [], 2030,
     "ldtt_share", _each_year(90),
     "Cá nhân, tập thể được xếp loại trong năm; danh hiệu cao hơn (CSTĐ, TTLĐXS, Đơn vị quyết thắng) được tính."),
    ("hoan-thanh-nhiem-vu", G.EMULATION, "Cán bộ, công chức hoàn thành nhiệm vụ",
     "100% cán bộ công chức hoàn thành nhiệm vụ.", "%", D.AT_LEAST, False, True, [], 2030,
     "task_completion", _each_year(100), ""),
    ("hoan-thanh-tot", G.EMULATION, "Cán bộ, công chức hoàn thành tốt nhiệm vụ trở lên",
     "… trong đó 80% hoàn thành tốt trở lên.", "%", D.AT_LEAST, False, True, [], 2030,
     "task_good", _each_year(80), ""),
    ("guong-dien-hinh-hang-thang", G.EMULATION, "Giới thiệu gương người tốt, việc tốt hằng tháng",
     "Hàng tháng, giới thiệu tối thiểu 01 gương người tốt, việc tốt (Phần thứ nhất, mục III.1).", "tháng",
     D.AT_LEAST, False, True, [], 2030, "exemplars_monthly", _each_year(12),
     "Số tháng trong năm có ít nhất một gương điển hình được công bố."),
    ("chuyen-doi-so", G.ADMINISTRATION, "Hoàn thành phong trào thi đua “Chuyển đổi số toàn diện”",
     "Hoàn thành phong trào thi đua “Chuyển đổi số toàn diện”.", "mức", D.REACH, False, False,
     ["Chưa hoàn thành", "Hoàn thành"], 2030, "", {2030: 1}, "Kế hoạch không nêu năm; hạn đặt cuối kỳ 2030."),
    ("chinh-quyen-than-thien", G.ADMINISTRATION, "Chính quyền xã đạt chuẩn “Chính quyền thân thiện”",
     "Đến năm 2027, chính quyền xã được công nhận đạt chuẩn “Chính quyền thân thiện”.", "mức", D.REACH, False,
     False, ["Chưa đạt chuẩn", "Đạt chuẩn"], 2027, "", {2027: 1, 2028: 1, 2029: 1, 2030: 1}, ""),
    ("tthc-dung-han", G.ADMINISTRATION, "Thủ tục hành chính giải quyết đúng hạn",
     "Hằng năm, tỷ lệ giải quyết thủ tục hành chính đúng hạn đạt trên 95%.", "%", D.AT_LEAST, True, True, [],
     2030, "", _each_year(95), ""),
    ("ho-so-truc-tuyen", G.ADMINISTRATION, "Hồ sơ thủ tục hành chính trực tuyến",
     "Hằng năm tỷ lệ hồ sơ trực tuyến đạt 80%; đến năm 2030 có > 85% hồ sơ thủ tục hành chính trực tuyến.",
     "%", D.AT_LEAST, False, True, [], 2030, "", {**_each_year(80, range(2026, 2030)), 2030: 85}, ""),
    ("thu-nhap-binh-quan", G.ECONOMY, "Thu nhập bình quân đầu người",
     "Thu nhập bình quân đầu người/năm đến năm 2030 đạt 140 triệu đồng.", "triệu đồng/người/năm", D.AT_LEAST,
     False, False, [], 2030, "", {2030: 140}, "Các năm giữa kỳ: theo đường thẳng từ số liệu thực hiện đầu tiên."),
    ("ho-ngheo-da-chieu", G.ECONOMY, "Tỷ lệ hộ nghèo đa chiều",
     "Tỷ lệ hộ nghèo đa chiều đến năm 2030 còn dưới 1,0%.", "%", D.AT_MOST, True, False, [], 2030, "",
     {2030: 1}, ""),
    ("nong-thon-moi", G.ECONOMY, "Xã đạt chuẩn nông thôn mới nâng cao, kiểu mẫu",
     "Phấn đấu năm 2027 xã đạt nông thôn mới nâng cao; năm 2030 đạt nông thôn mới kiểu mẫu.", "mức", D.REACH,
     False, False, NTM_LEVELS, 2030, "", {2027: 2, 2028: 2, 2029: 2, 2030: 3},
     "Trước sắp xếp: xã Chi Lăng Nam đạt NTM kiểu mẫu; Chi Lăng Bắc, Thanh Giang đạt NTM nâng cao."),
    ("gia-dinh-van-hoa", G.CULTURE, "Hộ gia đình đạt danh hiệu “Gia đình văn hóa”",
     "Phấn đấu hằng năm có trên 96% số hộ đạt danh hiệu “Gia đình văn hóa”.", "%", D.AT_LEAST, True, True, [],
     2030, "family_culture_share", _each_year(96), "Tính từ kết quả bình xét ở các thôn có quyết định."),
    ("thon-van-hoa", G.CULTURE, "Thôn giữ vững danh hiệu “Làng văn hóa”",
     "Duy trì và giữ vững danh hiệu 17/17 “Làng văn hóa”.", "thôn", D.AT_LEAST, False, True, [], 2030,
     "village_titles", _each_year(17), ""),
    ("giao-quan", G.DEFENCE, "Hoàn thành chỉ tiêu giao quân",
     "Hằng năm, hoàn thành 100% chỉ tiêu giao quân.", "%", D.AT_LEAST, False, True, [], 2030, "",
     _each_year(100), ""),
    ("ban-chqs-quyet-thang", G.DEFENCE, "Ban Chỉ huy Quân sự xã giữ vững danh hiệu Đơn vị quyết thắng",
     "Ban Chỉ huy Quân sự xã giữ vững danh hiệu đơn vị quyết thắng.", "mức", D.REACH, False, True, UNIT_LEVELS,
     2030, "military_title", _each_year(2), ""),
    ("cong-an-quyet-thang", G.DEFENCE, "Công an xã giữ vững đơn vị tiên tiến, quyết thắng",
     "Công an xã giữ vững là đơn vị tiên tiến, quyết thắng.", "mức", D.REACH, False, True, UNIT_LEVELS, 2030,
     "police_title", _each_year(2), "Năm 2021–2024 tính theo Công an các xã cũ đã sáp nhập."),
    ("lang-an-toan", G.DEFENCE, "Làng, cơ quan đạt chuẩn an toàn về an ninh trật tự",
     "17/17 làng và các cơ quan đạt danh hiệu làng an toàn, cơ quan doanh nghiệp an toàn về an ninh trật tự.",
     "thôn", D.AT_LEAST, False, True, [], 2030, "", _each_year(17), ""),
    ("mttq-vung-manh", G.FRONT, "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội đạt vững mạnh",
     "Hằng năm, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội đạt vững mạnh 100%, không có tổ chức yếu kém.",
     "%", D.AT_LEAST, False, True, [], 2030, "", _each_year(100), ""),
]

# Values the report states for 2025 (Part One II.2): entered as the base of the period.
ENTERED_2025 = [("giao-quan", Decimal(100), "Báo cáo tổng kết 2021–2025: hoàn thành 100% chỉ tiêu tuyển quân.")]


def _load_targets(log, commune: Organisation) -> None:
    if Target.objects.filter(commune=commune).exists():
        return
    targets = [Target(commune=commune, code=code, order=i, group=group, name=name, plan_text=text, unit=unit,
                      direction=direction, strict=strict, annual=annual, levels=levels,
                      deadline=datetime.date(deadline, 12, 31), computed_key=key,
                      source=Target.Source.COMPUTED if key else Target.Source.ENTERED,
                      decimals=0 if unit in ("thôn", "tháng", "mức") else 1, note=note)
               for i, (code, group, name, text, unit, direction, strict, annual, levels, deadline, key, _plan, note)
               in enumerate(TARGETS, start=1)]
    Target.objects.bulk_create(targets)
    by_code = {t.code: t for t in Target.objects.filter(commune=commune)}
    values = []
    for code, *_rest, planned, _note in TARGETS:
        for year, value in planned.items():
            strict = True if code == "ho-so-truc-tuyen" and year == 2030 else None
            values.append(TargetValue(target=by_code[code], year=year, planned=Decimal(value), strict=strict))
    for code, value, note in ENTERED_2025:
        values.append(TargetValue(target=by_code[code], year=2025, actual=value, actual_note=note,
                                  actual_origin=TargetValue.Origin.ENTERED))
    TargetValue.objects.bulk_create(values)
    log_batch(actor=None, model=Target, objects=list(by_code.values()), note=f"Dữ liệu mẫu: chỉ tiêu 2026–2030 ({SEED_NOTE})")
    log_batch(actor=None, model=TargetValue, objects=list(TargetValue.objects.filter(target__commune=commune)),
              note="Dữ liệu mẫu: giá trị kế hoạch theo năm")
    log(f"  + {len(targets)} chỉ tiêu")


# --- Households --------------------------------------------------------------------------------

MALE_GIVEN = org_demo.MALE_GIVEN + ["Bình", "Chiến", "Định", "Đức", "Giang", "Hòa", "Khải", "Lâm", "Lực", "Mạnh",
                                    "Nghĩa", "Phúc", "Quyết", "Tài", "Thành", "Thịnh", "Toàn", "Vinh", "Hiển", "Hậu"]
FEMALE_GIVEN = org_demo.FEMALE_GIVEN + ["Mến", "Lụa", "Thơm", "Hiền", "Nụ", "Gấm", "Tươi", "Hoa"]
SURNAMES = org_demo.SURNAMES + ["Nguyễn", "Vũ", "Phạm", "Trần"]  # the commune's common clans, weighted

# Former commune of each village, for the decisions of 2024 (assumed for the demo, except
# Triều Dương and Tiên Động which the report places in Chi Lăng Nam and Chi Lăng Bắc).
FORMER_COMMUNE = {
    "xa-chi-lang-nam": ["Triều Dương", "Phù Tải 1", "Phù Tải 2", "Chi Lăng", "Tân Hưng"],
    "xa-chi-lang-bac": ["Tiên Động", "Hội Yên", "Lại Xá", "Hoàng Xá"],
    "xa-thanh-giang": ["Thống Nhất", "Phú Khê", "Tào Khê", "Phương Khê"],
    "xa-hong-phong": ["Thọ Xuân", "Đông Hồ", "Tiêu Lâm", "Lưu Xá"],
}
PENDING_2025 = "Tân Hưng"


def _head_name(rng: random.Random) -> str:
    if rng.random() < 0.78:
        return " ".join([rng.choice(SURNAMES), rng.choice(org_demo.MALE_MIDDLE), rng.choice(MALE_GIVEN)])
    return " ".join([rng.choice(SURNAMES), rng.choice(org_demo.FEMALE_MIDDLE), rng.choice(FEMALE_GIVEN)])


def _load_households(log, villages: list[Organisation]) -> None:
    seed_names = {nfc(c[0]) for c in org_demo.SEED_CITIZENS}
    counts = {row["village_id"]: row["n"] for row in Household.objects.filter(village__in=villages)
              .values("village_id").annotate(n=Count("id"))}
    before = set(Household.objects.filter(village__in=villages).values_list("pk", flat=True))
    rows = []
    for village in villages:
        rng = random.Random(f"households:{village.code}")
        wanted = rng.randint(150, 250)
        for _ in range(wanted - counts.get(village.pk, 0)):
            name = _head_name(rng)
            while name in seed_names:
                name = _head_name(rng)
            rows.append({"village_id": village.pk, "head_name": nfc(name), "address": "", "search_key": search_key(name)})
    if not rows:
        return
    _raw_insert(Household, rows)
    created = list(Household.objects.filter(village__in=villages).exclude(pk__in=before).only("id"))
    log_batch(actor=None, model=Household, objects=created, note="Dữ liệu mẫu: hộ gia đình của 17 thôn (sinh tự động)")
    log(f"  + {len(created)} hộ gia đình")


# --- Reviews -----------------------------------------------------------------------------------

EXCLUSIONS = ["gambling", "public_order_violation", "tax_evasion", "military_service_evasion", "member_prosecuted",
              "child_marriage", "gambling", "public_order_violation"]
EXCLUSION_NOTES = {
    "gambling": "Thành viên bị xử phạt hành chính về hành vi đánh bạc",
    "public_order_violation": "Thành viên bị xử phạt vì gây rối trật tự công cộng",
    "tax_evasion": "Hộ kinh doanh bị xử lý về hành vi trốn thuế",
    "military_service_evasion": "Thành viên không chấp hành lệnh gọi nhập ngũ",
    "member_prosecuted": "Thành viên bị khởi tố",
    "child_marriage": "Thành viên bị xử phạt vì tảo hôn",
}
YEAR_META = {
    # year: (meeting day, GĐVH decision date, Thôn văn hóa decision date)
    2024: (datetime.date(2024, 11, 8), datetime.date(2024, 11, 22), datetime.date(2024, 11, 25)),
    2025: (datetime.date(2025, 11, 7), datetime.date(2025, 11, 21), datetime.date(2025, 11, 24)),
}
SIGNER_2025 = ("Vũ Văn Nguyễn", "KT. Chủ tịch - Phó Chủ tịch UBND xã")


def _issuers(year: int, village_name: str, orgs: dict[str, Organisation]) -> tuple[Organisation, Organisation, str]:
    """(GĐVH issuer, Thôn văn hóa issuer, signer title). Before 01/7/2025 the former commune
    recognised households and the district recognised villages (ND 86/2023); from then on
    the commune chairman does both (ND 129/2025, Điều 59)."""
    if year >= 2025:
        return orgs[COMMUNE], orgs[COMMUNE], SIGNER_2025[1]
    former = next(code for code, names in FORMER_COMMUNE.items() if village_name in names)
    return orgs[former], orgs["huyen-thanh-mien"], f"Chủ tịch {orgs[former].issuer_name}"


def _numbers() -> dict:
    counter: dict[tuple, int] = {}

    def number(issuer: Organisation, year: int, kind: str) -> str:
        key = (issuer.pk, year, kind)
        if key not in counter:
            counter[key] = 200 + len(counter) * 7 + (year % 10) * 100
        return f"{counter[key]}/QĐ-UBND"
    return number


def _load_reviews(log, villages: list[Organisation]) -> None:
    if VillageReview.objects.filter(village__in=villages, year__in=YEAR_META).exists():
        return
    orgs = {o.code: o for o in Organisation.objects.filter(code__in=[COMMUNE, "huyen-thanh-mien", *FORMER_COMMUNE])}
    types = {t.code: t for t in AwardType.objects.filter(code__in=["GIA_DINH_VAN_HOA", "THON_VAN_HOA"])}
    params = current_parameters()
    minimum = culture.DEFAULT_PARAMETERS["thon_van_hoa.min_household_share"].value
    households: dict[int, list[int]] = {}
    for pk, village_id in Household.objects.filter(village__in=villages).order_by("pk").values_list("pk", "village_id"):
        households.setdefault(village_id, []).append(pk)
    number = _numbers()
    reviews, plans, verdicts = [], [], {}
    for year, (meeting, decided_on, _title_on) in YEAR_META.items():
        for village in villages:
            name = village.name.removeprefix("Thôn ")
            pending = year == 2025 and name == PENDING_2025
            gdvh_issuer, title_issuer, signer_title = _issuers(year, name, orgs)
            review = VillageReview(
                village=village, year=year, meeting_date=meeting + datetime.timedelta(days=village.pk % 9),
                meeting_chair=f"Trưởng thôn {name}",
                meeting_note="Họp toàn thể nhân dân thôn bình xét danh hiệu Gia đình văn hóa.",
                status=VillageReview.Status.MEETING_HELD if pending else VillageReview.Status.DECIDED)
            if not pending:
                review.decision_number = number(gdvh_issuer, year, "gdvh")
                review.decision_date = decided_on
                review.issuer_name = gdvh_issuer.issuer_name
                review.signer_name = SIGNER_2025[0] if year >= 2025 else ""
                review.signer_title = signer_title
            rng = random.Random(f"culture:{village.code}:{year}")
            entries = []
            for household_id in households.get(village.pk, []):
                entry = {"household_id": household_id, "proposed": True, "movement_ok": True, "prosperous_ok": True,
                         "exclusions": [], "exclusion_note": "", "verdict_note": ""}
                roll = rng.random()
                if roll < 0.007:
                    code = rng.choice(EXCLUSIONS)
                    entry.update(exclusions=[code], exclusion_note=EXCLUSION_NOTES[code] + f" (năm {year}).",
                                 proposed=rng.random() < 0.5)  # the meeting may not know; the commune's check does
                elif roll < 0.033:
                    prosperous = rng.random() < 0.5
                    entry.update(proposed=False, prosperous_ok=prosperous, movement_ok=not prosperous)
                if not pending:
                    entry["verdict_note"] = _verdict(entry, year, params, verdicts)
                entries.append(entry)
            recognised = sum(1 for e in entries if e["proposed"] and not e["verdict_note"]) if not pending else 0
            if not pending and recognised * 100 >= minimum * len(entries):
                review.village_criteria_met = True
            reviews.append(review)
            plans.append((review, entries, pending, gdvh_issuer, title_issuer, recognised))
    VillageReview.objects.bulk_create(reviews)

    # Village titles (a few dozen): ordinary bulk_create, linked back to their review.
    titles = []
    for review, entries, _pending, _gdvh, title_issuer, recognised in plans:
        if review.village_criteria_met:
            day = YEAR_META[review.year][2]
            review.village_award = Award(
                organisation=review.village, award_type=types["THON_VAN_HOA"], year=review.year,
                issuer=title_issuer, issuer_name=title_issuer.issuer_name,
                decision_number=number(title_issuer, review.year, "tvh"), decision_date=day, amount=_amount(day),
                round_kind="year_end", source=f"Dữ liệu mẫu: bình xét Thôn văn hóa năm {review.year}",
                achievement=f"{recognised}/{len(entries)} hộ đạt Gia đình văn hóa; đạt các tiêu chí Thôn văn hóa")
            titles.append(review.village_award)
    Award.objects.bulk_create(titles)
    VillageReview.objects.bulk_update([r for r in reviews if r.village_award_id or r.village_criteria_met],
                                      ["village_award", "village_criteria_met"])

    # Household titles (thousands): plain rows, then their ids read back.
    award_rows = []
    for review, entries, pending, gdvh_issuer, _title, _n in plans:
        for e in entries:
            if not pending and e["proposed"] and not e["verdict_note"]:
                award_rows.append({
                    "household_id": e["household_id"], "award_type_id": types["GIA_DINH_VAN_HOA"].pk,
                    "year": review.year, "issuer_id": gdvh_issuer.pk, "issuer_name": gdvh_issuer.issuer_name,
                    "decision_number": review.decision_number, "decision_date": review.decision_date,
                    "round_kind": "year_end", "source": FAMILY_SOURCE,
                    "achievement": "Đạt tiêu chuẩn Gia đình văn hóa (Nghị định 86/2023/NĐ-CP, Điều 6, Phụ lục I)"})
    _raw_insert(Award, award_rows)
    award_ids = {(h, y): pk for pk, h, y in Award.objects.filter(
        source=FAMILY_SOURCE, award_type=types["GIA_DINH_VAN_HOA"]).values_list("pk", "household_id", "year")}
    entry_rows = []
    for review, entries, pending, *_ in plans:
        for e in entries:
            award_id = None if pending or e["verdict_note"] or not e["proposed"] else award_ids[(e["household_id"], review.year)]
            entry_rows.append({**e, "review_id": review.pk, "has_exclusion": bool(e["exclusions"]), "award_id": award_id})
    _raw_insert(HouseholdReview, entry_rows)

    entries_saved = list(HouseholdReview.objects.filter(review__in=reviews).only("id"))
    awards_saved = titles + list(Award.objects.filter(pk__in=award_ids.values()).only("id"))
    log_batch(actor=None, model=VillageReview, objects=reviews, note="Dữ liệu mẫu: bình xét văn hóa 2024, 2025")
    log_batch(actor=None, model=HouseholdReview, objects=entries_saved, note="Dữ liệu mẫu: kết quả bình xét của các hộ")
    log_batch(actor=None, model=Award, objects=awards_saved, note="Dữ liệu mẫu: Gia đình văn hóa, Thôn văn hóa 2024, 2025")
    log(f"  + {len(reviews)} đợt bình xét, {len(entries_saved)} lượt hộ, {len(awards_saved)} danh hiệu văn hóa")


FAMILY_SOURCE = "Dữ liệu mẫu: bình xét Gia đình văn hóa"


def _verdict(entry: dict, year: int, params, memo: dict) -> str:
    """'' when the engine recognises the household, else why not. Households with the same
    record get the same verdict, so the engine runs once per kind of record."""
    if not entry["proposed"]:
        return "Họp thôn không đề nghị công nhận."
    key = (year, entry["movement_ok"], entry["prosperous_ok"], tuple(entry["exclusions"]))
    if key not in memo:
        verdict = culture.judge_household(SimpleNamespace(**entry), year, params)
        memo[key] = "" if verdict.eligible else culture.refusal_text(verdict)
    return memo[key]


def _raw_insert(model, rows: list[dict]) -> None:
    """Insert thousands of rows with one executemany, without building model instances (the
    demo must load in a few seconds). Fields not given take their default (callable defaults
    such as the verification code are called per row)."""
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    now = timezone.now()
    simple = (str, int, bool, type(None))
    values = []
    for row in rows:
        line = []
        for f in fields:
            if f.attname in row:
                v = row[f.attname]
            elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                v = now
            else:
                v = f.get_default()  # the field's default, '' for text, None when nullable
            line.append(v if type(v) in simple else f.get_db_prep_save(v, connection))
        values.append(line)
    qn = connection.ops.quote_name
    sql = (f"INSERT INTO {qn(model._meta.db_table)} ({', '.join(qn(f.column) for f in fields)}) "
           f"VALUES ({', '.join(['%s'] * len(fields))})")
    with connection.cursor() as cursor:
        for start in range(0, len(values), 2000):
            cursor.executemany(sql, values[start:start + 2000])


def _amount(day: datetime.date) -> int | None:
    try:
        return reward_amount("THON_VAN_HOA", "collective", day)
    except (NoBaseSalaryError, KeyError, ValueError):
        return None


def load(log=print) -> None:
    commune = Organisation.objects.get(code=COMMUNE)
    _load_targets(log, commune)
    villages = list(Organisation.objects.filter(kind=Organisation.Kind.VILLAGE, parent=commune).order_by("pk"))
    _load_households(log, villages)
    _load_reviews(log, villages)
