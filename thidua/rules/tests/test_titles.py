"""Titles — Luật Thi đua, khen thưởng 2022, Điều 21–24, 27, 28; Nghị định 86/2023 (Gia đình
văn hóa)."""

import pytest

from thidua.rules.codes import Authority

from .factories import check_for, failed, ini, judge, members, yr

LAW = "Luật Thi đua, khen thưởng 2022"


# --- Điều 24: LĐTT / CSTT ---------------------------------------------------------------------

@pytest.mark.parametrize("rating, eligible", [
    pytest.param("HTXSNV", True, id="HTXSNV-passes"),
    pytest.param("HTTNV", True, id="HTTNV-passes"),
    pytest.param("HTNV", False, id="HTNV-fails"),
    pytest.param("KHTNV", False, id="KHTNV-fails"),
    pytest.param(None, False, id="no-rating-fails"),
])
def test_ldtt_needs_a_rating_of_httnv_or_better(rating, eligible):
    v = judge("LDTT", yr(2025, rating), category="cong_chuc")
    assert v.eligible is eligible
    if not eligible:
        assert [c.article for c in v.checks if not c.passed] == [f"{LAW}, Điều 24"]


@pytest.mark.parametrize("target, category, eligible", [
    pytest.param("CSTT", "luc_luong_vu_trang", True, id="armed-forces-earn-CSTT"),
    pytest.param("LDTT", "luc_luong_vu_trang", False, id="armed-forces-do-not-earn-LDTT"),
    pytest.param("CSTT", "vien_chuc", False, id="civilians-do-not-earn-CSTT"),
    pytest.param("LDTT", "vien_chuc", True, id="civilians-earn-LDTT"),
])
def test_armed_forces_earn_cstt_where_others_earn_ldtt(target, category, eligible):
    assert judge(target, yr(2025, "HTTNV"), category=category).eligible is eligible


@pytest.mark.parametrize("category", ["nguoi_lao_dong", "nhan_dan", "doanh_nhan"])
def test_workers_ldtt_is_confirmed_by_the_units_rating(category):
    ok = judge("LDTT", yr(2025, "HTTNV"), category=category)
    assert ok.eligible
    assert "Lao động sản xuất có hiệu quả" in check_for(ok, "Lao động sản xuất").rule
    missing = judge("LDTT", yr(2025), category=category)
    assert not missing.eligible and "Chưa có xếp loại" in check_for(missing, "Lao động sản xuất").detail


def test_a_qualitative_criterion_refused_by_the_unit_fails_with_its_own_row():
    v = judge("LDTT", yr(2025, "HTXSNV", confirmations={"movement_participation": False}))
    assert failed(v) == ["Tích cực tham gia phong trào thi đua (năm 2025)"]


def test_a_qualitative_criterion_not_recorded_passes_but_says_so():
    row = check_for(judge("LDTT", yr(2025, "HTTNV")), "Tích cực tham gia")
    assert row.passed and "coi là đạt" in row.detail


# --- Điều 23: CSTĐCS --------------------------------------------------------------------------

@pytest.mark.parametrize("record, eligible", [
    pytest.param(yr(2025, "HTXSNV", "LDTT"), True, id="LDTT-plus-HTXSNV"),
    pytest.param(yr(2025, "HTTNV", "LDTT", initiatives=[ini("SK-1")]), True, id="LDTT-plus-base-initiative"),
    pytest.param(yr(2025, "HTTNV", "LDTT", initiatives=[ini("SK-1", "TINH")]), True, id="LDTT-plus-province-initiative"),
    pytest.param(yr(2025, "HTTNV", "LDTT", science_topics=[ini("DT-3")]), True, id="LDTT-plus-science-topic"),
    pytest.param(yr(2025, "HTTNV", "LDTT"), False, id="LDTT-alone-is-not-enough"),
    pytest.param(yr(2025, "HTXSNV"), True, id="HTXSNV-without-LDTT-title-meets-the-standard"),
    pytest.param(yr(2025, "HTNV", "LDTT", initiatives=[ini("SK-1")]), False,
                 id="LDTT-listed-but-the-year-misses-the-standard"),
    pytest.param(yr(2024, "HTTNV", "LDTT", initiatives=[ini("SK-1")]), False, id="initiative-of-another-year"),
])
def test_cstd_co_so_needs_ldtt_and_one_ground(record, eligible):
    v = judge("CSTD_CO_SO", record)
    assert v.eligible is eligible
    if not eligible:
        assert all(c.article.startswith(f"{LAW}, Điều 23") for c in v.checks if not c.passed)


def test_cstd_co_so_for_armed_forces_rests_on_cstt():
    v = judge("CSTD_CO_SO", yr(2025, "HTXSNV", "CSTT"), category="luc_luong_vu_trang")
    assert v.eligible and v.authority is Authority.CHU_TICH_UBND_XA


# --- Điều 22: CSTĐ cấp tỉnh -------------------------------------------------------------------

def cstd(y, *extra_titles, **kw):
    return yr(y, "HTXSNV", "LDTT", "CSTD_CO_SO", *extra_titles, **kw)


@pytest.mark.parametrize("history, eligible", [
    pytest.param([cstd(2023), cstd(2024), cstd(2025, initiatives=[ini("SK-7", "TINH")])], True,
                 id="three-in-a-row-ending-in-judged-year"),
    pytest.param([cstd(2022), cstd(2023), cstd(2024, initiatives=[ini("SK-7", "TINH")]), yr(2025, "HTXSNV", "LDTT")],
                 True, id="chain-ends-year-before-when-judged-year-title-not-yet-conferred"),
    pytest.param([cstd(2024), cstd(2025, initiatives=[ini("SK-7", "TINH")])], False, id="only-two-years"),
    pytest.param([cstd(2023), cstd(2024), cstd(2025, initiatives=[ini("SK-7", "CO_SO")])], False,
                 id="initiative-only-base-level"),
    pytest.param([cstd(2023), cstd(2024), cstd(2025, science_topics=[ini("DT-1", "TOAN_QUOC")])], True,
                 id="national-science-topic-is-at-least-province"),
    pytest.param([cstd(2021), cstd(2022, initiatives=[ini("SK-7", "TINH")]), cstd(2023), cstd(2024), cstd(2025)],
                 False, id="initiative-outside-the-three-years"),
])
def test_cstd_tinh_needs_three_consecutive_cstd_co_so_and_a_province_initiative(history, eligible):
    v = judge("CSTD_TINH", *history)
    assert v.eligible is eligible
    assert v.authority is Authority.CHU_TICH_UBND_TINH


def test_cstd_tinh_chain_length_is_a_parameter():
    from thidua.rules.parameters import DEFAULT_PARAMETERS

    params = DEFAULT_PARAMETERS.with_overrides({"cstd_tinh_chain_years": 2})
    v = judge("CSTD_TINH", cstd(2024), cstd(2025, initiatives=[ini("SK-7", "TINH")]), params=params)
    assert v.eligible


# --- Điều 21: CSTĐ toàn quốc ------------------------------------------------------------------

@pytest.mark.parametrize("history, eligible", [
    pytest.param([cstd(y) for y in (2020, 2021)] + [cstd(2022, "CSTD_TINH")] + [cstd(y) for y in (2023, 2024)]
                 + [cstd(2025, "CSTD_TINH", initiatives=[ini("SK-9", "TOAN_QUOC")])], True,
                 id="two-province-titles-unbroken-chain"),
    pytest.param([cstd(2022, "CSTD_TINH"), cstd(2023), yr(2024, "HTXSNV", "LDTT"),
                  cstd(2025, "CSTD_TINH", initiatives=[ini("SK-9", "TOAN_QUOC")])], False,
                 id="gap-in-cstd-co-so-between-the-two"),
    pytest.param([cstd(2023), cstd(2024), cstd(2025, "CSTD_TINH", initiatives=[ini("SK-9", "TOAN_QUOC")])], False,
                 id="only-one-province-title"),
    pytest.param([cstd(2022, "CSTD_TINH"), cstd(2023), cstd(2024),
                  cstd(2025, "CSTD_TINH", initiatives=[ini("SK-9", "TINH")])], False,
                 id="initiative-only-province-wide"),
])
def test_cstd_toan_quoc_needs_two_consecutive_cstd_tinh_and_national_effect(history, eligible):
    v = judge("CSTD_TOAN_QUOC", *history)
    assert v.eligible is eligible
    assert v.authority is Authority.THU_TUONG


# --- Điều 28: TTLĐTT --------------------------------------------------------------------------

@pytest.mark.parametrize("m, rating, eligible", [
    pytest.param(members(10, 7), "HTTNV", True, id="exactly-70-percent-passes"),
    pytest.param(members(100, 69), "HTTNV", False, id="69-percent-fails"),
    pytest.param(members(29, 20), "HTTNV", False, id="68.97-percent-fails"),
    pytest.param(members(20, 20), "HTTNV", True, id="100-percent"),
    pytest.param(members(10, 8, disciplined=1), "HTTNV", False, id="one-member-disciplined-canh-cao"),
    pytest.param(members(10, 8), "HTNV", False, id="rating-only-HTNV"),
    pytest.param(members(0, 0), "HTTNV", False, id="no-members"),
    pytest.param(None, "HTTNV", False, id="members-not-reported"),
])
def test_ttldtt_needs_70_percent_ldtt_no_canh_cao_and_httnv(m, rating, eligible):
    record = yr(2025, rating, members=m) if m else yr(2025, rating)
    v = judge("TTLDTT", record, subject="collective")
    assert v.eligible is eligible
    if not eligible:
        assert all("Điều 28" in c.article for c in v.checks if not c.passed)


def test_ttldtt_share_detail_shows_the_vietnamese_percentage():
    v = judge("TTLDTT", yr(2025, "HTTNV", members=members(29, 20)), subject="collective")
    assert check_for(v, "cá nhân trong tập thể đạt").detail == \
        "20/29 cá nhân đạt Lao động tiên tiến (đã được công nhận hoặc được đề nghị cùng đợt) = 68,97% " \
        "(yêu cầu từ 70%)"


def test_ttldtt_is_not_for_individuals():
    v = judge("TTLDTT", yr(2025, "HTTNV", members=members(10, 8)), subject="individual")
    assert failed(v) == ["Đối tượng được xét Tập thể lao động tiên tiến: tập thể"]


# --- Điều 27: TTLĐXS --------------------------------------------------------------------------

@pytest.mark.parametrize("rating, m, eligible", [
    pytest.param("HTXSNV", members(10, 7, cstd_co_so=1), True, id="all-conditions-met"),
    pytest.param("HTTNV", members(10, 7, cstd_co_so=1), False, id="rating-not-HTXSNV"),
    pytest.param("HTXSNV", members(10, 7, completed=9, cstd_co_so=1), False, id="one-member-not-completed"),
    pytest.param("HTXSNV", members(10, 6, cstd_co_so=1), False, id="only-60-percent-LDTT"),
    pytest.param("HTXSNV", members(10, 7, cstd_co_so=0), False, id="no-CSTDCS-member"),
])
def test_ttldxs_needs_htxsnv_all_completed_70_percent_and_one_cstd_co_so(rating, m, eligible):
    v = judge("TTLDXS", yr(2025, rating, members=m), subject="collective")
    assert v.eligible is eligible
    assert v.authority is Authority.CHU_TICH_UBND_TINH
    if not eligible:
        assert len(failed(v)) == 1 and "Điều 27" in v.failed_checks[0].article


# --- Nghị định 86/2023: Gia đình văn hóa ------------------------------------------------------

@pytest.mark.parametrize("exclusions, confirmations, eligible", [
    pytest.param([], {}, True, id="no-exclusion"),
    pytest.param(["member_prosecuted"], {}, False, id="member-prosecuted"),
    pytest.param(["gambling", "tax_evasion"], {}, False, id="gambling-and-tax"),
    pytest.param([], {"prosperous_family": False}, False, id="village-says-not-united"),
])
def test_gia_dinh_van_hoa_three_criteria_and_exclusions(exclusions, confirmations, eligible):
    v = judge("GIA_DINH_VAN_HOA", yr(2025, confirmations=confirmations), subject="household",
              household_exclusions=exclusions, decision_date="2025-12-20")
    assert v.eligible is eligible
    assert v.amount_vnd is None  # certificate only
    if not eligible:
        assert all("Nghị định 86/2023/NĐ-CP" in c.article for c in v.checks if not c.passed)


# --- targets whose criteria are not automated ---------------------------------------------------

@pytest.mark.parametrize("target, subject", [
    ("CO_THI_DUA_TINH", "collective"), ("XA_TIEU_BIEU", "collective"),
    ("THON_VAN_HOA", "collective"), ("BANG_KHEN_TTG", "individual"),
])
def test_targets_without_automated_criteria_are_never_silently_eligible(target, subject):
    v = judge(target, yr(2025, "HTXSNV"), subject=subject)
    assert not v.eligible
    assert failed(v)[0].startswith("Tiêu chuẩn ")
