"""Statistics tables from the ledger: counts per year × title/form × individual/collective/
household × issuing level, and the reward money paid."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum

from thidua.awards.models import AwardType
from thidua.core.text import collation_key

from . import labels, scope

KINDS = ["individual", "collective", "household"]


@dataclass(frozen=True)
class Fact:
    year: int
    code: str
    subject_kind: str
    level: str


class Measure(str):
    """A measured result shown as text in the DOCX ("trên 95 %", "3.450.000.000 đồng") that
    keeps its parts, so the Excel sheet writes the number as a number and the unit apart."""

    comparator: str = ""
    value = None
    unit: str = ""

    def __new__(cls, text: str, *, comparator: str = "", value=None, unit: str = ""):
        measure = super().__new__(cls, text)
        measure.comparator, measure.value, measure.unit = comparator, value, unit
        return measure


@dataclass
class Row:
    cells: list
    style: str = ""   # "" | "group" | "total"


@dataclass
class StatTable:
    key: str
    title: str
    headers: list[str]
    rows: list[Row]
    label_cols: int = 1
    money_cols: set[int] = field(default_factory=set)
    note: str = ""
    measure_col: int | None = None   # a column of Measure cells (or plain notes)

    def value(self, *labels_: str, column: str):
        """The cell of the row whose label cells are ``labels_`` under header ``column``."""
        index = self.headers.index(column)
        for row in self.rows:
            if [str(c) for c in row.cells[:len(labels_)]] == list(labels_):
                return row.cells[index]
        raise KeyError(labels_)


@dataclass
class Statistics:
    years: list[int]
    counts: Counter          # Fact -> number of awards
    money: Counter           # year -> reward money (đồng)
    types: dict[str, AwardType]

    def count(self, *, year=None, code=None, subject_kind=None, level=None) -> int:
        return sum(n for f, n in self.counts.items()
                   if (year is None or f.year == year) and (code is None or f.code == code)
                   and (subject_kind is None or f.subject_kind == subject_kind)
                   and (level is None or f.level == level))


def collect(*, commune, year_from: int, year_to: int) -> Statistics:
    paths = scope.commune_paths(commune)
    counts: Counter = Counter()
    money: Counter = Counter()
    rows = (scope.awards(paths, year_from=year_from, year_to=year_to).order_by()
            .values("year", "award_type__code", "issuer__kind", "issuer_name",
                    is_person=Q(person__isnull=False), is_org=Q(organisation__isnull=False))
            .annotate(n=Count("pk"), money=Sum("amount")))
    for row in rows:
        kind = "individual" if row["is_person"] else "collective" if row["is_org"] else "household"
        level = labels.level_of(row["award_type__code"], row["issuer__kind"], row["issuer_name"])
        counts[Fact(row["year"], row["award_type__code"], kind, level)] += row["n"]
        money[row["year"]] += row["money"] or 0
    return Statistics(list(range(year_from, year_to + 1)), counts, money,
                      {t.code: t for t in AwardType.objects.all()})


def _type_order(stats: Statistics) -> list[str]:
    codes = {f.code for f in stats.counts}
    def key(code):
        t = stats.types.get(code)
        return (0 if t and t.kind == "title" else 1, -(t.rank if t else 0), collation_key(t.name if t else code))
    return sorted(codes, key=key)


def _type_name(stats: Statistics, code: str) -> str:
    t = stats.types.get(code)
    return t.name if t else code


def by_year(stats: Statistics, *, number: int = 1) -> StatTable:
    headers = ["Năm", "Tổng số"] + [labels.KIND_LABEL[k] for k in KINDS] + ["Tiền thưởng (đồng)"]
    rows = []
    for year in stats.years + [None]:
        cells = ["Cộng" if year is None else str(year), stats.count(year=year)]
        cells += [stats.count(year=year, subject_kind=k) for k in KINDS]
        cells.append(sum(stats.money.values()) if year is None else stats.money.get(year, 0))
        rows.append(Row(cells, "total" if year is None else ""))
    return StatTable("by_year", f"Bảng {number}. Tổng hợp số lượt khen thưởng theo năm", headers, rows,
                     money_cols={len(headers) - 1},
                     note="Số lượt danh hiệu, hình thức khen thưởng ghi trong sổ khen thưởng (không tính khen thưởng "
                          "đã thu hồi); tiền thưởng theo các quyết định có ghi số tiền.")


def by_type(stats: Statistics, *, number: int = 2) -> StatTable:
    headers = ["Danh hiệu, hình thức", "Đối tượng"] + [str(y) for y in stats.years] + ["Cộng"]
    rows: list[Row] = []
    order = _type_order(stats)
    for kind_label, kind in (("Danh hiệu thi đua", "title"), ("Hình thức khen thưởng", "form")):
        codes = [c for c in order if (stats.types.get(c).kind if stats.types.get(c) else "form") == kind]
        if not codes:
            continue
        rows.append(Row([kind_label, ""] + [""] * (len(stats.years) + 1), "group"))
        for code in codes:
            for subject in KINDS:
                total = stats.count(code=code, subject_kind=subject)
                if not total:
                    continue
                rows.append(Row([_type_name(stats, code), labels.KIND_LABEL[subject]]
                                + [stats.count(year=y, code=code, subject_kind=subject) for y in stats.years]
                                + [total]))
    rows.append(Row(["Cộng", ""] + [stats.count(year=y) for y in stats.years] + [stats.count()], "total"))
    return StatTable("by_type", f"Bảng {number}. Danh hiệu thi đua, hình thức khen thưởng theo năm", headers, rows,
                     label_cols=2)


def by_level(stats: Statistics, *, number: int = 3) -> StatTable:
    headers = ["Cấp ban hành", "Đối tượng"] + [str(y) for y in stats.years] + ["Cộng"]
    rows: list[Row] = []
    for level, level_label in labels.LEVELS:
        for subject in KINDS:
            total = stats.count(level=level, subject_kind=subject)
            if not total:
                continue
            rows.append(Row([level_label, labels.KIND_LABEL[subject]]
                            + [stats.count(year=y, level=level, subject_kind=subject) for y in stats.years] + [total]))
    rows.append(Row(["Cộng", ""] + [stats.count(year=y) for y in stats.years] + [stats.count()], "total"))
    return StatTable("by_level", f"Bảng {number}. Khen thưởng theo cấp ban hành quyết định", headers, rows,
                     label_cols=2)


def by_type_and_level(stats: Statistics, *, number: int = 1) -> StatTable:
    """For one year: rows title/form × subject, columns issuing levels."""
    headers = ["Danh hiệu, hình thức", "Đối tượng"] + [label for _, label in labels.LEVELS] + ["Cộng"]
    rows: list[Row] = []
    for code in _type_order(stats):
        for subject in KINDS:
            total = stats.count(code=code, subject_kind=subject)
            if total:
                rows.append(Row([_type_name(stats, code), labels.KIND_LABEL[subject]]
                                + [stats.count(code=code, subject_kind=subject, level=lv) for lv, _ in labels.LEVELS]
                                + [total]))
    rows.append(Row(["Cộng", ""] + [stats.count(level=lv) for lv, _ in labels.LEVELS] + [stats.count()], "total"))
    return StatTable("by_type_level", f"Bảng {number}. Danh hiệu thi đua, hình thức khen thưởng theo cấp ban hành",
                     headers, rows, label_cols=2)
