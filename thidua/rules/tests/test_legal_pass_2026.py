"""The rules corrected by the second verification of the texts (issue #19), one test per item,
each quoting the words of the article it implements."""


import pytest

from thidua.rules import articles as A
from thidua.rules.council import ballot_check, council_rule_text, quorum_check
from thidua.rules.jsonio import run_cases
from thidua.rules.parameters import DEFAULT_PARAMETERS, parameter_rows

from .factories import case_dict, check_for, ini, judge, yr


# 1. Luật 2022, Điều 23 khoản 1: "Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến”…" — the
#    standard, judged from the same year's record, not a title already conferred.
def test_cstd_co_so_judges_the_ldtt_standard_from_the_years_record_not_the_title():
    without_title = judge("CSTD_CO_SO", yr(2025, "HTXSNV"))
    assert without_title.eligible
    row = check_for(without_title, "Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến” năm 2025")
    assert row.passed and row.article.startswith("Luật Thi đua, khen thưởng 2022, Điều 23 khoản 1")
    assert "chưa cần có quyết định công nhận danh hiệu" in row.detail

    # a title listed does not stand in for the standard when the year's record misses it
    title_only = judge("CSTD_CO_SO", yr(2025, "HTNV", "LDTT", initiatives=[ini("SK-1")]))
    assert not title_only.eligible
    assert not check_for(title_only, "Đạt tiêu chuẩn danh hiệu").passed

    # the unit's "no" on taking part in the movements (Điều 24) fails the standard too
    refused = judge("CSTD_CO_SO", yr(2025, "HTXSNV", confirmations={"movement_participation": False}))
    assert not check_for(refused, "Đạt tiêu chuẩn danh hiệu").passed

    # armed forces: the standard of “Chiến sĩ tiên tiến”
    armed = judge("CSTD_CO_SO", yr(2025, "HTXSNV"), category="luc_luong_vu_trang")
    assert armed.eligible and check_for(armed, "Đạt tiêu chuẩn danh hiệu “Chiến sĩ tiên tiến”").passed


def test_the_eligibility_command_format_answers_eligible_for_an_excellent_year_without_titles():
    [verdict] = run_cases([case_dict("CSTD_CO_SO", yr(2025, "HTXSNV"))])
    assert verdict["eligible"] is True
    standard = [c for c in verdict["checks"] if "Điều 23 khoản 1" in c["article"]]
    assert standard and all(c["passed"] for c in standard)


# 2. Luật 2022, Điều 28 khoản …: "Có ít nhất 70% cá nhân trong tập thể đạt danh hiệu “Lao động
#    tiên tiến”" — members who attain the title, listed by name.
def test_collective_share_counts_members_who_attain_ldtt_and_names_them():
    from thidua.rules.eligibility import evaluate
    from thidua.rules.history import Case, MembersSummary, SubjectHistory, YearRecord
    from thidua.rules.codes import Rating, SubjectKind, Title

    names = ("Nguyễn Văn An", "Trần Thị Bình")
    record = YearRecord(2025, rating=Rating.HTTNV, members=MembersSummary(
        total=26, ldtt=2, completed=26, cstd_co_so=0, disciplined_canh_cao_or_above=0, ldtt_names=names))
    v = evaluate(Case("u", Title.TTLDTT, 2025, SubjectHistory(SubjectKind.COLLECTIVE, years={2025: record})))
    row = check_for(v, "cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến")
    assert not row.passed and "Điều 28" in row.article
    assert "2/26" in row.detail and "đã được công nhận hoặc được đề nghị cùng đợt" in row.detail
    assert row.detail.endswith("Nguyễn Văn An, Trần Thị Bình")


# 3. The council threshold is the province's: ND 98/2023 Điều 30 khoản 7 (80 %/90 %) was
#    repealed by ND 152/2025; a 2025 provincial regulation asks "biểu quyết theo đa số".
def test_council_default_threshold_says_it_comes_from_the_repealed_decree():
    check = ballot_check("CSTD_CO_SO", 8, 10, present=10)
    assert check.passed and "Nghị định 98/2023/NĐ-CP, đã hết hiệu lực" in check.article
    assert "80%" in council_rule_text(DEFAULT_PARAMETERS) and "90%" in council_rule_text(DEFAULT_PARAMETERS)


def test_council_majority_rule_of_the_province_with_the_citation_entered():
    citation = "Quyết định số 12/2025/QĐ-UBND của UBND thành phố Hải Phòng, Điều 9 khoản 2"
    params = DEFAULT_PARAMETERS.with_overrides({"council_vote_rule": "majority"}).with_citations(
        {"council_vote": citation})
    check = ballot_check("CSTD_CO_SO", 5, 10, present=9, params=params)  # 5 of 9 present: majority
    assert check.passed and check.article == citation
    assert not ballot_check("CSTD_CO_SO", 4, 10, present=9, params=params).passed
    assert "quá nửa số thành viên" in council_rule_text(params)


# 4. ND 152/2025 Điều 6 khoản 2 điểm c: the province regulates base-level dossiers and
#    procedures — its rules cite its own regulation, or the delegating article when none.
def test_provincial_rules_cite_the_instances_regulation_or_the_delegating_article():
    v = judge("BANG_KHEN_TINH", yr(2025, "HTTNV"))
    assert {c.article for c in v.failed_checks} == {"Luật Thi đua, khen thưởng 2022, Điều 74"}
    entered = DEFAULT_PARAMETERS.with_citations(
        {"bang_khen_tinh": "Quyết định số 12/2025/QĐ-UBND của UBND thành phố Hải Phòng, Điều 4"})
    v = judge("BANG_KHEN_TINH", yr(2025, "HTTNV"), params=entered)
    assert v.failed_checks[0].article == ("Luật Thi đua, khen thưởng 2022, Điều 74; Quyết định số "
                                          "12/2025/QĐ-UBND của UBND thành phố Hải Phòng, Điều 4")
    assert quorum_check(7, 9).article == A.COUNCIL_WORKING_RULES
    assert DEFAULT_PARAMETERS.citation("dossier_deadline") == "Nghị định 152/2025/NĐ-CP, Điều 6 khoản 2 điểm c"
    every_text = " ".join(f"{r.article} {r.description}" for r in parameter_rows())
    assert "Bắc Ninh" not in every_text and "86/2025" not in every_text


# 5. Công văn 5007/BNV-TĐKT 2023: an initiative used as the ground of one award "không được
#    sử dụng để làm căn cứ đề nghị" another.
def test_an_initiative_that_grounded_an_award_is_refused_and_the_award_is_named():
    [verdict] = run_cases([case_dict("CSTD_CO_SO", yr(2025, "HTTNV", initiatives=[
        ini("SK-12", used_for="BANG_KHEN_TINH")]))])
    assert verdict["eligible"] is False
    ground = next(c for c in verdict["checks"] if c["rule"].startswith("Có một trong các căn cứ"))
    assert not ground["passed"]
    assert "SK-12 đã được dùng làm căn cứ cho Bằng khen" in ground["detail"]
    assert "Công văn 5007/BNV-TĐKT" in ground["detail"]


# 6. QĐ 638/QĐ-BNV 2025: the commune settles a CSTĐCS dossier within 20 working days of a
#    complete dossier — a default the administrator can change, with its source.
def test_cstd_co_so_processing_time_is_a_parameter_with_its_source():
    row = {r.key: r for r in parameter_rows()}["cstd_co_so_processing_working_days"]
    assert row.value == 20 and row.marker == "S" and "638/QĐ-BNV" in row.article
    assert DEFAULT_PARAMETERS.with_overrides({"cstd_co_so_processing_working_days": "15"}) \
        .cstd_co_so_processing_working_days == 15


# 7. Base salary 2.530.000 đ from 01/7/2026: "Nghị định 161/2026/NĐ-CP … khoản 2 Điều 3"; no
#    internal provenance note in any citation; the 2003 Law's "Điều 85" never cited.
def test_citations_are_the_verified_ones_and_carry_no_internal_note():
    rows = {r.key: r for r in parameter_rows()}
    assert rows["base_salary.2026-07-01"].article == "Nghị định 161/2026/NĐ-CP, khoản 2 Điều 3"
    assert rows["base_salary.2026-07-01"].marker == "V"
    for r in rows.values():
        assert "chưa kiểm chứng" not in r.article and "kế thừa" not in r.article, r
        assert "Điều 85" not in r.article, r
    for code in ("XA_TIEU_BIEU", "THON_VAN_HOA", "BANG_KHEN_TTG", "HUAN_CHUONG_LD3"):
        v = judge(code, yr(2025, "HTXSNV"), subject="individual" if "HUAN" in code or "TTG" in code
                  else "collective")
        for c in v.checks:
            assert "chưa kiểm chứng" not in c.detail and "[U]" not in c.detail, c


@pytest.mark.parametrize("key", [r.key for r in parameter_rows() if r.marker in {"S", "U"}])
def test_every_unverified_rule_is_an_editable_parameter_with_its_source(key):
    row = {r.key: r for r in parameter_rows()}[key]
    assert row.article and row.description
    DEFAULT_PARAMETERS.with_overrides({key: row.value_text})  # editable: accepted back as text
