"""Who may do what in the movements app, on top of ``thidua.accounts.scoping``.

- managers (admin, officer): movements, registration periods, reminders, pacts, criteria sets;
- scorers (admin, officer, council): review scores with a reason and lock results;
- a unit acts through anyone who may edit in it (``can_edit_in``): its clerk, or the officer
  on its behalf; a clerk only for her own unit's subtree;
- chairman and auditor read.
"""
from __future__ import annotations

from thidua.accounts.permissions import can
from thidua.accounts.scoping import can_edit_in
from thidua.accounts.scoping import commune_of as user_commune  # noqa: F401 — the commune, resolved once
from thidua.org.models import Organisation


def can_manage(user) -> bool:
    return can(user, "manage_movements")


def can_score(user) -> bool:
    return can(user, "score")


def can_act_for(user, organisation: Organisation) -> bool:
    return can_edit_in(user, organisation)


def is_unit_user(user) -> bool:
    """A user scoped to one unit below the commune (a clerk)."""
    return user.is_authenticated and not user.is_commune_wide and not user.is_superuser
