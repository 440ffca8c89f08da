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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Callable, Iterable

from . import articles as A
from .codes import (
    RATED_CATEGORIES,
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


# --------------------------------------------------------------------------------------------
# The context of one evaluation: look-ups shared by the rules
# --------------------------------------------------------------------------------------------


class _Ctx:
    def __init__(self, case: Case, params: RuleParameters):
        self.case = case
        self.params = params
        self.Y = case.year
        self.reference = case.decision_date or date(case.year, 12, 31)
        # Discipline periods that began by the reference date.  Achievements count only from
        # the day the last of them ends (ND 152 Điều 4); an open period blocks everything.
        self.periods = sorted(
            (p for p in case.history.discipline if p.start <= self.reference),
            key=lambda p: (p.end or date.max, p.start),
        )
        self.count_from: date | None = (self.periods[-1].end or date.max) if self.periods else None

    def rec(self, year: int | None = None) -> YearRecord:
        return self.case.history.record(self.Y if year is None else year)

    def counted(self, year: int) -> bool:
        """A year counts when it begins on or after the end of the last discipline period."""
        return self.count_from is None or date(year, 1, 1) >= self.count_from

    def known(self, year: int) -> bool:
        return year in self.case.history.years

    def discipline_note(self) -> str:
        p = self.periods[-1]
        if p.end is None:
            return (f"kỷ luật {p.form.label.lower()} từ {_d(p.start)}, chưa hết thời hạn")
        return (f"kỷ luật {p.form.label.lower()} từ {_d(p.start)} đến {_d(p.end)}; thành tích "
                f"chỉ được tính từ ngày {_d(p.end)}")

    def why_not(self, year: int, what: str) -> str:
        """Why ``year`` breaks a chain of ``what``."""
        if not self.counted(year):
            return f"năm {year} không được tính ({self.discipline_note()})"
        if not self.known(year):
            return f"năm {year} không có dữ liệu (thiếu năm, chuỗi bị gián đoạn)"
        return f"năm {year} không {what}"


@dataclass(frozen=True)
class _Chain:
    ok: bool
    years: tuple[int, ...]  # the run found, ascending (may be shorter than required)
    detail: str


def _chain(ctx: _Ctx, qualifies: Callable[[YearRecord], bool], length: int, what: str) -> _Chain:
    """``length`` consecutive counted years satisfying ``qualifies``, ending at the judged year,
    or — when the judged year does not (yet) qualify — at most ``chain_end_lag_years`` earlier.
    "Consecutive" = no year missing (rules.md, practice [U])."""
    lag = ctx.params.chain_end_lag_years
    candidates = range(ctx.Y, ctx.Y - lag - 1, -1)
    end = next((y for y in candidates if ctx.counted(y) and qualifies(ctx.rec(y))), None)
    if end is None:
        reasons = "; ".join(ctx.why_not(y, what) for y in candidates)
        return _Chain(False, (), f"Không có năm cuối chuỗi: {reasons}")
    run = [end]
    while len(run) < length:
        previous = run[-1] - 1
        if not (ctx.counted(previous) and qualifies(ctx.rec(previous))):
            break
        run.append(previous)
    run.reverse()
    prefix = ""
    if end != ctx.Y:
        prefix = f"Năm {ctx.Y} chưa {what}, chuỗi tính đến năm {end}. "
    if len(run) >= length:
        return _Chain(True, tuple(run), f"{prefix}Các năm {_years(run)}: đủ {length} năm liên tục")
    return _Chain(False, tuple(run),
                  f"{prefix}Chỉ có {len(run)} năm liên tục ({_years(run)}); cần {length} năm; "
                  f"{ctx.why_not(run[0] - 1, what)}")


def _first_listed(ctx: _Ctx, attr: str) -> dict[str, int]:
    first: dict[str, int] = {}
    for year, rec in ctx.case.history.years.items():
        for item in getattr(rec, attr):
            first[item.id] = min(first.get(item.id, year), year)
    return first


def _usable_works(
    ctx: _Ctx, attr: str, years: Iterable[int], min_scope: Scope
) -> tuple[list[tuple[int, Initiative]], list[str]]:
    """Initiatives (``attr='initiatives'``) or science topics (``'science_topics'``) of
    ``years`` that may ground an award: scope ≥ ``min_scope``, in a counted year, not already
    used for another award (ND 152 Điều 4 [S]), each id once, and only in the year it was first
    listed (a work re-listed in a later year is the same work)."""
    first = _first_listed(ctx, attr)
    usable: list[tuple[int, Initiative]] = []
    notes: list[str] = []
    seen: set[str] = set()
    for year in sorted(set(years)):
        for item in getattr(ctx.rec(year), attr):
            if first[item.id] < year:
                notes.append(f"{item.id} đã được ghi nhận từ năm {first[item.id]}, "
                             f"không tính lại cho năm {year}")
            elif item.id in seen:
                continue  # listed twice in the same year
            elif not item.scope.at_least(min_scope):
                notes.append(f"{item.id} ({year}) chỉ có phạm vi {_lower_first(item.scope.label)}")
            elif not ctx.counted(year):
                notes.append(f"{item.id} ({year}) không được tính do kỷ luật")
            elif item.already_used:
                notes.append(f"{item.id} đã dùng làm căn cứ khen thưởng khác ({item.used_for})")
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
    return Check(rule, share >= minimum, article,
                 f"{count}/{members.total} {what} = {_pct(share)} (yêu cầu từ {_pct(minimum)})")


def _count_check(ctx: _Ctx, name: str, article: str, rule: str, what: str,
                 minimum: int | None = None, maximum: int | None = None) -> Check:
    members = ctx.rec().members
    value = None if members is None else getattr(members, name)
    if value is None:
        return Check(rule, False, article, f"Thiếu số liệu thành viên năm {ctx.Y} ({what})")
    passed = (minimum is None or value >= minimum) and (maximum is None or value <= maximum)
    return Check(rule, passed, article, f"{value} {what}")


def _contributions_check(ctx: _Ctx, minimum: int, article: str, rule: str) -> Check:
    window = ctx.params.household_contribution_window_years
    years = range(ctx.Y - window + 1, ctx.Y + 1)
    counted, notes = [], []
    for year in years:
        for c in ctx.rec(year).contributions:
            label = f"{c.kind.label}{': ' + c.description if c.description else ''} ({year})"
            if c.already_used:
                notes.append(f"{label} đã dùng làm căn cứ khen thưởng khác ({c.used_for})")
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


def _ldtt_or_cstt(ctx: _Ctx) -> list[Check]:
    """LĐTT / CSTT — Luật 2022, Điều 24."""
    article = A.LAW_LDTT_CSTT
    armed = ctx.case.category is Category.LUC_LUONG_VU_TRANG
    category = ctx.case.category.label if ctx.case.category else "không khai báo"
    if ctx.case.target is Title.CSTT:
        category_check = Check(
            "Danh hiệu Chiến sĩ tiên tiến xét cho cá nhân thuộc lực lượng vũ trang nhân dân",
            armed, article, f"Nhóm đối tượng: {category}")
    else:
        category_check = Check(
            "Danh hiệu Lao động tiên tiến xét cho cá nhân không thuộc lực lượng vũ trang "
            "(lực lượng vũ trang xét Chiến sĩ tiên tiến)",
            not armed, article, f"Nhóm đối tượng: {category}")
    minimum = ctx.params.ldtt_min_rating
    cat = ctx.case.category
    if cat is None or cat in RATED_CATEGORIES or armed:
        rating_rule = None
    else:  # workers, farmers, business people: productive work, confirmed by the unit's rating
        rating_rule = (f"Lao động sản xuất có hiệu quả — được đơn vị xác nhận bằng xếp loại năm "
                       f"{ctx.Y} từ {_lower_first(minimum.label)} trở lên")
    return [
        category_check,
        _rating_at_least(ctx, minimum, article, rating_rule),
        _soft(ctx, SoftCriterion.MOVEMENT_PARTICIPATION, article),
        _soft(ctx, SoftCriterion.SOLIDARITY, article),
    ]


def _cstd_co_so(ctx: _Ctx) -> list[Check]:
    """CSTĐCS — Luật 2022, Điều 23: LĐTT/CSTT that year AND one of: HTXSNV, an initiative
    recognised at base level or higher, an accepted science topic."""
    article = A.LAW_CSTD_CO_SO
    p = ctx.params
    rec = ctx.rec()
    held = [t.label for t in (Title.LDTT, Title.CSTT) if rec.has_title(t)]
    base_title = Check(
        f"Đạt danh hiệu Lao động tiên tiến hoặc Chiến sĩ tiên tiến năm {ctx.Y} "
        f"(kể cả được công nhận cùng đợt)",
        bool(held), article,
        f"Năm {ctx.Y}: {', '.join(held)}" if held
        else f"Năm {ctx.Y} chưa có danh hiệu Lao động tiên tiến/Chiến sĩ tiên tiến")

    grounds, misses = [], []
    ground_rating = p.cstd_co_so_rating_ground
    if rec.rating is not None and rec.rating.at_least(ground_rating):
        grounds.append(f"xếp loại {_lower_first(rec.rating.label)}")
    else:
        misses.append("xếp loại " + (_lower_first(rec.rating.label) if rec.rating else "chưa có"))
    ini, ini_notes = _usable_works(ctx, "initiatives", [ctx.Y], p.cstd_co_so_min_initiative_scope)
    top, top_notes = _usable_works(ctx, "science_topics", [ctx.Y],
                                   p.cstd_co_so_min_initiative_scope)
    if ini:
        grounds.append("sáng kiến " + _works_text(ini, []))
    else:
        misses.append("sáng kiến: " + _works_text(ini, ini_notes))
    if top:
        grounds.append("đề tài " + _works_text(top, []))
    else:
        misses.append("đề tài khoa học: " + _works_text(top, top_notes))
    ground = Check(
        f"Có một trong các căn cứ năm {ctx.Y}: xếp loại {_lower_first(ground_rating.label)}; "
        f"sáng kiến được công nhận từ {_lower_first(p.cstd_co_so_min_initiative_scope.label)} "
        f"trở lên; đề tài khoa học đã nghiệm thu",
        bool(grounds), article,
        ("Đạt: " + "; ".join(grounds)) if grounds else ("Không đạt: " + "; ".join(misses)))
    return [base_title, ground]


def _cstd_tinh(ctx: _Ctx) -> list[Check]:
    """CSTĐ cấp tỉnh — Luật 2022, Điều 22: 3 consecutive CSTĐCS + an initiative or science
    work with province-wide effect in that time."""
    article = A.LAW_CSTD_TINH
    p = ctx.params
    n = p.cstd_tinh_chain_years
    chain = _chain(ctx, lambda r: r.has_title(Title.CSTD_CO_SO), n, "đạt Chiến sĩ thi đua cơ sở")
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
    lag_years = range(ctx.Y, ctx.Y - p.chain_end_lag_years - 1, -1)
    end = next((y for y in lag_years
                if ctx.counted(y) and ctx.rec(y).has_title(Title.CSTD_TINH)), None)
    rule = f"Có {n} lần liên tục đạt Chiến sĩ thi đua cấp tỉnh"
    if end is None:
        reasons = "; ".join(ctx.why_not(y, "đạt Chiến sĩ thi đua cấp tỉnh") for y in lag_years)
        return [Check(rule, False, article, f"Không có lần gần nhất: {reasons}"),
                _scope_work_check(ctx, range(ctx.Y - p.cstd_tinh_chain_years + 1, ctx.Y + 1),
                                  p.cstd_toan_quoc_min_initiative_scope, article)]
    awards = [end]
    broken = ""
    while len(awards) < n:
        earlier = [y for y in ctx.case.history.years
                   if y < awards[-1] and ctx.counted(y) and ctx.rec(y).has_title(Title.CSTD_TINH)]
        if not earlier:
            broken = f"không có lần đạt Chiến sĩ thi đua cấp tỉnh được tính trước năm {awards[-1]}"
            break
        previous = max(earlier)
        gap = [y for y in range(previous + 1, awards[-1])
               if not (ctx.counted(y) and ctx.rec(y).has_title(Title.CSTD_CO_SO))]
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


def _collective_advanced(ctx: _Ctx) -> list[Check]:
    """TTLĐTT / Đơn vị tiên tiến — Luật 2022, Điều 28."""
    article = A.LAW_TTLDTT
    p = ctx.params
    who = "Lao động tiên tiến" if ctx.case.target is Title.TTLDTT else \
        "Lao động tiên tiến/Chiến sĩ tiên tiến"
    return [
        _rating_at_least(ctx, p.ttldtt_min_rating, article,
                         f"Tập thể xếp loại năm {ctx.Y} từ "
                         f"{_lower_first(p.ttldtt_min_rating.label)} trở lên"),
        _share_check(ctx, "ldtt", p.ttldtt_min_ldtt_share, article,
                     f"Có từ {_pct(p.ttldtt_min_ldtt_share)} cá nhân trong tập thể đạt danh "
                     f"hiệu {who}", f"cá nhân đạt {who}"),
        _count_check(ctx, "disciplined_canh_cao_or_above", article,
                     "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên",
                     "cá nhân bị kỷ luật từ cảnh cáo trở lên",
                     maximum=p.ttldtt_max_disciplined_members),
        _soft(ctx, SoftCriterion.MOVEMENT_PARTICIPATION, article,
              f"Tích cực tham gia phong trào thi đua (năm {ctx.Y})"),
        _soft(ctx, SoftCriterion.SOLIDARITY, article,
              f"Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật (năm {ctx.Y})"),
    ]


def _collective_excellent(ctx: _Ctx) -> list[Check]:
    """TTLĐXS / Đơn vị quyết thắng — Luật 2022, Điều 27."""
    article = A.LAW_TTLDXS
    p = ctx.params
    who = "Lao động tiên tiến" if ctx.case.target is Title.TTLDXS else \
        "Lao động tiên tiến/Chiến sĩ tiên tiến"
    return [
        _rating_at_least(ctx, p.ttldxs_required_rating, article,
                         f"Tập thể xếp loại năm {ctx.Y}: "
                         f"{_lower_first(p.ttldxs_required_rating.label)}"),
        _share_check(ctx, "completed", p.ttldxs_min_completed_share, article,
                     f"{_pct(p.ttldxs_min_completed_share)} cá nhân trong tập thể hoàn thành "
                     f"nhiệm vụ được giao", "cá nhân hoàn thành nhiệm vụ"),
        _share_check(ctx, "ldtt", p.ttldxs_min_ldtt_share, article,
                     f"Có từ {_pct(p.ttldxs_min_ldtt_share)} cá nhân đạt danh hiệu {who}",
                     f"cá nhân đạt {who}"),
        _count_check(ctx, "cstd_co_so", article,
                     f"Có ít nhất {p.ttldxs_min_cstd_co_so_members} cá nhân đạt danh hiệu Chiến sĩ "
                     f"thi đua cơ sở", "cá nhân đạt Chiến sĩ thi đua cơ sở",
                     minimum=p.ttldxs_min_cstd_co_so_members),
        _soft(ctx, SoftCriterion.MOVEMENT_PARTICIPATION, article,
              f"Có phong trào thi đua thường xuyên, thiết thực, hiệu quả (năm {ctx.Y})"),
        _soft(ctx, SoftCriterion.SOLIDARITY, article,
              f"Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách, pháp luật "
              f"(năm {ctx.Y})"),
    ]


def _family_culture(ctx: _Ctx) -> list[Check]:
    """Gia đình văn hóa — Nghị định 86/2023/NĐ-CP, Điều 6, Phụ lục I (three criteria; the
    exclusions are checked for every household in ``_general_checks``)."""
    article = A.ND86_FAMILY
    return [
        _soft(ctx, SoftCriterion.MOVEMENT_PARTICIPATION, article,
              f"Tích cực tham gia các phong trào thi đua, sinh hoạt tại cộng đồng (năm {ctx.Y})"),
        _soft(ctx, SoftCriterion.PROSPEROUS_FAMILY, article),
    ]


# --------------------------------------------------------------------------------------------
# Forms of reward
# --------------------------------------------------------------------------------------------


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
        _rating_at_least(ctx, p.giay_khen_min_rating, article),
        _soft(ctx, SoftCriterion.SOLIDARITY, article,
              f"Gương mẫu chấp hành chủ trương, chính sách, pháp luật (năm {ctx.Y})"),
        _soft(ctx, SoftCriterion.FIELD_ACHIEVEMENT, article),
    ]


def _bang_khen_tinh(ctx: _Ctx) -> list[Check]:
    """Bằng khen cấp tỉnh — Luật 2022, Điều 74; QĐ 86/2025 Bắc Ninh, Điều 3(3)."""
    article = A.BANG_KHEN_TINH
    p = ctx.params
    kind = ctx.case.subject
    if kind is SubjectKind.HOUSEHOLD:
        return [_contributions_check(
            ctx, p.bang_khen_tinh_household_min_contributions, article,
            "Hộ gia đình có nhiều đóng góp về công sức, đất đai, tài sản cho địa phương, xã hội")]
    solidarity = _soft(ctx, SoftCriterion.SOLIDARITY, article,
                       f"Gương mẫu chấp hành chủ trương, chính sách, pháp luật (năm {ctx.Y})")
    if kind is SubjectKind.COLLECTIVE:
        n = p.bang_khen_tinh_collective_years
        chain = _chain(
            ctx,
            lambda r: (r.rating is not None and r.rating.at_least(Rating.HTXSNV))
            or r.has_title(Title.TTLDXS, Title.DVQT),
            n, "hoàn thành xuất sắc nhiệm vụ hoặc đạt Tập thể lao động xuất sắc")
        return [Check(f"Có {n} năm liên tục hoàn thành xuất sắc nhiệm vụ hoặc đạt Tập thể lao "
                      f"động xuất sắc", chain.ok, article, chain.detail), solidarity]

    # Individual: one of the grounds.
    n1 = p.bang_khen_tinh_cstd_chain_years
    cstd = _chain(ctx, lambda r: r.has_title(Title.CSTD_CO_SO), n1, "đạt Chiến sĩ thi đua cơ sở")
    n2 = p.bang_khen_tinh_htxsnv_years
    k = p.bang_khen_tinh_min_initiatives
    excellent = _chain(ctx, lambda r: r.rating is not None and r.rating.at_least(Rating.HTXSNV),
                       n2, "hoàn thành xuất sắc nhiệm vụ")
    # "≥ 2 consecutive years HTXSNV": take the whole run of HTXSNV years ending at the chain end.
    if excellent.ok:
        run = list(excellent.years)
        while ctx.counted(run[0] - 1) and (r := ctx.rec(run[0] - 1)).rating is not None \
                and r.rating.at_least(Rating.HTXSNV):
            run.insert(0, run[0] - 1)
        window = run
    else:
        window = list(range(ctx.Y - n2 + 1, ctx.Y + 1))
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
    return [
        Check(f"Có một trong các căn cứ: {n1} năm liên tục đạt Chiến sĩ thi đua cơ sở; hoặc từ "
              f"{n2} năm liên tục hoàn thành xuất sắc nhiệm vụ, trong thời gian đó có {k} sáng "
              f"kiến cấp cơ sở (hoặc {k} đề tài khoa học) được công nhận",
              cstd.ok or ground2, article, detail),
        solidarity,
    ]


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
    RewardForm.BANG_KHEN_TINH: TargetRule(frozenset({_I, _C, _H}), A.BANG_KHEN_TINH,
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
        "Tiêu chí và thang điểm theo Phụ lục III và quy định của tỉnh — chưa kiểm chứng [U]"),
    Title.THON_VAN_HOA: TargetRule(
        frozenset({_C}), A.ND86_VILLAGE_COMMUNE, None,
        "Tiêu chí và thang điểm theo Phụ lục II và quy định của tỉnh — chưa kiểm chứng [U]"),
    RewardForm.BANG_KHEN_TTG: TargetRule(
        frozenset({_I, _C, _H}), A.LAW, None,
        "Điều kiện về chuỗi thành tích chưa kiểm chứng [U]; cấp xã chỉ đề nghị"),
    RewardForm.HUAN_CHUONG_LD3: TargetRule(
        frozenset({_I, _C}), A.LAW, None,
        "Điều kiện về chuỗi thành tích chưa kiểm chứng [U]; cấp xã chỉ đề nghị"),
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


def _general_checks(ctx: _Ctx, rule: TargetRule) -> list[Check]:
    checks = []
    for matter in PendingMatter:
        pending = matter in ctx.case.history.pending
        checks.append(Check(
            _PENDING_RULES[matter.value], not pending, A.ND152_PRINCIPLES,
            f"Hồ sơ ghi nhận: {_lower_first(matter.label)}" if pending
            else "Không có ghi nhận"))

    if not ctx.periods:
        detail = "Không có kỷ luật"
    else:
        detail = ctx.discipline_note()[:1].upper() + ctx.discipline_note()[1:]
    checks.append(Check(
        f"Thành tích năm {ctx.Y} được tính: không trong thời hạn kỷ luật; sau kỷ luật, thành "
        f"tích chỉ được tính từ ngày chấp hành xong",
        ctx.counted(ctx.Y), A.ND152_PRINCIPLES, detail))

    if ctx.case.subject is SubjectKind.HOUSEHOLD:
        excluded = sorted(ctx.case.history.household_exclusions, key=lambda e: e.value)
        article = A.ND86_FAMILY if ctx.case.target is Title.GIA_DINH_VAN_HOA else \
            f"{rule.article}; {A.ND86_FAMILY}"
        checks.append(Check(
            "Hộ gia đình chấp hành tốt pháp luật: không có thành viên bị truy cứu trách nhiệm "
            "hình sự, trốn nghĩa vụ quân sự, trốn thuế, bị xử phạt vì tảo hôn, vi phạm trật tự "
            "công cộng, đánh bạc hoặc vi phạm tương tự",
            not excluded, article,
            "; ".join(e.label for e in excluded) if excluded else "Không có trường hợp loại trừ"))
    return checks


# --------------------------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------------------------


def evaluate(case: Case, params: RuleParameters = DEFAULT_PARAMETERS) -> Verdict:
    """Judge ``case`` under ``params``.  Raises ``money.NoBaseSalaryError`` when a decision
    date falls before the base-salary table."""
    ctx = _Ctx(case, params)
    rule = TARGET_RULES[case.target]
    allowed = ", ".join(_lower_first(k.label) for k in SubjectKind if k in rule.subjects)
    subject_ok = case.subject in rule.subjects
    checks = [Check(f"Đối tượng được xét {case.target.label}: {allowed}", subject_ok,
                    rule.article, f"Hồ sơ là {_lower_first(case.subject.label)}")]
    checks += _general_checks(ctx, rule)
    if subject_ok:  # the target's criteria only make sense for a subject it applies to
        if rule.checks is None:
            checks.append(Check(
                f"Tiêu chuẩn {case.target.label} chưa được đưa vào bộ quy tắc tự động; cần Hội "
                f"đồng Thi đua – Khen thưởng thẩm định hồ sơ", False, rule.article, rule.note))
        else:
            checks += rule.checks(ctx)

    amount = None
    if case.decision_date is not None:
        amount = reward_amount(case.target, case.subject, case.decision_date, params)
    return Verdict(
        id=case.id,
        target=str(case.target),
        eligible=bool(checks) and all(c.passed for c in checks),
        authority=params.authority_for(case.target),
        checks=tuple(checks),
        amount_vnd=amount,
    )
