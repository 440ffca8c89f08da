"""Reads of the exchange app, always scoped by the user (thidua.accounts.scoping)."""
from __future__ import annotations

from django.db.models import IntegerField, Prefetch, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.http import Http404

from thidua.accounts.permissions import can
from thidua.accounts.scoping import visible_organisations, visible_people
from thidua.core.queries import filter_given
from thidua.core.text import collation_key, given_name_key, search_key
from thidua.org.models import Membership, Organisation, Person

from .models import ApiToken, ImportBatch


def import_batches(*, user) -> QuerySet[ImportBatch]:
    if not user.is_authenticated:
        return ImportBatch.objects.none()
    qs = ImportBatch.objects.select_related("created_by")
    if can(user, "manage_imports"):
        return qs
    return qs.filter(created_by=user)


def batch_listing(*, user) -> QuerySet[ImportBatch]:
    """Batches for a list page: the rows and the summary stay in the database (a batch can hold
    50 000 rows); the row count is read from the summary by the database."""
    return import_batches(user=user).defer("rows", "summary").annotate(
        row_total=Cast(KT("summary__total"), IntegerField()))


def get_batch(*, user, pk: int) -> ImportBatch:
    batch = import_batches(user=user).filter(pk=pk).first()
    if batch is None:
        raise Http404("Không tìm thấy lô nhập.")
    return batch


def api_tokens(*, user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user) if user.is_authenticated else ApiToken.objects.none()


def _filter_terms(qs, query: str):
    for term in search_key(query).split():
        qs = qs.filter(search_key__contains=term)
    return qs


def units(*, user, query: str = "", kind: str = "") -> list[int]:
    """Ids of visible units in Vietnamese alphabetical order."""
    qs = visible_organisations(user)
    if query:
        qs = _filter_terms(qs, query)
    if kind:
        qs = qs.filter(kind=kind)
    rows = list(qs.values_list("pk", "name"))
    rows.sort(key=lambda r: collation_key(r[1]))
    return [pk for pk, _name in rows]


def units_by_ids(ids: list[int]) -> list[Organisation]:
    by_id = Organisation.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def get_unit(*, user, pk: int) -> Organisation:
    org = visible_organisations(user).filter(pk=pk).first()
    if org is None:
        raise Http404("Không tìm thấy đơn vị.")
    return org


def people(*, user, query: str = "", unit: int | None = None) -> list[int]:
    """Ids of visible people, by given name then full name in Vietnamese order."""
    qs = visible_people(user)
    if query:
        qs = _filter_terms(qs, query)
    if unit:
        qs = qs.filter(memberships__organisation__path__startswith=get_unit(user=user, pk=unit).path).distinct()
    rows = list(qs.values_list("pk", "full_name"))
    rows.sort(key=lambda r: given_name_key(r[1]))
    return [pk for pk, _name in rows]


def people_by_ids(ids: list[int]) -> list[Person]:
    by_id = Person.objects.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("organisation"))).in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


def get_person(*, user, pk: int) -> Person:
    person = visible_people(user).filter(pk=pk).prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("organisation"))).first()
    if person is None:
        raise Http404("Không tìm thấy cá nhân.")
    return person


def awards(*, user, year: int | None = None, code: str = "", person: int | None = None,
           unit: int | None = None):
    from thidua.awards.selectors import ledger

    qs = filter_given(ledger(user=user, year=year, code=code), person_id=person, organisation_id=unit)
    return qs.select_related("award_type", "person", "organisation", "household__village")


def sorted_award_rows(queryset) -> list[dict]:
    """Ledger rows (plain values), newest year first, then the subject's name in Vietnamese order."""
    from .exports import award_values

    rows = award_values(queryset)
    keys: dict[str, bytes] = {}
    for row in rows:
        name = row["subject_name"] or ""
        if name not in keys:
            keys[name] = collation_key(name)
    rows.sort(key=lambda r: (-r["year"], keys[r["subject_name"] or ""], r["pk"]))
    return rows


def get_award_row(*, user, pk: int) -> dict:
    from .exports import award_values

    rows = award_values(awards(user=user).filter(pk=pk))
    if not rows:
        raise Http404("Không tìm thấy khen thưởng.")
    return rows[0]


def get_award(*, user, pk: int):
    award = awards(user=user).filter(pk=pk).first()
    if award is None:
        raise Http404("Không tìm thấy khen thưởng.")
    return award


def ratings(*, user, year: int | None = None, person: int | None = None, unit: int | None = None):
    from thidua.awards.models import Rating

    qs = Rating.objects.filter(person__in=visible_people(user)) | Rating.objects.filter(
        organisation__in=visible_organisations(user))
    return filter_given(qs, year=year, person_id=person, organisation_id=unit).select_related("person", "organisation")
