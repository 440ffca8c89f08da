"""Reads of the award world, scoped by the user."""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from thidua.core.queries import filter_given
from thidua.core.text import collation_key, given_name_key

from thidua.org.models import Membership, Organisation, Person

from .models import (
    Award, AwardType, Discipline, Initiative, PendingMatter, Rating, RatingSheet, RuleParameter,
)


@dataclass
class TimelineItem:
    year: int
    kind: str       # award / rating / initiative / discipline / pending
    title: str
    detail: str = ""
    amount: int | None = None
    css: str = ""


def person_timeline(*, person: Person) -> list[TimelineItem]:
    """Everything on a person's record, newest first (awards, ratings, initiatives,
    discipline, pending matters)."""
    items: list[TimelineItem] = []
    for a in Award.objects.filter(person=person).select_related("award_type"):
        decision = ", ".join(x for x in [
            f"QĐ số {a.decision_number}" if a.decision_number else "",
            f"ngày {a.decision_date:%d/%m/%Y}" if a.decision_date else "", a.issuer_name] if x)
        label = a.award_type.name + (f" ({a.period_label})" if a.period_label else "")
        items.append(TimelineItem(a.year, "award", label, decision + (" — đã thu hồi" if a.revoked else ""),
                                  a.amount, "revoked" if a.revoked else ""))
    for r in Rating.objects.filter(person=person):
        items.append(TimelineItem(r.year, "rating", f"Xếp loại: {r.get_rating_display()}", r.note))
    for i in Initiative.objects.filter(authors=person):
        detail = ", ".join(x for x in [i.recognised_by, f"QĐ {i.recognition_decision}" if i.recognition_decision else ""] if x)
        items.append(TimelineItem(i.year, "initiative", f"{i.get_kind_display()}: {i.title} — {i.get_scope_display()}", detail))
    for d in Discipline.objects.filter(person=person):
        items.append(TimelineItem(d.start.year, "discipline", f"Kỷ luật: {d.get_form_display()}",
                                  f"{d.start:%d/%m/%Y} – {d.end:%d/%m/%Y}", css="bad"))
    for p in PendingMatter.objects.filter(person=person, closed_on__isnull=True):
        items.append(TimelineItem(p.opened_on.year, "pending", p.get_kind_display(), p.note, css="warn"))
    order = {"award": 0, "initiative": 1, "rating": 2, "discipline": 3, "pending": 4}
    items.sort(key=lambda it: (-it.year, order[it.kind]))
    return items


def unit_history(*, unit: Organisation) -> dict:
    """The unit's collective awards and ratings, and its members' titles per year."""
    awards = list(Award.objects.filter(organisation=unit).select_related("award_type"))
    ratings = {r.year: r for r in Rating.objects.filter(organisation=unit)}
    member_ids = Membership.objects.filter(organisation=unit).values("person_id")
    per_year: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for row in (Award.objects.filter(person_id__in=member_ids, revoked=False)
                .order_by("-year", "person__full_name").values_list("year", "award_type__name", "person__full_name")):
        year, type_name, name = row
        per_year[year][type_name].append(name)
    member_titles = [(year, sorted(titles.items(), key=lambda kv: -len(kv[1])))
                     for year, titles in sorted(per_year.items(), reverse=True)]
    return {"awards": awards, "ratings": sorted(ratings.values(), key=lambda r: -r.year),
            "member_titles": member_titles}


def current_rule_parameters(commune=None):
    from .engine import current_parameters

    return current_parameters(commune)


def catalogue() -> dict:
    params = list(RuleParameter.objects.all())
    return {
        "types": list(AwardType.objects.all()),
        "base_salaries": [p for p in params if p.key.startswith("base_salary.")],
        "parameters": [p for p in params if not p.key.startswith("base_salary.")],
    }


def initiatives(*, user, year: int | None = None) -> QuerySet[Initiative]:
    from thidua.accounts.scoping import visible_people

    qs = Initiative.objects.filter(authors__in=visible_people(user)).distinct()
    if year:
        qs = qs.filter(year=year)
    return qs.select_related("unit", "used_for_award__award_type", "used_for_award__person",
                             "used_for_award__organisation", "used_for_award__household").prefetch_related("authors")


LISTING_ID_LIMIT = 20_000


def award_ids(parts: dict[str, QuerySet], *, limit: int | None = None, **filters) -> list[int] | None:
    """Ids of the awards (with ``filters``) of the subjects in ``parts`` (scoping.subject_parts:
    members, residents, organisations, households), read as one UNION of indexed parts; None
    when there are more than ``limit``. An OR of the four over the award table makes
    PostgreSQL read the whole province's ledger (0.3–0.7 s on 100 communes, ~10 ms this way)."""
    queries = [Award.objects.filter(person_id__in=parts["members"], **filters),
               Award.objects.filter(person_id__in=parts["residents"], **filters),
               Award.objects.filter(organisation_id__in=parts["organisations"], **filters),
               Award.objects.filter(household_id__in=parts["households"], **filters)]
    queries = [q.order_by().values_list("pk", flat=True) for q in queries]
    limit = LISTING_ID_LIMIT if limit is None else limit
    ids = list(queries[0].union(*queries[1:])[:limit + 1])
    return None if len(ids) > limit else sorted(ids)


def ledger_listing(*, user, year: int | None = None, code: str = "") -> QuerySet[Award]:
    """The rows of ``ledger`` for the ledger page: within one commune's scope the award ids come
    first (``award_ids``); a wider scope, or more than LISTING_ID_LIMIT awards, reads ``ledger``."""
    from thidua.accounts.scoping import subject_parts

    parts = subject_parts(user)
    filters = {"year": year} if year else {}
    if code:
        filters["award_type__code"] = code
    ids = award_ids(parts, **filters) if parts is not None else None
    if ids is None:
        return ledger(user=user, year=year, code=code)
    return Award.objects.filter(pk__in=ids).select_related(
        "award_type", "person", "organisation", "household__village").order_by("-year", "-award_type__rank", "pk")


def ledger(*, user, year: int | None = None, code: str = "") -> QuerySet[Award]:
    from thidua.accounts.scoping import visible_organisations, visible_people

    orgs = visible_organisations(user)
    qs = Award.objects.filter(person__in=visible_people(user)) | Award.objects.filter(organisation__in=orgs) \
        | Award.objects.filter(household__village__in=orgs)
    return filter_given(qs, year=year, award_type__code=code).select_related(
        "award_type", "person", "organisation", "household__village").order_by(
        "-year", "-award_type__rank", "pk")


# --- Yearly ratings entered in the pages (the grid of a unit's members) -------------------------

@dataclass(frozen=True)
class RatingRow:
    person: Person
    position: str
    rating: str          # a codes.Rating value, or "" when not rated yet
    note: str


@dataclass(frozen=True)
class RatingGrid:
    unit: Organisation
    year: int
    sheet: "RatingSheet | None"
    unit_rating: str
    rows: list[RatingRow]

    @property
    def state(self) -> str:
        return self.sheet.state if self.sheet else RatingSheet.State.DRAFT

    @property
    def rated(self) -> int:
        return sum(1 for r in self.rows if r.rating)

    @property
    def missing(self) -> list[RatingRow]:
        return [r for r in self.rows if not r.rating]


@dataclass(frozen=True)
class RatingUnitLine:
    unit: Organisation
    members: int
    rated: int
    state: str
    state_label: str


def in_year(memberships: QuerySet[Membership], year: int) -> QuerySet[Membership]:
    """The memberships that cover any part of ``year``."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return memberships.filter(Q(start__isnull=True) | Q(start__lte=last)).filter(Q(end__isnull=True) | Q(end__gte=first))


def year_members(*, unit: Organisation, year: int) -> list[Membership]:
    """The unit's members during ``year`` (any part of it), one line per person, in
    Vietnamese order (given name, then full name)."""
    memberships = in_year(Membership.objects.filter(organisation=unit), year).select_related("person").order_by("-start")
    by_person: dict[int, Membership] = {}
    for m in memberships:
        by_person.setdefault(m.person_id, m)  # the latest position of the year
    return sorted(by_person.values(), key=lambda m: given_name_key(m.person.full_name))


def rating_grid(*, unit: Organisation, year: int) -> RatingGrid:
    """The grid of a unit's members and their ratings of ``year`` (the caller has checked
    that the user sees the unit)."""
    members = year_members(unit=unit, year=year)
    ratings = {r.person_id: r for r in Rating.objects.filter(year=year, person_id__in=[m.person_id for m in members])}
    unit_rating = Rating.objects.filter(year=year, organisation=unit).values_list("rating", flat=True).first()
    rows = [RatingRow(person=m.person, position=m.position,
                      rating=ratings[m.person_id].rating if m.person_id in ratings else "",
                      note=ratings[m.person_id].note if m.person_id in ratings else "")
            for m in members]
    return RatingGrid(unit=unit, year=year, sheet=RatingSheet.objects.filter(organisation=unit, year=year).first(),
                      unit_rating=unit_rating or "", rows=rows)


def rating_units(*, user, year: int) -> list[RatingUnitLine]:
    """The units in the user's scope that have members in ``year``, with how many are rated
    and where their sheet stands; in Vietnamese order."""
    from thidua.accounts.scoping import visible_organisations

    people_by_unit: dict[int, set] = defaultdict(set)
    members = in_year(Membership.objects.filter(organisation__in=visible_organisations(user)), year)
    for org_id, person_id in members.values_list("organisation_id", "person_id"):
        people_by_unit[org_id].add(person_id)
    rated = set(Rating.objects.filter(year=year, person__isnull=False).values_list("person_id", flat=True))
    sheets = {s.organisation_id: s for s in RatingSheet.objects.filter(year=year, organisation_id__in=people_by_unit)}
    lines = []
    for unit in Organisation.objects.filter(pk__in=people_by_unit):
        sheet = sheets.get(unit.pk)
        state = sheet.state if sheet else RatingSheet.State.DRAFT
        lines.append(RatingUnitLine(unit=unit, members=len(people_by_unit[unit.pk]),
                                    rated=len(people_by_unit[unit.pk] & rated), state=state,
                                    state_label=str(RatingSheet.State(state).label)))
    return sorted(lines, key=lambda line: collation_key(line.unit.name))


def year_units(*, person: Person, year: int) -> list[Organisation]:
    """The units a person belonged to during ``year``."""
    return [m.organisation for m in in_year(Membership.objects.filter(person=person), year)
            .select_related("organisation").order_by("-start")]
