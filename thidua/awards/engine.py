"""The bridge between the database and the pure rules engine (``thidua.rules``).

It loads, in a fixed number of queries, everything the engine needs about many subjects
at once, turns it into ``rules.history.Case`` objects, and reads the editable catalogue
(``RuleParameter``) as ``RuleParameters``.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from thidua.org.models import Household, Membership, Organisation, Person
from thidua.rules import codes
from thidua.rules.eligibility import Verdict, evaluate
from thidua.rules.history import (
    Case, Contribution as RContribution, DisciplinePeriod, FormAward, Initiative as RInitiative,
    MembersSummary, SubjectHistory, YearRecord,
)
from thidua.rules.parameters import DEFAULT_PARAMETERS, RuleParameters, parameters_from_rows

from .models import Award, Contribution, Discipline, Initiative, PendingMatter, Rating, RuleParameter



def current_parameters() -> RuleParameters:
    """The rules as edited in the catalogue (defaults for anything not in the table)."""
    rows = list(RuleParameter.objects.values("key", "value_text", "article", "marker", "description"))
    return parameters_from_rows(rows, base=DEFAULT_PARAMETERS) if rows else DEFAULT_PARAMETERS


@dataclass
class _YearData:
    rating: str | None = None
    titles: set = field(default_factory=set)
    forms: list = field(default_factory=list)
    initiatives: list = field(default_factory=list)
    science: list = field(default_factory=list)
    contributions: list = field(default_factory=list)


_RATINGS = {r.value: r for r in codes.Rating}
_TITLES = {t.value: t for t in codes.Title}
_FORMS = {f.value: f for f in codes.RewardForm}
_ROUND_KINDS = {k.value: k for k in codes.RoundKind}
_EMPTY = _YearData()


class _Records:
    """Builds ``YearRecord``s, sharing one object among the many subjects whose year looks
    the same (most staff: a rating, perhaps LĐTT) — fewer objects to build and to collect."""

    def __init__(self):
        self._seen: dict[tuple, YearRecord] = {}

    def __call__(self, by_year: dict[int, _YearData],
                 members: dict[int, MembersSummary] | None = None) -> dict[int, YearRecord]:
        years = sorted(set(by_year) | set(members)) if members else sorted(by_year)
        records = {}
        for y in years:
            d = by_year.get(y) or _EMPTY
            m = members.get(y) if members else None
            key = (y, d.rating, frozenset(d.titles), tuple(d.forms), tuple(d.initiatives), tuple(d.science),
                   m, tuple(d.contributions))
            record = self._seen.get(key)
            if record is None:
                record = self._seen[key] = YearRecord(
                    year=y, rating=_RATINGS[d.rating] if d.rating else None,
                    titles=frozenset(_TITLES[t] for t in d.titles), forms=key[3], initiatives=key[4],
                    science_topics=key[5], members=m, contributions=key[7])
            records[y] = record
        return records


def _add_award(data: dict[int, _YearData], year: int, round_kind: str, code: str) -> None:
    if code in _TITLES:
        data.setdefault(year, _YearData()).titles.add(code)
    elif code in _FORMS:
        data.setdefault(year, _YearData()).forms.append(FormAward(_FORMS[code], _ROUND_KINDS[round_kind]))


AWARD_FIELDS = ("year", "round_kind", "award_type__code")


class HistoryLoader:
    """Loads histories for many subjects with a fixed number of queries."""

    def __init__(self, *, year: int, first_year: int | None = None):
        self.year = year
        self.first_year = first_year or year - 8
        self._records = _Records()

    # -- people ------------------------------------------------------------------------------
    def people(self, people: list[Person], id_query=None) -> dict[int, SubjectHistory]:
        """``id_query`` (a ``values("pk")`` queryset selecting the same people) lets the
        database join instead of Python sending thousands of ids."""
        ids = id_query if id_query is not None else [p.pk for p in people]
        data: dict[int, dict[int, _YearData]] = defaultdict(dict)
        for person_id, year, rating in Rating.objects.filter(person_id__in=ids, year__gte=self.first_year).order_by().values_list(
                "person_id", "year", "rating"):
            data[person_id].setdefault(year, _YearData()).rating = rating
        for person_id, *award in Award.objects.filter(
                person_id__in=ids, year__gte=self.first_year, revoked=False).order_by().values_list("person_id", *AWARD_FIELDS):
            _add_award(data[person_id], *award)
        through = Initiative.authors.through
        for link in through.objects.filter(person_id__in=ids, initiative__year__gte=self.first_year).values(
                "person_id", "initiative_id", "initiative__scope", "initiative__used_for_award_id",
                "initiative__year", "initiative__kind"):
            used = link["initiative__used_for_award_id"]
            item = RInitiative(id=f"SK-{link['initiative_id']}", scope=codes.Scope(link["initiative__scope"]),
                               used_for=f"award-{used}" if used else None)
            yd = data[link["person_id"]].setdefault(link["initiative__year"], _YearData())
            (yd.science if link["initiative__kind"] == Initiative.Kind.SCIENCE else yd.initiatives).append(item)
        discipline: dict[int, list] = defaultdict(list)
        for d in Discipline.objects.filter(person_id__in=ids):
            discipline[d.person_id].append(DisciplinePeriod(codes.DisciplineForm(d.form), d.start, d.end))
        pending = self._pending("person_id", ids)
        return {p.pk: SubjectHistory(
            kind=codes.SubjectKind.INDIVIDUAL, category=codes.Category(p.category),
            years=self._records(data.get(p.pk, {})),
            pending=frozenset(pending.get(p.pk, ())), discipline=tuple(discipline.get(p.pk, ())),
        ) for p in people}

    def _pending(self, field_name: str, ids) -> dict[int, set]:
        today = datetime.date.today()
        result: dict[int, set] = defaultdict(set)
        for m in PendingMatter.objects.filter(**{f"{field_name}__in": ids}).filter(
                Q(closed_on__isnull=True) | Q(closed_on__gt=today)).values(field_name, "kind"):
            result[m[field_name]].add(codes.PendingMatter(m["kind"]))
        return result

    # -- collectives -------------------------------------------------------------------------
    def collectives(self, units: list[Organisation],
                    projected_titles: dict[tuple[int, int], set[str]] | None = None) -> dict[int, SubjectHistory]:
        """``projected_titles`` adds, per (person, year), titles the member qualifies for in
        the round being judged, so that "≥ 70 % LĐTT" counts them."""
        ids = [u.pk for u in units]
        data: dict[int, dict[int, _YearData]] = defaultdict(dict)
        for org_id, year, rating in Rating.objects.filter(organisation_id__in=ids, year__gte=self.first_year).order_by().values_list(
                "organisation_id", "year", "rating"):
            data[org_id].setdefault(year, _YearData()).rating = rating
        for org_id, *award in Award.objects.filter(
                organisation_id__in=ids, year__gte=self.first_year, revoked=False).order_by().values_list(
                "organisation_id", *AWARD_FIELDS):
            _add_award(data[org_id], *award)
        members = self._members_summaries(ids, projected_titles or {})
        pending = self._pending("organisation_id", ids)
        return {u.pk: SubjectHistory(
            kind=codes.SubjectKind.COLLECTIVE,
            years=self._records(data.get(u.pk, {}), members.get(u.pk)),
            pending=frozenset(pending.get(u.pk, ())),
        ) for u in units}

    def _members_summaries(self, unit_ids: list[int],
                           projected: dict[tuple[int, int], set[str]]) -> dict[int, dict[int, MembersSummary]]:
        """Per unit and year: members, LĐTT/CSTT holders, those completing their tasks,
        CSTĐ cơ sở holders and those disciplined at Cảnh cáo or above."""
        years = range(self.first_year, self.year + 1)
        memberships = list(Membership.objects.filter(organisation_id__in=unit_ids).values(
            "organisation_id", "person_id", "start", "end"))
        person_ids = Membership.objects.filter(organisation_id__in=unit_ids).values("person_id")
        ratings = {(r["person_id"], r["year"]): r["rating"] for r in Rating.objects.filter(
            person_id__in=person_ids, year__gte=self.first_year).order_by().values("person_id", "year", "rating")}
        titles: dict[tuple[int, int], set] = defaultdict(set)
        for a in Award.objects.filter(person_id__in=person_ids, year__gte=self.first_year, revoked=False,
                                      award_type__code__in=["LDTT", "CSTT", "CSTD_CO_SO"]).order_by().values(
                "person_id", "year", "award_type__code"):
            titles[(a["person_id"], a["year"])].add(a["award_type__code"])
        for key, extra in projected.items():
            titles[key] |= extra
        serious = [f.value for f in codes.DisciplineForm if f.at_least(codes.DisciplineForm.CANH_CAO)]
        disciplined = defaultdict(set)
        for d in Discipline.objects.filter(person_id__in=person_ids, form__in=serious).values("person_id", "start", "end"):
            for y in years:
                if d["start"].year <= y <= d["end"].year:
                    disciplined[y].add(d["person_id"])
        result: dict[int, dict[int, MembersSummary]] = defaultdict(dict)
        by_unit: dict[int, list] = defaultdict(list)
        for m in memberships:
            by_unit[m["organisation_id"]].append(m)
        for unit_id, ms in by_unit.items():
            for y in years:
                start_y, end_y = datetime.date(y, 1, 1), datetime.date(y, 12, 31)
                people = {m["person_id"] for m in ms
                          if (m["start"] is None or m["start"] <= end_y) and (m["end"] is None or m["end"] >= start_y)}
                rated = [p for p in people if (p, y) in ratings]
                if not rated:
                    continue  # nothing recorded for that year: leave members unknown
                result[unit_id][y] = MembersSummary(
                    total=len(people),
                    ldtt=sum(1 for p in people if titles[(p, y)] & {"LDTT", "CSTT"}),
                    completed=sum(1 for p in rated if ratings[(p, y)] != "KHTNV"),
                    cstd_co_so=sum(1 for p in people if "CSTD_CO_SO" in titles[(p, y)]),
                    disciplined_canh_cao_or_above=len(people & disciplined[y]),
                )
        return result

    # -- households --------------------------------------------------------------------------
    def households(self, households: list[Household]) -> dict[int, SubjectHistory]:
        ids = [h.pk for h in households]
        data: dict[int, dict[int, _YearData]] = defaultdict(dict)
        for household_id, *award in Award.objects.filter(
                household_id__in=ids, year__gte=self.first_year, revoked=False).order_by().values_list(
                "household_id", *AWARD_FIELDS):
            _add_award(data[household_id], *award)
        for c in Contribution.objects.filter(household_id__in=ids, year__gte=self.first_year):
            data[c.household_id].setdefault(c.year, _YearData()).contributions.append(
                RContribution(codes.ContributionKind(c.kind), c.description,
                              used_for=f"award-{c.used_for_award_id}" if c.used_for_award_id else None))
        return {h.pk: SubjectHistory(kind=codes.SubjectKind.HOUSEHOLD,
                                     years=self._records(data.get(h.pk, {})))
                for h in households}


_AWARD_CODES = {**_FORMS, **_TITLES}


def judge(history: SubjectHistory, *, target: str, year: int, params: RuleParameters,
          decision_date: datetime.date | None = None, case_id: str = "") -> Verdict:
    case = Case(id=case_id, target=_AWARD_CODES.get(target) or codes.parse_award_code(target), year=year,
                history=history,
                decision_date=decision_date)
    return evaluate(case, params)
