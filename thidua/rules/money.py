"""Reward money — Nghị định 152/2025/NĐ-CP, Điều 49–54.

* Amount = coefficient × base salary in force ON the decision date, rounded UP to the next
  ``rounding_step_vnd`` (10.000 đ) [V].
* Household = ``household_multiplier`` (1,5) × the individual coefficient of the same form [S];
  the rounding is applied once, to the final amount.
* Several titles in the same period: only the highest is paid; a title and a form in one round:
  both are paid [V].
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal
from typing import Iterable

from . import articles as A
from .codes import AwardCode, RewardForm, SubjectKind, Title, parse_award_code
from .parameters import DEFAULT_PARAMETERS, RuleParameters


class NoBaseSalaryError(LookupError):
    """No base salary is in force on the date (the table starts later)."""

    def __init__(self, day: date, first: date):
        super().__init__(
            f"Không có mức lương cơ sở áp dụng cho ngày {day:%d/%m/%Y} "
            f"(bảng lương cơ sở bắt đầu từ ngày {first:%d/%m/%Y})"
        )
        self.day = day
        self.first = first


def base_salary_on(day: date, params: RuleParameters = DEFAULT_PARAMETERS) -> int:
    """The base salary in force on ``day``: the entry with the latest start date ≤ ``day``
    (a new level applies from its first day, e.g. 2.530.000 đ from 01/7/2026)."""
    in_force = [amount for start, amount in params.base_salary_table if start <= day]
    if not in_force:
        raise NoBaseSalaryError(day, params.base_salary_table[0][0])
    return in_force[-1]


def coefficient_for(
    code: AwardCode | str,
    subject_kind: SubjectKind | str,
    params: RuleParameters = DEFAULT_PARAMETERS,
) -> Decimal | None:
    """The coefficient (× base salary) of ``code`` for ``subject_kind``; ``None`` when the
    decree sets no amount (e.g. GIA_DINH_VAN_HOA, a certificate only)."""
    award = parse_award_code(code)
    kind = SubjectKind(subject_kind)
    if award is None:
        raise ValueError(f"Mã danh hiệu/hình thức không hợp lệ: {code!r}")
    explicit = params.coefficients.get((str(award), str(kind)))
    if explicit is not None:
        return explicit
    if kind is SubjectKind.HOUSEHOLD and isinstance(award, RewardForm):
        individual = params.coefficients.get((str(award), str(SubjectKind.INDIVIDUAL)))
        if individual is not None:
            return individual * params.household_multiplier
    return None


def round_up(amount: Decimal | int, step: int) -> int:
    """Round ``amount`` UP to a multiple of ``step``; a multiple stays as it is."""
    units = (Decimal(amount) / Decimal(step)).to_integral_value(rounding=ROUND_CEILING)
    return int(units) * step


def reward_amount(
    code: AwardCode | str,
    subject_kind: SubjectKind | str,
    decision_date: date,
    params: RuleParameters = DEFAULT_PARAMETERS,
) -> int | None:
    """Reward money in đồng for ``code`` decided on ``decision_date``, or ``None`` when the code
    carries no coefficient.  LDTT on 15/12/2025: 0,3 × 2.340.000 = 702.000 → 710.000 đ."""
    coefficient = coefficient_for(code, subject_kind, params)
    if coefficient is None:
        return None
    return round_up(coefficient * base_salary_on(decision_date, params), params.rounding_step_vnd)


@dataclass(frozen=True)
class Payment:
    """One code of a round and what is paid for it."""

    code: str
    amount_vnd: int | None  # the code's own amount (None: no amount in the decree)
    paid: bool
    reason: str
    article: str = A.ND152_MONEY

    @property
    def paid_vnd(self) -> int:
        return self.amount_vnd if self.paid and self.amount_vnd else 0


def payable_amounts(
    codes: Iterable[AwardCode | str],
    subject_kind: SubjectKind | str,
    decision_date: date,
    params: RuleParameters = DEFAULT_PARAMETERS,
) -> list[Payment]:
    """What one subject is paid for the titles and forms it receives in one period/round.

    Only the highest-amount title is paid (ties: the first in the order given); every form is
    paid.  The result keeps the order of ``codes`` (duplicates dropped)."""
    awards: list[AwardCode] = []
    for code in codes:
        award = parse_award_code(code)
        if award is None:
            raise ValueError(f"Mã danh hiệu/hình thức không hợp lệ: {code!r}")
        if award not in awards:
            awards.append(award)
    amounts = {a: reward_amount(a, subject_kind, decision_date, params) for a in awards}
    paid_titles = [a for a in awards if isinstance(a, Title) and amounts[a] is not None]
    best = max(paid_titles, key=lambda a: amounts[a], default=None)  # max keeps the first tie

    payments = []
    for award in awards:
        amount = amounts[award]
        if amount is None:
            payments.append(Payment(str(award), None, False,
                                    f"{award.label}: không có mức tiền thưởng kèm theo"))
        elif isinstance(award, RewardForm):
            payments.append(Payment(str(award), amount, True,
                                    f"{award.label}: hình thức khen thưởng, được nhận tiền "
                                    f"thưởng (kể cả khi cùng đợt với danh hiệu)"))
        elif award == best:
            payments.append(Payment(str(award), amount, True,
                                    f"{award.label}: danh hiệu cao nhất trong cùng thời điểm, "
                                    f"được nhận tiền thưởng"))
        else:
            payments.append(Payment(str(award), amount, False,
                                    f"{award.label}: cùng thời điểm đạt nhiều danh hiệu, chỉ "
                                    f"nhận tiền thưởng của danh hiệu cao nhất ({best.label})"))
    return payments


def total_payable(payments: Iterable[Payment]) -> int:
    return sum(p.paid_vnd for p in payments)
