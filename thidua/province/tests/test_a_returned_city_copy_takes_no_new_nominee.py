"""A dossier the city returned stays the copy the commune sent: the commune completes reports
and files and may withdraw a nominee, but cannot slip in a nominee its council never voted on
and its chairman never proposed (the page says so instead of offering the form). When it comes
back, every change made after the return is recorded on the dossier and the city's officer
reads them on its page."""
import pytest
from django.core.exceptions import ValidationError

from thidua.awards.models import AwardType
from thidua.proposals import services
from thidua.province import services as province_services

from .conftest import report_pdf
from .test_city_revocation_reaches_the_commune import _voted

pytestmark = pytest.mark.django_db

REASON = "Báo cáo thành tích chưa có xác nhận của thủ trưởng đơn vị; bổ sung bản xác nhận."


@pytest.fixture
def returned(upward):
    nhan = upward.person("Vũ Thị Nhạn")
    unit = nhan.memberships.first().organisation
    other = next(m.person for m in unit.memberships.select_related("person").exclude(person=nhan))
    outsider = next(m.person for m in unit.memberships.select_related("person").exclude(person__in=[nhan, other]))
    sent = services.send_to_province(actor=upward.chairman, dossier=_voted(upward, [nhan, other]))
    case = province_services.receive(actor=upward.p_officer, dossier=sent)
    theirs = services.accept_dossier(actor=upward.p_officer, dossier=case.province_dossier)
    theirs = services.return_dossier(actor=upward.p_officer, dossier=theirs, reason=REASON)
    return {"sent": sent, "theirs": theirs, "nhan": nhan, "other": other, "outsider": outsider}


def test_the_commune_cannot_add_a_nominee_to_the_copy_the_city_returned(upward, returned, client):
    theirs, outsider = returned["theirs"], returned["outsider"]
    cstd = AwardType.objects.get(code="CSTD_TINH")
    with pytest.raises(ValidationError, match="không thêm đề nghị mới"):
        services.add_nomination(actor=upward.officer, dossier=theirs, subject=outsider, award_type=cstd)
    client.force_login(upward.officer)
    response = client.post(f"/de-nghi/ho-so/{theirs.pk}/de-nghi/them/",
                           {"subject": f"person:{outsider.pk}", "award_type": cstd.pk}, follow=True)
    assert "không thêm đề nghị mới" in response.content.decode()
    assert sorted(theirs.nominations.values_list("person_id", flat=True)) == sorted(
        [returned["nhan"].pk, returned["other"].pk])
    page = client.get(f"/de-nghi/ho-so/{theirs.pk}/").content.decode()
    assert 'id="them-de-nghi"' not in page and 'id="khong-them-de-nghi"' in page
    # the commune's own dossiers still take nominees as before
    draft = upward.draft(nominees=[(outsider, "LDTT")], unit=outsider.memberships.first().organisation.code,
                         clerk=upward.officer)
    assert draft.nominations.count() == 1


def test_the_city_sees_what_the_commune_changed_before_resubmitting(upward, returned, client):
    theirs, nhan, other = returned["theirs"], returned["nhan"], returned["other"]
    services.remove_nomination(actor=upward.officer, nomination=theirs.nominations.get(person=other))
    kept = theirs.nominations.get(person=nhan)
    services.update_report(actor=upward.officer, nomination=kept,
                           report=kept.report + "\nĐã có xác nhận của Hiệu trưởng.")
    services.add_attachment(actor=upward.officer, dossier=theirs, upload=report_pdf("xac-nhan.pdf"),
                            description="Bản xác nhận của thủ trưởng đơn vị")
    client.force_login(upward.p_officer)
    assert 'id="thay-doi-sau-tra-lai"' not in client.get(f"/de-nghi/ho-so/{theirs.pk}/").content.decode()
    services.submit_dossier(actor=upward.officer, dossier=theirs)  # the changes are recorded as it comes back

    page = client.get(f"/de-nghi/ho-so/{theirs.pk}/").content.decode()
    changes = page.split('id="thay-doi-sau-tra-lai"')[1].split("</ul>")[0]
    assert f"Rút đề nghị: {other.full_name}" in changes
    assert "Sửa báo cáo thành tích: Vũ Thị Nhạn" in changes
    assert "Bổ sung tệp: Bản xác nhận của thủ trưởng đơn vị (xac-nhan.pdf)" in changes


def test_a_copy_never_returned_shows_no_changes(upward, client):
    sent = services.send_to_province(actor=upward.chairman, dossier=_voted(upward, [upward.person("Vũ Thị Nhạn")]))
    case = province_services.receive(actor=upward.p_officer, dossier=sent)
    client.force_login(upward.p_officer)
    assert 'id="thay-doi-sau-tra-lai"' not in client.get(f"/de-nghi/ho-so/{case.province_dossier_id}/").content.decode()


def _resubmit_without(upward, returned):
    theirs, other = returned["theirs"], returned["other"]
    services.remove_nomination(actor=upward.officer, nomination=theirs.nominations.get(person=other))
    return services.accept_dossier(actor=upward.p_officer,
                                   dossier=services.submit_dossier(actor=upward.officer, dossier=theirs))


def test_a_nominee_the_commune_withdrew_ends_withdrawn_not_refused_by_the_city(upward, returned, client):
    theirs = _resubmit_without(upward, returned)
    for n in theirs.nominations.filter(eligible=False):
        services.pass_nominee(actor=upward.p_officer, nomination=n, reason="Hội đồng thành phố xem xét theo đề nghị của xã.")
    theirs = upward.province_vote(services.publish_dossier(actor=upward.p_officer, dossier=theirs))
    services.sign_decision(actor=upward.p_chairman, dossier=theirs)

    sent = returned["sent"]
    outcomes = dict(sent.nominations.values_list("person_id", "outcome"))
    assert outcomes == {returned["nhan"].pk: "awarded", returned["other"].pk: "withdrawn"}
    client.force_login(upward.officer)
    page = client.get(f"/de-nghi/ho-so/{sent.pk}/").content.decode()
    assert "Đã rút khỏi hồ sơ trình cấp trên" in page


def test_when_the_city_ends_the_copy_without_award_the_withdrawn_nominee_stays_withdrawn(upward, returned):
    theirs = _resubmit_without(upward, returned)
    services.reject_dossier(actor=upward.p_officer, dossier=theirs, reason="Chưa đủ số năm liên tục đạt CSTĐ cơ sở.")
    outcomes = dict(returned["sent"].nominations.values_list("person_id", "outcome"))
    assert outcomes == {returned["nhan"].pk: "declined", returned["other"].pk: "withdrawn"}
