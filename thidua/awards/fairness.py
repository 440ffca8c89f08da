"""Fairness figures: who the awards go to.

The seed's goal (Part One IV.1, VI.1): "Tăng tỷ lệ khen thưởng cán bộ cơ sở, người trực tiếp
lao động sản xuất". For a period and a scope, each individual award is classed by its holder:
- leader: a position of head or deputy (trưởng, phó, chủ tịch, bí thư, giám đốc, chỉ huy…)
  in the holder's unit during that year;
- direct production worker: workers, farmers and villagers (categories người lao động,
  nhân dân);
- staff: everyone else;
plus the share going to women. Shares are of the awards to people. Collective awards and
awards to households (thousands of "Gia đình văn hóa" a year) are counted apart, each on its own
line: a household is not a direct worker, and counting it as one would drown the people.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from thidua.accounts.scoping import path_subject_parts, visible_organisations, visible_people
from thidua.org.models import Membership, Person

from .models import Award

LEADER_WORDS = re.compile(r"\b(trưởng|phó|chủ tịch|bí thư|giám đốc|chỉ huy|hiệu trưởng|trạm trưởng)\b", re.I)
DIRECT_CATEGORIES = {Person.Category.NGUOI_LAO_DONG, Person.Category.NHAN_DAN}
GROUPS = ("leader", "staff", "direct")
LABELS = {"leader": "Lãnh đạo, quản lý", "staff": "Cán bộ, công chức, viên chức, chiến sĩ",
          "direct": "Người trực tiếp lao động sản xuất", "women": "Nữ", "collective": "Tập thể",
          "household": "Hộ gia đình"}


def is_leader(position: str) -> bool:
    return bool(LEADER_WORDS.search(position or ""))


@dataclass
class YearFigures:
    year: int
    individual: int = 0
    leader: int = 0
    staff: int = 0
    direct: int = 0
    women: int = 0
    collective: int = 0
    household: int = 0
    by_type: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    by_unit: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def share(self, group: str) -> float | None:
        return round(100 * getattr(self, group) / self.individual, 1) if self.individual else None

    def count(self, *, type_name: str, collective: bool, household: bool, category: str | None,
              gender: str | None, leader) -> None:
        """Count one award (or proposal) in its groups; ``leader()`` is asked only when needed."""
        self.by_type[type_name] += 1
        if collective:
            self.collective += 1
            return
        if household:
            self.household += 1
            return
        self.individual += 1
        if category in DIRECT_CATEGORIES:
            self.direct += 1
        elif leader():
            self.leader += 1
        else:
            self.staff += 1
        if gender == Person.Gender.FEMALE:
            self.women += 1


def _positions(person_ids) -> dict[int, list[tuple]]:
    positions: dict[int, list[tuple]] = defaultdict(list)
    for m in Membership.objects.filter(person_id__in=person_ids).values("person_id", "position", "start", "end"):
        positions[m["person_id"]].append((m["position"], m["start"], m["end"]))
    return positions


def _leader_in(positions: dict[int, list[tuple]], person_id: int, year: int) -> bool:
    return any(is_leader(pos) and (start is None or start.year <= year) and (end is None or end.year >= year)
               for pos, start, end in positions.get(person_id, ()))


def holder_groups(awards: list[dict]) -> dict[int, str]:
    """Each individual award's holder group ("leader", "staff", "direct"), by award id, for
    rows read with ``id``, ``year``, ``person_id`` and ``person__category`` (one query for the
    holders' positions)."""
    positions = _positions({a["person_id"] for a in awards if a["person_id"]})
    groups = {}
    for a in awards:
        if not a["person_id"]:
            continue
        if a["person__category"] in DIRECT_CATEGORIES:
            groups[a["id"]] = "direct"
        else:
            groups[a["id"]] = "leader" if _leader_in(positions, a["person_id"], a["year"]) else "staff"
    return groups


def figures(*, user, years: range, unit=None) -> list[YearFigures]:
    """Per year: individual awards by holder group and women, collective awards."""
    orgs = visible_organisations(user)
    if unit is not None:
        orgs = orgs.filter(path__startswith=unit.path)
    people = visible_people(user)
    if unit is not None:
        people = people.filter(Q(memberships__organisation__path__startswith=unit.path)
                               | Q(household__village__path__startswith=unit.path))
    return _tally([Q(person__in=people) | Q(organisation__in=orgs) | Q(household__village__in=orgs)], years)


def subtree_figures(*, paths: list[str], years) -> list[YearFigures]:
    """The same figures for the subtrees at ``paths`` read without a user (a commune seen from
    its province, ``thidua.provinceoffice``): its units and villages, their people and residents —
    one indexed query per kind of subject (an OR of them reads the province's whole ledger)."""
    parts = path_subject_parts(paths)
    return _tally([Q(person_id__in=parts["members"]), Q(person_id__in=parts["residents"]),
                   Q(organisation_id__in=parts["organisations"]), Q(household_id__in=parts["households"])], years)


def _tally(subjects: list[Q], years) -> list[YearFigures]:
    """The awards of ``years`` matching any of ``subjects`` (each read on its own, once each)."""
    found: dict[int, dict] = {}
    for subject in subjects:
        for a in (Award.objects.filter(subject, year__in=list(years), revoked=False)
                  .values("id", "year", "person_id", "person__category", "person__gender", "organisation_id",
                          "household_id", "award_type__name")):
            found[a["id"]] = a
    awards = list(found.values())
    positions = _positions({a["person_id"] for a in awards if a["person_id"]})
    result = {y: YearFigures(y) for y in years}
    for a in awards:
        result[a["year"]].count(
            type_name=a["award_type__name"], collective=bool(a["organisation_id"]), household=bool(a["household_id"]),
            category=a["person__category"], gender=a["person__gender"],
            leader=lambda a=a: _leader_in(positions, a["person_id"], a["year"]))
    return [result[y] for y in years]


def trend(values: list[float | None]) -> str:
    """'tăng', 'giảm' or 'ổn định' between the first and last known values."""
    known = [v for v in values if v is not None]
    if len(known) < 2 or known[-1] == known[0]:
        return "ổn định"
    return "tăng" if known[-1] > known[0] else "giảm"


def proposal_figures(nominations, *, year: int) -> YearFigures:
    """The same figures for proposals not yet awarded (a round the council votes on): each
    nomination classed by its subject as an award of ``year`` would be, and counted per
    proposing unit (``nomination.dossier.unit``). Reads the subjects' positions in one query."""
    nominations = list(nominations)
    positions = _positions({n.person_id for n in nominations if n.person_id})
    fig = YearFigures(year)
    for n in nominations:
        person = n.person if n.person_id else None
        fig.count(type_name=n.award_type.name, collective=bool(n.organisation_id), household=bool(n.household_id),
                  category=person.category if person else None, gender=person.gender if person else None,
                  leader=lambda n=n: _leader_in(positions, n.person_id, year))
        fig.by_unit[n.dossier.unit.name] += 1
    return fig
