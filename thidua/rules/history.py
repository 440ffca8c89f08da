"""A subject's record, as the engine reads it.  Plain frozen dataclasses, no behaviour beyond
look-ups; the rules live in ``eligibility``.

Shape follows shared/domain/eligibility-format.md.  Optional extensions (all documented in
README.md, all optional in JSON):

* ``Initiative.used_for`` — the initiative/science topic already grounded another award, so it
  does not count again (ND 152 Điều 4, rules.md [S]).
* ``FormAward.round_kind`` — forms from sudden-feat (``sudden_feat``) or thematic (``thematic``)
  rounds are kept but never count toward merit (ND 152 Điều 4).
* ``YearRecord.confirmations`` — the unit's/council's yes/no on qualitative criteria
  (``SoftCriterion``), e.g. ``{"movement_participation": false}``.
* ``YearRecord.contributions`` — a household's contributions of labour, land, assets, or its
  achievements in a movement (Luật 2022, Điều 74, 75).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Iterable, Mapping

from .codes import (
    AwardCode,
    Category,
    ContributionKind,
    DisciplineForm,
    HouseholdExclusion,
    PendingMatter,
    Rating,
    RewardForm,
    RoundKind,
    Scope,
    SoftCriterion,
    SubjectKind,
    Title,
)


@dataclass(frozen=True)
class Initiative:
    """Sáng kiến hoặc đề tài khoa học đã được công nhận/nghiệm thu, with its recognised scope."""

    id: str
    scope: Scope
    used_for: str | None = None  # extension: the award it already grounded

    @property
    def already_used(self) -> bool:
        return bool(self.used_for)


@dataclass(frozen=True)
class FormAward:
    """A form of reward conferred in a year, with the kind of round it came from."""

    code: RewardForm
    round_kind: RoundKind = RoundKind.YEAR_END

    @property
    def counts_toward_merit(self) -> bool:
        return self.round_kind.counts_toward_merit


@dataclass(frozen=True)
class MembersSummary:
    """Số liệu thành viên của tập thể trong năm.  ``None`` = not reported."""

    total: int
    ldtt: int | None = None
    completed: int | None = None
    cstd_co_so: int | None = None
    disciplined_canh_cao_or_above: int | None = None
    # extension: who is counted, by name (the check lists them), in the order to show
    ldtt_names: tuple[str, ...] = ()
    cstd_co_so_names: tuple[str, ...] = ()

    def names_of(self, count_name: str) -> tuple[str, ...]:
        return getattr(self, f"{count_name}_names", ())


@dataclass(frozen=True)
class Contribution:
    """Đóng góp của hộ gia đình (extension)."""

    kind: ContributionKind
    description: str = ""
    used_for: str | None = None

    @property
    def already_used(self) -> bool:
        return bool(self.used_for)


@dataclass(frozen=True)
class YearRecord:
    """Everything recorded for one year.  ``titles``/``forms`` of the judged year include what
    is conferred in the same round."""

    year: int
    rating: Rating | None = None
    titles: frozenset[Title] = frozenset()
    forms: tuple[FormAward, ...] = ()
    initiatives: tuple[Initiative, ...] = ()
    science_topics: tuple[Initiative, ...] = ()
    members: MembersSummary | None = None
    confirmations: Mapping[SoftCriterion, bool] = field(default_factory=dict)
    contributions: tuple[Contribution, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "titles", frozenset(Title(t) for t in self.titles))
        object.__setattr__(self, "forms", tuple(
            f if isinstance(f, FormAward) else FormAward(RewardForm(f)) for f in self.forms))
        object.__setattr__(self, "initiatives", tuple(self.initiatives))
        object.__setattr__(self, "science_topics", tuple(self.science_topics))
        object.__setattr__(self, "contributions", tuple(self.contributions))
        object.__setattr__(self, "confirmations", MappingProxyType(dict(self.confirmations)))

    def has_title(self, *titles: Title) -> bool:
        return any(t in self.titles for t in titles)

    def merit_forms(self) -> tuple[FormAward, ...]:
        """Forms that count toward merit (not sudden-feat, not thematic — ND 152 Điều 4)."""
        return tuple(f for f in self.forms if f.counts_toward_merit)


@dataclass(frozen=True)
class DisciplinePeriod:
    """A disciplinary measure and its period.  ``end`` is the day the period ends
    (achievements count again from that day); ``None`` = not ended yet."""

    form: DisciplineForm
    start: date
    end: date | None = None


@dataclass(frozen=True)
class SubjectHistory:
    """What is known about one subject (person, collective or household)."""

    kind: SubjectKind
    category: Category | None = None
    years: Mapping[int, YearRecord] = field(default_factory=dict)
    pending: frozenset[PendingMatter] = frozenset()
    discipline: tuple[DisciplinePeriod, ...] = ()
    household_exclusions: frozenset[HouseholdExclusion] = frozenset()

    def __post_init__(self) -> None:
        years = self.years
        if type(years) is not dict and not isinstance(years, Mapping):  # dict first: the ABC check is slow
            years = {r.year: r for r in years}
        object.__setattr__(self, "years", MappingProxyType(dict(sorted(years.items()))))
        object.__setattr__(self, "pending", frozenset(self.pending))
        object.__setattr__(self, "discipline", tuple(self.discipline))
        object.__setattr__(self, "household_exclusions", frozenset(self.household_exclusions))

    def record(self, year: int) -> YearRecord:
        """The record of ``year``; a missing year is a year with nothing."""
        return self.years.get(year) or YearRecord(year)


@dataclass(frozen=True)
class Case:
    """One question to the engine: may this subject receive ``target`` for ``year``?"""

    id: str
    target: AwardCode
    year: int
    history: SubjectHistory
    decision_date: date | None = None

    @property
    def subject(self) -> SubjectKind:
        return self.history.kind

    @property
    def category(self) -> Category | None:
        return self.history.category

    def record(self, year: int | None = None) -> YearRecord:
        return self.history.record(self.year if year is None else year)

    @classmethod
    def build(
        cls,
        *,
        id: str,
        subject: SubjectKind | str,
        target: AwardCode | str,
        year: int,
        category: Category | str | None = None,
        decision_date: date | None = None,
        history: Iterable[YearRecord] = (),
        pending: Iterable[PendingMatter | str] = (),
        discipline: Iterable[DisciplinePeriod] = (),
        household_exclusions: Iterable[HouseholdExclusion | str] = (),
    ) -> "Case":
        """Flat constructor mirroring the JSON case (handy for Django callers and tests)."""
        from .codes import parse_award_code

        code = parse_award_code(target)
        if code is None:
            raise ValueError(f"Mã danh hiệu/hình thức không hợp lệ: {target!r}")
        return cls(
            id=id,
            target=code,
            year=year,
            decision_date=decision_date,
            history=SubjectHistory(
                kind=SubjectKind(subject),
                category=Category(category) if category else None,
                years={r.year: r for r in history},
                pending=frozenset(PendingMatter(p) for p in pending),
                discipline=tuple(discipline),
                household_exclusions=frozenset(HouseholdExclusion(h) for h in household_exclusions),
            ),
        )
