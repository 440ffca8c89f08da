"""Exemplars by sector ("Một số gương điển hình"), built from the ledger.

Who: collectives with a non-routine award in the period (above TTLDTT); people with a
non-routine award (above LĐTT/CSTT) or a recognised initiative in the period; citizens with
a contribution, an award or an achievement note (``Person.note``).

Where (as the seed report groups them):
- a person or collective by the kind of their unit: schools by level (Mầm non / Tiểu học /
  THCS), health stations, police and military, the Front and mass organisations (each its
  own sub-group), villages, enterprises;
- a person whose unit has no sector of its own (a specialised office, the service centre)
  but who holds a Bằng khen or higher from a mass organisation (Đoàn, Hội Phụ nữ…) is placed
  in that organisation's sub-group; a person of another sector with such awards appears a
  second time there, with those awards only (the seed lists Vũ Thị Mỵ twice);
- citizens: land given (or money given) for roads → "hiến đất làm đường"; otherwise →
  "sản xuất, kinh doanh giỏi".

What: the record up to the end of the period, counted and dated as the seed writes it
("2 Bằng khen TW Đoàn (2021, 2023)", "Chiến sĩ thi đua cơ sở 4 năm (2021, 2022, 2023, 2024)",
"SKKN cấp tỉnh (2021)", "hoàn thành xuất sắc nhiệm vụ 5 năm liên tục").
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from thidua.awards.models import Award, Contribution, Initiative, Rating
from thidua.core.text import collation_key, format_vnd, search_key
from thidua.org.models import Membership, Organisation, Person

from . import labels, scope

K = Organisation.Kind

SECTORS = [
    ("giao_duc", "Lĩnh vực giáo dục"),
    ("y_te", "Lĩnh vực y tế"),
    ("an_ninh", "Lĩnh vực An ninh trật tự"),
    ("mttq", "Mặt trận Tổ quốc và các tổ chức chính trị - xã hội"),
    ("thon", "Các thôn, xóm"),
    ("hien_dat", "Phong trào hiến đất làm đường"),
    ("sxkd", "Tập thể, cá nhân sản xuất, kinh doanh giỏi"),
    ("khac", "Các cơ quan, đơn vị khác"),
]
SUBGROUPS = {
    "giao_duc": [("mam_non", "Bậc học Mầm non"), ("tieu_hoc", "Cấp Tiểu học"), ("thcs", "Cấp THCS")],
    "mttq": [("doan", "Công tác Đoàn thanh niên"), ("phu_nu", "Hội phụ nữ"), ("mat_tran", "Mặt trận Tổ quốc"),
             ("cuu_chien_binh", "Hội Cựu chiến binh"), ("nong_dan", "Hội Nông dân"), ("hoi_khac", "Các hội khác")],
}
KIND_SECTOR = {
    K.PRESCHOOL: ("giao_duc", "mam_non"), K.PRIMARY_SCHOOL: ("giao_duc", "tieu_hoc"),
    K.LOWER_SECONDARY: ("giao_duc", "thcs"), K.HEALTH_STATION: ("y_te", ""), K.POLICE: ("an_ninh", ""),
    K.MILITARY: ("an_ninh", ""), K.FATHERLAND_FRONT: ("mttq", "mat_tran"), K.YOUTH_UNION: ("mttq", "doan"),
    K.WOMEN_UNION: ("mttq", "phu_nu"), K.VETERANS: ("mttq", "cuu_chien_binh"), K.FARMERS: ("mttq", "nong_dan"),
    K.MASS_ORGANISATION: ("mttq", "hoi_khac"), K.VILLAGE: ("thon", ""), K.ENTERPRISE: ("sxkd", ""),
}
# Issuers belonging to a mass organisation (search keys, diacritics-free).
UNION_ISSUERS = {
    "doan": ("trung uong doan", "tinh doan", "thanh doan", "huyen doan", "doan tncs", "doan thanh nien"),
    "phu_nu": ("phu nu",),
    "cuu_chien_binh": ("cuu chien binh",),
    "nong_dan": ("nong dan",),
}
UNION_MIN_RANK = 70  # a Bằng khen or higher of the organisation
CITIZEN_CATEGORIES = {Person.Category.NHAN_DAN, Person.Category.DOANH_NHAN}


@dataclass
class Exemplar:
    kind: str                  # individual / collective / household
    name: str
    label: str                 # "Cô Nguyễn Thị Mai", "Trường THCS Thanh Giang"
    detail: str                # "Phó Hiệu trưởng, Trường Mầm non Hồng Phong"
    items: list[str]           # "Chiến sĩ thi đua cấp tỉnh (2022)", …
    rank: int = 0
    pk: int | None = None

    @property
    def summary(self) -> str:
        return ", ".join(self.items)

    @property
    def heading(self) -> str:
        return f"{self.label} ({self.detail})" if self.detail else self.label


@dataclass
class Subgroup:
    key: str
    label: str
    collectives: list[Exemplar] = field(default_factory=list)
    people: list[Exemplar] = field(default_factory=list)


@dataclass
class SectorGroup(Subgroup):
    """A sector's exemplars, and those of its subgroups (if it has any)."""
    subgroups: list[Subgroup] = field(default_factory=list)

    def all_people(self) -> list[Exemplar]:
        return self.people + [p for s in self.subgroups for p in s.people]

    def all_collectives(self) -> list[Exemplar]:
        return self.collectives + [c for s in self.subgroups for c in s.collectives]

    @property
    def empty(self) -> bool:
        return not (self.all_people() or self.all_collectives())


# --- phrasing ---------------------------------------------------------------------------------

def _when(awards: list[Award]) -> str:
    stamps = sorted({a.period_label or str(a.year) for a in awards})
    return ", ".join(stamps)


def award_items(awards: list[Award]) -> tuple[list[str], int]:
    """Phrases for a list of awards, highest rank first, and the highest rank."""
    groups: dict[str, list[Award]] = defaultdict(list)
    for award in awards:
        groups[labels.short_label(award)].append(award)
    ordered = sorted(groups.items(), key=lambda kv: (-max(a.award_type.rank for a in kv[1]),
                                                     collation_key(kv[0])))
    items = []
    for label, group in ordered:
        n = len(group)
        if n == 1:
            items.append(f"{label} ({_when(group)})")
        elif group[0].award_type.kind == "title":
            items.append(f"{label} {n} năm ({_when(group)})")
        else:
            items.append(f"{n} {label} ({_when(group)})")
    rank = max((a.award_type.rank for a in awards), default=0)
    return items, rank


INITIATIVE_KIND = {"skkn": "SKKN", "sang_kien": "Sáng kiến", "de_tai": "Đề tài khoa học"}


def initiative_items(initiatives: list[Initiative]) -> list[str]:
    groups: dict[tuple[int, str], list[Initiative]] = defaultdict(list)
    for item in initiatives:
        level = item.get_scope_display().lower()
        if item.scope == "CO_SO" and "huyện" in (item.recognised_by or "").lower():
            level = "cấp huyện"
        rank = {"TOAN_QUOC": 3, "TINH": 2}.get(item.scope, 1)
        groups[(rank, f"{INITIATIVE_KIND.get(item.kind, 'Sáng kiến')} {level}")].append(item)
    items = []
    for (_rank, label), group in sorted(groups.items(), key=lambda kv: -kv[0][0]):
        years = ", ".join(str(y) for y in sorted({i.year for i in group}))
        items.append(f"{label} ({years})" if len(group) == 1 else f"{len(group)} {label} ({years})")
    return items


def rating_item(ratings: list[Rating], year_from: int, year_to: int) -> str:
    years = sorted(r.year for r in ratings if r.rating == "HTXSNV" and year_from <= r.year <= year_to)
    if len(years) < 2:
        return ""
    if len(years) == year_to - year_from + 1:
        return f"hoàn thành xuất sắc nhiệm vụ {len(years)} năm liên tục"
    return f"hoàn thành xuất sắc nhiệm vụ {len(years)} năm ({', '.join(map(str, years))})"


def _note(text: str) -> str:
    text = (text or "").strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] not in ("SK", "OC") else text


def note_items(note: str, items: list[str]) -> list[str]:
    """The parts of a person's achievement note that the record does not already say."""
    said = search_key(" ".join(items))
    return [_note(part) for part in (note or "").split(";")
            if part.strip().rstrip(".") and search_key(part.strip().rstrip(".")) not in said]


def contribution_text(c: Contribution) -> str:
    text = c.description.strip().rstrip(".")
    if c.value_vnd and format_vnd(c.value_vnd) not in text:
        text += f" {format_vnd(c.value_vnd)}"
    return f"{text} ({c.year})"


# --- classification ---------------------------------------------------------------------------

def _union_of(award: Award) -> str:
    key = search_key(award.issuer_name)
    for union, needles in UNION_ISSUERS.items():
        if any(n in key for n in needles):
            return union
    return ""


def _honorific(person: Person, org: Organisation | None) -> str:
    if org is not None and org.kind in Organisation.SCHOOL_KINDS:
        return "Cô" if person.gender == Person.Gender.FEMALE else "Thầy"
    if person.category in CITIZEN_CATEGORIES and org is None:
        return "Bà" if person.gender == Person.Gender.FEMALE else "Ông"
    return "Đồng chí"


def _primary_membership(memberships: list[Membership], year_to: int) -> Membership | None:
    """The membership that places a person: current at the end of the period, else the latest."""
    if not memberships:
        return None
    import datetime

    end = datetime.date(year_to, 12, 31)
    current = [m for m in memberships if m.is_current_on(end)]
    pool = current or memberships
    return sorted(pool, key=lambda m: (m.start or datetime.date.min), reverse=True)[0]


def _sort(exemplars: list[Exemplar]) -> list[Exemplar]:
    return sorted(exemplars, key=lambda e: (-e.rank, -len(e.items), collation_key(e.name)))


def build(*, commune: Organisation, year_from: int, year_to: int,
          history_from: int | None = None) -> list[SectorGroup]:
    """Exemplars of the period. Their record is told from ``history_from`` (None: the whole
    record up to the period's end, as a five-year report tells it; an annual report passes
    its own year)."""
    paths = scope.commune_paths(commune)
    orgs = {o.pk: o for o in scope.organisations(paths)}
    # Routine individual titles (LĐTT, CSTT, Gia đình văn hóa) never make an exemplar: skip them.
    record = list(scope.awards(paths, year_from=history_from, year_to=year_to).exclude(
        Q(organisation__isnull=True) & Q(award_type__code__in=labels.ROUTINE_INDIVIDUAL)))
    by_person: dict[int, list[Award]] = defaultdict(list)
    by_org: dict[int, list[Award]] = defaultdict(list)
    by_household: dict[int, list[Award]] = defaultdict(list)
    for a in record:
        if a.person_id:
            by_person[a.person_id].append(a)
        elif a.organisation_id:
            by_org[a.organisation_id].append(a)
        else:
            by_household[a.household_id].append(a)

    def in_period(awards, routine=lambda a: False):
        return [a for a in awards if year_from <= a.year <= year_to and not routine(a)]

    groups = {key: SectorGroup(key, label) for key, label in SECTORS}
    for key, subs in SUBGROUPS.items():
        groups[key].subgroups = [Subgroup(k, label) for k, label in subs]

    def place(sector: str, sub: str, exemplar: Exemplar, collective: bool) -> None:
        group = groups[sector]
        target = next((s for s in group.subgroups if s.key == sub), None) if sub else None
        if target is None and group.subgroups and sector == "mttq":
            target = next(s for s in group.subgroups if s.key == "hoi_khac")
        holder = target or group
        (holder.collectives if collective else holder.people).append(exemplar)

    # Collectives.
    for org_id, awards in by_org.items():
        org = orgs.get(org_id)
        if org is None or not in_period(awards, lambda a: a.award_type.rank <= labels.ROUTINE_RANK_COLLECTIVE):
            continue
        items, rank = award_items(awards)
        sector, sub = KIND_SECTOR.get(org.kind, ("khac", ""))
        place(sector, sub if sector == "mttq" else "", Exemplar("collective", org.name, org.name, "", items, rank, org.pk),
              collective=True)

    # People working in the commune's units, and citizens.
    candidates = set(by_person)
    initiatives: dict[int, list[Initiative]] = defaultdict(list)
    initiative_qs = Initiative.objects.filter(authors__in=scope.people(paths), year__lte=year_to)
    if history_from is not None:
        initiative_qs = initiative_qs.filter(year__gte=history_from)
    for item in initiative_qs.prefetch_related("authors"):
        for author in item.authors.all():
            initiatives[author.pk].append(item)
            if year_from <= item.year:
                candidates.add(author.pk)
    citizens = scope.people(paths).filter(category__in=CITIZEN_CATEGORIES)
    candidates |= set(citizens.exclude(note="").values_list("pk", flat=True))
    contributions: dict[int, list[Contribution]] = defaultdict(list)
    for c in Contribution.objects.filter(household__village__path__in=[o.path for o in orgs.values()],
                                         year__gte=year_from, year__lte=year_to).select_related("household"):
        contributions[c.household_id].append(c)
    people = {p.pk: p for p in Person.objects.filter(pk__in=candidates).select_related("household__village")}
    candidates |= {p.pk for p in Person.objects.filter(household_id__in=contributions.keys())}
    people.update({p.pk: p for p in Person.objects.filter(pk__in=candidates - set(people))
                   .select_related("household__village")})
    memberships: dict[int, list[Membership]] = defaultdict(list)
    for m in Membership.objects.filter(person_id__in=people, organisation_id__in=orgs).select_related("organisation"):
        memberships[m.person_id].append(m)
    ratings: dict[int, list[Rating]] = defaultdict(list)
    for r in Rating.objects.filter(person_id__in=people, year__gte=year_from, year__lte=year_to):
        ratings[r.person_id].append(r)

    for pk, person in people.items():
        awards = by_person.get(pk, [])
        notable = [a for a in awards if a.award_type.code not in labels.ROUTINE_INDIVIDUAL]
        membership = _primary_membership(memberships.get(pk, []), year_to)
        org = membership.organisation if membership else None
        sector, sub = KIND_SECTOR.get(org.kind, ("khac", "")) if org else ("", "")
        household_contribs = contributions.get(person.household_id, []) if person.household_id else []
        is_citizen = person.category in CITIZEN_CATEGORIES and (org is None or org.kind == K.VILLAGE)
        if is_citizen:
            household_awards = by_household.get(person.household_id, []) if person.household_id else []
            items, rank = award_items(notable + household_awards)
            road = [c for c in household_contribs
                    if c.kind == "land" or (c.kind in ("assets", "labour") and "duong" in search_key(c.description))]
            village = person.household.village.name if person.household_id else ""
            detail = village[:1].lower() + village[1:] if village else ""
            if road:
                texts = [contribution_text(c) for c in road] + items
                exemplar = Exemplar("individual", person.full_name, f"{_honorific(person, None)} {person.full_name}",
                                    detail, texts, max(rank, 1), pk)
                place("hien_dat", "", exemplar, collective=False)
            elif household_contribs or items or (person.note and history_from is None):
                # An undated achievement note counts for a report over the whole record only.
                texts = ([_note(person.note)] if person.note else [contribution_text(c) for c in household_contribs])
                exemplar = Exemplar("individual", person.full_name, f"{_honorific(person, None)} {person.full_name}",
                                    detail, texts + items, rank, pk)
                place("sxkd", "", exemplar, collective=False)
            continue
        period_awards = in_period(notable)
        period_initiatives = [i for i in initiatives.get(pk, []) if i.year >= year_from]
        if not (period_awards or period_initiatives):
            continue
        items, rank = award_items(notable)
        items += initiative_items(initiatives.get(pk, []))
        rating = rating_item(ratings.get(pk, []), year_from, year_to)
        if rating:
            items.append(rating)
        if person.note and person.category not in CITIZEN_CATEGORIES:
            items += note_items(person.note, items)
        detail = ", ".join(x for x in [membership.position if membership else "", org.name if org else ""] if x)
        label = f"{_honorific(person, org)} {person.full_name}"
        # Mass-organisation awards: the person's place when their unit has no sector,
        # a second listing (with those awards only) when it has another one.
        unions: dict[str, list[Award]] = defaultdict(list)
        for a in notable:
            union = _union_of(a)
            if union and a.award_type.rank >= UNION_MIN_RANK:
                unions[union].append(a)
        if (not sector or sector == "khac") and unions:
            sector, sub = "mttq", max(unions, key=lambda u: len(unions[u]))
        elif sector == "mttq" and unions and sub not in unions:
            sub = max(unions, key=lambda u: len(unions[u]))
        place(sector or "khac", sub, Exemplar("individual", person.full_name, label, detail, items, rank, pk),
              collective=False)
        for union, union_awards in unions.items():
            if (sector == "mttq" and union == sub) or not in_period(union_awards):
                continue
            union_items, union_rank = award_items([a for a in notable if _union_of(a) == union])
            place("mttq", union, Exemplar("individual", person.full_name, label, detail, union_items, union_rank, pk),
                  collective=False)

    result = []
    for key, _label in SECTORS:
        group = groups[key]
        group.collectives = _sort(group.collectives)
        group.people = _sort(group.people)
        for sub in group.subgroups:
            sub.collectives, sub.people = _sort(sub.collectives), _sort(sub.people)
        group.subgroups = [s for s in group.subgroups if s.collectives or s.people]
        if not group.empty:
            result.append(group)
    return result
