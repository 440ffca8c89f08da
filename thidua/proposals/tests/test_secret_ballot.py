"""The council's electronic vote is secret: a member votes once, on one ballot paper, can check
her paper was counted, and nothing stored — columns, storage order, audit log — ties a ballot to a voter.
(The writing transaction is checked on PostgreSQL's raw pages in
test_ballots_cannot_be_linked_to_voters_on_postgresql.py.)"""
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from thidua.core.models import AuditEntry
from thidua.proposals import services
from thidua.proposals.models import Ballot, Participation, SealedBallot
from thidua.proposals.selectors import pending_ballots

pytestmark = pytest.mark.django_db


def test_a_member_votes_once(flow):
    dossier = flow.open_vote()
    nomination = dossier.nominations.get()
    services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting, choices={nomination.pk: "yes"})
    with pytest.raises(ValidationError, match="đã nộp phiếu bầu"):
        services.cast_paper(actor=flow.user("hoidong"), meeting=dossier.meeting, choices={nomination.pk: "no"})
    assert SealedBallot.objects.filter(meeting=dossier.meeting).count() == 2  # the ballot and the paper's receipt
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    assert Ballot.objects.filter(nomination=nomination).count() == 1
    assert not SealedBallot.objects.exists()  # the envelopes are gone once opened


def test_only_present_members_of_the_term_vote(flow):
    dossier = flow.published()
    meeting = flow.meeting(present=["chutich", "phochutich", "hoidong", "canbotdkt"])
    flow.at_council(dossier, meeting)
    services.open_meeting(actor=flow.officer, meeting=meeting)
    nomination = dossier.nominations.get()
    with pytest.raises(PermissionDenied):
        services.cast_paper(actor=flow.user("kiemtra"), meeting=meeting, choices={nomination.pk: "yes"})


def test_the_ballot_tables_hold_nothing_that_links_a_ballot_to_a_voter(flow):
    dossier = flow.open_vote()
    flow.vote(dossier, {"hoidong": "no"})
    # While the vote is open: envelopes of one size, nothing readable, no voter, no time.
    envelopes = list(SealedBallot.objects.values_list("envelope", flat=True))
    assert len(envelopes) == 8 and len({len(bytes(e)) for e in envelopes}) == 1  # 4 papers of 1 ballot
    assert not any(b"yes" in bytes(e) or b"no" in bytes(e) for e in envelopes)
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    introspection = connection.introspection
    with connection.cursor() as cursor:
        ballot_columns = {c.name for c in introspection.get_table_description(cursor, Ballot._meta.db_table)}
        ballot_links = introspection.get_relations(cursor, Ballot._meta.db_table)
        participation_columns = {c.name for c in introspection.get_table_description(
            cursor, Participation._meta.db_table)}
        envelope_columns = {c.name for c in introspection.get_table_description(
            cursor, SealedBallot._meta.db_table)}
    assert envelope_columns == {"id", "meeting_id", "envelope"}
    # A ballot: a random key, the nomination, the choice, the hash of the voter's receipt code.
    assert ballot_columns == {"id", "nomination_id", "choice", "receipt_hash"}
    assert {table for _, table in ballot_links.values()} == {"proposals_nomination"}
    # A participation: who voted on what — and nothing about the ballot.
    assert participation_columns == {"id", "nomination_id", "member_id"}
    rows = list(Ballot.objects.values_list("id", flat=True))
    assert all(row.version == 4 for row in rows)  # random UUIDs: no order, no time


def test_the_audit_log_records_who_voted_but_never_a_ballot(flow):
    dossier = flow.open_vote()
    flow.vote(dossier, {"hoidong": "no"})
    ballot_type = ContentType.objects.get_for_model(Ballot)
    assert not AuditEntry.objects.filter(content_type=ballot_type).exists()
    votes = AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Participation))
    assert votes.count() == 4
    for entry in votes:
        assert set(entry.after) == {"nomination", "member"}
        assert "yes" not in str(entry.after) and "no" not in str(entry.after).replace("nomination", "")


STORAGE_ORDER = {"sqlite": "rowid", "postgresql": "ctid"}


@pytest.mark.skipif(connection.vendor not in STORAGE_ORDER, reason="reads the storage order (rowid, ctid)")
def test_the_ballot_box_is_written_shuffled_at_the_close_so_storage_order_tells_nothing(flow, monkeypatch):
    # The box is shuffled once, at the close; make the shuffle a sort by receipt hash (an order
    # unrelated to the order of the votes) to see its effect.
    monkeypatch.setattr("thidua.proposals.services.council._shuffle",
                        lambda box: box.sort(key=lambda b: b.receipt_hash, reverse=True))
    dossier = flow.open_vote()
    nomination = dossier.nominations.get()
    voted = []
    for username, choice in (("hoidong", "no"), ("chutich", "yes"), ("canbotdkt", "yes")):
        receipt = services.cast_paper(actor=flow.user(username), meeting=dossier.meeting,
                                      choices={nomination.pk: choice})
        voted.append(services.find_paper(receipt).ballots[0].receipt_hash)
    assert not Ballot.objects.exists()  # nothing in the box before the close
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT receipt_hash FROM proposals_ballot WHERE nomination_id = %s "
                       f"ORDER BY {STORAGE_ORDER[connection.vendor]}", [nomination.pk])
        stored = [row[0] for row in cursor.fetchall()]
    assert sorted(stored) == sorted(voted)
    assert stored == sorted(voted, reverse=True)  # the shuffle's order, not the order of the votes


def test_a_member_can_check_her_ballot_was_counted_with_her_receipt(flow):
    dossier = flow.open_vote()
    receipts = flow.vote(dossier, {"hoidong": "no"})
    nomination = dossier.nominations.get()
    code = receipts["hoidong"]
    paper = services.find_paper(code)
    assert not paper.counted and [(b.nomination, b.choice) for b in paper.ballots] == [(nomination, "no")]
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    paper = services.find_paper(code.lower().replace("-", ""))  # typed loosely
    assert paper.counted and [(b.nomination, b.choice) for b in paper.ballots] == [(nomination, "no")]
    assert services.find_paper("AAAA-BBBB-CCCC-DDDD") is None
    # Only the hash of the code is stored.
    assert not Ballot.objects.filter(receipt_hash__icontains=code.replace("-", "")).exists()


def test_members_see_no_ballots_and_no_count_before_the_meeting_closes(flow, client_as):
    dossier = flow.open_vote()
    flow.vote(dossier, {"hoidong": "no"})
    page = client_as("hoidong").get(f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bạn đã bỏ phiếu" in html
    assert re.search(r"Đồng ý \d", html) is None  # no running count
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    html = client_as("hoidong").get(f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/").content.decode()
    assert "Đồng ý 3/4" in html  # the count, once the meeting is closed — never who voted how


def test_the_receipt_is_shown_once_and_kept_nowhere_with_the_voter(flow, client_as):
    dossier = flow.open_vote()
    nomination = dossier.nominations.get()
    client = client_as("hoidong")
    paper_url = f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/phieu-bau/"
    response = client.post(paper_url, {f"n{nomination.pk}": "no"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    code = re.search(r"data-receipt>([A-Z2-7-]+)<", response.content.decode()).group(1)
    assert services.find_paper(code).ballots[0].choice == "no"
    session = client.session
    assert code not in str(dict(session.items()))
    page = client.get(f"/de-nghi/hoi-dong/hop/{dossier.meeting_id}/").content.decode()
    assert code not in page and "Bạn đã bỏ phiếu" in page
    again = client.post(paper_url, {f"n{nomination.pk}": "yes"}, follow=True)
    assert "chỉ bỏ một phiếu" in again.content.decode()
    check = client.post("/de-nghi/hoi-dong/kiem-tra-phieu/", {"code": code}).content.decode()
    assert "Phiếu của bạn có trong hòm phiếu" in check


def test_a_member_who_is_the_nominee_or_of_her_household_is_recused(flow):
    nguyen = flow.person("Vũ Văn Nguyễn")  # the vice-chairman phochutich
    unit = nguyen.memberships.first().organisation
    dossier = flow.accepted(nominees=[(nguyen, "GIAY_KHEN_XA")], unit=unit.code, clerk=flow.officer)
    nomination = dossier.nominations.get()
    if not nomination.eligible:
        services.pass_nominee(actor=flow.officer, nomination=nomination,
                              reason="Thành tích đột xuất trong phòng chống bão số 3, được nhân dân ghi nhận.")
    dossier = flow.at_council(services.publish_dossier(actor=flow.officer, dossier=dossier))
    services.open_meeting(actor=flow.officer, meeting=dossier.meeting)
    with pytest.raises(ValidationError, match="là người được đề nghị"):  # nothing on his paper
        services.cast_paper(actor=flow.user("phochutich"), meeting=dossier.meeting, choices={nomination.pk: "yes"})
    assert pending_ballots(user=flow.user("phochutich")) == []  # nothing waits for him
    assert pending_ballots(user=flow.user("hoidong")) == [nomination]
    for username in ("chutich", "hoidong", "canbotdkt"):
        services.cast_paper(actor=flow.user(username), meeting=dossier.meeting, choices={nomination.pk: "yes"})
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    nomination.refresh_from_db()
    assert nomination.tally["recused"] == ["Vũ Văn Nguyễn"]
    assert nomination.tally["members"] == 3 and nomination.outcome == "passed"
