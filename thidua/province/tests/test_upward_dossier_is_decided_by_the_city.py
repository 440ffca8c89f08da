"""A commune's dossier for Chiến sĩ thi đua cấp tỉnh goes to the city inside the system: the
city's office receives it with its documents, checks it with the engine, returns it once with a
reason the commune reads, the commune resubmits, the city publishes it, its council votes, its
chairman signs a decision numbered in the city's own register — and the award is in the
commune's ledger and the person's timeline with the city's number, the commune's dossier is
decided, and the commune's officer is told. Nobody types the decision again."""
import pytest
from docx import Document
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.accounts.models import Notification, NotificationKind
from thidua.awards.models import Award
from thidua.ops.testing import run_queued_tasks
from thidua.proposals import services
from thidua.proposals.models import Decision, Dossier, NumberCounter
from thidua.province import selectors
from thidua.province import services as province_services
from thidua.province.models import UpwardCase

pytestmark = pytest.mark.django_db

REASON = "Thiếu bản xác nhận sáng kiến được áp dụng, có hiệu quả trong phạm vi thành phố."


def test_the_city_receives_checks_returns_votes_and_signs_and_the_commune_gets_the_award(upward, client):
    nhan = upward.person("Vũ Thị Nhạn")
    sent = upward.sent(nhan)
    assert sent.state == Dossier.State.SENT_TO_PROVINCE

    # The dossier waits in the city's queue; the city's office receives it with its documents.
    client.force_login(upward.p_officer)
    assert "Xã Nam Thanh Miện" in client.get("/thanh-pho/").content.decode()
    case = province_services.receive(actor=upward.p_officer, dossier=sent)
    theirs = case.province_dossier
    assert theirs.round.commune == upward.city and theirs.unit == sent.round.commune
    assert theirs.state == Dossier.State.SUBMITTED and not case.for_ministry
    assert [n.award_type.code for n in theirs.nominations.all()] == ["CSTD_TINH"]
    copied = theirs.attachments.get()
    assert copied.sha256 == sent.attachments.get().sha256 and copied.file.name != sent.attachments.get().file.name
    with pytest.raises(ValidationError):
        province_services.receive(actor=upward.p_officer, dossier=sent)

    with pytest.raises(ValidationError, match="thành phố đang xét"):
        services.record_province_decision(actor=upward.officer, dossier=sent, number="2150/QĐ-UBND",
                                          day=sent.submission_date, issuer_name="UBND thành phố Hải Phòng")

    # Checked with the engine at province level, then returned once with a reason.
    theirs = services.accept_dossier(actor=upward.p_officer, dossier=theirs)
    nomination = theirs.nominations.get()
    assert nomination.verdict["authority"] == "CHU_TICH_UBND_TINH" and nomination.verdict["checks"]
    theirs = services.return_dossier(actor=upward.p_officer, dossier=theirs, reason=REASON)
    told = Notification.objects.get(user=upward.officer, kind=NotificationKind.DOSSIER_RETURNED,
                                    url=f"/de-nghi/ho-so/{theirs.pk}/")
    assert REASON in told.body and "thành phố" in told.body
    client.force_login(upward.officer)
    page = client.get(f"/de-nghi/ho-so/{sent.pk}/").content.decode()
    assert REASON in page and "Bổ sung và nộp lại cho thành phố" in page

    # The commune completes the report and resubmits to the city.
    services.update_report(actor=upward.officer, nomination=nomination,
                           report=nomination.report + "\nSáng kiến được Hội đồng sáng kiến thành phố công nhận.")
    theirs = services.submit_dossier(actor=upward.officer, dossier=theirs)
    assert theirs.state == Dossier.State.SUBMITTED

    theirs = services.accept_dossier(actor=upward.p_officer, dossier=theirs)
    for n in theirs.nominations.filter(eligible=False):
        services.pass_nominee(actor=upward.p_officer, nomination=n, reason="Hội đồng thành phố xem xét theo đề nghị của xã.")
    theirs = services.publish_dossier(actor=upward.p_officer, dossier=theirs)
    assert theirs.state == Dossier.State.PUBLISHED
    theirs = upward.province_vote(theirs)
    assert theirs.state == Dossier.State.VOTED
    tally = theirs.nominations.get().tally
    assert tally["passed"] and tally["members"] == 3 and tally["yes"] == 3

    # The city's chairman signs: the city's register numbers it, not the commune's.
    commune_counter = list(NumberCounter.objects.filter(issuer=sent.round.commune).values_list("series", "last"))
    decision = services.sign_decision(actor=upward.p_chairman, dossier=theirs)
    assert decision.issuer == upward.city and decision.issuer_name == "UBND thành phố Hải Phòng"
    assert decision.number.endswith("/QĐ-UBND") and decision.signer_name == "Trịnh Quốc Bảo"
    assert NumberCounter.objects.get(issuer=upward.city, series="QĐ-UBND", year=decision.year).last == decision.sequence
    assert list(NumberCounter.objects.filter(issuer=sent.round.commune).values_list("series", "last")) == commune_counter
    assert "Hải Phòng, ngày" in decision.body and "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG" in decision.body
    assert "Hội đồng Thi đua - Khen thưởng thành phố" in decision.body
    assert "Quỹ thi đua, khen thưởng của thành phố" in decision.body and "khen thưởng xã" not in decision.body
    run_queued_tasks()  # the signed decision's files are rendered by a task (documents.tasks)
    decision.frozen.refresh_from_db()
    docx = Document(decision.frozen.docx.open("rb"))  # the legal record, frozen at signing
    text = "\n".join(p.text for p in docx.paragraphs) + "\n".join(
        cell.text for table in docx.tables for row in table.rows for cell in row.cells)
    assert "THÀNH PHỐ HẢI PHÒNG" in text and f"Số: {decision.number}" in text and "Vũ Thị Nhạn" in text
    client.force_login(upward.p_officer)
    minutes = client.get(f"/de-nghi/hoi-dong/hop/{theirs.meeting_id}/bien-ban/")
    assert minutes.status_code == 200 and "THÀNH PHỐ HẢI PHÒNG" in minutes.content.decode().upper()

    # The award is in the ledger once, with the city's number and date.
    award = Award.objects.get(person=nhan, award_type__code="CSTD_TINH", revoked=False)
    assert (award.decision_number, award.decision_date, award.issuer) == (decision.number, decision.date, upward.city)
    sent.refresh_from_db()
    assert sent.state == Dossier.State.DECIDED and sent.decision == decision
    assert sent.nominations.get().outcome == "awarded"
    assert UpwardCase.objects.get(pk=case.pk).settled_at is not None
    assert Decision.objects.filter(kind=Decision.Kind.PROVINCE).count() == 0  # nobody typed it

    # The commune's officer is told, sees it in the commune's ledger and on the person's page.
    notice = Notification.objects.get(user=upward.officer, kind=NotificationKind.DECISION_SIGNED,
                                      url=f"/de-nghi/quyet-dinh/{decision.pk}/")
    assert decision.number in notice.title and "khen thưởng 01 cá nhân theo hồ sơ" in notice.body
    client.force_login(upward.officer)
    ledger = client.get(f"/khen-thuong/so-khen-thuong/?nam={sent.round.year}").content.decode()
    assert decision.number in ledger
    person_page = client.get(f"/ca-nhan/{nhan.pk}/").content.decode()
    assert decision.number in person_page and "Chiến sĩ thi đua" in person_page
    assert client.get(f"/de-nghi/quyet-dinh/{decision.pk}/").status_code == 200

    # The city's chairman may revoke it later: the award is listed once (the commune's
    # nomination shares the decision, not the award).
    client.force_login(upward.p_chairman)
    assert client.get(f"/de-nghi/quyet-dinh/{decision.pk}/").content.decode().count(
        "Vũ Thị Nhạn — Chiến sĩ thi đua") == 1


def test_a_dossier_for_the_prime_minister_is_marked_for_the_ministry_package(upward):
    sent = upward.sent(upward.person("Vũ Thị Nhạn"), code="BANG_KHEN_TTG")
    case = province_services.receive(actor=upward.p_officer, dossier=sent)
    assert case.for_ministry
    assert case.province_dossier.upward  # the city proposes it further: no city decision on it
    with pytest.raises(ValidationError):
        services.sign_decision(actor=upward.p_chairman, dossier=case.province_dossier)
    # After the city's council, its chairman signs the city's submission upward (the package
    # for the Ministry): it does not come back into the city's own queue.
    theirs = services.accept_dossier(actor=upward.p_officer, dossier=case.province_dossier)
    for n in theirs.nominations.filter(eligible=False):
        services.pass_nominee(actor=upward.p_officer, nomination=n, reason="Hội đồng thành phố xem xét theo đề nghị.")
    theirs = upward.province_vote(services.publish_dossier(actor=upward.p_officer, dossier=theirs))
    theirs = services.send_to_province(actor=upward.p_chairman, dossier=theirs)
    assert theirs.state == Dossier.State.SENT_TO_PROVINCE and theirs.submission_number.endswith("/TTr-UBND")
    assert selectors.incoming(upward.city).object_list == []


def test_only_the_citys_office_receives(upward):
    sent = upward.sent(upward.person("Vũ Thị Nhạn"))
    for actor in (upward.officer, upward.chairman, upward.p_member):
        with pytest.raises(PermissionDenied):
            province_services.receive(actor=actor, dossier=sent)


def test_a_refusal_by_the_city_closes_the_communes_dossier_and_tells_the_commune(upward):
    sent = upward.sent(upward.person("Vũ Thị Nhạn"))
    case = province_services.receive(actor=upward.p_officer, dossier=sent)
    theirs = services.accept_dossier(actor=upward.p_officer, dossier=case.province_dossier)
    services.reject_dossier(actor=upward.p_officer, dossier=theirs, reason="Chưa đủ số năm liên tục đạt CSTĐ cơ sở.")
    sent.refresh_from_db()
    assert sent.state == Dossier.State.REJECTED and sent.nominations.get().outcome == "declined"
    told = Notification.objects.get(user=upward.officer, kind=NotificationKind.GENERAL,
                                    url=f"/de-nghi/ho-so/{sent.pk}/")
    assert "Chưa đủ số năm liên tục" in told.body and not Award.objects.filter(
        person=upward.person("Vũ Thị Nhạn"), award_type__code="CSTD_TINH").exists()
