"""The city's chairman revokes awards of a city decision made on a commune's upward dossier:
the ledger row is revoked (the commune's ledger and the person's timeline say "đã thu hồi"),
the commune's own nomination is marked revoked, and the commune's officer is told and can read
the city's revocation decision."""
import pytest

from thidua.accounts.models import Notification, NotificationKind
from thidua.awards.models import Award
from thidua.proposals import services
from thidua.proposals.models import Decision, Dossier
from thidua.province import services as province_services

pytestmark = pytest.mark.django_db

REASON = "Thanh tra phát hiện sáng kiến kê khai không đúng; căn cứ kết luận thanh tra số 12/KL-TTr."


def signed_by_city(upward, *people):
    """One commune dossier with ``people`` for CSTĐ cấp tỉnh, received, voted and signed by the city."""
    sent = services.send_to_province(actor=upward.chairman, dossier=_voted(upward, people))
    case = province_services.receive(actor=upward.p_officer, dossier=sent)
    theirs = services.accept_dossier(actor=upward.p_officer, dossier=case.province_dossier)
    for n in theirs.nominations.filter(eligible=False):
        services.pass_nominee(actor=upward.p_officer, nomination=n, reason="Hội đồng thành phố xem xét theo đề nghị.")
    theirs = upward.province_vote(services.publish_dossier(actor=upward.p_officer, dossier=theirs))
    return sent, theirs, services.sign_decision(actor=upward.p_chairman, dossier=theirs)


def _voted(upward, people):
    from .conftest import PASS_REASON, report_pdf

    unit = people[0].memberships.first().organisation
    dossier = upward.draft(nominees=[(p, "CSTD_TINH") for p in people], unit=unit.code, clerk=upward.officer)
    services.add_attachment(actor=upward.officer, dossier=dossier, upload=report_pdf(), description="Báo cáo thành tích")
    dossier = services.accept_dossier(actor=upward.officer, dossier=services.submit_dossier(actor=upward.officer,
                                                                                             dossier=dossier))
    for n in dossier.nominations.filter(eligible=False):
        services.pass_nominee(actor=upward.officer, nomination=n, reason=PASS_REASON)
    dossier = upward.at_council(services.publish_dossier(actor=upward.officer, dossier=dossier))
    services.open_meeting(actor=upward.officer, meeting=dossier.meeting)
    upward.vote(dossier)
    services.close_meeting(actor=upward.officer, meeting=dossier.meeting)
    return Dossier.objects.get(pk=dossier.pk)


def test_a_revoked_city_award_is_revoked_in_the_communes_dossier_ledger_and_timeline(upward, client):
    nhan = upward.person("Vũ Thị Nhạn")
    sent, theirs, decision = signed_by_city(upward, nhan)
    award = Award.objects.get(person=nhan, award_type__code="CSTD_TINH", revoked=False)

    # The commune's officer may not revoke the city's decision; the city's chairman may.
    client.force_login(upward.officer)
    assert "Căn cứ, lý do thu hồi" not in client.get(f"/de-nghi/quyet-dinh/{decision.pk}/").content.decode()
    client.force_login(upward.p_chairman)
    nomination = theirs.nominations.get()
    response = client.post(f"/de-nghi/quyet-dinh/{decision.pk}/", {"reason": REASON, "nominations": [nomination.pk]})
    revocation = Decision.objects.get(kind=Decision.Kind.REVOCATION, revokes=decision)
    assert response.status_code == 302 and revocation.issuer == upward.city
    assert revocation.number.endswith("/QĐ-UBND") and "THÀNH PHỐ HẢI PHÒNG" in revocation.body

    award.refresh_from_db()
    assert award.revoked and revocation.number in award.revocation_note
    assert sent.nominations.get().outcome == "revoked"  # the commune's own nomination says so
    told = Notification.objects.get(user=upward.officer, kind=NotificationKind.GENERAL,
                                    title__contains=revocation.number)
    assert decision.number in told.body and "Vũ Thị Nhạn" in told.body and "kê khai không đúng" in told.body

    client.force_login(upward.officer)
    assert client.get(told.url).status_code == 200  # the commune reads the city's revocation
    assert "Đã thu hồi" in client.get(f"/de-nghi/ho-so/{sent.pk}/").content.decode()
    ledger = client.get(f"/khen-thuong/so-khen-thuong/?nam={sent.round.year}").content.decode()
    row = ledger.split(decision.number)[0].rsplit("<tr>", 1)[1]
    assert "Vũ Thị Nhạn" in row and "đã thu hồi" in row
    assert "đã thu hồi" in client.get(f"/ca-nhan/{nhan.pk}/").content.decode()


def test_revoking_one_of_two_city_awards_leaves_the_other_in_the_communes_ledger(upward):
    nhan, other = upward.person("Vũ Thị Nhạn"), None
    unit = nhan.memberships.first().organisation
    other = next(m.person for m in unit.memberships.select_related("person").exclude(person=nhan)
                 if m.person.full_name != nhan.full_name)
    sent, theirs, decision = signed_by_city(upward, nhan, other)
    services.revoke_decision(actor=upward.p_chairman, decision=decision, reason=REASON,
                             nominations=list(theirs.nominations.filter(person=nhan)))
    outcomes = {n.person_id: n.outcome for n in sent.nominations.all()}
    assert outcomes == {nhan.pk: "revoked", other.pk: "awarded"}
    assert not Award.objects.get(person=other, award_type__code="CSTD_TINH", decision_number=decision.number).revoked
