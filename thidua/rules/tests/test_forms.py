"""Forms of reward — Luật Thi đua, khen thưởng 2022, Điều 74 (Bằng khen cấp tỉnh, with the
criteria of the instance's province) and Điều 75 (Giấy khen)."""

import pytest

from thidua.rules.codes import Authority
from thidua.rules.eligibility import shortfall

from .factories import check_for, failed, ini, judge, yr

BK = "Luật Thi đua, khen thưởng 2022, Điều 74"
GK = "Luật Thi đua, khen thưởng 2022, Điều 75"


# --- Điều 75: Giấy khen của Chủ tịch UBND xã ---------------------------------------------------

@pytest.mark.parametrize("subject, rating, eligible", [
    pytest.param("individual", "HTTNV", True, id="individual-HTTNV"),
    pytest.param("individual", "HTNV", False, id="individual-HTNV"),
    pytest.param("collective", "HTXSNV", True, id="collective-HTXSNV"),
    pytest.param("collective", None, False, id="collective-no-rating"),
])
def test_giay_khen_needs_httnv_for_individuals_and_collectives(subject, rating, eligible):
    v = judge("GIAY_KHEN_XA", yr(2025, rating), subject=subject)
    assert v.eligible is eligible
    assert v.authority is Authority.CHU_TICH_UBND_XA
    if not eligible:
        assert [c.article for c in v.failed_checks] == [GK]


def test_giay_khen_needs_no_consecutive_years():
    assert judge("GIAY_KHEN_XA", yr(2025, "HTTNV"), yr(2023, "KHTNV")).eligible


@pytest.mark.parametrize("contributions, exclusions, eligible", [
    pytest.param([{"kind": "land", "description": "Hiến 200 m² đất mở đường"}], [], True, id="donated-land"),
    pytest.param([{"kind": "movement"}], [], True, id="achievement-in-a-movement"),
    pytest.param([], [], False, id="no-contribution"),
    pytest.param([{"kind": "labour", "used_for": "GIAY_KHEN_XA 2024"}], [], False, id="contribution-already-rewarded"),
    pytest.param([{"kind": "assets"}], ["public_order_violation"], False, id="member-fined-public-order"),
])
def test_giay_khen_for_a_household_needs_a_contribution(contributions, exclusions, eligible):
    v = judge("GIAY_KHEN_XA", yr(2025, contributions=contributions), subject="household",
              household_exclusions=exclusions, decision_date="2025-12-20")
    assert v.eligible is eligible
    assert v.amount_vnd == 1_060_000  # 1,5 × 0,3 × 2.340.000 rounded up


# --- Điều 74: Bằng khen của Chủ tịch UBND tỉnh — individual -----------------------------------

def cs(y, rating="HTXSNV", **kw):
    return yr(y, rating, "LDTT", "CSTD_CO_SO", **kw)


@pytest.mark.parametrize("history, eligible", [
    pytest.param([cs(2024), cs(2025)], True, id="two-consecutive-CSTDCS-ending-in-judged-year"),
    pytest.param([cs(2023), cs(2024), yr(2025, "HTTNV", "LDTT")], True,
                 id="two-CSTDCS-ending-year-before-judged-year-not-conferred"),
    pytest.param([cs(2023), cs(2025)], False, id="CSTDCS-2023-and-2025-broken-by-missing-2024"),
    pytest.param([cs(2022), cs(2023), yr(2024, "HTTNV", "LDTT"), yr(2025, "HTTNV", "LDTT")], False,
                 id="chain-ending-two-years-before-is-too-old"),
    pytest.param([yr(2024, "HTXSNV", initiatives=[ini("SK-1")]), yr(2025, "HTXSNV", initiatives=[ini("SK-2")])],
                 True, id="two-years-HTXSNV-with-two-base-initiatives"),
    pytest.param([yr(2024, "HTXSNV", science_topics=[ini("DT-1")]), yr(2025, "HTXSNV", science_topics=[ini("DT-2")])],
                 True, id="two-years-HTXSNV-with-two-science-topics"),
    pytest.param([yr(2024, "HTXSNV", initiatives=[ini("SK-1")]), yr(2025, "HTXSNV", science_topics=[ini("DT-2")])],
                 False, id="one-initiative-plus-one-topic-is-not-two-of-a-kind"),
    pytest.param([yr(2024, "HTXSNV", initiatives=[ini("SK-1")]), yr(2025, "HTXSNV")], False,
                 id="two-years-HTXSNV-with-one-initiative"),
    pytest.param([yr(2024, "HTXSNV", initiatives=[ini("SK-1")]),
                  yr(2025, "HTXSNV", initiatives=[ini("SK-2", used_for="CSTD_CO_SO 2025")])], False,
                 id="second-initiative-already-used"),
    pytest.param([yr(2024, "HTTNV", initiatives=[ini("SK-1")]), yr(2025, "HTXSNV", initiatives=[ini("SK-2")])],
                 False, id="only-one-year-HTXSNV"),
])
def test_bang_khen_tinh_individual_grounds(history, eligible):
    v = judge("BANG_KHEN_TINH", *history)
    assert v.eligible is eligible
    assert v.authority is Authority.CHU_TICH_UBND_TINH
    if not eligible:
        assert shortfall(v).one_short
        assert v.failed_checks[0].article == BK  # no provincial regulation entered: the Law only


def test_bang_khen_tinh_detail_explains_both_grounds():
    v = judge("BANG_KHEN_TINH", cs(2025), yr(2024, "HTTNV", "LDTT"))
    detail = check_for(v, "Có một trong các căn cứ").detail
    assert "Căn cứ 1 (không đạt)" in detail and "Căn cứ 2 (không đạt)" in detail


# --- Điều 74: collective and household -------------------------------------------------------

@pytest.mark.parametrize("history, eligible", [
    pytest.param([yr(2024, "HTXSNV"), yr(2025, "HTXSNV")], True, id="two-years-HTXSNV"),
    pytest.param([yr(2024, None, "TTLDXS"), yr(2025, None, "TTLDXS")], True, id="two-years-TTLDXS"),
    pytest.param([yr(2023, "HTXSNV"), yr(2024, "HTXSNV"), yr(2025, "HTTNV")], True, id="chain-ending-year-before"),
    pytest.param([yr(2023, "HTXSNV"), yr(2024, "HTTNV"), yr(2025, "HTXSNV")], False, id="broken-by-HTTNV"),
    pytest.param([yr(2025, "HTXSNV")], False, id="one-year-only"),
])
def test_bang_khen_tinh_collective_two_consecutive_years_htxsnv_or_ttldxs(history, eligible):
    v = judge("BANG_KHEN_TINH", *history, subject="collective", decision_date="2025-12-20")
    assert v.eligible is eligible
    assert v.amount_vnd == 7_020_000


@pytest.mark.parametrize("count, eligible", [
    pytest.param(1, False, id="one-contribution-is-not-many"),
    pytest.param(2, True, id="two-contributions"),
])
def test_bang_khen_tinh_household_needs_many_contributions(count, eligible):
    contributions = [{"kind": "assets", "description": f"Đóng góp {i}"} for i in range(count)]
    v = judge("BANG_KHEN_TINH", yr(2025, contributions=contributions), subject="household",
              decision_date="2025-12-20")
    assert v.eligible is eligible
    assert v.amount_vnd == 5_270_000  # household = 1,5 × individual


def test_many_contributions_threshold_is_a_parameter():
    from thidua.rules.parameters import DEFAULT_PARAMETERS

    params = DEFAULT_PARAMETERS.with_overrides({"bang_khen_tinh_household_min_contributions": 1})
    v = judge("BANG_KHEN_TINH", yr(2025, contributions=[{"kind": "land"}]), subject="household",
              params=params)
    assert v.eligible, failed(v)
