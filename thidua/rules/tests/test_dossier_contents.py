"""Which nominations need an achievement report (rules.dossiers): the CSTĐ titles and the forms
of reward do (Luật Điều 84 khoản 1); LĐTT and TTLĐTT go by the list and the minutes (the
province's rule, ND 152 Điều 6 khoản 2 điểm c)."""
import pytest

from thidua.rules import articles
from thidua.rules.dossiers import achievement_report_rule, needs_achievement_report


@pytest.mark.parametrize("code", ["CSTD_CO_SO", "CSTD_TINH", "CSTD_TOAN_QUOC", "GIAY_KHEN_XA", "BANG_KHEN_TINH",
                                  "BANG_KHEN_TTG"])
def test_cstd_titles_and_forms_of_reward_need_a_report_citing_the_law(code):
    rule = achievement_report_rule(code)
    assert rule.required and needs_achievement_report(code)
    assert rule.article == "Luật Thi đua, khen thưởng 2022, Điều 84, khoản 1"


@pytest.mark.parametrize("code", ["LDTT", "CSTT", "TTLDTT", "DVTT"])
def test_ldtt_and_ttldtt_go_by_the_list_and_the_minutes(code):
    rule = achievement_report_rule(code)
    assert not rule.required and not needs_achievement_report(code)
    assert rule.article == "Nghị định 152/2025/NĐ-CP, Điều 6 khoản 2 điểm c"
    assert "biên bản họp xét" in rule.reason


def test_the_provinces_own_article_is_cited_when_entered():
    mine = "Quyết định 12/2026/QĐ-UBND, Điều 9"
    assert achievement_report_rule("LDTT", {"dossier_contents": mine}).article == mine
    assert achievement_report_rule("CSTD_CO_SO", {"dossier_contents": mine}).article == articles.LAW_DOSSIER
