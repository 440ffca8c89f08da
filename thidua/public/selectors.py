"""Reads of the public site. Nothing here needs a user: it shows only what is public —
published exemplars with consent, awards not revoked — and never a citizen ID, a date of
birth or an address. Each read runs a fixed number of queries.

Staff reads (the exemplar editor) are scoped by the user like everywhere else."""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from thidua.accounts import scoping
from thidua.accounts.scoping import can_see_organisation
from thidua.awards.models import Award
from thidua.core.text import collation_key, given_name_key
from thidua.org.models import Household, Membership, Organisation, Person
from thidua.targets.sources import commune_paths, path_q

from .models import Exemplar, ExemplarPhoto, Sector

COUNTED_CODES = ("LDTT", "CSTT", "GIA_DINH_VAN_HOA")  # shown as numbers, not as lists of names
PUBLIC_PERSON_FIELDS = ("id", "full_name", "household_id")  # never the CCCD, birth date or address


def home_commune() -> Organisation:
    commune = scoping.home_commune()
    if commune is None:
        raise Http404("Chưa cấu hình xã.")
    return commune


def _photos():
    return Prefetch("photos", queryset=ExemplarPhoto.objects.only("id", "exemplar_id", "alt_text", "caption", "order"))


def _public_exemplars(commune):
    return (Exemplar.objects.public().filter(commune=commune)
            .select_related("organisation").prefetch_related(_photos()))


def latest_exemplars(*, commune, limit: int = 6) -> list[Exemplar]:
    return list(_public_exemplars(commune)[:limit])


def exemplar_list(*, commune, sector: str = "") -> list[Exemplar]:
    qs = _public_exemplars(commune)
    if sector in Sector.values:
        qs = qs.filter(sector=sector)
    return list(qs)


def get_public_exemplar(*, slug: str) -> Exemplar:
    exemplar = _public_exemplars(home_commune()).filter(slug=slug).first()
    if exemplar is None:
        raise Http404("Không tìm thấy gương điển hình.")
    return exemplar


def exemplar_awards(*, exemplar: Exemplar) -> list[Award]:
    """The awards in the ledger of the exemplar's person or collective (not revoked)."""
    if exemplar.person_id:
        qs = Award.objects.filter(person_id=exemplar.person_id)
    elif exemplar.organisation_id:
        qs = Award.objects.filter(organisation_id=exemplar.organisation_id)
    else:
        return []
    return list(qs.filter(revoked=False).select_related("award_type").only(
        "id", "year", "period_label", "decision_number", "decision_date", "issuer_name", "award_type__name",
        "award_type__rank").order_by("-year", "-award_type__rank"))


@dataclass
class AwardGroup:
    name: str
    rank: int
    holders: list[dict] = field(default_factory=list)


def _subject_sets(commune) -> list[Q]:
    """The commune's people (members of its units, residents of its villages), collectives and
    households, each as an indexed subquery on the award's subject."""
    paths = commune_paths(commune)
    people = Membership.objects.filter(path_q(paths, "organisation__path")).values("person_id")
    households = Household.objects.filter(village__path__startswith=commune.path).values("pk")
    residents = Person.objects.filter(household_id__in=households).values("pk")
    units = Organisation.objects.filter(path_q(paths, "path")).values("pk")
    return [Q(person_id__in=people), Q(person_id__in=residents), Q(organisation_id__in=units),
            Q(household_id__in=households)]


def _union(commune, *fields: str, **filters) -> set:
    """``fields`` of the commune's awards (not revoked): one UNION of four indexed parts. An OR
    of the four (or joins through people and households) read every award of the province:
    0.1–0.7 s per query for one commune among 100, against ~10 ms this way."""
    parts = [Award.objects.filter(q, revoked=False, **filters).order_by().values_list(*fields)
             for q in _subject_sets(commune)]
    return set(parts[0].union(*parts[1:]))


def award_years(*, commune) -> list[int]:
    return sorted((year for (year,) in _union(commune, "year")), reverse=True)


def honour_board(*, commune, year: int) -> dict:
    """The year's awards of the commune's people and collectives, by title or form (highest
    first); LĐTT/CSTT and Gia đình văn hóa as counts (per village for households)."""
    rows = _union(commune, "pk", "award_type__code", year=year)
    # Separate id lists, so that each query below reads just its rows by primary key.
    base = Award.objects.filter(pk__in=sorted(pk for pk, code in rows if code in COUNTED_CODES))
    awards = (Award.objects.filter(pk__in=sorted(pk for pk, code in rows if code not in COUNTED_CODES))
              .select_related("award_type", "organisation", "person__household__village", "household__village")
              .only("id", "year", "period_label", "decision_number", "decision_date", "issuer_name",
                    "award_type__name", "award_type__rank", "organisation__name",
                    *[f"person__{f}" for f in PUBLIC_PERSON_FIELDS], "person__household__village__name",
                    "household__head_name", "household__village__name")
              .prefetch_related(Prefetch("person__memberships", queryset=Membership.objects.select_related(
                  "organisation").only("id", "person_id", "position", "start", "end", "organisation__name"))))
    groups: dict[str, AwardGroup] = {}
    for a in awards:
        group = groups.setdefault(a.award_type.name, AwardGroup(a.award_type.name, a.award_type.rank))
        group.holders.append({"name": _holder_name(a), "where": _holder_place(a), "award": a})
    for group in groups.values():
        group.holders.sort(key=lambda h: given_name_key(h["name"]))
    counts = dict(base.filter(award_type__code__in=("LDTT", "CSTT")).values_list("award_type__name")
                  .annotate(n=Count("id")).values_list("award_type__name", "n"))
    families = sorted(base.filter(award_type__code="GIA_DINH_VAN_HOA").values("household__village__name")
                      .annotate(n=Count("id")).values_list("household__village__name", "n"),
                      key=lambda row: collation_key(row[0] or ""))
    return {
        "groups": sorted(groups.values(), key=lambda g: (-g.rank, collation_key(g.name))),
        "individual_counts": sorted(counts.items()),
        "families": families,
        "families_total": sum(n for _, n in families),
    }


def _holder_name(award: Award) -> str:
    if award.person_id:
        return award.person.full_name
    if award.organisation_id:
        return award.organisation.name
    return f"Hộ {award.household.head_name}"


def _holder_place(award: Award) -> str:
    """Where the holder belongs, as the public may see it: a unit's name, or a village."""
    if award.person_id:
        memberships = list(award.person.memberships.all())
        if memberships:
            m = max(memberships, key=lambda m: (m.end is None, m.start or datetime.date.min))
            return ", ".join(x for x in (m.position, m.organisation.name) if x)
        village = award.person.household.village if award.person.household_id else None
        return village.name if village else ""
    if award.household_id:
        return award.household.village.name
    return ""


def verification(*, code: str) -> Award | None:
    """The award of a certificate's verification code, or None."""
    if not code or len(code) > 32:
        return None
    return (Award.objects.filter(verification_code=code)
            .select_related("award_type", "organisation", "person", "household__village")
            .only("id", "year", "period_label", "decision_number", "decision_date", "issuer_name", "revoked",
                  "verification_code", "award_type__name", "organisation__name", "person__full_name",
                  "household__head_name", "household__village__name")
            .first())


def holder_name(award: Award) -> str:
    return _holder_name(award)


def public_photo(*, pk: int, user) -> ExemplarPhoto:
    """A photo of a published exemplar; staff of the commune may also see unpublished ones."""
    photo = ExemplarPhoto.objects.select_related("exemplar__commune").filter(pk=pk).first()
    if photo is None:
        raise Http404
    if photo.exemplar.is_public:
        return photo
    if user.is_authenticated and can_see_organisation(user, photo.exemplar.commune):
        return photo
    raise Http404


# --- staff -------------------------------------------------------------------------------------

def staff_exemplars(*, user, commune) -> list[Exemplar]:
    if not can_see_organisation(user, commune):
        return []
    return list(Exemplar.objects.filter(commune=commune).select_related("person", "organisation")
                .annotate(photo_count=Count("photos")).order_by("-published_on", "display_name"))


def get_staff_exemplar(*, user, pk: int) -> Exemplar:
    exemplar = Exemplar.objects.select_related("commune", "person", "organisation").filter(pk=pk).first()
    if exemplar is None or not can_see_organisation(user, exemplar.commune):
        raise Http404("Không tìm thấy gương điển hình.")
    return exemplar


def published_months(*, commune, years: list[int], until: datetime.date) -> dict[int, set[int]]:
    """Months of each year in which at least one exemplar was published (with consent)."""
    months: dict[int, set[int]] = defaultdict(set)
    for day in (Exemplar.objects.filter(commune=commune, consent_to_publish=True, published_on__year__in=years,
                                        published_on__lte=until).values_list("published_on", flat=True)):
        months[day.year].add(day.month)
    return months


# --- publicity: the feed, the embeddable block, the poster, the radio bulletins ------------------

def month_exemplars(*, commune, today: datetime.date) -> tuple[datetime.date | None, list[Exemplar]]:
    """The exemplars of the month (published this month; else those of the latest month that
    has any): (first day of that month, exemplars)."""
    latest = Exemplar.objects.public(today).filter(commune=commune).order_by("-published_on").values_list(
        "published_on", flat=True).first()
    if latest is None:
        return None, []
    month = today.replace(day=1) if latest >= today.replace(day=1) else latest.replace(day=1)
    rows = list(_public_exemplars(commune).filter(published_on__year=month.year, published_on__month=month.month))
    return month, rows


@dataclass
class FeedEntry:
    title: str
    description: str
    link: str
    published: datetime.date
    updated: datetime.datetime | None
    category: str


def feed_entries(*, commune, today: datetime.date, limit: int = 30) -> list[FeedEntry]:
    """The public feed: each published exemplar, and the honour board of the latest two years
    (counts by title or form; names are on the linked page). Only what the public site shows."""
    from django.urls import reverse

    entries = [FeedEntry(
        title=f"{e.display_name} — {e.headline}", description=" · ".join(x for x in (e.role_line, e.headline) if x),
        link=reverse("public:exemplar", args=[e.slug]), published=e.published_on, updated=e.updated_at,
        category=e.get_sector_display()) for e in _public_exemplars(commune)[:limit]]
    for year in award_years(commune=commune)[:2]:
        board = honour_board(commune=commune, year=year)
        lines = [f"{g.name}: {len(g.holders)}" for g in board["groups"]]
        lines += [f"{name}: {n}" for name, n in board["individual_counts"]]
        if board["families_total"]:
            lines.append(f"Gia đình văn hóa: {board['families_total']} hộ")
        last = Award.objects.filter(year=year, decision_date__isnull=False).order_by("-decision_date").values_list(
            "decision_date", flat=True).first()
        published = min(last or datetime.date(year, 12, 31), today)
        entries.append(FeedEntry(
            title=f"Bảng vàng thi đua, khen thưởng năm {year}", description="; ".join(lines),
            link=f"{reverse('public:board')}?nam={year}", published=published, updated=None, category="Bảng vàng"))
    return sorted(entries, key=lambda e: e.published, reverse=True)


def month_decisions(*, commune, year: int, month: int) -> list[tuple]:
    """The award decisions the commune signed in the month, each with the awards it wrote in
    the ledger: [(decision, [award, …])]."""
    from thidua.proposals.models import Decision

    decisions = list(Decision.objects.filter(issuer=commune, kind=Decision.Kind.AWARD, date__year=year,
                                             date__month=month).order_by("date", "sequence", "pk"))
    result = []
    for d in decisions:
        awards = (Award.objects.filter(decision_number=d.number, decision_date=d.date, issuer_name=d.issuer_name,
                                       revoked=False)
                  .select_related("award_type", "organisation", "person__household__village", "household__village")
                  .prefetch_related(Prefetch("person__memberships",
                                             queryset=Membership.objects.select_related("organisation")))
                  .order_by("-award_type__rank", "pk"))
        result.append((d, list(awards)))
    return result
