"""The corrected rules of issue #19 in the proposal flow: the dossier check, the council's vote,
the deadlines. Each test quotes the words of the text it implements."""
import datetime

import pytest
from django.utils import timezone

from thidua.accounts.models import Notification
from thidua.awards import services as award_services
from thidua.awards.models import AwardType, Initiative, RuleParameter
from thidua.core.workdays import add_working_days
from thidua.org.models import Membership, Organisation
from thidua.proposals.models import Dossier, Nomination
from thidua.proposals.services.notices import send_deadline_notices

pytestmark = pytest.mark.django_db
UNIT = "mn-hong-phong"


def _members(year=2025):
    unit = Organisation.objects.get(code=UNIT)
    day = datetime.date(year, 12, 31)
    people = [m.person for m in Membership.objects.filter(organisation=unit).select_related("person")
              if (m.start is None or m.start <= day) and (m.end is None or m.end >= datetime.date(year, 1, 1))]
    return unit, sorted({p.pk: p for p in people}.values(), key=lambda p: p.pk)


def _verdict(dossier, code):
    n = dossier.nominations.get(award_type__code=code)
    return n, n.verdict


def _row(verdict, contains):
    [row] = [c for c in verdict["checks"] if contains in c["rule"]]
    return row


# Luật 2022, Điều 28: "Có ít nhất 70% cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”".
def test_the_dossier_check_counts_members_nominated_for_ldtt_in_the_round_and_names_them(flow):
    unit, people = _members()
    nominated = people[:6]
    dossier = flow.accepted(nominees=[*[(p, "LDTT") for p in nominated], (unit, "TTLDTT")])
    _n, verdict = _verdict(dossier, "TTLDTT")
    share = _row(verdict, "cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến")
    assert not share["passed"] and not verdict["eligible"]
    assert share["detail"].startswith(f"6/{len(people)} cá nhân đạt Lao động tiên tiến")
    assert all(p.full_name in share["detail"] for p in nominated)
    assert people[7].full_name not in share["detail"]  # qualifies, but was not nominated


def test_enough_members_nominated_in_the_round_carry_the_unit(flow):
    unit, people = _members()
    nominated = people[: -(-7 * len(people) // 10)]  # ceil(70 %)
    dossier = flow.accepted(nominees=[*[(p, "LDTT") for p in nominated], (unit, "TTLDTT")])
    share = _row(_verdict(dossier, "TTLDTT")[1], "cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến")
    assert share["passed"], share["detail"]


# Luật 2022, Điều 23 khoản 1: "Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến”…" — judged from the
# year's record: a member rated HTXSNV is eligible for CSTĐCS with no LĐTT nominated or held.
def test_the_dossier_check_judges_cstd_co_so_on_the_ldtt_standard_without_the_title(flow):
    _unit, people = _members()
    person = people[0]
    award_services.set_rating(actor=flow.officer, subject=person, year=2025, rating="HTXSNV")
    dossier = flow.accepted(nominees=[(person, "CSTD_CO_SO")])
    n, verdict = _verdict(dossier, "CSTD_CO_SO")
    standard = _row(verdict, "Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến” năm 2025")
    assert standard["passed"] and "Điều 23 khoản 1" in standard["article"]
    assert n.eligible, [c for c in verdict["checks"] if not c["passed"]]


# Công văn 5007/BNV-TĐKT 2023: one initiative grounds one award.
def test_an_initiative_already_used_is_refused_by_the_dossier_check_which_names_the_award(flow):
    _unit, people = _members()
    person = people[1]
    award_services.set_rating(actor=flow.officer, subject=person, year=2025, rating="HTTNV")
    initiative = award_services.add_initiative(actor=flow.officer, title="Đổi mới sinh hoạt chuyên môn",
                                               kind=Initiative.Kind.INITIATIVE, authors=[person], year=2025,
                                               scope="CO_SO")
    award_services.record_award(actor=flow.officer, subject=person, award_type=AwardType.objects.get(code="GIAY_KHEN_XA"),
                                year=2025, issuer_name="UBND xã Nam Thanh Miện", decision_number="99/QĐ-UBND",
                                initiatives=[initiative])
    dossier = flow.accepted(nominees=[(person, "CSTD_CO_SO")])
    n, verdict = _verdict(dossier, "CSTD_CO_SO")
    ground = _row(verdict, "Có một trong các căn cứ")
    assert not n.eligible and not ground["passed"]
    assert "đã được dùng làm căn cứ cho Giấy khen" in ground["detail"]
    assert "Quyết định số 99/QĐ-UBND" in ground["detail"] and "5007/BNV-TĐKT" in ground["detail"]
    # …and the ledger refuses a second use too, naming the first
    with pytest.raises(Exception, match="đã được dùng làm căn cứ cho Giấy khen"):
        award_services.use_initiative_as_ground(actor=flow.officer, initiative=initiative,
                                                award=person_award(person, flow))


def person_award(person, flow):
    return award_services.record_award(actor=flow.officer, subject=person,
                                       award_type=AwardType.objects.get(code="LDTT"), year=2024,
                                       issuer_name="UBND xã Nam Thanh Miện", initiatives=[])


def test_a_cstd_title_resting_on_an_initiative_marks_it_used_and_the_page_shows_it(flow, client_as):
    _unit, people = _members()
    person = people[2]
    award_services.set_rating(actor=flow.officer, subject=person, year=2025, rating="HTTNV")
    initiative = award_services.add_initiative(actor=flow.officer, title="Sổ tay điện tử của lớp",
                                               kind=Initiative.Kind.INITIATIVE, authors=[person], year=2025,
                                               scope="CO_SO")
    award = award_services.record_award(actor=flow.officer, subject=person,
                                        award_type=AwardType.objects.get(code="CSTD_CO_SO"), year=2025,
                                        issuer_name="UBND xã Nam Thanh Miện", decision_number="100/QĐ-UBND")
    initiative.refresh_from_db()
    assert initiative.used_for_award == award
    page = client_as("canbotdkt").get("/khen-thuong/sang-kien/?nam=2025").content.decode()
    row = page.split("Sổ tay điện tử của lớp")[1].split("</tr>")[0]
    assert "Chiến sĩ thi đua cơ sở năm 2025" in row and "100/QĐ-UBND" in row


# The council's threshold is the province's setting (ND 98/2023 Điều 30 khoản 7 was repealed by
# ND 152/2025; a 2025 provincial regulation may say "biểu quyết theo đa số").
def test_the_council_applies_the_provinces_rule_and_cites_it(flow):
    from thidua.awards.engine import council_rule_for
    from thidua.awards.regulation import citation_for

    _unit, people = _members()
    person = people[3]
    award_services.set_rating(actor=flow.officer, subject=person, year=2025, rating="HTXSNV")
    one_no = {"canbotdkt": "no"}  # 3 of 4 members: 75 %
    dossier = flow.voted(nominees=[(person, "CSTD_CO_SO")], choices=one_no)
    n = dossier.nominations.get()
    assert n.outcome == Nomination.Outcome.FAILED
    assert "Nghị định 98/2023/NĐ-CP, đã hết hiệu lực" in n.tally["article"]
    assert "80%" in council_rule_for(dossier.round.commune).text

    admin = flow.user("quantri")
    province = Organisation.objects.get(code="hai-phong")
    award_services.save_regulation(actor=admin, province=province, number="12/2025/QĐ-UBND",
                                   signed_on=datetime.date(2025, 3, 20), issuer="UBND thành phố Hải Phòng",
                                   articles={"council_vote": "Điều 9 khoản 2"}, council_vote_rule="majority")
    cited = "Quyết định số 12/2025/QĐ-UBND ngày 20/03/2025 của UBND thành phố Hải Phòng, Điều 9 khoản 2"
    assert citation_for("council_vote", dossier.round.commune) == cited
    rule = council_rule_for(dossier.round.commune)
    assert rule.mode == "majority" and rule.citation == cited and cited in rule.sentence
    Dossier.objects.filter(pk=dossier.pk).update(state=Dossier.State.REJECTED)  # (so the person may be proposed again)
    again = flow.voted(nominees=[(person, "CSTD_CO_SO")], choices=one_no)
    n = again.nominations.get()
    assert n.outcome == Nomination.Outcome.PASSED and n.tally["article"] == cited


def test_majority_needs_the_article_of_the_provincial_regulation(flow):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="phải ghi điều, khoản"):
        award_services.save_regulation(actor=flow.user("quantri"), province=Organisation.objects.get(code="hai-phong"),
                                       number="12/2025/QĐ-UBND", signed_on=datetime.date(2025, 3, 20),
                                       issuer="UBND thành phố Hải Phòng", council_vote_rule="majority")
    assert not RuleParameter.objects.filter(key="council_vote_rule", value_text="majority").exists()


# QĐ 638/QĐ-BNV 2025: the commune settles a CSTĐ cơ sở dossier within 20 working days of the
# complete dossier; the default is a parameter with its source; due dates and notices follow it.
def test_a_cstd_co_so_dossier_is_due_twenty_working_days_after_the_complete_dossier(flow, client_as):
    _unit, people = _members()
    person = people[4]
    award_services.set_rating(actor=flow.officer, subject=person, year=2025, rating="HTXSNV")
    dossier = flow.accepted(nominees=[(person, "CSTD_CO_SO")])
    received = datetime.date(2027, 1, 22)  # Friday before Tết Đinh Mùi (04/02–10/02/2027 off)
    Dossier.objects.filter(pk=dossier.pk).update(
        submitted_at=timezone.make_aware(datetime.datetime(2027, 1, 22, 9)))
    due = add_working_days(received, 20)
    assert due == datetime.date(2027, 2, 26)  # twenty weekdays would say 19/02: Tết is skipped
    page = client_as("canbotdkt").get(f"/de-nghi/ho-so/{dossier.pk}/").content.decode()
    assert f'id="han-giai-quyet">{due:%d/%m/%Y}' in page
    assert "20 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ" in page and "638/QĐ-BNV" in page

    assert send_deadline_notices(today=due)["settling"] == 0
    sent = send_deadline_notices(today=due + datetime.timedelta(days=1))
    assert sent["settling"] >= 1
    notice = Notification.objects.filter(user=flow.officer, title__contains="quá thời hạn giải quyết").get()
    assert due.strftime("%d/%m/%Y") in notice.body and "20 ngày làm việc" in notice.body
    assert send_deadline_notices(today=due + datetime.timedelta(days=2))["settling"] == 0  # told once

    parameter = RuleParameter.objects.get(key="cstd_co_so_processing_working_days")
    award_services.update_parameter(actor=flow.user("quantri"), parameter=parameter, value_text="15",
                                    source_note="Quy định của tỉnh, Điều 7")
    page = client_as("canbotdkt").get(f"/de-nghi/ho-so/{dossier.pk}/").content.decode()
    assert f'id="han-giai-quyet">{add_working_days(received, 15):%d/%m/%Y}' in page


def test_a_dossier_without_cstd_co_so_has_no_settling_deadline(flow, client_as):
    dossier = flow.accepted()
    assert 'id="han-giai-quyet"' not in client_as("canbotdkt").get(f"/de-nghi/ho-so/{dossier.pk}/").content.decode()
