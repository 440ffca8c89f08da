"""Who may do what: every capability of ThiĐua named once.

A capability is a django-rules permission ``thidua.<name>``; its predicate says which roles hold
it and, where it takes an object (a unit, a commune), the scope check. Services refuse with
``require(can(actor, "…"), message)``; views and templates ask the same names:

    from thidua.accounts.permissions import can
    if can(request.user, "manage_ledger"): ...

    {% load permissions %}{% if user|can:"manage_council" %}…{% endif %}

``user.has_perm("thidua.manage_ledger")`` answers the same (``rules`` is an authentication
backend), but ``can`` asks the rule set directly: no query to Django's permission tables.

The roles' sets (``OFFICE`` …) are named here and nowhere else; the access matrix
(``thidua/core/tests/access_matrix.py``) pins what each role reaches through every URL.
"""
from __future__ import annotations

import rules
from django.core.exceptions import PermissionDenied

from .models import Role
from .scoping import can_edit_in, can_see_organisation

# --- The roles' sets ----------------------------------------------------------------------------
OFFICE = frozenset({Role.ADMIN, Role.OFFICER})                 # cán bộ TĐKT and the administrator
FUND_READERS = OFFICE | {Role.CHAIRMAN, Role.AUDITOR}
SCORERS = OFFICE | {Role.COUNCIL}
REPORT_READERS = OFFICE | {Role.CHAIRMAN, Role.COUNCIL, Role.AUDITOR}
SIGNERS = frozenset({Role.CHAIRMAN})                           # Chủ tịch, Phó Chủ tịch UBND


def _role_in(roles: frozenset) -> rules.Predicate:
    @rules.predicate(name=f"role in {sorted(roles)}")
    def check(user) -> bool:
        return bool(getattr(user, "is_authenticated", False)
                    and (user.is_superuser or getattr(user, "role", None) in roles))
    return check


is_office = _role_in(OFFICE)
is_fund_reader = _role_in(FUND_READERS)
is_scorer = _role_in(SCORERS)
is_report_reader = _role_in(REPORT_READERS)


@rules.predicate
def is_signer(user) -> bool:
    """Signs in person: the role, not the administrator's or a superuser's bypass."""
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "role", None) in SIGNERS)


@rules.predicate
def is_administrator(user) -> bool:
    return bool(getattr(user, "is_authenticated", False)
                and (user.is_superuser or getattr(user, "role", None) == Role.ADMIN))


@rules.predicate
def sees(user, organisation) -> bool:
    """The organisation (a unit, a commune) is in the user's scope."""
    return organisation is not None and can_see_organisation(user, organisation)


@rules.predicate
def edits_in(user, organisation) -> bool:
    """The user may edit records of the organisation: its clerk, or the office on its behalf."""
    return organisation is not None and can_edit_in(user, organisation)


# --- The capability table -----------------------------------------------------------------------
# name -> predicate. A capability with an object takes the unit or commune it is exercised in.
CAPABILITIES: dict[str, rules.Predicate] = {
    # the administrator: accounts, the outbox, the rule parameters and award types, the templates
    "administer": is_administrator,
    # awards: the commendation ledger, ratings confirmed by the office, ledger imports (exchange)
    "manage_ledger": is_office,
    # funds: read the emulation fund; keep its books
    "read_funds": is_fund_reader,
    "keep_funds": is_office,
    # public: the exemplars shown on the public site
    "edit_public": is_office,
    # targets: the commune's yearly targets and their actuals
    "manage_targets": is_office,
    # movements (and inspections): movements, registration periods, pacts, criteria sets
    "manage_movements": is_office,
    "score": is_scorer,
    # proposals: process dossiers (check, return, accept, publish), rounds and council terms
    "process_dossiers": is_office,
    "manage_council": is_office,
    "decide": is_signer,                          # sign a commune's decision (object: the commune)
    # documents: the commune's reports (object: the commune); the document templates
    "read_reports": is_report_reader,
    "edit_reports": is_office,
    "edit_templates": is_administrator,
    # exchange: an import batch of someone else
    "manage_imports": is_office,
}
# Capabilities exercised in a unit or commune: the object must also be in the user's scope.
SCOPED = {"decide", "read_reports", "edit_reports", "process_dossiers"}

for _name, _predicate in CAPABILITIES.items():
    rules.add_perm(f"thidua.{_name}", _predicate & sees if _name in SCOPED else _predicate)


def can(user, capability: str, obj=None) -> bool:
    """Whether ``user`` holds ``capability`` (on ``obj``: the unit or commune, for a scoped one)."""
    if capability not in CAPABILITIES:
        raise KeyError(f"unknown capability {capability!r}")
    if capability in SCOPED and obj is None:
        return bool(CAPABILITIES[capability].test(user))
    return rules.has_perm(f"thidua.{capability}", user, obj)


def require(allowed: bool, message: str = "") -> None:
    """Refuse (403 with ``message``) unless ``allowed``."""
    if not allowed:
        raise PermissionDenied(message)
