"""A council member votes once per meeting, on one secret ballot paper that lists every nominee
she may vote on: one submission, one receipt code for the paper, the per-nominee results as if
each nominee had been voted on alone. A second paper is refused; so is a paper with a nominee
left blank (no partial paper: every nominee on it is either Đồng ý or Không đồng ý)."""
import re

import pytest
from django.core.exceptions import ValidationError

from thidua.awards.engine import current_parameters
from thidua.proposals import services
from thidua.proposals.models import Ballot, BallotPaper, Nomination, Participation, SealedBallot
from thidua.rules.council import ballot_check

pytestmark = pytest.mark.django_db

NOMINEES = [("Nguyễn Thị Mai", "CSTD_CO_SO"), ("Bùi Thị Thu", "LDTT")]


def _open(flow):
    dossier = flow.open_vote(nominees=NOMINEES)
    mai = dossier.nominations.get(person__full_name="Nguyễn Thị Mai")
    thu = dossier.nominations.get(person__full_name="Bùi Thị Thu")
    assert mai.goes_to_council and thu.goes_to_council
    return dossier, mai, thu


def test_one_paper_for_all_nominees_gives_one_receipt(flow):
    dossier, mai, thu = _open(flow)
    member = flow.term.members.get(user__username="hoidong")
    assert services.paper_nominations(dossier.meeting, member) == [mai, thu]
    code = services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting,
                               choices={mai.pk: "no", thu.pk: "yes"})
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", code)
    assert Participation.objects.filter(member=member).count() == 2  # who voted, on what — audited
    paper = services.find_paper(code)
    assert [(b.nomination, b.choice) for b in paper.ballots] == [(mai, "no"), (thu, "yes")]
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    paper = services.find_paper(code)
    assert paper.counted and [(b.nomination, b.choice) for b in paper.ballots] == [(mai, "no"), (thu, "yes")]
    # The paper is one row with its own hash; its two ballots share no hash with it nor each other.
    assert BallotPaper.objects.filter(meeting=dossier.meeting).count() == 1
    hashes = {b.receipt_hash for b in paper.ballots} | {BallotPaper.objects.get().receipt_hash}
    assert len(hashes) == 3


def test_results_per_nominee_equal_the_count_of_the_same_choices_voted_one_by_one(flow):
    dossier, mai, thu = _open(flow)
    choices = {"chutich": {mai.pk: "yes", thu.pk: "yes"}, "phochutich": {mai.pk: "yes", thu.pk: "no"},
               "hoidong": {mai.pk: "no", thu.pk: "yes"}, "canbotdkt": {mai.pk: "yes", thu.pk: "no"}}
    receipts = flow.vote(dossier, choices)
    assert len(receipts) == 4 and len(set(receipts.values())) == 4  # one code per member
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    params = current_parameters(dossier.round.commune)
    for nomination in (mai, thu):
        n = Nomination.objects.get(pk=nomination.pk)
        yes = sum(1 for mine in choices.values() if mine[n.pk] == "yes")
        no = len(choices) - yes
        check = ballot_check(n.award_type.code, yes, 4, 4, params=params)  # 4 members, all present
        assert (n.tally["yes"], n.tally["no"], n.tally["members"], n.tally["present"]) == (yes, no, 4, 4)
        assert n.tally["not_voted"] == 0
        assert (n.tally["passed"], n.tally["rule"], n.tally["article"], n.tally["detail"]) == (
            check.passed, check.rule, check.article, check.detail)
        assert Ballot.objects.filter(nomination=n).count() == 4
    # CSTĐ cơ sở: 3 of 4 members = 75 % of all members, below the threshold; LĐTT: 2 of 4 present.
    assert Nomination.objects.get(pk=mai.pk).outcome == Nomination.Outcome.FAILED
    assert Nomination.objects.get(pk=thu.pk).tally["yes"] == 2


def test_a_second_paper_is_refused_in_vietnamese_and_changes_nothing(flow):
    dossier, mai, thu = _open(flow)
    services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting, choices={mai.pk: "yes", thu.pk: "yes"})
    envelopes, participations = SealedBallot.objects.count(), Participation.objects.count()
    with pytest.raises(ValidationError, match="đã nộp phiếu bầu của phiên họp này; mỗi thành viên chỉ bỏ một phiếu"):
        services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting, choices={mai.pk: "no", thu.pk: "no"})
    assert (SealedBallot.objects.count(), Participation.objects.count()) == (envelopes, participations)


def test_a_paper_with_a_nominee_left_blank_is_refused_whole(flow):
    dossier, mai, thu = _open(flow)
    with pytest.raises(ValidationError, match=r"Phiếu chưa đầy đủ.*Bùi Thị Thu \(Lao động tiên tiến\)") as refused:
        services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting, choices={mai.pk: "yes"})
    assert "Nguyễn Thị Mai" not in str(refused.value)
    with pytest.raises(ValidationError, match="Phiếu không hợp lệ"):
        services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting,
                            choices={mai.pk: "yes", thu.pk: "maybe"})
    assert not SealedBallot.objects.exists() and not Participation.objects.exists()
    assert services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting,
                               choices={mai.pk: "yes", thu.pk: "no"})


def test_the_paper_page_votes_every_nominee_at_once_and_keeps_choices_on_a_refusal(flow, client_as):
    dossier, mai, thu = _open(flow)
    client = client_as("hoidong")
    url = f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/phieu-bau/"
    meeting_page = client.get(f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/").content.decode()
    assert url in meeting_page and "Bỏ phiếu kín (một phiếu cho tất cả đề nghị)" in meeting_page
    page = client.get(url).content.decode()
    assert page.count('type="radio"') == 4 and "Nguyễn Thị Mai" in page and "Bùi Thị Thu" in page

    partial = client.post(url, {f"n{mai.pk}": "no"})
    html = partial.content.decode()
    assert partial.status_code == 200 and "Phiếu chưa đầy đủ" in html and "data-receipt" not in html
    assert re.search(rf'name="n{mai.pk}" value="no"[^>]*checked', html)  # her choice is kept
    assert not Participation.objects.exists()

    done = client.post(url, {f"n{mai.pk}": "no", f"n{thu.pk}": "yes"})
    assert done["Cache-Control"] == "no-store"
    codes = re.findall(r"data-receipt>([A-Z2-7-]+)<", done.content.decode())
    assert len(codes) == 1  # one receipt for the paper
    assert "Bạn đã nộp phiếu bầu" in client.get(url).content.decode()
    check = client.post("/de-nghi/hoi-dong/kiem-tra-phieu/", {"code": codes[0]}).content.decode()
    assert "Phiếu của bạn có trong hòm phiếu" in check
    assert "Nguyễn Thị Mai" in check and "Bùi Thị Thu" in check and "Không đồng ý" in check


def test_a_member_of_another_term_has_no_paper(flow, client_as):
    dossier, _mai, _thu = _open(flow)
    assert client_as("kiemtra").get(f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/phieu-bau/").status_code == 403
