"""Province-level awards: after the vote the chairman signs a submission to the province with
the assembled package; the officer later records the province's decision into the ledger."""
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from thidua.awards.models import Award
from thidua.proposals import services

pytestmark = pytest.mark.django_db


def test_a_province_award_goes_up_and_comes_back_as_a_recorded_decision(flow, client_as):
    nhan = flow.person("Vũ Thị Nhạn")
    unit = nhan.memberships.first().organisation
    dossier = flow.accepted(nominees=[(nhan, "BANG_KHEN_TINH")], unit=unit.code, clerk=flow.officer)
    nomination = dossier.nominations.get()
    assert nomination.authority == "CHU_TICH_UBND_TINH"
    if not nomination.eligible:
        services.pass_nominee(actor=flow.officer, nomination=nomination, reason="Đủ thành tích theo quy định của tỉnh.")
    dossier = flow.at_council(services.publish_dossier(actor=flow.officer, dossier=dossier))
    services.open_meeting(actor=flow.officer, meeting=dossier.meeting)
    flow.vote(dossier)
    services.close_meeting(actor=flow.officer, meeting=dossier.meeting)
    dossier.refresh_from_db()
    with pytest.raises(ValidationError, match="cấp tỉnh"):
        services.sign_decision(actor=flow.chairman, dossier=dossier)
    dossier = services.send_to_province(actor=flow.chairman, dossier=dossier)
    assert dossier.state == "sent_to_province" and dossier.submission_number.endswith("/TTr-UBND")
    package = client_as("canbotdkt").get(f"/de-nghi/ho-so/{dossier.pk}/bo-ho-so/")
    assert package.status_code == 200 and "Vũ Thị Nhạn" in package.content.decode()
    day = timezone.localdate()
    decision = services.record_province_decision(actor=flow.officer, dossier=dossier, number="2150/QĐ-UBND",
                                                 day=day, issuer_name="UBND thành phố Hải Phòng")
    award = Award.objects.get(person=nhan, year=2025, award_type__code="BANG_KHEN_TINH", revoked=False)
    assert award.decision_number == "2150/QĐ-UBND" and award.issuer_name == "UBND thành phố Hải Phòng"
    assert award.amount and decision.kind == "province"
    with pytest.raises(ValidationError):
        services.record_province_decision(actor=flow.officer, dossier=dossier, number="2150/QĐ-UBND",
                                          day=day, issuer_name="UBND thành phố Hải Phòng")


def test_a_recorded_province_decision_tells_the_units_clerks_but_not_the_officer_who_entered_it(flow):
    from thidua.accounts.models import Notification, NotificationKind

    dossier = flow.accepted(nominees=[("Nguyễn Thị Mai", "BANG_KHEN_TINH")])
    dossier.state = "sent_to_province"  # the upward path itself is proven above
    dossier.save(update_fields=["state"])
    dossier.nominations.update(outcome="passed")
    decision = services.record_province_decision(actor=flow.officer, dossier=dossier, number="2151/QĐ-UBND",
                                                 day=timezone.localdate(), issuer_name="UBND thành phố Hải Phòng")
    told = set(Notification.objects.filter(kind=NotificationKind.DECISION_SIGNED,
                                           url__contains=f"/quyet-dinh/{decision.pk}/")
               .values_list("user__username", flat=True))
    assert "vanthu_mnhp" in told and "canbotdkt" not in told
    assert "UBND thành phố Hải Phòng" in Notification.objects.get(user=flow.clerk, kind=NotificationKind.DECISION_SIGNED).body
