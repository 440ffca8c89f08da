"""The province office's reads. Everything is the user's province's (``access.province_for``):
a commune's user never reaches these, and a commune of another province answers 404."""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from html import escape
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from thidua.accounts.models import Role, User
from thidua.awards.models import Award, Rating
from thidua.core.text import collation_key, given_name_key, search_key
from thidua.org.models import Membership, Organisation, Person

from . import access, figures
from .models import CommuneFigures

K = Organisation.Kind
PERIOD = (2026, 2030)
SORTS = {"ten": "Tên xã, phường", **{m.key: m.label for m in figures.METRICS},
         "ca-nhan": "Số khen thưởng cá nhân"}


# --- communes -----------------------------------------------------------------------------------

def communes(*, user, query: str = "", show: str = "") -> list[Organisation]:
    """The province's communes and wards in Vietnamese order; ``show`` "cu": the former ones."""
    province = access.province_for(user)
    qs = Organisation.objects.filter(parent=province, kind=K.COMMUNE).select_related("merged_into").annotate(
        admins=Count("users", filter=Q(users__role=Role.ADMIN, users__is_active=True), distinct=True),
        former_count=Count("merged_from", distinct=True))
    qs = qs.filter(merged_into__isnull=False) if show == "cu" else qs.filter(merged_into__isnull=True)
    key = search_key(query)
    if key:
        qs = qs.filter(search_key__contains=key)
    return sorted(qs, key=lambda c: collation_key(c.name))


def get_commune(*, user, pk: int) -> Organisation:
    province = access.province_for(user)
    commune = Organisation.objects.filter(pk=pk, parent=province, kind=K.COMMUNE).select_related(
        "merged_into").first()
    if commune is None:
        raise Http404("Không tìm thấy xã, phường của tỉnh.")
    return commune


def merger_choices(province: Organisation):
    """Communes that can still be merged into a new one (not already merged)."""
    return Organisation.objects.filter(parent=province, kind=K.COMMUNE, merged_into__isnull=True)


def commune_admins(commune: Organisation) -> list[User]:
    return sorted(User.objects.filter(unit=commune, role=Role.ADMIN), key=lambda u: collation_key(u.username))


# --- completeness ---------------------------------------------------------------------------------

@dataclass
class YearGap:
    year: int
    units_missing: list[Organisation] = field(default_factory=list)
    rated_units: int = 0
    rated_people: int = 0

    @property
    def empty(self) -> bool:
        return not self.rated_units and not self.rated_people


def completeness_years(today: datetime.date | None = None) -> list[int]:
    """The last five finished years: a commune's ratings of these should all be in."""
    year = (today or timezone.localdate()).year
    return list(range(year - 5, year))


def _subtree(commune: Organisation):
    return Organisation.objects.filter(path__startswith=commune.path)


def people_without_unit(commune: Organisation) -> list[Person]:
    """People who were members of the commune's units but hold no current position anywhere:
    their records no longer say where they work (an import or a move left them behind).
    In Vietnamese order (given name first)."""
    today = timezone.localdate()
    current = Membership.objects.filter(Membership.current_q(today), person=OuterRef("pk"))
    people = (Person.objects.filter(pk__in=Membership.objects.filter(organisation__path__startswith=commune.path)
                                    .values("person_id"))
              .annotate(has_current=Exists(current)).filter(has_current=False))
    return sorted(people, key=lambda p: given_name_key(p.full_name))


def rating_gaps(commune: Organisation, years: list[int]) -> list[YearGap]:
    """Per year: the current units (not villages) with no rating, as a unit or for any of their
    people; a year with no rating at all in the commune is flagged as such."""
    units = list(_subtree(commune).exclude(pk=commune.pk).exclude(kind=K.VILLAGE).filter(valid_until__isnull=True))
    unit_ids = [u.pk for u in units]
    rated: dict[int, set[int]] = {y: set() for y in years}
    gaps = {y: YearGap(y) for y in years}
    for year, org_id in Rating.objects.filter(year__in=years, organisation_id__in=unit_ids).values_list(
            "year", "organisation_id"):
        rated[year].add(org_id)
        gaps[year].rated_units += 1
    for year, org_id, n in (Rating.objects.filter(year__in=years, person__memberships__organisation_id__in=unit_ids)
                            .values_list("year", "person__memberships__organisation_id")
                            .annotate(n=Count("id", distinct=True))):
        rated[year].add(org_id)
        gaps[year].rated_people += n
    for year in years:
        gaps[year].units_missing = sorted((u for u in units if u.pk not in rated[year]),
                                          key=lambda u: collation_key(u.name))
    return [gaps[y] for y in years]


def awards_without_number(commune: Organisation):
    """Ledger rows of the commune's people, units and households with no decision number."""
    paths = [commune.path]
    from thidua.accounts.scoping import path_subject_parts

    parts = path_subject_parts(paths)
    return (Award.objects.filter(revoked=False, decision_number="")
            .filter(Q(person_id__in=parts["members"]) | Q(organisation__path__startswith=commune.path)
                    | Q(household__village__path__startswith=commune.path))
            .select_related("award_type", "person", "organisation", "household")
            .order_by("-year", "award_type__name", "pk"))


# --- dashboards -----------------------------------------------------------------------------------

@dataclass
class Cell:
    metric: figures.Metric
    value: Decimal | None
    part: int
    whole: int
    target: Decimal | None = None
    direction: str = "at_least"

    def __post_init__(self):
        # computed once: the dashboard shows hundreds of cells
        self.text = "—" if self.value is None else f"{self.value:.1f}".replace(".", ",") + " %"
        if self.value is None or self.target is None:
            self.met = None
        else:
            self.met = self.value <= self.target if self.direction == "at_most" else self.value >= self.target
        self.small = f"{self.part}/{self.whole}" + (" · " + gettext("chưa đạt") if self.met is False else "")
        self.css = " missed" if self.met is False else ""


@dataclass
class Line:
    commune: Organisation | None
    values: dict
    cells: dict[str, Cell]
    url: str = ""

    @property
    def cell_list(self) -> list[Cell]:
        return list(self.cells.values())

    def cells_html(self) -> str:
        """The row's ratio cells, escaped, built once in Python (a 50-row page has 300 of them)."""
        return mark_safe("".join(
            f'<td class="num{c.css}" data-metric="{c.metric.key}">{escape(c.text)}<br><small class="muted">'
            f'{escape(c.small)}</small></td>' for c in self.cells.values()))

    @property
    def missed(self) -> int:
        return sum(1 for c in self.cells.values() if c.met is False)


def parse_period(text: str, today: datetime.date | None = None) -> tuple[list[int], str]:
    """``?nam=2025`` → ([2025], "2025"); ``?nam=2026-2030`` → the period's years so far."""
    this_year = (today or timezone.localdate()).year
    text = (text or "").strip()
    if text == f"{PERIOD[0]}-{PERIOD[1]}":
        return [y for y in range(PERIOD[0], PERIOD[1] + 1) if y <= this_year] or [PERIOD[0]], text
    if text.isdecimal() and 2000 <= int(text) <= this_year:
        return [int(text)], text
    return [this_year - 1], str(this_year - 1)


def target_table(province: Organisation, years: range) -> list[tuple[figures.Metric, list[Decimal | None]]]:
    """Each ratio with the province's planned value for each of ``years`` (one query)."""
    from thidua.targets.models import TargetValue

    planned = {(code, year): value for code, year, value in TargetValue.objects.filter(
        target__commune=province, year__in=list(years), planned__isnull=False).values_list(
        "target__code", "year", "planned")}
    return [(m, [planned.get((figures.target_code(m), y)) for y in years]) for m in figures.METRICS]


def targets_for(province: Organisation, years: list[int]) -> dict[str, Decimal]:
    """The province's target of each ratio for the shown year (for a period: its last year)."""
    from thidua.targets.models import TargetValue

    codes = {figures.target_code(m): m.key for m in figures.METRICS}
    found: dict[str, tuple[int, Decimal]] = {}
    for code, year, planned in (TargetValue.objects.filter(target__commune=province, target__code__in=codes,
                                                           year__lte=max(years), planned__isnull=False)
                                .values_list("target__code", "year", "planned")):
        key = codes[code]
        if key not in found or year > found[key][0]:
            found[key] = (year, planned)
    return {key: planned for key, (_y, planned) in found.items()}


def _line(commune, values, targets) -> Line:
    cells = {m.key: Cell(m, m.value(values), values.get(m.part, 0), values.get(m.whole, 0), targets.get(m.key),
                         m.direction) for m in figures.METRICS}
    return Line(commune, values, cells)


def dashboard(*, user, years: list[int], query: str = "", sort: str = "ten", only_missed: bool = False) -> dict:
    """Every commune's figures for ``years`` (summed over a period), the province's totals and
    targets; filtered by name (diacritics optional), sorted in Vietnamese order or by a ratio."""
    province = access.province_for(user)
    rows = list(CommuneFigures.objects.filter(province=province, year__in=years)
                .select_related("commune").only("commune__name", "commune__id", "commune__valid_until",
                                                "values", "computed_at", "year"))
    by_commune: dict[int, list] = {}
    for row in rows:
        by_commune.setdefault(row.commune_id, []).append(row)
    targets = targets_for(province, years)
    lines = [_line(group[0].commune, figures.add([r.values for r in group]), targets) for group in by_commune.values()]
    total = _line(None, figures.add([line.values for line in lines]), targets)
    key = search_key(query)
    if key:
        lines = [line for line in lines if key in search_key(line.commune.name)]
    if only_missed:
        lines = [line for line in lines if line.missed]
    lines.sort(key=lambda line: collation_key(line.commune.name))
    if sort in figures.METRIC_BY_KEY:
        # highest first; communes without the figure last (stable: Vietnamese order within)
        lines.sort(key=lambda line: (line.cells[sort].value is None, -(line.cells[sort].value or 0)))
    elif sort == "ca-nhan":
        lines.sort(key=lambda line: -line.values.get("individual", 0))
    computed = min((r.computed_at for r in rows), default=None)
    return {"province": province, "lines": lines, "total": total, "targets": targets,
            "metrics": figures.METRICS, "computed_at": computed, "communes": len(by_commune)}


def _n(x) -> str:
    """A coordinate for an SVG attribute: text, so the template never localises it ("12,5")."""
    return f"{x:g}"


def chart(lines: list[Line], metric: figures.Metric, target: Decimal | None) -> dict:
    """A horizontal bar chart drawn as SVG by the template: one bar per commune (0–100 %).
    Every number is handed over as text (see ``_n``)."""
    bar, gap, label_w, width = 18, 6, 190, 560
    plot = width - label_w - 60
    bars = []
    for i, line in enumerate(lines):
        cell = line.cells[metric.key]
        value = float(cell.value) if cell.value is not None else None
        w = round(plot * min(value, 100) / 100, 1) if value is not None else 0
        bars.append({"y": _n(i * (bar + gap)), "text_y": _n(i * (bar + gap) + bar - 5),
                     "name": line.commune.name if len(line.commune.name) <= 28 else line.commune.name[:27] + "…",
                     "w": _n(w), "value_x": _n(label_w + w + 4), "text": cell.text, "css": cell.css})
    height = max(1, len(lines)) * (bar + gap) + 24
    target_x = _n(label_w + round(plot * min(float(target), 100) / 100, 1)) if target is not None else None
    bars_svg = format_html_join(
        "\n", '<g><text x="{}" y="{}" text-anchor="end" class="label">{}</text><rect x="{}" y="{}" width="{}" '
        'height="{}" class="bar{}"></rect><text x="{}" y="{}" class="value">{}</text></g>',
        ((_n(label_w - 6), b["text_y"], b["name"], _n(label_w), b["y"], b["w"], _n(bar), b["css"], b["value_x"],
          b["text_y"], b["text"]) for b in bars))
    title = f"{metric.label}: " + "; ".join(f"{line.commune.name} {line.cells[metric.key].text}" for line in lines)
    return {"metric": metric, "bars": bars, "bars_svg": bars_svg, "title": title, "width": _n(width), "height": _n(height),
            "label_x": _n(label_w - 6), "label_w": _n(label_w), "bar": _n(bar), "target_x": target_x,
            "target": target, "axis_y": _n(height - 20), "tick_y": _n(height - 4),
            "ticks": [{"x": _n(label_w + plot * t // 100), "label": f"{t} %"} for t in (0, 25, 50, 75, 100)]}
