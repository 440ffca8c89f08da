"""Reads of the organisation world, always scoped by the user."""
from __future__ import annotations

import datetime

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from thidua.org.scoping import can_see_organisation, visible_organisations, visible_people
from thidua.core.text import collation_key, given_name_key, search_key

from .models import Membership, Organisation, Person


def free_code(base: str) -> str:
    """The first organisation code not yet taken: ``base``, else ``base-2``, ``base-3`` …"""
    code, n = base, 1
    while Organisation.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


def organisation_tree(*, user, include_former: bool = True) -> list[tuple[Organisation, int]]:
    """Visible organisations in tree order with their depth, siblings in Vietnamese order."""
    orgs = list(visible_organisations(user))
    if not include_former:
        today = datetime.date.today()
        orgs = [o for o in orgs if o.valid_until is None or o.valid_until >= today]
    by_parent: dict[int | None, list[Organisation]] = {}
    ids = {o.pk for o in orgs}
    for org in orgs:
        parent = org.parent_id if org.parent_id in ids else None
        by_parent.setdefault(parent, []).append(org)
    for children in by_parent.values():
        children.sort(key=lambda o: (o.valid_until is not None, _kind_rank(o), collation_key(o.name)))
    result: list[tuple[Organisation, int]] = []

    def walk(parent_id, depth):
        for org in by_parent.get(parent_id, []):
            result.append((org, depth))
            walk(org.pk, depth + 1)

    walk(None, 0)
    return result


_KIND_ORDER = [k.value for k in Organisation.Kind]


def _kind_rank(org: Organisation) -> int:
    return _KIND_ORDER.index(org.kind)


def get_organisation(*, user, pk: int) -> Organisation:
    org = Organisation.objects.select_related("parent", "merged_into").filter(pk=pk).first()
    if org is None or not can_see_organisation(user, org):
        raise Http404("Không tìm thấy đơn vị.")
    return org


def unit_members(*, organisation: Organisation, day: datetime.date | None = None) -> list[Membership]:
    memberships = list(
        Membership.objects.filter(Membership.current_q(day), organisation=organisation)
        .select_related("person"))
    memberships.sort(key=lambda m: given_name_key(m.person.full_name))
    return memberships


def get_person(*, user, pk: int) -> Person:
    person = (visible_people(user).filter(pk=pk).select_related("household__village")
              .prefetch_related(Prefetch("memberships",
                                         queryset=Membership.objects.select_related("organisation")))
              .first())
    if person is None:
        raise Http404("Không tìm thấy cá nhân.")
    return person


def search(*, user, query: str, limit: int = 50) -> dict:
    """People and units whose names contain every word of the query, with or without
    diacritics ("nguyen thi mai" finds "Nguyễn Thị Mai")."""
    terms = search_key(query).split()
    if not terms:
        return {"people": [], "organisations": [], "query": query}
    people: QuerySet[Person] = visible_people(user)
    orgs: QuerySet[Organisation] = visible_organisations(user)
    for term in terms:
        people = people.filter(search_key__contains=term)
        orgs = orgs.filter(search_key__contains=term)
    people_list = list(people.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("organisation")))[:limit])
    people_list.sort(key=lambda p: given_name_key(p.full_name))
    org_list = sorted(orgs[:limit], key=lambda o: collation_key(o.name))
    return {"people": people_list, "organisations": org_list, "query": query}
