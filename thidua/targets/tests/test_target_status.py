"""On track, at risk, achieved, no data: how a target's status is decided (pure Python)."""
from decimal import Decimal as D

from thidua.targets.progress import Actual, Plan, Status, evaluate


def _run(direction="at_least", annual=True, plans=None, actuals=None):
    return evaluate(direction=direction, annual=annual, start_year=2026, end_year=2030,
                    plans={y: Plan(D(v), s) for y, (v, s) in (plans or {}).items()},
                    actuals={y: Actual(None if v is None else D(v)) for y, v in (actuals or {}).items()})


def test_no_actual_value_is_no_data():
    assert _run(plans={2026: (100, False)}).status is Status.NO_DATA
    assert _run(plans={2026: (100, False)}, actuals={2025: None}).status is Status.NO_DATA


def test_annual_targets_are_judged_on_the_latest_year_and_strictness_counts():
    plans = {y: (96, True) for y in range(2026, 2031)}
    assert _run(plans=plans, actuals={2026: "96.5"}).status is Status.ACHIEVED
    assert _run(plans=plans, actuals={2026: "96"}).status is Status.AT_RISK      # "trên 96 %"
    assert _run(plans={2026: (96, False)}, actuals={2026: "96"}).status is Status.ACHIEVED
    # Before the plan period: compared with the plan's first year.
    verdict = _run(plans=plans, actuals={2024: "97", 2025: "95"})
    assert verdict.status is Status.AT_RISK and verdict.year == 2025


def test_a_deadline_target_is_on_track_on_its_straight_line_and_achieved_at_the_goal():
    plans = {2030: (140, False)}
    assert _run(annual=False, plans=plans, actuals={2025: 90}).status is Status.ON_TRACK
    assert _run(annual=False, plans=plans, actuals={2025: 90, 2027: 112}).status is Status.ON_TRACK  # line: 110
    assert _run(annual=False, plans=plans, actuals={2025: 90, 2027: 100}).status is Status.AT_RISK
    assert _run(annual=False, plans=plans, actuals={2025: 90, 2028: 141}).status is Status.ACHIEVED
    assert _run(annual=False, plans=plans, actuals={2030: 130}).status is Status.AT_RISK  # deadline passed


def test_at_most_and_levels():
    poverty = {2030: (1, True)}
    assert _run("at_most", False, poverty, {2029: "0.9"}).status is Status.ACHIEVED
    assert _run("at_most", False, poverty, {2029: "1.0"}).status is not Status.ACHIEVED
    rural = {2027: (2, False), 2030: (3, False)}
    assert _run("reach", False, rural, {2025: 1, 2027: 2}).status is Status.ON_TRACK
    assert _run("reach", False, rural, {2025: 1, 2027: 1}).status is Status.AT_RISK
    assert _run("reach", False, rural, {2029: 3}).status is Status.ACHIEVED


def test_a_running_year_compares_with_what_is_due_so_far():
    verdict = evaluate(direction="at_least", annual=True, start_year=2026, end_year=2030,
                       plans={2026: Plan(D(12), False)},
                       actuals={2026: Actual(D(10), partial=True, expected_so_far=D(10))})
    assert verdict.status is Status.ON_TRACK
    verdict = evaluate(direction="at_least", annual=True, start_year=2026, end_year=2030,
                       plans={2026: Plan(D(12), False)},
                       actuals={2026: Actual(D(8), partial=True, expected_so_far=D(10))})
    assert verdict.status is Status.AT_RISK
