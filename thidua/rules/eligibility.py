"""Eligibility: may a subject receive a title or form for a year?

``evaluate(case, params)`` returns a ``Verdict`` whose ``checks`` list every condition looked at,
each citing its article.  ``eligible`` is true only when every check passed.

Order of the checks of every verdict:
1. the subject kind fits the target (the target's article);
2. ND 152 Điều 4: no pending discipline / investigation / complaint (one row each), and the
   judged year counts (not inside or before the end of a discipline period);
3. households: no member excluded (ND 86/2023 Điều 6, Phụ lục I; Luật Điều 74, 75);
4. the target's own criteria (``TARGET_RULES`` below, one function per article).

Qualitative criteria the data cannot prove ("đoàn kết", "tích cực tham gia phong trào") get
their own row: refused only when ``YearRecord.confirmations`` records ``False``; otherwise they
pass and the row says the unit/council confirms them at the ballot.

Every verdict is judged from its case alone, with no memo and no shortcut in building the
results: the candidate lists read verdicts stored when the ledger changes
(``thidua.awards.verdicts``), so speed is not this module's concern (issue #17, item 7).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Callable, Iterable, NamedTuple

from . import articles as A
from .codes import (
    RATED_CATEGORIES,
    label_of,
    AwardCode,
    Authority,
    Category,
    PendingMatter,
    Rating,
    RewardForm,
    Scope,
    SoftCriterion,
    SubjectKind,
    Title,
)
from .fmt import lower_first as _lower_first
from .fmt import percent as _pct
from .fmt import vn_date as _d
from .fmt import years_list as _years
from .history import Case, Initiative, YearRecord
from .money import reward_amount
from .parameters import DEFAULT_PARAMETERS, RuleParameters

# --------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    rule: str  # short Vietnamese statement of the condition
    passed: bool
    article: str
    detail: str  # what in the case decided it


@dataclass(frozen=True)
class Verdict:
    id: str
    target: str
    eligible: bool
    authority: Authority | None
    checks: tuple[Check, ...]
    amount_vnd: int | None = None

    @property
    def failed_checks(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.passed)


@dataclass(frozen=True)
class Shortfall:
    """What a candidate lacks: the failed checks of a verdict."""

    failed: tuple[Check, ...] = field(default_factory=tuple)

    @property
    def count(self) -> int:
        return len(self.failed)

    @property
    def one_short(self) -> bool:
        """Exactly one condition short (for "còn thiếu một điều kiện" lists)."""
        return len(self.failed) == 1

    @property
    def summary(self) -> str:
        if not self.failed:
            return "Đủ tất cả điều kiện"
        items = "; ".join(f"{c.rule} ({c.detail})" for c in self.failed)
        return f"Còn thiếu {len(self.failed)} điều kiện: {items}"


def shortfall(verdict: Verdict) -> Shortfall:
    return Shortfall(verdict.failed_checks)


def _flag(value: object) -> bool | None:
    """A confirmation as the rules read it: ``True``, ``False`` or anything else (``None``)."""
    return True if value is True else False if value is False else None


# Enum members as plain module constants (``Title.LDTT`` goes through the enum metaclass).
_LDTT, _CSTT, _CSTD_CO_SO, _CSTD_TINH = Title.LDTT, Title.CSTT, Title.CSTD_CO_SO, Title.CSTD_TINH
_TTLDTT, _TTLDXS, _DVQT, _GDVH = Title.TTLDTT, Title.TTLDXS, Title.DVQT, Title.GIA_DINH_VAN_HOA
_ARMED = Category.LUC_LUONG_VU_TRANG
_HTXSNV = Rating.HTXSNV
_MOVEMENT, _SOLIDARITY = SoftCriterion.MOVEMENT_PARTICIPATION, SoftCriterion.SOLIDARITY
_FIELD, _PROSPEROUS = SoftCriterion.FIELD_ACHIEVEMENT, SoftCriterion.PROSPEROUS_FAMILY


# --------------------------------------------------------------------------------------------
# The context of one evaluation: look-ups shared by the rules
# --------------------------------------------------------------------------------------------


class _Ctx:
    __slots__ = ("case", "params", "Y", "years", "record", "periods", "count_from",
                 "_first", "_works", "_note")

    def __init__(self, case: Case, params: RuleParameters):
        self.case = case
        self.params = params
        self.Y = case.year
        history = case.history
        self.years = history.years
        record = history.years.get(case.year)
        self.record = YearRecord(case.year) if record is None else record  # judged year
        self._first: dict[str, dict[str, int]] | None = None  # (computed when needed)
        self._works: dict[str, dict[int, tuple[Initiative, ...]]] | None = None
        self._note: str | None = None
        # Discipline periods that began by the reference date.  Achievements count only from
        # the day the last of them ends (ND 152 Điều 4); an open period blocks everything.
        if history.discipline:
            reference = self.reference
            self.periods = sorted(
                (p for p in history.discipline if p.start <= reference),
                key=lambda p: (p.end or date.max, p.start),
            )
        else:
            self.periods = []
        self.count_from: date | None = (self.periods[-1].end or date.max) if self.periods else None

    @property
    def reference(self) -> date:
        return self.case.decision_date or date(self.case.year, 12, 31)

    def rec(self, year: int | None = None) -> YearRecord:
        if year is None:
            return self.record
        record = self.years.get(year)
        return YearRecord(year) if record is None else record

    def counted(self, year: int) -> bool:
        """A year counts when it begins on or after the end of the last discipline period."""
        return self.count_from is None or date(year, 1, 1) >= self.count_from

    def known(self, year: int) -> bool:
        return year in self.years

    def first_listed(self, attr: str) -> dict[str, int]:
        """Per work id, the first year it is listed under ``attr`` (computed once)."""
        if self._first is None:
            self._first = {}
        first = self._first.get(attr)
        if first is None:
            first = self._first[attr] = _first_listed(self, attr)
        return first

    def works_by_year(self, attr: str) -> dict[int, tuple[Initiative, ...]]:
        """``{year: works}`` for the years that list works under ``attr``
        (``initiatives`` or ``science_topics``; both indexed once, in one pass)."""
        works = self._works
        if works is None:
            initiatives, topics = {}, {}
            works = self._works = {"initiatives": initiatives, "science_topics": topics}
            for year, rec in self.years.items():
                if rec.initiatives:
                    initiatives[year] = rec.initiatives
                if rec.science_topics:
                    topics[year] = rec.science_topics
        return works[attr]

    def any_works(self) -> bool:
        return bool(self.works_by_year("initiatives") or self.works_by_year("science_topics"))

    def discipline_note(self) -> str:
        note = self._note
        if note is None:
            p = self.periods[-1]
            if p.end is None:
                note = (f"kỷ luật {p.form.label.lower()} từ {_d(p.start)}, chưa hết thời hạn")
            else:
                note = (f"kỷ luật {p.form.label.lower()} từ {_d(p.start)} đến {_d(p.end)}; "
                        f"thành tích chỉ được tính từ ngày {_d(p.end)}")
            self._note = note
        return note

    def why_not(self, year: int, what: str) -> str:
        """Why ``year`` breaks a chain of ``what``."""
        if not self.counted(year):
            return f"năm {year} không được tính ({self.discipline_note()})"
        if not self.known(year):
            return f"năm {year} không có dữ liệu (thiếu năm, chuỗi bị gián đoạn)"
        return f"năm {year} không {what}"


class _Chain(NamedTuple):
    ok: bool
    years: tuple[int, ...]  # the run found, ascending (may be shorter than required)
    detail: str


def _chain(ctx: _Ctx, qualifies: Callable[[YearRecord], bool], length: int, what: str) -> _Chain:
    """``length`` consecutive counted years satisfying ``qualifies``, ending at the judged year,
    or — when the judged year does not (yet) qualify — at most ``chain_end_lag_years`` earlier.
    "Consecutive" = no year missing (rules.md, practice [U])."""
    Y = ctx.Y
    get, count_from = ctx.years.get, ctx.count_from  # ctx.rec / ctx.counted, inlined
    candidates = range(Y, Y - ctx.params.chain_end_lag_years - 1, -1)
    end = None
    for y in candidates:
        if (count_from is None or date(y, 1, 1) >= count_from) and qualifies(
                YearRecord(y) if (r := get(y)) is None else r):
            end = y
            break
    if end is None:
        reasons = "; ".join(ctx.why_not(y, what) for y in candidates)
        return _Chain(False, (), f"Không có năm cuối chuỗi: {reasons}")
    start = end  # the run is start..end
    while end - start + 1 < length:
        y = start - 1
        if not ((count_from is None or date(y, 1, 1) >= count_from) and qualifies(
                YearRecord(y) if (r := get(y)) is None else r)):
            break
        start = y
    return _chain_result(ctx, list(range(start, end + 1)), length, what)


def _chain_result(ctx: _Ctx, run: list[int], length: int, what: str) -> _Chain:
    prefix = ""
    if run[-1] != ctx.Y:
        prefix = f"Năm {ctx.Y} chưa {what}, chuỗi tính đến năm {run[-1]}. "
    if len(run) >= length:
        return _Chain(True, tuple(run), f"{prefix}Các năm {_years(run)}: đủ {length} năm liên tục")
    return _Chain(False, tuple(run),
                  f"{prefix}Chỉ có {len(run)} năm liên tục ({_years(run)}); cần {length} năm; "
                  f"{ctx.why_not(run[0] - 1, what)}")


def _has_cstd_co_so(r: YearRecord) -> bool:
    return _CSTD_CO_SO in r.titles


def _excellent(r: YearRecord) -> bool:
    return r.rating is not None and r.rating.at_least(_HTXSNV)


def _collective_excellent_year(r: YearRecord) -> bool:
    return (r.rating is not None and r.rating.at_least(_HTXSNV)) or r.has_title(_TTLDXS, _DVQT)


def _first_listed(ctx: _Ctx, attr: str) -> dict[str, int]:
    first: dict[str, int] = {}
    for year, items in ctx.works_by_year(attr).items():  # (years without works add nothing)
        for item in items:
            known = first.get(item.id)
            if known is None or year < known:
                first[item.id] = year
    return first


def _usable_works(
    ctx: _Ctx, attr: str, years: Iterable[int], min_scope: Scope
) -> tuple[list[tuple[int, Initiative]], list[str]]:
    """Initiatives (``attr='initiatives'``) or science topics (``'science_topics'``) of
    ``years`` that may ground an award: scope ≥ ``min_scope``, in a counted year, not already
    used for another award (ND 152 Điều 4 [S]), each id once, and only in the year it was first
    listed (a work re-listed in a later year is the same work)."""
    usable: list[tuple[int, Initiative]] = []
    notes: list[str] = []
    works = ctx.works_by_year(attr)
    if not works:  # the usual case: no work listed at all
        return usable, notes
    listed = [(year, works[year]) for year in sorted(set(years)) if year in works]
    first = ctx.first_listed(attr)
    seen: set[str] = set()
    for year, items in listed:
        year_counted = ctx.counted(year)
        for item in items:
            if first[item.id] < year:
                notes.append(f"{item.id} đã được ghi nhận từ năm {first[item.id]}, "
                             f"không tính lại cho năm {year}")
            elif item.id in seen:
                continue  # listed twice in the same year
            elif not item.scope.at_least(min_scope):
                notes.append(f"{item.id} ({year}) chỉ có phạm vi {_lower_first(item.scope.label)}")
            elif not year_counted:
                notes.append(f"{item.id} ({year}) không được tính do kỷ luật")
            elif item.already_used:
                notes.append(f"{item.id} đã được dùng làm căn cứ cho {label_of(item.used_for)}: "
                             f"mỗi sáng kiến, đề tài chỉ làm căn cứ cho một khen thưởng "
                             f"({A.CV5007})")
            else:
                usable.append((year, item))
                seen.add(item.id)
    return usable, notes


def _works_text(usable: list[tuple[int, Initiative]], notes: list[str]) -> str:
    """"SK-1 (2025, cấp cơ sở), SK-2 (…) (không tính: …)" or "không có"."""
    text = ", ".join(f"{i.id} ({y}, {_lower_first(i.scope.label)})" for y, i in usable)
    if notes:
        text = (text + " " if text else "") + "(không tính: " + "; ".join(notes) + ")"
    return text or "không có"


# --------------------------------------------------------------------------------------------
# Check builders shared by several articles
# --------------------------------------------------------------------------------------------


def _soft(ctx: _Ctx, criterion: SoftCriterion, article: str, rule: str | None = None) -> Check:
    value = ctx.rec().confirmations.get(criterion)
    if value is True:
        detail = "Đơn vị/Hội đồng đã xác nhận đạt"
    elif value is False:
        detail = "Đơn vị/Hội đồng xác nhận không đạt"
    else:
        detail = ("Tiêu chí định tính, không đo được từ số liệu; không có ghi nhận không đạt — "
                  "coi là đạt, do đơn vị và Hội đồng xác nhận khi bình xét")
    return Check(rule or f"{criterion.label} (năm {ctx.Y})", value is not False, article, detail)


def _soft_row(ctx: _Ctx, criterion: SoftCriterion, article: str, rule: str | None = None) -> Check:
    """``_soft`` of the judged year; ``rule`` is a template whose ``{}`` is the judged year."""
    return _soft(ctx, criterion, article, None if rule is None else rule.format(ctx.Y))


def _rating_at_least(ctx: _Ctx, minimum, article: str, rule: str | None = None) -> Check:
    rating = ctx.rec().rating
    if rating is None:
        return Check(rule or f"Xếp loại năm {ctx.Y} từ {_lower_first(minimum.label)} trở lên",
                     False, article, f"Chưa có xếp loại năm {ctx.Y}")
    return Check(rule or f"Xếp loại năm {ctx.Y} từ {_lower_first(minimum.label)} trở lên",
                 rating.at_least(minimum), article, f"Xếp loại năm {ctx.Y}: {rating.label}")


def _share_check(ctx: _Ctx, numerator_name: str, minimum: Fraction, article: str,
                 rule: str, what: str) -> Check:
    members = ctx.rec().members
    if members is None or getattr(members, numerator_name) is None:
        return Check(rule, False, article, f"Thiếu số liệu thành viên năm {ctx.Y} ({what})")
    if members.total <= 0:
        return Check(rule, False, article, f"Tổng số thành viên năm {ctx.Y} bằng 0")
    count = getattr(members, numerator_name)
    share = Fraction(count, members.total)
    detail = f"{count}/{members.total} {what} = {_pct(share)} (yêu cầu từ {_pct(minimum)})"
    names = members.names_of(numerator_name)
    if names:
        detail += ": " + ", ".join(names)
    return Check(rule, share >= minimum, article, detail)


def _count_check(ctx: _Ctx, name: str, article: str, rule: str, what: str,
                 minimum: int | None = None, maximum: int | None = None) -> Check:
    members = ctx.rec().members
    value = None if members is None else getattr(members, name)
    if value is None:
        return Check(rule, False, article, f"Thiếu số liệu thành viên năm {ctx.Y} ({what})")
    passed = (minimum is None or value >= minimum) and (maximum is None or value <= maximum)
    names = members.names_of(name)
    return Check(rule, passed, article, f"{value} {what}" + (f": {', '.join(names)}" if names else ""))


def _contributions_check(ctx: _Ctx, minimum: int, article: str, rule: str) -> Check:
    window = ctx.params.household_contribution_window_years
    years = range(ctx.Y - window + 1, ctx.Y + 1)
    return _contributions_row(ctx, years, minimum, article, rule)


def _contributions_row(ctx: _Ctx, years: range, minimum: int, article: str, rule: str) -> Check:
    counted, notes = [], []
    for year in years:
        for c in ctx.rec(year).contributions:
            label = f"{c.kind.label}{': ' + c.description if c.description else ''} ({year})"
            if c.already_used:
                notes.append(f"{label} đã được dùng làm căn cứ cho {label_of(c.used_for)}")
            elif not ctx.counted(year):
                notes.append(f"{label} không được tính do kỷ luật")
            else:
                counted.append(label)
    detail = f"{len(counted)} đóng góp được tính trong năm {_years(years)} (cần {minimum})"
    if counted:
        detail += ": " + "; ".join(counted)
    if notes:
        detail += "; không tính: " + "; ".join(notes)
    return Check(rule, len(counted) >= minimum, article, detail)


# --------------------------------------------------------------------------------------------
# Titles — Luật Thi đua, khen thưởng 2022
# --------------------------------------------------------------------------------------------


def _ldtt_category_check(ctx: _Ctx) -> Check:
    article = A.LAW_LDTT_CSTT
    armed = ctx.case.category is Category.LUC_LUONG_VU_TRANG
    category = ctx.case.category.label if ctx.case.category else "không khai báo"
    if ctx.case.target is Title.CSTT:
        return Check(
            "Danh hiệu Chiến sĩ tiên tiến xét cho cá nhân thuộc lực lượng vũ trang nhân dân",
            armed, article, f"Nhóm đối tượng: {category}")
    return Check(
        "Danh hiệu Lao động tiên tiến xét cho cá nhân không thuộc lực lượng vũ trang "
        "(lực lượng vũ trang xét Chiến sĩ tiên tiến)",
        not armed, article, f"Nhóm đối tượng: {category}")


def _ldtt_rating_check(ctx: _Ctx) -> Check:
    article = A.LAW_LDTT_CSTT
    minimum = ctx.params.ldtt_min_rating
    cat = ctx.case.category
    if cat is None or cat in RATED_CATEGORIES or cat is Category.LUC_LUONG_VU_TRANG:
        rating_rule = None
    else:  # workers, farmers, business people: productive work, confirmed by the unit's rating
        rating_rule = (f"Lao động sản xuất có hiệu quả — được đơn vị xác nhận bằng xếp loại năm "
                       f"{ctx.Y} từ {_lower_first(minimum.label)} trở lên")
    return _rating_at_least(ctx, minimum, article, rating_rule)


def _ldtt_or_cstt(ctx: _Ctx) -> list[Check]:
    """LĐTT / CSTT — Luật 2022, Điều 24."""
    article = A.LAW_LDTT_CSTT
    return [
        _ldtt_category_check(ctx),
        _ldtt_rating_check(ctx),
        _soft_row(ctx, _MOVEMENT, article),
        _soft_row(ctx, _SOLIDARITY, article),
    ]


def _cstd_co_so_standard(ctx: _Ctx) -> Check:
    """Luật 2022, Điều 23 khoản 1: "Đạt tiêu chuẩn danh hiệu “Lao động tiên tiến” hoặc “Chiến
    sĩ tiên tiến”" — the standard (Điều 24) judged from the same year's record, not a title
    already conferred.  A conferred title stands for a year whose rating was not recorded."""
    rec = ctx.rec()
    armed = ctx.case.category is _ARMED
    title = _CSTT if armed else _LDTT
    rating = _ldtt_rating_check(ctx)
    movement = _soft_row(ctx, _MOVEMENT, A.LAW_LDTT_CSTT)
    solidarity = _soft_row(ctx, _SOLIDARITY, A.LAW_LDTT_CSTT)
    held = [t.label for t in (_LDTT, _CSTT) if rec.has_title(t)]
    parts = [f"{c.rule[:1].lower()}{c.rule[1:]}: {'đạt' if c.passed else 'không đạt'} "
             f"({_lower_first(c.detail)})" for c in (rating, movement, solidarity)]
    passed = rating.passed and movement.passed and solidarity.passed
    if rec.rating is None and held and movement.passed and solidarity.passed:
        passed = True
        parts[0] = f"chưa có xếp loại năm {ctx.Y}, đã được công nhận {', '.join(held)}"
    detail = f"Năm {ctx.Y}: " + "; ".join(parts)
    if held and rec.rating is not None:
        detail += f" (đã có danh hiệu {', '.join(held)})"
    elif not held:
        detail += " (chưa cần có quyết định công nhận danh hiệu)"
    return Check(
        f"Đạt tiêu chuẩn danh hiệu “{title.label}” năm {ctx.Y}, xét theo kết quả năm {ctx.Y}",
        passed, A.LAW_CSTD_CO_SO_STANDARD, detail)


def _cstd_co_so_ground(ctx: _Ctx, ini, ini_notes, top, top_notes) -> Check:
    article = A.LAW_CSTD_CO_SO
    p = ctx.params
    rec = ctx.rec()
    grounds, misses = [], []
    ground_rating = p.cstd_co_so_rating_ground
    if rec.rating is not None and rec.rating.at_least(ground_rating):
        grounds.append(f"xếp loại {_lower_first(rec.rating.label)}")
    else:
        misses.append("xếp loại " + (_lower_first(rec.rating.label) if rec.rating else "chưa có"))
    if ini:
        grounds.append("sáng kiến " + _works_text(ini, []))
    else:
        misses.append("sáng kiến: " + _works_text(ini, ini_notes))
    if top:
        grounds.append("đề tài " + _works_text(top, []))
    else:
        misses.append("đề tài khoa học: " + _works_text(top, top_notes))
    return Check(
        f"Có một trong các căn cứ năm {ctx.Y}: xếp loại {_lower_first(ground_rating.label)}; "
        f"sáng kiến được công nhận từ {_lower_first(p.cstd_co_so_min_initiative_scope.label)} "
        f"trở lên; đề tài khoa học đã nghiệm thu",
        bool(grounds), article,
        ("Đạt: " + "; ".join(grounds)) if grounds else ("Không đạt: " + "; ".join(misses)))


def _cstd_co_so_ground_without_works(ctx: _Ctx) -> Check:
    return _cstd_co_so_ground(ctx, [], [], [], [])


def _cstd_co_so(ctx: _Ctx) -> list[Check]:
    """CSTĐCS — Luật 2022, Điều 23: the LĐTT/CSTT standard that year (khoản 1) AND one of:
    HTXSNV, an initiative recognised at base level or higher, an accepted science topic."""
    p = ctx.params
    Y = ctx.Y
    base_title = _cstd_co_so_standard(ctx)
    ini, ini_notes = _usable_works(ctx, "initiatives", (Y,), p.cstd_co_so_min_initiative_scope)
    top, top_notes = _usable_works(ctx, "science_topics", (Y,),
                                   p.cstd_co_so_min_initiative_scope)
    if ini or ini_notes or top or top_notes:
        ground = _cstd_co_so_ground(ctx, ini, ini_notes, top, top_notes)
    else:
        ground = _cstd_co_so_ground_without_works(ctx)
    return [base_title, ground]


def _cstd_tinh(ctx: _Ctx) -> list[Check]:
    """CSTĐ cấp tỉnh — Luật 2022, Điều 22: 3 consecutive CSTĐCS + an initiative or science
    work with province-wide effect in that time."""
    article = A.LAW_CSTD_TINH
    p = ctx.params
    n = p.cstd_tinh_chain_years
    chain = _chain(ctx, _has_cstd_co_so, n, "đạt Chiến sĩ thi đua cơ sở")
    chain_check = Check(f"Có {n} năm liên tục đạt Chiến sĩ thi đua cơ sở", chain.ok, article,
                         chain.detail)
    window = chain.years if chain.ok else range(ctx.Y - n + 1, ctx.Y + 1)
    return [chain_check, _scope_work_check(ctx, window, p.cstd_tinh_min_initiative_scope, article)]


def _scope_work_check(ctx: _Ctx, window: Iterable[int], scope: Scope, article: str) -> Check:
    window = list(window)
    ini, ini_notes = _usable_works(ctx, "initiatives", window, scope)
    top, top_notes = _usable_works(ctx, "science_topics", window, scope)
    return Check(
        f"Có sáng kiến hoặc đề tài khoa học có phạm vi ảnh hưởng từ {_lower_first(scope.label)} "
        f"trở lên trong thời gian đó",
        bool(ini or top), article,
        f"Năm {window[0]}–{window[-1]} — sáng kiến: {_works_text(ini, ini_notes)}; "
        f"đề tài: {_works_text(top, top_notes)}")


def _cstd_toan_quoc(ctx: _Ctx) -> list[Check]:
    """CSTĐ toàn quốc — Luật 2022, Điều 21: 2 consecutive CSTĐ cấp tỉnh + nation-wide effect.

    Two CSTĐ cấp tỉnh awards are consecutive when no year between them lacks CSTĐCS (the
    chain of base-level titles is unbroken); the later one is in the judged year or, when that
    year's title is not yet conferred, within ``chain_end_lag_years`` before it."""
    article = A.LAW_CSTD_TOAN_QUOC
    p = ctx.params
    n = p.cstd_toan_quoc_chain_length
    counted, rec = ctx.counted, ctx.rec
    lag_years = range(ctx.Y, ctx.Y - p.chain_end_lag_years - 1, -1)
    end = next((y for y in lag_years if counted(y) and _CSTD_TINH in rec(y).titles), None)
    rule = f"Có {n} lần liên tục đạt Chiến sĩ thi đua cấp tỉnh"
    if end is None:
        reasons = "; ".join(ctx.why_not(y, "đạt Chiến sĩ thi đua cấp tỉnh") for y in lag_years)
        return [Check(rule, False, article, f"Không có lần gần nhất: {reasons}"),
                _scope_work_check(ctx, range(ctx.Y - p.cstd_tinh_chain_years + 1, ctx.Y + 1),
                                  p.cstd_toan_quoc_min_initiative_scope, article)]
    awards = [end]
    broken = ""
    while len(awards) < n:
        earlier = [y for y in ctx.years
                   if y < awards[-1] and counted(y) and _CSTD_TINH in rec(y).titles]
        if not earlier:
            broken = f"không có lần đạt Chiến sĩ thi đua cấp tỉnh được tính trước năm {awards[-1]}"
            break
        previous = max(earlier)
        gap = [y for y in range(previous + 1, awards[-1])
               if not (counted(y) and _CSTD_CO_SO in rec(y).titles)]
        if gap:
            broken = (f"giữa năm {previous} và năm {awards[-1]} chuỗi Chiến sĩ thi đua cơ sở bị "
                      f"gián đoạn: {ctx.why_not(gap[0], 'đạt Chiến sĩ thi đua cơ sở')}")
            break
        awards.append(previous)
    awards.reverse()
    ok = len(awards) >= n
    detail = f"Các năm đạt: {_years(awards)}" + ("" if ok else f"; {broken}")
    first_window_start = awards[0] - p.cstd_tinh_chain_years + 1
    window = range(first_window_start, max(end, ctx.Y) + 1)
    return [Check(rule, ok, article, detail),
            _scope_work_check(ctx, window, p.cstd_toan_quoc_min_initiative_scope, article)]


# Luật 2022, Điều 27–28: "…cá nhân trong tập thể đạt danh hiệu “Lao động tiên tiến”": members
# awarded the title that year or nominated for it in the same round; qualifying is not enough.
_ATTAINED = "cá nhân đạt {who} (đã được công nhận hoặc được đề nghị cùng đợt)"


def _ldtt_share(ctx: _Ctx, title: Title, minimum: Fraction, article: str, rule: str) -> Check:
    """Luật 2022, Điều 27–28: at least ``minimum`` of the members attained LĐTT (a unit of the
    armed forces: LĐTT or CSTT).  ``rule`` is the article's wording, with ``{share}``, ``{who}``
    and ``{year}``."""
    who = "Lao động tiên tiến" if ctx.case.target is title else \
        "Lao động tiên tiến/Chiến sĩ tiên tiến"
    return _share_check(ctx, "ldtt", minimum, article,
                        rule.format(share=_pct(minimum), who=who, year=ctx.Y),
                        _ATTAINED.format(who=who))


def _collective_advanced(ctx: _Ctx) -> list[Check]:
    """TTLĐTT / Đơn vị tiên tiến — Luật 2022, Điều 28."""
    article = A.LAW_TTLDTT
    p = ctx.params
    return [
        _rating_at_least(ctx, p.ttldtt_min_rating, article,
                         f"Tập thể xếp loại năm {ctx.Y} từ "
                         f"{_lower_first(p.ttldtt_min_rating.label)} trở lên"),
        _ldtt_share(ctx, Title.TTLDTT, p.ttldtt_min_ldtt_share, article,
                    "Có từ {share} cá nhân trong tập thể đạt danh hiệu {who} năm {year}"),
        _count_check(ctx, "disciplined_canh_cao_or_above", article,
                     "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
                     "cá nhân bị kỷ luật từ cảnh cáo trở lên",
                     maximum=p.ttldtt_max_disciplined_members),
        _soft_row(ctx, _MOVEMENT, article, "Tích cực tham gia phong trào thi đua (năm {})"),
        _soft_row(ctx, _SOLIDARITY, article,
                  "Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật (năm {})"),
    ]


def _collective_excellent(ctx: _Ctx) -> list[Check]:
    """TTLĐXS / Đơn vị quyết thắng — Luật 2022, Điều 27."""
    article = A.LAW_TTLDXS
    p = ctx.params
    return [
        _rating_at_least(ctx, p.ttldxs_required_rating, article,
                         f"Tập thể xếp loại năm {ctx.Y}: "
                         f"{_lower_first(p.ttldxs_required_rating.label)}"),
        _share_check(ctx, "completed", p.ttldxs_min_completed_share, article,
                     f"{_pct(p.ttldxs_min_completed_share)} cá nhân trong tập thể hoàn thành "
                     f"nhiệm vụ được giao", "cá nhân hoàn thành nhiệm vụ"),
        _ldtt_share(ctx, Title.TTLDXS, p.ttldxs_min_ldtt_share, article,
                    "Có từ {share} cá nhân đạt danh hiệu {who} năm {year}"),
        _count_check(ctx, "cstd_co_so", article,
                     f"Có ít nhất {p.ttldxs_min_cstd_co_so_members} cá nhân đạt danh hiệu "
                     f"Chiến sĩ thi đua cơ sở", _ATTAINED.format(who="Chiến sĩ thi đua cơ sở"),
                     minimum=p.ttldxs_min_cstd_co_so_members),
        _soft_row(ctx, _MOVEMENT, article,
                  "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả (năm {})"),
        _soft_row(ctx, _SOLIDARITY, article,
                  "Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách, pháp luật "
                  "(năm {})"),
    ]


def _family_culture(ctx: _Ctx) -> list[Check]:
    """Gia đình văn hóa — Nghị định 86/2023/NĐ-CP, Điều 6, Phụ lục I (three criteria; the
    exclusions are checked for every household in ``_general_checks``)."""
    article = A.ND86_FAMILY
    return [
        _soft_row(ctx, _MOVEMENT, article,
                  "Tích cực tham gia các phong trào thi đua, sinh hoạt tại cộng đồng (năm {})"),
        _soft_row(ctx, _PROSPEROUS, article),
    ]


# --------------------------------------------------------------------------------------------
# Forms of reward
# --------------------------------------------------------------------------------------------


def _giay_khen_rating(ctx: _Ctx) -> Check:
    return _rating_at_least(ctx, ctx.params.giay_khen_min_rating, A.LAW_GIAY_KHEN)


def _giay_khen_xa(ctx: _Ctx) -> list[Check]:
    """Giấy khen — Luật 2022, Điều 75.  No consecutive years needed."""
    article = A.LAW_GIAY_KHEN
    p = ctx.params
    if ctx.case.subject is SubjectKind.HOUSEHOLD:
        return [_contributions_check(
            ctx, p.giay_khen_household_min_contributions, article,
            "Hộ gia đình có đóng góp công sức, đất đai, tài sản cho địa phương hoặc có thành "
            "tích trong phong trào thi đua")]
    return [
        _giay_khen_rating(ctx),
        _soft_row(ctx, _SOLIDARITY, article,
                  "Gương mẫu chấp hành chủ trương, chính sách, pháp luật (năm {})"),
        _soft_row(ctx, _FIELD, article),
    ]


def _bang_khen_article(ctx: _Ctx) -> str:
    return A.with_provincial(A.LAW_BANG_KHEN_TINH, "bang_khen_tinh", ctx.params.citations)


def _bang_khen_collective_rule(ctx: _Ctx) -> str:
    return (f"Có {ctx.params.bang_khen_tinh_collective_years} năm liên tục hoàn thành xuất sắc "
            f"nhiệm vụ hoặc đạt Tập thể lao động xuất sắc")


def _bang_khen_individual_rule(ctx: _Ctx) -> str:
    p = ctx.params
    n1, n2 = p.bang_khen_tinh_cstd_chain_years, p.bang_khen_tinh_htxsnv_years
    k = p.bang_khen_tinh_min_initiatives
    return (f"Có một trong các căn cứ: {n1} năm liên tục đạt Chiến sĩ thi đua cơ sở; hoặc từ "
            f"{n2} năm liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có {k} sáng "
            f"kiến cấp cơ sở (hoặc {k} đề tài khoa học) được công nhận")


def _bang_khen_tinh(ctx: _Ctx) -> list[Check]:
    """Bằng khen cấp tỉnh — Luật 2022, Điều 74, with the province's criteria (its regulation,
    cited through ``params.citations['bang_khen_tinh']`` when entered)."""
    article = _bang_khen_article(ctx)
    p = ctx.params
    kind = ctx.case.subject
    if kind is SubjectKind.HOUSEHOLD:
        return [_contributions_check(
            ctx, p.bang_khen_tinh_household_min_contributions, article,
            "Hộ gia đình có nhiều đóng góp về công sức, đất đai, tài sản cho địa phương, xã hội")]
    solidarity = _soft_row(ctx, _SOLIDARITY, article,
                           "Gương mẫu chấp hành chủ trương, chính sách, pháp luật (năm {})")
    if kind is SubjectKind.COLLECTIVE:
        n = p.bang_khen_tinh_collective_years
        chain = _chain(ctx, _collective_excellent_year, n,
                       "hoàn thành xuất sắc nhiệm vụ hoặc đạt Tập thể lao động xuất sắc")
        rule = _bang_khen_collective_rule(ctx)
        return [Check(rule, chain.ok, article, chain.detail), solidarity]

    # Individual: one of the grounds.
    n1 = p.bang_khen_tinh_cstd_chain_years
    cstd = _chain(ctx, _has_cstd_co_so, n1, "đạt Chiến sĩ thi đua cơ sở")
    n2 = p.bang_khen_tinh_htxsnv_years
    excellent = _chain(ctx, _excellent, n2, "hoàn thành xuất sắc nhiệm vụ")
    # "≥ 2 consecutive years HTXSNV": take the whole run of HTXSNV years ending at the chain end.
    if excellent.ok:
        first, last = excellent.years[0], excellent.years[-1]
        get, count_from = ctx.years.get, ctx.count_from
        while (count_from is None or date(first - 1, 1, 1) >= count_from) \
                and (r := get(first - 1)) is not None \
                and r.rating is not None and r.rating.at_least(_HTXSNV):
            first -= 1  # (a missing year has no rating: the run stops there)
    else:
        first, last = ctx.Y - n2 + 1, ctx.Y
    return [_bang_khen_individual(ctx, cstd, excellent, first, last), solidarity]


def _bang_khen_individual(ctx: _Ctx, cstd: _Chain, excellent: _Chain, first: int,
                          last: int) -> Check:
    article = _bang_khen_article(ctx)
    p = ctx.params
    k = p.bang_khen_tinh_min_initiatives
    window = list(range(first, last + 1))
    ini, ini_notes = _usable_works(ctx, "initiatives", window, Scope.CO_SO)
    top, top_notes = _usable_works(ctx, "science_topics", window, Scope.CO_SO)
    works_ok = len(ini) >= k or len(top) >= k
    ground2 = excellent.ok and works_ok
    run_text = (f"Hoàn thành xuất sắc nhiệm vụ liên tục các năm {_years(window)}"
                if excellent.ok else excellent.detail)
    ground2_text = (f"{run_text}; sáng kiến {_works_text(ini, ini_notes)}; "
                    f"đề tài {_works_text(top, top_notes)} (cần {k} sáng kiến hoặc {k} đề tài)")
    detail = (f"Căn cứ 1 ({'đạt' if cstd.ok else 'không đạt'}): {cstd.detail}. "
              f"Căn cứ 2 ({'đạt' if ground2 else 'không đạt'}): {ground2_text}")
    return Check(_bang_khen_individual_rule(ctx),
                  cstd.ok or ground2, article, detail)


# --------------------------------------------------------------------------------------------
# The table: one row per target
# --------------------------------------------------------------------------------------------

_I, _C, _H = SubjectKind.INDIVIDUAL, SubjectKind.COLLECTIVE, SubjectKind.HOUSEHOLD


@dataclass(frozen=True)
class TargetRule:
    subjects: frozenset[SubjectKind]
    article: str
    checks: Callable[[_Ctx], list[Check]] | None  # None: not automated (see ``note``)
    note: str = ""


TARGET_RULES: dict[AwardCode, TargetRule] = {
    Title.LDTT: TargetRule(frozenset({_I}), A.LAW_LDTT_CSTT, _ldtt_or_cstt),
    Title.CSTT: TargetRule(frozenset({_I}), A.LAW_LDTT_CSTT, _ldtt_or_cstt),
    Title.CSTD_CO_SO: TargetRule(frozenset({_I}), A.LAW_CSTD_CO_SO, _cstd_co_so),
    Title.CSTD_TINH: TargetRule(frozenset({_I}), A.LAW_CSTD_TINH, _cstd_tinh),
    Title.CSTD_TOAN_QUOC: TargetRule(frozenset({_I}), A.LAW_CSTD_TOAN_QUOC, _cstd_toan_quoc),
    Title.TTLDTT: TargetRule(frozenset({_C}), A.LAW_TTLDTT, _collective_advanced),
    Title.DVTT: TargetRule(frozenset({_C}), A.LAW_TTLDTT, _collective_advanced),
    Title.TTLDXS: TargetRule(frozenset({_C}), A.LAW_TTLDXS, _collective_excellent),
    Title.DVQT: TargetRule(frozenset({_C}), A.LAW_TTLDXS, _collective_excellent),
    Title.GIA_DINH_VAN_HOA: TargetRule(frozenset({_H}), A.ND86_FAMILY, _family_culture),
    RewardForm.GIAY_KHEN_XA: TargetRule(frozenset({_I, _C, _H}), A.LAW_GIAY_KHEN, _giay_khen_xa),
    RewardForm.BANG_KHEN_TINH: TargetRule(frozenset({_I, _C, _H}), A.LAW_BANG_KHEN_TINH,
                                          _bang_khen_tinh),
    # Not automated: the criteria need data the record does not hold, or are unverified [U].
    Title.CO_THI_DUA_TINH: TargetRule(
        frozenset({_C}), A.LAW_CO_THI_DUA_TINH, None,
        "Xét tập thể dẫn đầu cụm, khối thi đua của tỉnh, hoàn thành vượt mức chỉ tiêu — cần "
        "kết quả chấm điểm, xếp hạng của cụm, khối"),
    Title.CO_THI_DUA_CP: TargetRule(
        frozenset({_C}), A.LAW, None,
        "Do Thủ tướng Chính phủ quyết định; cấp xã chỉ đề nghị qua cấp tỉnh"),
    Title.XA_TIEU_BIEU: TargetRule(
        frozenset({_C}), A.ND86_VILLAGE_COMMUNE, None,
        "Tiêu chí và thang điểm theo Phụ lục III và quy định của tỉnh"),
    Title.THON_VAN_HOA: TargetRule(
        frozenset({_C}), A.ND86_VILLAGE_COMMUNE, None,
        "Tiêu chí và thang điểm theo Phụ lục II và quy định của tỉnh"),
    RewardForm.BANG_KHEN_TTG: TargetRule(
        frozenset({_I, _C, _H}), A.LAW, None,
        "Do Thủ tướng Chính phủ quyết định; cấp xã chỉ đề nghị qua cấp tỉnh"),
    RewardForm.HUAN_CHUONG_LD3: TargetRule(
        frozenset({_I, _C}), A.LAW, None,
        "Do Chủ tịch nước quyết định; cấp xã chỉ đề nghị qua cấp tỉnh"),
    RewardForm.KY_NIEM_CHUONG: TargetRule(
        frozenset({_I}), A.LAW, None,
        "Tiêu chuẩn do bộ, ngành, tỉnh ban hành riêng"),
}


# --------------------------------------------------------------------------------------------
# General principles — ND 152 Điều 4
# --------------------------------------------------------------------------------------------

_PENDING_RULES = {
    "discipline": "Không đang trong thời gian bị xem xét thi hành kỷ luật",
    "investigation": "Không đang bị điều tra, thanh tra, kiểm tra, kiểm toán",
    "complaint": "Không có đơn thư khiếu nại, tố cáo đang được xác minh, làm rõ",
}


# Rows that depend on nothing but whether the matter is pending: built once.
_PENDING_CHECKS = {
    matter: {pending: Check(
        _PENDING_RULES[matter.value], not pending, A.ND152_PRINCIPLES,
        f"Hồ sơ ghi nhận: {_lower_first(matter.label)}" if pending else "Không có ghi nhận")
        for pending in (False, True)}
    for matter in PendingMatter
}
_NOTHING_PENDING = tuple(rows[False] for rows in _PENDING_CHECKS.values())


def _discipline_check(ctx: _Ctx) -> Check:
    if not ctx.periods:
        detail = "Không có kỷ luật"
    else:
        detail = ctx.discipline_note()[:1].upper() + ctx.discipline_note()[1:]
    return Check(
        f"Thành tích năm {ctx.Y} được tính: không trong thời hạn kỷ luật; sau kỷ luật, thành "
        f"tích chỉ được tính từ ngày chấp hành xong",
        ctx.counted(ctx.Y), A.ND152_PRINCIPLES, detail)


def _household_check(ctx: _Ctx, rule: TargetRule) -> Check:
    excluded = sorted(ctx.case.history.household_exclusions, key=lambda e: e.value)
    article = A.ND86_FAMILY if ctx.case.target is Title.GIA_DINH_VAN_HOA else \
        f"{rule.article}; {A.ND86_FAMILY}"
    return Check(
        "Hộ gia đình chấp hành tốt pháp luật: không có thành viên bị truy cứu trách nhiệm "
        "hình sự, trốn nghĩa vụ quân sự, trốn thuế, bị xử phạt vì tảo hôn, vi phạm trật tự "
        "công cộng, đánh bạc hoặc vi phạm tương tự",
        not excluded, article,
        "; ".join(e.label for e in excluded) if excluded else "Không có trường hợp loại trừ")


def _general_checks(ctx: _Ctx, rule: TargetRule) -> list[Check]:
    history = ctx.case.history
    pending = history.pending
    if pending:
        checks = [rows[matter in pending] for matter, rows in _PENDING_CHECKS.items()]
    else:
        checks = list(_NOTHING_PENDING)

    checks.append(_discipline_check(ctx))

    if history.kind is _H:
        checks.append(_household_check(ctx, rule))
    return checks


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def _subject_check(case: Case, rule: TargetRule) -> Check:
    allowed = ", ".join(_lower_first(k.label) for k in SubjectKind if k in rule.subjects)
    return Check(f"Đối tượng được xét {case.target.label}: {allowed}",
                 case.subject in rule.subjects, rule.article,
                 f"Hồ sơ là {_lower_first(case.subject.label)}")


def _not_automated_check(case: Case, rule: TargetRule) -> Check:
    return Check(
        f"Tiêu chuẩn {case.target.label} chưa được đưa vào bộ quy tắc tự động; cần Hội "
        f"đồng Thi đua – Khen thưởng thẩm định hồ sơ", False, rule.article, rule.note)


def evaluate(case: Case, params: RuleParameters = DEFAULT_PARAMETERS) -> Verdict:
    """Judge ``case`` under ``params``.  Raises ``money.NoBaseSalaryError`` when a decision
    date falls before the base-salary table."""
    ctx = _Ctx(case, params)
    target = case.target
    subject = case.history.kind
    rule = TARGET_RULES[target]
    checks = [_subject_check(case, rule)]
    checks += _general_checks(ctx, rule)
    if subject in rule.subjects:  # the target's criteria only make sense for a subject it applies to
        if rule.checks is None:
            checks.append(_not_automated_check(case, rule))
        else:
            checks += rule.checks(ctx)
    amount = None
    if case.decision_date is not None:
        amount = reward_amount(target, subject, case.decision_date, params)
    return Verdict(case.id, str(target), all(check.passed for check in checks), params.authority_for(target),
                   tuple(checks), amount)
