"""Speed of ``evaluate`` (a loose guard: the candidate lists read stored verdicts, the engine
judges when the ledger changes) and parameters that never share rows; ``vn_date``."""

import dataclasses
import random
import time
from datetime import date, timedelta

import pytest

from thidua.rules.codes import (
    Category,
    ContributionKind,
    DisciplineForm,
    HouseholdExclusion,
    PendingMatter,
    Rating,
    RewardForm,
    Scope,
    SoftCriterion,
    SubjectKind,
    Title,
)
from thidua.rules.eligibility import TARGET_RULES, evaluate
from thidua.rules.fmt import vn_date
from thidua.rules.history import (
    Case,
    Contribution,
    DisciplinePeriod,
    Initiative,
    MembersSummary,
    SubjectHistory,
    YearRecord,
)
from thidua.rules.jsonio import case_from_dict
from thidua.rules.parameters import DEFAULT_PARAMETERS

from .factories import case_dict, members, yr

P = DEFAULT_PARAMETERS


def _page(n: int) -> list[Case]:
    """``n`` cases of a year-end candidate list: mixed targets and subjects, varied histories."""
    ratings = [Rating.HTXSNV, Rating.HTXSNV, Rating.HTTNV, Rating.HTXSNV, Rating.HTNV]
    targets = [Title.LDTT, Title.CSTD_CO_SO, Title.CSTD_TINH, RewardForm.BANG_KHEN_TINH,
               RewardForm.GIAY_KHEN_XA, Title.CSTD_TOAN_QUOC, Title.TTLDTT, Title.TTLDXS,
               Title.GIA_DINH_VAN_HOA]
    cases = []
    for i in range(n):
        target = targets[i % 9]
        kind = SubjectKind.INDIVIDUAL
        history = [YearRecord(y, ratings[(i + y) % 5], frozenset(
            [Title.LDTT, *([Title.CSTD_CO_SO] if (i + y) % 3 else [])]))
            for y in range(2018, 2026) if (i + y) % 11]
        if i % 7 == 0:
            history[-1] = dataclasses.replace(history[-1], initiatives=(
                Initiative(f"SK-{i}", Scope.TINH),))
        if target in (Title.TTLDTT, Title.TTLDXS):
            kind = SubjectKind.COLLECTIVE
            history = [YearRecord(y, Rating.HTXSNV, frozenset([Title.TTLDTT]), members=(
                MembersSummary(20 + i % 9, 14 + i % 7, 20 + i % 9, i % 2, 0)))
                for y in range(2023, 2026)]
        elif target is Title.GIA_DINH_VAN_HOA:
            kind = SubjectKind.HOUSEHOLD
            history = [YearRecord(2025)]
        discipline = [DisciplinePeriod(DisciplineForm.KHIEN_TRACH, date(2023, 3, 1),
                                       date(2024, 3, 1))] if i % 13 == 0 else []
        cases.append(Case(
            id=f"c-{i}", target=target, year=2025, decision_date=date(2025, 12, 20),
            history=SubjectHistory(
                kind=kind, years={r.year: r for r in history}, discipline=tuple(discipline),
                category=Category.VIEN_CHUC if kind is SubjectKind.INDIVIDUAL else None)))
    return cases


def test_two_thousand_mixed_evaluations_take_well_under_a_second():
    """Loose guard (≈ 20–40 ms expected; 1 s leaves room for a loaded 2-core CI)."""
    cases = _page(2000)
    params = P.with_overrides({})  # a new parameters object, as each page render builds one
    start = time.perf_counter()
    verdicts = [evaluate(c, params) for c in cases]
    elapsed = time.perf_counter() - start
    assert len(verdicts) == 2000 and any(v.eligible for v in verdicts)
    assert elapsed < 1.0, f"2 000 evaluations took {elapsed:.2f} s"


# --------------------------------------------------------------------------------------------
# Random cases (also for the property tests of other modules)
# --------------------------------------------------------------------------------------------


def _random_case(r: random.Random, i: int) -> Case:
    target = r.choice([*Title, *RewardForm])
    subject = r.choice(sorted(TARGET_RULES[target].subjects)) if r.random() < 0.8 \
        else r.choice(list(SubjectKind))
    year = r.randint(2024, 2027)
    ids = [f"SK-{k}" for k in range(r.randint(1, 4))]

    def works():
        return tuple(Initiative(r.choice(ids), r.choice(list(Scope)),
                                r.choice([None, None, "BANG_KHEN_TINH 2023"]))
                     for _ in range(r.choice([0, 0, 0, 1, 2])))

    years = {}
    for y in range(year - r.randint(0, 7), year + 1):
        if r.random() < 0.1:
            continue
        total = r.choice([0, 10, 20, 29])
        years[y] = YearRecord(
            y, r.choice([None, *Rating, Rating.HTXSNV]),
            frozenset(t for t in (Title.LDTT, Title.CSTT, Title.CSTD_CO_SO, Title.CSTD_TINH,
                                  Title.TTLDXS) if r.random() < 0.5),
            initiatives=works(), science_topics=works(),
            members=None if r.random() < 0.2 else MembersSummary(
                total, *(r.choice([None, r.randint(0, total), total]) for _ in range(3)),
                r.choice([None, 0, 0, 1])),
            confirmations={c: r.choice([True, False]) for c in SoftCriterion
                           if r.random() < 0.2},
            contributions=tuple(Contribution(r.choice(list(ContributionKind)),
                                             r.choice(["", "hiến đất"]),
                                             r.choice([None, "GIAY_KHEN_XA 2024"]))
                                for _ in range(r.choice([0, 0, 1, 2]))))
    discipline = []
    for _ in range(r.choice([0, 0, 0, 1, 2])):
        start = date(year - r.randint(0, 3), r.randint(1, 12), r.randint(1, 28))
        discipline.append(DisciplinePeriod(r.choice(list(DisciplineForm)), start, None
                                           if r.random() < 0.2 else start + timedelta(400)))
    return Case(
        id=f"r-{i}", target=target, year=year,
        decision_date=r.choice([None, date(year, 12, 20), date(year + 1, 1, 15)]),
        history=SubjectHistory(
            kind=subject, category=r.choice([None, *Category]), years=years,
            pending=frozenset(m for m in PendingMatter if r.random() < 0.05),
            discipline=tuple(discipline),
            household_exclusions=frozenset(e for e in HouseholdExclusion if r.random() < 0.05)))


@pytest.mark.parametrize("params", [
    P,
    P.with_overrides({"ttldtt_min_ldtt_share": "3/4", "chain_end_lag_years": 0,
                      "cstd_tinh_chain_years": 2, "household_contribution_window_years": 2}),
], ids=["default", "overridden"])
def test_a_random_case_is_eligible_exactly_when_every_cited_condition_passed(params):
    r = random.Random(20251220)
    for case in (_random_case(r, i) for i in range(500)):
        verdict = evaluate(case, params)
        assert verdict.checks and all(check.article for check in verdict.checks)
        assert verdict.eligible == all(check.passed for check in verdict.checks)
        assert verdict == evaluate(case, params)  # judged from the case alone


def test_parameters_with_other_values_never_share_rows():
    collective = case_from_dict(case_dict("TTLDTT", yr(2025, "HTXSNV", members=members(20, 14)),
                                          subject="collective"))
    stricter = P.with_overrides({"ttldtt_min_ldtt_share": "0.75"})
    for _ in range(2):  # interleaved, memos warm
        share = [c for c in evaluate(collective, P).checks if "cá nhân trong tập thể" in c.rule]
        strict = [c for c in evaluate(collective, stricter).checks
                  if "cá nhân trong tập thể" in c.rule]
        assert share[0].passed and share[0].rule.startswith("Có từ 70%")
        assert not strict[0].passed and strict[0].rule.startswith("Có từ 75%")


@pytest.mark.parametrize("day", [date(2025, 1, 1), date(2026, 7, 1), date(1999, 12, 31),
                                 date(1000, 1, 1), date(9999, 12, 31), date(999, 5, 6),
                                 date(1, 1, 1)])
def test_vn_date_matches_strftime(day):
    assert vn_date(day) == f"{day:%d/%m/%Y}"
