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

from thidua.core.registry import Registry
from thidua.core.text import given_name_key
from thidua.org.models import Household, Membership, Organisation, Person
from thidua.rules import codes
from thidua.rules.council import council_rule_text
from thidua.rules.eligibility import Verdict, evaluate
from thidua.rules.history import (
    Case, Contribution as RContribution, DisciplinePeriod, FormAward, Initiative as RInitiative,
    MembersSummary, SubjectHistory, YearRecord,
)
from thidua.rules.parameters import DEFAULT_PARAMETERS, RuleParameters, parameters_from_rows

from .models import Award, AwardSummary, Contribution, Discipline, Initiative, PendingMatter, Rating, RuleParameter
from .regulation import CouncilRule, citations



def today() -> datetime.date:
    """The day the pending matters are judged on: a matter is pending until its ``closed_on``
    (a future date stays pending until that day). One function, so a stored verdict's
    ``valid_until`` is compared with the same day its judgement used."""
    return datetime.date.today()


def current_parameters(commune: Organisation | None = None, *, cite_province: bool = True) -> RuleParameters:
    """The rules as edited in the catalogue (defaults for anything not in the table), citing
    the province's regulation where the administrator entered it (``regulation``; one query
    more — ``cite_province=False`` for a caller that only reads numbers)."""
    rows = list(RuleParameter.objects.values("key", "value_text", "article", "marker", "description"))
    params = parameters_from_rows(rows, base=DEFAULT_PARAMETERS) if rows else DEFAULT_PARAMETERS
    if not cite_province:
        return params
    entered = citations(commune)
    return params.with_citations(entered) if entered else params


def council_rule_for(commune: Organisation | None = None, params=None) -> CouncilRule:
    """The council's vote rule as applied to ``commune``'s nominations, with its citation."""
    params = params or current_parameters(commune)
    return CouncilRule(params.council_vote_rule, council_rule_text(params), params.council_vote_article)


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


def _year(data: dict[int, _YearData], year: int) -> _YearData:
    """The year's data, made on first use (``setdefault`` would build one for every row)."""
    found = data.get(year)
    if found is None:
        found = data[year] = _YearData()
    return found


def _add_award(data: dict[int, _YearData], year: int, round_kind: str, code: str) -> None:
    if code in _TITLES:
        _year(data, year).titles.add(code)
    elif code in _FORMS:
        _year(data, year).forms.append(FormAward(_FORMS[code], _ROUND_KINDS[round_kind]))


ATTAINED_CODES = ("LDTT", "CSTT", "CSTD_CO_SO")  # members' titles a collective's shares count


class _NominationSources(Registry):
    """Where the nominations of a round come from: a higher app (proposals) registers a source
    in its ``AppConfig.ready()``; ``source(*, year, person_ids, round_id) -> {person id: {codes}}``.
    Without one (the awards app alone), nobody counts as nominated."""

    def __call__(self, *, year: int, person_ids, round_id: int | None = None) -> dict[int, set[str]]:
        found: dict[int, set[str]] = defaultdict(set)
        for source in self.providers:
            for person_id, found_codes in source(year=year, person_ids=person_ids, round_id=round_id).items():
                found[person_id] |= set(found_codes)
        return found


same_round_nominations = _NominationSources()


def used_for_text(award_name: str, year: int, decision_number: str = "") -> str:
    """The award an initiative or contribution already grounded, as a check names it:
    "Chiến sĩ thi đua cơ sở năm 2024 (Quyết định số 12/QĐ-UBND)"."""
    return f"{award_name} năm {year}" + (f" (Quyết định số {decision_number})" if decision_number else "")


def _names(person_ids: list[int], names: dict[int, str]) -> tuple[str, ...]:
    """The people's names in Vietnamese order (given name first, as lists of staff are read)."""
    return tuple(sorted((names.get(p, "") for p in person_ids), key=given_name_key))


ID_LIST_LIMIT = 5000  # ids sent as a list up to this many (well below the databases' parameter limits)
AWARD_FIELDS = ("year", "round_kind", "award_type__code")


def _not_fresh(person_ids_query) -> Q:
    """A filter on ``person_id`` for the rows of people whose stored summary cannot be used
    (stale or missing: ``awards.summaries``)."""
    return Q(person_id__in=person_ids_query) & ~Q(
        person_id__in=AwardSummary.objects.filter(stale=False).values("person_id"))


class HistoryLoader:
    """Loads histories for many subjects with a fixed number of queries."""

    def __init__(self, *, year: int, first_year: int | None = None):
        self.year = year
        self.first_year = first_year or year - 8
        self._records = _Records()
        self._decoded: dict[str, dict[int, YearRecord]] = {}
        self.pending = 0  # people whose summary waits for its refresh (``people(summaries=True)``)
        self.today = today()
        # {"person_id" / "organisation_id": {subject id: date}}: the earliest day a matter
        # judged pending closes (``closed_on`` in the future) — the judgement changes that day.
        self.changes_on: dict[str, dict[int, datetime.date]] = defaultdict(dict)

    # -- people ------------------------------------------------------------------------------
    def people(self, people: list[Person], id_query=None, *, summaries: bool = False) -> dict[int, SubjectHistory]:
        """``id_query`` (a ``values("pk")`` queryset selecting the same people) lets the
        database join instead of Python sending thousands of ids. ``summaries``: read ratings
        and awards from the people's stored summaries (``awards.summaries``) where they are
        up to date, from the ledger for the others (``self.pending``: how many of those wait
        for their refresh)."""
        ids = id_query if id_query is not None else [p.pk for p in people]
        data: dict[int, dict[int, _YearData]] = defaultdict(dict)
        encoded: dict[int, str] = {}
        ledger_filter = Q(person_id__in=ids)
        if summaries:
            stale = set()
            for person_id, is_stale, years in AwardSummary.objects.filter(person_id__in=ids).order_by().values_list(
                    "person_id", "stale", "years"):
                if is_stale:
                    stale.add(person_id)
                else:
                    encoded[person_id] = years
            self.pending = len(stale)
            missing = [p.pk for p in people if p.pk not in encoded]
            ledger_filter = Q(person_id__in=missing) if len(missing) <= ID_LIST_LIMIT else _not_fresh(ids)
            if not missing:
                ledger_filter = None
        if ledger_filter is not None:
            for person_id, year, rating in Rating.objects.filter(ledger_filter, year__gte=self.first_year).order_by().values_list(
                    "person_id", "year", "rating"):
                _year(data[person_id], year).rating = rating
            for person_id, *award in Award.objects.filter(
                    ledger_filter, year__gte=self.first_year, revoked=False).order_by().values_list("person_id", *AWARD_FIELDS):
                _add_award(data[person_id], *award)
        through = Initiative.authors.through
        used = "initiative__used_for_award__"
        for link in through.objects.filter(person_id__in=ids, initiative__year__gte=self.first_year).values(
                "person_id", "initiative_id", "initiative__scope", "initiative__used_for_award_id",
                "initiative__year", "initiative__kind", f"{used}award_type__name", f"{used}year",
                f"{used}decision_number"):
            item = RInitiative(id=f"SK-{link['initiative_id']}", scope=codes.Scope(link["initiative__scope"]),
                               used_for=used_for_text(link[f"{used}award_type__name"], link[f"{used}year"],
                                                      link[f"{used}decision_number"])
                               if link["initiative__used_for_award_id"] else None)
            yd = _year(data[link["person_id"]], link["initiative__year"])
            (yd.science if link["initiative__kind"] == Initiative.Kind.SCIENCE else yd.initiatives).append(item)
        discipline: dict[int, list] = defaultdict(list)
        for d in Discipline.objects.filter(person_id__in=ids):
            discipline[d.person_id].append(DisciplinePeriod(codes.DisciplineForm(d.form), d.start, d.end))
        pending = self._pending("person_id", ids)
        return {p.pk: SubjectHistory(
            kind=codes.SubjectKind.INDIVIDUAL, category=codes.Category(p.category),
            years=self._summary_records(encoded[p.pk], data.get(p.pk)) if p.pk in encoded
            else self._records(data.get(p.pk, {})),
            pending=frozenset(pending.get(p.pk, ())), discipline=tuple(discipline.get(p.pk, ())),
        ) for p in people}

    def _summary_records(self, encoded: str, extra: dict[int, _YearData] | None) -> dict[int, YearRecord]:
        """The year records of a stored summary (``summaries.encode``), with ``extra`` (the
        person's initiatives, read from the ledger) merged in; one build per distinct summary."""
        if extra is None:
            found = self._decoded.get(encoded)
            if found is None:
                found = self._decoded[encoded] = self._records(self._parse(encoded))
            return found
        data = self._parse(encoded)
        for year, more in extra.items():
            d = _year(data, year)
            d.initiatives.extend(more.initiatives)
            d.science.extend(more.science)
        return self._records(data)

    def _parse(self, encoded: str) -> dict[int, _YearData]:
        data: dict[int, _YearData] = {}
        if not encoded:
            return data
        first = self.first_year
        for segment in encoded.split(";"):
            year, rating, titles, forms = segment.split("|")
            year = int(year)
            if year < first:
                continue
            d = data[year] = _YearData(rating=rating or None)
            if titles:
                d.titles.update(titles.split(","))
            if forms:
                for form in forms.split(","):
                    code, round_kind = form.split("/")
                    d.forms.append(FormAward(_FORMS[code], _ROUND_KINDS[round_kind]))
        return data

    def _pending(self, field_name: str, ids) -> dict[int, set]:
        result: dict[int, set] = defaultdict(set)
        changes_on = self.changes_on[field_name]
        for subject_id, kind, closed_on in PendingMatter.objects.filter(**{f"{field_name}__in": ids}).filter(
                Q(closed_on__isnull=True) | Q(closed_on__gt=self.today)).values_list(field_name, "kind", "closed_on"):
            result[subject_id].add(codes.PendingMatter(kind))
            if closed_on is not None and (subject_id not in changes_on or closed_on < changes_on[subject_id]):
                changes_on[subject_id] = closed_on
        return result

    # -- collectives -------------------------------------------------------------------------
    def collectives(self, units: list[Organisation], *, round_id: int | None = None) -> dict[int, SubjectHistory]:
        """Collectives' histories. The members counted as attaining LĐTT/CSTT and CSTĐ cơ sở in
        the judged year are those awarded it that year or nominated for it in the same round
        (Luật Điều 27–28: "đạt danh hiệu"): ``same_round_nominations`` answers the nominations —
        of round ``round_id`` when given, else of any round of the year."""
        ids = [u.pk for u in units]
        data: dict[int, dict[int, _YearData]] = defaultdict(dict)
        for org_id, year, rating in Rating.objects.filter(organisation_id__in=ids, year__gte=self.first_year).order_by().values_list(
                "organisation_id", "year", "rating"):
            _year(data[org_id], year).rating = rating
        for org_id, *award in Award.objects.filter(
                organisation_id__in=ids, year__gte=self.first_year, revoked=False).order_by().values_list(
                "organisation_id", *AWARD_FIELDS):
            _add_award(data[org_id], *award)
        members = self._members_summaries(ids, round_id=round_id)
        pending = self._pending("organisation_id", ids)
        return {u.pk: SubjectHistory(
            kind=codes.SubjectKind.COLLECTIVE,
            years=self._records(data.get(u.pk, {}), members.get(u.pk)),
            pending=frozenset(pending.get(u.pk, ())),
        ) for u in units}

    def _members_summaries(self, unit_ids: list[int], *, round_id: int | None = None) -> dict[int, dict[int, MembersSummary]]:
        """Per unit, for the judged year (the only year whose members' shares the rules read:
        ``rules.eligibility._share_check``): members, those attaining LĐTT/CSTT and CSTĐ cơ sở
        (awarded, or nominated in the same round — by name), those completing their tasks and
        those disciplined at Cảnh cáo or above."""
        y = self.year
        start_y, end_y = datetime.date(y, 1, 1), datetime.date(y, 12, 31)
        in_year = (Membership.objects.filter(organisation_id__in=unit_ids)
                   .exclude(start__gt=end_y).exclude(end__lt=start_y).order_by())
        members: dict[int, set[int]] = defaultdict(set)
        names: dict[int, str] = {}
        for unit_id, person_id, name in in_year.values_list("organisation_id", "person_id", "person__full_name"):
            members[unit_id].add(person_id)
            names[person_id] = name
        everyone = set().union(*members.values()) if members else set()
        # A list the planner can count while a scope is a commune; a subquery for a province.
        person_ids = sorted(everyone) if len(everyone) <= ID_LIST_LIMIT else in_year.values("person_id")
        ratings = dict(Rating.objects.filter(person_id__in=person_ids, year=y).order_by().values_list(
            "person_id", "rating"))
        titles: dict[int, set] = defaultdict(set)
        for person_id, code in Award.objects.filter(
                person_id__in=person_ids, year=y, revoked=False,
                award_type__code__in=ATTAINED_CODES).order_by().values_list(
                "person_id", "award_type__code"):
            titles[person_id].add(code)
        for person_id, nominated in same_round_nominations(year=y, person_ids=person_ids, round_id=round_id).items():
            titles[person_id] |= nominated & set(ATTAINED_CODES)
        serious = [f.value for f in codes.DisciplineForm if f.at_least(codes.DisciplineForm.CANH_CAO)]
        disciplined = set(Discipline.objects.filter(
            person_id__in=person_ids, form__in=serious, start__lte=end_y, end__gte=start_y).order_by().values_list(
            "person_id", flat=True))
        result: dict[int, dict[int, MembersSummary]] = defaultdict(dict)
        for unit_id, people in members.items():
            rated = [p for p in people if p in ratings]
            if not rated:
                continue  # nothing recorded for that year: leave members unknown
            ldtt = _names([p for p in people if titles[p] & {"LDTT", "CSTT"}], names)
            cstd = _names([p for p in people if "CSTD_CO_SO" in titles[p]], names)
            result[unit_id][y] = MembersSummary(
                total=len(people), ldtt=len(ldtt), completed=sum(1 for p in rated if ratings[p] != "KHTNV"),
                cstd_co_so=len(cstd), disciplined_canh_cao_or_above=len(people & disciplined),
                ldtt_names=ldtt, cstd_co_so_names=cstd)
        return result

    # -- households --------------------------------------------------------------------------
    def households(self, households: list[Household]) -> dict[int, SubjectHistory]:
        ids = [h.pk for h in households]
        data: dict[int, dict[int, _YearData]] = defaultdict(dict)
        for household_id, *award in Award.objects.filter(
                household_id__in=ids, year__gte=self.first_year, revoked=False).order_by().values_list(
                "household_id", *AWARD_FIELDS):
            _add_award(data[household_id], *award)
        for c in Contribution.objects.filter(household_id__in=ids, year__gte=self.first_year).select_related(
                "used_for_award__award_type"):
            award = c.used_for_award
            _year(data[c.household_id], c.year).contributions.append(
                RContribution(codes.ContributionKind(c.kind), c.description,
                              used_for=used_for_text(award.award_type.name, award.year, award.decision_number)
                              if award else None))
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
