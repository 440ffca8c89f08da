"""Who may do what with the city's clusters of communes.

- the province's officers (a user whose scope unit is the city: ``province_of``) create
  clusters, open a year with its member communes, rotate the leader, write the pact and the
  criteria;
- the leader commune's officer (cụm trưởng) enters each member commune's scores with evidence,
  locks them and records the cluster's proposal of the city's awards;
- a commune's users see only the clusters their commune belongs to.
"""
from __future__ import annotations

from thidua.accounts.models import Role
from thidua.accounts.scoping import province_of
from thidua.org.models import Organisation

OFFICE_ROLES = {Role.OFFICER, Role.ADMIN}


def city_of(user) -> Organisation | None:
    return province_of(user)


def can_manage_clusters(user) -> bool:
    return user.is_authenticated and user.role in OFFICE_ROLES and province_of(user) is not None


def commune_of(user) -> Organisation | None:
    """The commune a commune-level user works in (None for the province's users)."""
    if not user.is_authenticated or not user.unit_id:
        return None
    unit = user.unit
    return unit if unit.kind == Organisation.Kind.COMMUNE else unit.commune()


def is_leader_officer(user, cluster_year) -> bool:
    """The officer of the commune that leads the cluster this year."""
    return (user.is_authenticated and user.role in OFFICE_ROLES and cluster_year.leader_id is not None
            and user.unit_id == cluster_year.leader_id)
