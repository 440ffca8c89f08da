"""Actual values computed from the data the system holds, one source per ``Target.computed_key``.

A source is ``compute(commune, years, today) -> {year: Actual}``; a year it cannot tell is left
out or carries ``Actual(None, "why")``. Each source runs a fixed number of queries whatever
the number of years. Higher apps register their own sources in ``AppConfig.ready()`` (the
public app registers "exemplars_monthly"), so that this app never imports them.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable

from django.apps import apps
from django.db.models import Count, Q

from thidua.accounts.scoping import merged_paths, path_q
from thidua.awards.models import Award, Rating
from thidua.org.models import Membership, Organisation

from .models import RECOGNISED, HouseholdReview, VillageReview
from .progress import Actual

Compute = Callable[[Organisation, list[int], datetime.date], dict[int, Actual]]


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    compute: Compute


_SOURCES: dict[str, Source] = {}


def register(key: str, label: str, compute: Compute) -> None:
    _SOURCES[key] = Source(key, label, compute)


def get(key: str) -> Source | None:
    return _SOURCES.get(key)


def keys() -> list[str]:
    return sorted(_SOURCES)


# --- helpers -----------------------------------------------------------------------------------

def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


commune_paths = merged_paths  # the commune's subtree and its former bodies' (accounts.scoping)


def _people_in(paths: list[str]):
    return Membership.objects.filter(path_q(paths, "organisation__path")).values("person_id")


PERSON_LDTT = ("LDTT", "CSTT", "CSTD_CO_SO", "CSTD_TINH", "CSTD_TOAN_QUOC")
UNIT_LDTT = ("TTLDTT", "DVTT", "TTLDXS", "DVQT")


def decided_title_years(paths: list[str], years: list[int]) -> set[int]:
    """Years whose year-end round of individual titles has been decided (at least one
    year-end LĐTT/CSTT is in the ledger): before that a year's shares mean nothing."""
    return set(Award.objects.filter(
        year__in=years, revoked=False, round_kind="year_end", award_type__code__in=("LDTT", "CSTT"),
        person_id__in=_people_in(paths)).values_list("year", flat=True).distinct())


# --- built-in sources --------------------------------------------------------------------------

def ldtt_share(commune, years, today) -> dict[int, Actual]:
    """Share of the rated individuals and collectives of the commune holding “Lao động tiên
    tiến” (or a higher title that includes it) for the year."""
    paths = commune_paths(commune)
    people = _people_in(paths)
    rated_people: dict[int, set] = defaultdict(set)
    for year, pid in Rating.objects.filter(year__in=years, person_id__in=people).values_list("year", "person_id"):
        rated_people[year].add(pid)
    titled_people: dict[int, set] = defaultdict(set)
    for year, pid in Award.objects.filter(year__in=years, revoked=False, award_type__code__in=PERSON_LDTT,
                                          person_id__in=people).values_list("year", "person_id"):
        titled_people[year].add(pid)
    org_q = path_q(paths, "organisation__path")
    rated_units: dict[int, set] = defaultdict(set)
    for year, oid in Rating.objects.filter(org_q, year__in=years).values_list("year", "organisation_id"):
        rated_units[year].add(oid)
    titled_units: dict[int, set] = defaultdict(set)
    for year, oid in Award.objects.filter(org_q, year__in=years, revoked=False,
                                          award_type__code__in=UNIT_LDTT).values_list("year", "organisation_id"):
        titled_units[year].add(oid)
    decided = decided_title_years(paths, years)
    result = {}
    for year in years:
        people_n, units_n = len(rated_people[year]), len(rated_units[year])
        if not people_n and not units_n:
            continue
        if year not in decided:
            result[year] = Actual(None, f"Năm {year} chưa xét danh hiệu cuối năm.")
            continue
        p_ok = len(rated_people[year] & titled_people[year])
        u_ok = len(rated_units[year] & titled_units[year])
        result[year] = Actual(percent(p_ok + u_ok, people_n + units_n),
                              f"Cá nhân {p_ok}/{people_n}, tập thể {u_ok}/{units_n}")
    return result


CIVIL_SERVANTS = ("can_bo", "cong_chuc")


def _civil_servant_ratings(commune, years) -> dict[int, list[str]]:
    paths = commune_paths(commune)
    by_year: dict[int, list[str]] = defaultdict(list)
    for year, rating in Rating.objects.filter(year__in=years, person__category__in=CIVIL_SERVANTS,
                                              person_id__in=_people_in(paths)).values_list("year", "rating"):
        by_year[year].append(rating)
    return by_year


def task_completion(commune, years, today) -> dict[int, Actual]:
    """Share of the commune's cán bộ, công chức rated as completing their tasks (HTNV or better)."""
    result = {}
    for year, ratings in _civil_servant_ratings(commune, years).items():
        done = sum(1 for r in ratings if r != "KHTNV")
        result[year] = Actual(percent(done, len(ratings)), f"{done}/{len(ratings)} cán bộ, công chức")
    return result


def task_good(commune, years, today) -> dict[int, Actual]:
    """Share of the commune's cán bộ, công chức rated HTTNV or HTXSNV."""
    result = {}
    for year, ratings in _civil_servant_ratings(commune, years).items():
        good = sum(1 for r in ratings if r in ("HTTNV", "HTXSNV"))
        result[year] = Actual(percent(good, len(ratings)), f"{good}/{len(ratings)} cán bộ, công chức")
    return result


def family_culture_share(commune, years, today) -> dict[int, Actual]:
    """Share of the households reviewed in villages with a decision that hold “Gia đình văn hóa”."""
    rows = (HouseholdReview.objects.filter(review__village__path__startswith=commune.path,
                                           review__year__in=years, review__status=VillageReview.Status.DECIDED)
            .values("review__year").annotate(total=Count("id"), ok=Count("id", filter=RECOGNISED)))
    villages = dict(VillageReview.objects.filter(village__path__startswith=commune.path, year__in=years)
                    .values("year").annotate(n=Count("id"), decided=Count(
                        "id", filter=Q(status=VillageReview.Status.DECIDED))).values_list("year", "decided"))
    result = {}
    for row in rows:
        year = row["review__year"]
        result[year] = Actual(percent(row["ok"], row["total"]),
                              f"{row['ok']}/{row['total']} hộ ({villages.get(year, 0)} thôn đã có quyết định)")
    return result


def _villages(commune):
    return Organisation.objects.filter(kind=Organisation.Kind.VILLAGE, path__startswith=commune.path,
                                       valid_until__isnull=True)


def village_titles(commune, years, today) -> dict[int, Actual]:
    """Number of the commune's villages holding “Thôn văn hóa” for the year."""
    total = _villages(commune).count()
    counts = dict(Award.objects.filter(award_type__code="THON_VAN_HOA", revoked=False, year__in=years,
                                       organisation__in=_villages(commune))
                  .values("year").annotate(n=Count("organisation_id", distinct=True)).values_list("year", "n"))
    reviewed = set(VillageReview.objects.filter(village__path__startswith=commune.path, year__in=years,
                                                status=VillageReview.Status.DECIDED).values_list("year", flat=True))
    return {year: Actual(Decimal(counts.get(year, 0)), f"{counts.get(year, 0)}/{total} thôn")
            for year in years if year in counts or year in reviewed}


def _unit_level(kind: str):
    def compute(commune, years, today) -> dict[int, Actual]:
        current = list(Organisation.objects.filter(kind=kind, path__startswith=commune.path,
                                                   valid_until__isnull=True))
        if not current:
            return {}
        ids = [o.pk for o in current]
        ids += list(Organisation.objects.filter(merged_into_id__in=ids).values_list("pk", flat=True))
        levels: dict[int, int] = defaultdict(int)
        for year, code in Award.objects.filter(organisation_id__in=ids, year__in=years, revoked=False,
                                               award_type__code__in=("DVQT", "DVTT", "TTLDXS", "TTLDTT")
                                               ).values_list("year", "award_type__code"):
            levels[year] = max(levels[year], 2 if code in ("DVQT", "TTLDXS") else 1)
        decided = decided_title_years(commune_paths(commune), years) | set(levels)
        names = ", ".join(o.name for o in current)
        return {year: Actual(Decimal(levels.get(year, 0)), names) for year in years if year in decided}
    return compute


def registration_coverage(commune, years, today) -> dict[int, Actual]:
    """Units that registered for the year's emulation (the movements app)."""
    try:
        from thidua.movements import selectors as movement_selectors  # a higher app: read lazily
        registrations_for = movement_selectors.registrations_for
        expected_units = getattr(movement_selectors, "expected_units", None)
        period_model = apps.get_model("movements", "RegistrationPeriod")
    except (ImportError, AttributeError, LookupError):
        return {}
    with_period = set(period_model.objects.filter(commune=commune, year__in=years).values_list("year", flat=True))
    result = {}
    for year in sorted(with_period):
        try:
            registered = set(registrations_for(year, commune).filter(person__isnull=True)
                             .values_list("organisation_id", flat=True))
            expected = (set(expected_units(commune=commune, year=year).values_list("pk", flat=True))
                        if expected_units else registered)
        except (TypeError, AttributeError, ValueError):
            return {}
        if expected:
            done = len(registered & expected)
            result[year] = Actual(percent(done, len(expected)), f"{done}/{len(expected)} đơn vị")
    return result


register("registration_coverage", "Tỷ lệ đơn vị đăng ký thi đua (phân hệ phong trào)", registration_coverage)
register("ldtt_share", "Tỷ lệ cá nhân, tập thể đạt Lao động tiên tiến (sổ khen thưởng, xếp loại)", ldtt_share)
register("task_completion", "Tỷ lệ cán bộ, công chức hoàn thành nhiệm vụ (xếp loại)", task_completion)
register("task_good", "Tỷ lệ cán bộ, công chức hoàn thành tốt trở lên (xếp loại)", task_good)
register("family_culture_share", "Tỷ lệ hộ đạt Gia đình văn hóa (bình xét ở các thôn)", family_culture_share)
register("village_titles", "Số thôn đạt Thôn văn hóa (sổ khen thưởng)", village_titles)
register("police_title", "Danh hiệu của Công an xã (sổ khen thưởng)", _unit_level(Organisation.Kind.POLICE))
register("military_title", "Danh hiệu của Ban Chỉ huy Quân sự xã (sổ khen thưởng)", _unit_level(Organisation.Kind.MILITARY))
