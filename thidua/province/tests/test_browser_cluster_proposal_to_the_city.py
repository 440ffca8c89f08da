"""Browser: a cluster's proposal goes to the city through the pages. The leader commune's
chairman signs the cluster's tờ trình on the cluster's page; the city's officer finds it in the
city's queue and receives it into a dossier; once the city's council has voted and its chairman
has signed, the leader's officer reads the outcome, commune by commune, on the cluster's page,
and an awarded commune finds the city's decision in its own ledger."""
import pytest

from thidua.proposals import services
from thidua.testing.browser import sign_in
from thidua.testing.builder import PASSWORD

from .conftest import Upward, proposed_cluster

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_clusters_proposal_is_signed_received_and_its_outcome_read_on_the_pages(
        page, live_demo, demo_user, shot, settings, tmp_path):
    from thidua.conftest import DEMO_PASSWORD

    settings.MEDIA_ROOT = tmp_path
    url = live_demo.url
    upward = Upward(demo_user)
    cluster = proposed_cluster(upward.p_officer)
    cy, users = cluster["cy"], cluster["users"]
    cluster_page = f"{url}/cum-thi-dua/{cy.cluster_id}/"

    # The leader commune's chairman signs the cluster's tờ trình.
    sign_in(page, url, users["chairman"].username, PASSWORD)
    page.goto(cluster_page)
    page.get_by_role("button", name="Ký tờ trình gửi thành phố").click()
    cy.refresh_from_db()
    assert cy.submission_number and cy.submission_number in page.locator("main").inner_text()
    assert page.get_by_role("button", name="Ký tờ trình gửi thành phố").count() == 0  # signed once
    shot(page, "cluster-01-leader-signed")

    # The city's officer finds it in the city's queue and receives it.
    sign_in(page, url, upward.p_officer.username, DEMO_PASSWORD)
    page.goto(f"{url}/thanh-pho/")
    waiting = page.locator("#cum-cho-tiep-nhan")
    assert "Cụm Ven biển" in waiting.inner_text() and "Xã Tiên Lãng" in waiting.inner_text()
    shot(page, "cluster-02-city-queue")
    waiting.get_by_role("button", name="Tiếp nhận").click()
    page.wait_for_url(f"{url}/de-nghi/ho-so/*/")
    dossier_text = page.locator("main").inner_text()
    for commune in ("Xã Ân Thi", "Phường Đồ Sơn", "Xã Tiên Lãng"):
        assert commune in dossier_text
    assert "Xã Bạch Long" not in dossier_text  # last in the ranking: not proposed
    shot(page, "cluster-03-city-dossier")

    # The city's check, publicity, council and signature (walked in the province's own browser test).
    from thidua.province.models import UpwardCase

    theirs = services.accept_dossier(actor=upward.p_officer,
                                     dossier=UpwardCase.objects.get(cluster_year=cy).province_dossier)
    for n in theirs.nominations.filter(eligible=False):
        services.pass_nominee(actor=upward.p_officer, nomination=n,
                              reason="Cụm thi đua đã chấm điểm có minh chứng; Hội đồng thành phố xem xét.")
    theirs = upward.province_vote(services.publish_dossier(actor=upward.p_officer, dossier=theirs))
    decision = services.sign_decision(actor=upward.p_chairman, dossier=theirs)

    # The leader's officer reads the outcome on the cluster's page.
    sign_in(page, url, users["officer"].username, PASSWORD)
    page.goto(cluster_page)
    outcome = page.locator("#proposals").inner_text()
    assert outcome.count("Đã khen thưởng") == 3 and decision.number in outcome
    shot(page, "cluster-04-leader-reads-the-outcome")

    # The commune awarded the city's Cờ thi đua finds it in its own ledger.
    sign_in(page, url, users["an_thi"].username, PASSWORD)
    page.goto(f"{url}/khen-thuong/so-khen-thuong/?nam={cy.year}")
    ledger = page.locator("main").inner_text()
    assert decision.number in ledger and "Cờ thi đua" in ledger
    shot(page, "cluster-05-commune-ledger")
