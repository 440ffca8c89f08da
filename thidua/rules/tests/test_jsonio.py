"""JSON in/out — shared/domain/eligibility-format.md."""

import copy

import pytest

from thidua.rules.jsonio import CaseError, case_from_dict, run_cases, verdict_to_dict

GOOD = {"id": "a", "subject": "individual", "category": "vien_chuc", "target": "LDTT",
        "year": 2025, "decision_date": "2025-12-20", "history": [{"year": 2025, "rating": "HTTNV"}]}


def with_(path, value):
    """GOOD with one field changed (``None`` removes it; a list index inserts); path like
    "history.0.rating"."""
    d = copy.deepcopy(GOOD)
    *parents, last = path.split(".")
    node = d
    for p in parents:
        node = node[int(p)] if p.isdigit() else node[p]
    if isinstance(node, list):
        node.insert(int(last), value)
    elif value is None:
        del node[last]
    else:
        node[last] = value
    return d


@pytest.mark.parametrize("case, message", [
    pytest.param(with_("id", None), "Thiếu trường bắt buộc 'id'", id="missing-id"),
    pytest.param(with_("subject", None), "Thiếu trường bắt buộc 'subject'", id="missing-subject"),
    pytest.param(with_("target", None), "Thiếu trường bắt buộc 'target'", id="missing-target"),
    pytest.param(with_("year", None), "Thiếu trường bắt buộc 'year'", id="missing-year"),
    pytest.param(with_("id", ""), "Trường 'id': phải là chuỗi ký tự khác rỗng", id="empty-id"),
    pytest.param(with_("subject", "person"), "mã đối tượng không hợp lệ 'person'", id="unknown-subject"),
    pytest.param(with_("target", "LDTX"), "mã danh hiệu/hình thức không hợp lệ 'LDTX'", id="unknown-target"),
    pytest.param(with_("category", "sinh_vien"), "mã nhóm đối tượng không hợp lệ", id="unknown-category"),
    pytest.param(with_("year", "2025"), "Trường 'year': phải là số nguyên", id="year-as-string"),
    pytest.param(with_("year", True), "Trường 'year': phải là số nguyên", id="year-as-bool"),
    pytest.param(with_("decision_date", "20/12/2025"), "ngày không hợp lệ '20/12/2025'", id="date-wrong-format"),
    pytest.param(with_("decision_date", "2025-02-30"), "ngày không tồn tại '2025-02-30'", id="date-does-not-exist"),
    pytest.param(with_("decision_date", "2024-12-31"), "trước năm xét 2025", id="decision-before-judged-year"),
    pytest.param(with_("history.0.rating", "XUAT_SAC"), "Trường 'history[0].rating': mã xếp loại không hợp lệ",
                 id="unknown-rating"),
    pytest.param(with_("history.0.titles", ["GIAY_KHEN_XA"]), "là hình thức khen thưởng, hãy ghi ở 'forms'",
                 id="form-listed-as-title"),
    pytest.param(with_("history.0.forms", ["LDTT"]), "là danh hiệu thi đua, hãy ghi ở 'titles'",
                 id="title-listed-as-form"),
    pytest.param(with_("history.0.titels", ["LDTT"]), "Trường không được hỗ trợ trong 'history[0]': 'titels'",
                 id="misspelt-field-refused"),
    pytest.param(with_("history.0.initiatives", [{"id": "SK-1", "scope": "HUYEN"}]), "mã phạm vi không hợp lệ 'HUYEN'",
                 id="unknown-initiative-scope"),
    pytest.param(with_("history.0.members", {"total": 10, "ldtt": 11}), "không được lớn hơn 10",
                 id="more-ldtt-than-members"),
    pytest.param(with_("history.1", {"year": 2025}), "năm 2025 xuất hiện hai lần", id="duplicate-year"),
    pytest.param(with_("pending", ["audit"]), "mã việc đang chờ xử lý không hợp lệ 'audit'", id="unknown-pending"),
    pytest.param(with_("discipline", [{"form": "CANH_CAO", "from": "2024-05-01", "to": "2024-01-01"}]),
                 "trước ngày bắt đầu", id="discipline-ends-before-it-starts"),
    pytest.param(with_("discipline", [{"form": "PHAT_TIEN", "from": "2024-05-01"}]),
                 "mã hình thức kỷ luật không hợp lệ", id="unknown-discipline-form"),
    pytest.param(with_("household_exclusions", ["drunk"]), "mã trường hợp loại trừ không hợp lệ",
                 id="unknown-household-exclusion"),
    pytest.param(with_("history", {"year": 2025}), "Trường 'history': phải là một mảng JSON", id="history-not-a-list"),
    pytest.param(["not", "an", "object"], "Hồ sơ phải là một đối tượng JSON", id="case-not-an-object"),
])
def test_unreadable_case_raises_a_vietnamese_case_error(case, message):
    with pytest.raises(CaseError) as err:
        case_from_dict(case)
    assert message in str(err.value)


def test_only_id_subject_target_and_year_are_required():
    case = case_from_dict({"id": "x", "subject": "collective", "target": "TTLDTT", "year": 2025})
    assert case.history.years == {} and case.decision_date is None


def test_forms_may_carry_their_round_kind():
    case = case_from_dict(with_("history.0.forms",
                                ["GIAY_KHEN_XA", {"code": "BANG_KHEN_TINH", "round": "sudden_feat"}]))
    assert [f.counts_toward_merit for f in case.record().forms] == [True, False]


def test_verdict_has_exactly_the_documented_shape():
    out = verdict_to_dict(__import__("thidua.rules.eligibility", fromlist=["evaluate"])
                          .evaluate(case_from_dict(GOOD)))
    assert list(out) == ["id", "eligible", "authority", "checks", "amount_vnd"]
    assert out["id"] == "a" and out["eligible"] is True and out["authority"] == "CHU_TICH_UBND_XA"
    assert out["amount_vnd"] == 710_000
    assert all(list(c) == ["rule", "passed", "article", "detail"] for c in out["checks"])
    assert all(isinstance(c["passed"], bool) for c in out["checks"])


@pytest.mark.parametrize("case", [
    pytest.param(with_("decision_date", None), id="no-decision-date"),
    pytest.param({"id": "g", "subject": "household", "target": "GIA_DINH_VAN_HOA", "year": 2025,
                  "decision_date": "2025-12-20"}, id="target-without-coefficient"),
])
def test_amount_is_absent_when_not_applicable(case):
    assert "amount_vnd" not in run_cases([case])[0]


def test_run_cases_reports_a_bad_case_and_continues_with_the_others():
    results = run_cases([GOOD, with_("target", "XYZ"), "garbage", with_("id", "b")])
    assert [r["id"] for r in results] == ["a", "a", None, "b"]
    assert results[0]["eligible"] is True and results[3]["eligible"] is True
    assert "error" in results[1] and "XYZ" in results[1]["error"]
    assert results[2] == {"id": None, "error": "Hồ sơ phải là một đối tượng JSON"}


def test_run_cases_reports_a_decision_date_before_the_base_salary_table():
    result = run_cases([with_("decision_date", "2025-01-15") | {"year": 2025},
                        with_("decision_date", "2024-03-01") | {"year": 2024}])
    assert result[0]["amount_vnd"] == 710_000
    assert result[1]["error"].startswith("Không có mức lương cơ sở áp dụng cho ngày 01/03/2024")


def test_run_cases_refuses_input_that_is_not_a_list():
    with pytest.raises(CaseError, match="mảng JSON"):
        run_cases({"id": "a"})


def test_results_keep_the_input_order():
    ids = [f"c{i}" for i in range(5)]
    assert [r["id"] for r in run_cases([with_("id", i) for i in ids])] == ids
