"""Candidate lists ("Đủ điều kiện"): for a scope and a year, who qualifies for each title
or form, who is one condition short (and which), and why the others do not.

Targets are judged in the order of a real year-end round: a title a person qualifies for this
year feeds the later ones (CSTĐ cơ sở feeds the chain of CSTĐ cấp tỉnh). CSTĐ cơ sở itself
asks the LĐTT *standard* of the year (Luật Điều 23 khoản 1), judged by the engine. A unit's
share of LĐTT counts its members who *attain* it — awarded that year or nominated in the same
round (Luật Điều 27–28) — never those who merely qualify.
"""
from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field


from thidua.accounts.scoping import visible_organisations
from thidua.core.perf import gc_paused
from thidua.core.text import collation_key, given_name_key
from thidua.org.models import Household, Membership, Organisation, Person
from thidua.rules import codes
from thidua.rules.eligibility import Verdict
from thidua.rules.history import SubjectHistory

from .engine import ID_LIST_LIMIT, HistoryLoader, current_parameters, judge

PERSON_TARGETS = ["LDTT", "CSTD_CO_SO", "CSTD_TINH", "BANG_KHEN_TINH", "GIAY_KHEN_XA"]
CITIZEN_TARGETS = ["GIAY_KHEN_XA", "BANG_KHEN_TINH"]
COLLECTIVE_TARGETS = ["TTLDTT", "TTLDXS", "BANG_KHEN_TINH", "GIAY_KHEN_XA"]
ARMED_COLLECTIVE = {"TTLDTT": "DVTT", "TTLDXS": "DVQT"}
HOUSEHOLD_TARGETS = ["GIAY_KHEN_XA", "BANG_KHEN_TINH"]
ALL_TARGETS = ["LDTT", "CSTT", "CSTD_CO_SO", "CSTD_TINH", "TTLDTT", "DVTT", "TTLDXS", "DVQT",
               "BANG_KHEN_TINH", "GIAY_KHEN_XA"]
CITIZEN_CATEGORIES = {Person.Category.NHAN_DAN, Person.Category.DOANH_NHAN}
NON_COLLECTIVE_KINDS = {Organisation.Kind.CITY, Organisation.Kind.DISTRICT, Organisation.Kind.COMMUNE,
                        Organisation.Kind.VILLAGE, Organisation.Kind.OTHER_BODY}


class Candidate:
    """A subject in a list, with its verdict. People whose histories look the same share one
    judged chain: their candidate keeps the shared verdict and makes its own copy (with its own
    case id) only when the verdict is read — a province list files ~130 000 candidates and
    shows the verdicts of a few."""

    __slots__ = ("subject", "kind", "unit", "_verdict", "_case_id")

    def __init__(self, subject, kind: str, unit: str, verdict: Verdict, case_id: str | None = None):
        self.subject = subject
        self.kind = kind  # individual / collective / household
        self.unit = unit
        self._verdict = verdict
        self._case_id = case_id if case_id != verdict.id else None

    def __repr__(self):
        return f"Candidate({self.subject!r}, {self.kind!r}, {self.unit!r})"

    @property
    def verdict(self) -> Verdict:
        if self._case_id is not None:
            v = self._verdict
            self._verdict = dataclasses.replace(v, id=self._case_id)
            self._case_id = None
        return self._verdict

    @property
    def failed(self):
        return self.verdict.failed_checks

    @property
    def url(self) -> str:
        from django.urls import reverse
        if self.kind == "individual":
            return reverse("org:person", args=[self.subject.pk])
        if self.kind == "collective":
            return reverse("org:unit", args=[self.subject.pk])
        return ""


@dataclass
class TargetList:
    code: str
    label: str
    authority: str
    eligible: list[Candidate] = field(default_factory=list)
    one_short: list[Candidate] = field(default_factory=list)
    others: list[Candidate] = field(default_factory=list)
    already: int = 0  # subjects who already hold it for the year (not listed)

    @property
    def total(self) -> int:
        return len(self.eligible) + len(self.one_short) + len(self.others)

    def add(self, candidate: Candidate, *, failed: int | None = None) -> None:
        """File the candidate by how many conditions it fails (``failed``: known already)."""
        if failed is None:
            failed = len(candidate.failed)
        (self.eligible if failed == 0 else self.one_short if failed == 1 else self.others).append(candidate)


def _with_titles(history: SubjectHistory, year: int, titles: set[str], shared: dict) -> SubjectHistory:
    """The history with ``titles`` conferred in ``year`` (same round). ``shared`` keeps the
    changed year records for one build: the loader shares one record among subjects whose
    year looks the same, so most people gaining LĐTT share the result too."""
    if not titles:
        return history
    record = history.record(year)
    key = (id(record), frozenset(titles))
    if key in shared:
        gained = shared[key][1]
    else:  # the record is kept with its result so that its id is never reused meanwhile
        gained = dataclasses.replace(record, titles=frozenset(record.titles) | {codes.Title(t) for t in titles})
        shared[key] = (record, gained)
    years = dict(history.years)
    years[year] = gained
    return dataclasses.replace(history, years=years)


def _already_held(*, year: int, person_ids, orgs, households) -> set[tuple[str, int, str]]:
    """(kind, id, code) of titles and forms already conferred for the year — one indexed query
    per kind of subject (an OR of the three made PostgreSQL scan every award of the year)."""
    from .models import Award

    conferred = Award.objects.filter(year=year, revoked=False, award_type__code__in=ALL_TARGETS).order_by()
    held = set()
    for kind, column, ids in (("p", "person", person_ids), ("o", "organisation", [o.pk for o in orgs]),
                              ("h", "household", [h.pk for h in households])):
        if isinstance(ids, list) and not ids:
            continue
        for subject_id, code in conferred.filter(**{f"{column}__in": ids}).values_list(
                f"{column}_id", "award_type__code"):
            held.add((kind, subject_id, code))
    return held


def _judge_chain(history: SubjectHistory, targets: list[str], *, year: int, params, decision_date, case_id: str,
                 shared: dict) -> tuple[list[tuple[str, Verdict, int]], frozenset[str]]:
    """(code, verdict, number of failed conditions) for ``targets`` in round order, each title
    gained feeding the next; and the titles gained."""
    gained: set[str] = set()
    current = history
    verdicts = []
    for code in targets:  # earlier titles are judged too: they feed later ones
        verdict = judge(current, target=code, year=year, params=params, decision_date=decision_date,
                        case_id=case_id)
        if verdict.eligible and codes.Title.parse(code):
            gained.add(code)
            current = _with_titles(history, year, gained, shared)
        verdicts.append((code, verdict, len(verdict.failed_checks)))
    return verdicts, frozenset(gained)


def _person_targets(person: Person) -> list[str]:
    if person.category in CITIZEN_CATEGORIES:
        return CITIZEN_TARGETS
    targets = list(PERSON_TARGETS)
    if person.category == Person.Category.LUC_LUONG_VU_TRANG:
        targets[0] = "CSTT"
    return targets


class CandidateLists(list):
    """The lists of ``build``, in round order; ``pending_refresh``: how many people's ledger
    summaries wait for their refresh (read from the ledger itself meanwhile)."""

    pending_refresh = 0
    pending_rules = 0  # of which: stored verdicts judged under rule parameters since changed

    @property
    def pending_ledger(self) -> int:
        return self.pending_refresh - self.pending_rules


@gc_paused()
def build(*, user, year: int, unit: Organisation | None = None, targets: list[str] | None = None,
          decision_date: datetime.date | None = None, round_id: int | None = None,
          use_summaries: bool = True, use_stored: bool = True) -> CandidateLists:
    """Candidate lists for the user's scope (or ``unit``'s subtree within it). ``round_id``:
    the round whose nominations count as attained titles (default: every round of the year).
    ``use_summaries``: people's ratings and awards from their stored summaries
    (``awards.summaries``; the ledger for those whose summary is not up to date).
    ``use_stored``: people's verdicts from ``awards.verdicts`` where they are usable (the
    default decision date only); the others are judged live."""
    from . import verdicts

    params = current_parameters(unit if unit is not None else getattr(user, "unit", None))
    default_date = decision_date is None
    decision_date = decision_date or datetime.date(year, 12, 20)
    wanted = set(targets or ALL_TARGETS)
    orgs_qs = visible_organisations(user).select_related("parent")
    if unit is not None:
        orgs_qs = orgs_qs.filter(path__startswith=unit.path)
    orgs_qs = orgs_qs.exclude(valid_from__year__gt=year)
    orgs = list(orgs_qs)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    memberships = (Membership.objects.filter(organisation__in=orgs_qs.values("pk"))
                   .exclude(start__gt=end).exclude(end__lt=start))
    unit_of: dict[int, str] = {}
    for person_id, unit_name in memberships.values_list("person_id", "organisation__name"):
        unit_of.setdefault(person_id, unit_name)
    # Members of units the user sees are people she sees (accounts.scoping); asking
    # visible_people again would OR its two parts into every history query of a province.
    people_qs = Person.objects.filter(pk__in=memberships.values("person_id"))
    people = list(people_qs.order_by())
    # Ids as a list while they are few (the planner then knows how many), as a subquery for a
    # whole province (too many for one statement's parameters).
    person_ids = [p.pk for p in people] if len(people) <= ID_LIST_LIMIT else memberships.values("person_id")
    households = list(Household.objects.filter(village__in=orgs_qs.values("pk"), contributions__year__gte=year - 2)
                      .distinct().select_related("village"))

    loader = HistoryLoader(year=year)
    held = _already_held(year=year, person_ids=person_ids, orgs=orgs, households=households)
    lists: dict[str, TargetList] = {}

    def target_list(code: str) -> TargetList:
        if code not in lists:
            lists[code] = TargetList(code, codes.label_of(code),
                                     (params.authority_for(code) or "") and params.authority_for(code).label)
        return lists[code]

    # People: targets in round order, each conferring its title for the next.
    collective_wanted = bool(wanted & (set(COLLECTIVE_TARGETS) | set(ARMED_COLLECTIVE.values())))
    person_needed = wanted
    # Stored verdicts (``awards.verdicts``) for the people whose row was judged under these
    # parameters for the default decision date and whose summary is fresh; the others live.
    stored: dict[int, tuple[str, str]] = {}
    outdated = 0  # people whose stored verdicts wait for the rebuild after a change of the rules
    if use_summaries and use_stored and default_date:
        stored, outdated = verdicts.usable(id_query=person_ids, year=year, params=params)
    live_people = [p for p in people if p.pk not in stored or stored[p.pk][0] != p.category]
    if stored:
        live_ids = [p.pk for p in live_people]
        histories = loader.people(live_people, id_query=live_ids if len(live_ids) <= ID_LIST_LIMIT else person_ids,
                                  summaries=use_summaries) if live_people else {}
    else:
        histories = loader.people(people, id_query=person_ids, summaries=use_summaries)
    decoded: dict[str, list] = {}  # people with the same stored payload share one decoded chain
    shared_records: dict = {}
    # People whose histories look the same get the same verdicts: the loader shares one record
    # among identical years, so the record ids say when two histories are alike.
    chains: dict[tuple, tuple[list[tuple[str, Verdict, int]], frozenset[str]]] = {}
    chain_targets = {}  # per category: the targets judged, in round order

    def _file(pk, person, judged_chain, case_id):
        unit = unit_of.get(pk, "")
        for code, verdict, failed in judged_chain:
            if code not in wanted:
                continue
            if ("p", pk, code) in held:
                target_list(code).already += 1
            else:
                target_list(code).add(Candidate(person, "individual", unit, verdict, case_id), failed=failed)

    for person in people:
        pk = person.pk
        row = stored.get(pk)
        if row is not None and row[0] == person.category:
            chain = decoded.get(row[1])
            if chain is None:
                chain = decoded[row[1]] = verdicts.decode(row[1])
            _file(pk, person, chain, f"person-{pk}")
            continue
        history = histories[pk]
        judged = chain_targets.get(person.category)
        if judged is None:
            targets = _person_targets(person)
            last = max((i for i, c in enumerate(targets) if c in person_needed), default=-1)
            judged = chain_targets[person.category] = tuple(targets[: last + 1])
        case_id = f"person-{pk}"
        key = (judged, history.category, history.pending, history.discipline,
               tuple((y, id(r)) for y, r in history.years.items()))
        chain = chains.get(key)
        if chain is None:
            chain = chains[key] = _judge_chain(history, list(judged), year=year, params=params,
                                               decision_date=decision_date, case_id=case_id, shared=shared_records)
        _file(pk, person, chain[0], case_id)

    collectives = [o for o in orgs if o.kind not in NON_COLLECTIVE_KINDS and o.is_active_on(end)]
    if not collective_wanted:
        collectives = []
    coll_histories = loader.collectives(collectives, round_id=round_id)

    def _judge(tag: str, subject, kind: str, code: str, history, case_id: str, group: str) -> None:
        """One collective's or household's verdict for ``code``, filed in its list (unless it
        already holds the title this round)."""
        if code not in wanted:
            return
        if (tag, subject.pk, code) in held:
            target_list(code).already += 1
            return
        verdict = judge(history, target=code, year=year, params=params, decision_date=decision_date, case_id=case_id)
        target_list(code).add(Candidate(subject, kind, group, verdict))

    for org in collectives:
        armed = org.kind in (Organisation.Kind.POLICE, Organisation.Kind.MILITARY)
        group = org.parent.name if org.parent_id else ""
        for code in COLLECTIVE_TARGETS:
            _judge("o", org, "collective", ARMED_COLLECTIVE.get(code, code) if armed else code,
                   coll_histories[org.pk], f"unit-{org.pk}", group)

    if not wanted & set(HOUSEHOLD_TARGETS):
        households = []
    hh_histories = loader.households(households)
    for household in households:
        for code in HOUSEHOLD_TARGETS:
            _judge("h", household, "household", code, hh_histories[household.pk], f"household-{household.pk}",
                   household.village.name)

    ordered = CandidateLists(lists[c] for c in ALL_TARGETS if c in lists)
    # Waiting for a refresh: people whose summary is stale, and people whose stored verdicts
    # were judged under other rule parameters (the rebuild is queued).
    ordered.pending_refresh = loader.pending + outdated
    ordered.pending_rules = outdated
    sort_keys: dict[tuple[bool, str], tuple] = {}  # a name is in up to five lists, and shared: one key each

    def sort_key(c: Candidate) -> tuple:
        individual = c.kind == "individual"
        name = str(c.subject)
        key = sort_keys.get((individual, name))
        if key is None:
            key = sort_keys[(individual, name)] = (
                given_name_key(name) if individual else (collation_key(name), b""))
        return key

    for tl in ordered:
        for group in (tl.eligible, tl.one_short, tl.others):
            group.sort(key=sort_key)
    return ordered
