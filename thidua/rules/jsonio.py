"""JSON in and out, in the shape of shared/domain/eligibility-format.md.

* ``case_from_dict(d)`` reads one case, or raises ``CaseError`` with a Vietnamese reason.
  Unknown fields are refused (a misspelt field must not silently change a verdict).
* ``verdict_to_dict(v)`` writes one verdict (``amount_vnd`` only when there is one).
* ``run_cases(items)`` does both for a list; a case that cannot be read (or has no base salary
  for its decision date) becomes ``{"id": …, "error": "<lý do>"}`` and the others still run.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterable, Mapping

from .codes import (
    Category,
    ContributionKind,
    DisciplineForm,
    HouseholdExclusion,
    LabeledEnum,
    PendingMatter,
    Rating,
    RewardForm,
    RoundKind,
    Scope,
    SoftCriterion,
    SubjectKind,
    Title,
    parse_award_code,
)
from .eligibility import Verdict, evaluate
from .history import (
    Case,
    Contribution,
    DisciplinePeriod,
    FormAward,
    Initiative,
    MembersSummary,
    SubjectHistory,
    YearRecord,
)
from .money import NoBaseSalaryError
from .parameters import DEFAULT_PARAMETERS, RuleParameters


class CaseError(ValueError):
    """A case that cannot be read.  ``str(error)`` is the Vietnamese reason."""


_CASE_KEYS = {"id", "subject", "category", "target", "year", "decision_date", "history",
              "pending", "discipline", "household_exclusions"}
_YEAR_KEYS = {"year", "rating", "titles", "forms", "initiatives", "science_topics", "members",
              "confirmations", "contributions"}
_MEMBER_KEYS = ("total", "ldtt", "completed", "cstd_co_so", "disciplined_canh_cao_or_above")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# --------------------------------------------------------------------------------------------
# Small readers; ``where`` is the JSON path shown in the message
# --------------------------------------------------------------------------------------------


def _fail(where: str, reason: str) -> CaseError:
    return CaseError(f"Trường '{where}': {reason}")


def _check_keys(d: Mapping, allowed: set[str], where: str) -> None:
    unknown = sorted(str(k) for k in d if k not in allowed)
    if unknown:
        place = f" trong '{where}'" if where else ""
        raise CaseError(f"Trường không được hỗ trợ{place}: {', '.join(repr(u) for u in unknown)}"
                        f" (các trường hợp lệ: {', '.join(sorted(allowed))})")


def _object(value: Any, where: str) -> Mapping:
    if not isinstance(value, Mapping):
        raise _fail(where, "phải là một đối tượng JSON")
    return value


def _list(value: Any, where: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(where, "phải là một mảng JSON")
    return value


def _int(value: Any, where: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _fail(where, f"phải là số nguyên (nhận được {value!r})")
    if minimum is not None and value < minimum:
        raise _fail(where, f"không được nhỏ hơn {minimum} (nhận được {value})")
    if maximum is not None and value > maximum:
        raise _fail(where, f"không được lớn hơn {maximum} (nhận được {value})")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, "phải là chuỗi ký tự khác rỗng")
    return value


def _code(enum: type[LabeledEnum], value: Any, where: str, what: str):
    member = enum.parse(value)
    if member is None:
        valid = ", ".join(m.value for m in enum)
        raise _fail(where, f"mã {what} không hợp lệ {value!r} (các mã hợp lệ: {valid})")
    return member


def _date(value: Any, where: str) -> date:
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise _fail(where, f"ngày không hợp lệ {value!r} (định dạng YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(where, f"ngày không tồn tại {value!r}") from None


def _required(d: Mapping, key: str) -> Any:
    if key not in d or d[key] is None:
        raise CaseError(f"Thiếu trường bắt buộc '{key}'")
    return d[key]


# --------------------------------------------------------------------------------------------
# Case
# --------------------------------------------------------------------------------------------


def _work(value: Any, where: str) -> Initiative:
    d = _object(value, where)
    _check_keys(d, {"id", "scope", "used_for"}, where)
    used_for = d.get("used_for")
    if used_for is not None and not isinstance(used_for, str):
        raise _fail(f"{where}.used_for", "phải là chuỗi ký tự hoặc null")
    return Initiative(
        id=_text(_required_in(d, "id", where), f"{where}.id"),
        scope=_code(Scope, _required_in(d, "scope", where), f"{where}.scope", "phạm vi"),
        used_for=used_for or None,
    )


def _required_in(d: Mapping, key: str, where: str) -> Any:
    if key not in d or d[key] is None:
        raise CaseError(f"Thiếu trường bắt buộc '{where}.{key}'")
    return d[key]


def _form(value: Any, where: str) -> FormAward:
    if isinstance(value, str):
        return FormAward(_form_code(value, where))
    d = _object(value, where)
    _check_keys(d, {"code", "round"}, where)
    code = _form_code(_required_in(d, "code", where), f"{where}.code")
    round_kind = RoundKind.YEAR_END
    if d.get("round") is not None:
        round_kind = _code(RoundKind, d["round"], f"{where}.round", "loại đợt khen thưởng")
    return FormAward(code, round_kind)


def _form_code(value: Any, where: str) -> RewardForm:
    if Title.parse(value) is not None:
        raise _fail(where, f"{value!r} là danh hiệu thi đua, hãy ghi ở 'titles'")
    return _code(RewardForm, value, where, "hình thức khen thưởng")


def _title(value: Any, where: str) -> Title:
    if RewardForm.parse(value) is not None:
        raise _fail(where, f"{value!r} là hình thức khen thưởng, hãy ghi ở 'forms'")
    return _code(Title, value, where, "danh hiệu")


def _members(value: Any, where: str) -> MembersSummary:
    d = _object(value, where)
    _check_keys(d, set(_MEMBER_KEYS), where)
    total = _int(_required_in(d, "total", where), f"{where}.total", minimum=0)
    counts = {}
    for key in _MEMBER_KEYS[1:]:
        if d.get(key) is not None:
            counts[key] = _int(d[key], f"{where}.{key}", minimum=0, maximum=total)
    return MembersSummary(total=total, **counts)


def _confirmations(value: Any, where: str) -> dict[SoftCriterion, bool]:
    d = _object(value, where)
    out = {}
    for key, flag in d.items():
        criterion = _code(SoftCriterion, key, f"{where}.{key}", "tiêu chí")
        if not isinstance(flag, bool):
            raise _fail(f"{where}.{key}", "phải là true hoặc false")
        out[criterion] = flag
    return out


def _contribution(value: Any, where: str) -> Contribution:
    d = _object(value, where)
    _check_keys(d, {"kind", "description", "used_for"}, where)
    description = d.get("description") or ""
    used_for = d.get("used_for")
    if not isinstance(description, str):
        raise _fail(f"{where}.description", "phải là chuỗi ký tự")
    if used_for is not None and not isinstance(used_for, str):
        raise _fail(f"{where}.used_for", "phải là chuỗi ký tự hoặc null")
    return Contribution(
        kind=_code(ContributionKind, _required_in(d, "kind", where), f"{where}.kind",
                   "loại đóng góp"),
        description=description,
        used_for=used_for or None,
    )


def _year_record(value: Any, where: str) -> YearRecord:
    d = _object(value, where)
    _check_keys(d, _YEAR_KEYS, where)
    year = _int(_required_in(d, "year", where), f"{where}.year", minimum=1900, maximum=2200)
    rating = None
    if d.get("rating") is not None:
        rating = _code(Rating, d["rating"], f"{where}.rating", "xếp loại")
    return YearRecord(
        year=year,
        rating=rating,
        titles=frozenset(_title(t, f"{where}.titles[{i}]")
                         for i, t in enumerate(_list(d.get("titles"), f"{where}.titles"))),
        forms=tuple(_form(f, f"{where}.forms[{i}]")
                    for i, f in enumerate(_list(d.get("forms"), f"{where}.forms"))),
        initiatives=tuple(_work(x, f"{where}.initiatives[{i}]") for i, x in
                          enumerate(_list(d.get("initiatives"), f"{where}.initiatives"))),
        science_topics=tuple(_work(x, f"{where}.science_topics[{i}]") for i, x in
                             enumerate(_list(d.get("science_topics"), f"{where}.science_topics"))),
        members=_members(d["members"], f"{where}.members") if d.get("members") is not None
        else None,
        confirmations=_confirmations(d["confirmations"], f"{where}.confirmations")
        if d.get("confirmations") is not None else {},
        contributions=tuple(_contribution(x, f"{where}.contributions[{i}]") for i, x in
                            enumerate(_list(d.get("contributions"), f"{where}.contributions"))),
    )


def _discipline(value: Any, where: str) -> DisciplinePeriod:
    d = _object(value, where)
    _check_keys(d, {"form", "from", "to"}, where)
    start = _date(_required_in(d, "from", where), f"{where}.from")
    end = _date(d["to"], f"{where}.to") if d.get("to") is not None else None
    if end is not None and end < start:
        raise _fail(f"{where}.to", f"ngày kết thúc {end.isoformat()} trước ngày bắt đầu "
                                   f"{start.isoformat()}")
    return DisciplinePeriod(
        form=_code(DisciplineForm, _required_in(d, "form", where), f"{where}.form",
                   "hình thức kỷ luật"),
        start=start,
        end=end,
    )


def case_from_dict(d: Any) -> Case:
    """Read one case (eligibility-format.md).  Raises ``CaseError`` (Vietnamese message)."""
    if not isinstance(d, Mapping):
        raise CaseError("Hồ sơ phải là một đối tượng JSON")
    _check_keys(d, _CASE_KEYS, "")
    case_id = _required(d, "id")
    if not isinstance(case_id, str) or not case_id.strip():
        raise _fail("id", "phải là chuỗi ký tự khác rỗng")
    subject = _code(SubjectKind, _required(d, "subject"), "subject", "đối tượng")
    target_raw = _required(d, "target")
    target = parse_award_code(target_raw)
    if target is None:
        valid = ", ".join([*(t.value for t in Title), *(f.value for f in RewardForm)])
        raise _fail("target", f"mã danh hiệu/hình thức không hợp lệ {target_raw!r} "
                              f"(các mã hợp lệ: {valid})")
    year = _int(_required(d, "year"), "year", minimum=1900, maximum=2200)
    category = None
    if d.get("category") is not None:
        category = _code(Category, d["category"], "category", "nhóm đối tượng")
    decision_date = None
    if d.get("decision_date") is not None:
        decision_date = _date(d["decision_date"], "decision_date")
        if decision_date < date(year, 1, 1):
            raise _fail("decision_date", f"ngày quyết định {decision_date.isoformat()} trước năm "
                                         f"xét {year}")

    records: dict[int, YearRecord] = {}
    for i, item in enumerate(_list(d.get("history"), "history")):
        record = _year_record(item, f"history[{i}]")
        if record.year in records:
            raise _fail(f"history[{i}].year", f"năm {record.year} xuất hiện hai lần")
        records[record.year] = record

    return Case(
        id=case_id,
        target=target,
        year=year,
        decision_date=decision_date,
        history=SubjectHistory(
            kind=subject,
            category=category,
            years=records,
            pending=frozenset(
                _code(PendingMatter, p, f"pending[{i}]", "việc đang chờ xử lý")
                for i, p in enumerate(_list(d.get("pending"), "pending"))),
            discipline=tuple(_discipline(x, f"discipline[{i}]")
                             for i, x in enumerate(_list(d.get("discipline"), "discipline"))),
            household_exclusions=frozenset(
                _code(HouseholdExclusion, x, f"household_exclusions[{i}]", "trường hợp loại trừ")
                for i, x in enumerate(_list(d.get("household_exclusions"),
                                            "household_exclusions"))),
        ),
    )


# --------------------------------------------------------------------------------------------
# Verdict
# --------------------------------------------------------------------------------------------


def verdict_to_dict(v: Verdict) -> dict[str, Any]:
    """The verdict in exactly the eligibility-format.md shape."""
    out: dict[str, Any] = {
        "id": v.id,
        "eligible": v.eligible,
        "authority": str(v.authority) if v.authority is not None else None,
        "checks": [
            {"rule": c.rule, "passed": c.passed, "article": c.article, "detail": c.detail}
            for c in v.checks
        ],
    }
    if v.amount_vnd is not None:
        out["amount_vnd"] = v.amount_vnd
    return out


def run_cases(items: Iterable[Any], params: RuleParameters = DEFAULT_PARAMETERS) -> list[dict]:
    """Judge every case of ``items`` in order.  An unreadable case gives
    ``{"id": …, "error": "<lý do>"}`` and the others still run."""
    if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
        raise CaseError("Đầu vào phải là một mảng JSON các hồ sơ")
    results = []
    for item in items:
        case_id = item.get("id") if isinstance(item, Mapping) else None
        try:
            results.append(verdict_to_dict(evaluate(case_from_dict(item), params)))
        except (CaseError, NoBaseSalaryError) as exc:
            results.append({"id": case_id, "error": str(exc)})
    return results
