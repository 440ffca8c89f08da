"""The council meets with a quorum, and a nomination passes only with the share of votes the
rules require — 80 % of ALL members for CSTĐ cơ sở, editable in the awards catalogue."""
import pytest
from django.core.exceptions import ValidationError

from thidua.awards.models import RuleParameter
from thidua.proposals import services
from thidua.proposals.models import Nomination

pytestmark = pytest.mark.django_db


def test_a_meeting_without_quorum_does_not_open(flow):
    dossier = flow.published()
    meeting = flow.meeting(present=["chutich", "hoidong", "canbotdkt"])  # 3/4 < 80 %
    flow.at_council(dossier, meeting)
    with pytest.raises(ValidationError, match="Không đủ số thành viên"):
        services.open_meeting(actor=flow.officer, meeting=meeting)


def test_cstd_needs_eighty_percent_of_all_members(flow):
    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")], choices={"hoidong": "no"})
    nomination = dossier.nominations.get()
    assert nomination.tally["yes"] == 3 and nomination.tally["members"] == 4
    assert nomination.outcome == Nomination.Outcome.FAILED  # 3/4 = 75 % < 80 %
    assert "80" in nomination.tally["rule"] and nomination.tally["article"]


def test_the_threshold_is_read_from_the_catalogue(flow):
    RuleParameter.objects.update_or_create(
        key="council_vote_share.CSTD_CO_SO",
        defaults={"value_text": "3/4", "article": "Quy chế Hội đồng", "marker": "U", "description": "thử"})
    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "CSTD_CO_SO")], choices={"hoidong": "no"})
    assert dossier.nominations.get().outcome == Nomination.Outcome.PASSED


def test_other_titles_need_a_majority_of_members_present(flow):
    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "LDTT")], choices={"hoidong": "no"})
    assert dossier.nominations.get().outcome == Nomination.Outcome.PASSED  # 3 of 4 present


def test_written_opinions_of_absent_members_count_when_the_rules_say_so(flow):
    flow.term.written_opinions_count = True
    flow.term.save()
    dossier = flow.published(nominees=[("Nguyễn Thị Mai", "LDTT")])
    meeting = flow.meeting(present=["chutich", "phochutich", "hoidong", "canbotdkt"])
    dossier = flow.at_council(dossier, meeting)
    nomination = dossier.nominations.get()
    member = flow.term.members.get(user__username="hoidong")
    with pytest.raises(ValidationError, match="có mặt"):
        services.add_written_opinion(actor=flow.officer, meeting=meeting, member=member, nomination=nomination,
                                     agrees=True)


def test_minutes_are_generated_from_the_meeting(flow, client_as):
    dossier = flow.voted(nominees=[("Nguyễn Thị Mai", "LDTT")], choices={"hoidong": "no"})
    html = client_as("hoidong").get(f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/bien-ban/").content.decode()
    assert "BIÊN BẢN" in html
    for text in ("Nguyễn Thị Mai", "Lao động tiên tiến", "Có mặt: 4/4", "Đồng ý: 3", "Không đồng ý: 1",
                 "Thông qua"):
        assert text in html
