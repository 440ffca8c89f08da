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
import heapq
import json
import datetime
from dataclasses import dataclass, field


from thidua.accounts.scoping import visible_organisations
from thidua.core.perf import gc_paused
from thidua.core.text import collation_key, given_name_sort_key
from thidua.org.models import Household, Membership, Organisation, Person
from thidua.rules import codes
from thidua.rules.eligibility import Verdict
from thidua.rules.history import SubjectHistory

from . import verdict_rows
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


class StoredUnitCandidate(Candidate):
    """A collective whose verdicts were read from the stored rows (``verdict_rows``): decoded
    when first read (``load_unit_verdicts`` reads a page's at once)."""

    __slots__ = ("code", "failed_count")

    def __init__(self, subject, unit: str, code: str, failed: int):
        self.subject, self.kind, self.unit = subject, "collective", unit
        self.code, self.failed_count = code, failed
        self._verdict = None
        self._case_id = f"unit-{subject.pk}"

    def set_payload(self, payload: str) -> None:
        self._verdict = next(v for code, v, _f in verdict_rows.decode(payload) if code == self.code)

    @property
    def verdict(self) -> Verdict:
        if self._verdict is None:
            load_unit_verdicts([self])
        return super().verdict


def load_unit_verdicts(rows) -> None:
    """Read the stored verdicts of the collectives among ``rows`` (one query)."""
    waiting = [c for c in rows if isinstance(c, StoredUnitCandidate) and c._verdict is None]
    if waiting:
        payloads = verdict_rows.unit_payloads({c.subject.pk for c in waiting})
        for c in waiting:
            c.set_payload(payloads[c.subject.pk])


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


def is_collective(org: Organisation, year: int) -> bool:
    """Whether the unit is judged as a collective in the lists of ``year``."""
    return org.kind not in NON_COLLECTIVE_KINDS and org.is_active_on(datetime.date(year, 12, 31))


def collective_targets(org: Organisation) -> list[str]:
    armed = org.kind in (Organisation.Kind.POLICE, Organisation.Kind.MILITARY)
    return [ARMED_COLLECTIVE.get(code, code) if armed else code for code in COLLECTIVE_TARGETS]


def judge_collectives(units: list[Organisation], *, year: int, params,
                      loader: HistoryLoader | None = None) -> dict[int, list[tuple[str, Verdict, int]]]:
    """{unit id: [(code, verdict, failed)]} for every collective target, judged as the lists do
    (default decision date, nominations of every round of the year) — what ``awards.verdicts``
    stores. ``loader``: the caller's, to read when the judgement changes (``changes_on``)."""
    decision_date = datetime.date(year, 12, 20)
    histories = (loader or HistoryLoader(year=year)).collectives(units)
    result = {}
    for org in units:
        chain = []
        for code in collective_targets(org):
            verdict = judge(histories[org.pk], target=code, year=year, params=params, decision_date=decision_date,
                            case_id="")
            chain.append((code, verdict, len(verdict.failed_checks)))
        result[org.pk] = chain
    return result


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


def _scope(user, *, year: int, unit: Organisation | None):
    """(organisations, memberships in the year) of the user's scope, or ``unit``'s subtree."""
    orgs_qs = visible_organisations(user).select_related("parent")
    if unit is not None:
        orgs_qs = orgs_qs.filter(path__startswith=unit.path)
    orgs_qs = orgs_qs.exclude(valid_from__year__gt=year)
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    memberships = (Membership.objects.filter(organisation__in=orgs_qs.values("pk"))
                   .exclude(start__gt=end).exclude(end__lt=start))
    return orgs_qs, memberships


def _households(orgs_qs, year: int) -> list[Household]:
    return list(Household.objects.filter(village__in=orgs_qs.values("pk"), contributions__year__gte=year - 2)
                .distinct().select_related("village"))


@gc_paused()
def build(*, user, year: int, unit: Organisation | None = None, targets: list[str] | None = None,
          decision_date: datetime.date | None = None, round_id: int | None = None,
          use_summaries: bool = True, use_stored: bool = True) -> CandidateLists:
    """Candidate lists for the user's scope (or ``unit``'s subtree within it), every row
    built. ``round_id``: the round whose nominations count as attained titles (default: every
    round of the year). ``use_summaries``: people's ratings and awards from their stored
    summaries (``awards.summaries``; the ledger for those whose summary is not up to date).
    ``use_stored``: people's verdicts from ``awards.verdicts`` where they are usable (the
    default decision date only); the others are judged live. A page shows ``listing``
    instead (counted and paged in the database); this is for the checks of a dossier, the
    export and the comparison with ``listing``."""
    orgs_qs, memberships = _scope(user, year=year, unit=unit)
    unit_of: dict[int, str] = {}
    for person_id, unit_name in memberships.values_list("person_id", "organisation__name"):
        unit_of.setdefault(person_id, unit_name)
    # Members of units the user sees are people she sees (accounts.scoping); asking
    # visible_people again would OR its two parts into every history query of a province.
    people = list(Person.objects.filter(pk__in=memberships.values("person_id")).order_by())
    # Ids as a list while they are few (the planner then knows how many), as a subquery for a
    # whole province (too many for one statement's parameters).
    person_ids = [p.pk for p in people] if len(people) <= ID_LIST_LIMIT else memberships.values("person_id")
    ordered = _judge(user=user, year=year, unit=unit, targets=targets, decision_date=decision_date,
                     round_id=round_id, use_summaries=use_summaries, use_stored=use_stored,
                     orgs=list(orgs_qs), people=people, person_ids=person_ids, unit_of=unit_of,
                     households=_households(orgs_qs, year))
    sort_key = _sorter()
    for tl in ordered:
        for group in (tl.eligible, tl.one_short, tl.others):
            group.sort(key=sort_key)
    return ordered


KIND_RANK = {"individual": 0, "collective": 1, "household": 2}


def sort_bytes(kind: str, name: str) -> bytes:
    """A row's Vietnamese sort key as one byte string (the database orders stored rows by the
    same bytes): people by given name then full name, units and households by name."""
    return given_name_sort_key(name) if kind == "individual" else collation_key(name)


def _sorter():
    """The key of a candidate's place in a list: Vietnamese order; people before units before
    households of the same name, then by id. One ICU key per name (a name is in up to five
    lists, and shared)."""
    keys: dict[tuple[str, str], bytes] = {}

    def key(c: Candidate) -> tuple[bytes, int, int]:
        name = str(c.subject)
        found = keys.get((c.kind, name))
        if found is None:
            found = keys[(c.kind, name)] = sort_bytes(c.kind, name)
        return (found, KIND_RANK[c.kind], c.subject.pk)

    return key


def _judge(*, user, year, unit, targets, decision_date, round_id, use_summaries, use_stored,
           orgs, people, person_ids, unit_of, households, skip_units=frozenset()) -> CandidateLists:
    """The lists (unsorted) of these people, the collectives among ``orgs`` (but those in
    ``skip_units``) and these households; ``held``: the titles already conferred."""
    params = current_parameters(unit if unit is not None else getattr(user, "unit", None))
    default_date = decision_date is None
    decision_date = decision_date or datetime.date(year, 12, 20)
    wanted = set(targets or ALL_TARGETS)
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
        stored, outdated = verdict_rows.usable(id_query=person_ids, year=year, params=params)
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
                chain = decoded[row[1]] = verdict_rows.decode(row[1])
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

    collectives = [o for o in orgs if o.pk not in skip_units and is_collective(o, year)]
    if not collective_wanted:
        collectives = []
    coll_histories = loader.collectives(collectives, round_id=round_id)

    def file_verdict(tag: str, subject, kind: str, code: str, history, case_id: str, group: str) -> None:
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
        group = org.parent.name if org.parent_id else ""
        for code in collective_targets(org):
            file_verdict("o", org, "collective", code, coll_histories[org.pk], f"unit-{org.pk}", group)

    if not wanted & set(HOUSEHOLD_TARGETS):
        households = []
    hh_histories = loader.households(households)
    for household in households:
        for code in HOUSEHOLD_TARGETS:
            file_verdict("h", household, "household", code, hh_histories[household.pk], f"household-{household.pk}",
                   household.village.name)

    ordered = CandidateLists(lists[c] for c in ALL_TARGETS if c in lists)
    ordered.held = held
    # Waiting for a refresh: people whose summary is stale, and people whose stored verdicts
    # were judged under other rule parameters (the rebuild is queued).
    ordered.pending_refresh = loader.pending + outdated
    ordered.pending_rules = outdated
    return ordered


# -- a page of a list, counted and paged in the database (issue #17, item 7) -------------------

GROUPS = ("eligible", "one_short", "others")


def _group(failed: int) -> str:
    return GROUPS[min(failed, 2)]


@dataclass
class TargetCount:
    """How many subjects of the scope fall in each group of a target's list."""

    code: str
    label: str
    authority: str
    eligible: int = 0
    one_short: int = 0
    others: int = 0
    already: int = 0

    @property
    def total(self) -> int:
        return self.eligible + self.one_short + self.others


class _Rows:
    """The rows of one group of one target's list, in list order, read a page at a time: the
    people with usable stored verdicts ordered and sliced by the database (``sort_key``), the
    few judged live (units, households, people waiting for a refresh) merged in by the same
    key. A ``Paginator`` asks its length and one slice."""

    def __init__(self, *, stored_qs, count_with_live: int, live: list[Candidate], code: str,
                 chains: dict[str, list], memberships, payloads: dict[str, str]):
        self._qs = stored_qs.order_by("sort_key", "person_id")
        self._count = count_with_live - len(live)
        self._live = live  # already in list order
        self._code = code
        self._chains = chains
        self._payloads = payloads
        self._memberships = memberships

    def __len__(self) -> int:
        return self._count + len(self._live)

    def count(self) -> int:
        return len(self)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index:index + 1][0]
        start, stop, _step = index.indices(len(self))
        if start >= stop:
            return []
        if not self._live:
            return self._people(list(self._qs.values_list("person_id", "chain_key")[start:stop]))
        # Where the live rows fall among the stored ones: the first ``stop`` rows of the merged
        # list hold at most the first ``stop`` stored rows, so their keys are all it needs.
        sort_key = _sorter()
        stored = [(bytes(k), 0, pk, chain)
                  for k, pk, chain in self._qs.values_list("sort_key", "person_id", "chain_key")[:stop]]
        live = [(*sort_key(c), c) for c in self._live]
        merged = list(heapq.merge(stored, live, key=lambda row: row[:3]))[start:stop]
        people = self._people([(row[2], row[3]) for row in merged if row[1] == 0 and isinstance(row[3], str)])
        by_pk = {c.subject.pk: c for c in people}
        page = [by_pk[row[2]] if row[1] == 0 and isinstance(row[3], str) else row[3] for row in merged]
        load_unit_verdicts(page)
        return page

    def _people(self, rows: list[tuple[int, str]]) -> list[Candidate]:
        """Candidates of stored people (person id, chain key), in that order: three queries."""
        if not rows:
            return []
        ids = [pk for pk, _chain in rows]
        people = Person.objects.in_bulk(ids)
        unit_of: dict[int, str] = {}
        for person_id, unit_name in self._memberships.filter(person_id__in=ids).values_list(
                "person_id", "organisation__name"):
            unit_of.setdefault(person_id, unit_name)
        result = []
        for pk, chain_key in rows:
            chain = self._chains.get(chain_key)
            if chain is None:
                chain = self._chains[chain_key] = verdict_rows.decode(self._payloads[chain_key])
            verdict = next(v for code, v, _failed in chain if code == self._code)
            result.append(Candidate(people[pk], "individual", unit_of.get(pk, ""), verdict, f"person-{pk}"))
        return result


class Listing:
    """What the candidate page shows: the counts of every target's groups (``counts``), and
    for one target one group's rows a page at a time (``rows``, for a ``Paginator``)."""

    def __init__(self):
        self.counts: list[TargetCount] = []
        self.pending_refresh = 0
        self.pending_rules = 0
        self._rows: dict[tuple[str, str], _Rows] = {}

    @property
    def pending_ledger(self) -> int:
        return self.pending_refresh - self.pending_rules

    def count_of(self, code: str) -> TargetCount | None:
        return next((c for c in self.counts if c.code == code), None)

    def rows(self, code: str, group: str) -> _Rows:
        """One group of one target's list (``GROUPS``), for a ``Paginator``; queries run only
        when a page is read."""
        if (code, group) not in self._rows:
            if group not in GROUPS or self.count_of(code) is None:
                raise KeyError((code, group))
            self._rows[(code, group)] = self._make_rows(code, group)
        return self._rows[(code, group)]


@gc_paused()
def listing(*, user, year: int, unit: Organisation | None = None, targets: list[str] | None = None) -> Listing:
    """The candidate lists of ``build`` (same rows, same order, same verdicts; default
    decision date, every round of the year) as a page reads them: counts per target and
    group from the stored verdicts of the people (``awards.verdicts``) grouped in the
    database, rows ordered and paged there by their stored Vietnamese sort key; the
    collectives' stored verdicts read when still valid (``verdict_rows.usable_units``). Judged
    live and merged in by the same key: households, collectives whose stored row cannot be
    used, and people whose stored verdicts cannot be used (summary stale, rules changed,
    category or name changed since, no row yet) — counted in ``pending_refresh`` as in
    ``build`` — or no longer in force (a matter judged pending has closed since: judged again
    by the daily ``refresh_expired_verdicts``)."""
    from django.db.models import Count, Exists, OuterRef, Subquery

    from .models import Award, AwardSummary, StoredVerdicts, VerdictChain

    wanted = set(targets or ALL_TARGETS)
    params = current_parameters(unit if unit is not None else getattr(user, "unit", None))
    key = verdict_rows.params_key(params)
    orgs_qs, memberships = _scope(user, year=year, unit=unit)
    in_scope = memberships.values("person_id")
    stale = AwardSummary.objects.filter(stale=True).values("person_id")
    usable = (StoredVerdicts.objects.filter(verdict_rows.in_force(), year=year, params_key=key,
                                            person_id__in=in_scope)
              .exclude(person_id__in=stale)
              .filter(Exists(Person.objects.filter(pk=OuterRef("person_id"), category=OuterRef("category"),
                                                   full_name=OuterRef("full_name")))))
    # Everyone else of the scope is judged live, as ``build`` would.
    live_people = list(Person.objects.filter(pk__in=in_scope).exclude(pk__in=usable.values("person_id")).order_by())
    live_ids = [p.pk for p in live_people]
    result = Listing()
    if live_people:
        result.pending_rules = (StoredVerdicts.objects.filter(person_id__in=live_ids, year=year)
                                .exclude(params_key=key).exclude(person_id__in=stale).count())
    unit_of: dict[int, str] = {}
    if live_ids:
        for person_id, unit_name in memberships.filter(person_id__in=live_ids).values_list(
                "person_id", "organisation__name"):
            unit_of.setdefault(person_id, unit_name)
    orgs = list(orgs_qs)
    # Collectives with usable stored verdicts are read; the others are judged live.
    stored_units = verdict_rows.usable_units([o for o in orgs if is_collective(o, year)], year=year, params=params,
                                         id_query=orgs_qs.values("pk")) if (
        wanted & (set(COLLECTIVE_TARGETS) | set(ARMED_COLLECTIVE.values()))) else {}
    live = _judge(user=user, year=year, unit=unit, targets=targets, decision_date=None, round_id=None,
                  use_summaries=True, use_stored=False, orgs=orgs, people=live_people,
                  person_ids=live_ids, unit_of=unit_of, households=_households(orgs_qs, year),
                  skip_units=set(stored_units))
    from_units: dict[tuple[str, str], list[Candidate]] = {}
    units_already: dict[str, int] = {}
    for org in orgs:
        failed_of_unit = stored_units.get(org.pk)
        if failed_of_unit is None:
            continue
        for code, failed in failed_of_unit.items():
            if code not in wanted:
                continue
            if ("o", org.pk, code) in live.held:
                units_already[code] = units_already.get(code, 0) + 1
            else:
                from_units.setdefault((code, _group(failed)), []).append(StoredUnitCandidate(
                    org, org.parent.name if org.parent_id else "", code, failed))
    result.pending_refresh = live.pending_refresh + result.pending_rules

    # Stored people: how many point at each chain, and which of them already hold a target.
    per_chain = dict(usable.values("chain_key").annotate(n=Count("person_id")).order_by().values_list("chain_key", "n"))
    # (code, chain) -> how many of those people already hold the code this year (not listed)
    chain_of = Subquery(StoredVerdicts.objects.filter(person_id=OuterRef("person_id")).values("chain_key")[:1])
    held = list(Award.objects.filter(year=year, revoked=False, award_type__code__in=sorted(wanted),
                                     person_id__in=usable.values("person_id"))
                .annotate(chain=chain_of).values("award_type__code", "chain")
                .annotate(n=Count("person_id", distinct=True)).order_by()
                .values_list("award_type__code", "chain", "n"))
    payloads = dict(VerdictChain.objects.filter(key__in=list(per_chain)).values_list("key", "payload"))
    failed_of: dict[str, dict[str, int]] = {}  # chain -> {code: failed conditions}
    for chain_key, payload in payloads.items():
        failed_of[chain_key] = {row[0]: row[3] for row in json.loads(payload)}

    counts: dict[str, TargetCount] = {}

    def count(code: str) -> TargetCount:
        if code not in counts:
            authority = params.authority_for(code)
            counts[code] = TargetCount(code, codes.label_of(code), authority.label if authority else "")
        return counts[code]

    members_of: dict[tuple[str, str], list[str]] = {}  # (code, group) -> chains
    for chain_key, n in per_chain.items():
        for code, failed in failed_of.get(chain_key, {}).items():
            if code in wanted:
                group = _group(failed)
                tc = count(code)
                setattr(tc, group, getattr(tc, group) + n)
                members_of.setdefault((code, group), []).append(chain_key)
    for code, chain_key, n in held:
        chain_failed = failed_of.get(chain_key, {})
        if code in chain_failed:
            tc = count(code)
            group = _group(chain_failed[code])
            setattr(tc, group, getattr(tc, group) - n)
            tc.already += n
    sort_key = _sorter()
    live_lists = {tl.code: tl for tl in live}
    for tl in live:
        tc = count(tl.code)
        tc.eligible += len(tl.eligible)
        tc.one_short += len(tl.one_short)
        tc.others += len(tl.others)
        tc.already += tl.already
    for (code, group), rows in from_units.items():
        tc = count(code)
        setattr(tc, group, getattr(tc, group) + len(rows))
    for code, n in units_already.items():
        count(code).already += n
    result.counts = [counts[c] for c in ALL_TARGETS if c in counts and (counts[c].total or counts[c].already)]
    result._make_rows = lambda code, group: _Rows(
        stored_qs=usable.filter(chain_key__in=members_of[(code, group)]).exclude(person_id__in=Award.objects.filter(
            year=year, revoked=False, award_type__code=code, person_id__isnull=False).values("person_id"))
        if members_of.get((code, group)) else usable.none(),
        live=sorted((getattr(live_lists[code], group) if code in live_lists else []) + from_units.get((code, group), []),
                    key=sort_key),
        count_with_live=getattr(counts[code], group), code=code, chains=decoded, memberships=memberships,
        payloads=payloads)
    decoded: dict[str, list] = {}
    return result
