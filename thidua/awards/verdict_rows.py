"""The stored verdicts' rows (``StoredVerdicts``, ``StoredUnitVerdicts``, ``VerdictChain``) as
a list reads them: their encoding, the year under review, the parameters' key, and which rows
a list may use (``usable``, ``usable_units``) — never a row judged under other parameters,
for a person or unit whose ledger changed since, or before a pending matter it judged pending
closed (``in_force``).

The rows are written by ``verdicts`` (which judges with ``candidates``); this module sits
below both and imports neither, so the lists read rows without importing the writer."""
from __future__ import annotations

import datetime
import hashlib
import json
from array import array
from collections import defaultdict

from django.db.models import Q

from thidua.org.models import Membership
from thidua.rules.codes import Authority
from thidua.rules.eligibility import Check, Verdict

from . import engine
from .engine import ATTAINED_CODES, same_round_nominations
from .models import AwardSummary, Rating, StoredUnitVerdicts, StoredVerdicts, VerdictChain


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


def in_force() -> Q:
    """The stored rows whose judgement still holds today: none judged a matter pending that
    has closed since (``valid_until``: the day the first of them closes, ``engine.today``)."""
    return Q(valid_until__isnull=True) | Q(valid_until__gt=engine.today())


def usable(*, id_query, year: int, params) -> tuple[dict[int, tuple[str, str]], int]:
    """{person id: (category, payload)} of the rows a list may use for these people, and how
    many of these people (their summaries fresh) have rows judged under other rule parameters
    — waiting for the rebuild that ``verdicts.rules_changed`` queued. Two queries: the people's short
    rows, then each chain they point at once."""
    key = params_key(params)
    rows, outdated = {}, 0
    # A row is written only while the person's summary is fresh, and a ledger write marks the
    # summary stale (the row stays): excluding the few stale summaries (partial index) is the
    # same as keeping the fresh ones, without a semi-join over every summary of the province.
    fresh = StoredVerdicts.objects.filter(in_force(), person_id__in=id_query, year=year).exclude(
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


def _in_year(year: int):
    return (Membership.objects.exclude(start__gt=datetime.date(year, 12, 31))
            .exclude(end__lt=datetime.date(year, 1, 1)).order_by())


def units_of(person_ids, *, year: int) -> list[int]:
    """The units these people are members of in ``year`` (whose shares count them)."""
    return sorted(set(_in_year(year).filter(person_id__in=person_ids).values_list("organisation_id", flat=True)))


def members_key(person_ids) -> str:
    """The fingerprint of a unit's members: a hash of their distinct ids, sorted (as 64-bit
    integers: a province's ~75.000 ids hash in a few milliseconds)."""
    return hashlib.sha1(array("q", sorted(set(person_ids))).tobytes()).hexdigest()


NO_MEMBERS = (0, members_key(()))


def unit_members(unit_ids, *, year: int) -> dict[int, tuple[int, str]]:
    """{unit id: (members in the year, ``members_key`` of their ids)} of the units with members
    (``NO_MEMBERS`` for the others) — a unit whose members changed since its row was judged is
    judged live (whatever path changed the memberships)."""
    members: dict[int, list[int]] = defaultdict(list)
    for org_id, person_id in _in_year(year).filter(organisation_id__in=unit_ids).values_list(
            "organisation_id", "person_id"):
        members[org_id].append(person_id)
    return {org_id: (len(set(ids)), members_key(ids)) for org_id, ids in members.items()}


def unit_nominations(unit_ids, *, year: int) -> dict[int, str]:
    """{unit id: "person:code,…"} of the standing nominations of its members (any round of the
    year) for the titles its shares count — what the stored verdicts were judged with."""
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


def usable_units(units, *, year: int, params, id_query=None) -> dict[int, dict[str, int]]:
    """{unit id: {code: failed conditions}} of the stored rows a list may use for these units:
    judged under these parameters, in force (``in_force``), not marked stale, same name and kind, same members and
    standing nominations of members, no member waiting for a summary refresh. ``id_query``: a
    ``values("pk")`` queryset of organisations including them (a province's ~2.000 ids would
    be sent four times)."""
    by_pk = {u.pk: u for u in units}
    if not by_pk:
        return {}
    ids = id_query if id_query is not None else list(by_pk)
    rows = list(StoredUnitVerdicts.objects.filter(in_force(), organisation_id__in=ids, year=year,
                                                  params_key=params_key(params), stale=False).values_list(
        "organisation_id", "name", "kind", "members", "members_key", "nominated", "failed"))
    if not rows:
        return {}
    members = unit_members(ids, year=year)
    nominated = unit_nominations(ids, year=year)
    waiting = set(_in_year(year).filter(organisation_id__in=ids, person_id__in=AwardSummary.objects.filter(
        stale=True).values("person_id")).values_list("organisation_id", flat=True))
    usable = {}
    for org_id, name, kind, count, key, nominees, failed in rows:
        unit = by_pk.get(org_id)
        if unit is None:
            continue
        if (name, kind) != (unit.name, unit.kind) or members.get(org_id, NO_MEMBERS) != (count, key):
            continue
        if nominated.get(org_id, "") != nominees or org_id in waiting:
            continue
        usable[org_id] = {code: int(n) for code, n in (item.split(":") for item in failed.split(",") if item)}
    return usable


def unit_payloads(org_ids) -> dict[int, str]:
    return dict(StoredUnitVerdicts.objects.filter(organisation_id__in=list(org_ids)).values_list(
        "organisation_id", "payload"))
