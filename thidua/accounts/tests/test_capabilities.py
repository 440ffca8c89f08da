"""The capability table (thidua.accounts.permissions): each capability named once, asked by
services, views and templates alike; the user's commune resolved once."""
from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from thidua.accounts import scoping
from thidua.accounts.models import Role
from thidua.accounts.permissions import CAPABILITIES, can
from thidua.testing.builder import Builder

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    b = Builder()
    commune = b.commune()
    other = b.commune()
    school = b.unit(commune)
    return {
        "commune": commune, "other": other, "school": school, "province": b.province(),
        "officer": b.user(Role.OFFICER, unit=commune), "clerk": b.user(Role.CLERK, unit=school),
        "chairman": b.user(Role.CHAIRMAN, unit=commune), "council": b.user(Role.COUNCIL, unit=commune),
        "auditor": b.user(Role.AUDITOR, unit=commune), "admin": b.user(Role.ADMIN, unit=commune),
        "province_officer": b.user(Role.OFFICER, unit=b.province()),
    }


def test_the_office_keeps_the_ledger_and_no_one_else_does(world):
    assert can(world["officer"], "manage_ledger") and can(world["admin"], "manage_ledger")
    for name in ("clerk", "chairman", "council", "auditor"):
        assert not can(world[name], "manage_ledger"), name
    assert not can(AnonymousUser(), "manage_ledger")


def test_the_same_capability_answers_through_has_perm(world):
    assert world["officer"].has_perm("thidua.keep_funds")
    assert not world["clerk"].has_perm("thidua.keep_funds")
    assert world["auditor"].has_perm("thidua.read_funds")


def test_a_chairman_signs_only_for_a_commune_in_her_scope(world):
    chairman = world["chairman"]
    assert can(chairman, "decide", world["commune"])
    assert not can(chairman, "decide", world["other"])
    assert not can(world["officer"], "decide", world["commune"])


def test_reports_are_read_only_inside_the_scope(world):
    assert can(world["auditor"], "read_reports", world["commune"])
    assert not can(world["auditor"], "read_reports", world["other"])
    assert not can(world["auditor"], "edit_reports", world["commune"])


def test_an_unknown_capability_is_an_error_not_a_silent_no(world):
    with pytest.raises(KeyError):
        can(world["officer"], "manage_everything")


def test_every_capability_refuses_the_anonymous_visitor():
    for name in CAPABILITIES:
        assert not can(AnonymousUser(), name), name


def test_a_template_asks_the_capability_not_the_role(world):
    template = Template('{% if user|can:"manage_council" %}yes{% else %}no{% endif %}')
    assert template.render(Context({"user": world["officer"]})) == "yes"
    assert template.render(Context({"user": world["council"]})) == "no"


def test_the_commune_of_a_commune_user_is_her_units_commune(world):
    assert scoping.commune_of(world["clerk"]) == world["commune"]
    assert scoping.commune_of(world["officer"]) == world["commune"]


def test_a_province_user_has_no_commune_of_her_own(world):
    assert scoping.commune_of(world["province_officer"]) is None
    assert scoping.commune_of(AnonymousUser()) is None


def test_the_commune_is_resolved_once_per_user_object(world, django_assert_num_queries):
    clerk = world["clerk"]
    scoping.commune_of(clerk)
    with django_assert_num_queries(0):
        assert scoping.commune_of(clerk) == world["commune"]


def test_the_administrator_without_a_unit_works_on_the_home_commune(settings, world):
    settings.THIDUA_HOME_COMMUNE_CODE = world["other"].code
    admin = Builder().user(Role.ADMIN, unit=None)
    assert scoping.commune_of(admin) == world["other"]


def test_a_province_user_is_not_handed_a_commune_to_write_in(world):
    import datetime

    from django.core.exceptions import PermissionDenied

    from thidua.movements import services as movement_services
    from thidua.movements.access import user_commune
    from thidua.movements.models import RegistrationPeriod

    officer = world["province_officer"]
    with pytest.raises(PermissionDenied):
        movement_services.set_registration_period(actor=officer, commune=user_commune(officer), year=2026,
                                                  deadline=datetime.date(2026, 3, 31))
    assert not RegistrationPeriod.objects.filter(commune__isnull=True).exists()
