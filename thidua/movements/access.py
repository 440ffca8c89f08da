"""Who may do what in the movements app, on top of ``thidua.accounts.scoping``.

- managers (admin, officer): movements, registration periods, reminders, pacts, criteria sets;
- scorers (admin, officer, council): review scores with a reason and lock results;
- a unit acts through anyone who may edit in it (``can_edit_in``): its clerk, or the officer
  on its behalf; a clerk only for her own unit's subtree;
- chairman and auditor read.
"""
from __future__ import annotations

from django.conf import settings

from thidua.accounts.models import Role
from thidua.accounts.scoping import can_edit_in
from thidua.org.models import Organisation

MANAGER_ROLES = {Role.ADMIN, Role.OFFICER}
SCORER_ROLES = {Role.ADMIN, Role.OFFICER, Role.COUNCIL}


def can_manage(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in MANAGER_ROLES)


def can_score(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in SCORER_ROLES)


def can_act_for(user, organisation: Organisation) -> bool:
    return can_edit_in(user, organisation)


def is_unit_user(user) -> bool:
    """A user scoped to one unit below the commune (a clerk)."""
    return user.is_authenticated and not user.is_commune_wide and not user.is_superuser


def user_commune(user) -> Organisation | None:
    """The commune whose emulation work the user takes part in."""
    if not user.is_authenticated:
        return None
    cached = getattr(user, "_movements_commune", None)
    if cached is not None:
        return cached
    commune = None
    if user.unit_id:
        unit = user.unit
        commune = unit if unit.kind == Organisation.Kind.COMMUNE else unit.commune()
    if commune is None:
        commune = Organisation.objects.filter(code=settings.THIDUA_HOME_COMMUNE_CODE).first()
    user._movements_commune = commune
    return commune
