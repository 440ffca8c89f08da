"""The province's pages and sections meet WCAG 2.1 AA (axe-core, the rules the whole-site test
applies): the city's queue with a dossier and a cluster's proposal waiting and one of each
received, the city's dossier with the commune's section and what changed after its return, the
commune's dossier with the city's section after a return, the city's dossier of a cluster and
the cluster's page with the city's answer."""
import pytest
from django.conf import settings
from django.test import Client

from thidua.core.tests.test_browser_accessibility import AXE, EXTRA_RULES, WCAG_TAGS, _describe
from thidua.clusters import services as cluster_services
from thidua.proposals import services
from thidua.proposals.tests.conftest import Flow
from thidua.province import services as province_services

from .conftest import commune_voted, proposed_cluster

pytestmark = pytest.mark.django_db(transaction=True)


def _context(browser, live_demo, user):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_demo.url}])
    return context


def test_the_province_pages_meet_wcag_21_aa(live_demo, browser, demo_user, settings, tmp_path):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` (make test does)")
    settings.MEDIA_ROOT = tmp_path
    flow = Flow(demo_user)
    city_officer = demo_user("tp_canbotdkt")
    waiting = services.send_to_province(actor=flow.chairman, dossier=commune_voted(flow, flow.person("Vũ Thị Nhạn")))
    received = services.send_to_province(actor=flow.chairman, dossier=commune_voted(flow, flow.person("Nguyễn Thị Mai")))
    case = province_services.receive(actor=city_officer, dossier=received)
    services.return_dossier(actor=city_officer, dossier=case.province_dossier, reason="Thiếu xác nhận sáng kiến.")
    sent = proposed_cluster(city_officer)  # one cluster's proposal waits
    cluster_services.send_to_city(actor=sent["users"]["chairman"], cluster_year=sent["cy"])
    other = proposed_cluster(city_officer, year=2025, name="Cụm Đồng bằng")  # another is received and returned
    cluster_services.send_to_city(actor=other["users"]["chairman"], cluster_year=other["cy"])
    theirs = province_services.receive_cluster(actor=city_officer, cluster_year=other["cy"]).province_dossier
    services.return_dossier(actor=city_officer, dossier=theirs, reason="Thiếu báo cáo thành tích có xác nhận.")
    nomination = theirs.nominations.first()
    services.update_report(actor=other["users"]["officer"], nomination=nomination,
                           report=nomination.report + " Có xác nhận.")
    services.submit_dossier(actor=other["users"]["officer"], dossier=theirs)
    plan = [(city_officer, ["/thanh-pho/", f"/de-nghi/ho-so/{case.province_dossier_id}/",
                            f"/de-nghi/ho-so/{theirs.pk}/"]),
            (flow.officer, [f"/de-nghi/ho-so/{received.pk}/", f"/de-nghi/ho-so/{waiting.pk}/"]),
            (sent["users"]["chairman"], [f"/cum-thi-dua/{sent['cy'].cluster_id}/?nam=2026"]),
            (other["users"]["officer"], [f"/cum-thi-dua/{other['cy'].cluster_id}/?nam=2025"])]
    problems = []
    for user, urls in plan:
        context = _context(browser, live_demo, user)
        page = context.new_page()
        for url in urls:
            page.goto(live_demo.url + url)
            assert page.locator("#thanh-pho-xu-ly, #ho-so-cua-xa, #cho-tiep-nhan, #de-nghi-cua-cum, "
                                "#thanh-pho-xet").count() >= 1, url
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(
                "([tags, rules]) => axe.run(document, {runOnly: {type: 'tag', values: tags}, rules: rules,"
                " resultTypes: ['violations']})", [WCAG_TAGS, EXTRA_RULES])
            if result["violations"]:
                problems.append(f"{user.username} {url}:\n{_describe(result['violations'])}")
        context.close()
    assert not problems, "\n".join(problems)
