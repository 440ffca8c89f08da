"""Readable builders for test cases: a case is written as the JSON of eligibility-format.md."""

from __future__ import annotations

from typing import Any

from thidua.rules.eligibility import Verdict, evaluate
from thidua.rules.jsonio import case_from_dict
from thidua.rules.parameters import DEFAULT_PARAMETERS, RuleParameters


def yr(year: int, rating: str | None = None, *titles: str, **extra: Any) -> dict:
    """One history entry: ``yr(2025, "HTXSNV", "LDTT", "CSTD_CO_SO", initiatives=[...])``."""
    entry: dict[str, Any] = {"year": year}
    if rating:
        entry["rating"] = rating
    if titles:
        entry["titles"] = list(titles)
    entry.update(extra)
    return entry


def members(total: int, ldtt: int, completed: int | None = None, cstd_co_so: int = 0,
            disciplined: int = 0) -> dict:
    return {"total": total, "ldtt": ldtt,
            "completed": total if completed is None else completed,
            "cstd_co_so": cstd_co_so, "disciplined_canh_cao_or_above": disciplined}


def ini(id_: str, scope: str = "CO_SO", used_for: str | None = None) -> dict:
    d = {"id": id_, "scope": scope}
    if used_for:
        d["used_for"] = used_for
    return d


def case_dict(target: str, *history: dict, subject: str = "individual",
              category: str | None = "vien_chuc", year: int = 2025, **extra: Any) -> dict:
    d: dict[str, Any] = {"id": f"t-{target.lower()}", "subject": subject, "target": target,
                         "year": year, "history": list(history)}
    if category and subject == "individual":
        d["category"] = category
    d.update(extra)
    return d


def judge(target: str, *history: dict, params: RuleParameters = DEFAULT_PARAMETERS,
          **kw: Any) -> Verdict:
    return evaluate(case_from_dict(case_dict(target, *history, **kw)), params)


def failed(verdict: Verdict) -> list[str]:
    """Rules of the failed checks (to assert which condition decided)."""
    return [c.rule for c in verdict.checks if not c.passed]


def check_for(verdict: Verdict, rule_contains: str):
    matches = [c for c in verdict.checks if rule_contains in c.rule]
    assert len(matches) == 1, (rule_contains, [c.rule for c in verdict.checks])
    return matches[0]
