"""Reads of the movements app, scoped by the user (thidua.accounts.scoping). Out-of-scope
objects answer 404.

Two reads are for the system rather than a user (the eligibility check of a later process):
``is_registered`` and ``registrations_for``.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from thidua.accounts.scoping import can_see_organisation, visible_organisations
from thidua.core.text import collation_key, given_name_key
from thidua.org.models import EmulationBlock, Membership, Organisation, Person

from .access import can_act_for, can_score, is_unit_user, user_commune
from .models import (
    Band, CriteriaSet, Criterion, Movement, MovementResult, Pact, Registration, RegistrationPeriod, Reminder, Score,
    ScoreChange, Scorecard,
)
from .titles import NON_COMPETING_KINDS, titles_covering

ZERO = Decimal(0)


def _today() -> datetime.date:
    return timezone.localdate()


# --- Years -----------------------------------------------------------------------------------

def years(user) -> list[int]:
    """Years for which the user's commune has emulation blocks, newest first."""
    commune = user_commune(user)
    return sorted(set(EmulationBlock.objects.filter(commune=commune).values_list("year", flat=True)), reverse=True)


def default_year(user, available: list[int] | None = None) -> int:
    available = years(user) if available is None else available
    this_year = _today().year
    if this_year in available or not available:
        return this_year
    return max(available)


# --- Movements -------------------------------------------------------------------------------

def _active_in(year: int) -> Q:
    return ((Q(year__isnull=True) | Q(year=year))
            & (Q(start_date__isnull=True) | Q(start_date__year__lte=year))
            & (Q(end_date__isnull=True) | Q(end_date__year__gte=year))
            & (Q(launched_on__isnull=True) | Q(launched_on__year__lte=year))
            & (Q(final_review_on__isnull=True) | Q(final_review_on__year__gte=year)))


def visible_movements(user, *, year: int | None = None) -> QuerySet[Movement]:
    """The commune's movements; a unit user sees those open to every unit or to hers."""
    commune = user_commune(user)
    if commune is None:
        return Movement.objects.none()
    qs = Movement.objects.filter(commune=commune)
    if is_unit_user(user):
        mine = Movement.objects.filter(participants__in=visible_organisations(user)).values("pk")
        qs = qs.filter(Q(participants__isnull=True) | Q(pk__in=mine)).distinct()
    if year is not None:
        qs = qs.filter(_active_in(year))
    return qs.order_by("level", "-year", "name")


def get_movement(*, user, pk: int) -> Movement:
    movement = (visible_movements(user).filter(pk=pk)
                .prefetch_related(Prefetch("results", queryset=MovementResult.objects.select_related("organisation")),
                                  "participants").first())
    if movement is None:
        raise Http404("Không tìm thấy phong trào.")
    return movement


@dataclass(frozen=True)
class Overview:
    """The commune's movements page for a year: its movements, the registration figure and
    each block's ranking with its pact (``block["pact_row"]``)."""
    movements: list[Movement]
    coverage: dict
    blocks: list[dict]


def overview(*, user, year: int) -> Overview:
    blocks = block_rankings(user=user, year=year)
    pacts = {row["block"].pk: row for row in pacts_for_year(user=user, year=year)}
    for b in blocks:
        b["pact_row"] = pacts.get(b["block"].pk)
    return Overview(movements=list(visible_movements(user, year=year)),
                    coverage=registration_coverage(user=user, year=year), blocks=blocks)


# --- Registration ----------------------------------------------------------------------------

def _on_for(year: int) -> datetime.date:
    return min(_today(), datetime.date(year, 12, 31))


def expected_units(*, commune: Organisation, year: int) -> QuerySet[Organisation]:
    """Units expected to register: current member units of the commune's blocks that year."""
    on = _on_for(year)
    members = EmulationBlock.members.through.objects.filter(
        emulationblock__commune=commune, emulationblock__year=year).values("organisation_id")
    return Organisation.objects.filter(pk__in=members).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=on))


def get_period(*, user, year: int) -> RegistrationPeriod | None:
    return RegistrationPeriod.objects.filter(commune=user_commune(user), year=year).first()


def registration_coverage(*, user, year: int) -> dict:
    """Who has registered for ``year`` and who has not: the "100 %" figure as
    registered units / expected units, and one row per expected unit."""
    commune = user_commune(user)
    period = RegistrationPeriod.objects.filter(commune=commune, year=year).first()
    units = list(expected_units(commune=commune, year=year).filter(pk__in=visible_organisations(user).values("pk")))
    units.sort(key=lambda o: collation_key(o.name))
    ids = [u.pk for u in units]
    block_names: dict[int, list[str]] = defaultdict(list)
    for org_id, name in (EmulationBlock.members.through.objects
                         .filter(emulationblock__commune=commune, emulationblock__year=year, organisation_id__in=ids)
                         .values_list("organisation_id", "emulationblock__name")):
        block_names[org_id].append(name)
    registered, individuals, reopenings, reminders = {}, {}, {}, {}
    if period is not None:
        registered = {r.organisation_id: r for r in period.registrations.filter(person__isnull=True, organisation_id__in=ids)}
        individuals = dict(period.registrations.filter(person__isnull=False, organisation_id__in=ids)
                           .values("organisation_id").annotate(n=Count("id")).values_list("organisation_id", "n"))
        reopenings = {r.organisation_id: r for r in period.reopenings.filter(organisation_id__in=ids)}
        reminders = {row["organisation_id"]: row for row in period.reminders.filter(organisation_id__in=ids)
                     .values("organisation_id").annotate(n=Count("id"), last=Max("sent_at"))}
    today = _today()
    rows = [{
        "unit": unit,
        "blocks": block_names.get(unit.pk, []),
        "registration": registered.get(unit.pk),
        "individuals": individuals.get(unit.pk, 0),
        "reopening": reopenings.get(unit.pk),
        "reopened": bool(reopenings.get(unit.pk) and reopenings[unit.pk].until >= today),
        "reminders": reminders.get(unit.pk, {}).get("n", 0),
        "last_reminder": reminders.get(unit.pk, {}).get("last"),
    } for unit in units]
    count = sum(1 for row in rows if row["registration"])
    return {
        "period": period,
        "open": period is not None and today <= period.deadline,
        "expected": len(rows),
        "registered": count,
        "percent": (Decimal(count * 100) / len(rows)).quantize(Decimal("0.1")) if rows else None,
        "rows": rows,
    }


def is_registered(subject: Person | Organisation, year: int, title_code: str) -> bool:
    """Whether the person (individual title) or the unit (collective title) registered for
    ``title_code`` in ``year`` — a registration for a higher title of the same ladder counts."""
    qs = Registration.objects.filter(period__year=year, title__in=titles_covering(title_code))
    if isinstance(subject, Person):
        return qs.filter(person=subject).exists()
    return qs.filter(organisation=subject, person__isnull=True).exists()


def registrations_for(year: int, commune: Organisation) -> QuerySet[Registration]:
    """Every registration of the commune's units and people for the year."""
    return (Registration.objects.filter(period__commune=commune, period__year=year)
            .select_related("organisation", "person", "period").order_by("organisation__name", "person__full_name"))


def unit_registration(*, user, organisation: Organisation, year: int) -> dict:
    """What the unit has registered for the year, for its registration form."""
    if not can_see_organisation(user, organisation):
        raise Http404("Không tìm thấy đơn vị.")
    commune = organisation.commune()
    period = RegistrationPeriod.objects.filter(commune=commune, year=year).first()
    registrations = list(period.registrations.filter(organisation=organisation)) if period else []
    collective = next((r for r in registrations if r.person_id is None), None)
    by_person = {r.person_id: r.title for r in registrations if r.person_id}
    members = list(Membership.objects.filter(Membership.current_q(_on_for(year)), organisation=organisation)
                   .select_related("person"))
    members.sort(key=lambda m: given_name_key(m.person.full_name))
    reopening = period.reopenings.filter(organisation=organisation).first() if period else None
    today = _today()
    return {
        "period": period,
        "collective": collective,
        "by_person": by_person,
        "members": members,
        "reopening": reopening,
        "open": period is not None and period.is_open(today, reopening),
    }


# --- Criteria sets and scoring ---------------------------------------------------------------

def _commune_blocks(user, year: int) -> QuerySet[EmulationBlock]:
    blocks = EmulationBlock.objects.filter(commune=user_commune(user), year=year)
    if is_unit_user(user):
        mine = EmulationBlock.objects.filter(members__in=visible_organisations(user)).values("pk")
        blocks = blocks.filter(pk__in=mine)
    return blocks.order_by("name")


def active_sets(block_ids) -> dict[int, CriteriaSet]:
    """The current (highest) version of each block's criteria set, with its bands."""
    result: dict[int, CriteriaSet] = {}
    for cs in (CriteriaSet.objects.filter(block_id__in=list(block_ids)).select_related("block")
               .prefetch_related("bands").order_by("block_id", "-version")):
        result.setdefault(cs.block_id, cs)
    return result


def _by_name(blocks) -> list[EmulationBlock]:
    return sorted(blocks, key=lambda b: collation_key(b.name))


def criteria_sets_for_year(*, user, year: int, movement: Movement | None = None) -> list[dict]:
    """Each block of the year with its criteria sets (newest version first); with ``movement``,
    only the sets that score that movement."""
    blocks = _by_name(_commune_blocks(user, year))
    sets = defaultdict(list)
    qs = CriteriaSet.objects.filter(block__in=blocks).select_related("movement")
    if movement is not None:
        qs = qs.filter(movement=movement)
    for cs in qs.annotate(n=Count("criteria")).order_by("block_id", "-version"):
        sets[cs.block_id].append(cs)
    return [{"block": b, "sets": sets.get(b.pk, [])} for b in blocks]


def movement_criteria_sets(*, user, movement: Movement) -> list[CriteriaSet]:
    """The criteria sets that score the movement, by block then newest version first."""
    sets = list(CriteriaSet.objects.filter(movement=movement, block__in=_commune_blocks_any_year(user))
                .select_related("block"))
    sets.sort(key=lambda cs: (-cs.block.year, collation_key(cs.block.name), -cs.version))
    return sets


def _commune_blocks_any_year(user) -> QuerySet[EmulationBlock]:
    blocks = EmulationBlock.objects.filter(commune=user_commune(user))
    if is_unit_user(user):
        blocks = blocks.filter(pk__in=EmulationBlock.objects.filter(members__in=visible_organisations(user)).values("pk"))
    return blocks


def get_criteria_set(*, user, pk: int) -> CriteriaSet:
    cs = (CriteriaSet.objects.filter(pk=pk, block__commune=user_commune(user))
          .select_related("block", "previous", "movement").prefetch_related("bands").first())
    if cs is None or (is_unit_user(user) and not _commune_blocks(user, cs.block.year).filter(pk=cs.block_id).exists()):
        raise Http404("Không tìm thấy bộ tiêu chí.")
    return cs


@dataclass(frozen=True)
class CriteriaSetPage:
    cs: CriteriaSet
    groups: list[tuple[str, list]]
    in_use: bool
    is_latest: bool
    totals: dict[str, Decimal]  # the points of each kind of criterion


def criteria_set_page(*, user, pk: int) -> CriteriaSetPage:
    """A criteria set, its criteria by group, and whether it is the block's newest version."""
    cs = get_criteria_set(user=user, pk=pk)
    criteria = list(cs.criteria.all())
    latest = CriteriaSet.objects.filter(block_id=cs.block_id).order_by("-version").values_list("pk", flat=True).first()
    return CriteriaSetPage(
        cs=cs, groups=grouped_criteria(criteria), in_use=cs.in_use, is_latest=latest == cs.pk,
        totals={k: sum((c.max_points for c in criteria if c.kind == k), 0) for k in Criterion.Kind.values})


def grouped_criteria(criteria) -> list[tuple[str, list]]:
    groups: list[tuple[str, list]] = []
    for item in criteria:
        criterion = item["criterion"] if isinstance(item, dict) else item
        if not groups or groups[-1][0] != criterion.group:
            groups.append((criterion.group, []))
        groups[-1][1].append(item)
    return groups


def get_scorecard(*, user, pk: int) -> Scorecard:
    scorecard = (Scorecard.objects.filter(pk=pk)
                 .select_related("organisation", "criteria_set__block", "submitted_by", "locked_by",
                                 "replaces__criteria_set")
                 .prefetch_related(Prefetch("replaced_by", queryset=Scorecard.objects.select_related("criteria_set")))
                 .first())
    if scorecard is None or not can_see_organisation(user, scorecard.organisation):
        raise Http404("Không tìm thấy bảng điểm.")
    return scorecard


def totals_of(scores) -> dict[str, Decimal]:
    """regular / bonus / penalty / total of a scorecard's effective points."""
    totals = {"regular": ZERO, "bonus": ZERO, "penalty": ZERO}
    for score in scores:
        if score.effective is not None:
            totals[score.criterion.kind] += score.effective
    totals["total"] = totals["regular"] + totals["bonus"] + totals["penalty"]
    return totals


def scorecard_rows(*, scorecard: Scorecard) -> dict:
    criteria = list(scorecard.criteria_set.criteria.all())
    scores = {s.criterion_id: s for s in scorecard.scores.select_related("criterion")
              .prefetch_related("evidence", Prefetch("changes", queryset=ScoreChange.objects.select_related("changed_by")))}
    rows = [{"criterion": c, "score": scores.get(c.pk)} for c in criteria]
    for row in rows:
        score = row["score"]
        row["missing_evidence"] = bool(row["criterion"].evidence_required and score and score.self_points
                                       and not score.evidence.all())
    regular = [c for c in criteria if c.kind == Criterion.Kind.REGULAR]
    return {
        "groups": grouped_criteria(rows),
        "rows": rows,
        "totals": totals_of(scores.values()),
        "max_regular": sum((c.max_points for c in regular), ZERO),
        "scored": sum(1 for c in regular if scores.get(c.pk) and scores[c.pk].self_points is not None),
        "regular_count": len(regular),
        "missing_evidence": sum(1 for r in rows if r["missing_evidence"]),
    }


def scoring_mode(user, scorecard: Scorecard) -> str | None:
    """'self' (the unit scores itself), 'review' (a scorer) or None (read only)."""
    unit = can_act_for(user, scorecard.organisation)
    if scorecard.state == Scorecard.State.DRAFT and unit:
        return "self"
    if can_score(user):
        return "review"
    return "self" if unit else None


@dataclass(frozen=True)
class ScorecardPage:
    scorecard: Scorecard
    cs: CriteriaSet
    mode: str | None  # see scoring_mode
    editable: bool
    band: Band | None
    groups: list[tuple[str, list]]
    rows: list[dict]
    totals: dict[str, Decimal]
    max_regular: Decimal
    scored: int
    regular_count: int
    missing_evidence: int

    def row(self, criterion_pk: int) -> dict:
        return next(r for r in self.rows if r["criterion"].pk == criterion_pk)


def scorecard_page(*, user, scorecard: Scorecard) -> ScorecardPage:
    """A scorecard's rows and totals, and what the user may do with it."""
    mode = scoring_mode(user, scorecard)
    rows = scorecard_rows(scorecard=scorecard)
    state = scorecard.state
    return ScorecardPage(
        scorecard=scorecard, cs=scorecard.criteria_set, mode=mode,
        editable=(mode == "self" and state == Scorecard.State.DRAFT)
                 or (mode == "review" and state == Scorecard.State.SUBMITTED),
        band=band_for(scorecard.criteria_set, rows["totals"]["total"]), **rows)


def scorer_queue(*, user, year: int) -> dict:
    """Scorecards the scorers must review (submitted), then those already locked."""
    qs = (Scorecard.objects.filter(criteria_set__block__commune=user_commune(user), criteria_set__block__year=year)
          .select_related("organisation", "criteria_set__block").order_by("criteria_set__block__name", "organisation__name"))
    cards = list(qs)
    return {
        "submitted": [c for c in cards if c.state == Scorecard.State.SUBMITTED],
        "locked": [c for c in cards if c.state == Scorecard.State.LOCKED],
        "drafts": [c for c in cards if c.state == Scorecard.State.DRAFT],
    }


# --- Ranking ---------------------------------------------------------------------------------

def rank_entries(entries: list[dict]) -> list[dict]:
    """Order the units of one block and number them.

    Tie rule (documented on the ranking page): higher total; then higher total of the regular
    criteria (without bonus and penalty points); then fewer penalty points; then the unit's name
    in Vietnamese alphabetical order. Units without a scorecard come last, unnumbered.
    """
    scored = [e for e in entries if e["scorecard"] is not None]
    unscored = [e for e in entries if e["scorecard"] is None]
    scored.sort(key=lambda e: (-e["total"], -e["regular"], -e["penalty"], collation_key(e["unit"].name)))
    unscored.sort(key=lambda e: collation_key(e["unit"].name))
    for position, entry in enumerate(scored, start=1):
        entry["rank"] = position
    for entry in unscored:
        entry["rank"] = None
    return scored + unscored


def band_for(criteria_set: CriteriaSet, total: Decimal):
    return _band_of(criteria_set.bands.all(), total)


def current_scorecards(block_ids, organisations=None) -> dict[tuple[int, int], Scorecard]:
    """{(block id, unit id): the unit's current scorecard in the block}.

    Scores stay with the criteria-set version they were entered under: a unit's current
    scorecard is the one of the highest version it has been scored under, which a new version
    of the criteria set does not change; only the officer's re-scoring under the new version
    (``services.rescore_under_version``) gives the unit a scorecard of that version."""
    qs = Scorecard.objects.filter(criteria_set__block_id__in=list(block_ids)).select_related("criteria_set")
    if organisations is not None:
        qs = qs.filter(organisation__in=organisations)
    result: dict[tuple[int, int], Scorecard] = {}
    for card in qs.order_by("criteria_set__block_id", "organisation_id", "-criteria_set__version"):
        result.setdefault((card.criteria_set.block_id, card.organisation_id), card)
    return result


def current_scorecard(*, organisation: Organisation, block: EmulationBlock) -> Scorecard | None:
    return current_scorecards([block.pk], [organisation]).get((block.pk, organisation.pk))


def block_rankings(*, user, year: int, block_id: int | None = None) -> list[dict]:
    """For each block of the year: its current criteria set, its units ranked (each entry with
    the criteria-set version its scores were entered under), the scoring progress and the
    leading unit suggested for the block's top award."""
    blocks = _commune_blocks(user, year)
    if block_id is not None:
        blocks = blocks.filter(pk=block_id)
    return ranked_blocks(blocks, year=year, visible=lambda unit: can_see_organisation(user, unit))


def ranked_blocks(blocks: QuerySet[EmulationBlock], *, year: int, visible) -> list[dict]:
    """The ranking of each of ``blocks`` (see ``block_rankings``); ``visible(unit)`` says
    whether the reader may open the unit's scorecard. Also ranks a cluster of communes."""
    on = _on_for(year)
    current = Q(valid_until__isnull=True) | Q(valid_until__gte=on)
    blocks = _by_name(blocks.prefetch_related(Prefetch("members", queryset=Organisation.objects.filter(current))))
    sets = active_sets(b.pk for b in blocks)
    cards_by_unit = current_scorecards(b.pk for b in blocks)
    cards = list(cards_by_unit.values())
    bands = {cs.pk: list(cs.bands.all()) for cs in sets.values()}  # prefetched; older versions read once
    older = {c.criteria_set_id for c in cards} - set(bands)
    if older:
        bands.update({pk: [] for pk in older})
        for band in Band.objects.filter(criteria_set_id__in=older):
            bands[band.criteria_set_id].append(band)
    totals: dict[int, dict[str, Decimal]] = defaultdict(lambda: {"regular": ZERO, "bonus": ZERO, "penalty": ZERO})
    for row in (Score.objects.filter(scorecard__in=cards).values("scorecard_id", "criterion__kind")
                .annotate(points=Sum(Coalesce("points", "self_points")))):
        totals[row["scorecard_id"]][row["criterion__kind"]] = row["points"] or ZERO
    result = []
    for block in blocks:
        cs = sets.get(block.pk)
        entries = []
        for unit in block.members.all():
            card = cards_by_unit.get((block.pk, unit.pk))
            t = totals[card.pk] if card else {"regular": ZERO, "bonus": ZERO, "penalty": ZERO}
            total = t["regular"] + t["bonus"] + t["penalty"]
            version = card.criteria_set.version if card else None
            entries.append({"unit": unit, "scorecard": card, "total": total, **t,
                            "band": _band_of(bands.get(card.criteria_set_id, []), total) if card else None,
                            "version": version, "criteria_set": card.criteria_set if card else None,
                            "outdated": bool(card and cs and version < cs.version),
                            "visible": visible(unit)})
        entries = rank_entries(entries)
        states = [e["scorecard"].state for e in entries if e["scorecard"]]
        progress = {
            "units": len(entries),
            "not_started": sum(1 for e in entries if e["scorecard"] is None),
            "draft": states.count(Scorecard.State.DRAFT),
            "submitted": states.count(Scorecard.State.SUBMITTED),
            "locked": states.count(Scorecard.State.LOCKED),
        }
        leader = entries[0] if entries and entries[0]["scorecard"] and entries[0]["scorecard"].is_locked else None
        result.append({
            "block": block, "criteria_set": cs, "entries": entries, "progress": progress,
            "leader": leader, "final": bool(entries) and progress["locked"] == len(entries),
            "versions": sorted({e["version"] for e in entries if e["version"] is not None}),
            "outdated": sum(1 for e in entries if e["outdated"]),
        })
    return result


def _band_of(bands, total: Decimal):
    for band in sorted(bands, key=lambda b: -b.min_points):
        if total >= band.min_points:
            return band
    return None


# --- Pacts -----------------------------------------------------------------------------------

def pacts_for_year(*, user, year: int) -> list[dict]:
    blocks = _by_name(_commune_blocks(user, year).annotate(n_members=Count("members", distinct=True)))
    pacts = {p.block_id: p for p in Pact.objects.filter(block__in=blocks).annotate(n_signed=Count("signatures"))}
    return [{"block": b, "pact": pacts.get(b.pk), "members": b.n_members} for b in blocks]


def get_pact(*, user, pk: int) -> dict:
    pact = Pact.objects.filter(pk=pk, block__commune=user_commune(user)).select_related("block").first()
    if pact is None or (is_unit_user(user) and not _commune_blocks(user, pact.block.year).filter(pk=pact.block_id).exists()):
        raise Http404("Không tìm thấy giao ước.")
    signatures = {s.organisation_id: s for s in pact.signatures.all()}
    members = sorted(pact.block.members.all(), key=lambda o: collation_key(o.name))
    rows = [{"unit": m, "signature": signatures.get(m.pk), "can_sign": can_act_for(user, m) and m.pk not in signatures}
            for m in members]
    return {"pact": pact, "rows": rows, "signed": len(signatures), "members": len(members)}


# --- The unit's to-do list -------------------------------------------------------------------

def unit_todo(*, user, year: int) -> list[dict]:
    """For each unit the user acts for (a clerk: hers) and that competes in a block this year:
    registration, reminders, pact, self-scoring and evidence still to do."""
    units = list(expected_units(commune=user_commune(user), year=year)
                 .filter(pk__in=visible_organisations(user).values("pk")).exclude(kind__in=NON_COMPETING_KINDS))
    units = [u for u in units if can_act_for(user, u)]
    units.sort(key=lambda o: collation_key(o.name))
    if not units:
        return []
    period = RegistrationPeriod.objects.filter(commune=user_commune(user), year=year).first()
    registrations = {r.organisation_id: r for r in Registration.objects.filter(
        period=period, person__isnull=True, organisation__in=units)} if period else {}
    reopenings = {r.organisation_id: r for r in period.reopenings.filter(organisation__in=units)} if period else {}
    reminders = defaultdict(list)
    if period:
        for reminder in Reminder.objects.filter(period=period, organisation__in=units).select_related("sent_by"):
            reminders[reminder.organisation_id].append(reminder)
    blocks = list(EmulationBlock.objects.filter(commune=user_commune(user), year=year, members__in=units)
                  .prefetch_related("members").distinct())
    sets = active_sets(b.pk for b in blocks)
    pacts = {p.block_id: p for p in Pact.objects.filter(block__in=blocks).prefetch_related("signatures")}
    cards = current_scorecards([b.pk for b in blocks], units)
    today = _today()
    result = []
    for unit in units:
        reopening = reopenings.get(unit.pk)
        item = {
            "unit": unit, "period": period, "registration": registrations.get(unit.pk),
            "registration_open": period is not None and period.is_open(today, reopening),
            "reopening": reopening, "reminders": reminders.get(unit.pk, [])[:5], "blocks": [],
        }
        for block in blocks:
            if unit not in block.members.all():
                continue
            cs = sets.get(block.pk)
            pact = pacts.get(block.pk)
            card = cards.get((block.pk, unit.pk))
            progress = scorecard_rows(scorecard=card) if card else None
            item["blocks"].append({
                "block": block, "criteria_set": cs, "scorecard": card, "progress": progress, "pact": pact,
                "pact_signed": bool(pact and any(s.organisation_id == unit.pk for s in pact.signatures.all())),
            })
        result.append(item)
    return result
