"""A cluster's proposal reaches the city's queue like a commune's upward dossier: the leader
commune's chairman signs the tờ trình, the city's office receives it, checks it, returns it
once, the leader corrects and resubmits it, the city's council votes, the city's chairman
signs — and each commune's collective award is in its own ledger with the city's number, the
cluster's page tells the leader the outcome, the communes are notified."""
import pytest
from docx import Document
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.accounts.models import Notification, NotificationKind
from thidua.awards.models import Award
from thidua.clusters import services as cluster_services
from thidua.proposals import services
from thidua.proposals.models import Dossier
from thidua.province import services as province_services
from thidua.province.models import UpwardCase

from .conftest import proposed_cluster

pytestmark = pytest.mark.django_db

REASON = "Thiếu báo cáo thành tích của xã dẫn đầu có xác nhận của Ủy ban nhân dân xã."
PASS = "Cụm thi đua đã chấm điểm có minh chứng; Hội đồng thành phố xem xét theo đề nghị của cụm."


@pytest.fixture
def cluster(upward):
    return proposed_cluster(upward.p_officer)


def test_the_clusters_proposal_is_received_returned_voted_and_signed_into_the_communes_ledgers(
        upward, cluster, client):
    cy, communes, users = cluster["cy"], cluster["communes"], cluster["users"]
    tien_lang, an_thi, do_son, bach_long = communes

    # Only the leader commune's chairman signs the tờ trình; the officer may not.
    with pytest.raises(PermissionDenied):
        cluster_services.send_to_city(actor=users["officer"], cluster_year=cy)
    client.force_login(users["chairman"])
    page = client.get(f"/cum-thi-dua/{cy.cluster_id}/").content.decode()
    assert "Ký tờ trình gửi thành phố" in page
    assert client.post(f"/cum-thi-dua/nam/{cy.pk}/trinh-thanh-pho/").status_code == 302
    cy.refresh_from_db()
    assert cy.submission_number.endswith("/TTr-UBND") and cy.sent_by == users["chairman"]
    assert client.post(f"/cum-thi-dua/nam/{cy.pk}/trinh-thanh-pho/").status_code == 400  # once

    # It waits in the city's queue; the city's office receives it.
    client.force_login(upward.p_officer)
    queue = client.get("/thanh-pho/").content.decode()
    assert "Cụm Ven biển năm 2026" in queue and cy.submission_number in queue
    assert "Cụm Ven biển năm 2026 (cụm trưởng: Xã Tiên Lãng)" in client.get("/").content.decode()  # her work list
    response = client.post(f"/thanh-pho/cum-thi-dua/{cy.pk}/tiep-nhan/")
    case = UpwardCase.objects.get(cluster_year=cy)
    theirs = case.province_dossier
    assert response.status_code == 302 and response["Location"] == f"/de-nghi/ho-so/{theirs.pk}/"
    assert theirs.round.commune == upward.city and theirs.unit == tien_lang and theirs.state == Dossier.State.SUBMITTED
    assert sorted((n.organisation.name, n.award_type.code) for n in theirs.nominations.all()) == [
        ("Phường Đồ Sơn", "BANG_KHEN_TINH"), ("Xã Tiên Lãng", "BANG_KHEN_TINH"), ("Xã Ân Thi", "CO_THI_DUA_TINH")]
    paper = theirs.attachments.get()  # the cluster's tờ trình, with the number its chairman's signature took
    document = Document(paper.file.open("rb"))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells)
    assert paper.original_name.endswith(".docx") and f"Số: {cy.submission_number}" in text
    assert "Cụm Ven biển năm 2026 (cụm trưởng: Xã Tiên Lãng)" in client.get("/thanh-pho/").content.decode()
    assert "Cụm Ven biển" in client.get(f"/de-nghi/ho-so/{theirs.pk}/").content.decode()
    with pytest.raises(ValidationError):
        province_services.receive_cluster(actor=upward.p_officer, cluster_year=cy)

    # Checked at city level, returned once; the leader's officer corrects a report and resubmits.
    theirs = services.accept_dossier(actor=upward.p_officer, dossier=theirs)
    theirs = services.return_dossier(actor=upward.p_officer, dossier=theirs, reason=REASON)
    assert Notification.objects.filter(user=users["officer"], kind=NotificationKind.DOSSIER_RETURNED).exists()
    client.force_login(users["officer"])
    page = client.get(f"/cum-thi-dua/{cy.cluster_id}/").content.decode()
    assert REASON in page and f"/de-nghi/ho-so/{theirs.pk}/" in page
    flag = theirs.nominations.get(organisation=an_thi)
    services.update_report(actor=users["officer"], nomination=flag,
                           report=flag.report + "\nCó xác nhận của Ủy ban nhân dân Xã Ân Thi.")
    theirs = services.submit_dossier(actor=users["officer"], dossier=theirs)

    # The city's council votes, its chairman signs.
    theirs = services.accept_dossier(actor=upward.p_officer, dossier=theirs)
    for n in theirs.nominations.filter(eligible=False):
        services.pass_nominee(actor=upward.p_officer, nomination=n, reason=PASS)
    theirs = upward.province_vote(services.publish_dossier(actor=upward.p_officer, dossier=theirs))
    decision = services.sign_decision(actor=upward.p_chairman, dossier=theirs)
    assert decision.issuer == upward.city and decision.number.endswith("/QĐ-UBND")

    # Each commune's collective award is in the ledger, with the city's number and date.
    awards = {a.organisation.name: a for a in Award.objects.filter(organisation__in=communes, revoked=False)}
    assert set(awards) == {"Xã Ân Thi", "Phường Đồ Sơn", "Xã Tiên Lãng"}
    assert awards["Xã Ân Thi"].award_type.code == "CO_THI_DUA_TINH"
    assert {(a.decision_number, a.decision_date, a.issuer_id) for a in awards.values()} == {
        (decision.number, decision.date, upward.city.pk)}
    assert UpwardCase.objects.get(pk=case.pk).settled_at is not None
    client.force_login(users["an_thi"])  # the commune awarded reads it in its own ledger
    assert decision.number in client.get("/khen-thuong/so-khen-thuong/?nam=2026").content.decode()
    notice = Notification.objects.get(user=users["an_thi"], kind=NotificationKind.DECISION_SIGNED,
                                      title__contains=decision.number)
    assert client.get(notice.url).status_code == 200  # the city's decision opens for a commune it awards
    client.force_login(users["bach_long"])  # a member commune it does not award does not read it
    assert client.get(notice.url).status_code == 404
    assert not Notification.objects.filter(user=users["bach_long"], kind=NotificationKind.DECISION_SIGNED).exists()

    # The leader sees the outcome on the cluster's page, commune by commune.
    assert Notification.objects.filter(user=users["chairman"], kind=NotificationKind.DECISION_SIGNED).exists()
    client.force_login(users["officer"])
    page = client.get(f"/cum-thi-dua/{cy.cluster_id}/").content.decode()
    proposals = page.split('id="proposals">')[1].split("</ul>")[0]
    assert proposals.count("Đã khen thưởng") == 3 and decision.number in proposals
    assert decision.number in page.split('id="thanh-pho-xet">')[1]


def test_only_the_citys_office_receives_a_clusters_proposal_once_it_is_signed(upward, cluster, client):
    cy, users = cluster["cy"], cluster["users"]
    with pytest.raises(ValidationError, match="chưa ký tờ trình"):
        province_services.receive_cluster(actor=upward.p_officer, cluster_year=cy)
    cluster_services.send_to_city(actor=users["chairman"], cluster_year=cy)
    for actor in (users["officer"], users["chairman"], upward.p_member):
        with pytest.raises(PermissionDenied):
            province_services.receive_cluster(actor=actor, cluster_year=cy)
    client.force_login(users["officer"])
    assert client.post(f"/thanh-pho/cum-thi-dua/{cy.pk}/tiep-nhan/").status_code == 403
    assert not UpwardCase.objects.filter(cluster_year=cy).exists()


def test_a_refusal_by_the_city_tells_the_cluster_leader(upward, cluster):
    cy, users = cluster["cy"], cluster["users"]
    cluster_services.send_to_city(actor=users["chairman"], cluster_year=cy)
    case = province_services.receive_cluster(actor=upward.p_officer, cluster_year=cy)
    theirs = services.accept_dossier(actor=upward.p_officer, dossier=case.province_dossier)
    services.reject_dossier(actor=upward.p_officer, dossier=theirs, reason="Cụm chưa tổ chức ký giao ước thi đua.")
    told = Notification.objects.get(user=users["officer"], kind=NotificationKind.GENERAL,
                                    title__contains="Cụm Ven biển")
    assert "chưa tổ chức ký giao ước" in told.body
    assert not Award.objects.filter(organisation__in=cluster["communes"]).exists()


def test_a_revoked_city_award_shows_on_the_clusters_page_and_tells_the_leader(upward, cluster, client):
    cy, users = cluster["cy"], cluster["users"]
    cluster_services.send_to_city(actor=users["chairman"], cluster_year=cy)
    theirs = province_services.receive_cluster(actor=upward.p_officer, cluster_year=cy).province_dossier
    theirs = services.accept_dossier(actor=upward.p_officer, dossier=theirs)
    for n in theirs.nominations.filter(eligible=False):
        services.pass_nominee(actor=upward.p_officer, nomination=n, reason=PASS)
    theirs = upward.province_vote(services.publish_dossier(actor=upward.p_officer, dossier=theirs))
    decision = services.sign_decision(actor=upward.p_chairman, dossier=theirs)
    an_thi = cluster["communes"][1]
    revocation = services.revoke_decision(actor=upward.p_chairman, decision=decision,
                                          reason="Kết luận kiểm tra: số liệu chấm điểm kê khai sai.",
                                          nominations=list(theirs.nominations.filter(organisation=an_thi)))
    assert Award.objects.get(organisation=an_thi).revoked
    for who in ("officer", "an_thi"):
        assert Notification.objects.filter(user=users[who], title__contains=revocation.number).exists()
    assert not Notification.objects.filter(user=users["bach_long"], title__contains=revocation.number).exists()
    client.force_login(users["officer"])
    proposals = client.get(f"/cum-thi-dua/{cy.cluster_id}/").content.decode().split('id="proposals">')[1]
    line = next(x for x in proposals.split("</li>") if "Xã Ân Thi" in x)
    assert "Đã thu hồi" in line and proposals.count("Đã khen thưởng") == 2
