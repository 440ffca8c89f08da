"""Stored verdicts of the candidate lists (``StoredVerdicts``): for the year under review,
each person's judged chain — every title and form of the person's round, in round order,
with its conditions — as the list page shows it (issue #17, item 7).

- Refreshed for the people whose ledger summary is refreshed (``summaries.refresh`` calls
  ``store``, in the same task), and for everyone by ``rebuild_all`` (task
  ``rebuild_candidate_verdicts``; ``manage.py rebuild_award_summaries`` rebuilds both).
- A change of the rules (a ``RuleParameter`` edit, a base salary, the province's regulation)
  calls ``rules_changed``: a rebuild is enqueued in the same transaction. Until it has run,
  the rows carry the key of the old parameters and are not used.
- ``candidates.build`` uses a row only when its year, parameter key and the person's category
  match and the person's summary is fresh; anyone else is judged live from the ledger and
  counted in ``pending_refresh`` (the page says a refresh is pending). Never silently stale.

The judging itself stays in ``thidua.rules`` (pure); this module only keeps its results.
"""
from __future__ import annotations

import datetime
import hashlib
import json

from django.db import transaction
from django.utils import timezone

from thidua.core.text import given_name_sort_key
from thidua.rules.codes import Authority
from thidua.rules.eligibility import Check, Verdict

from .models import AwardSummary, Rating, StoredUnitVerdicts, StoredVerdicts, VerdictChain

CHUNK = 2000


def review_year() -> int:
    """The year under review: the latest year with ratings recorded, else last year."""
    latest = Rating.objects.order_by("-year").values_list("year", flat=True).first()
    return latest or datetime.date.today().year - 1


def params_key(params) -> str:
    """A fingerprint of the rule parameters (numbers, authorities and citations)."""
    return hashlib.sha1(repr(params).encode()).hexdigest()


def encode(chain) -> str:
    """``chain``: [(code, verdict, failed)] of ``candidates._judge_chain``."""
    return json.dumps([[code, v.target, v.eligible, failed, v.amount_vnd, v.authority.value if v.authority else None,
                        [[c.rule, c.passed, c.article, c.detail] for c in v.checks]]
                       for code, v, failed in chain], ensure_ascii=False, separators=(",", ":"))


def decode(payload: str) -> list[tuple[str, Verdict, int]]:
    """The chain back, with verdicts whose id is empty (the candidate sets its own)."""
    return [(code, Verdict("", target, eligible, Authority(authority) if authority else None,
                           tuple(Check(*c) for c in checks), amount), failed)
            for code, target, eligible, failed, amount, authority, checks in json.loads(payload)]


def judged_chains(people, *, year: int, params) -> dict[int, list]:
    """{person id: full chain} judged live (the same code path as the lists)."""
    from .candidates import _judge_chain, _person_targets
    from .engine import HistoryLoader

    histories = HistoryLoader(year=year).people(people, summaries=True)
    decision_date = datetime.date(year, 12, 20)
    shared: dict = {}
    return {p.pk: _judge_chain(histories[p.pk], list(_person_targets(p)), year=year, params=params,
                               decision_date=decision_date, case_id="", shared=shared)[0]
            for p in people}


def store(person_ids, *, year: int | None = None, with_units: bool = True) -> int:
    """Judge these people for the year under review and keep the results; people whose
    summary is still stale are skipped (their own refresh follows). ``with_units``: and the
    collectives whose shares count them."""
    from thidua.org.models import Person

    from .engine import current_parameters

    year = year or review_year()
    params = current_parameters(None)
    key = params_key(params)
    written = 0
    ids = sorted({int(pk) for pk in person_ids})
    now = timezone.now()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        fresh = set(AwardSummary.objects.filter(person_id__in=chunk, stale=False).values_list("person_id", flat=True))
        people = list(Person.objects.filter(pk__in=fresh).order_by())
        chains = judged_chains(people, year=year, params=params)
        payloads: dict[int, str] = {}  # id of a shared chain -> its payload: encode each once
        rows, distinct = [], {}
        for p in people:
            chain = chains[p.pk]
            payload = payloads.get(id(chain))
            if payload is None:
                payload = payloads[id(chain)] = encode(chain)
            chain_key = hashlib.sha1(payload.encode()).hexdigest()
            distinct[chain_key] = payload
            rows.append(StoredVerdicts(person_id=p.pk, year=year, params_key=key, category=p.category,
                                       chain_key=chain_key, full_name=p.full_name,
                                       sort_key=given_name_sort_key(p.full_name), refreshed_at=now))
        with transaction.atomic():
            VerdictChain.objects.bulk_create([VerdictChain(key=k, payload=v) for k, v in distinct.items()],
                                             ignore_conflicts=True)
            StoredVerdicts.objects.filter(person_id__in=chunk).delete()
            StoredVerdicts.objects.bulk_create(rows, batch_size=1000)
        written += len(rows)
    if with_units:
        store_units(units_of(ids, year=year), year=year)  # the units whose shares count these people
    return written


def rebuild_all(*, progress=None) -> int:
    """Everyone's verdicts judged again (after a change of the rules, or on demand)."""
    from thidua.org.models import Person

    ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
    done = 0
    for start in range(0, len(ids), CHUNK):
        done += store(ids[start:start + CHUNK], with_units=False)
        if progress:
            progress(done, len(ids))
    StoredVerdicts.objects.exclude(person_id__in=Person.objects.values("pk")).delete()
    VerdictChain.objects.exclude(key__in=StoredVerdicts.objects.values("chain_key")).delete()
    rebuild_units()
    return done


def rules_changed() -> None:
    """The rule parameters changed (call inside the writing transaction): enqueue the
    rebuild. The stored rows carry the old parameters' key, so they are not used meanwhile."""
    from . import tasks

    tasks.rebuild_candidate_verdicts.enqueue()


def usable(*, id_query, year: int, params) -> tuple[dict[int, tuple[str, str]], int]:
    """{person id: (category, payload)} of the rows a list may use for these people, and how
    many of these people (their summaries fresh) have rows judged under other rule parameters
    — waiting for the rebuild that ``rules_changed`` queued. Two queries: the people's short
    rows, then each chain they point at once."""
    key = params_key(params)
    rows, outdated = {}, 0
    # A row is written only while the person's summary is fresh, and a ledger write marks the
    # summary stale (the row stays): excluding the few stale summaries (partial index) is the
    # same as keeping the fresh ones, without a semi-join over every summary of the province.
    fresh = StoredVerdicts.objects.filter(person_id__in=id_query, year=year).exclude(
        person_id__in=AwardSummary.objects.filter(stale=True).values("person_id"))
    for pk, row_key, category, chain_key in fresh.order_by().values_list(
            "person_id", "params_key", "category", "chain_key"):
        if row_key == key:
            rows[pk] = (category, chain_key)
        else:
            outdated += 1
    if not rows:
        return {}, outdated
    wanted = {chain_key for _c, chain_key in rows.values()}
    payloads = dict(VerdictChain.objects.filter(key__in=wanted).values_list("key", "payload"))
    return {pk: (category, payloads[chain_key]) for pk, (category, chain_key) in rows.items()
            if chain_key in payloads}, outdated


# -- collectives ----------------------------------------------------------------------------------

UNIT_CHUNK = 500


def _in_year(year: int):
    from thidua.org.models import Membership

    return (Membership.objects.exclude(start__gt=datetime.date(year, 12, 31))
            .exclude(end__lt=datetime.date(year, 1, 1)).order_by())


def units_of(person_ids, *, year: int) -> list[int]:
    """The units these people are members of in ``year`` (whose shares count them)."""
    return sorted(set(_in_year(year).filter(person_id__in=person_ids).values_list("organisation_id", flat=True)))


def _members(unit_ids, *, year: int) -> dict[int, tuple[int, int]]:
    """{unit id: (members in the year, sum of their ids)} — a unit whose members changed since
    its row was judged is judged live (whatever path changed the memberships)."""
    from django.db.models import Count, Sum

    return {org_id: (n, total or 0) for org_id, n, total in
            _in_year(year).filter(organisation_id__in=unit_ids).values("organisation_id")
            .annotate(n=Count("person_id", distinct=True), total=Sum("person_id", distinct=True))
            .values_list("organisation_id", "n", "total")}


def _nominated(unit_ids, *, year: int) -> dict[int, str]:
    """{unit id: "person:code,…"} of the standing nominations of its members (any round of the
    year) for the titles its shares count — what the stored verdicts were judged with."""
    from .engine import ATTAINED_CODES, same_round_nominations

    in_units = _in_year(year).filter(organisation_id__in=unit_ids)
    nominated = {pk: found & set(ATTAINED_CODES) for pk, found in
                 same_round_nominations(year=year, person_ids=in_units.values("person_id")).items()}
    nominated = {pk: found for pk, found in nominated.items() if found}
    if not nominated:
        return {}
    per_unit: dict[int, list[str]] = {}
    for org_id, person_id in in_units.filter(person_id__in=list(nominated)).values_list("organisation_id", "person_id"):
        per_unit.setdefault(org_id, []).extend(f"{person_id}:{code}" for code in sorted(nominated[person_id]))
    return {org_id: ",".join(sorted(set(items))) for org_id, items in per_unit.items()}


def store_units(org_ids, *, year: int | None = None) -> int:
    """Judge these units (those that are collectives in the year under review) and keep the
    results; rows of units that are no longer collectives are removed."""
    from thidua.core.text import collation_key
    from thidua.org.models import Organisation

    from .candidates import is_collective, judge_collectives
    from .engine import current_parameters

    year = year or review_year()
    params = current_parameters(None)
    key = params_key(params)
    ids = sorted({int(pk) for pk in org_ids if pk})
    written = 0
    now = timezone.now()
    for start in range(0, len(ids), UNIT_CHUNK):
        chunk = ids[start:start + UNIT_CHUNK]
        units = [o for o in Organisation.objects.filter(pk__in=chunk).order_by() if is_collective(o, year)]
        chains = judge_collectives(units, year=year, params=params)
        members = _members([u.pk for u in units], year=year)
        nominated = _nominated([u.pk for u in units], year=year)
        rows = []
        for unit in units:
            chain = chains[unit.pk]
            count, total = members.get(unit.pk, (0, 0))
            rows.append(StoredUnitVerdicts(
                organisation_id=unit.pk, year=year, params_key=key, name=unit.name, kind=unit.kind, members=count,
                members_sum=total, nominated=nominated.get(unit.pk, ""), payload=encode(chain),
                failed=",".join(f"{code}:{failed}" for code, _v, failed in chain),
                sort_key=collation_key(unit.name), stale=False, refreshed_at=now))
        with transaction.atomic():
            StoredUnitVerdicts.objects.filter(organisation_id__in=chunk).delete()
            StoredUnitVerdicts.objects.bulk_create(rows, batch_size=500)
        written += len(rows)
    return written


def rebuild_units() -> int:
    """Every collective's verdicts judged again."""
    from thidua.org.models import Organisation

    done = store_units(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    StoredUnitVerdicts.objects.exclude(organisation_id__in=Organisation.objects.values("pk")).delete()
    return done


def units_changed(org_ids) -> None:
    """The ledger of these units changed (call inside the writing transaction): their rows are
    not used until the queued task has judged them again."""
    from . import tasks

    ids = sorted({int(pk) for pk in org_ids if pk})
    if not ids:
        return
    StoredUnitVerdicts.objects.filter(organisation_id__in=ids).update(stale=True)
    tasks.refresh_unit_verdicts.enqueue(ids)


def usable_units(units, *, year: int, params, id_query=None) -> dict[int, dict[str, int]]:
    """{unit id: {code: failed conditions}} of the stored rows a list may use for these units:
    judged under these parameters, not marked stale, same name and kind, same members and
    standing nominations of members, no member waiting for a summary refresh. ``id_query``: a
    ``values("pk")`` queryset of organisations including them (a province's ~2.000 ids would
    be sent four times)."""
    by_pk = {u.pk: u for u in units}
    if not by_pk:
        return {}
    ids = id_query if id_query is not None else list(by_pk)
    rows = list(StoredUnitVerdicts.objects.filter(organisation_id__in=ids, year=year, params_key=params_key(params),
                                                  stale=False).values_list(
        "organisation_id", "name", "kind", "members", "members_sum", "nominated", "failed"))
    if not rows:
        return {}
    members = _members(ids, year=year)
    nominated = _nominated(ids, year=year)
    waiting = set(_in_year(year).filter(organisation_id__in=ids, person_id__in=AwardSummary.objects.filter(
        stale=True).values("person_id")).values_list("organisation_id", flat=True))
    usable = {}
    for org_id, name, kind, count, total, nominees, failed in rows:
        unit = by_pk.get(org_id)
        if unit is None:
            continue
        if (name, kind) != (unit.name, unit.kind) or members.get(org_id, (0, 0)) != (count, total):
            continue
        if nominated.get(org_id, "") != nominees or org_id in waiting:
            continue
        usable[org_id] = {code: int(n) for code, n in (item.split(":") for item in failed.split(",") if item)}
    return usable


def unit_payloads(org_ids) -> dict[int, str]:
    return dict(StoredUnitVerdicts.objects.filter(organisation_id__in=list(org_ids)).values_list(
        "organisation_id", "payload"))
