"""Council thresholds — the province's rule; default 80 %/90 % from ND 98/2023 Điều 30(7), repealed."""

import pytest

from thidua.rules.council import ballot_check, quorum_check
from thidua.rules.parameters import DEFAULT_PARAMETERS


@pytest.mark.parametrize("code, yes, members, passed", [
    pytest.param("CSTD_CO_SO", 8, 10, True, id="CSTDCS-exactly-80-percent-of-all-members"),
    pytest.param("CSTD_CO_SO", 7, 10, False, id="CSTDCS-70-percent"),
    pytest.param("CO_THI_DUA_TINH", 12, 15, True, id="Co-tinh-80-percent"),
    pytest.param("CSTD_TINH", 9, 10, True, id="CSTD-tinh-exactly-90-percent"),
    pytest.param("CSTD_TINH", 8, 10, False, id="CSTD-tinh-80-percent-not-enough"),
    pytest.param("CSTD_TOAN_QUOC", 17, 19, False, id="CSTD-toan-quoc-89-percent"),
])
def test_ballot_threshold_counts_all_council_members(code, yes, members, passed):
    check = ballot_check(code, yes, members, present=members - 1)
    assert check.passed is passed and "Điều 30 khoản 7" in check.article


@pytest.mark.parametrize("yes, present, passed", [
    pytest.param(5, 9, True, id="majority-of-present"),
    pytest.param(4, 8, False, id="half-is-not-a-majority"),
])
def test_other_nominations_pass_by_majority_of_members_present(yes, present, passed):
    assert ballot_check("LDTT", yes, 12, present).passed is passed


@pytest.mark.parametrize("present, members, award_session, passed", [
    pytest.param(8, 12, False, True, id="meeting-exactly-2-3"),
    pytest.param(7, 12, False, False, id="meeting-below-2-3"),
    pytest.param(8, 10, True, True, id="award-session-exactly-80"),
    pytest.param(7, 10, True, False, id="award-session-70"),
])
def test_quorum(present, members, award_session, passed):
    assert quorum_check(present, members, award_session=award_session).passed is passed


def test_council_thresholds_are_parameters():
    params = DEFAULT_PARAMETERS.with_overrides({"council_vote_share.CSTD_TINH": "0.8"})
    assert ballot_check("CSTD_TINH", 8, 10, params=params).passed
