"""The Python API the Django side uses: Case.build, evaluate, Verdict, shortfall."""

from datetime import date

from thidua.rules.codes import Authority, DisciplineForm, Rating, Title
from thidua.rules.eligibility import evaluate, shortfall
from thidua.rules.history import Case, DisciplinePeriod, YearRecord
from thidua.rules.parameters import parameter_rows

from .factories import judge, yr


def test_case_build_mirrors_the_json_case():
    case = Case.build(id="p-1", subject="individual", category="cong_chuc", target="LDTT",
                      year=2025, decision_date=date(2025, 12, 15),
                      history=[YearRecord(2025, rating=Rating.HTTNV)])
    verdict = evaluate(case)
    assert verdict.eligible and verdict.amount_vnd == 710_000
    assert verdict.authority is Authority.CHU_TICH_UBND_XA and verdict.target == "LDTT"


def test_a_missing_year_is_a_year_with_nothing():
    case = Case.build(id="p", subject="individual", target=Title.LDTT, year=2025)
    assert case.record(2019) == YearRecord(2019)


def test_shortfall_lists_the_failed_checks_for_a_candidate_list():
    one_short = shortfall(judge("CSTD_CO_SO", yr(2025, "HTTNV", "LDTT")))
    assert one_short.one_short and one_short.count == 1
    assert one_short.summary.startswith("Còn thiếu 1 điều kiện: Có một trong các căn cứ")
    three_short = shortfall(judge("CSTD_CO_SO", yr(2025, "HTNV"), pending=["investigation"]))
    assert three_short.count == 3 and not three_short.one_short
    assert shortfall(judge("LDTT", yr(2025, "HTTNV"))).summary == "Đủ tất cả điều kiện"


def test_eligible_is_true_only_when_every_check_passed():
    for v in (judge("LDTT", yr(2025, "HTTNV")), judge("LDTT", yr(2025, "HTNV")),
              judge("TTLDTT", subject="collective")):
        assert v.eligible == all(c.passed for c in v.checks) and v.checks


def test_discipline_period_built_in_python_is_honoured():
    case = Case.build(id="p", subject="individual", target="LDTT", year=2025,
                      history=[YearRecord(2025, rating=Rating.HTXSNV)],
                      discipline=[DisciplinePeriod(DisciplineForm.KHIEN_TRACH, date(2025, 5, 1),
                                                   date(2026, 5, 1))])
    assert not evaluate(case).eligible


def test_parameter_rows_fit_the_catalogue_table_columns():
    for r in parameter_rows():
        assert len(r.key) <= 80 and len(r.value_text) <= 80
        assert len(r.article) <= 200 and len(r.description) <= 300
