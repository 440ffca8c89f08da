"""Stored verdicts of the candidate lists (``StoredVerdicts``): for the year under review,
each person's judged chain — every title and form of the person's round, in round order,
with its conditions — as the list page shows it (issue #17, item 7).

- Refreshed for the people whose ledger summary is refreshed (``summaries.refresh`` calls
  ``store``, in the same task), and for everyone by ``rebuild_all`` (task
  ``rebuild_candidate_verdicts``; ``manage.py rebuild_award_summaries`` rebuilds both).
- A row judged while a matter was pending that closes on a later day (``closed_on`` in the
  future) holds until that day (``valid_until``); from then on it is not used, and the daily
  task ``refresh_expired_verdicts`` judges it again.
- A change of the rules (a ``RuleParameter`` edit, a base salary, the province's regulation)
  calls ``rules_changed``: a rebuild is enqueued in the same transaction. Until it has run,
  the rows carry the key of the old parameters and are not used.
- ``candidates.build`` uses a row only when its year, parameter key and the person's category
  match and the person's summary is fresh (``verdict_rows.usable``); anyone else is judged live
  from the ledger and counted in ``pending_refresh`` (the page says a refresh is pending).
  Never silently stale.

The judging itself stays in ``thidua.rules`` (pure); this module only writes its results (the
rows' encoding and the reads of the lists are in ``verdict_rows``, below ``candidates``). The
tasks that write them are defined beside the functions that enqueue them and named by
``awards.tasks`` too, so no module here imports itself back.
"""
from __future__ import annotations

import datetime
import hashlib

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from thidua.core.text import collation_key, given_name_sort_key
from thidua.org.models import Organisation, Person

from . import engine, verdict_rows as stored_rows
from .candidates import _judge_chain, _person_targets, is_collective, judge_collectives
from .engine import HistoryLoader, current_parameters
from .models import AwardSummary, StoredUnitVerdicts, StoredVerdicts, VerdictChain

CHUNK = 2000


def judged_chains(people, *, year: int, params) -> tuple[dict[int, list], dict[int, datetime.date]]:
    """{person id: full chain} judged live (the same code path as the lists), and {person id:
    the day the judgement changes} of the people with a pending matter that closes later."""
    loader = HistoryLoader(year=year)
    histories = loader.people(people, summaries=True)
    decision_date = datetime.date(year, 12, 20)
    shared: dict = {}
    return {p.pk: _judge_chain(histories[p.pk], list(_person_targets(p)), year=year, params=params,
                               decision_date=decision_date, case_id="", shared=shared)[0]
            for p in people}, loader.changes_on["person_id"]


def store(person_ids, *, year: int | None = None, with_units: bool = True) -> int:
    """Judge these people for the year under review and keep the results; people whose
    summary is still stale are skipped (their own refresh follows). ``with_units``: and the
    collectives whose shares count them."""
    year = year or stored_rows.review_year()
    params = current_parameters(None)
    key = stored_rows.params_key(params)
    written = 0
    ids = sorted({int(pk) for pk in person_ids})
    now = timezone.now()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        fresh = set(AwardSummary.objects.filter(person_id__in=chunk, stale=False).values_list("person_id", flat=True))
        people = list(Person.objects.filter(pk__in=fresh).order_by())
        chains, changes_on = judged_chains(people, year=year, params=params)
        payloads: dict[int, str] = {}  # id of a shared chain -> its payload: encode each once
        rows, distinct = [], {}
        for p in people:
            chain = chains[p.pk]
            payload = payloads.get(id(chain))
            if payload is None:
                payload = payloads[id(chain)] = stored_rows.encode(chain)
            chain_key = hashlib.sha1(payload.encode()).hexdigest()
            distinct[chain_key] = payload
            rows.append(StoredVerdicts(person_id=p.pk, year=year, params_key=key, category=p.category,
                                       chain_key=chain_key, full_name=p.full_name,
                                       sort_key=given_name_sort_key(p.full_name), refreshed_at=now,
                                       valid_until=changes_on.get(p.pk)))
        with transaction.atomic():
            VerdictChain.objects.bulk_create([VerdictChain(key=k, payload=v) for k, v in distinct.items()],
                                             ignore_conflicts=True)
            StoredVerdicts.objects.filter(person_id__in=chunk).delete()
            StoredVerdicts.objects.bulk_create(rows, batch_size=1000)
        written += len(rows)
    if with_units:
        store_units(stored_rows.units_of(ids, year=year), year=year)  # the units whose shares count these people
    return written


def rebuild_all(*, progress=None) -> int:
    """Everyone's verdicts judged again (after a change of the rules, or on demand)."""
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


@task()
def rebuild_candidate_verdicts() -> int:
    """Judge everyone's candidate verdicts again (enqueued by ``rules_changed``; defined here,
    beside it, and named by ``awards.tasks`` too, so the two modules do not import each other)."""
    return rebuild_all()


def rules_changed() -> None:
    """The rule parameters changed (call inside the writing transaction): enqueue the
    rebuild. The stored rows carry the old parameters' key, so they are not used meanwhile."""
    rebuild_candidate_verdicts.enqueue()


def refresh_expired() -> int:
    """Judge again the people and collectives whose stored row is no longer in force (a
    matter judged pending has closed: ``valid_until``); until then the lists judge them live."""
    day = engine.today()
    people = list(StoredVerdicts.objects.filter(valid_until__lte=day).values_list("person_id", flat=True))
    units = list(StoredUnitVerdicts.objects.filter(valid_until__lte=day).values_list("organisation_id", flat=True))
    return store(people, with_units=False) + store_units(units)


@task()
def refresh_expired_verdicts() -> int:
    """Every day (``THIDUA_SCHEDULES``): the stored verdicts whose day has come judged again."""
    return refresh_expired()


# -- collectives ----------------------------------------------------------------------------------

UNIT_CHUNK = 500


def store_units(org_ids, *, year: int | None = None) -> int:
    """Judge these units (those that are collectives in the year under review) and keep the
    results; rows of units that are no longer collectives are removed."""
    year = year or stored_rows.review_year()
    params = current_parameters(None)
    key = stored_rows.params_key(params)
    ids = sorted({int(pk) for pk in org_ids if pk})
    written = 0
    now = timezone.now()
    for start in range(0, len(ids), UNIT_CHUNK):
        chunk = ids[start:start + UNIT_CHUNK]
        units = [o for o in Organisation.objects.filter(pk__in=chunk).order_by() if is_collective(o, year)]
        loader = HistoryLoader(year=year)
        chains = judge_collectives(units, year=year, params=params, loader=loader)
        changes_on = loader.changes_on["organisation_id"]
        members = stored_rows.unit_members([u.pk for u in units], year=year)
        nominated = stored_rows.unit_nominations([u.pk for u in units], year=year)
        rows = []
        for unit in units:
            chain = chains[unit.pk]
            count, members_key = members.get(unit.pk, stored_rows.NO_MEMBERS)
            rows.append(StoredUnitVerdicts(
                organisation_id=unit.pk, year=year, params_key=key, name=unit.name, kind=unit.kind, members=count,
                members_key=members_key, nominated=nominated.get(unit.pk, ""), payload=stored_rows.encode(chain),
                failed=",".join(f"{code}:{failed}" for code, _v, failed in chain),
                sort_key=collation_key(unit.name), stale=False, refreshed_at=now,
                valid_until=changes_on.get(unit.pk)))
        with transaction.atomic():
            StoredUnitVerdicts.objects.filter(organisation_id__in=chunk).delete()
            StoredUnitVerdicts.objects.bulk_create(rows, batch_size=500)
        written += len(rows)
    return written


def rebuild_units() -> int:
    """Every collective's verdicts judged again."""
    done = store_units(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    StoredUnitVerdicts.objects.exclude(organisation_id__in=Organisation.objects.values("pk")).delete()
    return done


@task()
def refresh_unit_verdicts(organisation_ids: list[int]) -> int:
    """Judge these collectives' candidate verdicts again (enqueued by ``units_changed`` when a
    unit's own ledger changes; named by ``awards.tasks`` too)."""
    return store_units(organisation_ids)


def units_changed(org_ids) -> None:
    """The ledger of these units changed (call inside the writing transaction): their rows are
    not used until the queued task has judged them again."""
    ids = sorted({int(pk) for pk in org_ids if pk})
    if not ids:
        return
    StoredUnitVerdicts.objects.filter(organisation_id__in=ids).update(stale=True)
    refresh_unit_verdicts.enqueue(ids)
