"""Data of apps built alongside this one (movements, targets), read only when installed.

Each reader returns None when its app is missing or its data cannot be read, and the report
falls back to the narrative section written by a person."""
from __future__ import annotations

import logging

from django.apps import apps

from .statistics import Measure, Row, StatTable

log = logging.getLogger(__name__)

MOVEMENT_LEVELS = {"central": "Trung ương", "city": "Thành phố", "commune": "Xã", "unit": "Cơ quan, đơn vị"}


def _overlaps(movement, year_from: int, year_to: int) -> bool:
    year = getattr(movement, "year", None)
    if year:
        return year_from <= year <= year_to
    start, end = getattr(movement, "start_date", None), getattr(movement, "end_date", None)
    if start and start.year > year_to:
        return False
    if end and end.year < year_from:
        return False
    return True


def movement_results(*, commune, year_from: int, year_to: int, number: int) -> StatTable | None:
    """Results of the commune's movements in the period, as a table (None: nothing recorded)."""
    try:
        from thidua.movements.models import Movement

        movements = [m for m in Movement.objects.filter(commune=commune).prefetch_related("results__organisation")
                     if _overlaps(m, year_from, year_to)]
        rows = []
        for m in sorted(movements, key=lambda m: (list(MOVEMENT_LEVELS).index(m.level)
                                                  if m.level in MOVEMENT_LEVELS else 9, m.name)):
            for index, result in enumerate(m.results.all()):
                unit = getattr(result, "organisation", None)
                indicator = f"{result.indicator} — {unit.name}" if unit else result.indicator
                first = index == 0  # the movement is named once, on its first result
                measured = result.value is not None
                shown = Measure(result.display_value, value=result.value, unit=result.unit,
                                comparator=result.get_comparator_display() if result.comparator != "eq" else "",
                                ) if measured else (result.note or "")[:200]
                rows.append(Row([m.name if first else "", MOVEMENT_LEVELS.get(m.level, m.level) if first else "",
                                 indicator, shown, result.period]))
    except Exception:  # a sibling app mid-migration must not break the report
        log.exception("Could not read movement results for the report")
        return None
    if not rows:
        return None
    return StatTable("movements", f"Bảng {number}. Kết quả một số phong trào thi đua (số liệu theo dõi)",
                     ["Phong trào", "Cấp phát động", "Chỉ tiêu, kết quả", "Kết quả đạt được", "Thời kỳ"], rows,
                     label_cols=3, measure_col=3)


def target_lines(*, commune, year_from: int, year_to: int) -> list[str] | None:
    """The targets of the period as report lines ("- …"), when the targets app has any.

    Uses ``thidua.targets.selectors.report_lines(commune=, year_from=, year_to=)`` when that
    app provides it, else lists its ``Target`` rows of the commune and period, each by its
    plan wording (``plan_text``) or its name."""
    try:
        try:
            from thidua.targets import selectors
        except ImportError:
            selectors = None
        reader = getattr(selectors, "report_lines", None)
        if reader is not None:
            lines = list(reader(commune=commune, year_from=year_from, year_to=year_to))
        else:
            model = apps.get_model("targets", "Target")
            qs = model.objects.all()
            names = {f.name for f in model._meta.get_fields()}
            if "commune" in names:
                qs = qs.filter(commune=commune)
            if {"start_year", "end_year"} <= names:
                qs = qs.filter(start_year__lte=year_to, end_year__gte=year_from)
            if "order" in names:
                qs = qs.order_by("order", "pk")
            lines = []
            for target in qs:  # the plan's own wording when recorded, else the target's name
                line = (getattr(target, "plan_text", "") or str(target)).strip()
                if line and line not in lines:
                    lines.append(line)
    except LookupError:
        return None
    except Exception:
        log.exception("Could not read targets for the report")
        return None
    lines = [line if line.lstrip().startswith(("-", "+")) else f"- {line}" for line in lines if str(line).strip()]
    return lines or None


def good_practices(*, commune, year_from: int, year_to: int) -> list[str] | None:
    """The new factors and good practices of the period (thidua.inspections), for the section
    on exemplars: a count, then one line each, those promoted to the honour board first."""
    from thidua.inspections.selectors import practices_in

    rows = practices_in(commune=commune, year_from=year_from, year_to=year_to)
    if not rows:
        return None
    found = sum(1 for p in rows if p.source == "inspection")
    promoted = sum(1 for p in rows if p.promoted_on)
    head = (f"Phát hiện {len(rows)} nhân tố mới, cách làm hay ({found} qua kiểm tra, {len(rows) - found} do đơn vị "
            f"báo cáo)" + (f", trong đó {promoted} được biểu dương trên Bảng vàng của xã" if promoted else "") + ".")
    lines = [head]
    for p in rows:
        honour = " (biểu dương trên Bảng vàng)" if p.promoted_on else ""
        lines.append(f"+ {p.subject_name}: {p.title.rstrip('.')}{honour}; kết quả: {p.result.strip().rstrip('.')}.")
    return lines
