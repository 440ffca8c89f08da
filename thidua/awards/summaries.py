"""The stored per-person summary of the ledger (``AwardSummary``): ratings, titles and forms
year by year, as the eligibility engine reads them (``engine.HistoryLoader``).

- A ledger write (award recorded or revoked, rating set or cleared, import committed or
  undone) calls ``changed(person_ids)`` inside its transaction: the people's summaries are
  marked stale and a refresh task (``refresh_award_summaries``, defined here beside ``changed``
  and named by ``awards.tasks`` too) is enqueued in the same transaction, so the task exists
  exactly when the write does.
- The refresh (``refresh``) rebuilds the summaries of those people from the ledger and marks
  them fresh; ``rebuild_all`` rebuilds everyone's (``manage.py rebuild_award_summaries`` or the
  ``rebuild_award_summaries`` task).
- A list never reads a stale summary: the people whose summary is stale or missing are read
  from the ledger directly (``engine.HistoryLoader``), and the list says how many refreshes
  are pending.

Encoding of ``years``: one segment per year, ``year|rating|titles|forms`` joined by ``;``
(titles: codes joined by ``,``; forms: ``code/round_kind`` joined by ``,``; all sorted) —
short, and the same segment read once per list for everyone who shares it."""
from __future__ import annotations

import threading
from collections import defaultdict
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from thidua.org.models import Person

from . import verdicts
from .engine import _FORMS, _TITLES
from .models import Award, AwardSummary, Rating

CHUNK = 2000  # people per statement and per refresh task
_local = threading.local()


def encode(ratings: dict[int, str], awards: list[tuple[int, str, str]]) -> str:
    """``ratings`` {year: code}; ``awards`` [(year, round_kind, award code)] (not revoked)."""
    titles: dict[int, set[str]] = defaultdict(set)
    forms: dict[int, list[str]] = defaultdict(list)
    for year, round_kind, code in awards:
        if code in _TITLES:
            titles[year].add(code)
        elif code in _FORMS:
            forms[year].append(f"{code}/{round_kind}")
    years = sorted(set(ratings) | set(titles) | set(forms))
    return ";".join(f"{y}|{ratings.get(y) or ''}|{','.join(sorted(titles[y]))}|{','.join(sorted(forms[y]))}"
                    for y in years)


def _ledger_of(person_ids) -> dict[int, str]:
    ratings: dict[int, dict[int, str]] = defaultdict(dict)
    for person_id, year, rating in Rating.objects.filter(person_id__in=person_ids).order_by().values_list(
            "person_id", "year", "rating"):
        ratings[person_id][year] = rating
    awards: dict[int, list] = defaultdict(list)
    for person_id, year, round_kind, code in Award.objects.filter(
            person_id__in=person_ids, revoked=False).order_by().values_list(
            "person_id", "year", "round_kind", "award_type__code"):
        awards[person_id].append((year, round_kind, code))
    return {pk: encode(ratings.get(pk, {}), awards.get(pk, [])) for pk in person_ids}


def _chunks(values: list, size: int = CHUNK):
    for i in range(0, len(values), size):
        yield values[i:i + size]


# -- marking stale -----------------------------------------------------------------------------

@contextmanager
def batched():
    """Collect the people changed inside the block and mark them (one task per chunk) at its
    end — for a write of many awards (a signed decision of 500 names)."""
    if getattr(_local, "pending", None) is not None:  # already collecting: the outer block marks
        yield
        return
    _local.pending = set()
    try:
        yield
        ids = _local.pending
    finally:
        _local.pending = None
    _mark(ids)


def changed(person_ids) -> None:
    """The ledger of these people changed (call inside the writing transaction)."""
    ids = {int(pk) for pk in person_ids if pk}
    if not ids:
        return
    pending = getattr(_local, "pending", None)
    if pending is not None:
        pending |= ids
        return
    _mark(ids)


def _mark(ids) -> None:
    if not ids:
        return
    ids = sorted(ids)
    with transaction.atomic():
        for chunk in _chunks(ids):
            AwardSummary.objects.filter(person_id__in=chunk, stale=False).update(stale=True)
            AwardSummary.objects.bulk_create([AwardSummary(person_id=pk, stale=True) for pk in chunk],
                                             ignore_conflicts=True)
            refresh_award_summaries.enqueue(chunk)


# -- refreshing --------------------------------------------------------------------------------

@task()
def refresh_award_summaries(person_ids: list[int]) -> int:
    """Rebuild the ledger summaries of these people (enqueued by ``changed``, in the write that
    changed them; defined here beside it, and named by ``awards.tasks`` too)."""
    return refresh(person_ids)


@transaction.atomic
def refresh(person_ids) -> int:
    """Rebuild the summaries of these people from the ledger; returns how many were written.
    The rows are locked first, so a ledger write that marks one of them stale meanwhile waits
    and marks it again after (its own refresh follows)."""
    ids = sorted({int(pk) for pk in person_ids})
    written = 0
    now = timezone.now()
    for chunk in _chunks(ids):
        existing = set(AwardSummary.objects.select_for_update().filter(person_id__in=chunk)
                       .values_list("person_id", flat=True))
        encoded = _ledger_of(chunk)
        rows = [AwardSummary(person_id=pk, years=encoded[pk], stale=False, refreshed_at=now) for pk in chunk]
        AwardSummary.objects.bulk_update([r for r in rows if r.person_id in existing],
                                         ["years", "stale", "refreshed_at"], batch_size=500)
        AwardSummary.objects.bulk_create([r for r in rows if r.person_id not in existing], batch_size=500,
                                         ignore_conflicts=True)
        written += len(rows)
    verdicts.store(ids)  # the candidate verdicts of the same people follow their summaries
    return written


def rebuild_all(*, person_ids=None, progress=None) -> int:
    """Everyone's summary rebuilt (each chunk in its own transaction), and the rows of people
    who no longer exist removed. ``progress(done, total)`` is called after each chunk."""
    ids = sorted(person_ids) if person_ids is not None else list(
        Person.objects.order_by("pk").values_list("pk", flat=True))
    done = 0
    for chunk in _chunks(ids):
        done += refresh(chunk)
        if progress:
            progress(done, len(ids))
    if person_ids is None:
        AwardSummary.objects.exclude(person_id__in=Person.objects.values("pk")).delete()
    return done


