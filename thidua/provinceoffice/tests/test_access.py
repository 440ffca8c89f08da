"""Who reaches the province office's pages (the project's access matrix has commune roles only,
which all get 403 here): every province role reads; the administrator creates communes and
accounts; the office (administrator, officer) loads data, sets targets and recomputes; a commune's
user gets 403; another province's commune answers 404. Every form of the app answers hostile
input without a server error (the project's property test, with a province user)."""
from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings, strategies as st

from thidua.core.tests.test_every_form_survives_hostile_input import (
    MARKUP, VALUE, FormFields, dangling_descriptions,
)

pytestmark = pytest.mark.django_db

READ = ["dashboard", "communes", "targets"]
READ_COMMUNE = ["commune", "people_without_unit", "awards_without_number"]
ADMIN_FORMS = ["commune_admin", "commune_merge"]


def _url(name, world, commune=None):
    if name in READ or name in ("commune_create", "dashboard_excel"):
        return reverse(f"provinceoffice:{name}")
    return reverse(f"provinceoffice:{name}", args=[(commune or world.a).pk])


@pytest.mark.parametrize("role,expected", [("auditor", 200), ("officer", 200), ("admin", 200),
                                           ("commune_officer", 403)])
def test_every_province_role_reads_and_a_commune_user_does_not(client, province_world, role, expected):
    w = province_world
    client.force_login(getattr(w, role))
    for name in READ + READ_COMMUNE + ["dashboard_excel"]:
        assert client.get(_url(name, w)).status_code == expected, name


def test_writing_pages_by_role(client, province_world):
    w = province_world
    expect = {"auditor": {"commune_create": 403, "commune_admin": 403, "commune_merge": 403, "commune_import": 403},
              "officer": {"commune_create": 403, "commune_admin": 403, "commune_merge": 403, "commune_import": 200},
              "admin": {"commune_create": 200, "commune_admin": 200, "commune_merge": 200, "commune_import": 200}}
    for role, pages in expect.items():
        client.force_login(getattr(w, role))
        for name, status in pages.items():
            assert client.get(_url(name, w)).status_code == status, (role, name)


def test_another_provinces_commune_is_not_found(client, province_world):
    w = province_world
    client.force_login(w.admin)
    for name in READ_COMMUNE + ADMIN_FORMS + ["commune_import"]:
        assert client.get(_url(name, w, commune=w.foreign)).status_code == 404, name


FORMS = [("commune_create", "admin"), ("commune_admin", "admin"), ("commune_merge", "admin"),
         ("commune_import", "officer"), ("targets", "officer")]


@pytest.mark.parametrize("name,role", FORMS)
def test_every_form_answers_hostile_input_without_a_server_error(client, province_world, name, role):
    w = province_world
    client.force_login(getattr(w, role))
    url = _url(name, w)
    page = client.get(url)
    assert page.status_code == 200
    assert not dangling_descriptions(page.content.decode())
    fields = FormFields()
    fields.feed(page.content.decode())
    names = sorted(set(fields.typed))
    assert names, "the page shows fields"

    @settings(max_examples=10, deadline=None, database=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(data=st.data())
    def post_hostile(data):
        payload = {}
        for field in names:
            keep = field in fields.kept and data.draw(st.booleans(), label=f"keep {field}")
            payload[field] = fields.kept[field] if keep else data.draw(VALUE, label=field)
        for field, value in fields.kept.items():
            payload.setdefault(field, value)
        with transaction.atomic():
            response = client.post(url, payload)
            transaction.set_rollback(True)
        assert response.status_code < 500
        text = response.content.decode(errors="replace")
        assert not any(m in text for m in MARKUP)
        assert not dangling_descriptions(text)

    post_hostile()
