"""Codes of rules.md with Vietnamese labels; every user-facing string is NFC Vietnamese."""

import unicodedata
from datetime import date

import pytest

from thidua.rules.codes import (
    ALL_ENUMS,
    DisciplineForm,
    Rating,
    RewardForm,
    Scope,
    Title,
    label_of,
)
from thidua.rules.jsonio import CaseError, case_from_dict, run_cases
from thidua.rules.money import payable_amounts
from thidua.rules.parameters import parameter_rows

from .factories import case_dict, ini, members, yr


@pytest.mark.parametrize("code, label", [
    ("LDTT", "Lao động tiên tiến"),
    ("CSTD_CO_SO", "Chiến sĩ thi đua cơ sở"),
    ("BANG_KHEN_TINH", "Bằng khen của Chủ tịch UBND tỉnh/thành phố"),
    ("HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"),
    ("CANH_CAO", "Cảnh cáo"),
    ("CHU_TICH_UBND_XA", "Chủ tịch Ủy ban nhân dân xã"),
])
def test_codes_carry_their_vietnamese_label(code, label):
    assert label_of(code) == label


def test_all_codes_of_rules_md_exist():
    assert {t.value for t in Title} == {
        "LDTT", "CSTT", "CSTD_CO_SO", "CSTD_TINH", "CSTD_TOAN_QUOC", "TTLDTT", "DVTT", "TTLDXS",
        "DVQT", "CO_THI_DUA_TINH", "CO_THI_DUA_CP", "XA_TIEU_BIEU", "THON_VAN_HOA",
        "GIA_DINH_VAN_HOA"}
    assert {f.value for f in RewardForm} == {
        "GIAY_KHEN_XA", "BANG_KHEN_TINH", "BANG_KHEN_TTG", "HUAN_CHUONG_LD3", "KY_NIEM_CHUONG"}


def test_rating_order_is_htxsnv_httnv_htnv_khtnv():
    assert sorted(Rating, key=lambda r: r.rank, reverse=True) == [
        Rating.HTXSNV, Rating.HTTNV, Rating.HTNV, Rating.KHTNV]
    assert Rating.HTXSNV.at_least(Rating.HTTNV) and not Rating.HTNV.at_least(Rating.HTTNV)


def test_discipline_severity_order_and_scope_order():
    assert [d.value for d in sorted(DisciplineForm, key=lambda d: d.rank)] == [
        "KHIEN_TRACH", "CANH_CAO", "HA_BAC_LUONG", "GIANG_CHUC", "CACH_CHUC", "BUOC_THOI_VIEC"]
    assert Scope.TOAN_QUOC.at_least(Scope.TINH) and not Scope.CO_SO.at_least(Scope.TINH)


def test_codes_are_plain_strings_for_json_and_django_choices():
    assert Title.LDTT == "LDTT" and f"{Title.LDTT}" == "LDTT"
    assert ("LDTT", "Lao động tiên tiến") in Title.choices()


def _nfc(text: str) -> bool:
    return unicodedata.normalize("NFC", text) == text


def test_every_label_and_parameter_description_is_nfc():
    texts = [m.label for enum in ALL_ENUMS for m in enum]
    texts += [t for r in parameter_rows() for t in (r.article, r.description)]
    assert all(_nfc(t) for t in texts)


def test_every_verdict_and_error_text_is_nfc():
    cases = [
        case_dict("LDTT", yr(2025, "HTNV"), discipline=[{"form": "CANH_CAO", "from": "2025-02-01"}]),
        case_dict("CSTD_CO_SO", yr(2025, "HTTNV", initiatives=[ini("SK", used_for="x")])),
        case_dict("CSTD_TINH", yr(2023, "HTXSNV", "CSTD_CO_SO"), pending=["complaint"]),
        case_dict("CSTD_TOAN_QUOC", yr(2025, "HTXSNV", "CSTD_TINH")),
        case_dict("TTLDXS", yr(2025, "HTTNV", members=members(9, 5)), subject="collective"),
        case_dict("BANG_KHEN_TINH", yr(2025, "HTXSNV"), subject="household",
                  household_exclusions=["child_marriage"]),
        case_dict("THON_VAN_HOA", subject="collective"),
        {"id": "bad", "subject": "individual", "target": "LDTT", "year": "x"},
    ]
    texts = []
    for result in run_cases(cases):
        texts += [result.get("error", "")]
        texts += [t for c in result.get("checks", []) for t in (c["rule"], c["detail"], c["article"])]
    texts += [p.reason for p in payable_amounts(["LDTT", "CSTD_CO_SO"], "individual", date(2025, 12, 1))]
    assert texts and all(_nfc(t) for t in texts)
    with pytest.raises(CaseError) as err:
        case_from_dict({})
    assert _nfc(str(err.value))
