"""Access scoping: what part of the organisation tree a user may see. Every selector that lists
or fetches domain records filters through these (most import them as ``thidua.accounts.scoping``,
which re-exports this module; they live here, with the tree, so that ``org`` needs nothing from
``accounts`` — a user is read only through her ``unit``, ``role`` and ``is_superuser``)."""
from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet

from .models import Household, Membership, Organisation, Person

ADMIN_ROLE = "admin"  # accounts.models.Role.ADMIN (accounts sits above org: not imported here)


def _sees_everything(user) -> bool:
    return user.is_superuser or (user.role == ADMIN_ROLE and not user.unit_id)


def scope_paths(user) -> list[str]:
    """Tree paths the user may see: her unit's subtree, plus the subtrees of former bodies
    merged into anything in it (a commune inherits its former communes' history; Công an
    xã inherits "Công an xã Chi Lăng Nam (cũ)"). Cached on the user object."""
    cached = getattr(user, "_scope_paths", None)
    if cached is not None:
        return cached
    paths = merged_paths(user.unit) if user.is_authenticated and user.unit_id else []
    user._scope_paths = paths
    return paths


def merged_paths(organisation: Organisation) -> list[str]:
    """The organisation's subtree path and those of the former bodies merged into anything in it
    (a commune's figures for 2021–2024 come from its former communes). Cached on the object."""
    cached = getattr(organisation, "_merged_paths", None)
    if cached is not None:
        return cached
    paths = [organisation.path]
    frontier = [organisation.path]
    while frontier:
        q = Q(pk__in=[])
        for prefix in frontier:
            q |= Q(merged_into__path__startswith=prefix)
        found = [p for p in Organisation.objects.filter(q).values_list("path", flat=True)
                 if not any(p.startswith(known) for known in paths)]
        paths.extend(found)
        frontier = found
    organisation._merged_paths = paths
    return paths


def path_q(paths: list[str], field: str = "path") -> Q:
    """``field`` starts with one of ``paths`` (no paths: nothing)."""
    q = Q(pk__in=[])
    for prefix in paths:
        q |= Q(**{f"{field}__startswith": prefix})
    return q


_path_q = path_q


def visible_organisations(user) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    if _sees_everything(user):
        return Organisation.objects.all()
    return Organisation.objects.filter(_path_q(scope_paths(user)))


def can_see_organisation(user, organisation: Organisation) -> bool:
    if not user.is_authenticated:
        return False
    if _sees_everything(user):
        return True
    return any(organisation.path.startswith(prefix) for prefix in scope_paths(user))


def visible_people(user) -> QuerySet[Person]:
    """People with a membership in a visible unit, or a household in a visible village."""
    if not user.is_authenticated:
        return Person.objects.none()
    if _sees_everything(user):
        return Person.objects.all()
    paths = scope_paths(user)
    if not paths:
        return Person.objects.none()
    # Two indexed subqueries (units by path -> memberships; villages by path -> households),
    # not one OR across two outer joins: that read every person and household of the
    # province (350 ms on a 100-commune database; a few ms this way).
    parts = path_subject_parts(paths)
    return Person.objects.filter(Q(pk__in=parts["members"]) | Q(household_id__in=parts["households"]))


def subject_parts(user) -> dict[str, QuerySet] | None:
    """The visible subjects as separate indexed subqueries of ids (None: the user sees
    everything): ``members`` and ``residents`` (person ids), ``organisations``, ``households``.
    A reader that ORs them over a big table reads all of it; one that UNIONs them (or asks one
    at a time) reads through the indexes."""
    if not user.is_authenticated:
        return {key: Person.objects.none().values("pk") for key in ("members", "residents", "organisations",
                                                                    "households")}
    if _sees_everything(user):
        return None
    return path_subject_parts(scope_paths(user))


def path_subject_parts(paths: list[str]) -> dict[str, QuerySet]:
    """``subject_parts`` of the subtrees at ``paths`` (a user's scope, a commune's reports)."""
    households = Household.objects.filter(_path_q(paths, "village__path")).values("pk")
    return {"members": Membership.objects.filter(_path_q(paths, "organisation__path")).values("person_id"),
            "residents": Person.objects.filter(household_id__in=households).values("pk"),
            "organisations": Organisation.objects.filter(_path_q(paths)).values("pk"),
            "households": households}


def can_see_person(user, person: Person) -> bool:
    return visible_people(user).filter(pk=person.pk).exists()


def can_edit_in(user, organisation: Organisation) -> bool:
    return user.is_authenticated and user.can_manage_records and can_see_organisation(user, organisation)


def province_of(user) -> Organisation | None:
    """The province (city) a user works for at province level: her scope unit is the city
    itself (the province's office, council and chairman). None for a commune's users."""
    if not user.is_authenticated or not user.unit_id:
        return None
    return user.unit if user.unit.kind == Organisation.Kind.CITY else None


def is_province_user(user) -> bool:
    return province_of(user) is not None


def home_commune() -> Organisation | None:
    """The commune this instance serves (settings.THIDUA_HOME_COMMUNE_CODE)."""
    return Organisation.objects.filter(code=settings.THIDUA_HOME_COMMUNE_CODE).first()


_NO_COMMUNE = object()


def commune_of(user) -> Organisation | None:
    """The commune whose work the user does — resolved once per request (cached on the user):

    - a commune's user (officer, council, chairman, auditor, a unit's clerk): the commune of her
      scope unit;
    - the administrator without a unit: the instance's home commune;
    - a province-level user (her scope unit is the city): None — she works across the communes,
      so a commune's page or write names its commune, never a guess;
    - anonymous: None.
    """
    if not getattr(user, "is_authenticated", False):
        return None
    cached = getattr(user, "_thidua_commune", _NO_COMMUNE)
    if cached is not _NO_COMMUNE:
        return cached
    if user.unit_id:
        unit = user.unit
        commune = unit if unit.kind == Organisation.Kind.COMMUNE else unit.commune()
    else:
        commune = home_commune()
    user._thidua_commune = commune
    return commune
