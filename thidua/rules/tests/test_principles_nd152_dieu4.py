"""General principles — Nghị định 152/2025/NĐ-CP, Điều 4 — applied to every target."""

import pytest

from thidua.rules.codes import RewardForm, RoundKind, Title
from thidua.rules.eligibility import TARGET_RULES, shortfall
from thidua.rules.history import FormAward, YearRecord

from .factories import check_for, failed, ini, judge, members, yr

ND152_4 = "Nghị định 152/2025/NĐ-CP, Điều 4"

GOOD_LDTT = yr(2025, "HTXSNV")


@pytest.mark.parametrize("matter, rule_words", [
    pytest.param("discipline", "xem xét thi hành kỷ luật", id="pending-discipline"),
    pytest.param("investigation", "điều tra, thanh tra", id="pending-investigation"),
    pytest.param("complaint", "khiếu nại, tố cáo", id="pending-complaint"),
])
def test_each_pending_matter_blocks_the_award(matter, rule_words):
    v = judge("LDTT", GOOD_LDTT, pending=[matter])
    assert not v.eligible
    bad = [c for c in v.checks if not c.passed]
    assert len(bad) == 1 and rule_words in bad[0].rule and bad[0].article == ND152_4
    assert shortfall(v).one_short


def test_without_pending_matters_the_three_rows_are_still_listed_and_pass():
    v = judge("LDTT", GOOD_LDTT)
    rows = [c for c in v.checks if c.article == ND152_4]
    assert len(rows) == 4 and all(c.passed for c in rows)  # 3 pending + the discipline row


@pytest.mark.parametrize("target, subject, history", [
    pytest.param("LDTT", "individual", [GOOD_LDTT], id="LDTT"),
    pytest.param("TTLDTT", "collective", [yr(2025, "HTTNV", members=members(10, 8))], id="TTLDTT"),
    pytest.param("GIA_DINH_VAN_HOA", "household", [], id="GIA_DINH_VAN_HOA"),
    pytest.param("XA_TIEU_BIEU", "collective", [], id="not-automated-target"),
])
def test_pending_matters_are_checked_on_every_target(target, subject, history):
    v = judge(target, *history, subject=subject, pending=["complaint"])
    assert any(not c.passed and c.article == ND152_4 for c in v.checks)


def test_every_code_has_a_target_rule():
    assert set(TARGET_RULES) == set(Title) | set(RewardForm)


# --- discipline periods ----------------------------------------------------------------------

@pytest.mark.parametrize("period, counted", [
    pytest.param({"from": "2025-03-01", "to": "2026-03-01"}, False, id="period-overlaps-judged-year"),
    pytest.param({"from": "2024-03-01", "to": "2025-03-01"}, False, id="period-ends-inside-judged-year"),
    pytest.param({"from": "2024-01-01", "to": "2025-01-01"}, True, id="period-ends-on-1-jan-of-judged-year"),
    pytest.param({"from": "2023-03-01", "to": "2024-03-01"}, True, id="period-ended-the-year-before"),
    pytest.param({"from": "2024-06-01"}, False, id="period-without-end-still-running"),
    pytest.param({"from": "2026-03-01", "to": "2027-03-01"}, True, id="period-after-judged-year-no-decision-date"),
])
def test_the_judged_year_counts_only_after_the_discipline_period_ends(period, counted):
    v = judge("LDTT", GOOD_LDTT, discipline=[{"form": "KHIEN_TRACH", **period}])
    row = check_for(v, "Thành tích năm 2025 được tính")
    assert row.passed is counted and row.article == ND152_4
    assert v.eligible is counted


def test_discipline_starting_before_the_decision_date_voids_the_earlier_year():
    v = judge("LDTT", GOOD_LDTT, decision_date="2026-02-15",
              discipline=[{"form": "KHIEN_TRACH", "from": "2026-02-01", "to": "2027-02-01"}])
    assert not check_for(v, "Thành tích năm 2025 được tính").passed


CSTDCS_RUN = [yr(y, "HTXSNV", "LDTT", "CSTD_CO_SO") for y in range(2021, 2028)]


@pytest.mark.parametrize("judged_year, eligible", [
    pytest.param(2026, False, id="only-2025-2026-after-the-end-too-short"),
    pytest.param(2027, True, id="2025-2026-2027-restarted-chain-is-enough"),
])
def test_a_chain_restarts_after_a_discipline_period(judged_year, eligible):
    v = judge("CSTD_TINH",
              *[dict(r, initiatives=[ini(f"SK-{r['year']}", "TINH")]) for r in CSTDCS_RUN],
              year=judged_year,
              discipline=[{"form": "CANH_CAO", "from": "2023-03-01", "to": "2024-03-01"}])
    chain = check_for(v, "năm liên tục đạt Chiến sĩ thi đua cơ sở")
    assert chain.passed is eligible and v.eligible is eligible
    if not eligible:
        assert "năm 2024 không được tính" in chain.detail


def test_initiatives_from_years_voided_by_discipline_do_not_count():
    v = judge("CSTD_TINH",
              yr(2023, "HTXSNV", "LDTT", "CSTD_CO_SO", initiatives=[ini("SK-1", "TINH")]),
              *[yr(y, "HTXSNV", "LDTT", "CSTD_CO_SO") for y in (2024, 2025, 2026, 2027)],
              year=2027,
              discipline=[{"form": "KHIEN_TRACH", "from": "2023-06-01", "to": "2024-06-01"}])
    assert failed(v) == ["Có sáng kiến hoặc đề tài khoa học có phạm vi ảnh hưởng từ cấp tỉnh trở "
                         "lên trong thời gian đó"]


# --- consecutive = no year missing ------------------------------------------------------------

def test_a_missing_year_breaks_a_chain():
    v = judge("CSTD_TINH",
              yr(2022, "HTXSNV", "LDTT", "CSTD_CO_SO"),
              yr(2023, "HTXSNV", "LDTT", "CSTD_CO_SO"),
              # 2024 missing
              yr(2025, "HTXSNV", "LDTT", "CSTD_CO_SO", initiatives=[ini("SK-7", "TINH")]))
    chain = check_for(v, "năm liên tục đạt Chiến sĩ thi đua cơ sở")
    assert not chain.passed and "năm 2024 không có dữ liệu" in chain.detail
    assert shortfall(v).one_short


# --- an initiative grounds one award only [S] -------------------------------------------------

@pytest.mark.parametrize("initiatives, eligible", [
    pytest.param([ini("SK-1")], True, id="fresh-initiative-counts"),
    pytest.param([ini("SK-1", used_for="GIAY_KHEN_XA 2025")], False, id="initiative-marked-used-does-not-count"),
    pytest.param([ini("SK-1", "TOAN_QUOC", used_for="BANG_KHEN_TINH 2024")], False, id="used-even-if-higher-scope"),
])
def test_an_initiative_already_used_for_another_award_does_not_count(initiatives, eligible):
    v = judge("CSTD_CO_SO", yr(2025, "HTTNV", "LDTT", initiatives=initiatives))
    assert v.eligible is eligible


def test_an_initiative_listed_again_in_a_later_year_counts_only_once():
    v = judge("BANG_KHEN_TINH",
              yr(2024, "HTXSNV", "LDTT", initiatives=[ini("SK-1")]),
              yr(2025, "HTXSNV", "LDTT", initiatives=[ini("SK-1")]))
    assert not v.eligible
    assert "SK-1 đã được ghi nhận từ năm 2024" in failed_detail(v)


def failed_detail(v):
    return " | ".join(c.detail for c in v.checks if not c.passed)


# --- sudden-feat / thematic forms never count toward merit ------------------------------------

def test_sudden_feat_and_thematic_forms_do_not_count_toward_merit():
    record = YearRecord(2025, forms=(
        FormAward(RewardForm.GIAY_KHEN_XA, RoundKind.YEAR_END),
        FormAward(RewardForm.GIAY_KHEN_XA, RoundKind.SUDDEN_FEAT),
        FormAward(RewardForm.BANG_KHEN_TINH, RoundKind.THEMATIC),
    ))
    assert [f.round_kind for f in record.merit_forms()] == [RoundKind.YEAR_END]
