"""Rules of the cultural titles as this app applies them.

"Gia đình văn hóa" is judged by the eligibility engine (ND 86/2023 Điều 6, Phụ lục I): the
village meeting's two confirmations and the exclusions of rules.md. "Thôn văn hóa" is not
automated by the engine (Phụ lục II and provincial scoring, [U]); the commune records that the
village meets its criteria, and the minimum share of recognised households is an editable
parameter with its source.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from thidua.awards.engine import current_parameters, judge
from thidua.rules import codes
from thidua.rules.eligibility import Verdict
from thidua.rules.history import SubjectHistory, YearRecord

from .models import CultureParameter, HouseholdReview


@dataclass(frozen=True)
class ParameterDefault:
    key: str
    value: Decimal
    label: str
    unit: str
    article: str
    marker: str  # V / S / U as in rules.md


DEFAULT_PARAMETERS = {
    p.key: p for p in [
        ParameterDefault(
            "thon_van_hoa.min_household_share", Decimal("70"),
            "Tỷ lệ hộ đạt “Gia đình văn hóa” tối thiểu để xét “Thôn văn hóa”", "%",
            "Nghị định 86/2023/NĐ-CP, Phụ lục II và quy định của tỉnh", "U"),
    ]
}


@dataclass(frozen=True)
class ParameterValue:
    default: ParameterDefault
    value: Decimal
    source_note: str
    overridden: bool


def parameters() -> list[ParameterValue]:
    rows = {p.key: p for p in CultureParameter.objects.filter(key__in=DEFAULT_PARAMETERS)}
    result = []
    for key, default in DEFAULT_PARAMETERS.items():
        row = rows.get(key)
        result.append(ParameterValue(default, row.value if row else default.value,
                                     row.source_note if row else f"Mặc định [{default.marker}]: {default.article}",
                                     row is not None))
    return result


def parameter(key: str) -> Decimal:
    row = CultureParameter.objects.filter(key=key).values_list("value", flat=True).first()
    return row if row is not None else DEFAULT_PARAMETERS[key].value


def household_history(entry: HouseholdReview, year: int) -> SubjectHistory:
    """The engine's view of a household in the review: the meeting's confirmations and the
    exclusions recorded for it."""
    confirmations = {codes.SoftCriterion.MOVEMENT_PARTICIPATION: entry.movement_ok,
                     codes.SoftCriterion.PROSPEROUS_FAMILY: entry.prosperous_ok}
    return SubjectHistory(kind=codes.SubjectKind.HOUSEHOLD,
                          years={year: YearRecord(year, confirmations=confirmations)},
                          household_exclusions=frozenset(codes.HouseholdExclusion(e) for e in entry.exclusions))


def judge_household(entry: HouseholdReview, year: int, params=None) -> Verdict:
    return judge(household_history(entry, year), target=codes.Title.GIA_DINH_VAN_HOA.value, year=year,
                 params=params or current_parameters(), case_id=f"household-{entry.household_id}")


def refusal_text(verdict: Verdict) -> str:
    return "; ".join(f"{c.rule}: {c.detail}" for c in verdict.failed_checks)[:500]
