"""Reward money — Nghị định 152/2025/NĐ-CP, Điều 49–54."""

from datetime import date
from decimal import Decimal

import pytest

from thidua.rules.money import (
    NoBaseSalaryError,
    base_salary_on,
    payable_amounts,
    reward_amount,
    round_up,
    total_payable,
)
from thidua.rules.parameters import DEFAULT_PARAMETERS


@pytest.mark.parametrize("day, expected", [
    pytest.param(date(2024, 7, 1), 2_340_000, id="first-day-of-2024-level"),
    pytest.param(date(2025, 12, 15), 2_340_000, id="end-2025"),
    pytest.param(date(2026, 6, 30), 2_340_000, id="30-6-2026-still-old-level"),
    pytest.param(date(2026, 7, 1), 2_530_000, id="01-7-2026-new-level-applies-that-day"),
    pytest.param(date(2030, 1, 1), 2_530_000, id="latest-level-stays-in-force"),
])
def test_base_salary_in_force_on_the_date(day, expected):
    assert base_salary_on(day) == expected


def test_no_base_salary_before_the_table_is_a_vietnamese_error():
    with pytest.raises(NoBaseSalaryError, match="Không có mức lương cơ sở"):
        base_salary_on(date(2024, 6, 30))


@pytest.mark.parametrize("amount, expected", [
    pytest.param(Decimal("702000"), 710_000, id="702.000-up-to-710.000"),
    pytest.param(Decimal("700001"), 710_000, id="one-dong-over-goes-up"),
    pytest.param(Decimal("2340000"), 2_340_000, id="multiple-stays"),
    pytest.param(Decimal("759000"), 760_000, id="759.000-up-to-760.000"),
    pytest.param(Decimal("0"), 0, id="zero-stays"),
])
def test_round_up_to_the_next_ten_thousand(amount, expected):
    assert round_up(amount, 10_000) == expected


@pytest.mark.parametrize("code, kind, day, expected", [
    pytest.param("LDTT", "individual", date(2025, 12, 15), 710_000, id="LDTT-0.3-rules-md-example"),
    pytest.param("CSTT", "individual", date(2025, 12, 15), 710_000, id="CSTT-same-as-LDTT"),
    pytest.param("CSTD_CO_SO", "individual", date(2026, 7, 15), 2_530_000, id="CSTDCS-1.0-after-switch"),
    pytest.param("CSTD_CO_SO", "individual", date(2026, 6, 30), 2_340_000, id="CSTDCS-1.0-day-before-switch"),
    pytest.param("LDTT", "individual", date(2026, 7, 1), 760_000, id="LDTT-0.3x2.530.000-rounded-up"),
    pytest.param("CSTD_TINH", "individual", date(2025, 12, 20), 7_020_000, id="CSTD_TINH-3.0"),
    pytest.param("CSTD_TOAN_QUOC", "individual", date(2025, 12, 20), 10_530_000, id="CSTD_TOAN_QUOC-4.5"),
    pytest.param("TTLDTT", "collective", date(2025, 12, 20), 1_880_000, id="TTLDTT-0.8-rounded-up"),
    pytest.param("TTLDXS", "collective", date(2025, 12, 20), 3_510_000, id="TTLDXS-1.5"),
    pytest.param("BANG_KHEN_TINH", "individual", date(2025, 12, 20), 3_510_000, id="BK-tinh-individual-1.5"),
    pytest.param("BANG_KHEN_TINH", "collective", date(2025, 12, 20), 7_020_000, id="BK-tinh-collective-3.0"),
    pytest.param("BANG_KHEN_TINH", "household", date(2025, 12, 20), 5_270_000, id="BK-tinh-household-1.5x-individual"),
    pytest.param("GIAY_KHEN_XA", "household", date(2025, 12, 20), 1_060_000, id="GK-xa-household-0.45-rounded-once"),
    pytest.param("GIAY_KHEN_XA", "collective", date(2025, 12, 20), 1_410_000, id="GK-xa-collective-0.6"),
    pytest.param("CO_THI_DUA_TINH", "collective", date(2025, 12, 20), 18_720_000, id="Co-tinh-8"),
])
def test_reward_amount_is_coefficient_times_base_salary_rounded_up(code, kind, day, expected):
    assert reward_amount(code, kind, day) == expected


@pytest.mark.parametrize("code, kind", [
    pytest.param("GIA_DINH_VAN_HOA", "household", id="GDVH-certificate-only"),
    pytest.param("KY_NIEM_CHUONG", "individual", id="KNC-only-a-maximum"),
    pytest.param("HUAN_CHUONG_LD3", "individual", id="no-coefficient-in-rules-md"),
    pytest.param("LDTT", "household", id="titles-get-no-household-multiplier"),
    pytest.param("LDTT", "collective", id="individual-title-for-collective"),
])
def test_reward_amount_is_none_without_a_coefficient(code, kind):
    assert reward_amount(code, kind, date(2025, 12, 20)) is None


def test_household_amount_is_one_and_a_half_times_the_individual_one_before_rounding():
    individual = Decimal("1.5") * 2_340_000
    assert reward_amount("BANG_KHEN_TINH", "household", date(2025, 12, 20)) == \
        round_up(individual * Decimal("1.5"), 10_000)


def test_several_titles_in_one_period_only_the_highest_is_paid():
    payments = payable_amounts(["LDTT", "CSTD_CO_SO"], "individual", date(2025, 12, 20))
    by_code = {p.code: p for p in payments}
    assert by_code["CSTD_CO_SO"].paid and by_code["CSTD_CO_SO"].amount_vnd == 2_340_000
    assert not by_code["LDTT"].paid and by_code["LDTT"].amount_vnd == 710_000
    assert "cao nhất" in by_code["LDTT"].reason
    assert total_payable(payments) == 2_340_000


def test_a_title_and_a_form_in_one_round_are_both_paid():
    payments = payable_amounts(["CSTD_CO_SO", "LDTT", "BANG_KHEN_TINH"], "individual",
                               date(2025, 12, 20))
    assert [(p.code, p.paid) for p in payments] == [
        ("CSTD_CO_SO", True), ("LDTT", False), ("BANG_KHEN_TINH", True)]
    assert total_payable(payments) == 2_340_000 + 3_510_000


def test_collective_titles_in_one_period_pay_only_the_highest():
    payments = payable_amounts(["TTLDTT", "TTLDXS", "GIAY_KHEN_XA"], "collective",
                               date(2025, 12, 20))
    assert total_payable(payments) == 3_510_000 + 1_410_000


def test_a_title_without_amount_is_listed_but_not_paid():
    payments = payable_amounts(["GIA_DINH_VAN_HOA", "GIAY_KHEN_XA"], "household", date(2025, 12, 20))
    assert [(p.code, p.amount_vnd, p.paid) for p in payments] == [
        ("GIA_DINH_VAN_HOA", None, False), ("GIAY_KHEN_XA", 1_060_000, True)]


def test_payable_amounts_refuses_an_unknown_code():
    with pytest.raises(ValueError, match="không hợp lệ"):
        payable_amounts(["LDTT", "XYZ"], "individual", date(2025, 12, 20))


def test_an_edited_base_salary_table_is_used():
    params = DEFAULT_PARAMETERS.with_overrides({"base_salary.2027-07-01": "2700000"})
    assert reward_amount("LDTT", "individual", date(2027, 7, 1), params) == 810_000
    assert reward_amount("LDTT", "individual", date(2027, 6, 30), params) == 760_000
