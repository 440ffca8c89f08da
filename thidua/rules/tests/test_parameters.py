"""RuleParameters: every number of rules.md, with its source, overridable from a catalogue."""

import dataclasses
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from thidua.rules.codes import Authority, Rating
from thidua.rules.parameters import (
    DEFAULT_PARAMETERS,
    Marker,
    ParameterError,
    parameter_rows,
    parameters_from_rows,
)

P = DEFAULT_PARAMETERS


@pytest.mark.parametrize("key, value, marker", [
    pytest.param("ttldtt_min_ldtt_share", Fraction(7, 10), "V", id="TTLDTT-70-percent"),
    pytest.param("ttldxs_min_ldtt_share", Fraction(7, 10), "V", id="TTLDXS-70-percent"),
    pytest.param("ttldxs_min_completed_share", Fraction(1), "V", id="TTLDXS-100-percent-completed"),
    pytest.param("council_vote_share.CSTD_CO_SO", Fraction(4, 5), "S", id="vote-80-CSTDCS"),
    pytest.param("council_vote_share.CO_THI_DUA_TINH", Fraction(4, 5), "S", id="vote-80-Co"),
    pytest.param("council_vote_share.CSTD_TINH", Fraction(9, 10), "S", id="vote-90-CSTD-tinh"),
    pytest.param("council_vote_share.CSTD_TOAN_QUOC", Fraction(9, 10), "S", id="vote-90-CSTD-toan-quoc"),
    pytest.param("council_quorum_share", Fraction(2, 3), "S", id="quorum-2-3"),
    pytest.param("award_session_min_presence_share", Fraction(4, 5), "S", id="award-session-80"),
    pytest.param("cstd_tinh_chain_years", 3, "V", id="CSTD-tinh-chain-3"),
    pytest.param("cstd_toan_quoc_chain_length", 2, "V", id="CSTD-toan-quoc-chain-2"),
    pytest.param("bang_khen_tinh_cstd_chain_years", 2, "S", id="BK-tinh-chain-2"),
    pytest.param("household_multiplier", Decimal("1.5"), "S", id="household-1.5"),
    pytest.param("rounding_step_vnd", 10_000, "V", id="rounding-10000"),
    pytest.param("base_salary.2024-07-01", 2_340_000, "V", id="base-salary-2024"),
    pytest.param("base_salary.2026-07-01", 2_530_000, "V", id="base-salary-2026"),
    pytest.param("coefficient.LDTT.individual", Decimal("0.3"), "V", id="coef-LDTT"),
    pytest.param("coefficient.BANG_KHEN_TINH.collective", Decimal("3.0"), "S", id="coef-BK-tinh-collective"),
    pytest.param("coefficient.GIAY_KHEN_XA.individual", Decimal("0.3"), "U", id="coef-GK-individual"),
    pytest.param("authority.LDTT", Authority.CHU_TICH_UBND_XA, "V", id="commune-decides-LDTT"),
    pytest.param("authority.BANG_KHEN_TINH", Authority.CHU_TICH_UBND_TINH, "V", id="province-decides-BK"),
    pytest.param("authority.CSTD_TOAN_QUOC", Authority.THU_TUONG, "V", id="PM-decides-CSTD-toan-quoc"),
    pytest.param("authority.HUAN_CHUONG_LD3", Authority.CHU_TICH_NUOC, "V", id="president-decides-orders"),
])
def test_default_parameters_follow_rules_md(key, value, marker):
    rows = {r.key: r for r in parameter_rows()}
    assert rows[key].value == value
    assert rows[key].marker == marker


def test_every_parameter_row_has_an_article_a_marker_and_a_vietnamese_description():
    rows = parameter_rows()
    assert len({r.key for r in rows}) == len(rows) > 50
    for r in rows:
        assert r.article and r.marker in {"V", "S", "U"} and r.description, r


def test_base_salary_table_is_the_dated_table_of_rules_md():
    assert P.base_salary_table == ((date(2024, 7, 1), 2_340_000), (date(2026, 7, 1), 2_530_000))


@pytest.mark.parametrize("key, text, attribute, expected", [
    pytest.param("ttldtt_min_ldtt_share", "0.75", "ttldtt_min_ldtt_share", Fraction(3, 4), id="decimal-string"),
    pytest.param("ttldtt_min_ldtt_share", "75%", "ttldtt_min_ldtt_share", Fraction(3, 4), id="percent-string"),
    pytest.param("council_quorum_share", "3/4", "council_quorum_share", Fraction(3, 4), id="fraction-string"),
    pytest.param("household_multiplier", "1,6", "household_multiplier", Decimal("1.6"), id="vietnamese-decimal-comma"),
    pytest.param("cstd_tinh_chain_years", "4", "cstd_tinh_chain_years", 4, id="integer-string"),
    pytest.param("ldtt_min_rating", "HTXSNV", "ldtt_min_rating", Rating.HTXSNV, id="rating-code"),
])
def test_with_overrides_reads_catalogue_strings(key, text, attribute, expected):
    assert getattr(P.with_overrides({key: text}), attribute) == expected
    assert getattr(P, attribute) != expected  # the default is untouched


def test_with_overrides_edits_adds_and_removes_composite_entries():
    params = P.with_overrides({
        "coefficient.LDTT.individual": "0.35",
        "coefficient.HUAN_CHUONG_LD3.individual": "4.5",
        "coefficient.GIAY_KHEN_XA.individual": None,
        "base_salary.2027-07-01": 2_700_000,
        "authority.XA_TIEU_BIEU": "CHU_TICH_UBND_XA",
    })
    assert params.coefficients[("LDTT", "individual")] == Decimal("0.35")
    assert params.coefficients[("HUAN_CHUONG_LD3", "individual")] == Decimal("4.5")
    assert ("GIAY_KHEN_XA", "individual") not in params.coefficients
    assert params.base_salary_table[-1] == (date(2027, 7, 1), 2_700_000)
    assert params.authority_for("XA_TIEU_BIEU") is Authority.CHU_TICH_UBND_XA
    assert params.source("base_salary.2027-07-01").marker is Marker.U


def test_keyword_overrides_and_dataclasses_replace_both_work():
    assert P.with_overrides(cstd_tinh_chain_years=4).cstd_tinh_chain_years == 4
    replaced = dataclasses.replace(P, ttldtt_min_ldtt_share=Fraction(3, 4))
    assert replaced.ttldtt_min_ldtt_share == Fraction(3, 4)
    assert replaced.sources == P.sources


def test_sources_can_be_replaced_from_the_catalogue():
    params = P.with_overrides({"household_multiplier": "1.5"},
                              sources={"household_multiplier": ("Nghị định 152/2025/NĐ-CP, Điều 50",
                                                                "V", "Hộ gia đình: 1,5 lần")})
    assert params.source("household_multiplier").marker is Marker.V


def test_rows_round_trip_through_their_text_values():
    rows = [{"key": r.key, "value_text": r.value_text, "article": r.article, "marker": r.marker,
             "description": r.description} for r in parameter_rows()]
    rebuilt = parameters_from_rows(rows)
    assert rebuilt == P
    assert parameter_rows(rebuilt) == parameter_rows(P)


@pytest.mark.parametrize("overrides, message", [
    pytest.param({"no_such_key": 1}, "khóa tham số không hợp lệ", id="unknown-key"),
    pytest.param({"coefficient.LDTX.individual": "0.3"}, "khóa tham số không hợp lệ", id="unknown-code"),
    pytest.param({"base_salary.2027-13-01": 1}, "khóa tham số không hợp lệ", id="bad-date-key"),
    pytest.param({"ttldtt_min_ldtt_share": "abc"}, "không đọc được tỷ lệ", id="unreadable-share"),
    pytest.param({"ttldtt_min_ldtt_share": "1.2"}, "từ 0 đến 1", id="share-above-one"),
    pytest.param({"cstd_tinh_chain_years": "2.5"}, "số nguyên", id="non-integer-count"),
    pytest.param({"cstd_tinh_chain_years": 0}, "từ 1 trở lên", id="zero-chain"),
    pytest.param({"rounding_step_vnd": 0}, "lớn hơn 0", id="zero-rounding-step"),
    pytest.param({"ldtt_min_rating": "GIOI"}, "mã không hợp lệ", id="unknown-rating"),
])
def test_bad_overrides_are_refused_in_vietnamese(overrides, message):
    with pytest.raises(ParameterError, match=message):
        P.with_overrides(overrides)


def test_parameters_are_immutable():
    with pytest.raises(dataclasses.FrozenInstanceError):
        P.rounding_step_vnd = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        P.coefficients[("LDTT", "individual")] = Decimal("1")  # type: ignore[index]


def test_a_count_typed_as_snan_is_refused_in_vietnamese_not_a_crash():
    # "sNaN" reads as a decimal that cannot be compared: the administrator's page gets a
    # refusal naming the key instead of an error page.
    with pytest.raises(ParameterError, match="cstd_tinh_chain_years: không đọc được số nguyên"):
        P.with_overrides({"cstd_tinh_chain_years": "sNaN"})


@pytest.mark.parametrize("key, value", [("cstd_tinh_chain_years", "Infinity"), ("cstd_tinh_chain_years", "NaN"),
                                        ("ttldtt_min_ldtt_share", "Infinity"), ("ttldtt_min_ldtt_share", Decimal("Infinity"))])
def test_an_endless_or_not_a_number_value_is_refused_in_vietnamese_not_a_crash(key, value):
    with pytest.raises(ParameterError, match=f"{key}: không đọc được"):
        P.with_overrides({key: value})
